package generator

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/errspec/errspec/spec"
)

// The table's half of the generated package: what the table decides,
// emitted with jennifer. Each function returns the sections of one
// concern; sections render on their own (see gofile.go), and a block of
// one entry per row is cut into chunks and laid out as gofmt lays it out
// (see layout.go).

// codeSections emits one constant per code, with its doc comment.
func codeSections(m *DocData) []section {
	return []section{block{
		doc:   new(doc).add("The codes of the table, in its order."),
		open:  groupOpen(jen.Const()),
		group: true,
		n:     len(m.Codes),
		item: func(i int) []jen.Code {
			c := m.Codes[i]
			return append(new(doc).codeDoc(c).comments(), spaced(jen.Id(c.Const), jen.Id("Code"), jen.Op("="), jen.Lit(c.Code)))
		},
	}}
}

// codeDoc documents a code's constant: its message, the vendor's solution,
// its classification, and a Deprecated paragraph if it is deprecated.
func (d *doc) codeDoc(c DocCode) *doc {
	if c.Message != "" {
		d.add("%s is %q: %s", c.Const, c.Code, c.Message)
	} else {
		d.add("%s is %q.", c.Const, c.Code)
	}
	if c.Solution != "" {
		d.add("Solution: %s", c.Solution)
	}
	d.add("%s", classification(c.Entry))
	if len(c.Aliases) > 0 {
		d.add("Also spelled %s: [Lookup] and the sentinels treat those as this code.", quotedList(c.Aliases))
	}
	return d.deprecated(c.Entry)
}

// quotedList quotes each string and joins them with commas.
func quotedList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

func (d *doc) deprecated(c *spec.Entry) *doc {
	if c.Deprecated != "" {
		d.add("Deprecated: %s", c.Deprecated)
	}
	return d
}

// classification describes how the table classifies a code, in a line.
func classification(c *spec.Entry) string {
	if c.Success {
		return "A success code: [FromResponse] returns nil for it."
	}
	s := "Not retryable"
	if c.Retryable {
		s = "Retryable"
	}
	s += "; the " + string(c.Fault) + " is at fault"
	if c.Category != "" {
		s += "; category " + c.Category
	}
	if c.HTTPStatus != 0 {
		s += fmt.Sprintf("; HTTP status %d", c.HTTPStatus)
	}
	if c.Family != nil {
		s += "; of the family " + strconv.Quote(c.Family.Prefix)
	}
	return s + "."
}

// sentinelSections emits one sentinel error per error code, and one per
// code family whose parent code the table does not list. A code's
// sentinel's doc points at its constant's, which says what the code means.
func sentinelSections(m *DocData) []section {
	var errs []int
	for i, c := range m.Codes {
		if c.Sentinel != "" {
			errs = append(errs, i)
		}
	}
	var families []DocFamily
	for _, f := range m.Families {
		if f.Parent == nil {
			families = append(families, f)
		}
	}
	if len(errs)+len(families) == 0 {
		return nil
	}
	d := new(doc)
	if e, ok := m.example(); ok && len(families) == 0 {
		d.add("Sentinel errors, one per error code, for [errors.Is]: errors.Is(err, %s) reports whether err carries the code %s, however it is wrapped.", e.Sentinel, e.Code)
	} else {
		example := families[0].Sentinel
		if e, ok := m.example(); ok {
			example = e.Sentinel
		}
		d.add("Sentinel errors, one per error code and one per code family, for [errors.Is]: errors.Is(err, %s) reports whether err carries a code the sentinel matches, however it is wrapped.", example)
	}
	d.paras[0] += " A sentinel holds only its code, and cannot be changed; [FromError] turns one into an *Error."
	return []section{block{
		doc:   d,
		open:  groupOpen(jen.Var()),
		group: true,
		n:     len(errs) + len(families),
		item: func(i int) []jen.Code {
			if i >= len(errs) {
				f := families[i-len(errs)]
				d := new(doc).add("%s matches errors with any code of the family %s: codes that start with %q, listed in the table or not.", f.Sentinel, f.GoName, f.Prefix)
				if f.Doc != "" {
					d.add("%s", f.Doc)
				}
				return append(d.comments(), sentinelSpec(f.Sentinel, jen.Lit(f.Prefix)))
			}
			c := m.Codes[errs[i]]
			d := new(doc).add("%s matches errors with the code [%s].", c.Sentinel, c.Const)
			for _, f := range m.Families {
				if f.Parent != nil && f.Parent.Code == c.Code {
					d.add("It also matches any code of the family %s: codes that start with %q, listed in the table or not.", f.GoName, f.Prefix)
				}
			}
			return append(d.deprecated(c.Entry).comments(), sentinelSpec(c.Sentinel, jen.Id(c.Const)))
		},
	}}
}

