package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// errspec runs the command with args and returns its exit code and output.
func errspec(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}} {
		code, out, _ := errspec(t, args...)
		if code != 0 || !strings.Contains(out, "errspec generate [-spec FILE]") {
			t.Errorf("errspec %v: exit %d, output %q; want the usage on stdout", args, code, out)
		}
	}
	if code, _, errOut := errspec(t); code != exitUsage || !strings.Contains(errOut, "Usage:") {
		t.Errorf("errspec with no command: exit %d, stderr %q; want 2 and the usage", code, errOut)
	}
	if code, _, errOut := errspec(t, "genrate"); code != exitUsage || !strings.Contains(errOut, `unknown command "genrate"`) {
		t.Errorf("unknown command: exit %d, stderr %q", code, errOut)
	}
	for _, cmd := range []string{"init", "generate", "validate", "import", "diff", "version"} {
		code, out, errOut := errspec(t, cmd, "-h")
		if code != 0 || !strings.HasPrefix(out, "usage: errspec "+cmd) || errOut != "" {
			t.Errorf("%s -h: exit %d, stdout %q, stderr %q; want the usage on stdout", cmd, code, out, errOut)
		}
	}
	code, out, _ := errspec(t, "generate", "-h")
	if code != 0 || !strings.Contains(out, "-check") || !strings.Contains(out, "-templates DIR") {
		t.Errorf("generate -h: exit %d, stdout %q; want the flags", code, out)
	}
	// After a mistake, the usage goes to stderr.
	if code, out, errOut := errspec(t, "generate", "-nosuchflag"); code != exitUsage || out != "" || !strings.Contains(errOut, "usage: errspec generate") {
		t.Errorf("generate -nosuchflag: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := errspec(t, "version")
	if code != 0 || !regexp.MustCompile(`^errspec (\(devel\)|v\S+)\n$`).MatchString(out) {
		t.Errorf("version: exit %d, %q", code, out)
	}
}

// TestValidateBadSpecs runs validate on the spec of every load case of the
// spec package (spec/testdata/load) and expects exit 1 and the case's
// positioned errors.
func TestValidateBadSpecs(t *testing.T) {
	paths, _ := filepath.Glob("../../../spec/testdata/load/*.txtar")
	if len(paths) == 0 {
		t.Fatal("no bad-spec cases in spec/testdata/load")
	}
	dir := t.TempDir()
	for _, path := range paths {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{}
		for _, f := range ar.Files {
			files[f.Name] = f.Data
		}
		name := filepath.Join(dir, strings.TrimSuffix(filepath.Base(path), ".txtar")+".yaml")
		if err := os.WriteFile(name, files["spec.yaml"], 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, errOut := errspec(t, "validate", name)
		want := strings.ReplaceAll(string(files["error"]), "spec.yaml:", name+":")
		if code != exitFailed || out != "" || errOut != want {
			t.Errorf("validate %s: exit %d, stdout %q, stderr:\n%s\nwant exit 1 and:\n%s", filepath.Base(path), code, out, errOut, want)
		}
	}
}

func TestValidate(t *testing.T) {
	// The shipped spec's 67 codes new since 2018 have no English text, and
	// the 7 the live table dropped no Chinese: warnings, not problems.
	code, out, errOut := errspec(t, "validate", "../../../spec/alibaba-sms.yaml")
	if code != 0 || out != "../../../spec/alibaba-sms.yaml: ok, 95 codes\n" || strings.Count(errOut, ": warning: ") != 74 || strings.Count(errOut, "\n") != 74 {
		t.Errorf("validate shipped spec: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	one := writeSpec(t, t.TempDir(), "one.yaml", "package: x\ncodes:\n  - code: A\n")
	if code, out, _ := errspec(t, "validate", one); code != 0 || out != one+": ok, 1 code\n" {
		t.Errorf("validate of a one-code spec: exit %d, stdout %q; want \"1 code\"", code, out)
	}
	if code, _, errOut := errspec(t, "validate", "no-such-file.yaml"); code != exitFailed || !strings.Contains(errOut, "no-such-file.yaml") {
		t.Errorf("validate of a missing file: exit %d, stderr %q", code, errOut)
	}
	if code, _, _ := errspec(t, "validate"); code != exitUsage {
		t.Errorf("validate with no files: exit %d, want 2", code)
	}
}

func TestGenerateDefault(t *testing.T) {
	committed := filepath.Join(repoRoot(t), "gen", "smserr")
	t.Chdir(t.TempDir())
	if code, _, errOut := errspec(t, "generate"); code != 0 {
		t.Fatalf("generate: exit %d: %s", code, errOut)
	}
	// With no -spec and no -out: the embedded spec, into ./<package>.
	for _, name := range []string{"errors.go", "ERRORS.md"} {
		got, err := os.ReadFile(filepath.Join("smserr", name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(committed, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("smserr/%s differs from the committed gen/smserr/%s", name, name)
		}
	}
}

// repoRoot returns the repository's root, from the package folder the test
// starts in.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func TestGenerateCheck(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pkg")
	specFile := filepath.Join(t.TempDir(), "errors.yaml")
	if err := os.WriteFile(specFile, []byte("package: pkg\ncodes:\n  - code: A\n    message: first\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := errspec(t, "generate", "-spec", specFile, "-out", out, "-check"); code != exitFailed || !strings.Contains(errOut, "out of date") {
		t.Errorf("-check before generating: exit %d, stderr %q; want 1", code, errOut)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("-check created %s", out)
	}
	if code, _, errOut := errspec(t, "generate", "-spec", specFile, "-out", out); code != 0 {
		t.Fatalf("generate: exit %d: %s", code, errOut)
	}
	if code, stdout, _ := errspec(t, "generate", "-spec", specFile, "-out", out, "-check"); code != 0 || stdout != "" {
		t.Errorf("-check when up to date: exit %d, stdout %q; want 0 and no diff", code, stdout)
	}
	if err := os.WriteFile(specFile, []byte("package: pkg\ncodes:\n  - code: A\n    message: second\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(out, "errors.go"))
	code, stdout, _ := errspec(t, "generate", "-spec", specFile, "-out", out, "-check")
	if code != exitFailed || !strings.Contains(stdout, "-\t// CodeA is \"A\": first") || !strings.Contains(stdout, "+\t// CodeA is \"A\": second") {
		t.Errorf("-check after a spec change: exit %d, diff:\n%s", code, stdout)
	}
	if after, _ := os.ReadFile(filepath.Join(out, "errors.go")); !bytes.Equal(before, after) {
		t.Error("-check wrote errors.go")
	}
}

// TestGenerateCheckDiffApplies checks that -check prints a diff a reviewer's
// tools take as it is: git apply, given it in the folder generate ran in,
// turns the old output into the new one (files changed, created and
// removed), so the labels (a/ and b/ before the -out path, /dev/null for a
// file that is new or goes) and every hunk are right.
func TestGenerateCheckDiffApplies(t *testing.T) {
	if testing.Short() {
		t.Skip("runs git apply; skipped in -short mode")
	}
	git, err := exec.LookPath("git")
	if err != nil {
		t.Fatalf("no git command to apply the diff with: %v", err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	v1 := writeSpec(t, dir, "v1.yaml", "package: pkg\ncodes:\n  - code: A\n    message: first\n  - code: B\n    message: b\n")
	v2 := writeSpec(t, dir, "v2.yaml", "package: pkg\ncodes:\n  - code: A\n    message: second\n  - code: B\n    message: b\n  - code: C\n    message: c\n")
	if code, _, errOut := errspec(t, "generate", "-spec", v1, "-out", "pkg"); code != 0 {
		t.Fatalf("generate v1: exit %d: %s", code, errOut)
	}
	next := []string{"generate", "-spec", v2, "-out", "pkg", "-file", "codes.go", "-check"}
	code, diff, errOut := errspec(t, next...)
	if code != exitFailed {
		t.Fatalf("-check of a changed spec: exit %d: %s", code, errOut)
	}
	for _, labels := range []string{
		"--- a/pkg/ERRORS.md\n+++ b/pkg/ERRORS.md\n",
		"--- /dev/null\n+++ b/pkg/codes.go\n",
		"--- a/pkg/errors.go\n+++ /dev/null\n",
	} {
		if !strings.Contains(diff, labels) {
			t.Errorf("the diff lacks the labels %q:\n%s", labels, diff)
		}
	}
	cmd := exec.Command(git, "apply", "-")
	cmd.Stdin = strings.NewReader(diff)
	cmd.Env = append(os.Environ(), "GIT_CEILING_DIRECTORIES="+filepath.Dir(dir))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git apply of the -check diff: %v\n%s\ndiff:\n%s", err, out, diff)
	}
	// The folder now holds exactly what generate would write.
	if code, stdout, errOut := errspec(t, next...); code != 0 || stdout != "" {
		t.Errorf("-check after applying its diff: exit %d, stderr %q, diff:\n%s", code, errOut, stdout)
	}
}

func TestGenerateRefusesHandWrittenFile(t *testing.T) {
	out := t.TempDir()
	handWritten := []byte("package smserr\n\n// hand-written, must survive\n")
	if err := os.WriteFile(filepath.Join(out, "errors.go"), handWritten, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := errspec(t, "generate", "-out", out)
	if code != exitFailed || !strings.Contains(errOut, filepath.Join(out, "errors.go")) || !strings.Contains(errOut, "not generated by errspec") {
		t.Errorf("exit %d, stderr %q; want 1 and the file named", code, errOut)
	}
	if got, _ := os.ReadFile(filepath.Join(out, "errors.go")); !bytes.Equal(got, handWritten) {
		t.Error("the hand-written file was changed")
	}
	if _, err := os.Stat(filepath.Join(out, "ERRORS.md")); !os.IsNotExist(err) {
		t.Error("ERRORS.md was written although the run failed")
	}
}

func TestGenerateBadInput(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("package: x\ncodes:\n  - code: A\n    mesage: typo\n"), 0o644)
	out := filepath.Join(t.TempDir(), "x")
	code, _, errOut := errspec(t, "generate", "-spec", bad, "-out", out)
	if code != exitFailed || !strings.Contains(errOut, bad+":4:5: unknown key \"mesage\"") {
		t.Errorf("bad spec: exit %d, stderr %q", code, errOut)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a failed run created the output folder")
	}
	if code, _, errOut := errspec(t, "generate", "spec.yaml"); code != exitUsage || !strings.Contains(errOut, "-spec") {
		t.Errorf("positional argument: exit %d, stderr %q", code, errOut)
	}
	if code, _, _ := errspec(t, "generate", "-nosuchflag"); code != exitUsage {
		t.Errorf("unknown flag: exit %d, want 2", code)
	}
}

func TestGenerateTemplates(t *testing.T) {
	tmpl := t.TempDir()
	os.WriteFile(filepath.Join(tmpl, "ERRORS.md.tmpl"), []byte("# {{md .Service}}\n{{range .Codes}}- {{code .Code}}: {{md .Message}}\n{{end}}"), 0o644)
	out := t.TempDir()
	if code, _, errOut := errspec(t, "generate", "-out", out, "-templates", tmpl); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	md, _ := os.ReadFile(filepath.Join(out, "ERRORS.md"))
	if !strings.HasPrefix(string(md), "<!-- Code generated by errspec. DO NOT EDIT. -->\n\n# Alibaba Cloud Short Message Service\n- `OK`: Accepted\n") {
		t.Errorf("docs from a custom template:\n%s", md)
	}
	os.WriteFile(filepath.Join(tmpl, "ERRORS.md.tmpl"), []byte("line one\n{{range .Codez}}{{end}}\n"), 0o644)
	code, _, errOut := errspec(t, "generate", "-out", out, "-templates", tmpl)
	if code != exitFailed || !strings.Contains(errOut, "ERRORS.md.tmpl:2") {
		t.Errorf("broken template: exit %d, stderr %q; want the template's file and line", code, errOut)
	}
}

func writeSpec(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestGenerateNameLock(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "acmeerr")
	v1 := writeSpec(t, dir, "v1.yaml", "package: acmeerr\ncodes:\n  - code: acme.THROTTLED\n  - code: acme.GONE\n")
	v2 := writeSpec(t, dir, "v2.yaml", "package: acmeerr\ncodes:\n  - code: acme.THROTTLED\n")
	if code, _, errOut := errspec(t, "generate", "-spec", v1, "-out", out); code != 0 {
		t.Fatalf("generate v1: exit %d: %s", code, errOut)
	}
	before, _ := os.ReadFile(filepath.Join(out, "errors.go"))
	for _, args := range [][]string{{}, {"-check"}} {
		code, _, errOut := errspec(t, append([]string{"generate", "-spec", v2, "-out", out}, args...)...)
		if code != exitFailed || !strings.Contains(errOut, `const CodeGone ("acme.GONE") would disappear`) ||
			!strings.Contains(errOut, "var ErrGone would disappear") || !strings.Contains(errOut, "-allow-breaking") {
			t.Errorf("generate %v dropping a code: exit %d, stderr:\n%s\nwant 1, the identifiers listed and the way out", args, code, errOut)
		}
	}
	if after, _ := os.ReadFile(filepath.Join(out, "errors.go")); !bytes.Equal(before, after) {
		t.Error("a refused generate changed errors.go")
	}
	if code, _, errOut := errspec(t, "generate", "-spec", v2, "-out", out, "-allow-breaking"); code != 0 {
		t.Fatalf("generate -allow-breaking: exit %d: %s", code, errOut)
	}
	if after, _ := os.ReadFile(filepath.Join(out, "errors.go")); strings.Contains(string(after), "CodeGone") {
		t.Error("-allow-breaking did not regenerate without the dropped code")
	}
}

func TestDiff(t *testing.T) {
	dir := t.TempDir()
	v1 := writeSpec(t, dir, "v1.yaml", "package: acmeerr\ncodes:\n  - code: acme.THROTTLED\n  - code: acme.GONE\n")
	v2 := writeSpec(t, dir, "v2.yaml", "package: acmeerr\ncodes:\n  - code: acme.THROTTLED\n    retryable: true\n  - code: acme.NEW\n")
	v3 := writeSpec(t, dir, "v3.yaml", "package: acmeerr\ncodes:\n  - code: acme.THROTTLED\n  - code: acme.GONE\n    deprecated: gone\n  - code: acme.NEW\n")
	code, out, _ := errspec(t, "diff", v1, v2)
	if code != exitFailed || !strings.Contains(out, "Removed (1):\n  acme.GONE (CodeGone)") || !strings.Contains(out, "var ErrGone would disappear") {
		t.Errorf("diff dropping a code: exit %d, report:\n%s", code, out)
	}
	code, out, _ = errspec(t, "diff", "-format", "markdown", v1, v3)
	if code != 0 || !strings.Contains(out, "**Deprecated** (1)") || !strings.Contains(out, "**Added** (1)") {
		t.Errorf("diff deprecating a code: exit %d, report:\n%s", code, out)
	}
	code, out, _ = errspec(t, "diff", "-format", "json", v1, v1)
	if code != 0 || !strings.Contains(out, `"breaking": []`) {
		t.Errorf("diff of a spec with itself: exit %d, report:\n%s", code, out)
	}
	bad := writeSpec(t, dir, "bad.yaml", "package: acmeerr\ncodes: []\n")
	if code, _, errOut := errspec(t, "diff", v1, bad); code != exitUsage || !strings.Contains(errOut, "bad.yaml:2:8") {
		t.Errorf("diff with a bad spec: exit %d, stderr %q; want 2 and the problem", code, errOut)
	}
	for _, args := range [][]string{{"diff", v1}, {"diff", "-format", "yaml", v1, v2}} {
		if code, _, _ := errspec(t, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

func TestInit(t *testing.T) {
	t.Chdir(t.TempDir())
	code, _, errOut := errspec(t, "init")
	if code != 0 || !strings.Contains(errOut, "wrote errors.yaml") {
		t.Fatalf("init: exit %d, stderr %q", code, errOut)
	}
	// The starter validates and generates as it is.
	if code, _, errOut := errspec(t, "validate", "errors.yaml"); code != 0 {
		t.Errorf("the starter spec does not validate: %s", errOut)
	}
	if code, _, errOut := errspec(t, "generate", "-spec", "errors.yaml"); code != 0 {
		t.Errorf("the starter spec does not generate: %s", errOut)
	}
	if _, err := os.Stat(filepath.Join("vendorerr", "errors.go")); err != nil {
		t.Errorf("generate -spec errors.yaml wrote no ./vendorerr/errors.go: %v", err)
	}
	before, _ := os.ReadFile("errors.yaml")
	if code, _, errOut := errspec(t, "init", "-package", "other"); code != exitFailed || !strings.Contains(errOut, "exists") {
		t.Errorf("init over an existing file: exit %d, stderr %q; want 1", code, errOut)
	}
	if after, _ := os.ReadFile("errors.yaml"); !bytes.Equal(before, after) {
		t.Error("init overwrote errors.yaml")
	}
	code, out, _ := errspec(t, "init", "-package", "acmeerr", "-")
	if code != 0 || !strings.Contains(out, "\npackage: acmeerr\n") || !strings.HasPrefix(out, "# yaml-language-server: $schema=") {
		t.Errorf("init -: exit %d, spec:\n%s", code, out)
	}
	if code, _, errOut := errspec(t, "init", "-package", "9lives", "x.yaml"); code != exitUsage || !strings.Contains(errOut, "9lives") {
		t.Errorf("init with a bad package: exit %d, stderr %q", code, errOut)
	}
	if _, err := os.Stat("x.yaml"); !os.IsNotExist(err) {
		t.Error("init with a bad package wrote a file")
	}
}

// TestGenerateOutputOptions checks the output names: the spec's output:
// keys, and the flags that win over them.
func TestGenerateOutputOptions(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "tmpl"), 0o755)
	os.WriteFile(filepath.Join(dir, "tmpl", "ERRORS.md.tmpl"), []byte("{{range .Codes}}{{code .Const}}\n{{end}}"), 0o644)
	specFile := writeSpec(t, dir, "errors.yaml", "package: outerr\noutput:\n  file: codes.go\n  docs: CODES.md\n  templates: tmpl\ncodes:\n  - code: A\n")
	list := func(out string) []string {
		entries, _ := os.ReadDir(out)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return names
	}
	for _, c := range []struct {
		flags []string
		want  []string
	}{
		{nil, []string{"CODES.md", "codes.go"}},
		{[]string{"-file", "errs.go", "-docs", "README.md"}, []string{"README.md", "errs.go"}},
		{[]string{"-docs", "none"}, []string{"codes.go"}},
	} {
		out := filepath.Join(t.TempDir(), "outerr")
		code, _, errOut := errspec(t, append([]string{"generate", "-spec", specFile, "-out", out}, c.flags...)...)
		if code != 0 {
			t.Fatalf("generate %v: exit %d: %s", c.flags, code, errOut)
		}
		if got := list(out); !slices.Equal(got, c.want) {
			t.Errorf("generate %v wrote %v, want %v", c.flags, got, c.want)
		}
	}
	// The spec's templates folder is relative to the spec, not to the
	// working folder.
	out := filepath.Join(t.TempDir(), "outerr")
	errspec(t, "generate", "-spec", specFile, "-out", out)
	if md, _ := os.ReadFile(filepath.Join(out, "CODES.md")); !strings.HasSuffix(string(md), "`CodeA`\n") {
		t.Errorf("docs not rendered with the spec's template:\n%s", md)
	}
	// Changing the Go file's name removes the old generated file, so the
	// package does not declare everything twice.
	if code, _, errOut := errspec(t, "generate", "-spec", specFile, "-out", out, "-file", "renamed.go"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if got := list(out); !slices.Equal(got, []string{"CODES.md", "renamed.go"}) {
		t.Errorf("after renaming the Go file: %v", got)
	}
	for _, bad := range [][]string{{"-file", "doc.go"}, {"-file", "x_test.go"}, {"-file", "sub/x.go"}, {"-docs", "x.go"}, {"-file", "x.go", "-docs", "x.go"}} {
		code, _, errOut := errspec(t, append([]string{"generate", "-spec", specFile, "-out", out}, bad...)...)
		if code != exitFailed || !strings.Contains(errOut, "errspec generate: the ") {
			t.Errorf("generate %v: exit %d, stderr %q; want 1 and the problem", bad, code, errOut)
		}
	}
	empty := t.TempDir()
	code, _, errOut := errspec(t, "generate", "-spec", specFile, "-out", out, "-templates", empty)
	if code != exitFailed || !strings.Contains(errOut, "has no ERRORS.md.tmpl") {
		t.Errorf("a templates folder without the template: exit %d, stderr %q", code, errOut)
	}
}

func TestGenerateOutIsAFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "afile")
	os.WriteFile(file, []byte("not a folder\n"), 0o644)
	for _, args := range [][]string{{}, {"-check"}} {
		code, _, errOut := errspec(t, append([]string{"generate", "-out", file}, args...)...)
		if code != exitFailed || !strings.Contains(errOut, "output folder "+file+" is a file") {
			t.Errorf("generate %v -out a file: exit %d, stderr %q; want Write's explanation", args, code, errOut)
		}
	}
	if code, _, errOut := errspec(t, "diff", "-format", "xml", "a.yaml", "b.yaml"); code != exitUsage || !strings.Contains(errOut, `-format "xml": want text, markdown or json`) {
		t.Errorf("diff -format xml: exit %d, stderr %q", code, errOut)
	}
	if code, _, errOut := errspec(t, "generate", "-spec", "no-such.yaml"); code != exitFailed || !strings.HasPrefix(errOut, "errspec generate: open no-such.yaml") {
		t.Errorf("generate -spec of a missing file: exit %d, stderr %q", code, errOut)
	}
}

// TestUsageErrors checks that a mistake in the command line exits 2, with
// what is wrong, before any work: nothing is read or written.
func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.WriteFile("t.tsv", []byte("code\tmessage\nA\ta\n"), 0o644)
	specFile := writeSpec(t, dir, "errors.yaml", "package: acmeerr\ncodes:\n  - code: A\n")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"import", "-package", "9x", "-o", "new.yaml", "t.tsv"}, `errspec import: package: "9x" is not a valid Go package name`},
		{[]string{"import", "-package", "type", "t.tsv"}, `errspec import: package: "type" is a Go keyword`},
		{[]string{"generate", "-spec", specFile, "-out", "out", "-max-spec-size", "-1"}, `invalid value "-1" for flag -max-spec-size: want a size in bytes, 1 or more`},
		{[]string{"validate", "-max-spec-size", "0", specFile}, `invalid value "0" for flag -max-spec-size: want a size in bytes, 1 or more`},
		{[]string{"version", "extra"}, `errspec version: unexpected argument "extra"`},
		{[]string{"help", "nosuch"}, `errspec: unknown command "nosuch"`},
	} {
		code, out, errOut := errspec(t, c.args...)
		if code != exitUsage || out != "" || !strings.HasPrefix(errOut, c.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and %q", c.args, code, out, errOut, c.want)
		}
	}
	for _, name := range []string{"new.yaml", "out"} {
		if _, err := os.Stat(name); !os.IsNotExist(err) {
			t.Errorf("a usage error wrote %s", name)
		}
	}
}

// TestHelpCommand checks that errspec help COMMAND prints the command's
// help, as errspec COMMAND -h does.
func TestHelpCommand(t *testing.T) {
	for _, cmd := range []string{"init", "generate", "validate", "import", "diff", "version"} {
		code, out, errOut := errspec(t, "help", cmd)
		_, want, _ := errspec(t, cmd, "-h")
		if code != 0 || out != want || errOut != "" {
			t.Errorf("help %s: exit %d, stdout %q, stderr %q; want 0 and %s -h's help", cmd, code, out, errOut, cmd)
		}
	}
}

// TestGenerateTemplatesMissing checks that a templates folder that is not
// there is named as such, whether -templates or the spec's
// output.templates names it, and that nothing is written.
func TestGenerateTemplatesMissing(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	specFile := writeSpec(t, dir, "errors.yaml", "package: outerr\noutput:\n  templates: doc-tmpl\ncodes:\n  - code: A\n")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"generate", "-out", "out", "-templates", "no-such-dir"}, "errspec generate: the templates folder no-such-dir does not exist"},
		{[]string{"generate", "-spec", specFile, "-out", "out"}, "errspec generate: the templates folder " + filepath.Join(dir, "doc-tmpl") + " (output.templates in " + specFile + ") does not exist"},
	} {
		code, _, errOut := errspec(t, c.args...)
		if code != exitFailed || !strings.HasPrefix(errOut, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 1 and %q", c.args, code, errOut, c.want)
		}
	}
	if _, err := os.Stat("out"); !os.IsNotExist(err) {
		t.Error("a run with no templates folder wrote out")
	}
}

// TestValidateWarnings: a code with no text in a declared language is a
// warning, positioned, and validate still exits 0.
func TestValidateWarnings(t *testing.T) {
	path := writeSpec(t, t.TempDir(), "two.yaml", "package: x\nlanguages: [en, zh]\ncodes:\n  - code: A\n    message: {zh: 中}\n  - code: B\n    message: {en: b, zh: 乙}\n")
	code, out, errOut := errspec(t, "validate", path)
	want := path + `:5:14: warning: code "A" has no text in en; add it to message: (or solution:) as en: ...` + "\n"
	if code != 0 || out != path+": ok, 2 codes\n" || errOut != want {
		t.Errorf("exit %d, stdout %q, stderr %q; want 0, ok, and\n%s", code, out, errOut, want)
	}
}

// TestGenerateJSON: -json writes the table as JSON beside the Go file,
// -check sees it, and -json none removes the one errspec wrote.
func TestGenerateJSON(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "x")
	path := writeSpec(t, dir, "x.yaml", "package: x\ncodes:\n  - code: A\n    message: a\n    http_status: 404\n")
	if code, _, errOut := errspec(t, "generate", "-spec", path, "-out", out, "-json", "errors.json"); code != 0 {
		t.Fatalf("generate -json: exit %d: %s", code, errOut)
	}
	data, err := os.ReadFile(filepath.Join(out, "errors.json"))
	if err != nil || !strings.Contains(string(data), `"http_status": 404`) {
		t.Fatalf("errors.json: %v\n%s", err, data)
	}
	if code, diff, _ := errspec(t, "generate", "-spec", path, "-out", out, "-json", "none", "-check"); code != exitFailed || !strings.Contains(diff, "errors.json\n+++ /dev/null\n") {
		t.Errorf("generate -json none -check: exit %d, diff:\n%s", code, diff)
	}
	if code, _, errOut := errspec(t, "generate", "-spec", path, "-out", out, "-json", "none"); code != 0 {
		t.Fatalf("generate -json none: exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(out, "errors.json")); !os.IsNotExist(err) {
		t.Errorf("errors.json is still there after -json none: %v", err)
	}
	if code, _, errOut := errspec(t, "generate", "-spec", path, "-out", out, "-json", "errors.go"); code != exitFailed || !strings.Contains(errOut, "JSON") {
		t.Errorf("generate -json errors.go: exit %d, stderr %q", code, errOut)
	}
}
