package sdktest

import (
	"context"
	"fmt"
	"net/url"
	"testing"
	"time"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"
	"github.com/alibabacloud-go/tea/tea"
)

// TestTeaSDKError covers *tea.SDKError built by tea.NewSDKError. It has no
// methods for its code, status or request id: only the exported fields Code,
// StatusCode and Message (all pointers) and Data, the reply body as a JSON
// string, which holds the RequestId. Message is wrapped by the client that
// built it: "code: <status>, <message> request id: <id>".
//
// darabonba-openapi/v2 builds it (through dara.TeaSDKError) for every error
// reply; that path is in TestDarabonba. Here are the shapes the other
// builders give it: the older darabonba-openapi (v0/v1, the one dysmsapi's
// older clients use) passes no statusCode, so the status is unknown.
func TestTeaSDKError(t *testing.T) {
	cases := []struct {
		name string
		obj  map[string]interface{}
		want want
	}{
		{
			name: "as darabonba-openapi v2 converts a ServerError",
			obj: map[string]interface{}{
				"code":        systemError,
				"statusCode":  500,
				"message":     "code: 500, The system is busy. request id: TEA-1",
				"description": "",
				"data":        map[string]interface{}{"Code": systemError, "Message": "The system is busy.", "RequestId": "TEA-1"},
			},
			want: want{code: systemError, message: "The system is busy.", reqID: "TEA-1", status: 500, retryable: true},
		},
		{
			name: "unknown code 503",
			obj: map[string]interface{}{
				"code":       unknownCode,
				"statusCode": 503,
				"message":    "code: 503, Service unavailable. request id: TEA-2",
				"data":       map[string]interface{}{"Code": unknownCode, "Message": "Service unavailable.", "RequestId": "TEA-2"},
			},
			want: want{code: unknownCode, message: "Service unavailable.", reqID: "TEA-2", status: 503, retryable: true},
		},
		{
			name: "unknown code 429",
			obj: map[string]interface{}{
				"code":       unknownCode,
				"statusCode": "429", // NewSDKError takes the status as an int or a string
				"message":    "code: 429, Too many requests. request id: TEA-3",
				"data":       map[string]interface{}{"Code": unknownCode, "Message": "Too many requests.", "RequestId": "TEA-3"},
			},
			want: want{code: unknownCode, message: "Too many requests.", reqID: "TEA-3", status: 429, retryable: true},
		},
		{
			name: "unknown code 400",
			obj: map[string]interface{}{
				"code":       unknownCode,
				"statusCode": 400,
				"message":    "code: 400, Bad request. request id: TEA-4",
				"data":       map[string]interface{}{"Code": unknownCode, "Message": "Bad request.", "RequestId": "TEA-4"},
			},
			want: want{code: unknownCode, message: "Bad request.", reqID: "TEA-4", status: 400, retryable: false},
		},
		{
			name: "as darabonba-openapi v0/v1 builds it: no status",
			obj: map[string]interface{}{
				"code":    systemError,
				"message": "code: 500, The system is busy. request id: TEA-5",
				"data":    map[string]interface{}{"Code": systemError, "Message": "The system is busy.", "RequestId": "TEA-5"},
			},
			want: want{code: systemError, message: "The system is busy.", reqID: "TEA-5", status: 0, retryable: true},
		},
		{
			name: "v0/v1, unknown code: status unknown, not retryable",
			obj: map[string]interface{}{
				"code":    unknownCode,
				"message": "code: 503, Service unavailable. request id: TEA-6",
				"data":    map[string]interface{}{"Code": unknownCode, "Message": "Service unavailable.", "RequestId": "TEA-6"},
			},
			want: want{code: unknownCode, message: "Service unavailable.", reqID: "TEA-6", status: 0, retryable: false},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tea.NewSDKError(tc.obj)
			check(t, err, err, tc.want)
		})
	}
}

// TestDaraSDKError covers *dara.SDKError, the tea module's newer error: the
// fields of tea.SDKError plus GetCode() *string and ErrorMessage() *string.
// darabonba-openapi/v2 builds it in CallSSEApi for an error reply, with the
// reply body and its status in Data; the test drives that path.
//
// Beware: dara.SDKError embeds the interface dara.BaseError and leaves it nil,
// so its promoted GetName() panics; a reader must not call it.
func TestDaraSDKError(t *testing.T) {
	cases := []struct {
		name   string
		status int
		code   string
		want   want
	}{
		{"system error 500", 500, systemError, want{retryable: true}},
		{"unknown code 503", 503, unknownCode, want{retryable: true}},
		{"unknown code 429", 429, unknownCode, want{retryable: true}},
		{"unknown code 400", 400, unknownCode, want{retryable: false}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := tc.want
			w.code, w.message, w.reqID, w.status = tc.code, "Streaming failed.", fmt.Sprintf("DARA-%d", tc.status), tc.status
			srv, _ := server(t, reply{status: tc.status, header: map[string]string{"Content-Type": "application/json"}, body: alibabaBody(w.code, w.message, w.reqID)})
			client := darabonbaClient(t, srv.URL, false)

			events, errs := make(chan *openapi.SSEResponse), make(chan error)
			go client.CallSSEApi(sendSmsParams(), &openapiutil.OpenApiRequest{}, &dara.RuntimeOptions{}, events, errs)
			var err error
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			for errs != nil || events != nil {
				select {
				case e, ok := <-errs:
					if !ok {
						errs = nil
					} else if err == nil {
						err = e
					}
				case _, ok := <-events:
					if !ok {
						events = nil
					}
				case <-ctx.Done():
					t.Fatal("CallSSEApi did not finish")
				}
			}
			de, ok := err.(*dara.SDKError)
			if !ok {
				t.Fatalf("CallSSEApi yielded %T %v, want a *dara.SDKError", err, err)
			}
			check(t, err, de, w)
		})
	}
}

// darabonbaClient returns darabonba-openapi/v2's client, as a generated
// product client such as dysmsapi-20170525's embeds it, aimed at srvURL.
func darabonbaClient(t *testing.T, srvURL string, disableSDKError bool) *openapi.Client {
	t.Helper()
	u, err := url.Parse(srvURL)
	if err != nil {
		t.Fatal(err)
	}
	client, err := openapi.NewClient(&openapiutil.Config{
		AccessKeyId:     dara.String("test-access-key"),
		AccessKeySecret: dara.String("test-secret"),
		RegionId:        dara.String("cn-hangzhou"),
		Endpoint:        dara.String(u.Host),
		Protocol:        dara.String("http"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if disableSDKError {
		client.DisableSDKError = dara.Bool(true)
	}
	return client
}

// sendSmsParams are the parameters dysmsapi-20170525's SendSmsWithContext
// passes to CallApi.
func sendSmsParams() *openapiutil.Params {
	return &openapiutil.Params{
		Action:      dara.String("SendSms"),
		Version:     dara.String("2017-05-25"),
		Protocol:    dara.String("HTTPS"),
		Pathname:    dara.String("/"),
		Method:      dara.String("POST"),
		AuthType:    dara.String("AK"),
		Style:       dara.String("RPC"),
		ReqBodyType: dara.String("formData"),
		BodyType:    dara.String("json"),
	}
}
