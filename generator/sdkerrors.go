package generator

import (
	"fmt"

	"github.com/dave/jennifer/jen"
)

// sdkShape is one way an SDK's error type exposes a value: a method with no
// arguments returning a string or a *string, named here by the interface
// the generated code declares for it.
type sdkShape struct {
	iface  string // the generated interface, such as codeGetter
	method string // GetCode
	ptr    bool   // the method returns *string
}

// The shapes FromError understands, in the order it tries them. Codes
// embed error so that the error that matched can become the Cause.
var (
	sdkCodes = []sdkShape{
		{"errorCoder", "ErrorCode", false}, // Alibaba Cloud SDK ServerError, AWS smithy APIError
		{"codeGetter", "GetCode", false},   // Tencent Cloud SDK
		{"codePtrGetter", "GetCode", true}, // Alibaba Cloud Tea / Darabonba SDK
	}
	sdkMessages = []sdkShape{
		{"errorMessager", "ErrorMessage", false},
		{"errorMessagePtrGetter", "ErrorMessage", true}, // Alibaba Cloud Tea / Darabonba SDK
		{"messager", "Message", false},
		{"messageGetter", "GetMessage", false},
		{"messagePtrGetter", "GetMessage", true},
	}
	sdkRequestIDs = []sdkShape{
		{"requestIDer", "RequestID", false},
		{"requestIder", "RequestId", false},
		{"requestIDGetter", "GetRequestId", false},
		{"requestIDPtrGetter", "GetRequestId", true},
	}
)

// call is v.Method(), dereferenced when the method returns *string.
func (s sdkShape) call(v string) jen.Code {
	c := jen.Id(v).Dot(s.method).Call()
	if s.ptr {
		return jen.Id("deref").Call(c)
	}
	return c
}

// sdkErrors emits fromSDK, which reads a code from an SDK's error, with
// the interfaces and helpers it needs.
func sdkErrors(f *jen.File) {
	decl(f, new(doc).add("fromSDK makes an *Error from the first error in err's chain that has a code method, trying the shapes in the order of the interfaces below."),
		jen.Func().Id("fromSDK").Params(jen.Id("err").Error()).Params(jen.Op("*").Id("Error"), jen.Bool()).Block(
			jen.Var().DefsFunc(func(g *jen.Group) {
				for i, s := range sdkCodes {
					g.Id(shapeVar(i)).Id(s.iface)
				}
				g.Id("code").String()
				g.Id("found").Error()
			}),
			jen.Switch().BlockFunc(func(g *jen.Group) {
				for i, s := range sdkCodes {
					g.Case(jen.Qual("errors", "As").Call(jen.Id("err"), jen.Op("&").Id(shapeVar(i)))).Block(
						jen.List(jen.Id("code"), jen.Id("found")).Op("=").List(s.call(shapeVar(i)), jen.Id(shapeVar(i))))
				}
			}),
			jen.If(jen.Id("code").Op("==").Lit("")).Block(jen.Return(jen.Nil(), jen.False())),
			jen.Return(jen.Op("&").Id("Error").Values(
				jen.Id("Code").Op(":").Id("Code").Call(jen.Id("code")),
				jen.Id("Message").Op(":").Id("sdkMessage").Call(jen.Id("found")),
				jen.Id("RequestID").Op(":").Id("sdkRequestID").Call(jen.Id("found")),
				jen.Id("Cause").Op(":").Id("found")), jen.True())))

	textReader := func(name, what string, shapes []sdkShape) {
		decl(f, new(doc).add("%s reads an SDK error's %s from whichever method it has.", name, what),
			jen.Func().Id(name).Params(jen.Id("err").Error()).String().Block(
				jen.Switch(jen.Id("e").Op(":=").Id("err").Assert(jen.Type())).BlockFunc(func(g *jen.Group) {
					for _, s := range shapes {
						g.Case(jen.Id(s.iface)).Block(jen.Return(s.call("e")))
					}
				}),
				jen.Return(jen.Lit(""))))
	}
	textReader("sdkMessage", "message", sdkMessages)
	textReader("sdkRequestID", "request id", sdkRequestIDs)

	decl(f, new(doc).add("The shapes of SDK errors FromError understands: the Alibaba Cloud SDK's ServerError and AWS smithy's APIError, the Tencent Cloud SDK's errors, and the Alibaba Cloud Tea SDK's errors."),
		jen.Type().DefsFunc(func(g *jen.Group) {
			for _, s := range sdkCodes {
				g.Id(s.iface).Interface(jen.Error(), jen.Id(s.method).Params().Add(shapeResult(s)))
			}
			for _, s := range append(append([]sdkShape(nil), sdkMessages...), sdkRequestIDs...) {
				g.Id(s.iface).Interface(jen.Id(s.method).Params().Add(shapeResult(s)))
			}
		}))

	decl(f, new(doc).add("deref returns *s, or \"\" for nil."),
		jen.Func().Id("deref").Params(jen.Id("s").Op("*").String()).String().Block(
			jen.If(jen.Id("s").Op("==").Nil()).Block(jen.Return(jen.Lit(""))),
			jen.Return(jen.Op("*").Id("s"))))
}

// shapeVar names fromSDK's variable for the i-th code shape.
func shapeVar(i int) string { return fmt.Sprintf("c%d", i+1) }

func shapeResult(s sdkShape) jen.Code {
	if s.ptr {
		return jen.Op("*").String()
	}
	return jen.String()
}
