package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/errspec/errspec/generator/output"
	"github.com/errspec/errspec/spec"
	"github.com/errspec/errspec/spec/table"
)

func importTable(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("import", "[-format F] [-merge SPEC] [-columns code=H,...] [-table N] [-package NAME] [-date YYYY-MM-DD] [-o FILE] TABLE",
		`Import reads a vendor's error table (TABLE, or - for standard input) and
writes a spec. With -merge it applies the table to an existing spec instead:
hand-set fields and comments are kept, message and solution take the table's
text (a field the table has no column for is kept), source.updated takes the
page's "last updated" date, new codes are added, and codes no longer in the
table are marked deprecated rather than deleted, so code using them keeps
compiling. A table with no codes, or none of the spec's, is refused. A
summary goes to standard error; the spec goes to -o, or standard output. -o
does not overwrite a file other than the -merge spec.`, stdout, stderr)
	format := fs.String("format", "", "the table's `format`: tsv, csv, markdown, html or text; empty means by TABLE's extension")
	merge := fs.String("merge", "", "merge the table into the spec `SPEC` instead of writing a new one")
	columns := fs.String("columns", "", "header names of columns the usual words miss, as `code=H,message=H,solution=H`")
	tableN := fs.Int("table", 0, "read the `N`th table of an HTML or Markdown file (from 1); 0 means the first with a code column")
	pkg := fs.String("package", "", "the Go package `NAME` of a new spec; empty means one made from TABLE's file name")
	date := fs.String("date", time.Now().Format(time.DateOnly), "the `YYYY-MM-DD` date -merge records on codes that left the table")
	out := fs.String("o", "", "write the spec to `FILE`, a new file or the -merge spec (replaced atomically), instead of standard output")
	if code := fs.parse(args); code >= 0 {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	if _, err := time.Parse(time.DateOnly, *date); err != nil {
		fmt.Fprintf(stderr, "errspec import: -date %q: want a date as YYYY-MM-DD, such as %s\n", *date, time.Now().Format(time.DateOnly))
		return exitUsage
	}
	opts := table.Options{Format: table.Format(*format), Table: *tableN}
	var err error
	if opts.Columns, err = parseColumns(*columns); err != nil {
		fmt.Fprintf(stderr, "errspec import: %v\n", err)
		return exitUsage
	}
	if err := checkOutput(*out, *merge); err != nil {
		fmt.Fprintf(stderr, "errspec import: %v\n", err)
		return exitFailed
	}
	var old []byte
	if *merge != "" {
		if old, err = os.ReadFile(*merge); err == nil {
			opts.Known, err = spec.Messages(*merge, old)
		}
		if err != nil {
			fmt.Fprintf(stderr, "errspec import: %v\n", err)
			return exitFailed
		}
	}

	name, in := fs.Arg(0), stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(stderr, "errspec import: %v\n", err)
			return exitFailed
		}
		defer f.Close()
		in = f
	} else if opts.Format == "" {
		fmt.Fprintln(stderr, "errspec import: give -format when reading the table from standard input")
		return exitUsage
	}
	t, err := table.Read(in, name, opts)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFailed
	}
	for _, w := range t.Warnings {
		fmt.Fprintf(stderr, "%s\n", w)
	}
	if err := checkTable(t, tableName(name), *merge, opts.Known); err != nil {
		fmt.Fprintf(stderr, "errspec import: %v\n", err)
		return exitFailed
	}
	rows := make([]spec.Row, len(t.Rows))
	for i, r := range t.Rows {
		rows[i] = spec.Row{Code: r.Code, Message: r.Message, Solution: r.Solution}
	}

	var data []byte
	if *merge != "" {
		var sum *spec.MergeSummary
		tab := spec.Table{Rows: rows, NoMessage: !t.HasMessage, NoSolution: !t.HasSolution, Updated: t.Updated}
		if data, sum, err = spec.Merge(*merge, old, tab, *date); err != nil {
			fmt.Fprintf(stderr, "errspec import: %v\n", err)
			return exitFailed
		}
		printSummary(stderr, *merge, sum)
	} else {
		if *pkg == "" {
			*pkg = packageFor(name)
		}
		if data, err = spec.NewSpec(*pkg, spec.Source{Title: t.Title, Updated: t.Updated}, rows); err != nil {
			fmt.Fprintf(stderr, "errspec import: %v\n", err)
			return exitFailed
		}
		fmt.Fprintf(stderr, "errspec import: %s from %s\n", count(len(rows), "code"), name)
	}

	target := "<stdout>"
	if *out != "" {
		target = *out
		if err := output.WriteFile(*out, data); err != nil {
			fmt.Fprintf(stderr, "errspec import: %v\n", err)
			return exitFailed
		}
	} else {
		stdout.Write(data)
	}
	// The spec is written either way, so that a person can fix what the
	// vendor's table leaves open (names that collide, codes that are not
	// Go names), guided by the loader's messages.
	if _, err := spec.Parse(target, data); err != nil {
		fmt.Fprintf(stderr, "errspec import: the spec needs these fixes before errspec generate accepts it:\n%v\n", err)
		return exitFailed
	}
	return exitOK
}

