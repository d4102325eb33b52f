package spec

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/errspec/errspec/spec/table"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata with the current output")

// TestMergeGolden runs the cases in testdata/merge: old.yaml is a spec,
// table.tsv the vendor's new table (a header naming some of code, message,
// solution, http_status and name, then its rows; \n in a cell is a line
// break), updated, if present, the table's "last updated" date,
// options.json, if present, the MergeOptions but Date (such as {"Lang":
// "zh"}), and merged.yaml and summary, or error,
// what Merge gives (the summary's counts and details, as errspec import
// prints them). Every case is also merged a second time, which must
// change nothing.
func TestMergeGolden(t *testing.T) {
	paths, _ := filepath.Glob("testdata/merge/*.txtar")
	if len(paths) == 0 {
		t.Fatal("no cases in testdata/merge")
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			files := map[string][]byte{}
			for _, f := range ar.Files {
				files[f.Name] = f.Data
			}
			tab := readTSV(t, files["table.tsv"])
			tab.Updated = strings.TrimSpace(string(files["updated"]))
			var opts MergeOptions
			if data, ok := files["options.json"]; ok {
				dec := json.NewDecoder(bytes.NewReader(data))
				dec.DisallowUnknownFields()
				if err := dec.Decode(&opts); err != nil {
					t.Fatalf("options.json: %v", err)
				}
			}
			opts.Date = "2026-11-26"
			merged, sum, err := Merge("old.yaml", files["old.yaml"], tab, opts)
			if want, ok := files["error"]; ok {
				got := fmt.Sprintf("%v\n", err)
				if *update {
					ar.Files = slices.DeleteFunc(ar.Files, func(f txtar.File) bool { return f.Name == "error" })
					ar.Files = append(ar.Files, txtar.File{Name: "error", Data: []byte(got)})
					if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				if err == nil || got != string(want) {
					t.Errorf("error mismatch (-want +got):\n%s", cmp.Diff(string(want), got))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			summary := sum.String() + "\n"
			for _, l := range sum.Details() {
				summary += "  " + l + "\n"
			}
			if *update {
				ar.Files = slices.DeleteFunc(ar.Files, func(f txtar.File) bool { return f.Name == "merged.yaml" || f.Name == "summary" })
				ar.Files = append(ar.Files, txtar.File{Name: "merged.yaml", Data: merged}, txtar.File{Name: "summary", Data: []byte(summary)})
				if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if diff := cmp.Diff(string(files["merged.yaml"]), string(merged)); diff != "" {
				t.Errorf("merged.yaml mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(string(files["summary"]), summary); diff != "" {
				t.Errorf("summary mismatch (-want +got):\n%s", diff)
			}
			if _, err := Parse("merged.yaml", merged); err != nil {
				t.Errorf("the merged spec does not load: %v", err)
			}
			opts.Date = "2027-01-01"
			again, sum2, err := Merge("merged.yaml", merged, tab, opts)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again, merged) || len(sum2.Added)+len(sum2.Changed)+len(sum2.Deprecated)+len(sum2.Restored)+
				len(sum2.StatusChanged)+len(sum2.Respelled)+len(sum2.Named)+len(sum2.Families) != 0 || sum2.UpdatedTo != "" || sum2.Language != "" {
				t.Errorf("merging the same table twice changed the spec (%s):\n%s", sum2, cmp.Diff(string(merged), string(again)))
			}
		})
	}
}

// readTSV reads a case's table: its header names its columns, any of
// code, message, solution, http_status and name; a field it does not name
// is one the table lacks.
func readTSV(t *testing.T, data []byte) *table.Table {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = '\t'
	records, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range records[0] {
		col[h] = i
	}
	cell := func(rec []string, field string) string {
		if i, ok := col[field]; ok {
			return strings.ReplaceAll(rec[i], `\n`, "\n")
		}
		return ""
	}
	_, hasMessage := col["message"]
	_, hasSolution := col["solution"]
	_, hasStatus := col["http_status"]
	_, hasName := col["name"]
	tab := &table.Table{HasMessage: hasMessage, HasSolution: hasSolution, HasHTTPStatus: hasStatus, HasName: hasName}
	for i, rec := range records[1:] {
		status, _ := strconv.Atoi(cell(rec, "http_status"))
		tab.Rows = append(tab.Rows, table.Row{Code: cell(rec, "code"), Message: cell(rec, "message"), Solution: cell(rec, "solution"),
			HTTPStatus: status, Name: cell(rec, "name"), Line: i + 2})
	}
	return tab
}

// TestMergeShippedSpecWithItsOwnRows checks that merging the shipped spec
// with a table of its own rows reproduces it byte for byte: the encoder
// keeps its layout, comments and quoting.
// TestMergeShippedSpecWithItsOwnRows merges the tables the shipped spec
// was made from into it: the vendor's live Chinese table (as zh), which
// must change nothing, and the 2018 English page's rows into the 2018
// spec (spec/testdata/vendor/alibaba-sms-2018.yaml), likewise.
func TestMergeShippedSpecWithItsOwnRows(t *testing.T) {
	live, err := table.ReadFile("testdata/vendor/alibaba-sms-zh.tsv", table.Options{})
	if err != nil {
		t.Fatal(err)
	}
	merged, sum, err := Merge(DefaultFile, defaultSpec, live, MergeOptions{Date: "2026-11-30", Lang: "zh"})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(merged, defaultSpec) {
		t.Errorf("merging the live table changed the shipped spec:\n%s", cmp.Diff(string(defaultSpec), string(merged)))
	}
	if s, _ := Default(); sum.Unchanged != len(s.Codes) {
		t.Errorf("summary %s; want all %d unchanged", sum, len(s.Codes))
	}

	const old = "testdata/vendor/alibaba-sms-2018.yaml"
	data, err := os.ReadFile(old)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Parse(old, data)
	if err != nil {
		t.Fatal(err)
	}
	tab := &table.Table{HasMessage: true, HasSolution: true, Updated: s.Source.Updated}
	for _, c := range s.Codes {
		tab.Rows = append(tab.Rows, table.Row{Code: c.Code, Message: c.Message, Solution: c.Solution})
	}
	if merged, _, err = Merge(old, data, tab, MergeOptions{Date: "2026-11-26"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(merged, data) {
		t.Errorf("merge changed the 2018 spec:\n%s", cmp.Diff(string(data), string(merged)))
	}
}

func TestMergeRefusesNonSpecs(t *testing.T) {
	for old, want := range map[string]string{
		"":                            "old.yaml: not a spec to merge into: the file is empty, not a YAML mapping",
		"- a list\n":                  "old.yaml: not a spec to merge into: the file is a list, not a YAML mapping",
		"code\tmessage\nA\tfirst\n":   "old.yaml: not a spec to merge into: the file is plain text, not a YAML mapping of package:, codes: and the rest; is it the table? give -merge the spec, and the table last",
		"package: x\n":                "old.yaml: no codes: list to merge into",
		"package: x\ncodes: {}\n":     "old.yaml: no codes: list to merge into",
		"key: [unclosed\n":            "old.yaml: not a spec to merge into: yaml: line 1:",
		"package: x\ncodes:\n\t- a\n": "old.yaml: not a spec to merge into: yaml: ",
	} {
		_, _, err := Merge("old.yaml", []byte(old), &table.Table{}, MergeOptions{Date: "2026-11-26"})
		if err == nil || !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), "<nil>") {
			t.Errorf("Merge(%q) error = %v; want one starting %q", old, err, want)
		}
		if _, err2 := Messages("old.yaml", []byte(old), ""); err2 == nil || err == nil || err2.Error() != err.Error() {
			t.Errorf("Messages(%q) error = %v; want Merge's, %v", old, err2, err)
		}
	}
}

// TestMessages checks that Messages gives every code, with "" for one
// without a message, from a spec that need not validate.
func TestMessages(t *testing.T) {
	got, err := Messages("x.yaml", []byte("codes:\n  - code: A\n    message: a\n  - code: B\n  - code: C\n    message:\n  - code: [bad]\n  - just text\n"), "")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]string{"A": "a", "B": "", "C": ""}, got); diff != "" {
		t.Errorf("Messages mismatch (-want +got):\n%s", diff)
	}
}

