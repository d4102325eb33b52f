package spec

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/errspec/errspec/spec/table"
	"gopkg.in/yaml.v3"
)

// RemovedPrefix starts the deprecated: reason Merge gives a code that left
// the vendor's table. A code deprecated for that reason that comes back is
// no longer deprecated.
const RemovedPrefix = "no longer in the vendor table"

// MergeOptions say how [Merge] applies a table.
type MergeOptions struct {
	// Date is the YYYY-MM-DD date recorded on codes that left the table.
	Date string
	// Lang is the BCP 47 tag of the language of the table's text; empty
	// means the spec's primary language (or, in a spec that declares no
	// languages, its text's one unnamed language). The merge writes that
	// language's text only, adding Lang to the spec's languages: when it
	// lacks it.
	Lang string
	// Families adds, to families:, the families [NewOptions.Families]
	// would propose for the merged codes that the spec lacks.
	Families bool
}

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
	// Unchanged counts the codes the merge changed nothing of.
	Unchanged int
	// StatusChanged lists the codes whose http_status the table set or
	// changed.
	StatusChanged []string
	// Respelled lists the table's codes that are spec codes spelled
	// another way, added as aliases of them.
	Respelled []CodePair
	// Named lists the codes that had no Go name (22012) and took the
	// name the table's name column gives.
	Named []Naming
	// NamesKept lists the codes whose Go name differs from the one the
	// table's name column gives, and stays: renaming would break callers.
	NamesKept []Naming
	// Renames lists new codes with the message of a code the table no
	// longer lists: possible renames, which the merge leaves as they are
	// (the old code deprecated, the new one added).
	Renames []CodePair
	// Families lists the families the merge added (MergeOptions.Families).
	Families []FamilyProposal
	// Language is the language the merge added to languages:, or "".
	Language string
	// Codes is the number of codes the spec had before the merge.
	Codes int
	// UpdatedFrom and UpdatedTo are source.updated before and after the
	// merge when the merge changed it (UpdatedFrom is "" when the spec had
	// none); both are "" when it did not.
	UpdatedFrom, UpdatedTo string
}

// CodePair is two codes a merge relates: in Respelled, the table's Code
// and the spec code Of it respells; in Renames, a new Code and the dropped
// code Of whose message it has.
type CodePair struct {
	Code, Of string
}

// Naming is a code's Go name and the one the table's name column gives.
type Naming struct {
	Code, GoName, TableName string
}

// String gives the counts: "1 added, 1 changed text, 1 deprecated, 0
// restored, 0 unchanged", and after them those of codes respelled, whose
// HTTP status changed and named, when there are any.
func (s *MergeSummary) String() string {
	out := fmt.Sprintf("%d added, %d changed text, %d deprecated, %d restored, %d unchanged",
		len(s.Added), len(s.Changed), len(s.Deprecated), len(s.Restored), s.Unchanged)
	for _, n := range []struct {
		n    int
		what string
	}{{len(s.StatusChanged), "changed http_status"}, {len(s.Respelled), "respelled"}, {len(s.Named), "named"}} {
		if n.n > 0 {
			out += fmt.Sprintf(", %d %s", n.n, n.what)
		}
	}
	return out
}

// Details lists what the counts of [MergeSummary.String] stand for, a
// line for each kind of change that has codes ("added: A, B"), what the
// merge noticed but left alone, the families and language it added, and
// the change of source.updated, for a person to review.
func (s *MergeSummary) Details() []string {
	var lines []string
	add := func(what string, items []string, sep string) {
		if len(items) > 0 {
			lines = append(lines, what+": "+strings.Join(items, sep))
		}
	}
	each := func(pairs []CodePair, format string) []string {
		var out []string
		for _, p := range pairs {
			out = append(out, fmt.Sprintf(format, p.Code, p.Of))
		}
		return out
	}
	add("added", s.Added, ", ")
	add("changed text", s.Changed, ", ")
	add("changed http_status", s.StatusChanged, ", ")
	add("respelled", each(s.Respelled, "%s → alias of %s"), ", ")
	var named, kept, families []string
	for _, n := range s.Named {
		named = append(named, n.Code+" → "+n.GoName)
	}
	add("named", named, ", ")
	add("deprecated", s.Deprecated, ", ")
	add("restored", s.Restored, ", ")
	add("kept as success codes", s.KeptSuccess, ", ")
	add("kept as local codes", s.KeptLocal, ", ")
	add("possible renames, left as they are", each(s.Renames, "%s has the message of %s"), "; ")
	for _, n := range s.NamesKept {
		kept = append(kept, fmt.Sprintf("%s keeps %s (the table's name gives %s)", n.Code, n.GoName, n.TableName))
	}
	add("names kept, as renaming would break callers", kept, "; ")
	for _, f := range s.Families {
		families = append(families, f.String())
	}
	add("families added", families, ", ")
	if s.Language != "" {
		lines = append(lines, "languages: added "+s.Language)
	}
	if s.UpdatedTo != "" {
		lines = append(lines, fmt.Sprintf("source.updated: %s → %s", cmp.Or(s.UpdatedFrom, "(none)"), s.UpdatedTo))
	}
	return lines
}

