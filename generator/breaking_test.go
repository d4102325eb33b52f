package generator

import (
	"strings"
	"testing"

	"github.com/errspec/errspec/spec"
	"github.com/google/go-cmp/cmp"
)

func mustGenerate(t *testing.T, yaml string) map[string][]byte {
	t.Helper()
	s, err := spec.Parse("spec.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	files, err := Generate(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

const lockV1 = `package: acmeerr
categories:
  - name: throttling
codes:
  - code: acme.THROTTLED
    category: throttling
  - code: acme.GONE
`

func TestBreaking(t *testing.T) {
	for _, c := range []struct {
		name string
		next string
		want []string
	}{
		{"unchanged", lockV1, nil},
		{"code added", lockV1 + "  - code: acme.NEW\n", nil},
		{"code deprecated, not removed", strings.Replace(lockV1, "  - code: acme.GONE\n", "  - code: acme.GONE\n    deprecated: no longer in the vendor table (2026-11-26)\n", 1), nil},
		{"classification changed", strings.Replace(lockV1, "category: throttling\n  - code", "category: throttling\n    retryable: true\n  - code", 1), nil},
		{"code removed", strings.Replace(lockV1, "  - code: acme.GONE\n", "", 1), []string{
			`const CodeGone ("acme.GONE") would disappear`,
			`var ErrGone would disappear`,
		}},
		{"renamed", strings.Replace(lockV1, "  - code: acme.GONE\n", "  - code: acme.GONE\n    name: Departed\n", 1), []string{
			`const CodeGone ("acme.GONE") would disappear`,
			`var ErrGone would disappear`,
		}},
		{"became a success code", strings.Replace(lockV1, "  - code: acme.GONE\n", "  - code: acme.GONE\n    success: true\n", 1), []string{
			`var ErrGone would disappear`,
		}},
		{"category dropped", strings.Replace(strings.Replace(lockV1, "categories:\n  - name: throttling\n", "", 1), "    category: throttling\n", "", 1), []string{
			`const CategoryThrottling ("throttling") would disappear`,
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			changes, err := Breaking(mustGenerate(t, lockV1), mustGenerate(t, c.next))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, ch := range changes {
				got = append(got, ch.String())
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("Breaking mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestBreakingUnreadable checks that an old generated file that does not
// parse stops the check, with a way out, rather than passing it.
func TestBreakingUnreadable(t *testing.T) {
	old := mustGenerate(t, lockV1)
	old["errors.go"] = []byte(GoHeader + "\n\npackage acmeerr\n\nfunc {")
	if _, err := Breaking(old, mustGenerate(t, lockV1)); err == nil || !strings.Contains(err.Error(), "cannot read the package errspec generated") || !strings.Contains(err.Error(), "-allow-breaking") {
		t.Errorf("Breaking with an unparsable generated file: %v; want an error", err)
	}
	// Only Go files declare identifiers: other files may change freely.
	old = mustGenerate(t, lockV1)
	old["ERRORS.md"] = []byte(MarkdownHeader + "\nold docs\n")
	if changes, err := Breaking(old, mustGenerate(t, lockV1)); err != nil || changes != nil {
		t.Errorf("Breaking after a docs change = %v, %v; want nothing", changes, err)
	}
	if changes, err := Breaking(nil, mustGenerate(t, lockV1)); err != nil || changes != nil {
		t.Errorf("Breaking with no old package = %v, %v; want nothing", changes, err)
	}
}

// TestBreakingStructFields checks that adding a field to a generated
// struct (as a newer errspec may) breaks nobody, and that removing or
// retyping one does.
func TestBreakingStructFields(t *testing.T) {
	src := func(fields string) map[string][]byte {
		return map[string][]byte{"errors.go": []byte(GoHeader + "\n\npackage p\n\ntype Info struct {\n" + fields + "}\n")}
	}
	old, err := api(src("Code string\nMessage string\n"))
	if err != nil {
		t.Fatal(err)
	}
	for fields, want := range map[string]int{
		"Code string\nMessage string\nHint string\n": 0,
		"Code string\n":                 1,
		"Code string\nMessage []byte\n": 1,
		"Code string\nmessage string\n": 1,
	} {
		now, err := api(src(fields))
		if err != nil {
			t.Fatal(err)
		}
		if got := breakingChanges(old, now); len(got) != want {
			t.Errorf("fields %q: breaking changes %v; want %d", fields, got, want)
		}
	}
}

func TestBreakingPackageRename(t *testing.T) {
	renamed := mustGenerate(t, strings.Replace(lockV1, "package: acmeerr", "package: acmeerrors", 1))
	changes, err := Breaking(mustGenerate(t, lockV1), renamed)
	if err != nil || len(changes) != 1 || changes[0].String() != "the package would be renamed from acmeerr to acmeerrors" {
		t.Errorf("Breaking after a rename = %v, %v", changes, err)
	}
}
