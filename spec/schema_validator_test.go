package spec

// schema.json is read two ways here: compiled by
// github.com/santhosh-tekuri/jsonschema, a maintained JSON Schema 2020-12
// validator, which checks it against the 2020-12 metaschema and validates
// specs with it; and decoded as plain JSON that keeps the order of keys,
// for the tests of its shape (property order, titles, patterns).

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"gopkg.in/yaml.v3"
)

// ---- the validator ----

// compileSchema compiles schema.json. The library first validates it
// against the metaschema its $schema names, so a schema that is not valid
// JSON Schema 2020-12 fails here, as does one with a pattern outside the
// subset of regular expressions every validator reads alike (see
// interopRegexp).
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	data, err := os.ReadFile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("schema.json: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.UseRegexpEngine(interopRegexp)
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatalf("schema.json: %v", err)
	}
	sch, err := c.Compile("schema.json")
	if err != nil {
		t.Fatalf("schema.json does not compile: %v", err)
	}
	return sch
}

// schemaError is one problem the validator reports about a spec.
type schemaError struct {
	at      string // JSON pointer to the value, or to the key for an unknown or missing key
	keyword string // the keyword that failed, such as pattern or required
	message string
}

func (e schemaError) String() string {
	at := e.at
	if at == "" {
		at = "/"
	}
	return fmt.Sprintf("%s: %s (%s)", at, e.message, e.keyword)
}

// reason is what a test expects of an error: where, and which keyword.
func (e schemaError) reason() string { return e.at + " " + e.keyword }

var english = message.NewPrinter(language.English)

// validateSchema validates the JSON value doc (see yamlValue) against sch
// and returns the problems the validator finds, each a leaf of its error
// tree, in a stable order.
func validateSchema(sch *jsonschema.Schema, doc any) []schemaError {
	err := sch.Validate(doc)
	if err == nil {
		return nil
	}
	verr, ok := err.(*jsonschema.ValidationError)
	if !ok {
		return []schemaError{{keyword: "?", message: err.Error()}}
	}
	var errs []schemaError
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		for _, c := range e.Causes {
			walk(c)
		}
		if len(e.Causes) > 0 {
			return
		}
		at := jsonPointer(e.InstanceLocation)
		// An unknown or missing key is reported where the key is.
		switch k := e.ErrorKind.(type) {
		case *kind.AdditionalProperties:
			for _, p := range k.Properties {
				errs = append(errs, schemaError{jsonPointer(append(slices.Clone(e.InstanceLocation), p)), "additionalProperties",
					(&kind.AdditionalProperties{Properties: []string{p}}).LocalizedString(english)})
			}
			return
		case *kind.Required:
			for _, p := range k.Missing {
				errs = append(errs, schemaError{jsonPointer(append(slices.Clone(e.InstanceLocation), p)), "required",
					(&kind.Required{Missing: []string{p}}).LocalizedString(english)})
			}
			return
		}
		errs = append(errs, schemaError{at, keywordOf(e.ErrorKind), e.ErrorKind.LocalizedString(english)})
	}
	walk(verr)
	slices.SortStableFunc(errs, func(a, b schemaError) int { return strings.Compare(a.reason(), b.reason()) })
	return errs
}

// keywordOf names the keyword an error is about.
func keywordOf(k jsonschema.ErrorKind) string {
	if path := k.KeywordPath(); len(path) > 0 {
		return path[len(path)-1]
	}
	switch k.(type) {
	case *kind.Not:
		return "not"
	case *kind.FalseSchema:
		return "false"
	}
	return fmt.Sprintf("%T", k)
}

func jsonPointer(tokens []string) string {
	var b strings.Builder
	for _, tok := range tokens {
		b.WriteString("/" + strings.ReplaceAll(strings.ReplaceAll(tok, "~", "~0"), "/", "~1"))
	}
	return b.String()
}

// reasons returns the reason of each error.
func reasons(errs []schemaError) []string {
	var rs []string
	for _, e := range errs {
		rs = append(rs, e.reason())
	}
	return rs
}

// ---- specs as JSON values ----

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

// ---- schema.json as ordered JSON ----

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

// conditional reports whether the subschema at path is under if, then or
// else, which restate properties declared elsewhere.
func conditional(path string) bool {
	return strings.Contains(path, "/if") || strings.Contains(path, "/then") || strings.Contains(path, "/else")
}

// walkSchema calls f for every subschema under s, in document order: it
// enters every keyword of JSON Schema 2020-12 that holds subschemas, so a
// subschema added under any of them is seen.
func walkSchema(s any, path string, f func(path string, s *jsonObject)) {
	obj, ok := s.(*jsonObject)
	if !ok {
		return
	}
	f(path, obj)
	for _, k := range obj.keys {
		switch v := obj.get(k); k {
		case "properties", "patternProperties", "$defs", "dependentSchemas":
			if m, ok := v.(*jsonObject); ok {
				for _, p := range m.keys {
					walkSchema(m.get(p), path+"/"+k+"/"+p, f)
				}
			}
		case "allOf", "anyOf", "oneOf", "prefixItems":
			if list, ok := v.([]any); ok {
				for i, sub := range list {
					walkSchema(sub, fmt.Sprintf("%s/%s/%d", path, k, i), f)
				}
			}
		case "items", "additionalProperties", "unevaluatedItems", "unevaluatedProperties", "contains",
			"propertyNames", "not", "if", "then", "else", "contentSchema":
			walkSchema(v, path+"/"+k, f)
		}
	}
}
