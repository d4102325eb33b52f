package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/errspec/errspec/generator"
	"github.com/errspec/errspec/spec"
	"github.com/errspec/errspec/spec/table"
)

func importTable(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("import", "[-format F] [-merge SPEC] [-columns code=H,...] [-table N] [-package NAME] [-o FILE] TABLE",
		`Import reads a vendor's error table (TABLE, or - for standard input) and
writes a spec. With -merge it applies the table to an existing spec instead:
hand-set fields and comments are kept, message and solution take the table's
text, new codes are added, and codes no longer in the table are marked
deprecated rather than deleted, so code using them keeps compiling. A summary
goes to standard error; the spec goes to -o, or standard output.`, stderr)
	format := fs.String("format", "", "the table's `format`: tsv, csv, markdown, html or text; empty means by TABLE's extension")
	merge := fs.String("merge", "", "merge the table into the spec `SPEC` instead of writing a new one")
	columns := fs.String("columns", "", "header names of columns the usual words miss, as `code=H,message=H,solution=H`")
	tableN := fs.Int("table", 0, "read the `N`th table of an HTML or Markdown file (from 1); 0 means the first with a code column")
	pkg := fs.String("package", "", "the Go package `NAME` of a new spec; empty means one made from TABLE's file name")
	date := fs.String("date", time.Now().Format(time.DateOnly), "the `YYYY-MM-DD` date -merge records on codes that left the table")
	out := fs.String("o", "", "write the spec to `FILE` (replaced atomically; it may be the -merge spec) instead of standard output")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	opts := table.Options{Format: table.Format(*format), Table: *tableN}
	if *columns != "" {
		opts.Columns = map[string]string{}
		for _, kv := range strings.Split(*columns, ",") {
			field, header, ok := strings.Cut(kv, "=")
			if !ok {
				fmt.Fprintf(stderr, "errspec import: -columns %q: want field=header pairs, such as code=Error ID,message=Text\n", *columns)
				return exitUsage
			}
			opts.Columns[strings.TrimSpace(field)] = strings.TrimSpace(header)
		}
	}
	var old []byte
	if *merge != "" {
		var err error
		if old, err = os.ReadFile(*merge); err != nil {
			fmt.Fprintf(stderr, "errspec import: %v\n", err)
			return exitFailed
		}
		opts.Known = spec.Messages(old)
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
	rows := make([]spec.Row, len(t.Rows))
	for i, r := range t.Rows {
		rows[i] = spec.Row{Code: r.Code, Message: r.Message, Solution: r.Solution}
	}

	var data []byte
	if *merge != "" {
		var sum *spec.MergeSummary
		if data, sum, err = spec.Merge(*merge, old, rows, *date); err != nil {
			fmt.Fprintf(stderr, "errspec import: %v\n", err)
			return exitFailed
		}
		fmt.Fprintf(stderr, "errspec import: %s\n", sum)
		for _, l := range []struct {
			what  string
			codes []string
		}{{"added", sum.Added}, {"changed text", sum.Changed}, {"deprecated", sum.Deprecated}, {"restored", sum.Restored}} {
			if len(l.codes) > 0 {
				fmt.Fprintf(stderr, "  %s: %s\n", l.what, strings.Join(l.codes, ", "))
			}
		}
	} else {
		if *pkg == "" {
			*pkg = packageFor(name)
		}
		if data, err = spec.NewSpec(*pkg, spec.Source{Title: t.Title, Updated: t.Updated}, rows); err != nil {
			fmt.Fprintf(stderr, "errspec import: %v\n", err)
			return exitFailed
		}
		fmt.Fprintf(stderr, "errspec import: %d codes from %s\n", len(rows), name)
	}

	target := "<stdout>"
	if *out != "" {
		target = *out
		if err := generator.WriteFile(*out, data); err != nil {
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
