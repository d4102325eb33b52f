package smserr

// This file is hand-written: errspec never writes doc.go. The generated
// errors.go carries the package documentation; regenerate it from the
// shipped spec with:

//go:generate go run ../../generator/cmd/errspec generate -spec ../../spec/alibaba-sms.yaml -out .
