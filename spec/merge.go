package spec

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/errspec/errspec/spec/table"
	"gopkg.in/yaml.v3"
)

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
	// KeptSuccess and KeptLocal are the codes the table lacks that the
	// merge does not deprecate, because they are not the vendor page's to
	// drop: success codes (OK, which many pages never list) and codes
	// marked local: true (the team's own). They count as unchanged, or as
	// restored when an earlier merge had deprecated them.
	KeptSuccess []string
	KeptLocal   []string
	Unchanged   int
	// Codes is the number of codes the spec had before the merge.
	Codes int
	// UpdatedFrom and UpdatedTo are source.updated before and after the
	// merge when the merge changed it (UpdatedFrom is "" when the spec had
	// none); both are "" when it did not.
	UpdatedFrom, UpdatedTo string
}

// String gives the counts: "1 added, 1 changed text, 1 deprecated, 0
// restored, 0 unchanged".
func (s *MergeSummary) String() string {
	return fmt.Sprintf("%d added, %d changed text, %d deprecated, %d restored, %d unchanged",
		len(s.Added), len(s.Changed), len(s.Deprecated), len(s.Restored), s.Unchanged)
}

// Details lists what the counts of [MergeSummary.String] stand for, a
// line for each kind of change that has codes ("added: A, B"), and the
// change of source.updated, for a person to review.
func (s *MergeSummary) Details() []string {
	var lines []string
	for _, l := range []struct {
		what  string
		codes []string
	}{
		{"added", s.Added}, {"changed text", s.Changed}, {"deprecated", s.Deprecated}, {"restored", s.Restored},
		{"kept as success codes", s.KeptSuccess}, {"kept as local codes", s.KeptLocal},
	} {
		if len(l.codes) > 0 {
			lines = append(lines, l.what+": "+strings.Join(l.codes, ", "))
		}
	}
	if s.UpdatedTo != "" {
		lines = append(lines, fmt.Sprintf("source.updated: %s → %s", cmp.Or(s.UpdatedFrom, "(none)"), s.UpdatedTo))
	}
	return lines
}

// Merge applies a vendor's table, as package table reads it, to the spec
// text old, keeping everything a person wrote: the header, comments, and
// every field but message and solution, which take the table's text (a
// field the table has no column for, by t.HasMessage and t.HasSolution, is
// left alone), and source.updated, which takes the table's date when it
// gives one. New codes go after the code that precedes them in the
// table (first, if none does). A code that left the table is kept, so that
// code using its identifiers still compiles, and is marked deprecated: "no
// longer in the vendor table (<date>)", unless it is not the vendor's to
// drop: a success code, or one marked local: true, is kept as it is (and
// one an earlier merge deprecated for leaving the table is restored).
// Merging the same table again changes nothing. file names old in error
// messages.
//
// Merge applies any table it is given, even one with no codes or none of
// the spec's, which deprecates every code: such a table is most often the
// wrong one, and [Import] refuses it before calling Merge. A code the table
// lists again is ignored.
func Merge(file string, old []byte, t *table.Table, date string) ([]byte, *MergeSummary, error) {
	doc, codes, err := mergeTarget(file, old)
	if err != nil {
		return nil, nil, err
	}
	entries := map[string]*yaml.Node{}
	sum := &MergeSummary{}
	for _, item := range codes.Content {
		if code := mapValue(item, "code"); item.Kind == yaml.MappingNode && code != nil && code.Kind == yaml.ScalarNode {
			entries[code.Value] = item
			sum.Codes++
		}
	}
	if t.Updated != "" {
		if from, ok := setUpdated(doc.Content[0], t.Updated); ok {
			sum.UpdatedFrom, sum.UpdatedTo = from, t.Updated
		}
	}

	inTable := make(map[string]bool, len(t.Rows))
	var prev *yaml.Node
	for _, r := range t.Rows {
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
		changed := false
		if t.HasMessage {
			changed = setText(item, "message", r.Message)
		}
		if t.HasSolution {
			changed = setText(item, "solution", r.Solution) || changed
		}
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
		if own := isTrue(item, "success") || isTrue(item, "local"); own {
			if isTrue(item, "success") {
				sum.KeptSuccess = append(sum.KeptSuccess, code.Value)
			} else {
				sum.KeptLocal = append(sum.KeptLocal, code.Value)
			}
			if dep := mapValue(item, "deprecated"); dep != nil && strings.HasPrefix(dep.Value, RemovedPrefix) {
				deleteKey(item, "deprecated")
				sum.Restored = append(sum.Restored, code.Value)
			} else {
				sum.Unchanged++
			}
			continue
		}
		if dep := mapValue(item, "deprecated"); dep != nil && dep.Value != "" {
			sum.Unchanged++
			continue
		}
		setText(item, "deprecated", fmt.Sprintf("%s (%s)", RemovedPrefix, date))
		sum.Deprecated = append(sum.Deprecated, code.Value)
	}
	out, err := encode(doc)
	return out, sum, err
}

