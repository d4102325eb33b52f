package spec

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

func TestStarter(t *testing.T) {
	for _, pkg := range []string{starterPackage, "acmeerr", "pay_errors", "fehlerß", "null", "True", "yes", "off"} {
		t.Run(pkg, func(t *testing.T) {
			src, err := Starter(pkg)
			if err != nil {
				t.Fatalf("Starter(%q): %v", pkg, err)
			}
			s, err := Parse("errors.yaml", src)
			if err != nil {
				t.Fatalf("the starter spec does not load:\n%v", err)
			}
			if s.Package != pkg {
				t.Errorf("package %q, want %q", s.Package, pkg)
			}
			// Only the package line differs from starter.yaml.
			got, want := strings.Split(string(src), "\n"), strings.Split(string(starterSpec), "\n")
			if len(got) != len(want) {
				t.Fatalf("%d lines, want %d as in starter.yaml", len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] && !strings.HasPrefix(got[i], "package: ") {
					t.Errorf("line %d = %q, want %q", i+1, got[i], want[i])
				}
			}
		})
	}
}

// TestStarterExamples checks that the example codes show what the starter
// promises: a success code, a retryable throttling error, a server fault,
// a deprecated code and a code with name: set.
func TestStarterExamples(t *testing.T) {
	s, err := Parse("errors.yaml", starterSpec)
	if err != nil {
		t.Fatal(err)
	}
	has := func(what string, f func(c Entry) bool) {
		if !slices.ContainsFunc(s.Codes, f) {
			t.Errorf("no example of %s", what)
		}
	}
	has("a success code", func(c Entry) bool { return c.Success })
	has("a retryable throttling error", func(c Entry) bool { return c.Retryable && c.Category == "throttling" })
	has("a server fault", func(c Entry) bool { return c.Fault == FaultServer })
	has("a deprecated code", func(c Entry) bool { return c.Deprecated != "" })
	has("a code with name:", func(c Entry) bool { return c.Name != "" })
	for key, empty := range map[string]bool{
		"service": s.Service == "", "source": s.Source == (Source{}),
		"initialisms": len(s.Initialisms) == 0, "categories": len(s.Categories) == 0,
	} {
		if empty {
			t.Errorf("%s: is left empty", key)
		}
	}
}

func TestStarterRefusesBadPackage(t *testing.T) {
	for _, pkg := range []string{"", "9lives", "type", "main", "init", "_", "my-pkg", "a b", "x\nservice: injected", "x # comment", `x"`} {
		src, err := Starter(pkg)
		if err == nil {
			t.Errorf("Starter(%q) = a spec, want an error:\n%s", pkg, src)
			continue
		}
		if !strings.HasPrefix(err.Error(), "package: ") {
			t.Errorf("Starter(%q): error %q, want the loader's message about package:", pkg, err)
		}
	}
}

// TestStarterComplete checks that the starter shows every key of the
// format, at every level, so that it stays complete when a key is added,
// and that each key is explained by a comment where it appears.
func TestStarterComplete(t *testing.T) {
	var doc yaml.Node
	if err := yaml.Unmarshal(starterSpec, &doc); err != nil {
		t.Fatal(err)
	}
	root := doc.Content[0]
	levels := []struct {
		what  string
		known []string
		maps  []*yaml.Node
	}{
		{"the spec", specKeys, []*yaml.Node{root}},
		{"source", sourceKeys, []*yaml.Node{mapValueNode(root, "source")}},
		{"output", outputKeys, []*yaml.Node{mapValueNode(root, "output")}},
		{"a category", categoryKeys, mapValueNode(root, "categories").Content},
		{"a code entry", codeKeys, mapValueNode(root, "codes").Content},
	}
	for _, l := range levels {
		seen := map[string]bool{}
		commented := map[string]bool{}
		for _, m := range l.maps {
			for i := 0; i+1 < len(m.Content); i += 2 {
				k, v := m.Content[i], m.Content[i+1]
				seen[k.Value] = true
				if k.HeadComment != "" || k.LineComment != "" || v.LineComment != "" {
					commented[k.Value] = true
				}
			}
			// A comment above a list item may explain its keys.
			above := m.HeadComment
			if len(m.Content) > 0 {
				above += m.Content[0].HeadComment
			}
			for i := 0; i < len(m.Content); i += 2 {
				if strings.Contains(above, m.Content[i].Value+":") {
					commented[m.Content[i].Value] = true
				}
			}
		}
		var missing, silent []string
		for _, k := range l.known {
			if !seen[k] {
				missing = append(missing, k)
			} else if !commented[k] {
				silent = append(silent, k)
			}
		}
		if len(missing) > 0 {
			t.Errorf("%s: the starter does not show %v", l.what, missing)
		}
		if len(silent) > 0 {
			t.Errorf("%s: no comment explains %v", l.what, silent)
		}
	}
}

// mapValueNode returns the value of key in mapping m, or nil.
func mapValueNode(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func TestStarterSchema(t *testing.T) {
	if !bytes.HasPrefix(starterSpec, []byte("# yaml-language-server: $schema="+schemaURL+"\n")) {
		t.Errorf("the starter's first line is not the yaml-language-server line for %s", schemaURL)
	}
	for _, e := range validateSchema(compileSchema(t), yamlValue(t, starterSpec)) {
		t.Errorf("the starter fails the schema: %s", e)
	}
}

// TestStarterRoundTrip checks that the starter is in the form yaml.v3
// writes back unchanged (no blank lines, two-space indents), so that
// errspec import can merge a vendor's table into a spec started from it
// without reformatting the rest.
func TestStarterRoundTrip(t *testing.T) {
	var doc yaml.Node
	if err := yaml.Unmarshal(starterSpec, &doc); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		t.Fatal(err)
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(starterSpec), out.String()); diff != "" {
		t.Errorf("yaml.v3 rewrites starter.yaml (-file +rewritten):\n%s", diff)
	}
}
