package table

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
)

// lines splits text into lines, dropping the \r of CRLF line ends.
func lines(data []byte) []string {
	ls := strings.Split(string(data), "\n")
	for i, l := range ls {
		ls[i] = strings.TrimSuffix(l, "\r")
	}
	if len(ls) > 0 && ls[len(ls)-1] == "" {
		ls = ls[:len(ls)-1]
	}
	return ls
}

// readTSV reads tab-separated lines: the first non-blank line is the
// header, each other non-blank line a row; cells are split at every tab
// and taken as written (TSV has no quoting).
func readTSV(data []byte) grid {
	g := grid{extra: " (a tab in a cell splits it)"}
	found := false
	for i, l := range lines(data) {
		if strings.TrimSpace(l) == "" {
			continue
		}
		rec := record{line: i + 1, cells: strings.Split(l, "\t")}
		if !found {
			g.header, found = rec, true
			continue
		}
		g.rows = append(g.rows, rec)
	}
	if !found {
		g.header.line = 1
	}
	return g
}

// readCSV reads comma-separated values as RFC 4180 and encoding/csv define
// them: a cell in double quotes may hold commas, line breaks and doubled
// quotes (""). The first record is the header.
func (rd *reader) readCSV(data []byte) (grid, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	g := grid{extra: " (quote a cell that holds a comma)"}
	g.header.line = 1
	for first := true; ; first = false {
		cells, err := r.Read()
		if errors.Is(err, io.EOF) {
			return g, nil
		}
		if err != nil {
			return g, rd.csvError(err)
		}
		line, _ := r.FieldPos(0)
		rec := record{line: line, cells: cells}
		if first {
			g.header = rec
			continue
		}
		g.rows = append(g.rows, rec)
	}
}

// csvError turns encoding/csv's error into one that says how to fix the
// file.
func (rd *reader) csvError(err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return rd.errorf(0, "%v", err)
	}
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return rd.errorf(pe.Line, "a \" in a cell that is not quoted (column %d); quote the whole cell and double each quote inside it (\"say \"\"hi\"\"\")", pe.Column)
	case errors.Is(pe.Err, csv.ErrQuote):
		if pe.StartLine != pe.Line {
			return rd.errorf(pe.StartLine, "the quoted cell that starts on this line is not closed properly (by line %d); end it with a \" and double each quote inside it", pe.Line)
		}
		return rd.errorf(pe.Line, "a quoted cell does not end with its closing \" before the next comma (column %d); double each quote inside it (\"\")", pe.Column)
	}
	return rd.errorf(pe.Line, "%v", pe.Err)
}
