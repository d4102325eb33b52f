package sdktest

import (
	"errors"
	"fmt"
	"net"
	"testing"

	aliyunerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/dysmsapi"
	"github.com/errspec/errspec/gen/smserr"
)

// TestAliyunServerError covers the Alibaba Cloud SDK for Go
// (github.com/aliyun/alibaba-cloud-sdk-go): a reply with a non-2xx status
// reaches the caller as a bare *errors.ServerError (no wrapping, no Unwrap),
// which the SDK builds with NewServerError(status, body, "") and which carries
// the code, message, request id and status behind ErrorCode(), Message(),
// RequestId() and HttpStatus().
func TestAliyunServerError(t *testing.T) {
	cases := []struct {
		name   string
		status int
		code   string
		want   want
	}{
		{"system error 500", 500, systemError, want{retryable: true}},
		{"system error 400", 400, systemError, want{retryable: true}},
		{"unknown code 503", 503, unknownCode, want{retryable: true}},
		{"unknown code 429", 429, unknownCode, want{retryable: true}},
		{"unknown code 400", 400, unknownCode, want{retryable: false}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := tc.want
			w.code, w.message, w.reqID, w.status = tc.code, "The server failed: "+tc.name+".", "ALI-"+fmt.Sprint(tc.status), tc.status
			body := alibabaBody(w.code, w.message, w.reqID)

			t.Run("NewServerError", func(t *testing.T) {
				err := aliyunerrors.NewServerError(tc.status, body, "")
				check(t, err, err, w)
			})

			// The generated SendSms of services/dysmsapi, against a server that
			// answers as Alibaba does.
			t.Run("dysmsapi.SendSms", func(t *testing.T) {
				srv, hits := server(t, reply{status: tc.status, header: map[string]string{"Content-Type": "application/json;charset=utf-8"}, body: body})
				client, err := dysmsapi.NewClientWithAccessKey("cn-hangzhou", "test-access-key", "test-secret")
				if err != nil {
					t.Fatal(err)
				}
				req := dysmsapi.CreateSendSmsRequest()
				req.Scheme, req.Domain = "http", host(srv)
				req.PhoneNumbers, req.SignName, req.TemplateCode = "13800000000", "errspec", "SMS_000000"
				_, err = client.SendSms(req)
				var se *aliyunerrors.ServerError
				if !errors.As(err, &se) {
					t.Fatalf("SendSms returned %T %v, want an *errors.ServerError", err, err)
				}
				if err != error(se) {
					t.Errorf("SendSms wrapped its *errors.ServerError in %T", err)
				}
				if n := hits.Load(); n != 1 {
					t.Errorf("the server got %d requests, want 1 (no automatic retry by default)", n)
				}
				check(t, err, se, w)
			})
		})
	}
}

// TestAliyunClientError covers the SDK's *errors.ClientError: what it returns
// when no reply was had (time-outs, bad parameters). Its HttpStatus() is the
// constant 400 (DefaultClientErrorStatus) whatever happened, so it is no
// reply's status: the test leaves HTTPStatus unchecked, and checks that the
// error is not retryable by the table's rules (the code is not in the table,
// and no reply said 429 or 5xx). Note that ClientError hides its origin error
// from errors.Is/As: it has OriginError(), not Unwrap().
func TestAliyunClientError(t *testing.T) {
	origin := &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("i/o timeout")}
	err := aliyunerrors.NewClientError(aliyunerrors.TimeoutErrorCode, "The request timed out 1 times(1 for retry).", origin)
	check(t, err, err, want{
		code:     aliyunerrors.TimeoutErrorCode,
		message:  "The request timed out 1 times(1 for retry).",
		noStatus: true, // HttpStatus() says 400 for every ClientError
	})
	if errors.Is(err, origin) {
		t.Error("ClientError now unwraps to its origin error; update the report and this test")
	}
}

// TestAliyunBusinessError covers what the DESIGN calls the common case: SMS
// business errors come back in an HTTP 200 reply, so the SDK returns no error
// and the code is in the response; FromResponse turns it into an *Error.
func TestAliyunBusinessError(t *testing.T) {
	srv, _ := server(t, reply{status: 200, body: `{"RequestId":"ALI-200","Code":"isv.BUSINESS_LIMIT_CONTROL","Message":"触发分钟级流控Permits:1","BizId":""}`})
	client, err := dysmsapi.NewClientWithAccessKey("cn-hangzhou", "test-access-key", "test-secret")
	if err != nil {
		t.Fatal(err)
	}
	req := dysmsapi.CreateSendSmsRequest()
	req.Scheme, req.Domain = "http", host(srv)
	resp, err := client.SendSms(req)
	if err != nil {
		t.Fatalf("SendSms: %v", err)
	}
	err = smserr.FromResponse(resp.Code, resp.Message, resp.RequestId)
	// A per-number limit: the table does not mark it retryable (see the
	// shipped spec), and the HTTP 200 reply says nothing to the contrary.
	if !errors.Is(err, smserr.ErrBusinessLimitControl) || smserr.IsRetryable(err) {
		t.Errorf("FromResponse(%q, ...) = %v; want ErrBusinessLimitControl, not retryable", resp.Code, err)
	}
	var e *smserr.Error
	if !errors.As(err, &e) || e.Message != "触发分钟级流控Permits:1" || e.RequestID != "ALI-200" {
		t.Errorf("FromResponse gave %#v", err)
	}
}
