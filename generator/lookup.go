package generator

import (
	"github.com/dave/jennifer/jen"
)

// lookup emits Lookup, All and the table they read.
func lookup(f *jen.File, m *model) {
	decl(f, new(doc).add("Lookup returns the table's row for a wire code, matched exactly, and false for a code the table does not list. It does not allocate."),
		jen.Func().Id("Lookup").Params(jen.Id("code").String()).Params(jen.Id("Info"), jen.Bool()).Block(
			jen.Id("i").Op(":=").Id("codeIndex").Call(jen.Id("code")),
			jen.If(jen.Id("i").Op("<").Lit(0)).Block(jen.Return(jen.Id("Info").Values(), jen.False())),
			jen.Return(jen.Id("codeTable").Index(jen.Id("i")), jen.True())))

	decl(f, new(doc).add("All returns every row of the table, in the table's order."),
		jen.Func().Id("All").Params().Qual("iter", "Seq").Index(jen.Id("Info")).Block(
			jen.Return(jen.Func().Params(jen.Id("yield").Func().Params(jen.Id("Info")).Bool()).Block(
				jen.For(jen.Id("i").Op(":=").Range().Id("codeTable")).Block(
					jen.If(jen.Op("!").Id("yield").Call(jen.Id("codeTable").Index(jen.Id("i")))).Block(jen.Return())),
			))))

	decl(f, new(doc).add("codeIndex returns the position of code in codeTable, or -1."),
		jen.Func().Id("codeIndex").Params(jen.Id("code").String()).Int().Block(
			jen.Switch(jen.Id("code")).BlockFunc(func(g *jen.Group) {
				for i, e := range m.codes {
					g.Case(jen.Lit(e.wire)).Block(jen.Return(jen.Lit(i)))
				}
			}),
			jen.Return(jen.Lit(-1))))

	decl(f, new(doc).add("codeTable holds the rows, in the table's order."),
		jen.Var().Id("codeTable").Op("=").Index(jen.Op("...")).Id("Info").ValuesFunc(func(g *jen.Group) {
			for _, e := range m.codes {
				g.Line().Values(row(e)...)
			}
			g.Line()
		}))
}

// row is an entry's Info literal; fields at their zero value are left out.
func row(e entry) []jen.Code {
	field := func(name string, v jen.Code) jen.Code { return jen.Id(name).Op(":").Add(v) }
	fields := []jen.Code{field("Code", jen.Id(e.ident)), field("Name", jen.Lit(e.name))}
	if e.message != "" {
		fields = append(fields, field("Message", jen.Lit(e.message)))
	}
	if e.solution != "" {
		fields = append(fields, field("Solution", jen.Lit(e.solution)))
	}
	if e.success {
		fields = append(fields, field("Success", jen.True()))
	}
	if e.retryable {
		fields = append(fields, field("Retryable", jen.True()))
	}
	switch e.fault {
	case "client":
		fields = append(fields, field("Fault", jen.Id("FaultClient")))
	case "server":
		fields = append(fields, field("Fault", jen.Id("FaultServer")))
	}
	if e.catIdent != "" {
		fields = append(fields, field("Category", jen.Id(e.catIdent)))
	}
	if e.deprecated != "" {
		fields = append(fields, field("Deprecated", jen.Lit(e.deprecated)))
	}
	return fields
}
