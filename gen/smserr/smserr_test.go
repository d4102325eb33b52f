package smserr_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/errspec/errspec/gen/smserr"
)

// These tests use the package as a caller would: through its exported API,
// the errors package and log/slog. The code table they compare against is the
// shipped spec, so they fail when errors.go drifts from it.

// sentinels lists every error code of the table with its constant and
// sentinel, written out by hand so that a missing or misnamed identifier
// fails to compile and a missing row fails TestSentinels.
var sentinels = []struct {
	name string
	code smserr.Code
	err  error
}{
	{"SMSSignatureSceneIllegal", smserr.CodeSMSSignatureSceneIllegal, smserr.ErrSMSSignatureSceneIllegal},
	{"ExtendCodeError", smserr.CodeExtendCodeError, smserr.ErrExtendCodeError},
	{"DomesticNumberNotSupported", smserr.CodeDomesticNumberNotSupported, smserr.ErrDomesticNumberNotSupported},
	{"DenyIPRange", smserr.CodeDenyIPRange, smserr.ErrDenyIPRange},
	{"RAMPermissionDeny", smserr.CodeRAMPermissionDeny, smserr.ErrRAMPermissionDeny},
	{"OutOfService", smserr.CodeOutOfService, smserr.ErrOutOfService},
	{"ProductUnSubscript", smserr.CodeProductUnSubscript, smserr.ErrProductUnSubscript},
	{"ProductUnsubscribe", smserr.CodeProductUnsubscribe, smserr.ErrProductUnsubscribe},
	{"AccountNotExists", smserr.CodeAccountNotExists, smserr.ErrAccountNotExists},
	{"AccountAbnormal", smserr.CodeAccountAbnormal, smserr.ErrAccountAbnormal},
	{"SMSTemplateIllegal", smserr.CodeSMSTemplateIllegal, smserr.ErrSMSTemplateIllegal},
	{"SMSSignatureIllegal", smserr.CodeSMSSignatureIllegal, smserr.ErrSMSSignatureIllegal},
	{"SMSContentcodeIllegal", smserr.CodeSMSContentcodeIllegal, smserr.ErrSMSContentcodeIllegal},
	{"InvalidParameters", smserr.CodeInvalidParameters, smserr.ErrInvalidParameters},
	{"SystemError", smserr.CodeSystemError, smserr.ErrSystemError},
	{"MobileNumberIllegal", smserr.CodeMobileNumberIllegal, smserr.ErrMobileNumberIllegal},
	{"MobileCountOverLimit", smserr.CodeMobileCountOverLimit, smserr.ErrMobileCountOverLimit},
	{"PhoneNumberIllegal", smserr.CodePhoneNumberIllegal, smserr.ErrPhoneNumberIllegal},
	{"PhoneNumberCountOverLimit", smserr.CodePhoneNumberCountOverLimit, smserr.ErrPhoneNumberCountOverLimit},
	{"TemplateMissingParameters", smserr.CodeTemplateMissingParameters, smserr.ErrTemplateMissingParameters},
	{"BusinessLimitControl", smserr.CodeBusinessLimitControl, smserr.ErrBusinessLimitControl},
	{"InvalidJSONParam", smserr.CodeInvalidJSONParam, smserr.ErrInvalidJSONParam},
	{"BlackKeyControlLimit", smserr.CodeBlackKeyControlLimit, smserr.ErrBlackKeyControlLimit},
	{"ParamLengthLimit", smserr.CodeParamLengthLimit, smserr.ErrParamLengthLimit},
	{"ParamNotSupportURL", smserr.CodeParamNotSupportURL, smserr.ErrParamNotSupportURL},
	{"AmountNotEnough", smserr.CodeAmountNotEnough, smserr.ErrAmountNotEnough},
	{"TemplateParamsIllegal", smserr.CodeTemplateParamsIllegal, smserr.ErrTemplateParamsIllegal},
	{"NotSupportedCountry", smserr.CodeNotSupportedCountry, smserr.ErrNotSupportedCountry},
	{"RAMCheckFailed", smserr.CodeRAMCheckFailed, smserr.ErrRAMCheckFailed},
	{"SystemLimitControl", smserr.CodeSystemLimitControl, smserr.ErrSystemLimitControl},
	{"DayLimitControl", smserr.CodeDayLimitControl, smserr.ErrDayLimitControl},
	{"MonthLimitControl", smserr.CodeMonthLimitControl, smserr.ErrMonthLimitControl},
	{"SMSContentIllegal", smserr.CodeSMSContentIllegal, smserr.ErrSMSContentIllegal},
	{"SMSSignIllegal", smserr.CodeSMSSignIllegal, smserr.ErrSMSSignIllegal},
	{"ForbiddenAction", smserr.CodeForbiddenAction, smserr.ErrForbiddenAction},
	{"SignatureDoesNotMatch", smserr.CodeSignatureDoesNotMatch, smserr.ErrSignatureDoesNotMatch},
	{"InvalidTimeStampExpired", smserr.CodeInvalidTimeStampExpired, smserr.ErrInvalidTimeStampExpired},
	{"SignatureNonceUsed", smserr.CodeSignatureNonceUsed, smserr.ErrSignatureNonceUsed},
	{"InvalidVersion", smserr.CodeInvalidVersion, smserr.ErrInvalidVersion},
	{"InvalidActionNotFound", smserr.CodeInvalidActionNotFound, smserr.ErrInvalidActionNotFound},
	{"SignCountOverLimit", smserr.CodeSignCountOverLimit, smserr.ErrSignCountOverLimit},
	{"TemplateCountOverLimit", smserr.CodeTemplateCountOverLimit, smserr.ErrTemplateCountOverLimit},
	{"SignNameIllegal", smserr.CodeSignNameIllegal, smserr.ErrSignNameIllegal},
	{"SignFileLimit", smserr.CodeSignFileLimit, smserr.ErrSignFileLimit},
	{"SignOverLimit", smserr.CodeSignOverLimit, smserr.ErrSignOverLimit},
	{"TemplateOverLimit", smserr.CodeTemplateOverLimit, smserr.ErrTemplateOverLimit},
	{"SignatureBlacklist", smserr.CodeSignatureBlacklist, smserr.ErrSignatureBlacklist},
	{"ShorturlOverLimit", smserr.CodeShorturlOverLimit, smserr.ErrShorturlOverLimit},
	{"NoAvailableShortURL", smserr.CodeNoAvailableShortURL, smserr.ErrNoAvailableShortURL},
	{"ShorturlNameIllegal", smserr.CodeShorturlNameIllegal, smserr.ErrShorturlNameIllegal},
	{"SourceurlOverLimit", smserr.CodeSourceurlOverLimit, smserr.ErrSourceurlOverLimit},
	{"ShorturlTimeIllegal", smserr.CodeShorturlTimeIllegal, smserr.ErrShorturlTimeIllegal},
	{"PhonenumbersOverLimit", smserr.CodePhonenumbersOverLimit, smserr.ErrPhonenumbersOverLimit},
	{"ShorturlStillAvailable", smserr.CodeShorturlStillAvailable, smserr.ErrShorturlStillAvailable},
	{"ErrorEmptyFile", smserr.CodeErrorEmptyFile, smserr.ErrErrorEmptyFile},
	{"GatewayError", smserr.CodeGatewayError, smserr.ErrGatewayError},
	{"ErrorSignNotDelete", smserr.CodeErrorSignNotDelete, smserr.ErrErrorSignNotDelete},
	{"ErrorSignNotModify", smserr.CodeErrorSignNotModify, smserr.ErrErrorSignNotModify},
	{"ErrorTemplateNotDelete", smserr.CodeErrorTemplateNotDelete, smserr.ErrErrorTemplateNotDelete},
	{"ErrorTemplateNotModify", smserr.CodeErrorTemplateNotModify, smserr.ErrErrorTemplateNotModify},
	{"SMSOverLimit", smserr.CodeSMSOverLimit, smserr.ErrSMSOverLimit},
	{"CustomerRefused", smserr.CodeCustomerRefused, smserr.ErrCustomerRefused},
	{"SMSTestSignTemplateLimit", smserr.CodeSMSTestSignTemplateLimit, smserr.ErrSMSTestSignTemplateLimit},
	{"ShorturlDomainEmpty", smserr.CodeShorturlDomainEmpty, smserr.ErrShorturlDomainEmpty},
	{"TemplateParameterCountIllegal", smserr.CodeTemplateParameterCountIllegal, smserr.ErrTemplateParameterCountIllegal},
	{"SMSTestTemplateParamsIllegal", smserr.CodeSMSTestTemplateParamsIllegal, smserr.ErrSMSTestTemplateParamsIllegal},
	{"SMSTestNumberLimit", smserr.CodeSMSTestNumberLimit, smserr.ErrSMSTestNumberLimit},
	{"SMSSignEmojiIllegal", smserr.CodeSMSSignEmojiIllegal, smserr.ErrSMSSignEmojiIllegal},
	{"SecurityFrozenAccount", smserr.CodeSecurityFrozenAccount, smserr.ErrSecurityFrozenAccount},
	{"IsClose", smserr.CodeIsClose, smserr.ErrIsClose},
	{"ParamsIllegal", smserr.CodeParamsIllegal, smserr.ErrParamsIllegal},
	{"MobileNotOnService", smserr.CodeMobileNotOnService, smserr.ErrMobileNotOnService},
	{"MobileSendLimit", smserr.CodeMobileSendLimit, smserr.ErrMobileSendLimit},
	{"MobileAccountAbnormal", smserr.CodeMobileAccountAbnormal, smserr.ErrMobileAccountAbnormal},
	{"MobileInBlack", smserr.CodeMobileInBlack, smserr.ErrMobileInBlack},
	{"MoblleTerminalError", smserr.CodeMoblleTerminalError, smserr.ErrMoblleTerminalError},
	{"ContentKeyword", smserr.CodeContentKeyword, smserr.ErrContentKeyword},
	{"InvalidNumber", smserr.CodeInvalidNumber, smserr.ErrInvalidNumber},
	{"ContentError", smserr.CodeContentError, smserr.ErrContentError},
	{"RequestSuccess", smserr.CodeRequestSuccess, smserr.ErrRequestSuccess},
	{"SpNotByInterSMS", smserr.CodeSpNotByInterSMS, smserr.ErrSpNotByInterSMS},
	{"SpUnknownError", smserr.CodeSpUnknownError, smserr.ErrSpUnknownError},
	{"UserReject", smserr.CodeUserReject, smserr.ErrUserReject},
	{"NoRoute", smserr.CodeNoRoute, smserr.ErrNoRoute},
	{"UnsupportedContent", smserr.CodeUnsupportedContent, smserr.ErrUnsupportedContent},
	{"SMSContentMismatchTemplateType", smserr.CodeSMSContentMismatchTemplateType, smserr.ErrSMSContentMismatchTemplateType},
	{"OneCodeMultipleSign", smserr.CodeOneCodeMultipleSign, smserr.ErrOneCodeMultipleSign},
	{"CodeExceedLimit", smserr.CodeCodeExceedLimit, smserr.ErrCodeExceedLimit},
	{"CodeError", smserr.CodeCodeError, smserr.ErrCodeError},
	{"PortNotRegistered", smserr.CodePortNotRegistered, smserr.ErrPortNotRegistered},
	{"SignSourceIllegal", smserr.CodeSignSourceIllegal, smserr.ErrSignSourceIllegal},
	{"SignStateIllegal", smserr.CodeSignStateIllegal, smserr.ErrSignStateIllegal},
	{"ShorturlNotFound", smserr.CodeShorturlNotFound, smserr.ErrShorturlNotFound},
}

