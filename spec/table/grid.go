package table

import (
	"fmt"
	"slices"
	"strings"
)

// grid is one table as a format's reader finds it: a header row and the
// rows under it, each a list of cells in column order.
type grid struct {
	line     int  // where the table starts
	headless bool // an HTML table without a header row: not one to pick
	header   record
	rows     []record
	notes    []note // warnings about the table's shape, given if it is read
	extra    string // what a row with more cells than the header suggests
	// keyed marks a grid read from JSON objects: its header is their keys,
	// and messages name keys rather than columns.
	keyed bool
	odd   []oddCell // cells whose value is no text, for a warning if read
}

// oddCell is a JSON value that is not text (an object), at a line and in
// a column.
type oddCell struct {
	line, col int
	what      string
}

// record is one row of a grid, at a line of the input.
type record struct {
	line  int
	cells []string
}

type note struct {
	line int
	msg  string
}

func (r record) cell(i int) string {
	if i < 0 || i >= len(r.cells) {
		return ""
	}
	return strings.TrimSpace(r.cells[i])
}

// texts returns the record's cells, trimmed.
func (r record) texts() []string {
	t := make([]string, len(r.cells))
	for i := range t {
		t[i] = r.cell(i)
	}
	return t
}

// columnar reads the rows of a table whose cells are delimited: finds the
// columns by the header, then takes each row's code, message and solution.
func (rd *reader) columnar(g grid) error {
	if len(g.header.cells) == 0 {
		return rd.errorf(g.header.line, "the table is empty; it needs a header row naming its columns (such as code, message, solution) and a row per code")
	}
	header := g.header.texts()
	cols, also, err := rd.match.find(header, g.keyed)
	if err != nil {
		return rd.errorf(g.header.line, "%v", err)
	}
	for _, msg := range also {
		rd.warn(g.header.line, "%s", msg)
	}
	rd.unread(g, header, cols)
	for _, c := range g.odd {
		if f := slices.Index(cols[:], c.col); f >= 0 {
			rd.warn(c.line, "the key %q holds %s, not text; the %s is left empty", header[c.col], c.what, field(f))
		}
	}
	rd.t.HasMessage, rd.t.HasSolution = cols[fieldMessage] >= 0, cols[fieldSolution] >= 0
	rd.t.HasHTTPStatus, rd.t.HasName = cols[fieldStatus] >= 0, cols[fieldName] >= 0
	for _, n := range g.notes {
		rd.warn(n.line, "%s", n.msg)
	}
	for _, rec := range g.rows {
		rd.record(rec, header, cols, g.extra, g.keyed)
	}
	return nil
}

// unread warns, at the header's line, about each column that is not read
// because its header names no field: a column whose text the import would
// otherwise drop without a word. A column passed over for a better one of
// its field has find's warning instead; one with neither a header nor any
// text is nothing.
func (rd *reader) unread(g grid, header []string, cols columns) {
	var missing []field
	for _, f := range []field{fieldMessage, fieldSolution} {
		if cols[f] < 0 {
			missing = append(missing, f)
		}
	}
	for i, h := range header {
		if slices.Contains(cols[:], i) {
			continue
		}
		if _, _, ok := rd.match.field(h); ok {
			continue
		}
		if norm(h) == "" && !g.keyed {
			if slices.ContainsFunc(g.rows, func(r record) bool { return r.cell(i) != "" }) {
				rd.warn(g.header.line, "column %d has text but no header, so it is not read; give it a header (such as Solution) to read it", i+1)
			}
			continue
		}
		col, header, others := fmt.Sprintf("column %d (%q)", i+1, h), "its header is", "columns"
		if g.keyed {
			col, header, others = fmt.Sprintf("key %q", h), "it is", "keys"
		}
		if len(missing) == 0 {
			rd.warn(g.header.line, "%s is not read: %s none of the usual names, and the code, message and solution come from other %s; to read it as one of them, name it with the columns option (FIELD=%s)", col, header, others, h)
			continue
		}
		var what, hint []string
		for _, f := range missing {
			what, hint = append(what, "the "+f.String()), append(hint, f.String()+"="+h)
		}
		rd.warn(g.header.line, "%s is not read: %s none of the usual names of a code, message or solution column; if it holds %s, name it with the columns option (%s)", col, header, strings.Join(what, " or "), strings.Join(hint, " or "))
	}
}

