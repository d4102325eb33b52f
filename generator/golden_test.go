package generator

import (
	"bytes"
	"flag"
	"go/format"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/errspec/errspec/spec"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files (testdata/*.txtar and gen/smserr) with the current output")

// A golden case is a txtar archive in testdata: its comment says what it
// covers, spec.yaml is the input, and the other files are every expected
// output, or, for a spec that must be refused, "error" holds the expected
// message. Files the generator should not write fail the test, as do
// files it writes that the case lacks. A case may also hold tests of the
// generated package (files named *_test.go), written as its callers would
// write them: TestGoldenCompiles runs them.
const (
	caseSpec  = "spec.yaml"
	caseError = "error"
)

// shipped is the committed output of the embedded spec, the golden case of
// the shipped table.
const shipped = "../gen/smserr"

func TestGolden(t *testing.T) {
	paths, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden cases in testdata: %v", err)
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			in, want, _ := splitCase(t, ar)
			got := elideFixed(t, caseSpec, in, outputs(caseSpec, in))
			if *update {
				writeCase(t, path, ar, got)
				return
			}
			compareFiles(t, want, got)
		})
	}
}

// TestGoldenShipped checks the committed gen/smserr against the embedded
// spec: it is the golden output of the shipped table.
func TestGoldenShipped(t *testing.T) {
	got := outputs(spec.DefaultFile, spec.DefaultYAML())
	if *update {
		// The generator writes nothing; make generate writes gen/smserr
		// with the CLI, and this writes the same bytes.
		for _, name := range slices.Sorted(maps.Keys(got)) {
			if err := os.WriteFile(filepath.Join(shipped, name), got[name], 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	want := map[string][]byte{}
	for name := range got {
		data, err := os.ReadFile(filepath.Join(shipped, name))
		if err != nil {
			t.Fatalf("%v (run make generate)", err)
		}
		want[name] = data
	}
	compareFiles(t, want, got)
}

// outputs runs the whole pipeline on a spec and returns what it gives:
// every output file, or the error text as the file "error".
func outputs(name string, data []byte) map[string][]byte {
	s, err := spec.Parse(name, data)
	if err != nil {
		return map[string][]byte{caseError: []byte(err.Error() + "\n")}
	}
	files, err := Generate(s, Options{})
	if err != nil {
		return map[string][]byte{caseError: []byte(err.Error() + "\n")}
	}
	return files
}

// fixedMarker stands for the fixed half of a generated Go file in the
// golden cases: every package has it (the source of generator/fixed, with
// its placeholders filled in), and TestGolden checks that each Go file
// holds it, once, where the marker stands. The committed gen/smserr shows
// it whole.
const fixedMarker = "// ... the code of generator/fixed, filled in for this package ..."

// elideFixed replaces the fixed half of each Go file in files, the outputs
// of the spec in data, with fixedMarker.
func elideFixed(t *testing.T, name string, data []byte, files map[string][]byte) map[string][]byte {
	t.Helper()
	s, err := spec.Parse(name, data)
	if err != nil {
		return files
	}
	fc, err := fixedCode()
	if err != nil {
		t.Fatal(err)
	}
	body, err := fill(fc.body, placeholders(newModel(s)))
	if err != nil {
		t.Fatal(err)
	}
	if body, err = format.Source(body); err != nil {
		t.Fatal(err)
	}
	body = bytes.TrimRight(body, "\n")
	out := maps.Clone(files)
	for file, src := range files {
		if !strings.HasSuffix(file, ".go") {
			continue
		}
		if n := bytes.Count(src, body); n != 1 {
			t.Fatalf("%s holds the fixed half %d times, want once", file, n)
		}
		out[file] = bytes.Replace(src, body, []byte(fixedMarker), 1)
	}
	return out
}

// splitCase returns a case's spec, its expected outputs, and its tests of
// the generated package.
func splitCase(t *testing.T, ar *txtar.Archive) (in []byte, want, tests map[string][]byte) {
	t.Helper()
	want, tests = map[string][]byte{}, map[string][]byte{}
	for _, f := range ar.Files {
		switch {
		case f.Name == caseSpec:
			in = f.Data
		case want[f.Name] != nil || tests[f.Name] != nil:
			t.Fatalf("file %s is in the case twice", f.Name)
		case strings.HasSuffix(f.Name, "_test.go"):
			tests[f.Name] = f.Data
		default:
			want[f.Name] = f.Data
		}
	}
	if in == nil {
		t.Fatalf("case has no %s", caseSpec)
	}
	return in, want, tests
}

func compareFiles(t *testing.T, want, got map[string][]byte) {
	t.Helper()
	for _, name := range slices.Sorted(maps.Keys(want)) {
		if _, ok := got[name]; !ok {
			t.Errorf("%s: expected, but not generated", name)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(got)) {
		w, ok := want[name]
		if !ok {
			t.Errorf("%s: generated, but not expected (go test ./generator -update adds it)", name)
			continue
		}
		if diff := cmp.Diff(string(w), string(got[name])); diff != "" {
			t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
		}
	}
}

// writeCase rewrites a case with new outputs, keeping its comment and spec.
func writeCase(t *testing.T, path string, ar *txtar.Archive, got map[string][]byte) {
	t.Helper()
	out := &txtar.Archive{Comment: ar.Comment}
	for _, f := range ar.Files {
		if f.Name == caseSpec || strings.HasSuffix(f.Name, "_test.go") {
			out.Files = append(out.Files, f)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(got)) {
		out.Files = append(out.Files, txtar.File{Name: name, Data: got[name]})
	}
	writeArchive(t, path, out)
}

func writeArchive(t *testing.T, path string, ar *txtar.Archive) {
	t.Helper()
	if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestGoldenCompiles builds every golden Go output, and the shipped one, as
// packages of a throwaway module, runs go vet on them and runs the cases'
// own tests of them: generated code must type-check and vet clean for any
// spec the loader accepts, import nothing but the standard library, and
// behave as its callers expect.
func TestGoldenCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds with the go command; skipped in -short mode")
	}
	dir := t.TempDir()
	write := func(name string, data []byte) {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", []byte("module golden\n\ngo 1.23\n"))
	paths, _ := filepath.Glob("testdata/*.txtar")
	cases := map[string]map[string][]byte{"shipped": outputs(spec.DefaultFile, spec.DefaultYAML())}
	tests := 0
	for _, path := range paths {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		in, _, caseTests := splitCase(t, ar)
		name := strings.TrimSuffix(filepath.Base(path), ".txtar")
		cases[name] = outputs(caseSpec, in)
		if _, ok := cases[name][caseError]; !ok {
			maps.Copy(cases[name], caseTests)
			tests += len(caseTests)
		}
	}
	built := 0
	for name, files := range cases {
		for file, data := range files {
			if file == caseError {
				continue
			}
			write(filepath.Join(strings.ReplaceAll(name, "-", "_"), file), data)
			if strings.HasSuffix(file, ".go") {
				built++
			}
		}
	}
	if built < 2 || tests == 0 {
		t.Fatalf("only %d golden Go files to build, %d tests to run", built, tests)
	}
	for _, args := range [][]string{{"vet", "./..."}, {"test", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s of the golden outputs: %v\n%s", args[0], err, out)
		}
	}
	cmd := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", "./...")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if !strings.HasPrefix(pkg, "golden/") {
			t.Errorf("generated code imports %s, which is not in the standard library", pkg)
		}
	}
}

// TestDeterministic generates every case twice and demands the same bytes.
func TestDeterministic(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*.txtar")
	inputs := map[string][]byte{spec.DefaultFile: spec.DefaultYAML()}
	for _, path := range paths {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		inputs[path], _, _ = splitCase(t, ar)
	}
	for name, in := range inputs {
		a, b := outputs(caseSpec, in), outputs(caseSpec, in)
		for file := range a {
			if !bytes.Equal(a[file], b[file]) {
				t.Errorf("%s: %s differs between two runs", name, file)
			}
		}
	}
}
