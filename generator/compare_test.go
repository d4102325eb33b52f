package generator

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errspec/errspec/spec"
	"golang.org/x/tools/txtar"
)

// TestCompareGolden runs the cases in testdata/diff: old.yaml and new.yaml
// are two versions of a spec, and text, markdown and json the reports
// errspec diff gives in each format. breaks says whether the change breaks
// callers (exit status 1).
func TestCompareGolden(t *testing.T) {
	paths, _ := filepath.Glob("testdata/diff/*.txtar")
	if len(paths) == 0 {
		t.Fatal("no cases in testdata/diff")
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			in := map[string][]byte{}
			want := map[string][]byte{}
			for _, f := range ar.Files {
				if strings.HasSuffix(f.Name, ".yaml") {
					in[f.Name] = f.Data
				} else {
					want[f.Name] = f.Data
				}
			}
			var specs []*spec.Spec
			for _, name := range []string{"old.yaml", "new.yaml"} {
				s, err := spec.Parse(name, in[name])
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				specs = append(specs, s)
			}
			r, err := Compare(specs[0], specs[1])
			if err != nil {
				t.Fatal(err)
			}
			got := map[string][]byte{}
			for name, write := range map[string]func(*bytes.Buffer) error{
				"text":     func(b *bytes.Buffer) error { return r.WriteText(b) },
				"markdown": func(b *bytes.Buffer) error { return r.WriteMarkdown(b) },
				"json":     func(b *bytes.Buffer) error { return r.WriteJSON(b) },
			} {
				var b bytes.Buffer
				if err := write(&b); err != nil {
					t.Fatal(err)
				}
				got[name] = b.Bytes()
			}
			got["breaks"] = []byte(map[bool]string{true: "yes\n", false: "no\n"}[r.Breaks()])
			if *update {
				out := &txtar.Archive{Comment: ar.Comment}
				for _, name := range []string{"old.yaml", "new.yaml"} {
					out.Files = append(out.Files, txtar.File{Name: name, Data: in[name]})
				}
				for _, name := range []string{"breaks", "text", "markdown", "json"} {
					out.Files = append(out.Files, txtar.File{Name: name, Data: got[name]})
				}
				writeArchive(t, path, out)
				return
			}
			compareFiles(t, want, got)
		})
	}
}
