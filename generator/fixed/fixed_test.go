package fixed

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"
)

// These tests run the fixed code against table.go, the table the generator
// emits for testdata/table.yaml. Behaviour tests of whole generated
// packages, as callers use them, live beside gen/smserr and in the
// generator's golden and lookup tests.

func TestLookupEveryCode(t *testing.T) {
	for i, row := range codeTable[:codeRows] {
		if got := codeIndex(string(row.Code)); got != i {
			t.Errorf("codeIndex(%q) = %d, want %d", row.Code, got, i)
		}
		info, ok := Lookup(string(row.Code))
		if !ok || info != row {
			t.Errorf("Lookup(%q) = %+v, %v", row.Code, info, ok)
		}
		for _, miss := range []string{"", string(row.Code) + "x", "x" + string(row.Code), string(row.Code)[1:], strings.ToLower(string(row.Code))} {
			if miss == string(row.Code) {
				continue
			}
			if info, ok := Lookup(miss); ok || info != (Info{}) {
				t.Errorf("Lookup(%q) = %+v, %v; want the zero Info, false", miss, info, ok)
			}
		}
	}
	n := 0
	for info := range All() {
		if info != codeTable[n] {
			t.Errorf("All()[%d] = %+v, want %+v", n, info, codeTable[n])
		}
		n++
	}
	if n != codeRows {
		t.Errorf("All() yields %d rows, want %d", n, codeRows)
	}
}

func TestErrorText(t *testing.T) {
	for _, c := range []struct {
		e    *Error
		want string
	}{
		{nil, "fixed: <nil>"},
		{&Error{}, "fixed: (no code)"},
		{&Error{Code: CodeThrottlingUser}, "fixed: Throttling.User: Too many requests"},
		{&Error{Code: CodeThrottlingUser, Message: "slow down", RequestID: "r-1"}, "fixed: Throttling.User: slow down (request id r-1)"},
		{&Error{Code: "Unknown"}, "fixed: Unknown"},
		{&Error{Code: "Unknown", Message: "Unknown"}, "fixed: Unknown"},
		{&Error{Code: "A\nB", Message: "line\nbreak\x00", RequestID: "r\r"}, `fixed: A\nB: line\nbreak\x00 (request id r\r)`},
		{&Error{Code: "A", Message: `"quoted" text é`}, `fixed: A: "quoted" text é`},
	} {
		if got := c.e.Error(); got != c.want {
			t.Errorf("%#v.Error() = %q, want %q", c.e, got, c.want)
		}
	}
}

func TestIs(t *testing.T) {
	e := &Error{Code: CodeInternalError}
	if !errors.Is(fmt.Errorf("call: %w", e), ErrInternalError) {
		t.Error("a wrapped *Error does not match its sentinel")
	}
	if errors.Is(e, ErrInvalidParameter) {
		t.Error("an *Error matches another code's sentinel")
	}
	if !errors.Is(e, &Error{Code: CodeInternalError, Message: "other"}) || errors.Is(e, &Error{Code: CodeOK}) {
		t.Error("*Error targets match by code only")
	}
	if errors.Is(e, (*Error)(nil)) {
		t.Error("an *Error matches a nil *Error")
	}
	if got := ErrInternalError.Error(); got != "fixed: InternalError: The service failed" {
		t.Errorf("sentinel text %q", got)
	}
}

func TestClassification(t *testing.T) {
	for _, c := range []struct {
		code      Code
		retryable bool
		fault     Fault
		category  Category
	}{
		{CodeThrottlingUser, true, FaultClient, CategoryThrottling},
		{CodeInternalError, true, FaultServer, ""},
		{CodeInvalidParameter, false, FaultClient, CategoryValidation},
		{"Unknown", false, "", ""},
	} {
		e := &Error{Code: c.code}
		info, _ := e.Info()
		if e.Retryable() != c.retryable || e.RetryableError() != c.retryable || info.Fault != c.fault || info.Category != c.category {
			t.Errorf("%s: retryable %v/%v, fault %q, category %q; want %v, %q, %q",
				c.code, e.Retryable(), e.RetryableError(), info.Fault, info.Category, c.retryable, c.fault, c.category)
		}
	}
}

func TestFromResponse(t *testing.T) {
	if err := FromResponse("OK", "fine", "r"); err != nil {
		t.Errorf("FromResponse(OK) = %v, want nil", err)
	}
	err := FromResponse("InternalError", "", "r-9")
	var e *Error
	if !errors.As(err, &e) || e.Code != CodeInternalError || e.RequestID != "r-9" || e.ErrorMessage() != "The service failed" {
		t.Errorf("FromResponse = %#v", err)
	}
}

// sdkMethods carries its code as methods, as Alibaba Cloud's older SDK and
// Tencent Cloud's do.
type sdkMethods struct{ code, msg, id string }

func (e *sdkMethods) Error() string        { return "sdk: " + e.code }
func (e *sdkMethods) ErrorCode() string    { return e.code }
func (e *sdkMethods) ErrorMessage() string { return e.msg }
func (e *sdkMethods) GetRequestId() string { return e.id }
func (e *sdkMethods) HttpStatus() int      { return 503 }

