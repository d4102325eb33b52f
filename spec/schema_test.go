package spec

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
	"gopkg.in/yaml.v3"
)

// schema.json is written by hand for editors; these tests tie it to the
// loader so the two cannot drift: its property names are the key lists of
// decode.go, its required lists are what Parse requires, and every spec the
// project ships or keeps as a golden case is validated against it.
//
// The validator below implements exactly the part of JSON Schema 2020-12
// that schema.json uses, and refuses a schema that uses anything else, so
// a keyword added to schema.json is a keyword added here.

// ---- the schema's shape ----

func TestSchemaKeys(t *testing.T) {
	root := loadSchema(t)
	for _, c := range []struct {
		path string
		keys []string
	}{
		{"", specKeys},
		{"/properties/source", sourceKeys},
		{"/properties/output", outputKeys},
		{"/properties/categories/items", categoryKeys},
		{"/properties/codes/items", codeKeys},
	} {
		obj := schemaAt(t, root, c.path)
		props, ok := obj.get("properties").(*jsonObject)
		if !ok {
			t.Fatalf("schema%s has no properties", c.path)
		}
		if diff := cmp.Diff(c.keys, props.keys); diff != "" {
			t.Errorf("property names of schema%s differ from the loader's keys, in README order (-loader +schema):\n%s", c.path, diff)
		}
	}
	// Every mapping of the format is covered: the five above are the only
	// objects with properties, and each refuses unknown keys.
	var objects []string
	walkSchema(root, "", func(path string, s *jsonObject) {
		if props := s.get("properties"); props != nil && !conditional(path) {
			objects = append(objects, path)
			if ap, ok := s.get("additionalProperties").(bool); !ok || ap {
				t.Errorf("schema%s: additionalProperties is not false, so a typo in a key would pass", path)
			}
		}
	})
	want := []string{"", "/properties/source", "/properties/output", "/properties/categories/items", "/properties/codes/items"}
	if diff := cmp.Diff(want, objects); diff != "" {
		t.Errorf("objects with properties (-want +got):\n%s", diff)
	}
}

// TestSchemaRequired checks the required lists against the loader's
// behaviour: at each level, a spec holding only the keys the schema
// requires parses, and leaving out any one of them is an error.
func TestSchemaRequired(t *testing.T) {
	root := loadSchema(t)
	required := func(path string) []string {
		var names []string
		if list, ok := schemaAt(t, root, path).get("required").([]any); ok {
			for _, n := range list {
				names = append(names, n.(string))
			}
		}
		return names
	}
	// A value the loader accepts for every key, at every level.
	samples := map[string]map[string]any{
		"":                             {"package": "x", "service": "S", "initialisms": []any{"SMS"}},
		"/properties/source":           {"title": "T", "url": "https://example.com/", "updated": "2024-01-31"},
		"/properties/categories/items": {"name": "auth", "doc": "D"},
		"/properties/codes/items": {"code": "A", "message": "M", "solution": "S", "success": false, "retryable": true,
			"fault": "server", "category": "auth", "name": "Alpha", "deprecated": "old"},
	}
	minimal := func(path string, omit string) map[string]any {
		m := map[string]any{}
		for _, k := range required(path) {
			if k == omit {
				continue
			}
			v, ok := samples[path][k]
			switch {
			case ok:
			case path == "" && k == "source":
				v = minimalMap(required("/properties/source"), samples["/properties/source"])
			case path == "" && k == "categories":
				v = []any{minimalMap(required("/properties/categories/items"), samples["/properties/categories/items"])}
			case path == "" && k == "codes":
				v = []any{minimalMap(required("/properties/codes/items"), samples["/properties/codes/items"])}
			default:
				t.Fatalf("no sample value for required key %s of schema%s", k, path)
			}
			m[k] = v
		}
		return m
	}
	// doc puts the mapping for the level at path into a spec that is
	// otherwise minimal.
	doc := func(path string, level map[string]any) map[string]any {
		switch path {
		case "":
			return level
		case "/properties/source":
			d := minimal("", "")
			d["source"] = level
			return d
		case "/properties/categories/items":
			d := minimal("", "")
			d["categories"] = []any{level}
			return d
		case "/properties/codes/items":
			d := minimal("", "")
			d["codes"] = []any{level}
			return d
		}
		panic(path)
	}
	for _, path := range []string{"", "/properties/source", "/properties/categories/items", "/properties/codes/items"} {
		src := marshalYAML(t, doc(path, minimal(path, "")))
		if _, err := Parse("minimal.yaml", src); err != nil {
			t.Errorf("schema%s: a spec with only the required keys %v is refused by the loader, so the schema requires too little:\n%s\n%v", path, required(path), src, err)
		}
		if errs := validateSchema(root, yamlValue(t, src)); len(errs) > 0 {
			t.Errorf("schema%s: the minimal spec fails the schema: %v", path, errs)
		}
		for _, k := range required(path) {
			src := marshalYAML(t, doc(path, minimal(path, k)))
			if _, err := Parse("minimal.yaml", src); err == nil {
				t.Errorf("schema%s requires %s, but the loader accepts a spec without it:\n%s", path, k, src)
			}
			if errs := validateSchema(root, yamlValue(t, src)); len(errs) == 0 {
				t.Errorf("schema%s: a spec without %s passes the schema:\n%s", path, k, src)
			}
		}
	}
}

