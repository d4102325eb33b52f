package table

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
)

// spec/testdata/vendor holds the vendors' pages and tables these tests
// read (see its README for where each came from).
const (
	seedFile  = "../testdata/vendor/alibaba-sms-api-errors.txt"
	tablesDir = "../testdata/vendor"
	shipped   = "../testdata/vendor/alibaba-sms-2018.yaml" // the spec transcribed from the seed page
)

// cells is a row without its line: what must agree between formats.
type cells struct{ Code, Message, Solution string }

func rowCells(rows []Row) []cells {
	out := make([]cells, len(rows))
	for i, r := range rows {
		out[i] = cells{r.Code, r.Message, r.Solution}
	}
	return out
}

func readFile(t *testing.T, path string, opts Options) *Table {
	t.Helper()
	tb, err := ReadFile(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// TestSeedKnown reads the seed page with the 2018 spec's messages known:
// it must give every row of that spec exactly, in order.
func TestSeedKnown(t *testing.T) {
	s := loadSpec(t, shipped)
	known := map[string]string{}
	var want []cells
	for _, c := range s.Codes {
		known[c.Code] = c.Message
		want = append(want, cells{c.Code, c.Message, c.Solution})
	}
	tb := readFile(t, seedFile, Options{Known: known})
	if diff := cmp.Diff(want, rowCells(tb.Rows)); diff != "" {
		t.Errorf("rows mismatch (-want +got):\n%s", diff)
	}
	if tb.Title != s.Source.Title || tb.Updated != s.Source.Updated {
		t.Errorf("Title, Updated = %q, %q; want the spec's %q, %q", tb.Title, tb.Updated, s.Source.Title, s.Source.Updated)
	}
	if len(tb.Warnings) > 0 || len(tb.Duplicates) > 0 {
		t.Errorf("warnings %v, duplicates %v; want none", tb.Warnings, tb.Duplicates)
	}
	for _, r := range tb.Rows {
		if r.Guessed {
			t.Errorf("%s: split by guess with its message known", r.Code)
		}
	}
}

// TestSeedGuess measures the split heuristic on the seed page without
// known messages: every row is a warning, and each split agrees with the
// spec transcribed by hand.
func TestSeedGuess(t *testing.T) {
	s := loadSpec(t, shipped)
	tb := readFile(t, seedFile, Options{})
	if len(tb.Rows) != len(s.Codes) || len(tb.Warnings) != len(s.Codes) {
		t.Fatalf("%d rows, %d warnings; want %d of each", len(tb.Rows), len(tb.Warnings), len(s.Codes))
	}
	right := 0
	for i, r := range tb.Rows {
		c := s.Codes[i]
		if r.Code == c.Code && r.Message == c.Message && r.Solution == c.Solution {
			right++
		} else {
			t.Errorf("%s: guessed %q | %q, want %q | %q", r.Code, r.Message, r.Solution, c.Message, c.Solution)
		}
		if !r.Guessed {
			t.Errorf("%s: not marked Guessed", r.Code)
		}
	}
	t.Logf("the guess splits %d of %d rows right", right, len(tb.Rows))
}

// realTables are the vendors' tables in spec/testdata/vendor, with what
// they hold.
var realTables = []struct {
	file string
	rows int
}{
	{"alibaba-sms-zh.tsv", 88},
	{"tencent-sms.tsv", 94},
	{"tencent-cvm.tsv", 422},
}

// TestRealTables reads the real tables: every row, no duplicate, nothing
// to warn about, each cell as a plain split of the line gives it. Then it
// writes each table out in the other formats and reads it back: every
// format must give the same rows.
func TestRealTables(t *testing.T) {
	for _, rt := range realTables {
		t.Run(rt.file, func(t *testing.T) {
			path := filepath.Join(tablesDir, rt.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			tb := readFile(t, path, Options{})
			if len(tb.Rows) != rt.rows || len(tb.Duplicates) != 0 || len(tb.Warnings) != 0 {
				t.Fatalf("%d rows, duplicates %v, warnings %v; want %d rows and none of the others", len(tb.Rows), tb.Duplicates, tb.Warnings, rt.rows)
			}
			var want []cells
			for _, l := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")[1:] {
				f := append(strings.Split(l, "\t"), "", "")
				want = append(want, cells{f[0], f[1], f[2]})
			}
			if diff := cmp.Diff(want, rowCells(tb.Rows)); diff != "" {
				t.Fatalf("rows mismatch (-want +got):\n%s", diff)
			}
			for i, r := range tb.Rows {
				if r.Line != i+2 {
					t.Fatalf("row %d (%s) at line %d, want %d", i, r.Code, r.Line, i+2)
				}
			}
			known := map[string]string{}
			for _, r := range tb.Rows {
				known[r.Code] = r.Message
			}
			for format, text := range map[Format]string{
				CSV: asCSV(t, want), Markdown: asMarkdown(want), HTML: asHTML(want), Text: asText(want),
			} {
				got, err := Read(strings.NewReader(text), rt.file, Options{Format: format, Known: known})
				if err != nil {
					t.Fatalf("%s: %v", format, err)
				}
				if diff := cmp.Diff(want, rowCells(got.Rows)); diff != "" {
					t.Errorf("%s: rows mismatch (-want +got):\n%s", format, diff)
				}
				if len(got.Warnings) > 0 {
					t.Errorf("%s: warnings %v", format, got.Warnings)
				}
			}
		})
	}
}

func asCSV(t *testing.T, rows []cells) string {
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Write([]string{"Error code", "Error message", "Cause and solution"})
	for _, r := range rows {
		w.Write([]string{r.Code, r.Message, r.Solution})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func asMarkdown(rows []cells) string {
	esc := strings.NewReplacer("|", `\|`).Replace
	var b strings.Builder
	b.WriteString("# Errors\n\n| 错误码 | 错误描述 | 解决方案 |\n| --- | :-- | --: |\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %s | %s |\n", esc(r.Code), esc(r.Message), esc(r.Solution))
	}
	return b.String()
}

func asHTML(rows []cells) string {
	var b strings.Builder
	b.WriteString("<html><body><h1>Errors</h1><table>\n<thead><tr><th>Code</th><th>Message</th><th>Solution</th></tr></thead>\n<tbody>\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "<tr>\n  <td><code>%s</code></td>\n  <td>%s</td>\n  <td><p>%s</p></td>\n</tr>\n",
			html.EscapeString(r.Code), html.EscapeString(r.Message), html.EscapeString(r.Solution))
	}
	b.WriteString("</tbody></table></body></html>\n")
	return b.String()
}

func asText(rows []cells) string {
	var b strings.Builder
	b.WriteString("Error codes\nLast Updated: Jan 2, 2006\nError code Error message Cause and solution\n")
	for _, r := range rows {
		fmt.Fprintln(&b, strings.TrimSpace(r.Code+" "+r.Message+" "+r.Solution))
	}
	return b.String()
}

func TestFormatOf(t *testing.T) {
	for name, want := range map[string]Format{
		"a.tsv": TSV, "a.TSV": TSV, "dir.d/a.csv": CSV, "a.md": Markdown, "a.markdown": Markdown,
		"a.html": HTML, "a.htm": HTML, "a.txt": Text, "a.json": JSON,
	} {
		if got, err := FormatOf(name); got != want || err != nil {
			t.Errorf("FormatOf(%q) = %q, %v; want %q", name, got, err, want)
		}
	}
	for _, name := range []string{"a", "a.xlsx", "a.", ".tsv/a", "md"} {
		if got, err := FormatOf(name); err == nil {
			t.Errorf("FormatOf(%q) = %q, want an error", name, got)
		}
	}
	for s, want := range map[string]Format{"tsv": TSV, "CSV": CSV, "md": Markdown, " Markdown ": Markdown, "htm": HTML, "txt": Text, "text": Text, "JSON": JSON} {
		if got, err := ParseFormat(s); got != want || err != nil {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", s, got, err, want)
		}
	}
	if _, err := ParseFormat("xlsx"); err == nil || !strings.Contains(err.Error(), "tsv, csv, markdown, html, text or json") {
		t.Errorf("ParseFormat(xlsx) error %v, want one that lists the formats", err)
	}
}

// TestEncoding checks that input which is not UTF-8 is refused with the
// line and a way to convert it, and that a UTF-8 byte order mark is not.
func TestEncoding(t *testing.T) {
	for _, tc := range []struct {
		in, want string
	}{
		{"\xff\xfec\x00o\x00d\x00e\x00", "x.tsv:1: the file is UTF-16 text"},
		{"code\tmessage\nA\t\xb4\xed\xce\xf3\n", "x.tsv:2: invalid UTF-8 (byte 0xb4); convert the file to UTF-8, e.g. iconv -f GBK"},
	} {
		_, err := Read(strings.NewReader(tc.in), "x.tsv", Options{})
		var e *Error
		if !errors.As(err, &e) || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Read(%q) = %v, want an *Error starting %q", tc.in, err, tc.want)
		}
	}
	tb, err := Read(strings.NewReader("\uFEFFcode\tmessage\r\nA\ta\r\n"), "x.tsv", Options{})
	if err != nil || len(tb.Rows) != 1 || tb.Rows[0] != (Row{Code: "A", Message: "a", Line: 2}) {
		t.Errorf("a BOM and CRLF: %+v, %v", tb, err)
	}
}

type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

func TestTooLarge(t *testing.T) {
	_, err := Read(endless{}, "x.txt", Options{})
	if err == nil || !strings.Contains(err.Error(), "larger than 64 MiB") {
		t.Errorf("an endless input: %v, want an error saying it is too large", err)
	}
}

type failing struct{}

func (failing) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }

