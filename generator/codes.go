package generator

import (
	"github.com/dave/jennifer/jen"
)

// codes emits the Code type, its methods and one constant per entry.
func codes(f *jen.File, m *model) {
	example := m.codes[0]
	if e, ok := m.example(); ok {
		example = e
	}
	decl(f, new(doc).add("Code is an error code of %s as it appears on the wire, such as %q. Codes the table does not list are Codes too; [Code.Info] reports whether the table knows one.", m.service, example.wire),
		jen.Type().Id("Code").String())
	decl(f, new(doc).add("String returns the wire code."),
		jen.Func().Params(jen.Id("c").Id("Code")).Id("String").Params().String().Block(
			jen.Return(jen.String().Call(jen.Id("c")))))
	decl(f, new(doc).add("Info returns the table's row for c, and false if the table does not list c."),
		jen.Func().Params(jen.Id("c").Id("Code")).Id("Info").Params().Params(jen.Id("Info"), jen.Bool()).Block(
			jen.Return(jen.Id("Lookup").Call(jen.String().Call(jen.Id("c"))))))

	var defs []jen.Code
	for i, e := range m.codes {
		if i > 0 {
			defs = append(defs, jen.Line())
		}
		defs = append(defs, new(doc).codeDoc(e).comments()...)
		defs = append(defs, jen.Id(e.ident).Id("Code").Op("=").Lit(e.wire))
	}
	decl(f, new(doc).add("The codes of the table, in its order."), jen.Const().Defs(defs...))
}

// codeDoc documents a code's constant: its message, the vendor's solution,
// its classification, and a Deprecated paragraph if it is deprecated.
func (d *doc) codeDoc(e entry) *doc {
	if e.message != "" {
		d.add("%s is %q: %s", e.ident, e.wire, e.message)
	} else {
		d.add("%s is %q.", e.ident, e.wire)
	}
	if e.solution != "" {
		d.add("Solution: %s", e.solution)
	}
	d.add("%s", classification(e))
	return d.deprecated(e)
}

func (d *doc) deprecated(e entry) *doc {
	if e.deprecated != "" {
		d.add("Deprecated: %s", e.deprecated)
	}
	return d
}

// classification describes how the table classifies an entry, in a line.
func classification(e entry) string {
	if e.success {
		return "A success code: [FromResponse] returns nil for it."
	}
	s := "Not retryable"
	if e.retryable {
		s = "Retryable"
	}
	s += "; the " + string(e.fault) + " is at fault"
	if e.category != "" {
		s += "; category " + e.category
	}
	return s + "."
}

// sentinels emits one sentinel error per error entry.
func sentinels(f *jen.File, m *model) {
	var defs []jen.Code
	for _, e := range m.codes {
		if e.sentinel == "" {
			continue
		}
		d := new(doc).add("%s matches errors with code %q in [errors.Is]; see [%s].", e.sentinel, e.wire, e.ident)
		if len(defs) > 0 {
			defs = append(defs, jen.Line())
		}
		defs = append(defs, d.deprecated(e).comments()...)
		defs = append(defs, jen.Id(e.sentinel).Error().Op("=").Id("sentinel").Call(jen.Id(e.ident)))
	}
	if len(defs) > 0 {
		e, _ := m.example()
		decl(f, new(doc).add("Sentinel errors, one per error code, for [errors.Is]: errors.Is(err, %s) reports whether err carries the code %s, however it is wrapped. A sentinel holds only its code, and cannot be changed; [FromError] turns one into an *Error.", e.sentinel, e.wire),
			jen.Var().Defs(defs...))
	}

	decl(f, new(doc).add("sentinel is the type of the sentinel errors: a code, as an error."),
		jen.Type().Id("sentinel").Id("Code"))
	decl(f, new(doc).add("Error returns the text of an *Error with the sentinel's code."),
		jen.Func().Params(jen.Id("s").Id("sentinel")).Id("Error").Params().String().Block(
			jen.Return(jen.Parens(jen.Op("&").Id("Error").Values(jen.Id("Code").Op(":").Id("Code").Call(jen.Id("s")))).Dot("Error").Call())))
}
