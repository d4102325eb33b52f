package generator

import (
	"os"
	"path/filepath"
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
			dir := t.TempDir()
			if _, err := Write(dir, mustGenerate(t, lockV1)); err != nil {
				t.Fatal(err)
			}
			changes, err := Breaking(dir, mustGenerate(t, c.next))
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

func TestBreakingReadsOnlyGeneratedFiles(t *testing.T) {
	dir := t.TempDir()
	if changes, err := Breaking(filepath.Join(dir, "missing"), mustGenerate(t, lockV1)); err != nil || changes != nil {
		t.Errorf("Breaking of a missing folder = %v, %v; want nothing", changes, err)
	}
	if _, err := Write(dir, mustGenerate(t, lockV1)); err != nil {
		t.Fatal(err)
	}
	// Hand-written files declare what they like; the lock is about what
	// errspec generated.
	os.WriteFile(filepath.Join(dir, "doc.go"), []byte("package acmeerr\n\nfunc Helper() {}\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "broken_test.go"), []byte("this is not Go"), 0o644)
	if changes, err := Breaking(dir, mustGenerate(t, lockV1)); err != nil || len(changes) != 0 {
		t.Errorf("Breaking with hand-written files = %v, %v; want nothing", changes, err)
	}
	os.WriteFile(filepath.Join(dir, "errors.go"), []byte(GoHeader+"\n\npackage acmeerr\n\nfunc {"), 0o644)
	if _, err := Breaking(dir, mustGenerate(t, lockV1)); err == nil || !strings.Contains(err.Error(), "cannot read the package errspec generated") || !strings.Contains(err.Error(), "-allow-breaking") {
		t.Errorf("Breaking with an unparsable generated file: %v; want an error", err)
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
	dir := t.TempDir()
	if _, err := Write(dir, mustGenerate(t, lockV1)); err != nil {
		t.Fatal(err)
	}
	renamed := mustGenerate(t, strings.Replace(lockV1, "package: acmeerr", "package: acmeerrors", 1))
	changes, err := Breaking(dir, renamed)
	if err != nil || len(changes) != 1 || changes[0].String() != "the package would be renamed from acmeerr to acmeerrors" {
		t.Errorf("Breaking after a rename = %v, %v", changes, err)
	}
	// Write lets errspec's own files change package; the lock is what
	// stops it.
	if _, err := Write(dir, renamed); err != nil {
		t.Errorf("Write of the renamed package: %v", err)
	}
	// A file that is not built does not count as another package.
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "gen.go"), []byte("//go:build ignore\n\npackage main\n"), 0o644)
	if _, err := Write(other, renamed); err != nil {
		t.Errorf("Write beside a //go:build ignore file of package main: %v", err)
	}
	if changes, err := Breaking(filepath.Join(other, "gen.go"), renamed); err != nil || changes != nil {
		t.Errorf("Breaking of a file, not a folder = %v, %v; want nothing (Write reports it)", changes, err)
	}
}