// all collects All() into a slice.
func all() []smserr.Info {
	return slices.Collect(smserr.All())
}

// The SDK error types below have the shapes FromError reads (methods or
// fields), so that these tests need only the standard library and travel
// with a copy of the package. They prove the reading, not the SDKs: the
// real SDKs' errors are tested in gen/sdktest, a module of its own.

// aliServerError has the shape of *errors.ServerError of the Alibaba Cloud
// Go SDK: ErrorCode, Message and RequestId methods, and no Unwrap.
type aliServerError struct {
	httpStatus int
	code       string
	message    string
	requestID  string
}

func (e *aliServerError) Error() string {
	return fmt.Sprintf("SDK.ServerError\nErrorCode: %s\nRecommend: \nRequestId: %s\nMessage: %s", e.code, e.requestID, e.message)
}
func (e *aliServerError) HttpStatus() int   { return e.httpStatus }
func (e *aliServerError) ErrorCode() string { return e.code }
func (e *aliServerError) Message() string   { return e.message }
func (e *aliServerError) RequestId() string { return e.requestID }

// smithyAPIError is shaped like AWS smithy-go's APIError: ErrorCode,
// ErrorMessage and ErrorFault methods.
type smithyAPIError struct {
	code    string
	message string
}

func (e *smithyAPIError) Error() string        { return fmt.Sprintf("api error %s: %s", e.code, e.message) }
func (e *smithyAPIError) ErrorCode() string    { return e.code }
func (e *smithyAPIError) ErrorMessage() string { return e.message }
func (e *smithyAPIError) ErrorFault() int      { return 0 }

