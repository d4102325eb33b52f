package generator

import (
	"os"
	"strings"
	"testing"

	"github.com/errspec/errspec/spec"
	"github.com/google/go-cmp/cmp"
)

// fixedTable is the table generator/fixed compiles and tests its code
// against: the table's half of the package generated from fixedSpec.
const (
	fixedSpec  = "fixed/testdata/table.yaml"
	fixedTable = "fixed/table.go"
)

// TestFixedTable checks that generator/fixed/table.go is what the
// generator emits for generator/fixed/testdata/table.yaml, so that the
// fixed code is tested against a table of the generator's own making.
func TestFixedTable(t *testing.T) {
	s, err := spec.Load(fixedSpec)
	if err != nil {
		t.Fatal(err)
	}
	head := goSource(GoHeader + "\n\npackage " + s.Package + "\n")
	got, err := renderTable(newModel(s), head, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(fixedTable, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(fixedTable)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs from what the generator emits for %s (go test ./generator -run TestFixedTable -update rewrites it), mismatch (-want +got):\n%s", fixedTable, fixedSpec, diff)
	}
}

// TestFixedSource checks the fixed half as the generator reads it: every
// placeholder is known and sits in a comment (fill refuses others), none
// is left after filling, and comment lines stay within 80 columns however
// long the service's name.
func TestFixedSource(t *testing.T) {
	fc, err := fixedCode()
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("Very Long Service Name ", 8)
	for _, service := range []string{"", "x", long, "Line\nbreak */ `quoted` $pkg"} {
		s := mustParse(t, "s.yaml", []byte("package: p\nservice: \""+strings.ReplaceAll(service, "\n", `\n`)+"\"\ncodes:\n  - code: OK\n    success: true\n  - code: E\n"))
		body, err := fill(fc.body, placeholders(newModel(s)))
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(body), "\n") {
			if strings.Contains(line, "$") && !strings.Contains(service, "$") {
				t.Errorf("line %d keeps a placeholder: %s", i+1, line)
			}
			if text := strings.TrimLeft(line, "\t"); strings.HasPrefix(text, "//") && len(text) > commentWidth && strings.Count(text, " ") > 1 {
				t.Errorf("service %q: comment line %d is %d bytes: %s", service, i+1, len(text), line)
			}
		}
	}
}

func TestFillRefuses(t *testing.T) {
	for _, src := range []string{
		"// Uses $nope.\nfunc f() {}\n",
		"var x = \"$pkg\"\n",
	} {
		if _, err := fill([]byte(src), map[string]string{"$pkg": "p"}); err == nil {
			t.Errorf("fill(%q) accepted it", src)
		}
	}
}

// TestNoOtherVendorNames: the generated package and its docs name no
// vendor, SDK or cloud but the spec's own (a Stripe package says nothing
// of how Alibaba Cloud reports errors), whatever the fixed half's
// implementation notes say in its own tests.
func TestNoOtherVendorNames(t *testing.T) {
	s := mustParse(t, "stripe.yaml", []byte("package: stripeerr\nservice: Stripe API\ncodes:\n  - code: card_declined\n    message: The card was declined.\n  - code: rate_limit\n    retryable: true\n"))
	files, err := Generate(s, Options{JSONFile: "errors.json"})
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		text := strings.ToLower(string(data))
		for _, vendor := range []string{"alibaba", "aliyun", "tencent", "aws", "amazon", "smithy", "darabonba", "tea sdk", "twilio"} {
			if i := strings.Index(text, vendor); i >= 0 {
				t.Errorf("%s names %q: ...%s...", name, vendor, text[max(0, i-60):min(len(text), i+60)])
			}
		}
	}
}
