package generator

import (
	"slices"

	"github.com/dave/jennifer/jen"
)

// classes emits the Fault and Category types and their constants.
func classes(f *jen.File, m *model) {
	decl(f, new(doc).add("Fault says which side of a call is to blame for an error. It is empty for success codes and for codes the table does not list."),
		jen.Type().Id("Fault").String())
	decl(f, new(doc).add("The faults."), jen.Const().Defs(
		jen.Comment("// FaultClient: the request is at fault; change it before sending it again."),
		jen.Id("FaultClient").Id("Fault").Op("=").Lit("client"),
		jen.Comment("// FaultServer: the service failed; the request may be fine."),
		jen.Id("FaultServer").Id("Fault").Op("=").Lit("server"),
	))

	decl(f, new(doc).add("Category groups error codes by what went wrong. It is empty for codes the table does not categorize."),
		jen.Type().Id("Category").String())
	if len(m.categories) == 0 {
		return
	}
	var defs []jen.Code
	for _, c := range m.categories {
		d := new(doc)
		if c.doc != "" {
			d.add("%s: %s", c.ident, c.doc)
		} else {
			d.add("%s is the category %s.", c.ident, c.name)
		}
		defs = append(defs, d.comments()...)
		defs = append(defs, jen.Id(c.ident).Id("Category").Op("=").Lit(c.name))
	}
	decl(f, new(doc).add("The categories of the table."), jen.Const().Defs(defs...))
}

// infos emits the Info type, the table's row.
func infos(f *jen.File, m *model) {
	fields := slices.Concat(
		field("Code", jen.Id("Code"), "Code is the wire code."),
		field("Name", jen.String(), "Name is the Go name: Code<Name> is the code's constant, Err<Name> its sentinel."),
		field("Message", jen.String(), "Message is the vendor's message for the code."),
		field("Solution", jen.String(), "Solution is the vendor's cause and solution."),
		field("Success", jen.Bool(), "Success marks codes that are not errors."),
		field("Retryable", jen.Bool(), "Retryable marks errors that may go away when the same call is made again, after a back-off."),
		field("Fault", jen.Id("Fault"), "Fault says which side is to blame; empty for success codes."),
		field("Category", jen.Id("Category"), "Category groups the code with others; may be empty."),
		field("Deprecated", jen.String(), "Deprecated, when not empty, says why the code should no longer be relied on."),
	)
	decl(f, new(doc).add("Info is one row of the %s error table.", m.service), jen.Type().Id("Info").Struct(fields...))
}