// requestIDError has the Go-style RequestID method FromError also reads.
type requestIDError struct{ code, requestID string }

func (e requestIDError) Error() string     { return "coded " + e.code }
func (e requestIDError) ErrorCode() string { return e.code }
func (e requestIDError) RequestID() string { return e.requestID }

// asError unwraps err to the *Error it must be, failing the test otherwise.
func asError(t *testing.T, err error) *smserr.Error {
	t.Helper()
	var e *smserr.Error
	if !errors.As(err, &e) {
		t.Fatalf("%v (%T) is not an *smserr.Error", err, err)
	}
	return e
}

func TestFromResponseEveryCode(t *testing.T) {
	infos := all()
	if len(infos) == 0 {
		t.Fatal("All() yields nothing")
	}
	for i, info := range infos {
		code := string(info.Code)
		msg := fmt.Sprintf("server says %d", i)
		id := fmt.Sprintf("REQ-%d", i)
		err := smserr.FromResponse(code, msg, id)
		if info.Success {
			if err != nil {
				t.Errorf("FromResponse(%q) = %v, want nil for a success code", code, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("FromResponse(%q) = nil, want an error", code)
			continue
		}
		e, ok := err.(*smserr.Error)
		if !ok {
			t.Errorf("FromResponse(%q) is %T, want *smserr.Error", code, err)
			continue
		}
		if e.Code != info.Code || e.Message != msg || e.RequestID != id || e.Cause != nil {
			t.Errorf("FromResponse(%q, %q, %q) = %+v", code, msg, id, *e)
		}
		want := "smserr: " + code + ": " + msg + " (request id " + id + ")"
		if got := err.Error(); got != want {
			t.Errorf("Error() = %q, want %q", got, want)
		}
		if got, want := smserr.FromResponse(code, msg, "").Error(), "smserr: "+code+": "+msg; got != want {
			t.Errorf("Error() without request id = %q, want %q", got, want)
		}
	}
}

func TestFromResponseSuccessIgnoresMessage(t *testing.T) {
	if err := smserr.FromResponse("OK", "", ""); err != nil {
		t.Errorf("FromResponse(OK) = %v, want nil", err)
	}
	if err := smserr.FromResponse(string(smserr.CodeOK), "OK", "req"); err != nil {
		t.Errorf("FromResponse(OK) = %v, want nil", err)
	}
	// The match is exact: a lower-case "ok" is an unknown code, so an error.
	if err := smserr.FromResponse("ok", "", ""); err == nil {
		t.Error(`FromResponse("ok") = nil, want an error for an unknown code`)
	}
}

func TestMessageFallback(t *testing.T) {
	for _, info := range all() {
		if info.Success {
			continue
		}
		e := asError(t, smserr.FromResponse(string(info.Code), "", "R1"))
		if e.Message != "" {
			t.Errorf("%s: Message = %q, want the empty message passed", info.Code, e.Message)
		}
		if got := e.ErrorMessage(); got != info.Message {
			t.Errorf("%s: ErrorMessage() = %q, want the table's %q", info.Code, got, info.Message)
		}
		if !strings.Contains(e.Error(), info.Message) {
			t.Errorf("%s: Error() = %q does not hold the table's message %q", info.Code, e.Error(), info.Message)
		}
	}

	err := smserr.FromResponse("isv.BUSINESS_LIMIT_CONTROL", "", "R2")
	if got, want := err.Error(), "smserr: isv.BUSINESS_LIMIT_CONTROL: Delivery frequency exceeds limit (request id R2)"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	// The table's message for isp.SYSTEM_ERROR is the code itself; Error()
	// does not say it twice.
	err = smserr.FromResponse("isp.SYSTEM_ERROR", "", "R3")
	if got, want := err.Error(), "smserr: isp.SYSTEM_ERROR (request id R3)"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	// The server's message wins over the table's.
	e := asError(t, smserr.FromResponse("isv.BUSINESS_LIMIT_CONTROL", "minute limit", ""))
	if got := e.ErrorMessage(); got != "minute limit" {
		t.Errorf("ErrorMessage() = %q, want the server's", got)
	}
}

func TestSentinels(t *testing.T) {
	var errorCodes []smserr.Code
	for _, info := range all() {
		if !info.Success {
			errorCodes = append(errorCodes, info.Code)
		}
	}
	var listed []smserr.Code
	for _, s := range sentinels {
		listed = append(listed, s.code)
	}
	if !slices.Equal(errorCodes, listed) {
		t.Fatalf("error codes of All() = %q\nsentinels listed here = %q", errorCodes, listed)
	}

	for _, s := range sentinels {
		info, ok := smserr.Lookup(string(s.code))
		if !ok || info.Name != s.name || info.Code != s.code {
			t.Errorf("Lookup(%q) = %+v, %v; want Name %q", s.code, info, ok, s.name)
		}
		// A sentinel is not an *Error a caller could change: errors.As does
		// not find one in it, and FromError gives a fresh *Error each time.
		var shared *smserr.Error
		if errors.As(s.err, &shared) {
			t.Errorf("errors.As(Err%s, *Error) found %p; sentinels must not be changeable *Errors", s.name, shared)
		}
		e, ok := smserr.FromError(fmt.Errorf("wrapped: %w", s.err))
		if !ok || e.Code != s.code || e.Message != "" || e.RequestID != "" || e.Cause != nil {
			t.Errorf("FromError(Err%s) = %+v, %v; want an *Error holding only code %q", s.name, e, ok, s.code)
		}
		e.Message = "changed by a caller"
		if again, _ := smserr.FromError(s.err); again.Message != "" || strings.Contains(s.err.Error(), "changed") {
			t.Errorf("changing the *Error FromError(Err%s) returned changed the sentinel: %v", s.name, s.err)
		}
		if want := (&smserr.Error{Code: s.code}).Error(); s.err.Error() != want {
			t.Errorf("Err%s.Error() = %q, want %q", s.name, s.err.Error(), want)
		}
		if !errors.Is(s.err, s.err) {
			t.Errorf("errors.Is(Err%s, Err%s) = false", s.name, s.name)
		}
	}
}

func TestIsMatchesOwnCodeOnly(t *testing.T) {
	for _, s := range sentinels {
		err := smserr.FromResponse(string(s.code), "msg", "req")
		once := fmt.Errorf("send: %w", err)
		twice := fmt.Errorf("notify user 42: %w", once)
		for _, got := range []error{err, once, twice} {
			if !errors.Is(got, s.err) {
				t.Errorf("errors.Is(%v, Err%s) = false", got, s.name)
			}
			// Any *Error of the same code matches, whatever its message.
			if !errors.Is(got, &smserr.Error{Code: s.code, Message: "other", RequestID: "other"}) {
				t.Errorf("errors.Is(%v, &Error{Code: %q}) = false", got, s.code)
			}
			if errors.Is(got, &smserr.Error{Code: s.code + "x"}) {
				t.Errorf("errors.Is(%v, &Error{Code: %q}) = true", got, s.code+"x")
			}
			for _, other := range sentinels {
				if other.code != s.code && errors.Is(got, other.err) {
					t.Errorf("errors.Is(%v, Err%s) = true", got, other.name)
				}
			}
		}
	}

	err := smserr.FromResponse("isv.AMOUNT_NOT_ENOUGH", "", "")
	if errors.Is(err, errors.New(err.Error())) {
		t.Error("errors.Is matched a plain error with the same text")
	}
	if errors.Is(err, (*smserr.Error)(nil)) {
		t.Error("errors.Is matched a nil *Error")
	}
	if !errors.Is(errors.Join(io.EOF, err), smserr.ErrAmountNotEnough) {
		t.Error("errors.Is does not find the *Error in an errors.Join")
	}
}

func TestAsThroughWrapping(t *testing.T) {
	err := smserr.FromResponse("isv.DAY_LIMIT_CONTROL", "daily cap", "R9")
	wrapped := fmt.Errorf("outer: %w", fmt.Errorf("inner: %w", err))
	var e *smserr.Error
	if !errors.As(wrapped, &e) {
		t.Fatal("errors.As(wrapped, *Error) = false")
	}
	if e != err {
		t.Errorf("errors.As gave %p, want the *Error FromResponse returned (%p)", e, err)
	}
	if e.Code != smserr.CodeDayLimitControl || e.Message != "daily cap" || e.RequestID != "R9" {
		t.Errorf("errors.As gave %+v", *e)
	}

	var none *smserr.Error
	if errors.As(fmt.Errorf("x: %w", io.EOF), &none) {
		t.Error("errors.As found an *Error in a chain without one")
	}
}

func TestFromErrorOwnError(t *testing.T) {
	err := smserr.FromResponse("isv.PARAM_LENGTH_LIMIT", "too long", "R")
	for _, in := range []error{err, fmt.Errorf("a: %w", err), fmt.Errorf("b: %w", fmt.Errorf("a: %w", err))} {
		e, ok := smserr.FromError(in)
		if !ok || e != err {
			t.Errorf("FromError(%v) = %v, %v; want the *Error in the chain", in, e, ok)
		}
	}
}

// tencentSDKError is shaped like the Tencent Cloud SDK's
// *errors.TencentCloudSDKError: GetCode, GetMessage and GetRequestId
// returning strings.
type tencentSDKError struct{ code, message, requestID string }

func (e *tencentSDKError) Error() string        { return "[TencentCloudSDKError] Code=" + e.code }
func (e *tencentSDKError) GetCode() string      { return e.code }
func (e *tencentSDKError) GetMessage() string   { return e.message }
func (e *tencentSDKError) GetRequestId() string { return e.requestID }

// teaSDKError is shaped like the errors of Alibaba Cloud's Tea (Darabonba)
// SDK: GetCode, GetMessage and GetRequestId returning *string.
type teaSDKError struct{ code, message, requestID *string }

func (e *teaSDKError) Error() string         { return "SDKError: " + *e.code }
func (e *teaSDKError) GetCode() *string      { return e.code }
func (e *teaSDKError) GetMessage() *string   { return e.message }
func (e *teaSDKError) GetRequestId() *string { return e.requestID }

func ptr(s string) *string { return &s }

func TestFromErrorForeign(t *testing.T) {
	ali := &aliServerError{httpStatus: 400, code: "isv.BUSINESS_LIMIT_CONTROL", message: "frequency limit", requestID: "ALI-REQ"}
	smithy := &smithyAPIError{code: "isp.SYSTEM_ERROR", message: "try again"}
	goStyle := requestIDError{code: "isv.OUT_OF_SERVICE", requestID: "GO-REQ"}

	cases := []struct {
		name                string
		foreign             error
		code, msg, id       string
		sentinel, otherCode error
	}{
		{"alibaba", ali, "isv.BUSINESS_LIMIT_CONTROL", "frequency limit", "ALI-REQ", smserr.ErrBusinessLimitControl, smserr.ErrSystemLimitControl},
		{"smithy", smithy, "isp.SYSTEM_ERROR", "try again", "", smserr.ErrSystemError, smserr.ErrBusinessLimitControl},
		{"RequestID", goStyle, "isv.OUT_OF_SERVICE", "", "GO-REQ", smserr.ErrOutOfService, smserr.ErrAmountNotEnough},
		{"tencent", &tencentSDKError{"isv.DAY_LIMIT_CONTROL", "daily", "TC-REQ"}, "isv.DAY_LIMIT_CONTROL", "daily", "TC-REQ", smserr.ErrDayLimitControl, smserr.ErrMonthLimitControl},
		{"tea", &teaSDKError{ptr("isv.AMOUNT_NOT_ENOUGH"), ptr("no money"), ptr("TEA-REQ")}, "isv.AMOUNT_NOT_ENOUGH", "no money", "TEA-REQ", smserr.ErrAmountNotEnough, smserr.ErrOutOfService},
		{"tea without message", &teaSDKError{code: ptr("isp.SYSTEM_ERROR")}, "isp.SYSTEM_ERROR", "", "", smserr.ErrSystemError, smserr.ErrSystemLimitControl},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if errors.Is(c.foreign, c.sentinel) {
				t.Errorf("errors.Is(foreign, sentinel) = true; the foreign error itself has no Is")
			}
			inputs := []error{
				c.foreign,
				fmt.Errorf("send: %w", c.foreign),
				fmt.Errorf("notify: %w", fmt.Errorf("send: %w", c.foreign)),
			}
			for _, in := range inputs {
				e, ok := smserr.FromError(in)
				if !ok {
					t.Fatalf("FromError(%v) = false", in)
				}
				if string(e.Code) != c.code || e.Message != c.msg || e.RequestID != c.id {
					t.Errorf("FromError(%v) = {Code:%q Message:%q RequestID:%q}, want {%q %q %q}",
						in, e.Code, e.Message, e.RequestID, c.code, c.msg, c.id)
				}
				if e.Cause != c.foreign {
					t.Errorf("Cause = %v, want the foreign error", e.Cause)
				}
				if !errors.Is(e, c.sentinel) {
					t.Errorf("errors.Is(FromError(...), sentinel) = false")
				}
				if errors.Is(e, c.otherCode) {
					t.Errorf("errors.Is(FromError(...), another code's sentinel) = true")
				}
				if !errors.Is(e, c.foreign) {
					t.Errorf("errors.Is(FromError(...), foreign) = false; Unwrap should reach the Cause")
				}
				var back *aliServerError
				if c.foreign == ali && (!errors.As(e, &back) || back != ali) {
					t.Errorf("errors.As(FromError(...), *aliServerError) does not give back the SDK error")
				}
				if got, want := e.Error(), "smserr: "+c.code; !strings.HasPrefix(got, want) {
					t.Errorf("Error() = %q, want it to start with %q", got, want)
				}
			}
		})
	}
}