// Merge applies a vendor's table, as package table reads it, to the spec
// text old, keeping everything a person wrote: the header, comments, and
// every field but those the table gives. message and solution take the
// table's text in its language (opts.Lang), other languages' text kept (a
// field the table has no column for, by t.HasMessage and t.HasSolution, is
// left alone); http_status takes the table's status where it gives one;
// source.updated takes the table's date when it gives one. A code's Go
// name never changes: the table's name column names only new codes, and
// codes that derive no Go name. New codes go after the code that precedes
// them in the table (first, if none does). A table code that respells a
// spec code (see [MergeSummary.Respelled]) is added to its aliases:. A
// code that left the table is kept, so that code using its identifiers
// still compiles, and is marked deprecated: "no longer in the vendor table
// (<date>)", unless it is not the vendor's to drop: a success code, or one
// marked local: true, is kept as it is (and one an earlier merge
// deprecated for leaving the table is restored). Merging the same table
// again changes nothing. file names old in error messages.
//
// Merge applies any table it is given, even one with no codes or none of
// the spec's, which deprecates every code: such a table is most often the
// wrong one, and [Import] refuses it before calling Merge. A code the table
// lists again is ignored. A table in a named language merged into a spec
// that has text but declares no languages is refused with an [*Error] at
// that text: which language the spec's own text is in is not known.
func Merge(file string, old []byte, t *table.Table, opts MergeOptions) ([]byte, *MergeSummary, error) {
	doc, codes, err := mergeTarget(file, old)
	if err != nil {
		return nil, nil, err
	}
	root := doc.Content[0]
	x, addedLang, err := mergeTexts(file, root, codes, opts.Lang)
	if err != nil {
		return nil, nil, err
	}
	sum := &MergeSummary{}
	if addedLang {
		sum.Language = x.lang
	}
	ix := newCodeIndex(codes)
	for _, item := range codes.Content {
		if code := mapValue(item, "code"); item.Kind == yaml.MappingNode && code != nil && code.Kind == yaml.ScalarNode {
			sum.Codes++
		}
	}
	if t.Updated != "" {
		if from, ok := setUpdated(root, t.Updated); ok {
			sum.UpdatedFrom, sum.UpdatedTo = from, t.Updated
		}
	}
	namer := NewNamer(initialisms(root))
	inTable := map[*yaml.Node]bool{}
	seen := make(map[string]bool, len(t.Rows))
	var added []*yaml.Node
	var prev *yaml.Node
	for _, r := range t.Rows {
		if seen[r.Code] {
			continue
		}
		seen[r.Code] = true
		item := ix.exact[r.Code]
		respelled := false
		if item == nil {
			if item = ix.respelled(r.Code); item != nil {
				addAlias(item, r.Code)
				ix.add(r.Code, item)
				sum.Respelled = append(sum.Respelled, CodePair{r.Code, codeOf(item)})
				respelled = true
			}
		}
		if item == nil {
			item = newEntry(r, x, namer)
			codes.Content = insertAfter(codes.Content, prev, item)
			ix.add(r.Code, item)
			inTable[item], prev = true, item
			added = append(added, item)
			sum.Added = append(sum.Added, r.Code)
			continue
		}
		prev = item
		if inTable[item] {
			continue // another spelling of a code the table gave already
		}
		inTable[item] = true
		if !mergeRow(item, r, t, x, namer, sum) && !respelled {
			sum.Unchanged++
		}
	}
	deprecate(codes, inTable, opts.Date, sum)
	sum.Renames = renames(codes, added, inTable, x)
	if opts.Families {
		sum.Families = addFamilies(root, codes, namer)
	}
	out, err := encode(doc)
	return out, sum, err
}

// mergeRow applies a table's row to the entry of its code, noting the
// change in sum, and reports whether it changed anything.
func mergeRow(item *yaml.Node, r table.Row, t *table.Table, x texts, namer *Namer, sum *MergeSummary) bool {
	code := codeOf(item)
	changed := false
	if t.HasMessage {
		changed = x.set(item, "message", r.Message)
	}
	if t.HasSolution {
		changed = x.set(item, "solution", r.Solution) || changed
	}
	other := false
	if t.HasHTTPStatus && r.HTTPStatus != 0 {
		if v := mapValue(item, "http_status"); v == nil || v.Kind != yaml.ScalarNode || v.Value != strconv.Itoa(r.HTTPStatus) {
			setEntryKey(item, "http_status", intNode(r.HTTPStatus))
			sum.StatusChanged = append(sum.StatusChanged, code)
			other = true
		}
	}
	if name := rowName(r, namer); name != "" {
		goName := namer.Name(code)
		if v := mapValue(item, "name"); v != nil && v.Kind == yaml.ScalarNode && v.Value != "" {
			goName = v.Value
		}
		switch {
		case goName == name:
		case !ValidGoName(goName) && mapValue(item, "name") == nil:
			// The code has no Go name yet, so no identifier to break.
			setEntryKey(item, "name", textNode(name))
			sum.Named = append(sum.Named, Naming{Code: code, GoName: name, TableName: r.Name})
			other = true
		default:
			sum.NamesKept = append(sum.NamesKept, Naming{Code: code, GoName: goName, TableName: name})
		}
	}
	if dep := mapValue(item, "deprecated"); dep != nil && strings.HasPrefix(dep.Value, RemovedPrefix) {
		deleteKey(item, "deprecated")
		sum.Restored = append(sum.Restored, code)
		return true
	}
	if changed {
		sum.Changed = append(sum.Changed, code)
	}
	return changed || other
}