// mergeTarget parses the spec text old for Merge and Messages: it must be
// a YAML mapping with a codes: list, though it need not validate.
func mergeTarget(file string, old []byte) (doc, codes *yaml.Node, err error) {
	doc = &yaml.Node{}
	if err := yaml.Unmarshal(old, doc); err != nil {
		return nil, nil, fmt.Errorf("%s: not a spec to merge into: %v; check it with errspec validate", file, err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		what := "empty"
		if len(doc.Content) > 0 {
			if what = kindName(doc.Content[0]); what == "text" {
				what = "plain text"
			}
		}
		return nil, nil, fmt.Errorf("%s: not a spec to merge into: the file is %s, not a YAML mapping of package:, codes: and the rest; is it the table? give -merge the spec, and the table last", file, what)
	}
	codes = mapValue(doc.Content[0], "codes")
	if codes == nil || codes.Kind != yaml.SequenceNode {
		return nil, nil, fmt.Errorf("%s: no codes: list to merge into; check it with errspec validate", file)
	}
	return doc, codes, nil
}

// setUpdated sets source.updated in the spec root to date, adding the key,
// and source: itself, if missing; the node of an existing value keeps its
// style. It returns the old date ("" if none) and whether it changed
// anything. A source: that is not a mapping is left for the loader to
// report.
func setUpdated(root *yaml.Node, date string) (from string, changed bool) {
	src := mapValue(root, "source")
	switch {
	case src == nil:
		src = &yaml.Node{Kind: yaml.MappingNode}
		insertKey(root, "source", src, "output", "initialisms", "categories", "codes")
	case src.Kind == yaml.ScalarNode && src.Tag == "!!null":
		*src = yaml.Node{Kind: yaml.MappingNode, HeadComment: src.HeadComment, LineComment: src.LineComment, FootComment: src.FootComment}
	case src.Kind != yaml.MappingNode:
		return "", false
	}
	v := mapValue(src, "updated")
	switch {
	case v == nil:
		src.Content = append(src.Content, plainKey("updated"), &yaml.Node{Kind: yaml.ScalarNode, Value: date})
		return "", true
	case v.Kind != yaml.ScalarNode || v.Value == date && v.Tag != "!!null":
		return "", false
	}
	if v.Tag != "!!null" {
		from = v.Value
	}
	v.Value, v.Tag = date, ""
	if v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0 {
		v.Style = 0
	}
	return from, true
}

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

// Messages returns every code in the spec text data with its message (""
// if it has none), read from its YAML alone, so that it works on a spec
// that does not validate. It fails, as Merge would, on text that is not a
// spec to merge into; file names data in the error.
func Messages(file string, data []byte) (map[string]string, error) {
	_, codes, err := mergeTarget(file, data)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, item := range codes.Content {
		code := mapValue(item, "code")
		if code == nil || code.Kind != yaml.ScalarNode {
			continue
		}
		msg := ""
		if m := mapValue(item, "message"); m != nil && m.Kind == yaml.ScalarNode && m.Tag != "!!null" {
			msg = m.Value
		}
		out[code.Value] = msg
	}
	return out, nil
}

// NewSpec writes a spec for a vendor's table: the $schema line errspec
// init's starter begins with (for editors), package: pkg, service: and
// the source: block from the page's title and "last updated" date, and a
// code per row with its message and solution, in the table's order (a
// code listed again is ignored). Classification is left at the defaults
// (client fault, not retryable), for a person to review; a code named OK
// is marked as the success code.
func NewSpec(pkg string, t *table.Table) ([]byte, error) {
	root := &yaml.Node{Kind: yaml.MappingNode}
	schema, _, _ := bytes.Cut(starterSpec, []byte("\n"))
	root.HeadComment = string(schema) + "\n#\n# Imported by errspec import. Review every code: set retryable, fault and\n# category, declare the categories you use, and mark success codes."
	setText(root, "package", pkg)
	setText(root, "service", t.Title)
	if t.Title != "" || t.Updated != "" {
		source := &yaml.Node{Kind: yaml.MappingNode}
		setText(source, "title", t.Title)
		setText(source, "updated", t.Updated)
		root.Content = append(root.Content, plainKey("source"), source)
	}
	codes := &yaml.Node{Kind: yaml.SequenceNode}
	seen := map[string]bool{}
	for _, r := range t.Rows {
		if !seen[r.Code] {
			seen[r.Code] = true
			codes.Content = append(codes.Content, newEntry(r))
		}
	}
	root.Content = append(root.Content, plainKey("codes"), codes)
	return encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}})
}

// newEntry is the spec entry for a new row.
func newEntry(r table.Row) *yaml.Node {
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