func TestFromErrorNoCode(t *testing.T) {
	for _, err := range []error{
		nil,
		io.EOF,
		errors.New("isv.BUSINESS_LIMIT_CONTROL"),
		fmt.Errorf("send: %w", io.ErrUnexpectedEOF),
		errors.Join(io.EOF, errors.New("x")),
		requestIDError{code: "", requestID: "R"},           // an empty ErrorCode() carries no code
		&teaSDKError{code: nil, message: ptr("no code")},   // nor does a nil GetCode()
		fmt.Errorf("send: %w", &tencentSDKError{code: ""}), // nor an empty GetCode()
	} {
		if e, ok := smserr.FromError(err); ok || e != nil {
			t.Errorf("FromError(%v) = %v, %v; want nil, false", err, e, ok)
		}
	}
}

func TestUnknownCodes(t *testing.T) {
	for _, code := range []string{"isv.NOT_A_REAL_CODE", "", "ok", "isv.business_limit_control"} {
		err := smserr.FromResponse(code, "", "R")
		if err == nil {
			t.Errorf("FromResponse(%q) = nil, want an *Error", code)
			continue
		}
		e := asError(t, err)
		if string(e.Code) != code || e.RequestID != "R" {
			t.Errorf("FromResponse(%q) = %+v", code, *e)
		}
		if _, ok := smserr.Lookup(code); ok {
			t.Errorf("Lookup(%q) = true", code)
		}
		if _, ok := e.Info(); ok {
			t.Errorf("(*Error).Info() for %q = true", code)
		}
		if _, ok := e.Code.Info(); ok {
			t.Errorf("Code(%q).Info() = true", code)
		}
		if e.Retryable() || smserr.IsRetryable(err) {
			t.Errorf("unknown code %q is retryable", code)
		}
		if e.Solution() != "" || e.ErrorMessage() != "" {
			t.Errorf("unknown code %q: Solution %q, ErrorMessage %q; want empty", code, e.Solution(), e.ErrorMessage())
		}
		if !strings.HasPrefix(e.Error(), "smserr:") {
			t.Errorf("Error() = %q", e.Error())
		}
		for _, s := range sentinels {
			if errors.Is(err, s.err) {
				t.Errorf("unknown code %q matches Err%s", code, s.name)
			}
		}
	}
	if got, want := smserr.FromResponse("", "", "").Error(), "smserr: (no code)"; got != want {
		t.Errorf("Error() of the empty code = %q, want %q", got, want)
	}
	if got, want := smserr.FromResponse("isv.NOT_A_REAL_CODE", "", "R").Error(), "smserr: isv.NOT_A_REAL_CODE (request id R)"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got, want := smserr.FromResponse("isv.NOT_A_REAL_CODE", "new in 2030", "").Error(), "smserr: isv.NOT_A_REAL_CODE: new in 2030"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestIsRetryable(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"plain", errors.New("connection reset"), false},
		{"plain wrapped", fmt.Errorf("send: %w", io.EOF), false},
		{"system error", smserr.FromResponse("isp.SYSTEM_ERROR", "", ""), true},
		{"business limit (per number; back-off does not clear it)", smserr.FromResponse("isv.BUSINESS_LIMIT_CONTROL", "", ""), false},
		{"gateway error", smserr.FromResponse("isp.GATEWAY_ERROR", "", ""), true},
		{"system limit", smserr.FromResponse("isv.SYSTEM_LIMIT_CONTROL", "", ""), true},
		{"sentinel", smserr.ErrSystemError, true},
		{"permission", smserr.FromResponse("isp.RAM_PERMISSION_DENY", "", ""), false},
		{"day limit", smserr.FromResponse("isv.DAY_LIMIT_CONTROL", "", ""), false},
		{"phone", smserr.FromResponse("isv.PHONE_NUMBER_ILLEGAL", "", ""), false},
		{"unknown", smserr.FromResponse("isv.NOT_A_REAL_CODE", "", ""), false},
		{"wrapped retryable", fmt.Errorf("b: %w", fmt.Errorf("a: %w", smserr.FromResponse("isp.SYSTEM_ERROR", "", ""))), true},
		{"wrapped not retryable", fmt.Errorf("a: %w", smserr.FromResponse("isv.AMOUNT_NOT_ENOUGH", "", "")), false},
		{"alibaba retryable", &aliServerError{code: "isp.SYSTEM_ERROR"}, true},
		{"alibaba wrapped retryable", fmt.Errorf("a: %w", &aliServerError{code: "isp.GATEWAY_ERROR"}), true},
		{"alibaba not retryable", &aliServerError{code: "SignatureDoesNotMatch"}, false},
		{"smithy retryable", fmt.Errorf("a: %w", &smithyAPIError{code: "isv.SYSTEM_LIMIT_CONTROL"}), true},
		{"smithy unknown", &smithyAPIError{code: "ThrottlingException"}, false},
	}
	for _, c := range cases {
		if got := smserr.IsRetryable(c.err); got != c.want {
			t.Errorf("%s: IsRetryable(%v) = %v, want %v", c.name, c.err, got, c.want)
		}
	}

	for _, info := range all() {
		err := fmt.Errorf("w: %w", smserr.FromResponse(string(info.Code), "", ""))
		if info.Success {
			continue
		}
		if got := smserr.IsRetryable(err); got != info.Retryable {
			t.Errorf("IsRetryable(%s) = %v, want the table's %v", info.Code, got, info.Retryable)
		}
	}
}

