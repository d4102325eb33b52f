package spec

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// insertKey adds key: value to mapping m before the first of the keys
// before that it has, or last.
func insertKey(m *yaml.Node, key string, value *yaml.Node, before ...string) {
	at := len(m.Content)
	for i := 0; i+1 < len(m.Content); i += 2 {
		if slices.Contains(before, m.Content[i].Value) {
			at = i
			break
		}
	}
	m.Content = slices.Insert(m.Content, at, plainKey(key), value)
}

// setText sets key to the text value in mapping m and reports whether that
// changed it. An unchanged value keeps its node, and so its YAML style; an
// empty value for a missing key adds nothing.
func setText(m *yaml.Node, key, value string) bool {
	if v := mapValue(m, key); v != nil {
		// The loader reads any scalar as its text, and null as "".
		if v.Kind == yaml.ScalarNode && (v.Value == value || v.Tag == "!!null" && value == "") {
			return false
		}
		*v = yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: value, HeadComment: v.HeadComment, LineComment: v.LineComment, FootComment: v.FootComment}
		return true
	}
	if value == "" && key != "code" {
		return false
	}
	m.Content = append(m.Content, plainKey(key), &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: value})
	return true
}

func plainKey(key string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}
}

// isTrue reports whether mapping m sets key to true.
func isTrue(m *yaml.Node, key string) bool {
	v := mapValue(m, key)
	return v != nil && v.Kind == yaml.ScalarNode && v.Tag == "!!bool" && strings.EqualFold(v.Value, "true")
}

// mapValue returns the value of key in mapping m, or nil.
func mapValue(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func deleteKey(m *yaml.Node, key string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			return
		}
	}
}

// insertAfter inserts item after prev in items, or first when prev is nil.
func insertAfter(items []*yaml.Node, prev, item *yaml.Node) []*yaml.Node {
	at := 0
	for i, it := range items {
		if it == prev {
			at = i + 1
			break
		}
	}
	items = append(items, nil)
	copy(items[at+1:], items[at:])
	items[at] = item
	return items
}

// encode writes a spec in the layout of the shipped one: two-space
// indentation, which yaml.v3 reproduces byte for byte from its own output.
func encode(doc *yaml.Node) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// textNode is a new text scalar.
func textNode(text string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: text}
}

// intNode is a new number scalar.
func intNode(n int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(n)}
}

// setEntryText is setText for a code entry: a key it adds goes where the
// README's order of a code's keys puts it, not last.
func setEntryText(item *yaml.Node, key, value string) bool {
	if v := mapValue(item, key); v != nil || value == "" {
		return setText(item, key, value)
	}
	setEntryKey(item, key, textNode(value))
	return true
}

// setEntryKey sets key to value in a code entry: an existing key's value is
// replaced, keeping its comments; a new key goes before the first key that
// comes after it in codeKeys, the order the README documents.
func setEntryKey(item *yaml.Node, key string, value *yaml.Node) {
	if v := mapValue(item, key); v != nil {
		value.HeadComment, value.LineComment, value.FootComment = v.HeadComment, v.LineComment, v.FootComment
		*v = *value
		return
	}
	insertKey(item, key, value, codeKeys[slices.Index(codeKeys, key)+1:]...)
}
