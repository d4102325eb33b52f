package generator

import (
	"strings"

	"github.com/dave/jennifer/jen"
)

// newGoFile emits the generated Go file: one section per concern, in the
// order a reader of the package wants them.
func newGoFile(m *model) *jen.File {
	f := jen.NewFile(m.pkg)
	f.HeaderComment(strings.TrimPrefix(GoHeader, "// "))
	f.ImportName("log/slog", "slog")
	packageDoc(f, m)
	for _, emit := range []func(*jen.File, *model){
		codes, sentinels, classes, infos, errorType, responses, lookup,
	} {
		emit(f, m)
	}
	return f
}

// decl adds a declaration with its doc comment, and a blank line after.
func decl(f *jen.File, d *doc, code jen.Code) {
	for _, c := range d.comments() {
		f.Add(c)
	}
	f.Add(code)
	f.Line()
}

// field is a struct field with its doc comment.
func field(name string, typ jen.Code, comment string) []jen.Code {
	return append(new(doc).add("%s", comment).comments(), jen.Id(name).Add(typ))
}

// packageDoc writes the package comment: what the package is, where the
// table came from, and how to use it.
func packageDoc(f *jen.File, m *model) {
	d := new(doc).
		add("Package %s holds the error codes of %s as Go values: a [Code] constant per code, a sentinel error per error code for [errors.Is], and the [Error] type that carries the code a call returned, with the table's message, solution and classification ([Info]).", m.pkg, m.service)
	if p := provenance(m); p != "" {
		d.add("%s", p)
	}
	d.add("Turn the code in a reply body into an error with [FromResponse], and an SDK error into one with [FromError]; then branch with [errors.Is] and [IsRetryable]:")
	if e, ok := m.example(); ok {
		d.code = []string{
			"if err := " + m.pkg + ".FromResponse(resp.Code, resp.Message, resp.RequestID); err != nil {",
			"\tswitch {",
			"\tcase errors.Is(err, " + m.pkg + "." + e.sentinel + "):",
			"\t\t// handle " + commentText(e.wire),
			"\tcase " + m.pkg + ".IsRetryable(err):",
			"\t\t// back off and send again",
			"\tdefault:",
			"\t\treturn err",
			"\t}",
			"}",
		}
	}
	for _, l := range d.lines() {
		f.PackageComment(l)
	}
}

// provenance says where the table came from, or nothing if the spec does
// not say.
func provenance(m *model) string {
	src := m.source
	if src.Title == "" && src.URL == "" && src.Updated == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString("The table is ")
	switch {
	case src.Title != "" && src.URL != "":
		b.WriteString(`"` + src.Title + `" (` + src.URL + `)`)
	case src.Title != "":
		b.WriteString(`"` + src.Title + `"`)
	case src.URL != "":
		b.WriteString(src.URL)
	default:
		b.WriteString("the vendor's")
	}
	if src.Updated != "" {
		b.WriteString(", last updated " + src.Updated)
	}
	b.WriteString(".")
	return b.String()
}