func TestLookupAgreesWithAll(t *testing.T) {
	known := map[string]bool{}
	for _, info := range all() {
		if known[string(info.Code)] {
			t.Errorf("All() yields %q twice", info.Code)
		}
		known[string(info.Code)] = true
		got, ok := smserr.Lookup(string(info.Code))
		if !ok || got != info {
			t.Errorf("Lookup(%q) = %+v, %v; want %+v", info.Code, got, ok, info)
		}
		if got, ok := info.Code.Info(); !ok || got != info {
			t.Errorf("Code(%q).Info() = %+v, %v", info.Code, got, ok)
		}
	}

	// Near misses must miss, unless by chance they spell another code.
	check := func(s string) {
		t.Helper()
		info, ok := smserr.Lookup(s)
		if ok != known[s] {
			t.Errorf("Lookup(%q) ok = %v, want %v", s, ok, known[s])
		}
		if ok && string(info.Code) != s {
			t.Errorf("Lookup(%q) gave the row of %q", s, info.Code)
		}
		if !ok && info != (smserr.Info{}) {
			t.Errorf("Lookup(%q) missed but returned %+v", s, info)
		}
	}
	check("")
	check(" ")
	for code := range known {
		check(strings.ToLower(code))
		check(strings.ToUpper(code))
		check(code[:len(code)-1])
		check(code[1:])
		check(code + "x")
		check(code + " ")
		check(" " + code)
		check(code + "\x00")
		for i := range len(code) {
			b := []byte(code)
			b[i] ^= 0x20 // flips the case of letters; changes every other byte too
			check(string(b))
			b[i] ^= 0x20
			b[i]++
			check(string(b))
		}
	}
}