func TestReadError(t *testing.T) {
	_, err := Read(failing{}, "x.csv", Options{})
	if err == nil || err.Error() != "x.csv: unexpected EOF" {
		t.Errorf("a failing reader: %v", err)
	}
	if _, err := ReadFile("testdata/none.tsv", Options{}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("ReadFile of a missing file: %v, want os.ErrNotExist", err)
	}
}

// TestHostileHTML checks that spans and nesting that would multiply a
// page's size stay bounded: Read finishes quickly, with rows or an error.
func TestHostileHTML(t *testing.T) {
	for name, page := range map[string]string{
		"spans":   "<table><tr><th>code</th></tr><tr>" + strings.Repeat(`<td rowspan="0" colspan="1000">x`, 200) + strings.Repeat("<tr>", 200000) + "</table>",
		"nesting": strings.Repeat("<table><tr><td>", 100000) + strings.Repeat("text ", 10000),
		"columns": "<table><tr>" + strings.Repeat("<th>code", 5000) + "</tr><tr><td>A</td></tr></table>",
	} {
		start := time.Now()
		tb, err := Read(strings.NewReader(page), "x.html", Options{})
		t.Logf("%s: read in %v", name, time.Since(start)) // logged, not asserted: machines are noisy
		if err == nil && len(tb.Rows) == 0 && len(tb.Warnings) == 0 {
			t.Errorf("%s: no rows, warnings or error", name)
		}
	}
}