// sdkFields carries its code in exported pointer fields, as Alibaba Cloud's
// Tea SDK does.
type sdkFields struct {
	Code, Message, Data *string
	StatusCode          *int
	RetryAfter          *int64
}

func (e *sdkFields) Error() string { return "SDKError" }

// wrapper carries the request id and status around an error with a code,
// as aws-sdk-go-v2's ResponseError does.
type wrapper struct{ err error }

func (w wrapper) Error() string            { return "wrapper: " + w.err.Error() }
func (w wrapper) Unwrap() error            { return w.err }
func (w wrapper) ServiceRequestID() string { return "outer-id" }
func (w wrapper) HTTPStatusCode() int      { return 429 }

func ptr[T any](v T) *T { return &v }

func TestFromErrorShapes(t *testing.T) {
	for _, c := range []struct {
		name string
		err  error
		want Error
	}{
		{"methods", &sdkMethods{"InternalError", "busy", "id-1"},
			Error{Code: "InternalError", Message: "busy", RequestID: "id-1", HTTPStatus: 503}},
		{"pointer fields", &sdkFields{Code: ptr("Throttling.User"), Message: ptr("code: 400, slow down request id: id-2"), StatusCode: ptr(400), RetryAfter: ptr(int64(1500))},
			Error{Code: "Throttling.User", Message: "slow down", RequestID: "id-2", HTTPStatus: 400, RetryAfter: 1500 * time.Millisecond}},
		{"no message", &sdkFields{Code: ptr("X"), Message: ptr("code: 500, <nil> request id: <nil>")},
			Error{Code: "X"}},
		{"request id in Data", &sdkFields{Code: ptr("X"), Data: ptr(`{"RequestId":"id-3","Code":"X"}`)},
			Error{Code: "X", RequestID: "id-3"}},
		{"request id and status around it", wrapper{&sdkFields{Code: ptr("X")}},
			Error{Code: "X", RequestID: "outer-id", HTTPStatus: 429}},
		{"sentinel", fmt.Errorf("w: %w", ErrOldCode), Error{Code: CodeOldCode}},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, ok := FromError(c.err)
			if !ok {
				t.Fatal("FromError found no code")
			}
			got := *e
			got.Cause = nil
			if got != c.want {
				t.Errorf("FromError = %+v, want %+v", got, c.want)
			}
		})
	}
}

// TestFromErrorOrder: the first error in the chain that carries a
// non-empty code wins, whatever its shape; errors with an empty code, nil
// pointers and *Errors without a code are passed over.
func TestFromErrorOrder(t *testing.T) {
	own := &Error{Code: CodeInvalidParameter}
	chain := errors.Join(
		&sdkMethods{code: ""},
		(*sdkFields)(nil),
		(*Error)(nil),
		&Error{},
		fmt.Errorf("a: %w", &sdkFields{Code: ptr("InternalError")}),
		own,
	)
	e, ok := FromError(chain)
	if !ok || e.Code != CodeInternalError {
		t.Fatalf("FromError = %+v, %v; want the first code, InternalError", e, ok)
	}
	if e, _ := FromError(fmt.Errorf("b: %w", own)); e != own {
		t.Errorf("FromError does not return the *Error in the chain itself")
	}
	if e, ok := FromError(errors.New("no code")); ok || e != nil {
		t.Errorf("FromError of a plain error = %v, %v", e, ok)
	}
}

func TestIsRetryable(t *testing.T) {
	for _, c := range []struct {
		err  error
		want bool
	}{
		{&Error{Code: CodeInternalError}, true},
		{&Error{Code: CodeInvalidParameter, HTTPStatus: 503}, false}, // the table knows the code
		{&Error{Code: "Unknown", HTTPStatus: 503}, true},
		{&Error{Code: "Unknown", HTTPStatus: 429}, true},
		{&Error{Code: "Unknown", HTTPStatus: 400}, false},
		{&Error{Code: "Unknown"}, false},
		{&Error{Code: "Unknown", HTTPStatus: 400, RetryAfter: time.Second}, true},
		{wrapper{&sdkFields{Code: ptr("Unknown")}}, true},
		{errors.New("connection reset"), false},
		{nil, false},
	} {
		if got := IsRetryable(c.err); got != c.want {
			t.Errorf("IsRetryable(%v) = %v, want %v", c.err, got, c.want)
		}
	}
}

func TestLogValue(t *testing.T) {
	var b strings.Builder
	log := slog.New(slog.NewTextHandler(&b, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}}))
	log.Info("x", "err", &Error{Code: CodeThrottlingUser, RequestID: "r", HTTPStatus: 429, RetryAfter: time.Second})
	want := `level=INFO msg=x err.code=Throttling.User err.message="Too many requests" err.request_id=r err.http_status=429 err.retry_after=1s err.retryable=true err.fault=client err.category=throttling` + "\n"
	if b.String() != want {
		t.Errorf("logged\n%s\nwant\n%s", b.String(), want)
	}
}

func TestTextWithoutLanguages(t *testing.T) {
	info, _ := Lookup("InternalError")
	if _, _, ok := info.Text("en"); ok {
		t.Error("Text reports text in a language the table does not declare")
	}
}