var (
	sinkInfo smserr.Info
	sinkOK   bool
	sinkErr  error
)

func TestAllocations(t *testing.T) {
	known, unknown := "isv.BUSINESS_LIMIT_CONTROL", "isv.NOT_A_REAL_CODE"
	for _, code := range []string{known, unknown, ""} {
		if n := testing.AllocsPerRun(100, func() { sinkInfo, sinkOK = smserr.Lookup(code) }); n != 0 {
			t.Errorf("Lookup(%q) allocates %v times, want 0", code, n)
		}
	}
	if n := testing.AllocsPerRun(100, func() { sinkErr = smserr.FromResponse(known, "msg", "req") }); n != 1 {
		t.Errorf("FromResponse(%q) allocates %v times, want 1", known, n)
	}
	if n := testing.AllocsPerRun(100, func() { sinkErr = smserr.FromResponse(unknown, "msg", "req") }); n != 1 {
		t.Errorf("FromResponse(%q) allocates %v times, want 1", unknown, n)
	}
	if n := testing.AllocsPerRun(100, func() { sinkErr = smserr.FromResponse("OK", "OK", "req") }); n != 0 {
		t.Errorf("FromResponse(OK) allocates %v times, want 0", n)
	}
}

func TestCode(t *testing.T) {
	c := smserr.CodeBusinessLimitControl
	if got := c.String(); got != "isv.BUSINESS_LIMIT_CONTROL" {
		t.Errorf("String() = %q", got)
	}
	if got := fmt.Sprint(c); got != "isv.BUSINESS_LIMIT_CONTROL" {
		t.Errorf("fmt.Sprint = %q", got)
	}
	info, ok := c.Info()
	if !ok || info.Code != c || info.Name != "BusinessLimitControl" || info.Retryable ||
		info.Fault != smserr.FaultClient || info.Category != smserr.CategoryThrottling ||
		info.Message != "Delivery frequency exceeds limit" {
		t.Errorf("Info() = %+v, %v", info, ok)
	}
	info, ok = smserr.CodeOK.Info()
	if !ok || !info.Success || info.Retryable || info.Fault != "" || info.Message != "Accepted" {
		t.Errorf("CodeOK.Info() = %+v, %v", info, ok)
	}
}

