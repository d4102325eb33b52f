package smserr_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/errspec/errspec/gen/smserr"
)

// An *Error is a value callers pass around, log and compare: a nil one (a
// typed nil in an error interface, the classic Go trap) and a zero one must
// behave, never panic. Each method and function is called on both.

// catch runs f and reports a panic as a test error.
func catch(t *testing.T, what string, f func()) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s panics: %v", what, r)
		}
	}()
	f()
}

func TestNilAndZeroErrorMethods(t *testing.T) {
	for _, c := range []struct {
		name string
		e    *smserr.Error
	}{{"nil", nil}, {"zero", &smserr.Error{}}} {
		t.Run(c.name, func(t *testing.T) {
			e := c.e
			catch(t, "Error", func() {
				if got := e.Error(); !strings.HasPrefix(got, "smserr: ") {
					t.Errorf("Error() = %q, want it to start with the package name", got)
				}
			})
			catch(t, "Is", func() {
				if e.Is(smserr.ErrSystemError) || e.Is(&smserr.Error{Code: smserr.CodeSystemError}) {
					t.Error("Is matches another code")
				}
			})
			catch(t, "Unwrap", func() {
				if err := e.Unwrap(); err != nil {
					t.Errorf("Unwrap() = %v, want nil", err)
				}
			})
			catch(t, "Info", func() {
				if _, ok := e.Info(); ok {
					t.Error("Info() reports a row for no code")
				}
			})
			catch(t, "Retryable", func() {
				if e.Retryable() {
					t.Error("Retryable() = true for no code")
				}
			})
			catch(t, "RetryableError", func() {
				if e.RetryableError() {
					t.Error("RetryableError() = true for no code")
				}
			})
			catch(t, "Solution", func() { _ = e.Solution() })
			catch(t, "ErrorCode", func() {
				if got := e.ErrorCode(); got != "" {
					t.Errorf("ErrorCode() = %q, want empty", got)
				}
			})
			catch(t, "ErrorMessage", func() { _ = e.ErrorMessage() })
			catch(t, "LogValue", func() {
				var buf bytes.Buffer
				slog.New(slog.NewTextHandler(&buf, nil)).Error("send", "err", e)
				if strings.Contains(buf.String(), "PANIC") || strings.Contains(buf.String(), "panic") {
					t.Errorf("slog printed a panic: %s", buf.String())
				}
				_ = e.LogValue().Resolve()
			})
		})
	}
}

func TestNilErrorInChains(t *testing.T) {
	var e *smserr.Error
	chains := map[string]error{
		"bare":    e,
		"wrapped": fmt.Errorf("send: %w", e),
		"joined":  errors.Join(errors.New("other"), e),
		"deep":    fmt.Errorf("outer: %w", errors.Join(fmt.Errorf("inner: %w", e))),
	}
	for name, err := range chains {
		t.Run(name, func(t *testing.T) {
			catch(t, "errors.Is sentinel", func() {
				if errors.Is(err, smserr.ErrSystemError) {
					t.Error("a nil *Error matches a sentinel")
				}
			})
			catch(t, "errors.Is *Error", func() {
				if errors.Is(err, &smserr.Error{Code: smserr.CodeSystemError}) {
					t.Error("a nil *Error matches an *Error")
				}
			})
			catch(t, "errors.As", func() {
				var target *smserr.Error
				_ = errors.As(err, &target)
			})
			catch(t, "Error()", func() { _ = err.Error() })
			catch(t, "FromError", func() {
				if got, ok := smserr.FromError(err); ok || got != nil {
					t.Errorf("FromError = %v, %v; want nil, false", got, ok)
				}
			})
			catch(t, "IsRetryable", func() {
				if smserr.IsRetryable(err) {
					t.Error("IsRetryable = true")
				}
			})
		})
	}
}

// TestErrorTextCannotForgeLines: a message or request id from the server
// reaches logs through Error(); line breaks and other control characters in
// it come out escaped, so server text cannot start a log line of its own.
func TestErrorTextCannotForgeLines(t *testing.T) {
	e := &smserr.Error{
		Code:      smserr.CodeSystemError,
		Message:   "busy\nlevel=INFO msg=\"payment accepted\"\r\x1b[2J\u2028",
		RequestID: "req-1\ninjected",
	}
	got := e.Error()
	if strings.ContainsAny(got, "\n\r\x1b\u2028") {
		t.Fatalf("Error() = %q holds a raw control character", got)
	}
	for _, want := range []string{`busy\n`, `\r`, `\x1b`, `req-1\ninjected`} {
		if !strings.Contains(got, want) {
			t.Errorf("Error() = %q, want %s escaped in it", got, want)
		}
	}
	if n := strings.Count(got, "req-1"); n != 1 {
		t.Errorf("Error() = %q names the request id %d times, want once", got, n)
	}
}
