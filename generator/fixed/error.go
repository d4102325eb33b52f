package fixed

import (
	"log/slog"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Error is an error returned by a call to $service: its code, and what the
// server said about it. Get one from [FromResponse] or [FromError]; match
// it with [errors.Is] against a sentinel such as [$Err], or read the
// table's row with [Error.Info].
//
// Every method is safe to call on a nil *Error.
type Error struct {
	// Code is the wire code, as the server sent it.
	Code Code
	// Message is what the server said; empty means the table's message.
	Message string
	// RequestID identifies the call, for the vendor's support.
	RequestID string
	// HTTPStatus is the HTTP status the reply came with; 0 when unknown.
	HTTPStatus int
	// RetryAfter is how long the server asked the caller to wait before
	// trying again; 0 when it gave no hint.
	RetryAfter time.Duration
	// Cause is the SDK error this error was made from, if any.
	Cause error
}

// Error returns "$pkg: CODE", then the message and the request id when
// known. Text from the server is escaped (a line break reads \n), so that
// it cannot forge log lines.
func (e *Error) Error() string {
	if e == nil {
		return packageName + ": <nil>"
	}
	code := escapeText(string(e.Code))
	if code == "" {
		code = "(no code)"
	}
	s := packageName + ": " + code
	if msg := e.ErrorMessage(); msg != "" && msg != string(e.Code) {
		s += ": " + escapeText(msg)
	}
	if e.RequestID != "" {
		s += " (request id " + escapeText(e.RequestID) + ")"
	}
	return s
}

// escapeText returns s with control characters, invalid UTF-8 and other
// unprintable runes spelled as Go escapes, and s itself when it has none.
func escapeText(s string) string {
	for _, r := range s {
		if r == utf8.RuneError || !strconv.IsPrint(r) {
			q := strconv.Quote(s)
			return q[1 : len(q)-1]
		}
	}
	return s
}

// Is reports whether target is the sentinel of the error's code or of a
// family the code belongs to, or an *Error with the same code, so that
// errors.Is(err, $Err) works however err is wrapped. A code and its
// aliases are the same code.
func (e *Error) Is(target error) bool {
	if e == nil {
		return false
	}
	switch t := target.(type) {
	case sentinel:
		return sentinelMatches(string(e.Code), Code(t))
	case *Error:
		return t != nil && canonicalCode(string(t.Code)) == canonicalCode(string(e.Code))
	}
	return false
}

// Unwrap returns the SDK error this error was made from, if any.
func (e *Error) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Cause
}

// Info returns the table's row for the error's code, and false for a code
// the table does not list. For a code the table does not list that belongs
// to one of its code families, the Info holds the code and the family's
// classification (Retryable, Fault, Category).
func (e *Error) Info() (Info, bool) {
	if e == nil {
		return Info{}, false
	}
	if info, ok := Lookup(string(e.Code)); ok {
		return info, true
	}
	info := Info{Code: e.Code}
	if f := codeFamilyOf(string(e.Code)); f != nil {
		info.Retryable, info.Fault, info.Category = f.retryable, f.fault, f.category
	}
	return info, false
}

// Retryable reports whether the table marks the code retryable: the same
// call may succeed after a back-off. A code the table does not list takes
// its family's answer, and is not retryable when it has no family.
func (e *Error) Retryable() bool {
	info, _ := e.Info()
	return info.Retryable
}

// RetryableError reports whether the call may succeed when made again
// after a back-off: for a code the table or one of its families knows,
// what [Error.Retryable] says; for any other code, whether the reply said
// the server throttled the call or failed (HTTPStatus 429, or 500 and up)
// or asked to be called again later (RetryAfter). It is the method
// retryers look for on an error (a RetryableError() bool method), so
// that they follow the table; [IsRetryable] asks it too.
func (e *Error) RetryableError() bool {
	if e == nil {
		return false
	}
	if info, known := e.Info(); known || codeFamilyOf(string(e.Code)) != nil {
		return info.Retryable
	}
	return e.HTTPStatus == 429 || e.HTTPStatus >= 500 || e.RetryAfter > 0
}

// Solution returns the vendor's cause and solution for the code, or "" for
// a code the table does not list.
func (e *Error) Solution() string {
	info, _ := e.Info()
	return info.Solution
}

// ErrorCode returns the wire code.
func (e *Error) ErrorCode() string {
	if e == nil {
		return ""
	}
	return string(e.Code)
}

// ErrorMessage returns the server's message, or the table's when the server
// sent none.
func (e *Error) ErrorMessage() string {
	if e == nil {
		return ""
	}
	if e.Message != "" {
		return e.Message
	}
	info, _ := e.Info()
	return info.Message
}

// LogValue makes the error log as a group of its code, message, request
// id, HTTP status, retry hint and classification with log/slog.
func (e *Error) LogValue() slog.Value {
	if e == nil {
		return slog.StringValue("<nil>")
	}
	info, _ := e.Info()
	attrs := []slog.Attr{slog.String("code", string(e.Code)), slog.String("message", e.ErrorMessage())}
	if e.RequestID != "" {
		attrs = append(attrs, slog.String("request_id", e.RequestID))
	}
	if e.HTTPStatus != 0 {
		attrs = append(attrs, slog.Int("http_status", e.HTTPStatus))
	}
	if e.RetryAfter != 0 {
		attrs = append(attrs, slog.Duration("retry_after", e.RetryAfter))
	}
	attrs = append(attrs, slog.Bool("retryable", info.Retryable))
	if info.Fault != "" {
		attrs = append(attrs, slog.String("fault", string(info.Fault)))
	}
	if info.Category != "" {
		attrs = append(attrs, slog.String("category", string(info.Category)))
	}
	return slog.GroupValue(attrs...)
}

// sentinel is the type of the sentinel errors: the code they match, or the
// prefix of the family they match when the table does not list the
// family's parent code.
type sentinel Code

// Error returns the text of an *Error with the sentinel's code, or, for a
// family's sentinel, the family's prefix followed by "*".
func (s sentinel) Error() string {
	if codeIndex(string(s)) < 0 {
		for i := range codeFamilies {
			if codeFamilies[i].key == Code(s) {
				return packageName + ": " + escapeText(codeFamilies[i].prefix) + "*"
			}
		}
	}
	return (&Error{Code: Code(s)}).Error()
}

// canonicalCode returns the code the table lists for code, which differs from
// code for an alias, and code itself for codes the table does not list.
func canonicalCode(code string) Code {
	if i := codeIndex(code); i >= 0 {
		return codeTable[i].Code
	}
	return Code(code)
}

// sentinelMatches reports whether an error with the code code matches the
// sentinel of key: key is its code (or the code it is an alias of), or the
// key of a family it belongs to.
func sentinelMatches(code string, key Code) bool {
	if canonicalCode(code) == key {
		return true
	}
	for i := range codeFamilies {
		if f := &codeFamilies[i]; f.key == key && strings.HasPrefix(code, f.prefix) {
			return true
		}
	}
	return false
}

// codeFamily is a code family: the codes that start with prefix, listed in
// the table or not.
type codeFamily struct {
	prefix string
	// key is what the family's sentinel holds: the family's parent code
	// when the table lists it, and the prefix otherwise.
	key       Code
	retryable bool
	fault     Fault
	category  Category
}

// codeFamilyOf returns the family of a code: the one with the longest prefix
// of the code, or nil. codeFamilies lists longer prefixes first.
func codeFamilyOf(code string) *codeFamily {
	for i := range codeFamilies {
		if strings.HasPrefix(code, codeFamilies[i].prefix) {
			return &codeFamilies[i]
		}
	}
	return nil
}
