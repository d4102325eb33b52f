package fixed

// FromResponse turns the code, message and request id of a reply body into
// an error: nil for a success code ($success), and an *Error for any other
// code, including codes the table does not list and the empty code.
//
// Use it for APIs that report errors in the reply body; use [FromError]
// for errors an SDK returns. It allocates only the *Error.
func FromResponse(code, message, requestID string) error {
	if i := codeIndex(code); i >= 0 && codeTable[i].Success {
		return nil
	}
	return &Error{Code: Code(code), Message: message, RequestID: requestID}
}

// FromError finds the first error in err's chain (in the order errors.As
// searches it) that carries a non-empty code, and returns it as an *Error:
// an *Error as it is; a sentinel as a new *Error with its code; and an SDK's
// error as a new *Error whose Cause is that error. An SDK error carries its
// code as a method (ErrorCode() string, GetCode() string or GetCode()
// *string) or as an exported field Code (a string or *string); its
// message, request id, HTTP status and retry hint are read the same way
// (see [Error] for the fields), and where it lacks the request id or the
// status, they are taken from the errors around it in the chain. SDK
// wrapping of the server's message (a "code: 400, " before it, a
// " request id: ..." after it) is removed. FromError returns false when
// no error in the chain carries a code.
//
// The *Error may be one that err wraps: treat it as read-only.
func FromError(err error) (*Error, bool) {
	var found *Error
	walkChain(err, func(err error) bool {
		found = fromChainError(err)
		return found == nil
	})
	if found == nil {
		return nil, false
	}
	if found.Cause != nil {
		fillFromChain(found, err)
	}
	return found, true
}

// fromChainError returns err as an *Error if it carries a non-empty code,
// and nil otherwise.
func fromChainError(err error) *Error {
	switch e := err.(type) {
	case *Error:
		if e == nil || e.Code == "" {
			return nil
		}
		return e
	case sentinel:
		return &Error{Code: Code(e)}
	}
	return fromSDK(err)
}

// walkChain calls visit on each error of err's chain, in the order errors.As
// searches it, until visit returns false. It does not descend into a nil
// pointer, whose methods may not expect one.
func walkChain(err error, visit func(error) bool) bool {
	for err != nil && !isNilError(err) {
		if !visit(err) {
			return false
		}
		switch x := err.(type) {
		case interface{ Unwrap() error }:
			err = x.Unwrap()
		case interface{ Unwrap() []error }:
			for _, err := range x.Unwrap() {
				if !walkChain(err, visit) {
					return false
				}
			}
			return true
		default:
			return true
		}
	}
	return true
}

// IsRetryable reports whether the call that failed with err may succeed
// when made again after a back-off: whether err carries a code (see
// [FromError]) that the table, or the code's family, marks retryable, and
// for a code neither knows, whether the SDK's error says the server
// throttled the call or failed (HTTP status 429, or 500 and up) or asked
// to be called again later. It is [Error.RetryableError] of what FromError
// finds. An error that carries no code, such as a network error or
// context.DeadlineExceeded, is not retryable by this measure: retry
// transport errors by your own policy.
func IsRetryable(err error) bool {
	e, ok := FromError(err)
	return ok && e.RetryableError()
}
