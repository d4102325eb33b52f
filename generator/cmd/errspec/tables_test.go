package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/errspec/errspec/spec"
	"github.com/errspec/errspec/spec/table"
	"gopkg.in/yaml.v3"
)

// TestRealTables takes each real vendor table in spec/testdata/vendor the whole
// way: errspec import -families (tsv), the name: lines its naming collisions
// need (committed in testdata/tables/NAME.names.tsv), defaults for a family
// as a person would give them (testdata/tables/NAME.families.tsv), validate,
// generate, and then, in a throwaway module, a test that checks Lookup,
// FromResponse, errors.Is and IsRetryable for every row of the table, and
// for a code of each family that the table does not list.
func TestRealTables(t *testing.T) {
	goBin := needGo(t)
	root := checkout(t)
	dir := t.TempDir()
	files := map[string]string{"go.mod": "module example.com/tables\n\ngo " + goVersion(t, root) + "\n"}
	paths, _ := filepath.Glob(filepath.Join(root, "spec", "testdata", "vendor", "*.tsv"))
	if len(paths) != 3 {
		t.Fatalf("want the three tables of spec/testdata/vendor, found %v", paths)
	}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".tsv")
		pkg := strings.ReplaceAll(name, "-", "") + "err"
		specFile := filepath.Join(dir, name+".yaml")
		names := readNames(t, filepath.Join("testdata", "tables", name+".names.tsv"))

		code, _, errOut := errspec(t, "import", "-families", "-package", pkg, "-o", specFile, path)
		switch {
		case len(names) == 0 && code != 0:
			t.Fatalf("import %s: exit %d: %s", name, code, errOut)
		case len(names) > 0:
			// The import stops short of a valid spec exactly where codes
			// collide, and says how to fix it.
			for c := range names {
				if code != exitFailed || !strings.Contains(errOut, fmt.Sprintf("code %q derives Go name", c)) || !strings.Contains(errOut, "set name:") {
					t.Errorf("import %s: exit %d, stderr:\n%s\nwant the collision of %s explained", name, code, errOut, c)
				}
			}
			addNames(t, specFile, names)
		}
		if defaults := readFamilyDefaults(t, filepath.Join("testdata", "tables", name+".families.tsv")); len(defaults) > 0 {
			setFamilyDefaults(t, specFile, defaults)
		}
		if code, _, errOut := errspec(t, "generate", "-spec", specFile, "-out", filepath.Join(dir, pkg)); code != 0 {
			t.Fatalf("generate %s: exit %d: %s", name, code, errOut)
		}
		s, err := spec.Load(specFile)
		if err != nil {
			t.Fatal(err)
		}
		tab, err := table.ReadFile(path, table.Options{})
		if err != nil {
			t.Fatal(err)
		}
		files[pkg+"/rows_test.go"] = rowsTest(pkg, s, tab)
	}
	writeFiles(t, dir, files)
	env := goEnv("GOFLAGS=-mod=mod", "GOPROXY=off")
	runCmd(t, dir, env, goBin, "vet", "./...")
	runCmd(t, dir, env, goBin, "test", "./...")
}

// readNames reads a fixture of code → Go name, or nothing if there is none.
func readNames(t *testing.T, path string) map[string]string {
	t.Helper()
	tab, err := table.ReadFile(path, table.Options{Columns: map[string]string{"message": "name"}})
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, r := range tab.Rows {
		names[r.Code] = r.Message
	}
	return names
}

// readFamilyDefaults reads a fixture of family prefix → the default
// retryable and fault a person gives its members, or nothing if there is
// none.
func readFamilyDefaults(t *testing.T, path string) map[string][2]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][2]string{}
	for i, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		f := strings.Split(l, "\t")
		if i == 0 {
			continue // the header: prefix, retryable, fault
		}
		if len(f) != 3 {
			t.Fatalf("%s:%d: want prefix, retryable and fault", path, i+1)
		}
		out[f[0]] = [2]string{f[1], f[2]}
	}
	return out
}

// setFamilyDefaults sets retryable: and fault: on the given families of a
// spec file, which import -families declared.
func setFamilyDefaults(t *testing.T, specFile string, defaults map[string][2]string) {
	t.Helper()
	editList(t, specFile, "families", func(item *yaml.Node) {
		if d, ok := defaults[item.Content[1].Value]; ok {
			item.Content = append(item.Content,
				&yaml.Node{Kind: yaml.ScalarNode, Value: "retryable"}, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: d[0]},
				&yaml.Node{Kind: yaml.ScalarNode, Value: "fault"}, &yaml.Node{Kind: yaml.ScalarNode, Value: d[1]})
			delete(defaults, item.Content[1].Value)
		}
	})
	if len(defaults) > 0 {
		t.Fatalf("import -families did not propose the families %v", defaults)
	}
}

// addNames sets name: on the given codes of a spec file, as a person
// following the import's advice would.
func addNames(t *testing.T, specFile string, names map[string]string) {
	t.Helper()
	editList(t, specFile, "codes", func(item *yaml.Node) {
		if n, ok := names[item.Content[1].Value]; ok {
			item.Content = append(item.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "name"}, &yaml.Node{Kind: yaml.ScalarNode, Value: n})
			delete(names, item.Content[1].Value)
		}
	})
	if len(names) > 0 {
		t.Fatalf("the names fixture names codes not in the table: %v", names)
	}
}