// deprecate marks the codes the table lacks deprecated, dated date, but
// for the success and local codes, which it keeps (restoring one that an
// earlier merge deprecated for leaving the table).
func deprecate(codes *yaml.Node, inTable map[*yaml.Node]bool, date string, sum *MergeSummary) {
	for _, item := range codes.Content {
		code := mapValue(item, "code")
		if code == nil || inTable[item] {
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
}

// renames finds the new codes whose message, in the table's language, is
// that of a code the table no longer lists: possible renames, for a person
// to judge.
func renames(codes *yaml.Node, added []*yaml.Node, inTable map[*yaml.Node]bool, x texts) []CodePair {
	var out []CodePair
	for _, item := range added {
		msg := x.get(item, "message")
		if msg == "" {
			continue
		}
		for _, old := range codes.Content {
			if !inTable[old] && x.get(old, "message") == msg {
				out = append(out, CodePair{codeOf(item), codeOf(old)})
				break
			}
		}
	}
	return out
}

// addFamilies adds to the spec root's families: those proposeFamilies
// proposes for its codes that it lacks, and returns them.
func addFamilies(root, codes *yaml.Node, namer *Namer) []FamilyProposal {
	var fcs []familyCode
	byCode := map[string]familyCode{}
	for _, item := range codes.Content {
		if item.Kind == yaml.MappingNode && mapValue(item, "code") != nil {
			c := familyCodeOf(item, namer)
			fcs = append(fcs, c)
			byCode[c.code] = c
		}
	}
	list := mapValue(root, "families")
	var declared []declaredFamily
	if list != nil && list.Kind == yaml.SequenceNode {
		for _, item := range list.Content {
			prefix := mapValue(item, "prefix")
			if prefix == nil || prefix.Kind != yaml.ScalarNode {
				continue
			}
			d := declaredFamily{prefix: prefix.Value, goName: namer.Name(strings.TrimRight(prefix.Value, familySeparators))}
			if c, ok := byCode[prefix.Value]; ok {
				d.goName = c.goName
			} else if c, ok := byCode[strings.TrimRight(prefix.Value, familySeparators)]; ok {
				d.goName = c.goName
			} else if n := mapValue(item, "name"); n != nil && n.Kind == yaml.ScalarNode && n.Value != "" {
				d.goName = n.Value
			}
			declared = append(declared, d)
		}
	}
	proposed := proposeFamilies(fcs, declared, namer)
	if len(proposed) == 0 {
		return nil
	}
	if list == nil || list.Kind != yaml.SequenceNode {
		if list != nil {
			return nil // not a list: the loader reports it
		}
		list = &yaml.Node{Kind: yaml.SequenceNode}
		insertKey(root, "families", list, "codes")
	}
	for _, p := range proposed {
		list.Content = append(list.Content, familyNode(p))
	}
	return proposed
}

// codeOf returns a code entry's code.
func codeOf(item *yaml.Node) string {
	if v := mapValue(item, "code"); v != nil {
		return v.Value
	}
	return ""
}

// initialisms returns the initialisms: a spec's YAML lists.
func initialisms(root *yaml.Node) []string {
	var out []string
	if list := mapValue(root, "initialisms"); list != nil && list.Kind == yaml.SequenceNode {
		for _, n := range list.Content {
			if n.Kind == yaml.ScalarNode {
				out = append(out, n.Value)
			}
		}
	}
	return out
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

// Messages returns every code in the spec text data, and every alias,
// with its message in lang ("" if it has none; an empty lang is the spec's
// primary language, or its one unnamed language), read from its YAML
// alone, so that it works on a spec that does not validate. It fails, as
// Merge would, on text that is not a spec to merge into; file names data
// in the error.
func Messages(file string, data []byte, lang string) (map[string]string, error) {
	doc, codes, err := mergeTarget(file, data)
	if err != nil {
		return nil, err
	}
	langs, _ := specLanguages(doc.Content[0])
	x := texts{lang: lang}
	if len(langs) > 0 {
		x = texts{lang: cmp.Or(lang, langs[0]), primary: langs[0]}
		if i := slices.IndexFunc(langs, func(l string) bool { return strings.EqualFold(l, lang) }); i >= 0 {
			x.lang = langs[i]
		}
	}
	out := map[string]string{}
	for _, item := range codes.Content {
		code := mapValue(item, "code")
		if code == nil || code.Kind != yaml.ScalarNode {
			continue
		}
		msg := x.get(item, "message")
		out[code.Value] = msg
		for _, a := range aliases(item) {
			if _, ok := out[a]; !ok {
				out[a] = msg
			}
		}
	}
	return out, nil
}