// sentinelSpec declares a sentinel that holds key: ErrX error = sentinel(CodeX).
func sentinelSpec(name string, key jen.Code) jen.Code {
	return spaced(jen.Id(name), jen.Error(), jen.Op("="), joined(jen.Id("sentinel"), jen.Call(key)))
}

// categorySections emits the Category constants.
func categorySections(m *DocData) []section {
	if len(m.Categories) == 0 {
		return nil
	}
	var defs []jen.Code
	for _, c := range m.Categories {
		d := new(doc)
		if c.Doc != "" {
			d.add("%s: %s", c.Const, c.Doc)
		} else {
			d.add("%s is the category %s.", c.Const, c.Name)
		}
		defs = append(defs, d.comments()...)
		defs = append(defs, jen.Id(c.Const).Id("Category").Op("=").Lit(c.Name))
	}
	return []section{decl{new(doc).add("The categories of the table."), jen.Const().Defs(defs...)}}
}

// dataSections emits the data the fixed half reads: the package's name,
// the families, aliases and languages, the perfect hash and the rows.
func dataSections(m *DocData) ([]section, error) {
	keys := make([]string, 0, len(m.Codes))
	for _, c := range m.Codes {
		keys = append(keys, c.Code)
	}
	type alias struct {
		code string
		row  int
	}
	var aliases []alias
	for i, c := range m.Codes {
		for _, a := range c.Aliases {
			keys = append(keys, a)
			aliases = append(aliases, alias{a, i})
		}
	}
	p, ok := newPerfectHash(keys)
	if !ok {
		return nil, fmt.Errorf("found no perfect hash for the table's %d codes; please report this as a bug of errspec", len(keys))
	}
	var langs []jen.Code
	for _, l := range m.Languages {
		langs = append(langs, jen.Lit(l))
	}
	sections := []section{
		decl{new(doc).add("packageName starts the text of every error."),
			jen.Const().Id("packageName").Op("=").Lit(m.Package)},
		decl{new(doc).add("codeFamilies lists the code families, longer prefixes first."),
			jen.Var().Id("codeFamilies").Op("=").Index(jen.Op("...")).Id("codeFamily").Values(familyRows(m)...)},
		literal(new(doc).add("codeAliases lists other spellings of codes, by their position among the perfect hash's keys after the codes."),
			"codeAliases", jen.Id("codeAlias"), len(aliases), func(i int) jen.Code {
				return braced(jen.Lit(aliases[i].code), jen.Lit(aliases[i].row))
			}),
		decl{new(doc).add("codeLangs lists the table's languages."),
			jen.Var().Id("codeLangs").Op("=").Index(jen.Op("...")).String().Values(langs...)},
		literal(new(doc).add("codeTexts holds each row's message and solution in each of codeLangs, a row after another."),
			"codeTexts", joined(jen.Index(jen.Lit(2)), jen.String()), len(m.Codes)*len(m.Languages), func(i int) jen.Code {
				t := m.Codes[i/len(m.Languages)].Texts[m.Languages[i%len(m.Languages)]]
				return braced(jen.Lit(t.Message), jen.Lit(t.Solution))
			}),
		decl{new(doc).add("codeHashSeed is the seed of codeHash with which the generator found the perfect hash."),
			jen.Const().Id("codeHashSeed").Op("=").Id(fmt.Sprintf("0x%016x", p.seed))},
		numbers("codeBuckets", bucketType(p), new(doc).add("codeBuckets holds the displacement of each bucket of keys."), len(p.buckets), func(i int) string { return fmt.Sprint(p.buckets[i]) }),
		numbers("codeSlots", "uint64", new(doc).add("codeSlots holds, for each slot, the tag and the position of the key in it, and 0 for slots no key lands in."), len(p.slots), func(i int) string {
			if p.slots[i] == 0 {
				return "0"
			}
			return fmt.Sprintf("0x%016x", p.slots[i])
		}),
	}
	return append(sections, rowSections(m)...), nil
}