// editList calls edit on each item of the spec file's top-level list key
// (a mapping whose first key's value identifies it), and writes the spec
// back.
func editList(t *testing.T, specFile, key string, edit func(item *yaml.Node)) {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(readFile(t, specFile)), &doc); err != nil {
		t.Fatal(err)
	}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == key {
			for _, item := range root.Content[i+1].Content {
				edit(item)
			}
		}
	}
	out, err := yaml.Marshal(&doc)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(specFile, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

// rowsTest writes a test for the generated package pkg that checks every
// row of the vendor's table against Lookup, FromResponse, errors.Is (with
// the code's sentinel and its family's) and IsRetryable, and a code of each
// family that the table does not list.
func rowsTest(pkg string, s *spec.Spec, tab *table.Table) string {
	goName := map[string]string{}
	entry := map[string]spec.Entry{}
	for _, c := range s.Codes {
		goName[c.Code] = c.GoName
		entry[c.Code] = c
	}
	var b strings.Builder
	fmt.Fprintf(&b, `package %s_test

import (
	"errors"
	"fmt"
	"testing"

	"example.com/tables/%s"
)

var rows = []struct {
	code, message, solution string
	sentinel, family        error
	retryable               bool
}{
`, pkg, pkg)
	for _, r := range tab.Rows {
		sentinel, family := "nil", "nil"
		if n := goName[r.Code]; n != "" && !strings.EqualFold(r.Code, "OK") {
			sentinel = pkg + ".Err" + n
		}
		c := entry[r.Code]
		if c.Family != nil {
			family = pkg + ".Err" + c.Family.GoName
		}
		fmt.Fprintf(&b, "\t{%s, %s, %s, %s, %s, %v},\n", strconv.Quote(r.Code), strconv.Quote(r.Message), strconv.Quote(r.Solution), sentinel, family, c.Retryable)
	}
	fmt.Fprintf(&b, "}\n\n// families are the spec's families, each with a code the table does not list.\nvar families = []struct {\n\tunlisted  string\n\tsentinel  error\n\tretryable bool\n}{\n")
	for _, f := range s.Families {
		fmt.Fprintf(&b, "\t{%s, %s.Err%s, %v},\n", strconv.Quote(f.Prefix+"SomethingNew"), pkg, f.GoName, f.Retryable)
	}
	fmt.Fprintf(&b, `}

func TestEveryRow(t *testing.T) {
	n := 0
	for range %[1]s.All() {
		n++
	}
	if n != len(rows) {
		t.Errorf("All() yields %%d rows, the table has %%d", n, len(rows))
	}
	for i, r := range rows {
		info, ok := %[1]s.Lookup(r.code)
		if !ok || string(info.Code) != r.code || info.Message != r.message || info.Solution != r.solution {
			t.Errorf("Lookup(%%q) = %%+v, %%v", r.code, info, ok)
		}
		for _, miss := range []string{r.code + "x", r.code[:len(r.code)-1], "x" + r.code, " " + r.code} {
			if _, ok := %[1]s.Lookup(miss); ok {
				t.Errorf("Lookup(%%q) found a row", miss)
			}
		}
		err := %[1]s.FromResponse(r.code, "", "req")
		if r.sentinel == nil {
			if err != nil {
				t.Errorf("FromResponse(%%q) = %%v, want nil for a success code", r.code, err)
			}
			continue
		}
		wrapped := fmt.Errorf("call: %%w", err)
		if !errors.Is(wrapped, r.sentinel) {
			t.Errorf("errors.Is(FromResponse(%%q), its sentinel) = false", r.code)
		}
		if other := rows[(i+1)%%len(rows)].sentinel; other != nil && other != r.family && errors.Is(wrapped, other) {
			t.Errorf("FromResponse(%%q) matches the next row's sentinel", r.code)
		}
		if r.family != nil && !errors.Is(wrapped, r.family) {
			t.Errorf("errors.Is(FromResponse(%%q), its family's sentinel) = false", r.code)
		}
		if got := %[1]s.IsRetryable(wrapped); got != r.retryable {
			t.Errorf("IsRetryable(FromResponse(%%q)) = %%v, want %%v", r.code, got, r.retryable)
		}
		var e *%[1]s.Error
		if !errors.As(wrapped, &e) || string(e.Code) != r.code || e.ErrorMessage() != r.message || e.RequestID != "req" {
			t.Errorf("FromResponse(%%q) = %%#v", r.code, e)
		}
	}
}

func TestUnlistedFamilyMembers(t *testing.T) {
	for _, f := range families {
		if _, ok := %[1]s.Lookup(f.unlisted); ok {
			t.Errorf("Lookup(%%q) found a row", f.unlisted)
		}
		err := %[1]s.FromResponse(f.unlisted, "", "req")
		if !errors.Is(fmt.Errorf("call: %%w", err), f.sentinel) {
			t.Errorf("errors.Is(FromResponse(%%q), its family's sentinel) = false", f.unlisted)
		}
		if got := %[1]s.IsRetryable(err); got != f.retryable {
			t.Errorf("IsRetryable(FromResponse(%%q)) = %%v, want the family's %%v", f.unlisted, got, f.retryable)
		}
	}
}
`, pkg)
	return b.String()
}