func TestNewSpec(t *testing.T) {
	rows := []table.Row{
		{Code: "OK", Message: "Success"},
		{Code: "isv.LIMIT", Message: "Too many: slow down", Solution: "true"},
		{Code: "isv.LIMIT", Message: "a duplicate the reader should have dropped"},
		{Code: "22012", Message: "numeric"},
		{Code: "Quote.Me", Message: "\"quoted\" #hash\nnew line", Solution: "- dash"},
	}
	data, _, err := NewSpec("acmeerr", &table.Table{Rows: rows, Title: "Errors", Updated: "2024-01-02", HasMessage: true, HasSolution: true}, NewOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Parse("new.yaml", data)
	// 22012 derives no valid Go name: the loader says what to do.
	if err == nil || !strings.Contains(err.Error(), `code "22012" derives Go name "22012"`) {
		t.Fatalf("Parse of the new spec: %v; want only the 22012 naming problem\n%s", err, data)
	}
	fixed := bytes.Replace(data, []byte("code: \"22012\"\n"), []byte("code: \"22012\"\n    name: Numeric22012\n"), 1)
	s, err := Parse("new.yaml", fixed)
	if err != nil {
		t.Fatalf("Parse after adding name: %v\n%s", err, fixed)
	}
	want := []Entry{
		{Code: "OK", Message: "Success", Success: true},
		{Code: "isv.LIMIT", Message: "Too many: slow down", Solution: "true", Fault: FaultClient},
		{Code: "22012", Message: "numeric", Fault: FaultClient, Name: "Numeric22012"},
		{Code: "Quote.Me", Message: "\"quoted\" #hash\nnew line", Solution: "- dash", Fault: FaultClient},
	}
	if len(s.Codes) != len(want) {
		t.Fatalf("%d codes, want %d:\n%s", len(s.Codes), len(want), fixed)
	}
	for i, w := range want {
		g := s.Codes[i]
		if g.Code != w.Code || g.Message != w.Message || g.Solution != w.Solution || g.Success != w.Success || g.Fault != w.Fault {
			t.Errorf("code %d = %+v, want %+v", i, g, w)
		}
	}
	if s.Package != "acmeerr" || s.Service != "Errors" || s.Source.Title != "Errors" || s.Source.Updated != "2024-01-02" {
		t.Errorf("header = %q %q %+v; want the page's title as the service too", s.Package, s.Service, s.Source)
	}
	// Like errspec init's starter, the spec points editors at the schema.
	schema, _, _ := bytes.Cut(starterSpec, []byte("\n"))
	if first, _, _ := bytes.Cut(data, []byte("\n")); !bytes.Equal(first, schema) || !bytes.HasPrefix(schema, []byte("# yaml-language-server: $schema=")) {
		t.Errorf("the new spec starts %q; want the starter's first line, %q", first, schema)
	}
	// A table without a title leaves service: out (the package names it).
	data, _, err = NewSpec("acmeerr", &table.Table{Rows: rows[:1], HasMessage: true}, NewOptions{})
	if err != nil || bytes.Contains(data, []byte("service:")) || !bytes.HasPrefix(data, schema) {
		t.Errorf("a new spec from an untitled table (%v):\n%s", err, data)
	}
}

// TestMergeAmbiguousRespelling checks that a table code that respells two
// spec codes is not made an alias of either: it is a new code, as the
// merge cannot choose.
func TestMergeAmbiguousRespelling(t *testing.T) {
	old := "package: x\ncodes:\n  - code: A_B\n    name: First\n  - code: AB\n    name: Second\n"
	tab := &table.Table{HasMessage: true, Rows: []table.Row{{Code: "A_B", Message: "one"}, {Code: "AB", Message: "two"}, {Code: "a-b", Message: "three"}}}
	merged, sum, err := Merge("old.yaml", []byte(old), tab, MergeOptions{Date: "2026-01-02"})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Respelled) != 0 || !slices.Equal(sum.Added, []string{"a-b"}) || bytes.Contains(merged, []byte("aliases")) {
		t.Errorf("summary %s, respelled %v:\n%s", sum, sum.Respelled, merged)
	}
}

