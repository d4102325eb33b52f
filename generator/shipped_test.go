package generator_test

import (
	"slices"
	"testing"

	"github.com/errspec/errspec/gen/smserr"
	"github.com/errspec/errspec/spec"
)

// TestShippedMatchesSpec checks the shipped package's table, as its users
// see it at run time, against the spec it was generated from. It lives
// here rather than beside gen/smserr so that the package's own tests need
// nothing but the standard library, and travel with a copy of it.
func TestShippedMatchesSpec(t *testing.T) {
	s, err := spec.Load("../spec/alibaba-sms.yaml")
	if err != nil {
		t.Fatal(err)
	}
	infos := slices.Collect(smserr.All())
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
