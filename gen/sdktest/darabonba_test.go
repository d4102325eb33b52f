package sdktest

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/errspec/errspec/gen/smserr"
)

// TestDarabonba drives darabonba-openapi/v2's client, the core of every
// generated alibabacloud-go product client (dysmsapi-20170525's SendSms calls
// CallApi with sendSmsParams), against a server that answers as Alibaba does.
//
// For a 4xx/5xx reply the client builds a *ClientError (4xx), *ServerError
// (5xx) or *ThrottlingError (codes Throttling, Throttling.User,
// Throttling.Api, any status), whose Message is wrapped as
// "code: <status>, <message> request id: <id>", and whose RetryAfter is the
// TimeLeft of the x-ratelimit-user-api / x-ratelimit-user headers, in
// milliseconds. Then, unless DisableSDKError is set, dara.TeaSDKError turns it
// into a *tea.SDKError: the caller gets that, and the RetryAfter is lost.
func TestDarabonba(t *testing.T) {
	type call func(*openapi.Client) error
	viaCallAPI := func(c *openapi.Client) error {
		_, err := c.CallApi(sendSmsParams(), &openapiutil.OpenApiRequest{}, &dara.RuntimeOptions{})
		return err
	}
	// DoRPCRequest is what the generated clients of the tea era called.
	viaRPC := func(c *openapi.Client) error {
		p := sendSmsParams()
		_, err := c.DoRPCRequest(p.Action, p.Version, p.Protocol, p.Method, p.AuthType, p.BodyType, &openapiutil.OpenApiRequest{}, &dara.RuntimeOptions{})
		return err
	}
	throttled := map[string]string{
		"Content-Type":         "application/json;charset=utf-8",
		"x-ratelimit-user-api": "Limit:10,Remain:0,TimeLeft:1200,Reset:1767225600",
		"x-ratelimit-user":     "Limit:100,Remain:40,TimeLeft:300",
	}
	cases := []struct {
		name    string
		call    call
		disable bool // DisableSDKError
		reply   reply
		want    want
		// cause is the type the client hands back; check gets the value.
		causeType string
	}{
		{
			name:  "CallApi system error 500",
			call:  viaCallAPI,
			reply: reply{status: 500, body: alibabaBody(systemError, "The system is busy.", "D-1")},
			want:  want{code: systemError, message: "The system is busy.", reqID: "D-1", status: 500, retryable: true}, causeType: "*tea.SDKError",
		},
		{
			name:  "CallApi unknown code 503",
			call:  viaCallAPI,
			reply: reply{status: 503, body: alibabaBody("ServiceUnavailable", "The request has failed due to a temporary failure of the server.", "D-2")},
			want:  want{code: "ServiceUnavailable", message: "The request has failed due to a temporary failure of the server.", reqID: "D-2", status: 503, retryable: true}, causeType: "*tea.SDKError",
		},
		{
			// Throttled: the client built a ThrottlingError with RetryAfter
			// 1200ms, and TeaSDKError dropped it.
			name:  "CallApi Throttling.User 429",
			call:  viaCallAPI,
			reply: reply{status: 429, header: throttled, body: alibabaBody("Throttling.User", "Request was denied due to user flow control.", "D-3")},
			want:  want{code: "Throttling.User", message: "Request was denied due to user flow control.", reqID: "D-3", status: 429, retryAfter: 0, retryable: true}, causeType: "*tea.SDKError",
		},
		{
			name:  "CallApi unknown code 400",
			call:  viaCallAPI,
			reply: reply{status: 400, body: alibabaBody("InvalidPhoneNumbers.Malformed", "The phone number is malformed.", "D-4")},
			want:  want{code: "InvalidPhoneNumbers.Malformed", message: "The phone number is malformed.", reqID: "D-4", status: 400, retryable: false}, causeType: "*tea.SDKError",
		},
		{
			// A body with a code and nothing else: the client writes
			// "code: 500, <nil> request id: <nil>".
			name:  "CallApi system error 500, no message, no request id",
			call:  viaCallAPI,
			reply: reply{status: 500, body: `{"Code":"isp.SYSTEM_ERROR"}`},
			want:  want{code: systemError, message: "", reqID: "", status: 500, retryable: true}, causeType: "*tea.SDKError",
		},
		{
			name:  "DoRPCRequest system error 500",
			call:  viaRPC,
			reply: reply{status: 500, body: alibabaBody(systemError, "The system is busy.", "D-5")},
			want:  want{code: systemError, message: "The system is busy.", reqID: "D-5", status: 500, retryable: true}, causeType: "*tea.SDKError",
		},
		{
			name:    "DisableSDKError ServerError 500",
			call:    viaCallAPI,
			disable: true,
			reply:   reply{status: 500, body: alibabaBody(systemError, "The system is busy.", "D-6")},
			want:    want{code: systemError, message: "The system is busy.", reqID: "D-6", status: 500, retryable: true}, causeType: "*client.ServerError",
		},
		{
			name:    "DisableSDKError ServerError unknown code 503",
			call:    viaCallAPI,
			disable: true,
			reply:   reply{status: 503, body: alibabaBody(unknownCode, "Try again.", "D-7")},
			want:    want{code: unknownCode, message: "Try again.", reqID: "D-7", status: 503, retryable: true}, causeType: "*client.ServerError",
		},
		{
			name:    "DisableSDKError ClientError unknown code 400",
			call:    viaCallAPI,
			disable: true,
			reply:   reply{status: 400, body: alibabaBody(unknownCode, "Bad request.", "D-8")},
			want:    want{code: unknownCode, message: "Bad request.", reqID: "D-8", status: 400, retryable: false}, causeType: "*client.ClientError",
		},
		{
			name:    "DisableSDKError ClientError system error 400",
			call:    viaCallAPI,
			disable: true,
			reply:   reply{status: 400, body: alibabaBody(systemError, "The system is busy.", "D-9")},
			want:    want{code: systemError, message: "The system is busy.", reqID: "D-9", status: 400, retryable: true}, causeType: "*client.ClientError",
		},
		{
			name:    "DisableSDKError ThrottlingError 429",
			call:    viaCallAPI,
			disable: true,
			reply:   reply{status: 429, header: throttled, body: alibabaBody("Throttling.User", "Request was denied due to user flow control.", "D-10")},
			want:    want{code: "Throttling.User", message: "Request was denied due to user flow control.", reqID: "D-10", status: 429, retryAfter: 1200 * time.Millisecond, retryable: true}, causeType: "*client.ThrottlingError",
		},
		{
			name:    "DisableSDKError ThrottlingError 503 through DoRPCRequest",
			call:    viaRPC,
			disable: true,
			reply:   reply{status: 503, header: throttled, body: alibabaBody("Throttling.Api", "Request was denied due to api flow control.", "D-11")},
			want:    want{code: "Throttling.Api", message: "Request was denied due to api flow control.", reqID: "D-11", status: 503, retryAfter: 1200 * time.Millisecond, retryable: true}, causeType: "*client.ThrottlingError",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv, hits := server(t, tc.reply)
			err := tc.call(darabonbaClient(t, srv.URL, tc.disable))
			if got := fmt.Sprintf("%T", err); got != tc.causeType {
				t.Fatalf("the client returned %s %v, want a %s", got, err, tc.causeType)
			}
			if n := hits.Load(); n != 1 {
				t.Errorf("the server got %d requests, want 1 (no retry without RetryOptions)", n)
			}
			check(t, err, err, tc.want)
		})
	}
}

