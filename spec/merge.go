package spec

import (
	"bytes"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// A Row is one row of a vendor's table: what errspec import reads from it.
type Row struct {
	Code, Message, Solution string
}

// RemovedPrefix starts the deprecated: reason Merge gives a code that left
// the vendor's table. A code deprecated for that reason that comes back is
// no longer deprecated.
const RemovedPrefix = "no longer in the vendor table"

// MergeSummary counts what a Merge changed, by code.
type MergeSummary struct {
	Added      []string // new codes, in the table's order
	Changed    []string // codes whose message or solution changed
	Deprecated []string // codes that left the table, newly deprecated
	Restored   []string // codes back in the table, no longer deprecated
	Unchanged  int
}

func (s *MergeSummary) String() string {
	return fmt.Sprintf("%d added, %d changed text, %d deprecated, %d restored, %d unchanged",
		len(s.Added), len(s.Changed), len(s.Deprecated), len(s.Restored), s.Unchanged)
}

// Merge applies a vendor's table to the spec text old, keeping everything a
// person wrote: the header, comments, and every field but message and
// solution, which take the table's text. New codes go after the code that
// precedes them in the table (first, if none does). A code that left the
// table is kept, so that code using its identifiers still compiles, and is
// marked deprecated: "no longer in the vendor table (<date>)". Merging the
// same table again changes nothing. file names old in error messages.
func Merge(file string, old []byte, rows []Row, date string) ([]byte, *MergeSummary, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(old, &doc); err != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, nil, fmt.Errorf("%s: not a spec to merge into (%v); check it with errspec validate", file, err)
	}
	codes := mapValue(doc.Content[0], "codes")
	if codes == nil || codes.Kind != yaml.SequenceNode {
		return nil, nil, fmt.Errorf("%s: no codes: list to merge into; check it with errspec validate", file)
	}
	entries := map[string]*yaml.Node{}
	for _, item := range codes.Content {
		if code := mapValue(item, "code"); item.Kind == yaml.MappingNode && code != nil && code.Kind == yaml.ScalarNode {
			entries[code.Value] = item
		}
	}

	sum := &MergeSummary{}
	inTable := make(map[string]bool, len(rows))
	var prev *yaml.Node
	for _, r := range rows {
		if inTable[r.Code] {
			continue
		}
		inTable[r.Code] = true
		item, ok := entries[r.Code]
		if !ok {
			item = newEntry(r)
			codes.Content = insertAfter(codes.Content, prev, item)
			sum.Added = append(sum.Added, r.Code)
			prev = item
			continue
		}
		prev = item
		changed := setText(item, "message", r.Message)
		changed = setText(item, "solution", r.Solution) || changed
		restored := false
		if dep := mapValue(item, "deprecated"); dep != nil && strings.HasPrefix(dep.Value, RemovedPrefix) {
			deleteKey(item, "deprecated")
			restored = true
		}
		switch {
		case restored:
			sum.Restored = append(sum.Restored, r.Code)
		case changed:
			sum.Changed = append(sum.Changed, r.Code)
		default:
			sum.Unchanged++
		}
	}
	for _, item := range codes.Content {
		code := mapValue(item, "code")
		if code == nil || inTable[code.Value] {
			continue
		}
		if dep := mapValue(item, "deprecated"); dep != nil && dep.Value != "" {
			sum.Unchanged++
			continue
		}
		setText(item, "deprecated", fmt.Sprintf("%s (%s)", RemovedPrefix, date))
		sum.Deprecated = append(sum.Deprecated, code.Value)
	}
	out, err := encode(&doc)
	return out, sum, err
}

// Messages returns the message of each code in the spec text data, read
// from its YAML alone, so that it works on a spec that does not validate.
func Messages(data []byte) map[string]string {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return nil
	}
	out := map[string]string{}
	if codes := mapValue(doc.Content[0], "codes"); codes != nil {
		for _, item := range codes.Content {
			if code, msg := mapValue(item, "code"), mapValue(item, "message"); code != nil && msg != nil {
				out[code.Value] = msg.Value
			}
		}
	}
	return out
}

// NewSpec writes a spec for a vendor's table: the header from the
// arguments, and a code per row with its message and solution, in the
// table's order. Classification is left at the defaults (client fault,
// not retryable), for a person to review; a code named OK is marked as
// the success code.
func NewSpec(pkg string, src Source, rows []Row) ([]byte, error) {
	root := &yaml.Node{Kind: yaml.MappingNode}
	root.HeadComment = "Imported by errspec import. Review every code: set retryable, fault and\ncategory, declare the categories you use, and mark success codes."
	setText(root, "package", pkg)
	if src != (Source{}) {
		source := &yaml.Node{Kind: yaml.MappingNode}
		setText(source, "title", src.Title)
		setText(source, "url", src.URL)
		setText(source, "updated", src.Updated)
		root.Content = append(root.Content, plainKey("source"), source)
	}
	codes := &yaml.Node{Kind: yaml.SequenceNode}
	seen := map[string]bool{}
	for _, r := range rows {
		if !seen[r.Code] {
			seen[r.Code] = true
			codes.Content = append(codes.Content, newEntry(r))
		}
	}
	root.Content = append(root.Content, plainKey("codes"), codes)
	return encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}})
}

// newEntry is the spec entry for a new row.
func newEntry(r Row) *yaml.Node {
	item := &yaml.Node{Kind: yaml.MappingNode}
	setText(item, "code", r.Code)
	setText(item, "message", r.Message)
	setText(item, "solution", r.Solution)
	if strings.EqualFold(r.Code, "OK") {
		item.Content = append(item.Content, plainKey("success"), &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
	return item
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