func TestErrorMethods(t *testing.T) {
	e := asError(t, smserr.FromResponse("isp.SYSTEM_ERROR", "backend busy", "R7"))
	info, ok := e.Info()
	if !ok || info.Code != smserr.CodeSystemError || info.Fault != smserr.FaultServer || info.Category != smserr.CategoryInternal {
		t.Errorf("Info() = %+v, %v", info, ok)
	}
	if !e.Retryable() {
		t.Error("Retryable() = false for isp.SYSTEM_ERROR")
	}
	if got, want := e.Solution(), "Pease retry again, if same error, please create Ticket to seek help."; got != want {
		t.Errorf("Solution() = %q, want %q", got, want)
	}
	if e.ErrorCode() != "isp.SYSTEM_ERROR" || e.ErrorMessage() != "backend busy" {
		t.Errorf("ErrorCode, ErrorMessage = %q, %q", e.ErrorCode(), e.ErrorMessage())
	}
	if e.Unwrap() != nil {
		t.Errorf("Unwrap() = %v, want nil for an error made from a reply body", e.Unwrap())
	}

	e = asError(t, smserr.FromResponse("isv.AMOUNT_NOT_ENOUGH", "", ""))
	if e.Retryable() {
		t.Error("Retryable() = true for isv.AMOUNT_NOT_ENOUGH")
	}
	if got := e.Solution(); got != "The account balance is insufficient." {
		t.Errorf("Solution() = %q", got)
	}

	// The methods every Error method set is read through by SDK-agnostic
	// code: ours satisfies the interfaces of Alibaba's and smithy's errors.
	var _ interface {
		error
		ErrorCode() string
		ErrorMessage() string
	} = e
	var _ slog.LogValuer = e

	for _, info := range all() {
		if info.Success {
			continue
		}
		e := asError(t, smserr.FromResponse(string(info.Code), "m", ""))
		if e.Solution() != info.Solution || e.Retryable() != info.Retryable || e.ErrorCode() != string(info.Code) {
			t.Errorf("%s: methods disagree with the table", info.Code)
		}
		if got, ok := e.Info(); !ok || got != info {
			t.Errorf("%s: Info() = %+v, %v", info.Code, got, ok)
		}
	}
}

