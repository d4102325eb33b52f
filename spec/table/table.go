package table

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"os"
	"slices"
	"unicode/utf8"
)

// maxSize is the largest input Read reads, 64 MiB: vendor pages with their
// scripts and styles are a few MiB, and a runaway input is refused before
// it is read whole.
const maxSize = 64 << 20

// Options says how to read a table. The zero Options reads the format the
// file name's extension names and finds the columns by the vendors' usual
// header words.
type Options struct {
	// Format is the table's format; empty means [FormatOf] the name given
	// to Read. Any spelling [ParseFormat] accepts will do.
	Format Format
	// Columns names the header of a field's column, for headers that are
	// not among the usual words: keys are "code", "message", "solution",
	// "http_status" and "name", values header texts (or, in JSON, keys), matched ignoring case, spaces and
	// punctuation (so "Error_Code" matches "error code"). A field not
	// named here is found by the usual words.
	Columns map[string]string
	// Table picks the Nth table (1-based, in document order, nested
	// tables counted) of an HTML page or a Markdown file; its first row is
	// the header unless a <thead> says otherwise. 0 picks the first table
	// with a header row that names a code column. Other formats hold one
	// table and refuse a Table other than 0.
	Table int
	// Known maps codes to the messages already known for them, typically
	// from the spec a table is merged into. The text format, whose rows
	// do not mark where a message ends and its solution starts, splits a
	// row exactly when its text starts with the code's known message, and
	// by guess otherwise. Other formats ignore it.
	Known map[string]string
}

// Row is one row of a vendor's table.
type Row struct {
	// Code is the wire code, never empty.
	Code string
	// Message and Solution are the vendor's words, with whitespace at
	// either end trimmed; empty when the table has no such column.
	Message  string
	Solution string
	// HTTPStatus is the HTTP status the table gives the code, from 100 to
	// 599, or 0: the table has no such column, or the cell names no
	// status ("403 Forbidden" and "403" are 403; "N/A" is none).
	HTTPStatus int
	// Name is the code's name as the table writes it (PostgreSQL's
	// unique_violation for 23505), trimmed; empty when the table has no
	// name column.
	Name string
	// Line is the input line the row starts at (for HTML, the line of its
	// <tr>), for messages.
	Line int
	// Guessed marks a text-format row whose message and solution were
	// split by guess rather than by a known message; a warning says so
	// too.
	Guessed bool
}

// Duplicate is a code a table lists more than once.
type Duplicate struct {
	Code string
	// Lines are the lines of every row with the code, in order: the
	// first is the row Table.Rows keeps, the others are dropped.
	Lines []int
}

// Table is what Read found in a vendor's table.
type Table struct {
	// Rows are the table's rows in the vendor's order, one per code.
	Rows []Row
	// Title and Updated are the page's title and its "last updated" date
	// as YYYY-MM-DD, when a text, HTML or Markdown page gives them, for a
	// spec's source: block; empty otherwise.
	Title   string
	Updated string
	// HasMessage and HasSolution report whether the table has a message
	// column and a solution column. A row's Message or Solution is empty
	// either because its cell is or because the table has no such column;
	// these tell the two apart, so that a merge can keep a spec's text for
	// a column the table lacks. A text table has the columns its header
	// names.
	HasMessage  bool
	HasSolution bool
	// HasHTTPStatus and HasName report the same of an HTTP status column
	// and a name column.
	HasHTTPStatus bool
	HasName       bool
	// Warnings are the things a person should check, in line order: rows
	// skipped (no code, a repeated code, a repeated header, a section
	// heading), cells beyond the header, columns not read because their
	// headers name no field, rows split by guess.
	Warnings []Warning
	// Duplicates lists the codes given more than once, in the order of
	// their first rows. Each repeat is a warning too.
	Duplicates []Duplicate
}

// ReadFile reads the table in the named file; see [Read].
func ReadFile(path string, opts Options) (*Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, path, opts)
}

