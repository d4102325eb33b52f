package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	seed        = "../../../../shared/seeds/alibaba-sms-api-errors.txt"
	shippedSpec = "../../../spec/alibaba-sms.yaml"
)

// TestImportSeedReproducesSpec is issue 3's acceptance check: importing the
// vendor's page as text into the shipped spec gives the spec back, byte for
// byte.
func TestImportSeedReproducesSpec(t *testing.T) {
	want, err := os.ReadFile(shippedSpec)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := errspec(t, "import", "-format", "text", "-merge", shippedSpec, seed)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if out != string(want) {
		t.Errorf("import -merge of the seed differs from %s", shippedSpec)
	}
	if !strings.Contains(errOut, "0 added, 0 changed text, 0 deprecated, 0 restored, 28 unchanged") {
		t.Errorf("summary: %s", errOut)
	}
}

func TestImportNewSpec(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "sms.yaml")
	code, stdout, errOut := errspec(t, "import", "-package", "smserr", "-o", out, seed)
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr:\n%s", code, stdout, errOut)
	}
	// Without a spec to merge into, the text format's split between message
	// and solution is a guess, and every guessed row is shown for review.
	if n := strings.Count(errOut, "the split is a guess"); n != 28 {
		t.Errorf("%d rows flagged for review, want 28:\n%s", n, errOut)
	}
	data, _ := os.ReadFile(out)
	for _, want := range []string{"package: smserr\n", "  title: API Error Message\n", "  updated: \"2018-06-15\"\n", "  - code: OK\n    message: Accepted\n    solution: N/A\n    success: true\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the new spec lacks %q:\n%s", want, data)
		}
	}
	if code, _, errOut := errspec(t, "validate", out); code != 0 {
		t.Errorf("the new spec does not validate: %s", errOut)
	}
}

func TestImportStdinAndErrors(t *testing.T) {
	var out, errOut bytes.Buffer
	tsv := "Error ID\tText\nA.B\tfirst\nA.B\tagain\nC\tsecond\n"
	code := run([]string{"import", "-format", "tsv", "-columns", "code=Error ID,message=Text", "-package", "x", "-"}, strings.NewReader(tsv), &out, &errOut)
	if code != 0 || !strings.Contains(out.String(), "  - code: A.B\n    message: first\n  - code: C\n") {
		t.Errorf("import from stdin: exit %d, spec:\n%s\nstderr: %s", code, out.String(), errOut.String())
	}
	if !strings.Contains(errOut.String(), "-:3: ") || !strings.Contains(errOut.String(), "A.B") {
		t.Errorf("the duplicate A.B is not reported with its line: %s", errOut.String())
	}

	dir := t.TempDir()
	table := filepath.Join(dir, "t.tsv")
	os.WriteFile(table, []byte("Name\tText\nA\tx\n"), 0o644)
	if code, _, errOut := errspec(t, "import", table); code != exitFailed || !strings.Contains(errOut, "Name") || !strings.Contains(errOut, "Text") {
		t.Errorf("a table without a code column: exit %d, stderr %q; want 1 and the headers named", code, errOut)
	}
	for _, args := range [][]string{
		{"import", "-"},                       // stdin needs -format
		{"import", "-columns", "code", table}, // not field=header
		{"import"},                            // no table
		{"import", table, table},              // two tables
	} {
		if code, _, _ := errspec(t, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if code, _, errOut := errspec(t, "import", "-merge", filepath.Join(dir, "missing.yaml"), table); code != exitFailed || !strings.Contains(errOut, "missing.yaml") {
		t.Errorf("-merge of a missing spec: exit %d, stderr %q", code, errOut)
	}
}

// TestImportMergeInPlace merges a changed table into a spec file, writing
// it over itself, and checks what the summary and the spec say.
func TestImportMergeInPlace(t *testing.T) {
	dir := t.TempDir()
	specFile := filepath.Join(dir, "errors.yaml")
	os.WriteFile(specFile, []byte("# mine\npackage: acmeerr\ncodes:\n  - code: A\n    message: old\n    retryable: true # by hand\n  - code: B\n    message: b\n"), 0o600)
	table := filepath.Join(dir, "t.csv")
	os.WriteFile(table, []byte("code,message\nA,new\nC,c\n"), 0o644)
	code, _, errOut := errspec(t, "import", "-merge", specFile, "-o", specFile, "-date", "2026-01-02", table)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"1 added, 1 changed text, 1 deprecated, 0 restored, 0 unchanged", "added: C", "deprecated: B"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("summary lacks %q:\n%s", want, errOut)
		}
	}
	got, _ := os.ReadFile(specFile)
	want := "# mine\npackage: acmeerr\ncodes:\n  - code: A\n    message: new\n    retryable: true # by hand\n  - code: C\n    message: c\n  - code: B\n    message: b\n    deprecated: no longer in the vendor table (2026-01-02)\n"
	if string(got) != want {
		t.Errorf("merged spec:\n%s\nwant:\n%s", got, want)
	}
	if info, _ := os.Stat(specFile); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v; the spec's mode should be kept", info.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("files left in the folder: %v", entries)
	}
}

