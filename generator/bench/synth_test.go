package bench

import (
	"bytes"
	"go/format"
	"slices"
	"strings"
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

// TestShapes checks that the specs of each shape load, hold the codes
// ShapeCodes gives, in the shape, and that their misses and near misses
// are unknown codes of the same kind.
func TestShapes(t *testing.T) {
	for _, shape := range Shapes {
		for _, n := range []int{1, 28, 1000} {
			s, err := spec.Parse("shape.yaml", ShapeSpecYAML(shape, n))
			if err != nil {
				t.Fatalf("ShapeSpecYAML(%s, %d): %v", shape, n, err)
			}
			var codes []string
			for _, c := range s.Codes {
				codes = append(codes, c.Code)
				if !inShape(shape, c.Code) {
					t.Errorf("%s table: code %q is not of the shape", shape, c.Code)
				}
			}
			if !slices.Equal(codes, ShapeCodes(shape, n)) || len(codes) != n {
				t.Errorf("ShapeCodes(%s, %d) differs from the %d codes of its spec", shape, n, len(codes))
			}
			known := map[string]bool{}
			for _, c := range codes {
				known[c] = true
			}
			misses := Misses(shape, codes, 2*n)
			if len(misses) != 2*n {
				t.Errorf("Misses(%s, %d codes, %d) gives %d", shape, n, 2*n, len(misses))
			}
			for _, m := range misses {
				if known[m] || !inShape(shape, m) {
					t.Errorf("%s miss %q: known, or not of the shape", shape, m)
				}
				known[m] = true
			}
			near := NearMisses(codes)
			if len(near) < n*9/10 {
				t.Errorf("NearMisses of %d %s codes gives only %d", n, shape, len(near))
			}
			for _, m := range near {
				if slices.Contains(codes, m) || !slices.ContainsFunc(codes, func(c string) bool { return differInOneByte(c, m) }) {
					t.Errorf("near miss %q: known, or not one byte from a code", m)
				}
			}
		}
	}
}

// inShape reports whether code is of the shape.
func inShape(shape Shape, code string) bool {
	switch shape {
	case Numeric:
		return (len(code) == 5 || len(code) == 6) && strings.Trim(code, "0123456789") == ""
	case SQLState:
		return len(code) == 5 && strings.Trim(code, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
	case Dotted:
		return code == "OK" || strings.Contains(code, ".")
	}
	return true
}

func differInOneByte(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	n := 0
	for i := range len(a) {
		if a[i] != b[i] {
			n++
		}
	}
	return n == 1
}

// TestVendorSpecYAML checks that the real tables load as specs, every row
// a code.
func TestVendorSpecYAML(t *testing.T) {
	for name, rows := range map[string]int{"alibaba-sms-zh": 88, "tencent-sms": 94, "tencent-cvm": 422} {
		data, err := VendorSpecYAML("vendor", "../../spec/testdata/vendor/"+name+".tsv")
		if err != nil {
			t.Fatal(err)
		}
		s, err := spec.Parse(name+".yaml", data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(s.Codes) != rows {
			t.Errorf("%s: %d codes, want %d", name, len(s.Codes), rows)
		}
	}
}
