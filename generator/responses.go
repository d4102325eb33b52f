package generator

import (
	"github.com/dave/jennifer/jen"
)

// responses emits the functions that make an *Error out of what a call
// returned: FromResponse, FromError and IsRetryable.
func responses(f *jen.File, m *model) {
	errPtr := func() *jen.Statement { return jen.Op("*").Id("Error") }
	iface := func(method string) *jen.Statement { return jen.Id(sdkMethods[method]) }

	decl(f, new(doc).
		add("FromResponse turns the code, message and request id of a reply body into an error: nil for a success code%s, and an *Error for any other code, including codes the table does not list and the empty code.", successExample(m)).
		add("Use it for APIs that report errors in the reply body, as Alibaba Cloud's do in HTTP 200 replies; use [FromError] for errors an SDK returns. It allocates only the *Error."),
		jen.Func().Id("FromResponse").Params(jen.List(jen.Id("code"), jen.Id("message"), jen.Id("requestID")).String()).Error().Block(
			jen.If(jen.Id("i").Op(":=").Id("codeIndex").Call(jen.Id("code")), jen.Id("i").Op(">=").Lit(0).Op("&&").Id("codeTable").Index(jen.Id("i")).Dot("Success")).Block(
				jen.Return(jen.Nil())),
			jen.Return(jen.Op("&").Id("Error").Values(
				jen.Id("Code").Op(":").Id("Code").Call(jen.Id("code")),
				jen.Id("Message").Op(":").Id("message"),
				jen.Id("RequestID").Op(":").Id("requestID")))))

	decl(f, new(doc).
		add("FromError returns the *Error in err's chain. Failing that, it makes one from the first error in the chain with an ErrorCode() string method, such as the Alibaba Cloud SDK's *errors.ServerError or an AWS smithy APIError: its message comes from an ErrorMessage() or Message() method, its request id from RequestID() or RequestId(), and the foreign error becomes its Cause. It returns false when err carries no code.").
		add("Treat the *Error as read-only: it may be one that err wraps, or a sentinel."),
		jen.Func().Id("FromError").Params(jen.Id("err").Error()).Params(errPtr(), jen.Bool()).Block(
			jen.Var().Id("e").Add(errPtr()),
			jen.If(jen.Qual("errors", "As").Call(jen.Id("err"), jen.Op("&").Id("e"))).Block(
				jen.Return(jen.Id("e"), jen.True())),
			jen.Var().Id("coded").Add(iface("ErrorCode")),
			jen.If(jen.Op("!").Qual("errors", "As").Call(jen.Id("err"), jen.Op("&").Id("coded"))).Block(
				jen.Return(jen.Nil(), jen.False())),
			jen.List(jen.Id("cause"), jen.Id("_")).Op(":=").Id("coded").Assert(jen.Error()),
			jen.Id("e").Op("=").Op("&").Id("Error").Values(
				jen.Id("Code").Op(":").Id("Code").Call(jen.Id("coded").Dot("ErrorCode").Call()),
				jen.Id("Cause").Op(":").Id("cause")),
			jen.Switch(jen.Id("c").Op(":=").Id("coded").Assert(jen.Type())).Block(
				jen.Case(iface("ErrorMessage")).Block(jen.Id("e").Dot("Message").Op("=").Id("c").Dot("ErrorMessage").Call()),
				jen.Case(iface("Message")).Block(jen.Id("e").Dot("Message").Op("=").Id("c").Dot("Message").Call())),
			jen.Switch(jen.Id("c").Op(":=").Id("coded").Assert(jen.Type())).Block(
				jen.Case(iface("RequestID")).Block(jen.Id("e").Dot("RequestID").Op("=").Id("c").Dot("RequestID").Call()),
				jen.Case(iface("RequestId")).Block(jen.Id("e").Dot("RequestID").Op("=").Id("c").Dot("RequestId").Call())),
			jen.Return(jen.Id("e"), jen.True())))

	decl(f, new(doc).add("The methods FromError reads from an SDK's errors."),
		jen.Type().DefsFunc(func(g *jen.Group) {
			for _, method := range []string{"ErrorCode", "ErrorMessage", "Message", "RequestID", "RequestId"} {
				g.Id(sdkMethods[method]).Interface(jen.Id(method).Params().String())
			}
		}))

	decl(f, new(doc).add("IsRetryable reports whether err carries a code the table marks retryable (see FromError for the errors it understands). Unknown codes, and errors with no code, are not retryable."),
		jen.Func().Id("IsRetryable").Params(jen.Id("err").Error()).Bool().Block(
			jen.List(jen.Id("e"), jen.Id("ok")).Op(":=").Id("FromError").Call(jen.Id("err")),
			jen.Return(jen.Id("ok").Op("&&").Id("e").Dot("Retryable").Call())))
}

// sdkMethods names the interface that has just the given method.
var sdkMethods = map[string]string{
	"ErrorCode":    "errorCoder",
	"ErrorMessage": "errorMessager",
	"Message":      "messager",
	"RequestID":    "requestIDer",
	"RequestId":    "requestIder",
}

// successExample names the table's first success code for docs.
func successExample(m *model) string {
	for _, e := range m.codes {
		if e.success {
			return " such as " + e.wire
		}
	}
	return ""
}
