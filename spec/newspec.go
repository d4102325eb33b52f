package spec

import (
	"bytes"
	"strings"

	"github.com/errspec/errspec/spec/table"
	"gopkg.in/yaml.v3"
)

// NewOptions say how [NewSpec] writes a table's spec.
type NewOptions struct {
	// Lang is the BCP 47 tag of the language of the table's text, which
	// the spec declares as its languages: [Lang]; empty means none is
	// declared.
	Lang string
	// Families has the spec declare, in families:, the prefixes that the
	// codes share (see [MinFamily]), for a person to give each a doc and
	// its members' defaults.
	Families bool
}

// NewSpec writes a spec for a vendor's table: the $schema line errspec
// init's starter begins with (for editors), package: pkg, service: and
// the source: block from the page's title and "last updated" date,
// languages: [opts.Lang] when it is given, and a code per row with its
// message and solution, its http_status when the table gives one, and its
// name: when the table's name column gives it one other than its code's
// (run through the naming rule: unique_violation is UniqueViolation), in
// the table's order (a code listed again is ignored). Classification is
// left at the defaults (client fault, not retryable), for a person to
// review; a code named OK is marked as the success code. With
// opts.Families it declares the families it proposes, and returns them.
func NewSpec(pkg string, t *table.Table, opts NewOptions) ([]byte, []FamilyProposal, error) {
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
	x := texts{}
	if opts.Lang != "" {
		x = texts{lang: opts.Lang, primary: opts.Lang, order: []string{opts.Lang}}
		root.Content = append(root.Content, plainKey("languages"), &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Content: []*yaml.Node{textNode(opts.Lang)}})
	}
	namer := NewNamer(nil)
	codes := &yaml.Node{Kind: yaml.SequenceNode}
	var fcs []familyCode
	seen := map[string]bool{}
	for _, r := range t.Rows {
		if !seen[r.Code] {
			seen[r.Code] = true
			item := newEntry(r, x, namer)
			codes.Content = append(codes.Content, item)
			fcs = append(fcs, familyCodeOf(item, namer))
		}
	}
	var proposed []FamilyProposal
	if opts.Families {
		if proposed = proposeFamilies(fcs, nil, namer); len(proposed) > 0 {
			root.HeadComment += "\n# families: lists the prefixes that " + count(MinFamily, "code") + " or more share; give each a doc,\n# and the retryable, fault and category its members take unless they set their own."
			list := &yaml.Node{Kind: yaml.SequenceNode}
			for _, p := range proposed {
				list.Content = append(list.Content, familyNode(p))
			}
			root.Content = append(root.Content, plainKey("families"), list)
		}
	}
	root.Content = append(root.Content, plainKey("codes"), codes)
	data, err := encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}})
	return data, proposed, err
}

// newEntry is the spec entry for a new row, its text written as x says.
func newEntry(r table.Row, x texts, namer *Namer) *yaml.Node {
	item := &yaml.Node{Kind: yaml.MappingNode}
	setText(item, "code", r.Code)
	x.set(item, "message", r.Message)
	x.set(item, "solution", r.Solution)
	if strings.EqualFold(r.Code, "OK") {
		item.Content = append(item.Content, plainKey("success"), &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
	if name := rowName(r, namer); name != "" {
		setEntryKey(item, "name", textNode(name))
	}
	if r.HTTPStatus != 0 {
		setEntryKey(item, "http_status", intNode(r.HTTPStatus))
	}
	return item
}

// rowName is the name: a row's name gives its code: the name run through
// the naming rule (unique_violation gives UniqueViolation), or "" when the
// row has none, when it gives no Go name, or when the code derives the
// same name itself.
func rowName(r table.Row, namer *Namer) string {
	if r.Name == "" {
		return ""
	}
	name := namer.Name(r.Name)
	if !ValidGoName(name) || name == namer.Name(r.Code) {
		return ""
	}
	return name
}

// familyCodeOf is what proposing families needs of a code entry: its
// code, its Go name (name:, or the derived one) and whether it is a
// success code.
func familyCodeOf(item *yaml.Node, namer *Namer) familyCode {
	var c familyCode
	if v := mapValue(item, "code"); v != nil {
		c.code = v.Value
	}
	c.goName = namer.Name(c.code)
	if v := mapValue(item, "name"); v != nil && v.Kind == yaml.ScalarNode && v.Value != "" {
		c.goName = v.Value
	}
	c.success = isTrue(item, "success")
	return c
}