// fields are the columns -columns may name.
var fields = []string{"code", "message", "solution"}

// parseColumns reads -columns, field=header pairs separated by commas,
// refusing a field it does not know and one given twice.
func parseColumns(s string) (map[string]string, error) {
	if s == "" {
		return nil, nil
	}
	cols := map[string]string{}
	for _, kv := range strings.Split(s, ",") {
		field, header, ok := strings.Cut(kv, "=")
		field, header = strings.ToLower(strings.TrimSpace(field)), strings.TrimSpace(header)
		switch {
		case !ok:
			return nil, fmt.Errorf("-columns %q: want FIELD=HEADER pairs separated by commas, such as code=Error ID,message=Text", s)
		case !slices.Contains(fields, field):
			return nil, fmt.Errorf("-columns: unknown field %q in %q; the fields are code, message and solution", field, kv)
		case header == "":
			return nil, fmt.Errorf("-columns: %s= names no header; give the header of the %s column, such as %s=Error ID", field, field, field)
		case cols[field] != "":
			return nil, fmt.Errorf("-columns: %s is given twice (%s=%s and %s=%s); give each field once", field, field, cols[field], field, header)
		}
		cols[field] = header
	}
	return cols, nil
}

// checkOutput refuses an -o that would overwrite a spec the table is not
// merged into, or that names a folder. -o equal to -merge is the in-place
// update.
func checkOutput(out, merge string) error {
	if out == "" {
		return nil
	}
	info, err := os.Stat(out)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return err
	case info.IsDir():
		return fmt.Errorf("-o %s is a folder; give the file to write the spec to, such as %s", out, filepath.Join(out, "errors.yaml"))
	}
	if merge != "" {
		if m, err := os.Stat(merge); err == nil && os.SameFile(info, m) {
			return nil
		}
	}
	return fmt.Errorf("%s exists; merge the table into it with -merge %s -o %s, or choose another -o", out, out, out)
}

// checkTable refuses a table that would only do harm: one with no codes,
// or, merged into a spec with codes, one that shares none of them, which
// would deprecate every code of the spec. Both are most often the wrong
// table, or the right one read wrong.
func checkTable(t *table.Table, name, merge string, known map[string]string) error {
	const hint = "is it the right table? (-table, -format, -columns)"
	switch {
	case len(t.Rows) == 0 && merge != "":
		return fmt.Errorf("%s has no codes; merging it would deprecate every code of %s: %s", name, merge, hint)
	case len(t.Rows) == 0:
		return fmt.Errorf("%s has no codes: %s", name, hint)
	case len(known) == 0:
		return nil
	}
	var codes []string
	for _, r := range t.Rows {
		if _, ok := known[r.Code]; ok {
			return nil
		}
		if len(codes) < 3 {
			codes = append(codes, strconv.Quote(r.Code))
		}
	}
	if len(t.Rows) == 1 {
		return fmt.Errorf("the table's one code, %s, is not in %s: %s", codes[0], merge, hint)
	}
	if len(t.Rows) > len(codes) {
		codes = append(codes, "...")
	}
	return fmt.Errorf("none of the table's %d codes (%s) is in %s: %s", len(t.Rows), strings.Join(codes, ", "), merge, hint)
}

// printSummary reports what a merge into the spec file changed: the
// counts, the codes of each kind, the date, and a warning when most of the
// spec's codes left the table.
func printSummary(w io.Writer, file string, sum *spec.MergeSummary) {
	fmt.Fprintf(w, "errspec import: %s\n", sum)
	for _, l := range []struct {
		what  string
		codes []string
	}{{"added", sum.Added}, {"changed text", sum.Changed}, {"deprecated", sum.Deprecated}, {"restored", sum.Restored}} {
		if len(l.codes) > 0 {
			fmt.Fprintf(w, "  %s: %s\n", l.what, strings.Join(l.codes, ", "))
		}
	}
	if sum.UpdatedTo != "" {
		fmt.Fprintf(w, "  source.updated: %s → %s\n", cmp.Or(sum.UpdatedFrom, "(none)"), sum.UpdatedTo)
	}
	if n := len(sum.Deprecated); 2*n > sum.Codes {
		fmt.Fprintf(w, "errspec import: warning: %d of the %s in %s are not in the table, and are now deprecated; check that it is the right table (-table, -format, -columns) before you commit the spec\n",
			n, count(sum.Codes, "code"), file)
	}
}

// tableName names the table for a message.
func tableName(name string) string {
	if name == "-" {
		return "the table on standard input"
	}
	return name
}

// count gives n and the noun, plural unless n is 1: "1 code", "2 codes".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// packageFor makes a Go package name from a table's file name:
// tencent-sms.tsv gives tencentsmserr.
func packageFor(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	var b strings.Builder
	for _, r := range strings.ToLower(base) {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) && b.Len() > 0) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 || path == "-" {
		return "vendorerr"
	}
	return strings.TrimSuffix(b.String(), "err") + "err"
}
