package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/errspec/errspec/generator/output"
	"github.com/errspec/errspec/spec"
	"github.com/errspec/errspec/spec/table"
)

func importTable(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("import", "[-format F] [-lang TAG] [-families] [-merge SPEC] [-columns code=H,...] [-table N] [-package NAME] [-date YYYY-MM-DD] [-o FILE|-] TABLE",
		`Import reads a vendor's error table (TABLE, or - for standard input) and
writes a spec. With -merge it applies the table to an existing spec instead:
hand-set fields and comments are kept, message and solution take the table's
text (a field the table has no column for is kept; with -lang, only that
language's text), http_status the table's status where it gives one,
source.updated the page's "last updated" date; new codes are added, a code the
table respells (InvalidUri for InvalidURI) becomes an alias, and codes no
longer in the table are marked deprecated rather than deleted, so code using
them keeps compiling, but for success codes and codes marked local: true,
which are kept. A code's Go name never changes. A table with no codes, or
none of the spec's, is refused. -families proposes families for the dotted
prefixes 3 or more codes share. A summary goes to standard error; the spec
goes to -o, or standard output (-o -). -o does not overwrite a file other
than the -merge spec, and writes through a symbolic link to the file it
names.`, stdout, stderr)
	format := fs.String("format", "", "the table's `format`: tsv, csv, markdown, html, text or json; empty means by TABLE's extension")
	lang := fs.String("lang", "", "the BCP 47 language `TAG` of the table's text (en, zh); with -merge, only that language's text is written, and TAG joins the spec's languages:")
	families := fs.Bool("families", false, "propose families for the dotted prefixes (LimitExceeded.) that 3 or more codes share; with -merge, add those the spec lacks")
	merge := fs.String("merge", "", "merge the table into the spec `SPEC` instead of writing a new one")
	columns := fs.String("columns", "", "header names (or JSON keys) of columns the usual words miss, as `code=H,message=H,...`; fields: code, message, solution, http_status, name")
	tableN := fs.Int("table", 0, "read the `N`th table of an HTML or Markdown file (from 1); 0 means the first with a code column")
	pkg := fs.String("package", "", "the Go package `NAME` of a new spec; empty means one made from TABLE's file name")
	date := fs.String("date", time.Now().Format(time.DateOnly), "the `YYYY-MM-DD` date -merge records on codes that left the table")
	out := fs.String("o", "", "write the spec to `FILE`, a new file or the -merge spec (replaced atomically), or - for standard output")
	if code := fs.parse(args); code >= 0 {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	name := fs.Arg(0)
	cols, err := parseColumns(*columns)
	if err == nil {
		err = checkImportFlags(*date, *pkg, *lang, name, *format)
	}
	if err != nil {
		fmt.Fprintf(stderr, "errspec import: %v\n", err)
		return exitUsage
	}

	res, err := spec.Import(spec.ImportOptions{
		Table: name, Stdin: stdin,
		Read:  table.Options{Format: table.Format(*format), Table: *tableN, Columns: cols},
		Merge: *merge, Package: *pkg, Date: *date, Out: *out, Lang: *lang, Families: *families,
	})
	return finishImport(res, err, name, *out, stdout, stderr)
}

// checkImportFlags refuses flags import cannot work with, before any work.
func checkImportFlags(date, pkg, lang, table, format string) error {
	if _, err := time.Parse(time.DateOnly, date); err != nil {
		return fmt.Errorf("-date %q: want a date as YYYY-MM-DD, such as %s", date, time.Now().Format(time.DateOnly))
	}
	if pkg != "" {
		if err := spec.CheckPackage(pkg); err != nil {
			return err
		}
	}
	if lang != "" {
		if err := spec.CheckLanguage(lang); err != nil {
			return fmt.Errorf("-lang: %w", err)
		}
	}
	if table == "-" && format == "" {
		return fmt.Errorf("give -format when reading the table from standard input")
	}
	return nil
}

// finishImport reports what spec.Import did, and writes the spec it made
// to out, or standard output.
func finishImport(res *spec.Imported, err error, name, out string, stdout, stderr io.Writer) int {
	if res != nil {
		for _, w := range res.Table.Warnings {
			fmt.Fprintln(stderr, w)
		}
	}
	if err != nil {
		if _, ok := errors.AsType[*table.Error](err); ok {
			fmt.Fprintln(stderr, err)
		} else {
			fmt.Fprintf(stderr, "errspec import: %v\n", err)
		}
		return exitFailed
	}
	if res.Summary != nil {
		printSummary(stderr, res.Summary)
	} else {
		fmt.Fprintf(stderr, "errspec import: %s from %s\n", count(len(res.Table.Rows), "code"), name)
		if len(res.Families) > 0 {
			var families []string
			for _, f := range res.Families {
				families = append(families, f.String())
			}
			fmt.Fprintf(stderr, "  families proposed: %s\n", strings.Join(families, ", "))
		}
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(stderr, "errspec import: warning: %s\n", w)
	}
	if out != "" && out != "-" {
		if err := output.WriteFile(out, res.Spec); err != nil {
			fmt.Fprintf(stderr, "errspec import: %v\n", err)
			return exitFailed
		}
	} else {
		stdout.Write(res.Spec)
	}
	if res.Problems != nil {
		fmt.Fprintf(stderr, "errspec import: the spec needs these fixes before errspec generate accepts it:\n%v\n", res.Problems)
		return exitFailed
	}
	return exitOK
}

// fields are the columns -columns may name.
var fields = []string{"code", "message", "solution", "http_status", "name"}

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
			return nil, fmt.Errorf("-columns: unknown field %q in %q; the fields are code, message, solution, http_status and name", field, kv)
		case header == "":
			return nil, fmt.Errorf("-columns: %s= names no header; give the header of the %s column, such as %s=Error ID", field, field, field)
		case cols[field] != "":
			return nil, fmt.Errorf("-columns: %s is given twice (%s=%s and %s=%s); give each field once", field, field, cols[field], field, header)
		}
		cols[field] = header
	}
	return cols, nil
}

// printSummary reports what a merge changed: the counts, then the codes of
// each kind and the date.
func printSummary(w io.Writer, sum *spec.MergeSummary) {
	fmt.Fprintf(w, "errspec import: %s\n", sum)
	for _, l := range sum.Details() {
		fmt.Fprintf(w, "  %s\n", l)
	}
}

// count gives n and the noun, plural unless n is 1: "1 code", "2 codes".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
