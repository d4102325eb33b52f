package sdktest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/protocol/restjson"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/errspec/errspec/gen/smserr"
)

// TestSmithyAPIErrorInAWSChain covers an API error as an aws-sdk-go-v2
// operation returns it. The test runs an operation through the SDK's own
// middleware (request id retriever, response error wrapper, retry attempts)
// over HTTP to a server that answers as an awsJson service does; only the
// serializer, the signer and the operation's error deserializer stand in for
// a service module's generated ones, and the deserializer does what the
// generated ones do for a code they have not modelled: return a
// *smithy.GenericAPIError. The caller gets
//
//	*smithy.OperationError
//	  *retry.MaxAttemptsError          (only when the retryer gave up)
//	    *awshttp.ResponseError         ServiceRequestID(), HTTPStatusCode()
//	      (*smithyhttp.ResponseError,  embedded; HTTPStatusCode())
//	        *smithy.GenericAPIError    ErrorCode(), ErrorMessage()
//
// so the code is on one error and the request id and status on another.
func TestSmithyAPIErrorInAWSChain(t *testing.T) {
	cases := []struct {
		name     string
		status   int
		code     string
		attempts int32 // requests the SDK's retryer makes (MaxAttempts 3)
		want     want
	}{
		{"system error 500", 500, systemError, 3, want{retryable: true}},
		{"system error 400", 400, systemError, 1, want{retryable: true}},
		{"unknown code 503", 503, unknownCode, 3, want{retryable: true}},
		{"unknown code 429", 429, unknownCode, 3, want{retryable: true}},
		{"unknown code 400", 400, unknownCode, 1, want{retryable: false}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := tc.want
			w.code, w.message, w.reqID, w.status = tc.code, "The service failed.", fmt.Sprintf("AWS-%d", tc.status), tc.status
			srv, hits := server(t, reply{
				status: tc.status,
				header: map[string]string{
					"Content-Type":     "application/x-amz-json-1.0",
					"X-Amzn-Requestid": w.reqID,
					"X-Amzn-Errortype": w.code + ":http://internal.amazon.com/coral/com.amazonaws.sms/",
				},
				body: fmt.Sprintf(`{"__type":"com.amazonaws.sms#%s","message":%q}`, w.code, w.message),
			})
			err := awsOperation(t, srv.URL, awsJSONErrorDeserializer)
			if n := hits.Load(); n != tc.attempts {
				t.Errorf("the server got %d requests, want %d", n, tc.attempts)
			}
			var op *smithy.OperationError
			var respErr *awshttp.ResponseError
			var api *smithy.GenericAPIError
			if !errors.As(err, &op) || !errors.As(err, &respErr) || !errors.As(err, &api) {
				t.Fatalf("the operation returned\n%s\nwant OperationError > ResponseError > GenericAPIError", chain(err))
			}
			if respErr.ServiceRequestID() != w.reqID || respErr.HTTPStatusCode() != w.status {
				t.Fatalf("ResponseError has request id %q and status %d", respErr.ServiceRequestID(), respErr.HTTPStatusCode())
			}
			check(t, err, api, w)
		})
	}
}

// TestAWSRetryerHonoursRetryableError proves that aws-sdk-go-v2's retryer
// asks *smserr.Error whether to retry, through the RetryableError() bool
// method that its retry.RetryableError checker looks for (the second of
// retry.DefaultRetryables, after NoRetryCanceledError), and that the answer is
// the table's.
func TestAWSRetryerHonoursRetryableError(t *testing.T) {
	systemErr := &smserr.Error{Code: smserr.CodeSystemError, Message: "The system is busy.", RequestID: "R-1"}
	invalidErr := &smserr.Error{Code: smserr.CodeInvalidParameters, RequestID: "R-2"}
	for _, c := range []struct {
		name string
		err  error
		want aws.Ternary
	}{
		{"isp.SYSTEM_ERROR", systemErr, aws.TrueTernary},
		{"isp.SYSTEM_ERROR wrapped", fmt.Errorf("send sms: %w", systemErr), aws.TrueTernary},
		{"isp.SYSTEM_ERROR joined", errors.Join(io.EOF, systemErr), aws.TrueTernary},
		{"isv.INVALID_PARAMETERS", invalidErr, aws.FalseTernary},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := (retry.RetryableError{}).IsErrorRetryable(c.err); got != c.want {
				t.Errorf("retry.RetryableError{}.IsErrorRetryable = %v, want %v", got, c.want)
			}
			if got := retry.IsErrorRetryables(retry.DefaultRetryables).IsErrorRetryable(c.err); got != c.want {
				t.Errorf("retry.DefaultRetryables say %v, want %v", got, c.want)
			}
			if got := retry.NewStandard().IsErrorRetryable(c.err); got != c.want.Bool() {
				t.Errorf("retry.NewStandard().IsErrorRetryable = %v, want %v", got, c.want.Bool())
			}
		})
	}

	// End to end: an operation whose deserializer returns an *smserr.Error
	// (as a client built on smithy-go for an SMS API would) is retried by the
	// SDK's retry middleware for isp.SYSTEM_ERROR, though the reply's status,
	// 400, is not one the retryer retries by itself, and is not retried for
	// isv.INVALID_PARAMETERS.
	for _, c := range []struct {
		code     smserr.Code
		attempts int32
	}{
		{smserr.CodeSystemError, 3},
		{smserr.CodeInvalidParameters, 1},
	} {
		t.Run("retry middleware "+string(c.code), func(t *testing.T) {
			srv, hits := server(t, reply{status: 400, body: alibabaBody(string(c.code), "m", "R-3")})
			err := awsOperation(t, srv.URL, func(resp *smithyhttp.Response) error {
				var body struct{ Code, Message, RequestId string }
				if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
					return err
				}
				return smserr.FromResponse(body.Code, body.Message, body.RequestId)
			})
			if n := hits.Load(); n != c.attempts {
				t.Errorf("the server got %d requests, want %d", n, c.attempts)
			}
			if !errors.Is(err, &smserr.Error{Code: c.code}) {
				t.Errorf("the operation returned %v, want the code %s", err, c.code)
			}
		})
	}
}