func minimalMap(required []string, samples map[string]any) map[string]any {
	m := map[string]any{}
	for _, k := range required {
		m[k] = samples[k]
	}
	return m
}

// TestSchemaDocumented checks that every property has a title and a
// description, which editors show on hover, and that patterns use only
// regular-expression syntax that Go and ECMAScript (the dialect JSON Schema
// names) read alike.
func TestSchemaDocumented(t *testing.T) {
	root := loadSchema(t)
	if root.get("$schema") != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %v, want draft 2020-12", root.get("$schema"))
	}
	desc, _ := root.get("description").(string)
	for _, line := range []string{"# yaml-language-server: $schema=" + schemaURL, "# yaml-language-server: $schema=schema.json"} {
		if !strings.Contains(desc, line) {
			t.Errorf("the schema's description does not show the editor line %q", line)
		}
	}
	// The shipped spec points editors at this file, by the relative form.
	if !slices.Contains(strings.Split(string(DefaultYAML()), "\n"), "# yaml-language-server: $schema=schema.json") {
		t.Errorf("%s has no yaml-language-server line pointing at schema.json", DefaultFile)
	}
	walkSchema(root, "", func(path string, s *jsonObject) {
		props, _ := s.get("properties").(*jsonObject)
		if props == nil || conditional(path) {
			return
		}
		for _, k := range props.keys {
			p := props.get(k).(*jsonObject)
			for _, ann := range []string{"title", "description"} {
				if v, _ := p.get(ann).(string); v == "" {
					t.Errorf("schema%s/properties/%s has no %s", path, k, ann)
				}
			}
		}
	})
	goOnly := regexp.MustCompile(`\(\?|\[\[:|\\[AzQEC]`)
	walkSchema(root, "", func(path string, s *jsonObject) {
		if p, ok := s.get("pattern").(string); ok && goOnly.MatchString(p) {
			t.Errorf("schema%s: pattern %q uses syntax ECMAScript reads differently", path, p)
		}
	})
}

// ---- specs against the schema ----

// schemaURL is where editors fetch the schema from; the README and the
// starter spec point at it.
const schemaURL = "https://raw.githubusercontent.com/errspec/errspec/main/spec/schema.json"

// TestSchemaAcceptsSpecs validates the shipped spec and the spec of every
// good golden case.
func TestSchemaAcceptsSpecs(t *testing.T) {
	root := loadSchema(t)
	specs := map[string][]byte{DefaultFile: DefaultYAML()}
	good, _ := goldenSpecs(t)
	for name, src := range good {
		specs[name] = src
	}
	for name, src := range specs {
		if _, err := Parse(name, src); err != nil {
			t.Errorf("%s: the loader refuses it: %v", name, err)
		}
		for _, e := range validateSchema(root, yamlValue(t, src)) {
			t.Errorf("%s: %s", name, e)
		}
	}
}

