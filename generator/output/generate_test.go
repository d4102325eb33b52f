package output

import (
	"errors"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestGenerate runs errspec generate's steps through the library: -check
// on a folder that is not there, the write, -check again, and the name
// lock with and without AllowBreaking.
func TestGenerate(t *testing.T) {
	dir := t.TempDir()
	v1 := filepath.Join(dir, "v1.yaml")
	v2 := filepath.Join(dir, "v2.yaml")
	os.WriteFile(v1, []byte("package: acmeerr\ncodes:\n  - code: acme.THROTTLED\n  - code: acme.GONE\n"), 0o644)
	os.WriteFile(v2, []byte("package: acmeerr\ncodes:\n  - code: acme.THROTTLED\n"), 0o644)
	out := filepath.Join(dir, "acmeerr")

	res, err := Generate(Request{Spec: v1, Out: out, Check: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := "--- /dev/null\n+++ " + path.Join("b", filepath.ToSlash(out), "errors.go") + "\n"; !strings.Contains(string(res.Diff), want) || res.Package != "acmeerr" || res.Dir != out {
		t.Fatalf("Check before the first write: package %q, dir %q, diff without %q:\n%s", res.Package, res.Dir, want, res.Diff)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("Check created %s", out)
	}
	res, err = Generate(Request{Spec: v1, Out: out})
	if err != nil || !slices.Equal(res.Changed, []string{filepath.Join(out, "ERRORS.md"), filepath.Join(out, "errors.go")}) {
		t.Fatalf("the first write: %v, changed %v", err, res.Changed)
	}
	if res, err := Generate(Request{Spec: v1, Out: out, Check: true}); err != nil || len(res.Diff) != 0 {
		t.Errorf("Check when up to date: %v, diff %q", err, res.Diff)
	}

	before := snapshot(t, out)
	_, err = Generate(Request{Spec: v2, Out: out})
	var lock *BreakingError
	if !errors.As(err, &lock) || lock.Dir != out || lock.Package != "acmeerr" || len(lock.Changes) != 2 {
		t.Fatalf("dropping a code: %v; want a BreakingError listing CodeGone and ErrGone", err)
	}
	for _, want := range []string{"regenerating " + out + " would break code that uses package acmeerr:\n", "\tvar ErrGone would disappear\n", "-allow-breaking"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the refusal lacks %q:\n%v", want, err)
		}
	}
	if diff := cmp.Diff(before, snapshot(t, out)); diff != "" {
		t.Errorf("a refused run changed the folder (-want +got):\n%s", diff)
	}
	if res, err := Generate(Request{Spec: v2, Out: out, AllowBreaking: true}); err != nil || len(res.Changed) != 2 {
		t.Errorf("AllowBreaking: %v, changed %v", err, res.Changed)
	}
}