// Read reads a vendor's error table from r. name is the input's file name:
// messages start with it, and without Options.Format its extension names
// the format. Problems that stop the table being read come back as an
// [*Error]; those that only skip or change a row are the table's Warnings.
func Read(r io.Reader, name string, opts Options) (*Table, error) {
	rd, format, err := newReader(name, opts)
	if err != nil {
		return nil, err
	}
	data, err := rd.input(r)
	if err != nil {
		return nil, err
	}
	switch format {
	case TSV:
		err = rd.columnar(readTSV(data))
	case CSV:
		var g grid
		if g, err = rd.readCSV(data); err == nil {
			err = rd.columnar(g)
		}
	case Markdown:
		err = rd.markdown(data)
	case HTML:
		err = rd.html(data)
	case Text:
		err = rd.text(data)
	case JSON:
		var g grid
		if g, err = rd.readJSON(data); err == nil {
			err = rd.columnar(g)
		}
	}
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(rd.t.Warnings, func(a, b Warning) int { return cmp.Compare(a.Line, b.Line) })
	return rd.t, nil
}

// reader holds the state of one Read: the options, the table so far and
// the codes seen.
type reader struct {
	file  string
	opts  Options
	match matcher
	t     *Table
	seen  map[string]int // code → line of its first row
	dups  map[string]int // code → index in t.Duplicates
}

func newReader(name string, opts Options) (*reader, Format, error) {
	rd := &reader{file: name, opts: opts, t: &Table{}, seen: map[string]int{}, dups: map[string]int{}}
	var format Format
	var err error
	if opts.Format == "" {
		format, err = FormatOf(name)
	} else {
		format, err = ParseFormat(string(opts.Format))
	}
	if err != nil {
		return nil, "", rd.errorf(0, "%v", err)
	}
	switch {
	case opts.Table < 0:
		return nil, "", rd.errorf(0, "table number %d: tables are counted from 1 (0 picks the first with a code column)", opts.Table)
	case opts.Table > 0 && format != HTML && format != Markdown:
		return nil, "", rd.errorf(0, "a %s file holds one table; a table number (%d) is only for html and markdown", format, opts.Table)
	}
	if rd.match, err = newMatcher(opts.Columns); err != nil {
		return nil, "", rd.errorf(0, "%v", err)
	}
	return rd, format, nil
}

// input reads r whole and checks that it is UTF-8 text, dropping a byte
// order mark.
func (rd *reader) input(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	if err != nil {
		return nil, rd.errorf(0, "%v", err)
	}
	if len(data) > maxSize {
		return nil, rd.errorf(0, "the table is larger than %d MiB; cut it down to the table itself", maxSize>>20)
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil, rd.errorf(1, "the file is UTF-16 text (as Excel's \"Unicode text\" saves it); convert it to UTF-8, e.g. iconv -f UTF-16 -t UTF-8")
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			i += size
		}
		return nil, rd.errorf(1+bytes.Count(data[:i], []byte("\n")),
			"invalid UTF-8 (byte 0x%02x); convert the file to UTF-8, e.g. iconv -f GBK -t UTF-8 for a Chinese spreadsheet's export", data[i])
	}
	return data, nil
}

func (rd *reader) errorf(line int, format string, args ...any) error {
	return &Error{File: rd.file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

func (rd *reader) warn(line int, format string, args ...any) {
	rd.t.Warnings = append(rd.t.Warnings, Warning{File: rd.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// add appends a row to the table, or, when its code is already there,
// records the duplicate and drops the row.
func (rd *reader) add(row Row) {
	first, ok := rd.seen[row.Code]
	if !ok {
		rd.seen[row.Code] = row.Line
		rd.t.Rows = append(rd.t.Rows, row)
		return
	}
	i, ok := rd.dups[row.Code]
	if !ok {
		i = len(rd.t.Duplicates)
		rd.dups[row.Code] = i
		rd.t.Duplicates = append(rd.t.Duplicates, Duplicate{Code: row.Code, Lines: []int{first}})
	}
	rd.t.Duplicates[i].Lines = append(rd.t.Duplicates[i].Lines, row.Line)
	rd.warn(row.Line, "code %q is listed again (first at line %d); this row is dropped and the first kept", row.Code, first)
}