// schemaVisible classifies the bad golden cases: true for those whose
// problem a JSON Schema can see, false for those only the loader sees.
// Every bad case must be listed, so a new one is classified when it is
// added.
var schemaVisible = map[string]bool{
	"bad-empty-codes":        true, // minItems
	"bad-fault":              true, // enum
	"bad-invalid-package":    true, // pattern
	"bad-keyword-package":    true, // not enum
	"bad-many-problems":      true, // package main, url, date, fault, name, unknown key
	"bad-missing-code":       true, // required
	"bad-output":             true, // a file name starting with "."
	"bad-missing-package":    true, // required
	"bad-success-classified": true, // if success then no retryable/fault/category
	"bad-unknown-key":        true, // additionalProperties
	"bad-wrong-types":        true, // type
	"bad-yaml-features":      true, // the merge key << is an unknown key; aliases and tags are invisible

	"bad-duplicate-code":       false, // uniqueness across entries
	"bad-invalid-derived-name": false, // derived Go names
	"bad-malformed-yaml":       false, // YAML syntax: there is no document to validate
	"bad-name-collision":       false, // derived Go names across entries
	"bad-tab-after-spaces":     false, // YAML syntax: a tab in the indentation
	"bad-tab-indent":           false, // YAML syntax: a tab in the indentation
	"bad-undeclared-category":  false, // a reference to another part of the spec
}

