package spec

// A validator for the subset of JSON Schema that schema.json uses, so
// that the tests need no dependency.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

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
