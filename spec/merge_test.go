package spec

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata with the current output")

// TestMergeGolden runs the cases in testdata/merge: old.yaml is a spec,
// table.tsv the vendor's new table (code, message, solution), merged.yaml
// and summary what Merge gives. Every case is also merged a second time,
// which must change nothing.
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
			rows := readTSV(t, files["table.tsv"])
			merged, sum, err := Merge("old.yaml", files["old.yaml"], rows, "2026-11-26")
			if err != nil {
				t.Fatal(err)
			}
			if *update {
				ar.Files = []txtar.File{
					{Name: "old.yaml", Data: files["old.yaml"]},
					{Name: "table.tsv", Data: files["table.tsv"]},
					{Name: "merged.yaml", Data: merged},
					{Name: "summary", Data: []byte(sum.String() + "\n")},
				}
				if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if diff := cmp.Diff(string(files["merged.yaml"]), string(merged)); diff != "" {
				t.Errorf("merged.yaml mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(string(files["summary"]), sum.String()+"\n"); diff != "" {
				t.Errorf("summary mismatch (-want +got):\n%s", diff)
			}
			if _, err := Parse("merged.yaml", merged); err != nil {
				t.Errorf("the merged spec does not load: %v", err)
			}
			again, sum2, err := Merge("merged.yaml", merged, rows, "2027-01-01")
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again, merged) || len(sum2.Added)+len(sum2.Changed)+len(sum2.Deprecated)+len(sum2.Restored) != 0 {
				t.Errorf("merging the same table twice changed the spec (%s):\n%s", sum2, cmp.Diff(string(merged), string(again)))
			}
		})
	}
}

func readTSV(t *testing.T, data []byte) []Row {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = '\t'
	r.FieldsPerRecord = 3
	records, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var rows []Row
	for _, rec := range records[1:] {
		rows = append(rows, Row{Code: rec[0], Message: strings.ReplaceAll(rec[1], `\n`, "\n"), Solution: rec[2]})
	}
	return rows
}

// TestMergeShippedSpecWithItsOwnRows checks that merging the shipped spec
// with a table of its own rows reproduces it byte for byte: the encoder
// keeps its layout, comments and quoting.
func TestMergeShippedSpecWithItsOwnRows(t *testing.T) {
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var rows []Row
	for _, c := range s.Codes {
		rows = append(rows, Row{c.Code, c.Message, c.Solution})
	}
	merged, sum, err := Merge(DefaultFile, defaultSpec, rows, "2026-11-26")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(merged, defaultSpec) {
		t.Errorf("merge changed the shipped spec:\n%s", cmp.Diff(string(defaultSpec), string(merged)))
	}
	if sum.Unchanged != len(s.Codes) {
		t.Errorf("summary %s; want all %d unchanged", sum, len(s.Codes))
	}
}

func TestMergeRefusesNonSpecs(t *testing.T) {
	for _, old := range []string{"", "- a list\n", "package: x\n", "package: x\ncodes: {}\n", "key: [unclosed\n"} {
		if _, _, err := Merge("old.yaml", []byte(old), nil, "2026-11-26"); err == nil || !strings.HasPrefix(err.Error(), "old.yaml: ") {
			t.Errorf("Merge(%q) error = %v; want one naming old.yaml", old, err)
		}
	}
}

func TestNewSpec(t *testing.T) {
	rows := []Row{
		{Code: "OK", Message: "Success"},
		{Code: "isv.LIMIT", Message: "Too many: slow down", Solution: "true"},
		{Code: "isv.LIMIT", Message: "a duplicate the reader should have dropped"},
		{Code: "22012", Message: "numeric"},
		{Code: "Quote.Me", Message: "\"quoted\" #hash\nnew line", Solution: "- dash"},
	}
	data, err := NewSpec("acmeerr", Source{Title: "Errors", Updated: "2024-01-02"}, rows)
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
	want := []Code{
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
	if s.Package != "acmeerr" || s.Source.Title != "Errors" || s.Source.Updated != "2024-01-02" {
		t.Errorf("header = %q %+v", s.Package, s.Source)
	}
}
