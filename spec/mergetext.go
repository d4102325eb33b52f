package spec

import (
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// texts writes a table's text into code entries, in the table's language.
// A spec that declares languages holds a code's message and solution as
// text in the primary language or as a mapping from language to text; one
// that declares none holds plain text, in a language it does not name.
type texts struct {
	// lang is the table's language as the spec spells it, or "" when the
	// spec declares none (and the table's text is plain text, as the
	// spec's).
	lang string
	// primary is the spec's primary language, "" when it declares none.
	primary string
	// order is the spec's languages, for the order of a mapping's keys.
	order []string
	// mapped makes the text of a new code, or of a code without that
	// field, a mapping of lang to text: the table's language was named
	// (import -lang), so the spec says which language the text is in.
	mapped bool
}

// set sets the text of key (message or solution) of a code entry to
// value in the table's language, and reports whether that changed the
// entry. Text in other languages is left as it is. An empty value for a
// language the entry has no text in adds nothing, and removes the text it
// has (the vendor's table has none).
func (x texts) set(item *yaml.Node, key, value string) bool {
	v := mapValue(item, key)
	switch {
	case x.lang == "":
		return setEntryText(item, key, value)
	case v == nil || isNull(v):
		if value == "" {
			return false
		}
		if x.mapped || x.lang != x.primary {
			setEntryKey(item, key, mapping(x.lang, value))
			return true
		}
		return setEntryText(item, key, value)
	case v.Kind == yaml.MappingNode:
		changed := setLangText(v, x.lang, value, x.order)
		if len(v.Content) == 0 {
			deleteKey(item, key)
		}
		return changed
	case v.Kind != yaml.ScalarNode || x.lang == x.primary:
		return setEntryText(item, key, value)
	case value == "":
		return false
	case v.Value == "":
		*v = *mapping(x.lang, value)
		return true
	}
	// Plain text is the primary language's: keep it, beside the new.
	old := *v
	*v = yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{plainKey(x.primary), &old}}
	setLangText(v, x.lang, value, x.order)
	return true
}

// get returns the text of key in the table's language ("" if none).
func (x texts) get(item *yaml.Node, key string) string {
	v := mapValue(item, key)
	switch {
	case v == nil || isNull(v):
		return ""
	case v.Kind == yaml.MappingNode:
		if t := mapValue(v, x.lang); t != nil && t.Kind == yaml.ScalarNode && !isNull(t) && x.lang != "" {
			return t.Value
		}
		return ""
	case v.Kind == yaml.ScalarNode && (x.lang == x.primary):
		return v.Value
	}
	return ""
}

// mapping is a new block mapping of one language to its text.
func mapping(lang, text string) *yaml.Node {
	return &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{plainKey(lang), textNode(text)}}
}

// setLangText sets lang's text in a mapping of languages, in the order of
// the spec's languages, or removes it for an empty text, and reports
// whether that changed it.
func setLangText(m *yaml.Node, lang, text string, order []string) bool {
	if v := mapValue(m, lang); v != nil {
		switch {
		case text == "":
			deleteKey(m, lang)
			return true
		case v.Kind == yaml.ScalarNode && v.Value == text && !isNull(v):
			return false
		}
		*v = yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: text, HeadComment: v.HeadComment, LineComment: v.LineComment, FootComment: v.FootComment}
		return true
	}
	if text == "" {
		return false
	}
	rank := slices.Index(order, lang)
	at := len(m.Content)
	for i := 0; i+1 < len(m.Content); i += 2 {
		if r := slices.Index(order, m.Content[i].Value); rank >= 0 && r > rank {
			at = i
			break
		}
	}
	m.Content = slices.Insert(m.Content, at, plainKey(lang), textNode(text))
	return true
}

// specLanguages returns the languages a spec's YAML declares, in order,
// and the node of its languages: list (nil when it has none).
func specLanguages(root *yaml.Node) ([]string, *yaml.Node) {
	list := mapValue(root, "languages")
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil, nil
	}
	var langs []string
	for _, n := range list.Content {
		if n.Kind == yaml.ScalarNode && n.Value != "" {
			langs = append(langs, n.Value)
		}
	}
	return langs, list
}

// mergeTexts works out how a merge writes a table's text in lang ("" for
// the spec's primary language) into the spec root: it adds lang to the
// spec's languages when the spec lacks it, and reports whether it did. A
// spec that declares no languages but has text takes no text in a named
// language: which language its own text is in is not known, so it is an
// error that says to declare it. file names the spec in the error.
func mergeTexts(file string, root, codes *yaml.Node, lang string) (x texts, added bool, err error) {
	langs, list := specLanguages(root)
	if lang == "" {
		if len(langs) == 0 {
			return texts{}, false, nil
		}
		return texts{lang: langs[0], primary: langs[0], order: langs}, false, nil
	}
	if i := slices.IndexFunc(langs, func(l string) bool { return strings.EqualFold(l, lang) }); i >= 0 {
		return texts{lang: langs[i], primary: langs[0], order: langs, mapped: true}, false, nil
	}
	if len(langs) == 0 {
		if at := plainText(codes); at != nil {
			return x, false, &Error{File: file, Pos: pos(at), Msg: fmt.Sprintf(
				"the spec's text (this, and the rest) is in a language it does not name, as it declares no languages:, so the table's %s text cannot be kept apart from it; declare the spec's language first, such as languages: [en] before codes: (the first listed is the primary), then merge again", lang)}
		}
	}
	langs = append(langs, lang)
	item := plainKey(lang)
	if list == nil {
		list = &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		insertKey(root, "languages", list, "initialisms", "categories", "families", "codes")
	}
	list.Content = append(list.Content, item)
	return texts{lang: lang, primary: langs[0], order: langs, mapped: true}, true, nil
}

// plainText returns the first message: or solution: of the codes that is
// non-empty plain text, or nil.
func plainText(codes *yaml.Node) *yaml.Node {
	for _, item := range codes.Content {
		for _, key := range []string{"message", "solution"} {
			if v := mapValue(item, key); v != nil && v.Kind == yaml.ScalarNode && v.Value != "" && !isNull(v) {
				return v
			}
		}
	}
	return nil
}