// record adds one row of a grid to the table, unless it is blank, has no
// code or repeats the header.
func (rd *reader) record(rec record, header []string, cols columns, extra string, keyed bool) {
	blank := true
	for i := range rec.cells {
		if rec.cell(i) != "" {
			blank = false
			break
		}
	}
	if blank {
		return
	}
	for i := len(header); i < len(rec.cells); i++ {
		if rec.cell(i) != "" {
			rd.warn(rec.line, "the row has %d cells, the header %d; the cells past the header are ignored%s", len(rec.cells), len(header), extra)
			break
		}
	}
	row := Row{
		Code:     rec.cell(cols[fieldCode]),
		Message:  rec.cell(cols[fieldMessage]),
		Solution: rec.cell(cols[fieldSolution]),
		Name:     rec.cell(cols[fieldName]),
		Line:     rec.line,
	}
	if row.Code == "" {
		what := "row"
		if keyed {
			what = "object"
		}
		rd.warn(rec.line, "the %s has no code; it is skipped (%q)", what, preview(rec.cells))
		return
	}
	if !keyed && repeatsHeader(rec, header, cols) {
		rd.warn(rec.line, "the header again; the row is skipped")
		return
	}
	rd.status(&row, rec.cell(cols[fieldStatus]))
	rd.add(row)
}

// status sets a row's HTTPStatus from its status cell, with a warning when
// the cell has a number that is not one status.
func (rd *reader) status(row *Row, cell string) {
	n, ok := parseStatus(cell)
	if !ok {
		rd.warn(row.Line, "%s: the HTTP status %q is not one status from 100 to 599; the code gets none (write it in the spec's http_status: if the vendor gives one)", row.Code, cell)
	}
	row.HTTPStatus = n
}

// repeatsHeader reports whether a row is a copy of the header, as long
// tables repeat it.
func repeatsHeader(rec record, header []string, cols columns) bool {
	for _, c := range cols {
		if c >= 0 && norm(rec.cell(c)) != norm(header[c]) {
			return false
		}
	}
	return true
}

// preview gives the start of a row's text for a message.
func preview(cells []string) string {
	var parts []string
	for _, c := range cells {
		if c = strings.TrimSpace(c); c != "" {
			parts = append(parts, c)
		}
	}
	s := strings.Join(parts, " | ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:57]) + "..."
	}
	return s
}

// pick returns the table Options.Table names, counting from 1, or else
// the first whose header names a code column; get builds the ith of n
// tables (0-based), kind names them in messages.
func (rd *reader) pick(n int, kind string, get func(i int) (grid, error)) (grid, error) {
	if k := rd.opts.Table; k > 0 {
		if k > n {
			tables := "tables"
			if n == 1 {
				tables = "table"
			}
			return grid{}, rd.errorf(0, "table %d asked for, but the file has %d %s %s", k, n, kind, tables)
		}
		return get(k - 1)
	}
	var seen []string
	for i := range n {
		g, err := get(i)
		if err != nil {
			return g, err
		}
		if g.headless {
			seen = append(seen, fmt.Sprintf("table %d (line %d) has no header row", i+1, g.line))
			continue
		}
		header := g.header.texts()
		if _, _, err := rd.match.find(header, false); err == nil {
			return g, nil
		}
		seen = append(seen, fmt.Sprintf("table %d (line %d) has the headers %s", i+1, g.header.line, listHeaders(header)))
	}
	if n == 0 {
		return grid{}, rd.errorf(0, "no %s table in the file", kind)
	}
	if len(seen) > 5 {
		seen = append(seen[:5], fmt.Sprintf("and %d more", len(seen)-5))
	}
	return grid{}, rd.errorf(0, "no %s table with an error code column: %s; name the code column with the columns option (code=HEADER), or pick a table by its number", kind, strings.Join(seen, "; "))
}