// bucketType is the type of codeBuckets: uint16 when every displacement,
// which is below the number of slots, fits one, to halve the array.
func bucketType(p perfectHash) string {
	if len(p.slots) <= 1<<16 {
		return "uint16"
	}
	return "uint32"
}

// familyRows are the families' entries of codeFamilies, longer prefixes
// first (and in spec order among prefixes of a length).
func familyRows(m *DocData) []jen.Code {
	fs := slices.Clone(m.Families)
	slices.SortStableFunc(fs, func(a, b DocFamily) int { return len(b.Prefix) - len(a.Prefix) })
	var rows []jen.Code
	for _, f := range fs {
		key := f.Prefix
		if f.Parent != nil {
			key = f.Parent.Code
		}
		fields := []jen.Code{jen.Id("prefix").Op(":").Lit(f.Prefix), jen.Id("key").Op(":").Lit(key)}
		if f.Retryable {
			fields = append(fields, jen.Id("retryable").Op(":").True())
		}
		switch f.Fault {
		case spec.FaultClient:
			fields = append(fields, jen.Id("fault").Op(":").Id("FaultClient"))
		case spec.FaultServer:
			fields = append(fields, jen.Id("fault").Op(":").Id("FaultServer"))
		}
		if f.Category != "" {
			fields = append(fields, jen.Id("category").Op(":").Id(m.categoryConst(f.Category)))
		}
		rows = append(rows, jen.Line().Values(fields...))
	}
	if len(rows) > 0 {
		rows = append(rows, jen.Line())
	}
	return rows
}

// numbers emits a var holding an array of numbers, 8 to a line.
func numbers(name, typ string, d *doc, n int, lit func(i int) string) section {
	const perLine = 8
	return literal(d, name, jen.Id(typ), (n+perLine-1)/perLine, func(line int) jen.Code {
		var out []jen.Code
		for i := line * perLine; i < min(n, (line+1)*perLine); i++ {
			out = append(out, jen.Id(lit(i)))
		}
		return listed(out...)
	})
}

// literal emits a var holding an array of n elements, one a line: var
// name = [...]typ{...}. With no elements it is one short declaration.
func literal(d *doc, name string, typ jen.Code, n int, elem func(i int) jen.Code) section {
	if n == 0 {
		return decl{d, jen.Var().Id(name).Op("=").Index(jen.Op("...")).Add(typ).Values()}
	}
	return block{
		doc:  d,
		open: literalOpen(name, typ),
		n:    n,
		item: func(i int) []jen.Code { return []jen.Code{elem(i)} },
	}
}

// rowSections emits codeTable, the rows, in the table's order, and the
// zero Info after them.
func rowSections(m *DocData) []section {
	d := new(doc).add("codeTable holds the rows, in the table's order, then the zero Info, which Lookup copies for a code the table does not list.")
	return []section{literal(d, "codeTable", jen.Id("Info"), len(m.Codes)+1, func(i int) jen.Code {
		if i == len(m.Codes) {
			return braced()
		}
		return braced(row(m, m.Codes[i])...)
	})}
}

// row is a code's Info literal; fields at their zero value are left out.
func row(m *DocData, c DocCode) []jen.Code {
	field := keyed
	fields := []jen.Code{field("Code", jen.Id(c.Const)), field("Name", jen.Lit(c.Name))}
	if c.Message != "" {
		fields = append(fields, field("Message", jen.Lit(c.Message)))
	}
	if c.Solution != "" {
		fields = append(fields, field("Solution", jen.Lit(c.Solution)))
	}
	if c.Success {
		fields = append(fields, field("Success", jen.True()))
	}
	if c.Retryable {
		fields = append(fields, field("Retryable", jen.True()))
	}
	switch c.Fault {
	case spec.FaultClient:
		fields = append(fields, field("Fault", jen.Id("FaultClient")))
	case spec.FaultServer:
		fields = append(fields, field("Fault", jen.Id("FaultServer")))
	}
	if c.Category != "" {
		fields = append(fields, field("Category", jen.Id(m.categoryConst(c.Category))))
	}
	if c.Deprecated != "" {
		fields = append(fields, field("Deprecated", jen.Lit(c.Deprecated)))
	}
	if c.HTTPStatus != 0 {
		fields = append(fields, field("HTTPStatus", jen.Lit(c.HTTPStatus)))
	}
	return fields
}