func TestSchemaRejectsBadSpecs(t *testing.T) {
	root := loadSchema(t)
	_, bad := goldenSpecs(t)
	for name := range schemaVisible {
		if _, ok := bad[name]; !ok {
			t.Errorf("schemaVisible lists %s, which is not a golden case", name)
		}
	}
	for name, src := range bad {
		visible, ok := schemaVisible[name]
		if !ok {
			t.Errorf("%s: not in schemaVisible; say whether the schema can see its problem", name)
			continue
		}
		if _, err := Parse(name, src); err == nil {
			t.Errorf("%s: the loader accepts it", name)
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(src, &doc); err != nil {
			if visible {
				t.Errorf("%s: not YAML (%v), so the schema cannot see it", name, err)
			}
			continue
		}
		errs := validateSchema(root, nodeValue(&doc))
		switch {
		case visible && len(errs) == 0:
			t.Errorf("%s: the schema accepts it; it should see the problem", name)
		case !visible && len(errs) > 0:
			t.Errorf("%s: the schema refuses it, so it is visible after all: %v", name, errs)
		}
	}
}

// TestSchemaAgreesWithLoader checks small specs at the edges of what the
// loader accepts: the schema must accept what the loader accepts (an
// editor must not flag a valid spec), and must see the problems listed as
// visible.
func TestSchemaAgreesWithLoader(t *testing.T) {
	root := loadSchema(t)
	head := "package: x\n"
	code := "codes:\n  - code: A\n"
	for _, c := range []struct {
		name, src string
		loaderOK  bool
		schemaOK  bool
	}{
		{"numeric code with name", head + "codes:\n  - code: 22012\n    name: E22012\n", true, true},
		{"hex code with name", head + "codes:\n  - code: 0x1F\n    name: E1F\n", true, true},
		{"date as text", head + "codes:\n  - code: A\n    message: 2018-06-15\n    solution: 42\n", true, true},
		{"nulls", head + "service:\ninitialisms:\ncategories:\ncodes:\n  - code: A\n    message:\n    solution:\n    success:\n    retryable:\n    fault:\n    category:\n    name:\n    deprecated:\n", true, true},
		{"empty texts", head + "source:\n  title: \"\"\n  url: \"\"\n  updated: \"\"\ncodes:\n  - code: A\n    fault: \"\"\n    name: \"\"\n", true, true},
		{"null source fields", head + "source:\n  title:\n  url:\n  updated:\n" + code, true, true},
		{"upper-case URL scheme", head + "source:\n  url: HTTPS://Example.COM/errors?x=1#y\n" + code, true, true},
		{"unicode package", "package: fehlerß\n" + code, true, true},
		{"unicode name", head + "codes:\n  - code: 错误\n    name: Ошибка\n", true, true},
		{"success with false and empty classification", head + "codes:\n  - code: OK\n    success: true\n    retryable: false\n    fault: \"\"\n    category:\n", true, true},
		{"flow style", "{package: x, codes: [{code: A, retryable: true}]}", true, true},
		{"numeric initialism", head + "initialisms: [SMS, 5G, 42]\n" + code, true, true},

		{"unknown top-level key", head + "pakage: y\n" + code, false, false},
		{"unknown source key", head + "source:\n  titel: T\n" + code, false, false},
		{"unknown category key", head + "categories:\n  - name: auth\n    docs: D\n" + code, false, false},
		{"null source", head + "source:\n" + code, true, true},
		{"null codes", head + "codes:\n", false, false},
		{"null code", head + "codes:\n  - code:\n", false, false},
		{"empty code", head + "codes:\n  - code: \"\"\n", false, false},
		{"padded code", head + "codes:\n  - code: \" A\"\n", false, false},
		{"category without name", head + "categories:\n  - doc: D\n" + code, false, false},
		{"empty category name", head + "categories:\n  - name: \"\"\n" + code, false, false},
		{"null category", head + "categories:\n  -\n" + code, false, false},
		{"quoted boolean", head + "codes:\n  - code: A\n    success: \"true\"\n", false, false},
		{"boolean message", head + "codes:\n  - code: A\n    message: true\n", false, false},
		{"boolean deprecated", head + "codes:\n  - code: A\n    deprecated: true\n", false, false},
		{"list package", "package: [x]\n" + code, false, false},
		{"package init", "package: init\n" + code, false, false},
		{"package _", "package: _\n" + code, false, false},
		{"package null", "package:\n" + code, false, false},
		{"date without zero padding", head + "source:\n  updated: 2018-6-15\n" + code, false, false},
		{"month 13", head + "source:\n  updated: 2018-13-01\n" + code, false, false},
		{"url without scheme", head + "source:\n  url: example.com/errors\n" + code, false, false},
		{"url with a space", head + "source:\n  url: https://example.com/a b\n" + code, false, false},
		{"ftp url", head + "source:\n  url: ftp://example.com/\n" + code, false, false},
		{"lower-case name", head + "codes:\n  - code: A\n    name: alpha\n", false, false},
		{"initialism with a dot", head + "initialisms: [S.M.S]\n" + code, false, false},
		{"success and server fault", head + "codes:\n  - code: OK\n    success: true\n    fault: server\n", false, false},
		{"fault in capitals", head + "codes:\n  - code: A\n    fault: Server\n", false, false},

		// Problems only the loader sees.
		{"February 30", head + "source:\n  updated: 2024-02-30\n" + code, false, true},
		{"url without host port", head + "source:\n  url: https://example.com:port/\n" + code, false, true},
		{"repeated initialism", head + "initialisms: [SMS, sms]\n" + code, false, true},
		{"name needed", head + "codes:\n  - code: 7\n", false, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("edge.yaml", []byte(c.src))
			if (err == nil) != c.loaderOK {
				t.Errorf("loader: error %v, want accepted %v", err, c.loaderOK)
			}
			errs := validateSchema(root, yamlValue(t, []byte(c.src)))
			if (len(errs) == 0) != c.schemaOK {
				t.Errorf("schema: errors %q, want accepted %v", errs, c.schemaOK)
			}
		})
	}
}

// goldenSpecs returns the spec.yaml of every golden case, by case name:
// the generator's (good) and the loader's (bad, in testdata/load).
func goldenSpecs(t *testing.T) (good, bad map[string][]byte) {
	t.Helper()
	paths, err := filepath.Glob("../generator/testdata/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden cases in ../generator/testdata (%v)", err)
	}
	load, err := filepath.Glob(loadCases)
	if err != nil || len(load) == 0 {
		t.Fatalf("no cases in %s (%v)", loadCases, err)
	}
	good, bad = map[string][]byte{}, map[string][]byte{}
	for _, path := range append(paths, load...) {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(path), ".txtar")
		i := slices.IndexFunc(ar.Files, func(f txtar.File) bool { return f.Name == "spec.yaml" })
		if i < 0 {
			t.Fatalf("%s: no spec.yaml", path)
		}
		if strings.HasPrefix(name, "bad-") {
			bad[name] = ar.Files[i].Data
		} else {
			good[name] = ar.Files[i].Data
		}
	}
	return good, bad
}