// TestMessagesLanguages checks that Messages gives each code's message in
// the language asked for, the primary's for none, plain text as the
// primary's, and aliases' too.
func TestMessagesLanguages(t *testing.T) {
	spec := "package: x\nlanguages: [en, zh-Hans]\ncodes:\n  - code: A\n    message: {en: a, zh-Hans: 甲}\n  - code: B\n    message: b\n    aliases: [b.old]\n  - code: C\n    message: {zh-Hans: 丙}\n"
	for lang, want := range map[string]map[string]string{
		"":        {"A": "a", "B": "b", "b.old": "b", "C": ""},
		"en":      {"A": "a", "B": "b", "b.old": "b", "C": ""},
		"zh-hans": {"A": "甲", "B": "", "b.old": "", "C": "丙"},
		"fr":      {"A": "", "B": "", "b.old": "", "C": ""},
	} {
		got, err := Messages("x.yaml", []byte(spec), lang)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Messages(%q) mismatch (-want +got):\n%s", lang, diff)
		}
	}
}

// TestNewSpecOptions checks what a new spec takes from NewOptions and the
// table's HTTP status and name columns: languages: [Lang] with plain text,
// http_status where the table gives one, name: where the table's name
// differs from the derived one, and the families it proposes, declared
// before codes:.
func TestNewSpecOptions(t *testing.T) {
	rows := []table.Row{
		{Code: "OK", Message: "成功", HTTPStatus: 200},
		{Code: "23505", Message: "重复", Name: "unique_violation", HTTPStatus: 409},
		{Code: "LimitExceeded", Message: "超限", Name: "limit exceeded"},
		{Code: "LimitExceeded.A", Message: "甲"},
		{Code: "LimitExceeded.B", Message: "乙", Name: "名字"},
		{Code: "LimitExceeded.C", Message: "丙"},
	}
	tab := &table.Table{Rows: rows, HasMessage: true, HasHTTPStatus: true, HasName: true}
	data, families, err := NewSpec("x", tab, NewOptions{Lang: "zh", Families: true})
	if err != nil {
		t.Fatal(err)
	}
	s, err := Parse("new.yaml", data)
	if err != nil {
		t.Fatalf("the new spec does not load: %v\n%s", err, data)
	}
	if !slices.Equal(s.Languages, []string{"zh"}) || s.Codes[1].Texts["zh"].Message != "重复" || !bytes.Contains(data, []byte("message: 重复\n")) {
		t.Errorf("languages %v, texts %v; want [zh] and plain text:\n%s", s.Languages, s.Codes[1].Texts, data)
	}
	for i, want := range []struct {
		status int
		name   string
	}{{200, ""}, {409, "UniqueViolation"}, {0, ""}, {0, ""}, {0, ""}, {0, ""}} {
		if c := s.Codes[i]; c.HTTPStatus != want.status || c.Name != want.name {
			t.Errorf("code %s: http_status %d, name %q; want %d, %q", c.Code, c.HTTPStatus, c.Name, want.status, want.name)
		}
	}
	want := []FamilyProposal{{Prefix: "LimitExceeded.", Members: 3, Parent: "LimitExceeded"}}
	if diff := cmp.Diff(want, families); diff != "" || len(s.Families) != 1 || s.Families[0].Parent == nil {
		t.Errorf("families mismatch (-want +got):\n%s\n%s", diff, data)
	}
	// Without the options: no languages:, no families:.
	data, families, err = NewSpec("x", tab, NewOptions{})
	if err != nil || families != nil || bytes.Contains(data, []byte("languages:")) || bytes.Contains(data, []byte("families:")) {
		t.Errorf("a new spec without options (%v, %v):\n%s", err, families, data)
	}
}