// TestDarabonbaRequestIDInData pins down where a *tea.SDKError keeps the
// request id: only inside Data, the reply body as JSON (and in the wrapped
// Message); the struct has no RequestId field.
func TestDarabonbaRequestIDInData(t *testing.T) {
	srv, _ := server(t, reply{status: 500, body: alibabaBody(systemError, "The system is busy.", "D-DATA")})
	err := callAPI(t, srv.URL)
	var te *tea.SDKError
	if !errors.As(err, &te) {
		t.Fatalf("got %T, want *tea.SDKError", err)
	}
	var data struct{ RequestId string }
	if te.Data == nil || json.Unmarshal([]byte(*te.Data), &data) != nil || data.RequestId != "D-DATA" {
		t.Errorf("Data = %v, want the reply body with RequestId D-DATA", tea.StringValue(te.Data))
	}
	if got, want := tea.StringValue(te.Message), "code: 500, The system is busy. request id: D-DATA"; got != want {
		t.Errorf("Message = %q, want %q", got, want)
	}
}

// TestDarabonbaGatewayReply records a gap no reader can close: a 5xx reply
// whose body is not JSON (a load balancer's HTML page) reaches the caller as
// the bare *json.SyntaxError of reading it, with no code and no status.
func TestDarabonbaGatewayReply(t *testing.T) {
	srv, _ := server(t, reply{status: 502, header: map[string]string{"Content-Type": "text/html"}, body: "<html><body>502 Bad Gateway</body></html>"})
	err := callAPI(t, srv.URL)
	var syntax *json.SyntaxError
	if !errors.As(err, &syntax) {
		t.Fatalf("got %T %v, want the *json.SyntaxError of reading the body", err, err)
	}
	if e, ok := smserr.FromError(err); ok {
		t.Errorf("FromError = %v, true; want false: the error carries no code", e)
	}
	if smserr.IsRetryable(err) {
		t.Error("IsRetryable = true for an error with no code and no status")
	}
}

// callAPI sends SendSms through CallApi to the server at srvURL.
func callAPI(t *testing.T, srvURL string) error {
	t.Helper()
	_, err := darabonbaClient(t, srvURL, false).CallApi(sendSmsParams(), &openapiutil.OpenApiRequest{}, &dara.RuntimeOptions{})
	return err
}
