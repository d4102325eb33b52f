package sdktest

import (
	"errors"
	"testing"

	aliyunerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aws/smithy-go"
	"github.com/errspec/errspec/gen/smserr"
)

// TestDocsClaims records what code written against the SDKs' error
// interfaces can do with an *smserr.Error, so that the docs claim no more.
//
// The generated package's docs have said that *Error "implements the
// ErrorCode and ErrorMessage methods of the Alibaba Cloud SDK's ServerError
// and AWS smithy's APIError, so code written against those interfaces handles
// it too". It does not satisfy either interface, and cannot while it imports
// the standard library only:
//
//   - smithy.APIError also needs ErrorFault() smithy.ErrorFault, a smithy type.
//   - aliyun's errors.Error also needs HttpStatus() int, OriginError() error and
//     Message() string, and *Error has a field named Message, so it cannot have
//     a method of that name.
//
// The docs must not claim otherwise. What does hold: code that asks for the
// methods themselves, as aws-sdk-go-v2's retryer does with
// interface{ ErrorCode() string }, finds them.
func TestDocsClaims(t *testing.T) {
	var err error = &smserr.Error{Code: smserr.CodeSystemError, Message: "The system is busy.", RequestID: "R-1"}

	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		t.Error("errors.As(*smserr.Error, *smithy.APIError) is now true: the docs may say so again")
	}
	var aliyunErr aliyunerrors.Error
	if errors.As(err, &aliyunErr) {
		t.Error("errors.As(*smserr.Error, *aliyun errors.Error) is now true: the docs may say so again")
	}

	var coded interface {
		ErrorCode() string
		ErrorMessage() string
	}
	if !errors.As(err, &coded) || coded.ErrorCode() != "isp.SYSTEM_ERROR" || coded.ErrorMessage() != "The system is busy." {
		t.Error("*smserr.Error no longer has ErrorCode() and ErrorMessage()")
	}
}
