package smserr_test

// This is the one test of the package that needs errspec itself: it checks
// the generated table against the spec it came from. The package's other
// tests need only the standard library, so they travel with a copy of it.

import (
	"testing"

	"github.com/errspec/errspec/gen/smserr"
	"github.com/errspec/errspec/spec"
)

func TestMatchesSpec(t *testing.T) {
	s, err := spec.Load("../../spec/alibaba-sms.yaml")
	if err != nil {
		t.Fatal(err)
	}
	infos := all()
	if len(infos) != len(s.Codes) {
		t.Fatalf("All() yields %d rows, the spec has %d", len(infos), len(s.Codes))
	}
	for i, c := range s.Codes {
		got := infos[i]
		want := smserr.Info{
			Code:       smserr.Code(c.Code),
			Name:       c.GoName,
			Message:    c.Message,
			Solution:   c.Solution,
			Success:    c.Success,
			Retryable:  c.Retryable,
			Fault:      smserr.Fault(c.Fault),
			Category:   smserr.Category(c.Category),
			Deprecated: c.Deprecated,
		}
		if got != want {
			t.Errorf("row %d:\n got %+v\nwant %+v", i, got, want)
		}
	}
}
