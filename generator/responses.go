package generator

import (
	"github.com/dave/jennifer/jen"
)

// responses emits the functions that make an *Error out of what a call
// returned: FromResponse, FromError and IsRetryable.
func responses(f *jen.File, m *model) {
	errPtr := func() *jen.Statement { return jen.Op("*").Id("Error") }

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
		add("FromError returns the *Error in err's chain, or a new one for a sentinel. Failing those, it makes one from the first error in the chain that carries a code in one of the shapes SDKs use: an ErrorCode() string method (the Alibaba Cloud SDK's ServerError, AWS smithy's APIError), GetCode() string (the Tencent Cloud SDK) or GetCode() *string (Alibaba Cloud's Tea SDK). Its message and request id are read from the matching methods (ErrorMessage, Message or GetMessage; RequestID, RequestId or GetRequestId), and the SDK error becomes its Cause. It returns false when err carries no code.").
		add("The *Error may be one that err wraps: treat it as read-only."),
		jen.Func().Id("FromError").Params(jen.Id("err").Error()).Params(errPtr(), jen.Bool()).Block(
			jen.Var().Id("e").Add(errPtr()),
			jen.If(jen.Qual("errors", "As").Call(jen.Id("err"), jen.Op("&").Id("e"))).Block(
				jen.Comment("// A nil *Error in the chain carries no code."),
				jen.Return(jen.Id("e"), jen.Id("e").Op("!=").Nil())),
			jen.Var().Id("s").Id("sentinel"),
			jen.If(jen.Qual("errors", "As").Call(jen.Id("err"), jen.Op("&").Id("s"))).Block(
				jen.Return(jen.Op("&").Id("Error").Values(jen.Id("Code").Op(":").Id("Code").Call(jen.Id("s"))), jen.True())),
			jen.Return(jen.Id("fromSDK").Call(jen.Id("err")))))

	sdkErrors(f)

	decl(f, new(doc).add("IsRetryable reports whether err carries a code the table marks retryable (see FromError for the errors it understands). Unknown codes, and errors with no code, are not retryable."),
		jen.Func().Id("IsRetryable").Params(jen.Id("err").Error()).Bool().Block(
			jen.List(jen.Id("e"), jen.Id("ok")).Op(":=").Id("FromError").Call(jen.Id("err")),
			jen.Return(jen.Id("ok").Op("&&").Id("e").Dot("Retryable").Call())))
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
