package spec

import (
	"fmt"
	"iter"
	"strings"

	"gopkg.in/yaml.v3"
)

// MinFamily is the number of codes that must share a prefix for errspec
// import -families to propose it as a family.
const MinFamily = 3

// FamilyProposal is a family errspec import -families proposes.
type FamilyProposal struct {
	// Prefix is the dotted prefix the members share, such as
	// "LimitExceeded.".
	Prefix string
	// Members is the number of codes that start with Prefix.
	Members int
	// Parent is the code the table lists for the family itself
	// (LimitExceeded), whose sentinel is the family's, or "".
	Parent string
}

// String describes the proposal: "LimitExceeded. (24 codes)", or, with a
// parent code, "InvalidParameterValue. (114 codes, parent
// InvalidParameterValue)".
func (p FamilyProposal) String() string {
	what := count(p.Members, "code")
	if p.Parent != "" {
		what += ", parent " + p.Parent
	}
	return fmt.Sprintf("%s (%s)", p.Prefix, what)
}

// familyCode is what proposeFamilies needs of a code.
type familyCode struct {
	code, goName string
	success      bool
}

// declaredFamily is a family a spec declares already.
type declaredFamily struct {
	prefix, goName string
}

// proposeFamilies proposes families for codes, in the order of their first
// members: each dotted prefix (LimitExceeded., InvalidParameterValue.Range.)
// that at least MinFamily error codes start with and are longer than. Among
// nested prefixes with the same members the longest is proposed, the most
// telling; a nested prefix with members of its own is proposed beside the
// shorter one (the longest matching prefix wins). It does not propose:
//
//   - a lower-case namespace (isv.), which the naming rule drops from the
//     codes' names;
//   - a prefix one of declared has, or one with the same members as a
//     declared family;
//   - a prefix whose family would need a name: to load: one whose derived
//     Go name is not an identifier, or is a code's (other than its parent's)
//     or another family's, or whose parent code is a success code.
//
// A family whose parent code is listed takes the parent's sentinel and
// needs no name.
func proposeFamilies(codes []familyCode, declared []declaredFamily, namer *Namer) []FamilyProposal {
	members := map[string]int{}
	var order []string
	byCode := map[string]familyCode{}
	names := map[string]bool{}
	for _, c := range codes {
		byCode[c.code], names[c.goName] = c, true
		if c.success {
			continue
		}
		for p := range prefixes(c.code) {
			if members[p] == 0 {
				order = append(order, p)
			}
			members[p]++
		}
	}
	count := func(prefix string) int {
		n := 0
		for _, c := range codes {
			if !c.success && len(c.code) > len(prefix) && strings.HasPrefix(c.code, prefix) {
				n++
			}
		}
		return n
	}
	// same reports whether two prefixes have the same members: one starts
	// with the other, and they have as many.
	same := func(p, q string, np, nq int) bool {
		return np == nq && (strings.HasPrefix(p, q) || strings.HasPrefix(q, p))
	}
	taken := map[string]bool{}
	for _, d := range declared {
		taken[d.goName] = true
	}
	var out []FamilyProposal
	for _, p := range order {
		n := members[p]
		if n < MinFamily || isNamespace(strings.TrimSuffix(p, ".")) {
			continue
		}
		longer := false
		for _, q := range order {
			if len(q) > len(p) && members[q] >= MinFamily && same(p, q, n, members[q]) {
				longer = true
				break
			}
		}
		known := false
		for _, d := range declared {
			if d.prefix == p || same(p, d.prefix, n, count(d.prefix)) {
				known = true
				break
			}
		}
		if longer || known {
			continue
		}
		trimmed := strings.TrimRight(p, familySeparators)
		parent, ok := byCode[p]
		if !ok {
			parent, ok = byCode[trimmed]
		}
		name := parent.goName
		switch {
		case ok && parent.success:
			continue
		case !ok:
			name = namer.Name(trimmed)
			if !ValidGoName(name) || names[name] || taken[name] {
				continue
			}
		}
		taken[name] = true
		prop := FamilyProposal{Prefix: p, Members: n}
		if ok {
			prop.Parent = parent.code
		}
		out = append(out, prop)
	}
	return out
}

// prefixes yields the dotted prefixes of a code that it is longer than:
// A. and A.B. for A.B.C.
func prefixes(code string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := 1; i < len(code)-1; i++ {
			if code[i] == '.' && !yield(code[:i+1]) {
				return
			}
		}
	}
}

// familyNode is the families: item of a proposal: its prefix, for a person
// to give a doc and the members' defaults.
func familyNode(p FamilyProposal) *yaml.Node {
	item := &yaml.Node{Kind: yaml.MappingNode}
	setText(item, "prefix", p.Prefix)
	return item
}