// logged logs err through a JSON handler and returns the "err" group.
func logged(t *testing.T, err error) map[string]any {
	t.Helper()
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, nil))
	logger.Error("send failed", "err", err)
	var line map[string]any
	if err := json.Unmarshal(buf.Bytes(), &line); err != nil {
		t.Fatalf("log line %q: %v", buf.String(), err)
	}
	group, ok := line["err"].(map[string]any)
	if !ok {
		t.Fatalf("err is logged as %#v, want a group; line %s", line["err"], buf.String())
	}
	return group
}

func TestLogValue(t *testing.T) {
	got := logged(t, smserr.FromResponse("isv.BUSINESS_LIMIT_CONTROL", "minute limit", "R-LOG"))
	want := map[string]any{
		"code":       "isv.BUSINESS_LIMIT_CONTROL",
		"message":    "minute limit",
		"request_id": "R-LOG",
		"retryable":  false,
		"fault":      "client",
		"category":   "throttling",
	}
	if !maps.Equal(got, want) {
		t.Errorf("logged %v\nwant      %v", got, want)
	}

	got = logged(t, smserr.FromResponse("isp.RAM_PERMISSION_DENY", "", ""))
	want = map[string]any{
		"code":      "isp.RAM_PERMISSION_DENY",
		"message":   "RAM permission denied.",
		"retryable": false,
		"fault":     "client",
		"category":  "auth",
	}
	if !maps.Equal(got, want) {
		t.Errorf("logged %v\nwant      %v", got, want)
	}

	got = logged(t, smserr.FromResponse("isv.NOT_A_REAL_CODE", "?", "R"))
	want = map[string]any{
		"code":       "isv.NOT_A_REAL_CODE",
		"message":    "?",
		"request_id": "R",
		"retryable":  false,
	}
	if !maps.Equal(got, want) {
		t.Errorf("logged %v\nwant      %v", got, want)
	}
}

func TestAllStopsEarly(t *testing.T) {
	n := 0
	for range smserr.All() {
		n++
		if n == 3 {
			break
		}
	}
	if n != 3 {
		t.Errorf("loop ran %d times, want 3", n)
	}

	// Called directly, the iterator must stop when yield returns false; a
	// range loop would panic instead of counting.
	calls := 0
	smserr.All()(func(smserr.Info) bool {
		calls++
		return false
	})
	if calls != 1 {
		t.Errorf("All() called yield %d times after it returned false, want 1", calls)
	}

	// Each call starts again from the first row.
	first := all()[0]
	for info := range smserr.All() {
		if info != first {
			t.Errorf("second iteration starts at %q, want %q", info.Code, first.Code)
		}
		break
	}
}

func TestAllReturnsCopies(t *testing.T) {
	for info := range smserr.All() {
		info.Message = "changed"
		info.Retryable = !info.Retryable
	}
	info, _ := smserr.Lookup("isp.GATEWAY_ERROR")
	info.Retryable = false
	if !smserr.IsRetryable(smserr.ErrGatewayError) {
		t.Error("changing an Info changed the table")
	}
	if info, _ := smserr.Lookup("OK"); info.Message != "Accepted" {
		t.Errorf("changing an Info changed the table: %+v", info)
	}
}

func TestFaults(t *testing.T) {
	for _, info := range all() {
		switch {
		case info.Success && info.Fault != "":
			t.Errorf("%s: success code with Fault %q", info.Code, info.Fault)
		case info.Success && info.Retryable:
			t.Errorf("%s: success code marked retryable", info.Code)
		case !info.Success && info.Fault != smserr.FaultClient && info.Fault != smserr.FaultServer:
			t.Errorf("%s: Fault = %q, want client or server", info.Code, info.Fault)
		}
	}
}

// TestNilError checks that a nil *Error in a chain, as a careless caller
// may return, carries no code and panics nothing.
func TestNilError(t *testing.T) {
	var e *smserr.Error
	for _, err := range []error{e, fmt.Errorf("wrapped: %w", e)} {
		if got, ok := smserr.FromError(err); ok || got != nil {
			t.Errorf("FromError(%#v) = %v, %v; want nil, false", err, got, ok)
		}
		if smserr.IsRetryable(err) {
			t.Errorf("IsRetryable(%#v) = true", err)
		}
	}
}

// darabonbaError is shaped like the Alibaba Cloud Tea (Darabonba) SDK's
// errors, whose message comes from ErrorMessage() *string.
type darabonbaError struct{ code, message *string }

func (e *darabonbaError) Error() string         { return "SDKError" }
func (e *darabonbaError) GetCode() *string      { return e.code }
func (e *darabonbaError) ErrorMessage() *string { return e.message }

func TestFromErrorDarabonba(t *testing.T) {
	e, ok := smserr.FromError(&darabonbaError{ptr("isp.SYSTEM_ERROR"), ptr("busy, try later")})
	if !ok || e.Code != smserr.CodeSystemError || e.Message != "busy, try later" {
		t.Errorf("FromError = %+v, %v; want the code and the SDK's message", e, ok)
	}
}