// TestDroppedCodeKeepsCompiling is issue 3's last acceptance check: a
// program uses a code's constant and sentinel; the vendor drops the code
// from its table; import -merge and generate (with no -allow-breaking)
// leave the program compiling, and the identifiers are marked deprecated.
func TestDroppedCodeKeepsCompiling(t *testing.T) {
	goBin := needGo(t)
	root := checkout(t)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod":  "module example.com/app\n\ngo " + goVersion(t, root) + "\n",
		"v1.tsv":  "code\tmessage\nOK\tDone\nacme.THROTTLED\tSlow down\nacme.GONE\tGoing away\n",
		"v2.tsv":  "code\tmessage\nOK\tDone\nacme.THROTTLED\tSlow down, please\n",
		"main.go": "package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n\n\t\"example.com/app/acmeerr\"\n)\n\nfunc main() {\n\terr := acmeerr.FromResponse(string(acmeerr.CodeGone), \"\", \"\")\n\tfmt.Println(errors.Is(err, acmeerr.ErrGone))\n}\n",
	})
	specFile, out := filepath.Join(dir, "errors.yaml"), filepath.Join(dir, "acmeerr")
	env := goEnv("GOFLAGS=-mod=mod", "GOPROXY=off")
	steps := [][]string{
		{"import", "-package", "acmeerr", "-o", specFile, filepath.Join(dir, "v1.tsv")},
		{"generate", "-spec", specFile, "-out", out},
	}
	for _, args := range steps {
		if code, _, errOut := errspec(t, args...); code != 0 {
			t.Fatalf("errspec %v: exit %d: %s", args, code, errOut)
		}
	}
	if got := runCmd(t, dir, env, goBin, "run", "."); got != "true\n" {
		t.Fatalf("the program printed %q", got)
	}
	for _, args := range [][]string{
		{"import", "-merge", specFile, "-o", specFile, "-date", "2026-11-26", filepath.Join(dir, "v2.tsv")},
		{"generate", "-spec", specFile, "-out", out},
	} {
		if code, _, errOut := errspec(t, args...); code != 0 {
			t.Fatalf("errspec %v: exit %d: %s", args, code, errOut)
		}
	}
	if got := runCmd(t, dir, env, goBin, "run", "."); got != "true\n" {
		t.Errorf("after the vendor dropped acme.GONE, the program printed %q", got)
	}
	generated := readFile(t, filepath.Join(out, "errors.go"))
	if !strings.Contains(generated, "// Deprecated: no longer in the vendor table (2026-11-26)\n\tCodeGone Code = \"acme.GONE\"") {
		t.Errorf("CodeGone is not marked deprecated:\n%s", generated)
	}
}
