package spec

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
)

// A load case is a txtar archive in testdata/load: its comment says what
// it covers, spec.yaml is a spec the loader must refuse, and error is
// exactly what Parse reports for it. go test ./spec -update rewrites each
// error with what Parse gives now.
const (
	loadCases = "testdata/load/*.txtar"
	loadSpec  = "spec.yaml"
	loadError = "error"
)

func TestLoadGolden(t *testing.T) {
	paths, err := filepath.Glob(loadCases)
	if err != nil || len(paths) == 0 {
		t.Fatalf("no cases in %s: %v", loadCases, err)
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var src, want []byte
			for _, f := range ar.Files {
				switch f.Name {
				case loadSpec:
					src = f.Data
				case loadError:
					want = f.Data
				default:
					t.Fatalf("unexpected file %s in the case; it holds %s and %s", f.Name, loadSpec, loadError)
				}
			}
			if src == nil {
				t.Fatalf("the case has no %s", loadSpec)
			}
			_, err = Parse(loadSpec, src)
			if err == nil {
				t.Fatalf("%s loads; a load case is a spec the loader refuses (one the generator refuses goes in generator/testdata)", loadSpec)
			}
			got := []byte(err.Error() + "\n")
			if *update {
				ar.Files = slices.DeleteFunc(ar.Files, func(f txtar.File) bool { return f.Name == loadError })
				ar.Files = append(ar.Files, txtar.File{Name: loadError, Data: got})
				if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want == nil {
				t.Fatalf("the case has no %s (go test ./spec -update adds it)", loadError)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s mismatch (-want +got):\n%s", loadError, diff)
			}
		})
	}
}
