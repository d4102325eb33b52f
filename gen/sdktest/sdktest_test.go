// Package sdktest proves that smserr understands the errors the real SDKs
// return: each test builds an SDK's error value with the SDK's own code (its
// constructor, or its client driven against an httptest server that answers as
// the vendor does), never a look-alike, and checks what smserr.FromError,
// smserr.IsRetryable and (*smserr.Error).RetryableError make of it.
//
// It is a module of its own so that errspec's go.mod names no SDK: run it with
// `cd gen/sdktest && go test ./...`. Nothing here reaches the network.
package sdktest

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/errspec/errspec/gen/smserr"
)

// Codes the tests send. systemError is in smserr's table and retryable there;
// unknownCode is in no table, so only the HTTP status can make it retryable.
const (
	systemError = string(smserr.CodeSystemError)
	unknownCode = "SomeVendor.UnlistedFailure"
)

// want is what FromError must find in an SDK error.
type want struct {
	code    string
	message string // the server's words, without the SDK's wrapping
	reqID   string
	// status is the HTTP status the reply came with, 0 when the SDK error
	// does not carry one. noStatus skips the check (see its uses).
	status     int
	noStatus   bool
	retryAfter time.Duration
	// retryable is IsRetryable's answer: the table's for a code it lists;
	// for any other code, whether the status is 429 or 5xx.
	retryable bool
}

// check asserts the contract for err, the error a caller of the SDK receives,
// and for err wrapped the ways callers wrap errors. cause is the SDK error
// that carries the code: FromError's Cause must be that very value.
func check(t *testing.T, err, cause error, w want) {
	t.Helper()
	if err == nil {
		t.Fatal("the SDK returned no error")
	}
	for _, c := range []struct {
		name string
		err  error
	}{
		{"as returned", err},
		{"fmt.Errorf %w", fmt.Errorf("send sms: %w", err)},
		{"fmt.Errorf %w twice", fmt.Errorf("notify: %w", fmt.Errorf("send sms: %w", err))},
		{"errors.Join", errors.Join(errors.New("audit log: disk full"), err)},
		{"fmt.Errorf of errors.Join", fmt.Errorf("batch: %w", errors.Join(err, io.EOF))},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Helper()
			e, ok := smserr.FromError(c.err)
			if !ok || e == nil {
				t.Fatalf("FromError(%T) = %v, %v; want the code %q\nchain:\n%s", c.err, e, ok, w.code, chain(c.err))
			}
			if string(e.Code) != w.code {
				t.Errorf("Code = %q, want %q", e.Code, w.code)
			}
			if e.Message != w.message {
				t.Errorf("Message = %q, want %q (the server's message, unwrapped)", e.Message, w.message)
			}
			if e.RequestID != w.reqID {
				t.Errorf("RequestID = %q, want %q", e.RequestID, w.reqID)
			}
			if !w.noStatus && e.HTTPStatus != w.status {
				t.Errorf("HTTPStatus = %d, want %d", e.HTTPStatus, w.status)
			}
			if e.RetryAfter != w.retryAfter {
				t.Errorf("RetryAfter = %v, want %v", e.RetryAfter, w.retryAfter)
			}
			if e.Cause != cause {
				t.Errorf("Cause = %T %p, want the SDK error %T %p", e.Cause, e.Cause, cause, cause)
			}
			if got := smserr.IsRetryable(c.err); got != w.retryable {
				t.Errorf("IsRetryable = %v, want %v (code %q, status %d)", got, w.retryable, w.code, w.status)
			}
			isSystem := w.code == systemError
			if got := errors.Is(e, smserr.ErrSystemError); got != isSystem {
				t.Errorf("errors.Is(e, ErrSystemError) = %v, want %v", got, isSystem)
			}
			if info, known := smserr.Lookup(w.code); known {
				if got := e.RetryableError(); got != info.Retryable {
					t.Errorf("RetryableError() = %v, want the table's %v", got, info.Retryable)
				}
			}
			if w.reqID != "" {
				if n := strings.Count(e.Error(), w.reqID); n != 1 {
					t.Errorf("Error() = %q names the request id %d times, want once", e.Error(), n)
				}
			}
		})
	}
}

// chain lists the types in err's tree, one a line, for failure messages.
func chain(err error) string {
	var b strings.Builder
	var walk func(error, int)
	walk = func(err error, depth int) {
		if err == nil {
			return
		}
		fmt.Fprintf(&b, "%s%T\n", strings.Repeat("  ", depth), err)
		switch u := err.(type) {
		case interface{ Unwrap() error }:
			walk(u.Unwrap(), depth+1)
		case interface{ Unwrap() []error }:
			for _, e := range u.Unwrap() {
				walk(e, depth+1)
			}
		}
	}
	walk(err, 0)
	return b.String()
}

// reply is a canned HTTP answer.
type reply struct {
	status int
	header map[string]string
	body   string
}

// server starts an httptest server that gives every request r, and counts
// the requests it gets.
func server(t *testing.T, r reply) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		hits.Add(1)
		for k, v := range r.header {
			w.Header().Set(k, v)
		}
		w.WriteHeader(r.status)
		io.WriteString(w, r.body)
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

// host returns the host:port of an httptest server.
func host(srv *httptest.Server) string {
	return strings.TrimPrefix(srv.URL, "http://")
}

// alibabaBody is an error body as Alibaba Cloud's RPC APIs send it.
func alibabaBody(code, message, requestID string) string {
	return fmt.Sprintf(`{"RequestId":%q,"HostId":"dysmsapi.aliyuncs.com","Code":%q,"Message":%q,`+
		`"Recommend":"https://api.aliyun.com/troubleshoot?q=%s&product=Dysmsapi"}`,
		requestID, code, message, code)
}
