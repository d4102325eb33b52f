package bench

import (
	"bytes"
	"go/format"
	"slices"
	"testing"

	"github.com/errspec/errspec/spec"
)

// TestSpecYAML checks that synthetic specs load, hold the codes Codes
// gives, and come out the same every time.
func TestSpecYAML(t *testing.T) {
	for _, n := range []int{1, 2, 28, 1000} {
		data := SpecYAML(n)
		s, err := spec.Parse("synth.yaml", data)
		if err != nil {
			t.Fatalf("SpecYAML(%d): %v", n, err)
		}
		var codes []string
		shapes := map[string]bool{}
		for _, c := range s.Codes {
			codes = append(codes, c.Code)
			switch {
			case len(c.Code) > 4 && c.Code[:4] == "isv.":
				shapes["isv"] = true
			case len(c.Code) > 4 && c.Code[:4] == "isp.":
				shapes["isp"] = true
			case c.Code[0] >= '0' && c.Code[0] <= '9':
				shapes["digits"] = true
			case bytes.ContainsRune([]byte(c.Code), '.'):
				shapes["Category.Name"] = true
			}
		}
		if !slices.Equal(codes, Codes(n)) {
			t.Errorf("Codes(%d) differs from the codes of SpecYAML(%d)", n, n)
		}
		if len(codes) != n {
			t.Errorf("SpecYAML(%d) has %d codes", n, len(codes))
		}
		if n >= 1000 && len(shapes) != 4 {
			t.Errorf("SpecYAML(%d) has codes of the shapes %v, want all four", n, shapes)
		}
		if !bytes.Equal(data, SpecYAML(n)) {
			t.Errorf("SpecYAML(%d) differs between calls", n)
		}
	}
}

// TestFloor checks that the floor renders formatted Go.
func TestFloor(t *testing.T) {
	s, err := spec.Parse("synth.yaml", SpecYAML(28))
	if err != nil {
		t.Fatal(err)
	}
	src, err := Floor(s)
	if err != nil {
		t.Fatal(err)
	}
	if formatted, err := format.Source(src); err != nil || !bytes.Equal(formatted, src) {
		t.Fatalf("the floor's output is not formatted Go: %v", err)
	}
}
