package generator

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/errspec/errspec/generator/bench"
	"github.com/errspec/errspec/spec"
)

// tablesDir holds real vendor tables (code, message, solution) as TSV.
const tablesDir = "../spec/testdata/vendor"

// The TestLookup tests generate packages, each with a test inside that
// checks Lookup: it must return the spec's row for every code of the
// table, and nothing for near misses (a byte changed, a prefix, a suffix,
// the empty string, a letter or digit near the middle changed to another
// of its kind), for random unknown codes, or for the codes of the other
// tables. Larger tables
// are checked through the generator's copy of the hash, in
// TestPerfectHashSynthetic; building a package of 100,000 codes takes a
// minute.

// TestLookupShipped checks the shipped spec's package.
func TestLookupShipped(t *testing.T) { checkLookups(t, "shipped") }

// TestLookupRealTables checks the packages of the real vendor tables in
// spec/testdata/vendor.
func TestLookupRealTables(t *testing.T) { checkLookups(t, "real") }

// TestLookupSynthetic checks the packages of synthetic tables of up to
// 10,000 codes.
func TestLookupSynthetic(t *testing.T) { checkLookups(t, "synthetic") }

// lookupGroups are the specs of the TestLookup tests, by test.
func lookupGroups(t *testing.T) map[string]map[string]*spec.Spec {
	synth := map[string]*spec.Spec{}
	for _, n := range []int{1, 2, 1000, 10_000} {
		synth[fmt.Sprintf("synth%d", n)] = mustParse(t, "synth.yaml", bench.SpecYAML(n))
	}
	return map[string]map[string]*spec.Spec{
		"shipped":   {"shipped": mustParse(t, spec.DefaultFile, spec.DefaultYAML())},
		"real":      realTables(t),
		"synthetic": synth,
	}
}

// lookupRun is the one build of every TestLookup package: a throwaway
// module of them all, tested by one go test, so that the tests share the
// go command's work. results holds each package's outcome, by name.
var lookupRun struct {
	once    sync.Once
	results map[string]string // "pass", or the failing package's output
	err     error
}

// checkLookups checks the packages of the group's specs, building every
// group's on the first call. It skips the test in -short mode.
func checkLookups(t *testing.T, group string) {
	if testing.Short() {
		t.Skip("builds with the go command; skipped in -short mode")
	}
	groups := lookupGroups(t)
	lookupRun.once.Do(func() {
		dir, err := os.MkdirTemp("", "lookuptest")
		if err != nil {
			lookupRun.err = err
			return
		}
		defer os.RemoveAll(dir)
		lookupRun.results, lookupRun.err = runLookups(t, dir, groups)
	})
	if lookupRun.err != nil {
		t.Fatal(lookupRun.err)
	}
	for name := range groups[group] {
		if got := lookupRun.results[name]; got != "pass" {
			t.Errorf("the generated package %s: %s", name, cmp.Or(got, "not tested"))
		}
	}
}

// runLookups writes the packages of every group into the module dir, each
// with the codes of all the others as misses, runs their tests and
// returns each package's outcome.
func runLookups(t *testing.T, dir string, groups map[string]map[string]*spec.Spec) (map[string]string, error) {
	writeFile(t, filepath.Join(dir, "go.mod"), []byte("module lookuptest\n\ngo 1.23\n"))
	specs := map[string]*spec.Spec{}
	for _, g := range groups {
		maps.Copy(specs, g)
	}
	all := codesOf(specs)
	for name, s := range specs {
		writeLookupCase(t, filepath.Join(dir, name), s, all)
	}
	cmd := exec.Command("go", "test", "-json", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	out, err := cmd.Output()
	results := map[string]string{}
	outputs := map[string]*strings.Builder{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var ev struct{ Action, Package, Test, Output string }
		if dec.Decode(&ev) != nil {
			break
		}
		name := strings.TrimPrefix(ev.Package, "lookuptest/")
		if outputs[name] == nil {
			outputs[name] = &strings.Builder{}
		}
		outputs[name].WriteString(ev.Output)
		if ev.Test == "" && (ev.Action == "pass" || ev.Action == "fail") {
			results[name] = ev.Action
			if ev.Action == "fail" {
				results[name] = "failed:\n" + outputs[name].String()
			}
		}
	}
	if len(results) == 0 && err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		return nil, fmt.Errorf("go test of the generated lookups: %v\n%s%s", err, out, stderr)
	}
	return results, nil
}

// codesOf lists the codes of every spec.
func codesOf(specs map[string]*spec.Spec) []string {
	var codes []string
	for _, s := range specs {
		for _, c := range s.Codes {
			codes = append(codes, c.Code)
		}
	}
	return codes
}

