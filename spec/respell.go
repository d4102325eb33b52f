package spec

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// respelling reduces a wire code to what its spellings share: the code
// without the separators . _ and -, in lower case. Vendors respell codes
// between editions of a page, or on one page (Tencent's
// UnauthorizedOperation.SdkAppIdIsDisabled and ...SdkAppidIsDisabled,
// Stripe's testmode_charges_only and test_mode_charges_only, S3's InvalidURI
// and InvalidUri); two codes with one respelling are one code.
func respelling(code string) string {
	return strings.ToLower(strings.Map(func(r rune) rune {
		if r == '.' || r == '_' || r == '-' {
			return -1
		}
		return r
	}, code))
}

// codeIndex finds a spec's code entries by wire code or alias, and by
// respelling.
type codeIndex struct {
	exact   map[string]*yaml.Node   // a code or alias → its entry
	spelled map[string][]*yaml.Node // a respelling → the entries with one, each once
}

// newCodeIndex indexes the entries of a codes: list. An entry whose code
// is not text is not one a table can match.
func newCodeIndex(codes *yaml.Node) *codeIndex {
	ix := &codeIndex{exact: map[string]*yaml.Node{}, spelled: map[string][]*yaml.Node{}}
	for _, item := range codes.Content {
		code := mapValue(item, "code")
		if item.Kind != yaml.MappingNode || code == nil || code.Kind != yaml.ScalarNode {
			continue
		}
		ix.add(code.Value, item)
		for _, a := range aliases(item) {
			ix.add(a, item)
		}
	}
	return ix
}

// add indexes item under a code or alias, unless an earlier entry has it.
func (ix *codeIndex) add(code string, item *yaml.Node) {
	if _, ok := ix.exact[code]; ok {
		return
	}
	ix.exact[code] = item
	key := respelling(code)
	for _, it := range ix.spelled[key] {
		if it == item {
			return
		}
	}
	ix.spelled[key] = append(ix.spelled[key], item)
}

// respelled returns the one entry whose code or alias code respells, or
// nil when none does or several do (which is not for a merge to choose).
func (ix *codeIndex) respelled(code string) *yaml.Node {
	if items := ix.spelled[respelling(code)]; len(items) == 1 {
		return items[0]
	}
	return nil
}

// aliases returns the aliases: of a code entry.
func aliases(item *yaml.Node) []string {
	list := mapValue(item, "aliases")
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil
	}
	var out []string
	for _, a := range list.Content {
		if a.Kind == yaml.ScalarNode {
			out = append(out, a.Value)
		}
	}
	return out
}

// addAlias adds alias to a code entry's aliases:, making the list (in
// flow style, [a, b]) if it has none.
func addAlias(item *yaml.Node, alias string) {
	if list := mapValue(item, "aliases"); list != nil && list.Kind == yaml.SequenceNode {
		list.Content = append(list.Content, textNode(alias))
		return
	}
	setEntryKey(item, "aliases", &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Content: []*yaml.Node{textNode(alias)}})
}
