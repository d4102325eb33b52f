package spec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

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

// goldenSpecs returns the spec.yaml of every golden case of the generator,
// good and bad, by case name.
func goldenSpecs(t *testing.T) (good, bad map[string][]byte) {
	t.Helper()
	paths, err := filepath.Glob("../generator/testdata/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden cases in ../generator/testdata (%v)", err)
	}
	good, bad = map[string][]byte{}, map[string][]byte{}
	for _, path := range paths {
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

// ---- the validator itself ----

// TestValidator checks the validator on small schemas, so that a schema
// accepting everything would be noticed.
func TestValidator(t *testing.T) {
	for _, c := range []struct {
		schema, doc string
		errs        []string // substrings, one per expected error
	}{
		{`{"type": "string"}`, `x`, nil},
		{`{"type": "string"}`, `1`, []string{"is a number, want string"}},
		{`{"type": ["string", "null"]}`, `~`, nil},
		{`{"type": ["string", "null"]}`, `true`, []string{"is a boolean, want string or null"}},
		{`{"type": "number"}`, `1.5`, nil},
		{`{"type": "integer"}`, `1.5`, []string{"want integer"}},
		{`{"type": "string"}`, `2018-06-15`, nil},
		{`{"type": "object"}`, `[a]`, []string{"is an array, want object"}},
		{`{"type": "array", "items": {"type": "boolean"}}`, `[true, x]`, []string{`/1: "x" is a string, want boolean`}},
		{`{"type": "array", "minItems": 2}`, `[a]`, []string{"1 items, want at least 2"}},
		{`{"properties": {"a": {"type": "string"}}, "additionalProperties": false}`, `{a: x}`, nil},
		{`{"properties": {"a": {"type": "string"}}, "additionalProperties": false}`, `{a: x, b: y}`, []string{`/b: unknown key "b"`}},
		{`{"properties": {"a": {"type": "string"}}}`, `{b: y}`, nil},
		{`{"properties": {"a": {"type": "string"}}}`, `{a: 1}`, []string{"/a: 1 is a number, want string"}},
		{`{"required": ["a", "b"]}`, `{a: 1}`, []string{`missing required key "b"`}},
		{`{"enum": ["x", null, false]}`, `x`, nil},
		{`{"enum": ["x", null, false]}`, `~`, nil},
		{`{"enum": ["x", null, false]}`, `"false"`, []string{"not one of"}},
		{`{"const": true}`, `false`, []string{"want true"}},
		{`{"pattern": "^a+$"}`, `aaa`, nil},
		{`{"pattern": "^a+$"}`, `aab`, []string{"does not match"}},
		{`{"pattern": "^a+$"}`, `12`, nil},
		{`{"minLength": 2}`, `é`, []string{"shorter than 2"}},
		{`{"minLength": 2}`, `éé`, nil},
		{`{"not": {"enum": ["main"]}}`, `main`, []string{"matches a schema it must not"}},
		{`{"not": {"enum": ["main"]}}`, `mains`, nil},
		{`{"if": {"required": ["s"], "properties": {"s": {"const": true}}}, "then": {"required": ["t"]}}`, `{s: true}`, []string{`missing required key "t"`}},
		{`{"if": {"required": ["s"], "properties": {"s": {"const": true}}}, "then": {"required": ["t"]}}`, `{s: false}`, nil},
		{`{"if": {"required": ["s"], "properties": {"s": {"const": true}}}, "then": {"required": ["t"]}}`, `{}`, nil},
		{`false`, `x`, []string{"no value is allowed"}},
		{`{"title": "t", "description": "d", "default": 1, "examples": [1], "$comment": "c"}`, `x`, nil},
		{`{"minimum": 1}`, `0`, []string{`keyword "minimum" is not implemented`}},
		{`{"type": "object", "properties": {"a": {"type": "array", "items": {"required": ["b"]}}}}`, `{a: [{b: 1}, {c: 1}]}`, []string{`/a/1: missing required key "b"`}},
		{`{"type": "string"}`, `&a x`, nil},
		{`{"type": "array", "items": {"type": "string"}}`, "[&a x, *a]", nil},
	} {
		var schema any
		if err := decodeJSON(json.NewDecoder(strings.NewReader(c.schema)), &schema); err != nil {
			t.Fatalf("%s: %v", c.schema, err)
		}
		got := validateSchema(schema, yamlValue(t, []byte(c.doc)))
		if len(got) != len(c.errs) {
			t.Errorf("schema %s, doc %q: errors %q, want %d matching %q", c.schema, c.doc, got, len(c.errs), c.errs)
			continue
		}
		for i, want := range c.errs {
			if !strings.Contains(got[i], want) {
				t.Errorf("schema %s, doc %q: error %q, want it to contain %q", c.schema, c.doc, got[i], want)
			}
		}
	}
}

// TestYAMLValue checks the YAML to JSON conversion: scalars keep their
// text, and are typed as a YAML 1.2 reader such as yaml-language-server
// types them; a timestamp is a string.
func TestYAMLValue(t *testing.T) {
	got := yamlValue(t, []byte("a: 2018-06-15\nb: 22012\nc: true\nd:\ne: [x, 1.5]\nf: {g: ~}\nh: \"true\"\n"))
	want := map[string]any{
		"a": "2018-06-15", "b": json.Number("22012"), "c": true, "d": nil,
		"e": []any{"x", json.Number("1.5")}, "f": map[string]any{"g": nil}, "h": "true",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

// jsonObject is a JSON object that remembers its key order, so that the
// schema's property order can be compared with the README's.
type jsonObject struct {
	keys []string
	m    map[string]any
}

func (o *jsonObject) get(key string) any { return o.m[key] }

// decodeJSON decodes the next JSON value from dec into *v: objects as
// *jsonObject, numbers as json.Number.
func decodeJSON(dec *json.Decoder, v *any) error {
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch tok {
	case json.Delim('{'):
		obj := &jsonObject{m: map[string]any{}}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return err
			}
			var val any
			if err := decodeJSON(dec, &val); err != nil {
				return err
			}
			key := k.(string)
			if _, dup := obj.m[key]; dup {
				return fmt.Errorf("key %q repeated", key)
			}
			obj.keys = append(obj.keys, key)
			obj.m[key] = val
		}
		_, err = dec.Token() // }
		*v = obj
		return err
	case json.Delim('['):
		list := []any{}
		for dec.More() {
			var val any
			if err := decodeJSON(dec, &val); err != nil {
				return err
			}
			list = append(list, val)
		}
		_, err = dec.Token() // ]
		*v = list
		return err
	}
	*v = tok
	return nil
}

// loadSchema reads schema.json, which must be a single JSON object.
func loadSchema(t *testing.T) *jsonObject {
	t.Helper()
	data, err := os.ReadFile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var v any
	if err := decodeJSON(dec, &v); err != nil {
		t.Fatalf("schema.json: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		t.Fatalf("schema.json: text after the schema")
	}
	root, ok := v.(*jsonObject)
	if !ok {
		t.Fatalf("schema.json is not an object")
	}
	return root
}

// schemaAt returns the subschema at a JSON pointer such as
// /properties/codes/items.
func schemaAt(t *testing.T, root *jsonObject, pointer string) *jsonObject {
	t.Helper()
	s := root
	for _, part := range strings.Split(pointer, "/")[1:] {
		next, ok := s.get(part).(*jsonObject)
		if !ok {
			t.Fatalf("schema has no object at %s", pointer)
		}
		s = next
	}
	return s
}

// conditional reports whether the subschema at path is under if or then,
// which restate properties declared elsewhere.
func conditional(path string) bool {
	return strings.Contains(path, "/if") || strings.Contains(path, "/then")
}

// walkSchema calls f for every subschema under s, in document order.
func walkSchema(s any, path string, f func(path string, s *jsonObject)) {
	obj, ok := s.(*jsonObject)
	if !ok {
		return
	}
	f(path, obj)
	for _, k := range obj.keys {
		switch k {
		case "properties":
			props := obj.get(k).(*jsonObject)
			for _, p := range props.keys {
				walkSchema(props.get(p), path+"/properties/"+p, f)
			}
		case "items", "not", "if", "then", "additionalProperties":
			walkSchema(obj.get(k), path+"/"+k, f)
		}
	}
}

// yamlValue parses src as YAML and returns it as a JSON value.
func yamlValue(t *testing.T, src []byte) any {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatalf("not YAML: %v\n%s", err, src)
	}
	return nodeValue(&doc)
}

// nodeValue converts a YAML node to the JSON value a YAML 1.2 reader sees:
// null, booleans and numbers by their resolved tag, everything else as the
// scalar's text (so a timestamp such as 2018-06-15 is a string), aliases
// as their anchor's value, and a merge key as the plain key "<<".
func nodeValue(n *yaml.Node) any {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil
		}
		return nodeValue(n.Content[0])
	case yaml.AliasNode:
		return nodeValue(n.Alias)
	case yaml.SequenceNode:
		list := []any{}
		for _, item := range n.Content {
			list = append(list, nodeValue(item))
		}
		return list
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = nodeValue(n.Content[i+1])
		}
		return m
	}
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool":
		return strings.EqualFold(n.Value, "true")
	case "!!int", "!!float":
		return json.Number(n.Value)
	}
	return n.Value
}