func TestMessages(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{(&Error{File: "a.csv", Line: 3, Msg: "bad"}).Error(), "a.csv:3: bad"},
		{(&Error{File: "a.csv", Msg: "bad"}).Error(), "a.csv: bad"},
		{Warning{File: "a.html", Line: 12, Msg: "check"}.String(), "a.html:12: check"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"Jun 15, 2018": "2018-06-15", "June 15 2018": "2018-06-15", "15 June 2018": "2018-06-15",
		"Sept. 3rd, 2021": "2021-09-03", "2024-01-25 10:23:45": "2024-01-25", "2024/1/5": "2024-01-05",
		"2023年11月2日": "2023-11-02", "2023-02-30": "", "Foo 1, 2020": "", "2020-13-01": "", "soon": "",
	} {
		got, ok := parseDate(in)
		if got != want || ok != (want != "") {
			t.Errorf("parseDate(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

// TestTableNumberCount checks that asking for a table past the last one
// counts the tables in words that read right, one or more.
func TestTableNumberCount(t *testing.T) {
	table := "| Code | Message |\n| --- | --- |\n| A | a |\n"
	for page, want := range map[string]string{
		table:                "table 3 asked for, but the file has 1 pipe table",
		table + "\n" + table: "table 3 asked for, but the file has 2 pipe tables",
	} {
		_, err := Read(strings.NewReader(page), "errors.md", Options{Table: 3})
		if err == nil || !strings.HasSuffix(err.Error(), want) {
			t.Errorf("error %v; want one ending %q", err, want)
		}
	}
}

// TestMarkdownUpdated checks that a Markdown page's "last updated" line is
// read however the page sets it off: emphasised, strong, quoted, or as a
// list item.
func TestMarkdownUpdated(t *testing.T) {
	for _, line := range []string{
		"Last updated: 2024-11-18",
		"*Last updated: 2024-11-18*",
		"_Last updated: 2024-11-18_",
		"**Last updated:** 2024-11-18",
		"__Last updated__: Nov 18, 2024",
		"> Last updated: 2024-11-18",
		"> *Last updated: 18 November 2024*",
		"- Last updated: `2024-11-18`",
	} {
		page := "# SMS errors\n\n" + line + "\n\n| Code | Message |\n| --- | --- |\n| A | a |\n"
		tb, err := Read(strings.NewReader(page), "errors.md", Options{})
		if err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		if tb.Updated != "2024-11-18" || tb.Title != "SMS errors" || len(tb.Warnings) > 0 {
			t.Errorf("%q: Updated %q, Title %q, warnings %v; want 2024-11-18 and SMS errors", line, tb.Updated, tb.Title, tb.Warnings)
		}
	}
}

// fuzzFormats are the formats FuzzRead reads its input in, by number.
var fuzzFormats = []Format{TSV, CSV, Markdown, HTML, Text, JSON}

// FuzzRead reads anything in every format: Read must not panic, must fail
// with an *Error, and every row it gives has a code, listed once.
func FuzzRead(f *testing.F) {
	paths, _ := filepath.Glob("testdata/*.txtar")
	for _, path := range paths {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range ar.Files {
			if ext, ok := strings.CutPrefix(file.Name, "input."); ok {
				if format, err := FormatOf(file.Name); err == nil {
					f.Add(file.Data, uint8(slices.Index(fuzzFormats, format)), uint8(0))
				} else {
					f.Add(file.Data, uint8(len(ext)), uint8(1))
				}
			}
		}
	}
	if seed, err := os.ReadFile(seedFile); err == nil {
		f.Add(seed, uint8(slices.Index(fuzzFormats, Text)), uint8(0))
	}
	f.Fuzz(func(t *testing.T, data []byte, format, table uint8) {
		opts := Options{
			Format: fuzzFormats[int(format)%len(fuzzFormats)],
			Table:  int(table % 4),
			Known:  map[string]string{"OK": "Accepted", "A": "a"},
		}
		if opts.Format != HTML && opts.Format != Markdown {
			opts.Table = 0
		}
		tb, err := Read(bytes.NewReader(data), "fuzz", opts)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v (%T) is not an *Error", err, err)
			}
			return
		}
		seen := map[string]bool{}
		for _, r := range tb.Rows {
			if r.Code == "" || r.Line < 1 {
				t.Fatalf("row %+v: an empty code or no line", r)
			}
			if seen[r.Code] {
				t.Fatalf("code %q listed twice in Rows", r.Code)
			}
			seen[r.Code] = true
		}
		for _, d := range tb.Duplicates {
			if !seen[d.Code] || len(d.Lines) < 2 {
				t.Fatalf("duplicate %+v", d)
			}
		}
	})
}

// TestHeaderWords checks how headers that join words with &, / or "and"
// are read: as "and" where the whole is a usual name, as the field every
// part names where they agree, and as nothing where they do not.
func TestHeaderWords(t *testing.T) {
	m, err := newMatcher(nil)
	if err != nil {
		t.Fatal(err)
	}
	for header, want := range map[string]string{
		"Cause & solution":        "solution",
		"Causes & Solutions":      "solution",
		"Cause/Solution":          "solution",
		"Cause / solution":        "solution",
		"原因/解决方案":                 "solution",
		"Solution / Remarks":      "solution",
		"Description & Details":   "message",
		"Error code / Code":       "code",
		"Error code":              "code",
		"Message and solution":    "",
		"Error code & message":    "",
		"Cause and":               "",
		"& / and":                 "",
		"Status":                  "http_status",
		"HTTP Status Code":        "http_status",
		"Condition name":          "name",
		"Severity":                "",
		"Cause & solution & fix!": "solution",
	} {
		f, _, ok := m.field(header)
		got := ""
		if ok {
			got = f.String()
		}
		if got != want {
			t.Errorf("field(%q) = %q, want %q", header, got, want)
		}
	}
}