// lookupCheck is the test each generated package gets. It reads the cases
// the generator test wrote and looks each up.
const lookupCheck = `package %s

import (
	"encoding/json"
	"os"
	"testing"
)

func TestLookupAgrees(t *testing.T) {
	data, err := os.ReadFile("cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Code  string
		Found bool
		Info  Info
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	rows := 0
	for info := range All() {
		if got, ok := Lookup(string(info.Code)); !ok || got != info {
			t.Errorf("All lists %%q, but Lookup gives %%+v, %%v", info.Code, got, ok)
		}
		rows++
	}
	found, failed := 0, 0
	for _, c := range cases {
		got, ok := Lookup(c.Code)
		if ok != c.Found || got != c.Info {
			t.Errorf("Lookup(%%q) = %%+v, %%v; want %%+v, %%v", c.Code, got, ok, c.Info, c.Found)
			if failed++; failed == 10 {
				t.Fatal("and more")
			}
		}
		if ok {
			found++
		}
	}
	if found != rows {
		t.Errorf("%%d codes found, but All lists %%d", found, rows)
	}
}
`

// writeLookupCase writes the generated package of s into dir, with its
// lookup test and cases: every code with its row, near misses of every
// code, and others (codes of other tables).
func writeLookupCase(t *testing.T, dir string, s *spec.Spec, others []string) {
	t.Helper()
	files, err := Generate(s, Options{NoDocs: true})
	if err != nil {
		t.Fatal(err)
	}
	type info struct {
		Code                        string
		Name, Message, Solution     string
		Success, Retryable          bool
		Fault, Category, Deprecated string
		HTTPStatus                  int
	}
	type lookupCase struct {
		Code  string
		Found bool
		Info  info
	}
	var cases []lookupCase
	known := map[string]bool{}
	for _, c := range s.Codes {
		known[c.Code] = true
		cases = append(cases, lookupCase{c.Code, true, info{c.Code, c.GoName, c.Message, c.Solution,
			c.Success, c.Retryable, string(c.Fault), c.Category, c.Deprecated, 0}})
	}
	var codes []string
	for _, c := range s.Codes {
		codes = append(codes, c.Code)
		for _, miss := range nearMisses(c.Code) {
			if !known[miss] {
				cases = append(cases, lookupCase{Code: miss})
			}
		}
	}
	for _, miss := range append(bench.NearMisses(codes), bench.Misses(bench.Dotted, codes, len(codes))...) {
		cases = append(cases, lookupCase{Code: miss})
	}
	for _, c := range others {
		if !known[c] {
			cases = append(cases, lookupCase{Code: c})
		}
	}
	data, err := json.Marshal(cases)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, DefaultGoFile), files[DefaultGoFile])
	writeFile(t, filepath.Join(dir, "cases.json"), data)
	writeFile(t, filepath.Join(dir, "lookup_test.go"), fmt.Appendf(nil, lookupCheck, s.Package))
}

// realTables loads the TSV tables in tablesDir as specs, one package each.
// Rows whose code was seen before are skipped, and codes whose derived Go
// names are taken or invalid get explicit names.
func realTables(t *testing.T) map[string]*spec.Spec {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(tablesDir, "*.tsv"))
	if err != nil || len(paths) != 3 {
		t.Fatalf("want the three tables of %s, found %v (%v)", tablesDir, paths, err)
	}
	out := map[string]*spec.Spec{}
	for _, path := range paths {
		name := strings.NewReplacer("-", "", ".tsv", "").Replace(filepath.Base(path))
		out[name] = mustParse(t, path+".yaml", tableYAML(t, path, name))
	}
	return out
}

// tableYAML turns a TSV table into the text of a spec.
func tableYAML(t *testing.T, path, pkg string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = '\t', true, -1
	records, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "package: %s\ncodes:\n", pkg)
	namer := spec.NewNamer(nil)
	codes, names := map[string]bool{}, map[string]bool{}
	for _, rec := range records[1:] { // the first row is the header
		rec = append(rec, "", "", "")
		code := strings.TrimSpace(rec[0])
		if code == "" || codes[code] {
			continue
		}
		codes[code] = true
		fmt.Fprintf(&b, "  - code: %s\n", strconv.Quote(code))
		if name := namer.Name(code); !spec.ValidGoName(name) || names[name] {
			for i := 2; !spec.ValidGoName(name) || names[name]; i++ {
				name = fmt.Sprintf("E%s%d", name, i)
			}
			fmt.Fprintf(&b, "    name: %s\n", name)
			names[name] = true
		} else {
			names[name] = true
		}
		fmt.Fprintf(&b, "    message: %s\n    solution: %s\n", strconv.Quote(rec[1]), strconv.Quote(rec[2]))
		if code == "OK" {
			b.WriteString("    success: true\n")
		}
	}
	return []byte(b.String())
}

func mustParse(t *testing.T, file string, data []byte) *spec.Spec {
	t.Helper()
	s, err := spec.Parse(file, data)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