// marshalYAML encodes v as YAML.
func marshalYAML(t *testing.T, v any) []byte {
	t.Helper()
	out, err := yaml.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// validateSchema validates the JSON value doc against schema (a
// *jsonObject or a boolean) and returns the problems, each as
// "/json/pointer: message", in a stable order.
func validateSchema(schema, doc any) []string {
	v := &validator{}
	v.validate(schema, doc, "")
	return v.errs
}

type validator struct {
	errs []string
}

func (v *validator) errorf(at, format string, args ...any) {
	if at == "" {
		at = "/"
	}
	v.errs = append(v.errs, at+": "+fmt.Sprintf(format, args...))
}

// valid reports whether doc passes schema, without recording why not.
func valid(schema, doc any, at string) bool {
	sub := &validator{}
	sub.validate(schema, doc, at)
	return len(sub.errs) == 0
}

func (v *validator) validate(schema, doc any, at string) {
	s, ok := schema.(*jsonObject)
	if !ok {
		if b, isBool := schema.(bool); isBool {
			if !b {
				v.errorf(at, "no value is allowed here")
			}
			return
		}
		v.errorf(at, "schema %v is neither an object nor a boolean", schema)
		return
	}
	obj, isObj := doc.(map[string]any)
	for _, k := range s.keys {
		kw := s.get(k)
		switch k {
		case "$schema", "$id", "$comment", "title", "description", "default", "examples", "then":
			// Annotations; then is applied with if.
		case "type":
			v.checkType(kw, doc, at)
		case "enum":
			if !slices.ContainsFunc(kw.([]any), func(e any) bool { return jsonEqual(e, doc) }) {
				v.errorf(at, "%s is not one of %s", show(doc), show(kw))
			}
		case "const":
			if !jsonEqual(kw, doc) {
				v.errorf(at, "%s, want %s", show(doc), show(kw))
			}
		case "pattern":
			if str, ok := doc.(string); ok && !regexp.MustCompile(kw.(string)).MatchString(str) {
				v.errorf(at, "%q does not match %s", str, kw)
			}
		case "minLength":
			if str, ok := doc.(string); ok && utf8.RuneCountInString(str) < jsonInt(kw) {
				v.errorf(at, "%q is shorter than %d characters", str, jsonInt(kw))
			}
		case "minItems":
			if list, ok := doc.([]any); ok && len(list) < jsonInt(kw) {
				v.errorf(at, "%d items, want at least %d", len(list), jsonInt(kw))
			}
		case "items":
			if list, ok := doc.([]any); ok {
				for i, item := range list {
					v.validate(kw, item, fmt.Sprintf("%s/%d", at, i))
				}
			}
		case "properties":
			if isObj {
				props := kw.(*jsonObject)
				for _, p := range props.keys {
					if val, ok := obj[p]; ok {
						v.validate(props.get(p), val, at+"/"+p)
					}
				}
			}
		case "additionalProperties":
			if isObj {
				props, _ := s.get("properties").(*jsonObject)
				for _, key := range sortedKeys(obj) {
					if props != nil && props.get(key) != nil {
						continue
					}
					if kw == false {
						v.errorf(at+"/"+key, "unknown key %q", key)
					} else {
						v.validate(kw, obj[key], at+"/"+key)
					}
				}
			}
		case "required":
			if isObj {
				for _, name := range kw.([]any) {
					if _, ok := obj[name.(string)]; !ok {
						v.errorf(at, "missing required key %q", name)
					}
				}
			}
		case "not":
			if valid(kw, doc, at) {
				v.errorf(at, "%s matches a schema it must not: %s", show(doc), show(kw))
			}
		case "if":
			if then := s.get("then"); then != nil && valid(kw, doc, at) {
				v.validate(then, doc, at)
			}
		default:
			v.errorf(at, "schema keyword %q is not implemented by this validator; add it", k)
		}
	}
}

func (v *validator) checkType(kw, doc any, at string) {
	var types []string
	switch kw := kw.(type) {
	case string:
		types = []string{kw}
	case []any:
		for _, t := range kw {
			types = append(types, t.(string))
		}
	}
	got := jsonType(doc)
	for _, want := range types {
		if want == got || want == "number" && got == "integer" {
			return
		}
	}
	if got == "integer" {
		got = "number"
	}
	if doc == nil {
		v.errorf(at, "null, want %s", strings.Join(types, " or "))
		return
	}
	article := "a"
	if strings.ContainsAny(got[:1], "aeiou") {
		article = "an"
	}
	v.errorf(at, "%s is %s %s, want %s", show(doc), article, got, strings.Join(types, " or "))
}

// jsonType is the JSON Schema type of a value: integer for a number with
// no fractional part.
func jsonType(doc any) string {
	switch doc := doc.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case json.Number:
		if f, err := strconv.ParseFloat(string(doc), 64); err == nil && f == float64(int64(f)) {
			return "integer"
		}
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", doc)
}

func jsonEqual(a, b any) bool {
	if x, ok := a.(json.Number); ok {
		y, ok := b.(json.Number)
		if !ok {
			return false
		}
		fx, errx := strconv.ParseFloat(string(x), 64)
		fy, erry := strconv.ParseFloat(string(y), 64)
		return errx == nil && erry == nil && fx == fy || x == y
	}
	return reflect.DeepEqual(a, b)
}

func jsonInt(v any) int {
	n, err := strconv.Atoi(string(v.(json.Number)))
	if err != nil {
		panic(err)
	}
	return n
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func show(v any) string {
	switch v := v.(type) {
	case *jsonObject:
		parts := make([]string, len(v.keys))
		for i, k := range v.keys {
			parts[i] = fmt.Sprintf("%q: %s", k, show(v.get(k)))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = show(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		return "a mapping"
	case string:
		return strconv.Quote(v)
	case nil:
		return "null"
	}
	return fmt.Sprint(v)
}
