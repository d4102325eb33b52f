package smserr_test

import (
	"errors"
	"fmt"

	"github.com/errspec/errspec/gen/smserr"
)

// sendSmsReply is the body of an Alibaba Cloud SendSms reply. Business errors
// come back here, in an HTTP 200 reply, not as an SDK error.
type sendSmsReply struct {
	Code      string
	Message   string
	RequestId string
	BizId     string
}

// Check the Code of every reply body with FromResponse, then decide what to do
// with errors.Is and IsRetryable.
func Example() {
	reply := sendSmsReply{
		Code:      "isv.BUSINESS_LIMIT_CONTROL",
		Message:   "minute-level flow control triggered",
		RequestId: "F655A8D5-B967-440B",
	}

	err := smserr.FromResponse(reply.Code, reply.Message, reply.RequestId)
	switch {
	case err == nil:
		fmt.Println("sent")
	case errors.Is(err, smserr.ErrMobileNumberIllegal):
		fmt.Println("ask the user for another number")
	case errors.Is(err, smserr.ErrBusinessLimitControl):
		// A per-number limit (per minute, hour and day): a back-off of
		// seconds does not clear it, so the table does not mark it
		// retryable.
		fmt.Println("too many messages to this number; try later:", err)
	case smserr.IsRetryable(err):
		fmt.Println("back off and send again:", err)
	default:
		fmt.Println("give up:", err)
	}
	// Output:
	// too many messages to this number; try later: smserr: isv.BUSINESS_LIMIT_CONTROL: minute-level flow control triggered (request id F655A8D5-B967-440B)
}

func ExampleFromResponse() {
	// A success code is not an error.
	fmt.Println(smserr.FromResponse("OK", "OK", "req-1"))

	// Any other code is an *Error. With no message from the server, the
	// table's message is used.
	err := smserr.FromResponse("isv.MOBILE_NUMBER_ILLEGAL", "", "req-2")
	fmt.Println(err)

	var e *smserr.Error
	if errors.As(err, &e) {
		fmt.Println(e.Code, e.RequestID)
		fmt.Println(e.Solution())
	}
	// Output:
	// <nil>
	// smserr: isv.MOBILE_NUMBER_ILLEGAL: 手机号码格式错误 (request id req-2)
	// isv.MOBILE_NUMBER_ILLEGAL req-2
	// 原因：手机号码格式错误。 解决方案：参数PhoneNumbers请传入正确的格式。 - 国内消息：+/+86/0086/86或无任何前缀的11位手机号码，如1595195****。 - 国际/港澳台消息：国际区号+号码，如8520000****。
}

// serverError stands in for the Alibaba Cloud SDK's *errors.ServerError,
// which FromError reads through its ErrorCode, Message and RequestId methods.
type serverError struct{ code, message, requestID string }

func (e *serverError) Error() string     { return "SDK.ServerError: " + e.code }
func (e *serverError) ErrorCode() string { return e.code }
func (e *serverError) Message() string   { return e.message }
func (e *serverError) RequestId() string { return e.requestID }

func ExampleFromError() {
	// What a failed SDK call might return, after the caller wrapped it.
	err := fmt.Errorf("send sms: %w", &serverError{
		code:      "SignatureDoesNotMatch",
		message:   "Specified signature is not matched with our records.",
		requestID: "req-3",
	})

	if e, ok := smserr.FromError(err); ok {
		fmt.Println(e)
		fmt.Println(errors.Is(e, smserr.ErrSignatureDoesNotMatch))
		fmt.Println(e.Cause) // the SDK's own error
	}
	// Output:
	// smserr: SignatureDoesNotMatch: Specified signature is not matched with our records. (request id req-3)
	// true
	// SDK.ServerError: SignatureDoesNotMatch
}

func ExampleIsRetryable() {
	for _, err := range []error{
		smserr.FromResponse("isp.SYSTEM_ERROR", "", ""),
		fmt.Errorf("send: %w", smserr.ErrGatewayError),
		smserr.FromResponse("isv.BUSINESS_LIMIT_CONTROL", "", ""),
		smserr.FromResponse("isv.AMOUNT_NOT_ENOUGH", "", ""),
		smserr.FromResponse("isv.SOME_NEW_CODE", "", ""),
		errors.New("connection reset"),
	} {
		fmt.Println(smserr.IsRetryable(err), err)
	}
	// Output:
	// true smserr: isp.SYSTEM_ERROR
	// true send: smserr: isp.GATEWAY_ERROR: 调用发送应用模块失败
	// false smserr: isv.BUSINESS_LIMIT_CONTROL: Delivery frequency exceeds limit
	// false smserr: isv.AMOUNT_NOT_ENOUGH: Account Balance insufficient
	// false smserr: isv.SOME_NEW_CODE
	// false connection reset
}

func ExampleLookup() {
	info, ok := smserr.Lookup("isv.DAY_LIMIT_CONTROL")
	fmt.Println(ok, info.Name, info.Category, info.Retryable)
	fmt.Println(info.Solution)

	// The match is exact.
	_, ok = smserr.Lookup("isv.day_limit_control")
	fmt.Println(ok)
	// Output:
	// true DayLimitControl quota false
	// The daily volume limit has been reached. Please change the configuration in the console if you want to send more messages.
	// false
}

func ExampleAll() {
	for info := range smserr.All() {
		if info.Retryable {
			fmt.Println(info.Code, info.Category)
		}
	}
	// Output:
	// isp.SYSTEM_ERROR internal
	// isv.SYSTEM_LIMIT_CONTROL throttling
	// isp.GATEWAY_ERROR internal
	// IS_CLOSE delivery
}

// Info.Text gives the table's own text in each of its languages; Message
// and Solution hold the first language's (English), or, for codes the
// vendor documents in Chinese only, the Chinese.
func ExampleInfo_Text() {
	for _, code := range []string{"isp.SYSTEM_ERROR", "isv.MOBILE_NUMBER_ILLEGAL"} {
		info, _ := smserr.Lookup(code)
		fmt.Println(code, info.Message)
		for _, lang := range []string{"en", "zh"} {
			message, _, ok := info.Text(lang)
			fmt.Printf("  %s: %q %v\n", lang, message, ok)
		}
	}
	// Output:
	// isp.SYSTEM_ERROR isp.SYSTEM_ERROR
	//   en: "isp.SYSTEM_ERROR" true
	//   zh: "系统错误，请重新调用" true
	// isv.MOBILE_NUMBER_ILLEGAL 手机号码格式错误
	//   en: "" false
	//   zh: "手机号码格式错误" true
}
