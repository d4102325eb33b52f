package sdktest

import (
	"errors"
	"fmt"
	"testing"

	tccommon "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tcerrors "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"
)

// TestTencentCloudSDKError covers the Tencent Cloud SDK's
// *errors.TencentCloudSDKError: exported fields Code, Message, RequestId
// (strings) and GetCode(), GetMessage(), GetRequestId(). It carries no HTTP
// status: Tencent Cloud API 3.0 answers errors in HTTP 200 replies, and the
// client reads the error out of any reply's body whatever its status. So
// HTTPStatus is 0 and an unknown code is not retryable by status, even from
// a 503 reply.
func TestTencentCloudSDKError(t *testing.T) {
	const body = `{"Response":{"Error":{"Code":"%s","Message":"%s"},"RequestId":"%s"}}`
	cases := []struct {
		name   string
		status int
		want   want
	}{
		{"system error", 200, want{code: systemError, message: "The backend failed.", reqID: "TC-1", retryable: true}},
		{"unknown code", 200, want{code: "FailedOperation.TemplateIncorrectOrUnapproved", message: "The template is not approved.", reqID: "TC-2", retryable: false}},
		// The status of the reply is lost: the error is the same as from a 200.
		{"unknown code in a 503 reply", 503, want{code: "InternalError.BackendTimeout", message: "Backend timed out.", reqID: "TC-3", retryable: false}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := tc.want
			t.Run("NewTencentCloudSDKError", func(t *testing.T) {
				err := tcerrors.NewTencentCloudSDKError(w.code, w.message, w.reqID)
				check(t, err, err, w)
			})
			t.Run("CommonClient.Send", func(t *testing.T) {
				srv, _ := server(t, reply{
					status: tc.status,
					header: map[string]string{"Content-Type": "application/json"},
					body:   fmt.Sprintf(body, w.code, w.message, w.reqID),
				})
				cpf := profile.NewClientProfile()
				cpf.HttpProfile.Endpoint = host(srv)
				cpf.HttpProfile.Scheme = "HTTP"
				client := tccommon.NewCommonClient(tccommon.NewCredential("test-secret-id", "test-secret-key"), "ap-guangzhou", cpf)
				req := tchttp.NewCommonRequest("sms", "2021-01-11", "SendSms")
				if err := req.SetActionParameters(map[string]interface{}{"PhoneNumberSet": []string{"+8613800000000"}}); err != nil {
					t.Fatal(err)
				}
				err := client.Send(req, tchttp.NewCommonResponse())
				var te *tcerrors.TencentCloudSDKError
				if !errors.As(err, &te) || err != error(te) {
					t.Fatalf("Send returned %T %v, want a bare *TencentCloudSDKError", err, err)
				}
				check(t, err, te, w)
			})
		})
	}
}
