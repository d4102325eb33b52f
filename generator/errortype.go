package generator

import (
	"slices"

	"github.com/dave/jennifer/jen"
)

// errorType emits the Error type and its methods.
func errorType(f *jen.File, m *model) {
	e := func() *jen.Statement { return jen.Id("e") }
	recv := jen.Params(jen.Id("e").Op("*").Id("Error"))
	method := func(d *doc, name string, params, results jen.Code, body ...jen.Code) {
		decl(f, d, jen.Func().Add(recv).Id(name).Add(params).Add(results).Block(body...))
	}
	info := jen.List(jen.Id("info"), jen.Id("_")).Op(":=").Add(e()).Dot("Info").Call()

	decl(f, new(doc).
		add("Error is an error returned by a call to %s: its code, and what the server said about it. Get one from [FromResponse] or [FromError]; match it with [errors.Is] against a sentinel such as [%s], or read the table's row with [Error.Info].", m.service, exampleSentinel(m)).
		add("Error implements the ErrorCode and ErrorMessage methods of the Alibaba Cloud SDK's ServerError and AWS smithy's APIError, so code written against those interfaces handles it too."),
		jen.Type().Id("Error").Struct(slices.Concat(
			field("Code", jen.Id("Code"), "Code is the wire code."),
			field("Message", jen.String(), "Message is what the server said; empty means the table's message."),
			field("RequestID", jen.String(), "RequestID identifies the call, for the vendor's support."),
			field("Cause", jen.Error(), "Cause is the SDK error this error was made from, if any."),
		)...))

	method(new(doc).add("Error returns %q, then the message and the request id when known.", m.pkg+": CODE"),
		"Error", jen.Params(), jen.String(),
		jen.Id("code").Op(":=").String().Call(e().Dot("Code")),
		jen.If(jen.Id("code").Op("==").Lit("")).Block(jen.Id("code").Op("=").Lit("(no code)")),
		jen.Id("s").Op(":=").Lit(m.pkg+": ").Op("+").Id("code"),
		jen.If(jen.Id("msg").Op(":=").Add(e()).Dot("ErrorMessage").Call(), jen.Id("msg").Op("!=").Lit("").Op("&&").Id("msg").Op("!=").String().Call(e().Dot("Code"))).Block(
			jen.Id("s").Op("+=").Lit(": ").Op("+").Id("msg")),
		jen.If(e().Dot("RequestID").Op("!=").Lit("")).Block(
			jen.Id("s").Op("+=").Lit(" (request id ").Op("+").Add(e()).Dot("RequestID").Op("+").Lit(")")),
		jen.Return(jen.Id("s")))

	method(new(doc).add("Is reports whether target is the sentinel of the error's code, or an *Error with the same code, so that errors.Is(err, %s) works however err is wrapped.", exampleSentinel(m)),
		"Is", jen.Params(jen.Id("target").Error()), jen.Bool(),
		jen.Switch(jen.Id("t").Op(":=").Id("target").Assert(jen.Type())).Block(
			jen.Case(jen.Id("sentinel")).Block(jen.Return(jen.Id("Code").Call(jen.Id("t")).Op("==").Add(e()).Dot("Code"))),
			jen.Case(jen.Op("*").Id("Error")).Block(jen.Return(jen.Id("t").Op("!=").Nil().Op("&&").Id("t").Dot("Code").Op("==").Add(e()).Dot("Code")))),
		jen.Return(jen.False()))

	method(new(doc).add("Unwrap returns the SDK error this error was made from, if any."),
		"Unwrap", jen.Params(), jen.Error(), jen.Return(e().Dot("Cause")))

	method(new(doc).add("Info returns the table's row for the error's code, and false for a code the table does not list."),
		"Info", jen.Params(), jen.Params(jen.Id("Info"), jen.Bool()),
		jen.Return(jen.Id("Lookup").Call(jen.String().Call(e().Dot("Code")))))

	method(new(doc).add("Retryable reports whether the table marks the code retryable: the same call may succeed after a back-off. Unknown codes are not retryable."),
		"Retryable", jen.Params(), jen.Bool(), info, jen.Return(jen.Id("info").Dot("Retryable")))

	method(new(doc).add("Solution returns the vendor's cause and solution for the code, or \"\" for a code the table does not list."),
		"Solution", jen.Params(), jen.String(), info, jen.Return(jen.Id("info").Dot("Solution")))

	method(new(doc).add("ErrorCode returns the wire code."),
		"ErrorCode", jen.Params(), jen.String(), jen.Return(jen.String().Call(e().Dot("Code"))))

	method(new(doc).add("ErrorMessage returns the server's message, or the table's when the server sent none."),
		"ErrorMessage", jen.Params(), jen.String(),
		jen.If(e().Dot("Message").Op("!=").Lit("")).Block(jen.Return(e().Dot("Message"))),
		info, jen.Return(jen.Id("info").Dot("Message")))

	slog := func(kind, key string, v jen.Code) jen.Code {
		return jen.Qual("log/slog", kind).Call(jen.Lit(key), v)
	}
	appendAttr := func(a jen.Code) jen.Code {
		return jen.Id("attrs").Op("=").Append(jen.Id("attrs"), a)
	}
	method(new(doc).add("LogValue makes the error log as a group of its code, message, request id and classification with log/slog."),
		"LogValue", jen.Params(), jen.Qual("log/slog", "Value"),
		info,
		jen.Id("attrs").Op(":=").Index().Qual("log/slog", "Attr").Values(
			slog("String", "code", jen.String().Call(e().Dot("Code"))),
			slog("String", "message", e().Dot("ErrorMessage").Call())),
		jen.If(e().Dot("RequestID").Op("!=").Lit("")).Block(
			appendAttr(slog("String", "request_id", e().Dot("RequestID")))),
		appendAttr(slog("Bool", "retryable", jen.Id("info").Dot("Retryable"))),
		jen.If(jen.Id("info").Dot("Fault").Op("!=").Lit("")).Block(
			appendAttr(slog("String", "fault", jen.String().Call(jen.Id("info").Dot("Fault"))))),
		jen.If(jen.Id("info").Dot("Category").Op("!=").Lit("")).Block(
			appendAttr(slog("String", "category", jen.String().Call(jen.Id("info").Dot("Category"))))),
		jen.Return(jen.Qual("log/slog", "GroupValue").Call(jen.Id("attrs").Op("..."))))
}

// exampleSentinel names a sentinel for docs, or a placeholder when the
// table has no error codes.
func exampleSentinel(m *model) string {
	if e, ok := m.example(); ok {
		return e.sentinel
	}
	return "sentinel"
}
