package fixed

import (
	"encoding/json"
	"reflect"
	"strings"
	"time"
)

// SDKs expose what a server said in an error of their own type: some
// through methods (ErrorCode, GetCode, GetRequestId, HTTPStatusCode, ...),
// some through exported fields, often pointers (Code *string, StatusCode
// *int). The functions below read each value from whichever the error has,
// methods first. Fields are read with reflect; methods are found by
// interface assertions only, which keeps the linker's dead-code
// elimination working for programs that use this package.

// fromSDK returns an *Error made from an SDK's error that carries a code,
// or nil.
func fromSDK(err error) *Error {
	code := sdkCode(err)
	if code == "" {
		return nil
	}
	message, wrappedID := sdkPeel(sdkMessage(err))
	e := &Error{
		Code:       Code(code),
		Message:    message,
		RequestID:  sdkRequestID(err),
		HTTPStatus: sdkStatus(err),
		RetryAfter: sdkRetryAfter(err),
		Cause:      err,
	}
	if e.RequestID == "" {
		e.RequestID = wrappedID
	}
	return e
}

// fillFromChain gives e the request id and HTTP status that e's own SDK
// error lacks from the other errors of the chain err: an SDK may keep them
// on an error that wraps the one with the code, with the HTTP reply's
// details.
func fillFromChain(e *Error, err error) {
	walkChain(err, func(err error) bool {
		if e.RequestID == "" {
			e.RequestID = sdkRequestID(err)
		}
		if e.HTTPStatus == 0 {
			e.HTTPStatus = sdkStatus(err)
		}
		return e.RequestID == "" || e.HTTPStatus == 0
	})
}

func sdkCode(err error) string {
	if e, ok := err.(interface{ ErrorCode() string }); ok && e.ErrorCode() != "" {
		return e.ErrorCode()
	}
	if e, ok := err.(interface{ GetCode() string }); ok && e.GetCode() != "" {
		return e.GetCode()
	}
	if e, ok := err.(interface{ GetCode() *string }); ok && sdkDeref(e.GetCode()) != "" {
		return sdkDeref(e.GetCode())
	}
	return sdkFieldText(err, "Code")
}

func sdkMessage(err error) string {
	switch e := err.(type) {
	case interface{ ErrorMessage() string }:
		return e.ErrorMessage()
	case interface{ ErrorMessage() *string }:
		return sdkDeref(e.ErrorMessage())
	case interface{ GetMessage() string }:
		return e.GetMessage()
	case interface{ GetMessage() *string }:
		return sdkDeref(e.GetMessage())
	case interface{ Message() string }:
		return e.Message()
	}
	return sdkFieldText(err, "Message")
}

func sdkRequestID(err error) string {
	switch e := err.(type) {
	case interface{ ServiceRequestID() string }:
		return e.ServiceRequestID()
	case interface{ RequestID() string }:
		return e.RequestID()
	case interface{ RequestId() string }:
		return e.RequestId()
	case interface{ GetRequestId() string }:
		return e.GetRequestId()
	case interface{ GetRequestId() *string }:
		return sdkDeref(e.GetRequestId())
	}
	if id := sdkFieldText(err, "RequestID", "RequestId"); id != "" {
		return id
	}
	// Some SDKs keep the reply's fields as JSON in a Data field.
	var data struct{ RequestID string }
	if json.Unmarshal([]byte(sdkFieldText(err, "Data")), &data) == nil {
		return data.RequestID
	}
	return ""
}

func sdkStatus(err error) int {
	switch e := err.(type) {
	case interface{ HTTPStatusCode() int }:
		return e.HTTPStatusCode()
	case interface{ HttpStatus() int }:
		return e.HttpStatus()
	}
	return int(sdkFieldNumber(err, "StatusCode", "HTTPStatus", "HttpStatus", "HTTPStatusCode"))
}

// sdkRetryAfter reads a retry hint: a time.Duration, or a number of
// milliseconds (as SDKs that keep it as an integer give it).
func sdkRetryAfter(err error) time.Duration {
	if e, ok := err.(interface{ RetryAfter() time.Duration }); ok {
		return e.RetryAfter()
	}
	if f := sdkField(err, "RetryAfter"); f.IsValid() && f.Type() == reflect.TypeFor[time.Duration]() {
		return time.Duration(f.Int())
	}
	return time.Duration(sdkFieldNumber(err, "RetryAfter")) * time.Millisecond
}

// sdkPeel removes the wrapping an SDK puts around the server's message,
// "code: 400, <message> request id: <id>", and returns the message and
// the request id it held; "<nil>", as such SDKs print a value the reply
// lacked, is none.
func sdkPeel(msg string) (message, requestID string) {
	if rest, ok := strings.CutPrefix(msg, "code: "); ok {
		if n := strings.Index(rest, ", "); n > 0 && strings.Trim(rest[:n], "0123456789") == "" {
			msg = rest[n+2:]
		}
	}
	if i := strings.LastIndex(msg, " request id: "); i >= 0 {
		msg, requestID = msg[:i], msg[i+len(" request id: "):]
	}
	// The SDK prints a missing value as <nil>.
	if msg == "<nil>" {
		msg = ""
	}
	if requestID == "<nil>" {
		requestID = ""
	}
	return msg, requestID
}

// sdkField returns the exported field of err (a struct, or a pointer to one)
// with the first of the names it has, or the zero Value.
func sdkField(err error, names ...string) reflect.Value {
	v := reflect.ValueOf(err)
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return reflect.Value{}
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return reflect.Value{}
	}
	for _, name := range names {
		if f, ok := v.Type().FieldByName(name); ok && f.IsExported() {
			return v.FieldByIndex(f.Index)
		}
	}
	return reflect.Value{}
}

// sdkFieldText reads a string or *string field.
func sdkFieldText(err error, names ...string) string {
	f := sdkField(err, names...)
	if f.Kind() == reflect.Pointer {
		if f.IsNil() {
			return ""
		}
		f = f.Elem()
	}
	if f.Kind() == reflect.String {
		return f.String()
	}
	return ""
}

// sdkFieldNumber reads an integer or pointer-to-integer field.
func sdkFieldNumber(err error, names ...string) int64 {
	f := sdkField(err, names...)
	if f.Kind() == reflect.Pointer {
		if f.IsNil() {
			return 0
		}
		f = f.Elem()
	}
	switch f.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return f.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return int64(f.Uint())
	}
	return 0
}

// isNilError reports whether err is a nil pointer in an error interface.
func isNilError(err error) bool {
	v := reflect.ValueOf(err)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// sdkDeref returns *s, or "" for nil.
func sdkDeref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