// awsOperation runs one operation through aws-sdk-go-v2's middleware, as a
// service client's invokeOperation does, against the server at srvURL, and
// returns the error the caller of the operation gets. decode turns an error
// reply into the operation's error, as a generated deserializer does.
func awsOperation(t *testing.T, srvURL string, decode func(*smithyhttp.Response) error) error {
	t.Helper()
	stack := middleware.NewStack("SendTextMessage", smithyhttp.NewStackRequest)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(stack.Serialize.Add(serializeTo(srvURL), middleware.After))
	must(stack.Finalize.Add(unsigned{}, middleware.After))
	must(stack.Deserialize.Add(deserializeErrors(decode), middleware.After))
	must(awsmiddleware.AddRequestIDRetrieverMiddleware(stack))
	must(awshttp.AddResponseErrorMiddleware(stack))
	// The standard retryer, as a service client's default, but without
	// back-off sleeps so that the test is quick.
	retryer := retry.NewStandard(func(o *retry.StandardOptions) {
		o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
	})
	must(retry.AddRetryMiddlewares(stack, retry.AddRetryMiddlewaresOptions{Retryer: retryer}))

	handler := middleware.DecorateHandler(smithyhttp.NewClientHandlerWithOptions(http.DefaultClient), stack)
	_, _, err := handler.Handle(context.Background(), struct{}{})
	if err != nil {
		err = &smithy.OperationError{ServiceID: "PinpointSMSVoiceV2", OperationName: "SendTextMessage", Err: err}
	}
	return err
}

// serializeTo stands in for an operation serializer: it sends a JSON body to
// u.
type serializeTo string

func (serializeTo) ID() string { return "OperationSerializer" }

func (s serializeTo) HandleSerialize(ctx context.Context, in middleware.SerializeInput, next middleware.SerializeHandler) (middleware.SerializeOutput, middleware.Metadata, error) {
	req := in.Request.(*smithyhttp.Request)
	u, err := url.Parse(string(s))
	if err != nil {
		return middleware.SerializeOutput{}, middleware.Metadata{}, err
	}
	req.URL, req.Method = u, http.MethodPost
	req.Header.Set("Content-Type", "application/x-amz-json-1.0")
	req.Header.Set("X-Amz-Target", "PinpointSMSVoiceV2.SendTextMessage")
	if req, err = req.SetStream(bytes.NewReader([]byte(`{"DestinationPhoneNumber":"+8613800000000"}`))); err != nil {
		return middleware.SerializeOutput{}, middleware.Metadata{}, err
	}
	in.Request = req
	return next.HandleSerialize(ctx, in)
}

// unsigned stands in for the SigV4 signer, which the retry middleware is
// placed before.
type unsigned struct{}

func (unsigned) ID() string { return "Signing" }

func (unsigned) HandleFinalize(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
	return next.HandleFinalize(ctx, in)
}

// deserializeErrors stands in for an operation deserializer: a reply outside
// 2xx becomes decode's error.
type deserializeErrors func(*smithyhttp.Response) error

func (deserializeErrors) ID() string { return "OperationDeserializer" }

func (d deserializeErrors) HandleDeserialize(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (out middleware.DeserializeOutput, md middleware.Metadata, err error) {
	out, md, err = next.HandleDeserialize(ctx, in)
	if err != nil {
		return out, md, err
	}
	resp, ok := out.RawResponse.(*smithyhttp.Response)
	if !ok {
		return out, md, fmt.Errorf("unknown transport type %T", out.RawResponse)
	}
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		return out, md, d(resp)
	}
	return out, md, nil
}

// awsJSONErrorDeserializer does what a generated awsJson 1.0 error
// deserializer does for a code it has not modelled: the code from the
// X-Amzn-ErrorType header or the body's __type, sanitized, the message from
// the body, in a *smithy.GenericAPIError.
func awsJSONErrorDeserializer(resp *smithyhttp.Response) error {
	var buf bytes.Buffer
	if _, err := io.Copy(&buf, resp.Body); err != nil {
		return &smithy.DeserializationError{Err: err}
	}
	code, message := "UnknownError", "UnknownError"
	decoder := json.NewDecoder(bytes.NewReader(buf.Bytes()))
	decoder.UseNumber()
	bodyCode, bodyMessage, err := restjson.GetErrorInfo(decoder)
	if err != nil {
		return &smithy.DeserializationError{Err: err, Snapshot: buf.Bytes()}
	}
	if h := resp.Header.Get("X-Amzn-ErrorType"); h != "" {
		bodyCode = h
	}
	if bodyCode != "" {
		code = restjson.SanitizeErrorCode(bodyCode)
	}
	if bodyMessage != "" {
		message = bodyMessage
	}
	return &smithy.GenericAPIError{Code: code, Message: message}
}
