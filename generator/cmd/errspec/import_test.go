package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const (
	seed        = "../../../spec/testdata/vendor/alibaba-sms-api-errors.txt"
	liveTable   = "../../../spec/testdata/vendor/alibaba-sms-zh.tsv"
	shippedSpec = "../../../spec/alibaba-sms.yaml"
	// spec2018 is the spec as transcribed from the seed page in 2018, before
	// the live Chinese table was merged into it.
	spec2018 = "../../../spec/testdata/vendor/alibaba-sms-2018.yaml"
)

// TestImportSeedReproducesSpec is issue 3's acceptance check: importing the
// vendor's page as text into the spec transcribed from it gives the spec
// back, byte for byte. And the shipped spec is what errspec import made of
// the live Chinese table: merging it again changes nothing.
func TestImportSeedReproducesSpec(t *testing.T) {
	for _, c := range []struct {
		spec, table, summary string
		args                 []string
	}{
		{spec2018, seed, "0 added, 0 changed text, 0 deprecated, 0 restored, 28 unchanged", []string{"-format", "text"}},
		{shippedSpec, liveTable, "0 added, 0 changed text, 0 deprecated, 0 restored, 95 unchanged", []string{"-lang", "zh", "-date", "2026-11-30"}},
	} {
		want, err := os.ReadFile(c.spec)
		if err != nil {
			t.Fatal(err)
		}
		code, out, errOut := errspec(t, append(append([]string{"import"}, c.args...), "-merge", c.spec, c.table)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if out != string(want) {
			t.Errorf("import -merge of %s differs from %s", c.table, c.spec)
		}
		if !strings.Contains(errOut, c.summary) {
			t.Errorf("summary: %s\nwant %s", errOut, c.summary)
		}
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
	if !strings.HasPrefix(string(data), "# yaml-language-server: $schema=https://raw.githubusercontent.com/errspec/errspec/main/spec/schema.json\n") {
		t.Errorf("the new spec does not start with the $schema line errspec init writes:\n%s", data)
	}
	for _, want := range []string{"package: smserr\n", "service: API Error Message\n", "  title: API Error Message\n", "  updated: \"2018-06-15\"\n", "  - code: OK\n    message: Accepted\n    solution: N/A\n    success: true\n"} {
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

// mergeSpec is a spec with hand-written solutions, for the merge tests.
const mergeSpec = "package: acmeerr\nsource:\n  title: ACME errors\n  updated: 2018-06-15\ncodes:\n  - code: A\n    message: a\n    solution: Fix a.\n  - code: B\n    message: b\n    solution: Fix b.\n  - code: C\n    message: c\n    solution: Fix c.\n"

// writeTemp writes files into a new folder and returns its path.
func writeTemp(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestImportMergeColumns checks that a merge takes a solution column
// headed "Cause & solution" or "Cause/Solution", and that one whose header
// names no field is a warning at the header's line, suggesting -columns,
// and leaves the spec's solutions as they were rather than blanking them.
func TestImportMergeColumns(t *testing.T) {
	for _, header := range []string{"Cause & solution", "Cause/Solution"} {
		dir := writeTemp(t, map[string]string{
			"errors.yaml": mergeSpec,
			"t.tsv":       "Error code\tError message\t" + header + "\nA\ta\tNew fix a.\nB\tb\tFix b.\nC\tc\tFix c.\n",
		})
		code, out, errOut := errspec(t, "import", "-merge", filepath.Join(dir, "errors.yaml"), filepath.Join(dir, "t.tsv"))
		if code != 0 || !strings.Contains(out, "solution: New fix a.\n") || !strings.Contains(out, "solution: Fix b.\n") {
			t.Errorf("%q: exit %d, spec:\n%s\nstderr: %s", header, code, out, errOut)
		}
		if !strings.Contains(errOut, "0 added, 1 changed text, 0 deprecated, 0 restored, 2 unchanged") || strings.Contains(errOut, "not read") {
			t.Errorf("%q: summary:\n%s", header, errOut)
		}
	}

	dir := writeTemp(t, map[string]string{
		"errors.yaml": mergeSpec,
		"t.tsv":       "Code\tMessage\tReason\nA\ta, reworded\tNew fix a.\nB\tb\t\nC\tc\t\n",
	})
	code, out, errOut := errspec(t, "import", "-merge", filepath.Join(dir, "errors.yaml"), filepath.Join(dir, "t.tsv"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := strings.Replace(mergeSpec, "message: a\n", "message: a, reworded\n", 1)
	if out != want {
		t.Errorf("a table without a solution column changed more than the message:\n%s\nwant:\n%s", out, want)
	}
	for _, w := range []string{`t.tsv:1: column 3 ("Reason") is not read`, "columns option (solution=Reason)", "0 added, 1 changed text, 0 deprecated, 0 restored, 2 unchanged"} {
		if !strings.Contains(errOut, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errOut)
		}
	}
}

// TestImportRefusesToOverwrite checks that -o does not replace an existing
// file unless it is the spec the table is merged into, and that -o naming
// a folder says so.
func TestImportRefusesToOverwrite(t *testing.T) {
	dir := writeTemp(t, map[string]string{
		"errors.yaml": mergeSpec,
		"other.yaml":  mergeSpec,
		"t.tsv":       "code\tmessage\tsolution\nA\ta\tFix a.\nB\tb\tFix b.\nC\tc\tFix c.\n",
	})
	specFile, other, tab := filepath.Join(dir, "errors.yaml"), filepath.Join(dir, "other.yaml"), filepath.Join(dir, "t.tsv")
	for _, args := range [][]string{
		{"import", "-o", specFile, tab},
		{"import", "-merge", other, "-o", specFile, tab},
	} {
		code, _, errOut := errspec(t, args...)
		want := specFile + " exists; merge the table into it with -merge " + specFile + " -o " + specFile + ", or choose another -o\n"
		if code != exitFailed || !strings.HasSuffix(errOut, want) {
			t.Errorf("%v: exit %d, stderr %q; want 1 and %q", args, code, errOut, want)
		}
	}
	if got := readFile(t, specFile); got != mergeSpec {
		t.Errorf("the spec was overwritten:\n%s", got)
	}
	// The in-place update, however -o spells the file.
	if code, _, errOut := errspec(t, "import", "-merge", specFile, "-o", filepath.Join(dir, ".", "..", filepath.Base(dir), "errors.yaml"), tab); code != 0 {
		t.Errorf("-merge F -o F: exit %d: %s", code, errOut)
	}
	code, _, errOut := errspec(t, "import", "-o", dir, tab)
	if want := "errspec import: -o " + dir + " is a folder; give the file to write the spec to, such as " + filepath.Join(dir, "errors.yaml") + "\n"; code != exitFailed || errOut != want {
		t.Errorf("-o a folder: exit %d, stderr %q; want 1 and %q", code, errOut, want)
	}
}

// TestImportRefusesWrongTable checks that a merge of an empty table, or of
// one that shares no code with the spec, is refused rather than
// deprecating every code, and that one deprecating most codes is done with
// a warning.
func TestImportRefusesWrongTable(t *testing.T) {
	dir := writeTemp(t, map[string]string{
		"errors.yaml": mergeSpec,
		"empty.tsv":   "code\tmessage\n",
		"blank.md":    "# Errors\n\n| Code | Message |\n| --- | --- |\n",
		"other.tsv":   "code\tmessage\nX\tx\nY\ty\nZ\tz\nW\tw\n",
		"one.tsv":     "code\tmessage\nX\tx\n",
		"most.tsv":    "code\tmessage\tsolution\nA\ta\tFix a.\nD\td\t\n",
	})
	specFile := filepath.Join(dir, "errors.yaml")
	const hint = ": is it the right table? (-table, -format, -columns)\n"
	for table, want := range map[string]string{
		"empty.tsv": " has no codes; merging it would deprecate every code of " + specFile + hint,
		"blank.md":  " has no codes; merging it would deprecate every code of " + specFile + hint,
		"other.tsv": `none of the table's 4 codes ("X", "Y", "Z", ...) is in ` + specFile + hint,
		"one.tsv":   `the table's one code, "X", is not in ` + specFile + hint,
	} {
		path := filepath.Join(dir, table)
		if strings.HasPrefix(want, " ") {
			want = path + want
		}
		code, out, errOut := errspec(t, "import", "-merge", specFile, "-o", specFile, path)
		if code != exitFailed || out != "" || !strings.HasSuffix(errOut, "errspec import: "+want) {
			t.Errorf("%s: exit %d, stderr %q; want 1 and %q", table, code, errOut, want)
		}
	}
	if got := readFile(t, specFile); got != mergeSpec {
		t.Errorf("a refused merge changed the spec:\n%s", got)
	}
	if code, _, errOut := errspec(t, "import", "-package", "x", filepath.Join(dir, "empty.tsv")); code != exitFailed || !strings.Contains(errOut, "empty.tsv has no codes: is it the right table?") {
		t.Errorf("a new spec from an empty table: exit %d, stderr %q", code, errOut)
	}

	code, _, errOut := errspec(t, "import", "-merge", specFile, "-date", "2026-01-02", filepath.Join(dir, "most.tsv"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := "errspec import: warning: 2 of the 3 codes in " + specFile + " are not in the table, and are now deprecated; check that it is the right table (-table, -format, -columns) before you commit the spec\n"
	if !strings.Contains(errOut, "1 added, 0 changed text, 2 deprecated") || !strings.Contains(errOut, want) {
		t.Errorf("a merge deprecating most codes: stderr\n%s\nwant the warning %q", errOut, want)
	}
	// Half is not more than half: no warning.
	os.WriteFile(filepath.Join(dir, "half.tsv"), []byte("code\tmessage\tsolution\nA\ta\tFix a.\nB\tb\tFix b.\n"), 0o644)
	if code, _, errOut := errspec(t, "import", "-merge", specFile, filepath.Join(dir, "half.tsv")); code != 0 || strings.Contains(errOut, "warning") {
		t.Errorf("a merge deprecating 1 of 3 codes: exit %d, stderr\n%s", code, errOut)
	}
}

// TestImportMergeUpdated checks that a merge takes the page's "last
// updated" date into source.updated, says so, and changes nothing when
// run again.
func TestImportMergeUpdated(t *testing.T) {
	dir := writeTemp(t, map[string]string{
		"errors.yaml": mergeSpec,
		"page.txt":    "ACME errors\nLast Updated: Jan 31, 2026\nError code Error message Cause and solution\nA a Fix a.\nB b Fix b.\nC c Fix c.\n",
	})
	specFile, page := filepath.Join(dir, "errors.yaml"), filepath.Join(dir, "page.txt")
	code, _, errOut := errspec(t, "import", "-merge", specFile, "-o", specFile, page)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "  source.updated: 2018-06-15 → 2026-01-31\n") {
		t.Errorf("the summary does not report the new date:\n%s", errOut)
	}
	want := strings.Replace(mergeSpec, "updated: 2018-06-15", "updated: 2026-01-31", 1)
	if got := readFile(t, specFile); got != want {
		t.Errorf("merged spec:\n%s\nwant:\n%s", got, want)
	}
	code, _, errOut = errspec(t, "import", "-merge", specFile, "-o", specFile, page)
	if got := readFile(t, specFile); code != 0 || got != want || strings.Contains(errOut, "source.updated") {
		t.Errorf("merging again: exit %d, stderr %q, spec:\n%s", code, errOut, got)
	}

	// An older copy of the page moves the date back: the merge says so.
	old := filepath.Join(dir, "old.md")
	os.WriteFile(old, []byte("# ACME errors\n\n**Last updated:** 2024-11-18\n\n| Code | Message | Solution |\n| --- | --- | --- |\n| A | a | Fix a. |\n| B | b | Fix b. |\n| C | c | Fix c. |\n"), 0o644)
	code, _, errOut = errspec(t, "import", "-merge", specFile, "-o", specFile, old)
	if code != 0 || !strings.Contains(errOut, "  source.updated: 2026-01-31 → 2024-11-18\n") ||
		!strings.Contains(errOut, "errspec import: warning: source.updated goes back from 2026-01-31 to 2024-11-18") {
		t.Errorf("merging an older page: exit %d, stderr:\n%s\nwant the dates and a warning", code, errOut)
	}
}

// TestImportFlags checks the flags import refuses, and the messages that
// say why.
func TestImportFlags(t *testing.T) {
	dir := writeTemp(t, map[string]string{
		"errors.yaml": mergeSpec,
		"t.tsv":       "code\tmessage\nA\ta\n",
	})
	tab := filepath.Join(dir, "t.tsv")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-columns", "code=a,code=b"}, "errspec import: -columns: code is given twice (code=a and code=b); give each field once\n"},
		{[]string{"-columns", "code=a,Code=b"}, "errspec import: -columns: code is given twice (code=a and code=b); give each field once\n"},
		{[]string{"-columns", "cause=Ursache"}, "errspec import: -columns: unknown field \"cause\" in \"cause=Ursache\"; the fields are code, message, solution, http_status and name\n"},
		{[]string{"-lang", "english!"}, "errspec import: -lang: language \"english!\" is not a BCP 47 tag; write it as a language subtag and optional subtags, such as en, zh or zh-Hant\n"},
		{[]string{"-columns", "message= "}, "errspec import: -columns: message= names no header; give the header of the message column, such as message=Error ID\n"},
		{[]string{"-date", "26-11-2026"}, "errspec import: -date \"26-11-2026\": want a date as YYYY-MM-DD, such as "},
		{[]string{"-date", "2026-02-30"}, "errspec import: -date \"2026-02-30\": want a date as YYYY-MM-DD"},
		{[]string{"-date", "2026-1-5"}, "errspec import: -date \"2026-1-5\": want a date as YYYY-MM-DD"},
	} {
		code, _, errOut := errspec(t, append(append([]string{"import"}, tc.args...), tab)...)
		if code != exitUsage || !strings.HasPrefix(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, errOut, tc.want)
		}
	}

	// The table given as the spec to merge into.
	code, _, errOut := errspec(t, "import", "-merge", tab, tab)
	want := "errspec import: " + tab + ": not a spec to merge into: the file is plain text, not a YAML mapping of package:, codes: and the rest; is it the table? give -merge the spec, and the table last\n"
	if code != exitFailed || errOut != want {
		t.Errorf("-merge TABLE: exit %d, stderr %q; want 1 and %q", code, errOut, want)
	}

	// Counts read as English.
	code, _, errOut = errspec(t, "import", "-package", "x", tab)
	if code != 0 || !strings.Contains(errOut, "errspec import: 1 code from ") {
		t.Errorf("one code: exit %d, stderr %q", code, errOut)
	}
}

// TestImportOutputTargets checks where -o writes: - is standard output, as
// elsewhere, and a spec reached through a symbolic link is written through
// it, to the file it points at, leaving the link a link.
func TestImportOutputTargets(t *testing.T) {
	dir := writeTemp(t, map[string]string{"t.tsv": "code\tmessage\tsolution\nA\ta, reworded\tFix a.\nB\tb\tFix b.\nC\tc\tFix c.\n"})
	t.Chdir(dir)
	code, out, errOut := errspec(t, "import", "-package", "acmeerr", "-o", "-", "t.tsv")
	if code != 0 || !strings.Contains(out, "package: acmeerr\n") {
		t.Errorf("-o -: exit %d, stdout %q, stderr %q; want the spec on standard output", code, out, errOut)
	}
	if _, err := os.Lstat("-"); !os.IsNotExist(err) {
		t.Errorf("-o - wrote a file named -")
	}

	if err := os.Mkdir("specs", 0o755); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join("specs", "errors.yaml")
	if err := os.WriteFile(target, []byte(mergeSpec), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, "errors.yaml"); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := errspec(t, "import", "-merge", "errors.yaml", "-o", "errors.yaml", "t.tsv"); code != 0 {
		t.Fatalf("-merge LINK -o LINK: exit %d: %s", code, errOut)
	}
	if info, err := os.Lstat("errors.yaml"); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("errors.yaml is no longer a symbolic link (%v, %v)", info, err)
	}
	if got := readFile(t, target); got != strings.Replace(mergeSpec, "message: a\n", "message: a, reworded\n", 1) {
		t.Errorf("the link's target was not updated:\n%s", got)
	}
	if info, _ := os.Stat(target); info.Mode().Perm() != 0o600 {
		t.Errorf("the target's mode is %v; want it kept, 0600", info.Mode().Perm())
	}
	for _, d := range []string{".", "specs"} {
		if entries, _ := os.ReadDir(d); slices.ContainsFunc(entries, func(e os.DirEntry) bool { return strings.HasPrefix(e.Name(), ".errspec-") }) {
			t.Errorf("a temporary file is left in %s: %v", d, entries)
		}
	}
}

// TestImportKeepsOwnCodes is issue 9's item 6: an update never deprecates
// a success code (OK, which vendors' pages often leave out) nor a code the
// team marked local: true, and the summary names the codes it kept.
func TestImportKeepsOwnCodes(t *testing.T) {
	const own = "package: acmeerr\ncodes:\n  - code: OK\n    message: Success\n    success: true\n  - code: A\n    message: a\n  - code: acme.MINE\n    message: From our logs\n    local: true\n  - code: B\n    message: b\n"
	dir := writeTemp(t, map[string]string{"errors.yaml": own, "t.tsv": "code\tmessage\nA\ta\n"})
	specFile := filepath.Join(dir, "errors.yaml")
	code, _, errOut := errspec(t, "import", "-merge", specFile, "-o", specFile, "-date", "2026-01-02", filepath.Join(dir, "t.tsv"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := strings.Replace(own, "    message: b\n", "    message: b\n    deprecated: no longer in the vendor table (2026-01-02)\n", 1)
	if got := readFile(t, specFile); got != want {
		t.Errorf("merged spec:\n%s\nwant:\n%s", got, want)
	}
	for _, w := range []string{"0 added, 0 changed text, 1 deprecated, 0 restored, 3 unchanged\n", "  deprecated: B\n", "  kept as success codes: OK\n", "  kept as local codes: acme.MINE\n"} {
		if !strings.Contains(errOut, w) {
			t.Errorf("summary lacks %q:\n%s", w, errOut)
		}
	}
}

// TestImportLang merges a Chinese table into an English spec with -lang
// zh: zh joins languages:, each code's English stays beside its Chinese,
// and a new code's text is zh's alone. Without -merge, -lang declares the
// new spec's language; a spec with text but no languages: is refused.
func TestImportLang(t *testing.T) {
	const en = "package: acmeerr\nlanguages: [en]\ncodes:\n  - code: A\n    message: Busy\n    retryable: true\n  - code: B\n    message: Bad\n"
	dir := writeTemp(t, map[string]string{
		"errors.yaml": en,
		"zh.tsv":      "错误码\t错误信息\nA\t繁忙\nB\t错误\nC\t新\n",
		"plain.yaml":  "package: acmeerr\ncodes:\n  - code: A\n    message: Busy\n",
	})
	specFile, zh := filepath.Join(dir, "errors.yaml"), filepath.Join(dir, "zh.tsv")
	code, _, errOut := errspec(t, "import", "-lang", "zh", "-merge", specFile, "-o", specFile, zh)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := "package: acmeerr\nlanguages: [en, zh]\ncodes:\n  - code: A\n    message:\n      en: Busy\n      zh: 繁忙\n    retryable: true\n" +
		"  - code: B\n    message:\n      en: Bad\n      zh: 错误\n  - code: C\n    message:\n      zh: 新\n"
	if got := readFile(t, specFile); got != want {
		t.Errorf("merged spec:\n%s\nwant:\n%s", got, want)
	}
	for _, w := range []string{"1 added, 2 changed text, 0 deprecated, 0 restored, 0 unchanged\n", "  languages: added zh\n"} {
		if !strings.Contains(errOut, w) {
			t.Errorf("summary lacks %q:\n%s", w, errOut)
		}
	}
	if code, _, errOut := errspec(t, "validate", specFile); code != 0 {
		t.Errorf("the merged spec does not validate: %s", errOut)
	}
	if code, _, errOut := errspec(t, "import", "-lang", "zh", "-merge", specFile, "-o", specFile, zh); code != 0 || readFile(t, specFile) != want || !strings.Contains(errOut, "0 added, 0 changed text, 0 deprecated, 0 restored, 3 unchanged\n") {
		t.Errorf("merging again: exit %d, stderr %s", code, errOut)
	}

	code, out, errOut := errspec(t, "import", "-lang", "zh", "-package", "acmeerr", zh)
	if code != 0 || !strings.Contains(out, "\nlanguages: [zh]\ncodes:\n  - code: A\n    message: 繁忙\n") {
		t.Errorf("a new spec with -lang: exit %d, stderr %s, spec:\n%s", code, errOut, out)
	}

	plain := filepath.Join(dir, "plain.yaml")
	code, _, errOut = errspec(t, "import", "-lang", "zh", "-merge", plain, zh)
	if want := "errspec import: " + plain + ":4:14: the spec's text (this, and the rest) is in a language it does not name"; code != exitFailed || !strings.HasPrefix(errOut, want) || !strings.Contains(errOut, "languages: [en]") {
		t.Errorf("-lang into a spec without languages: exit %d, stderr %q; want 1 and %q", code, errOut, want)
	}
}

// TestImportJSON reads Twilio's table as JSON: numbers as codes are codes
// as text, the status key is the HTTP status, and keys that name no field
// are warnings, as unread columns are.
func TestImportJSON(t *testing.T) {
	dir := writeTemp(t, map[string]string{
		"twilio.json": `[
  {"code": 21211, "message": "Invalid 'To' Phone Number", "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400},
  {"code": 20429, "message": "Too Many Requests", "more_info": "https://www.twilio.com/docs/errors/20429", "status": 429}
]
`,
	})
	code, out, errOut := errspec(t, "import", "-package", "twilioerr", filepath.Join(dir, "twilio.json"))
	// Numeric codes derive no Go names: the import says to set name:.
	if code != exitFailed || !strings.Contains(errOut, `code "21211" derives Go name "21211"`) {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
	if !strings.Contains(out, "  - code: \"21211\"\n    message: Invalid 'To' Phone Number\n    http_status: 400\n") {
		t.Errorf("the spec:\n%s", out)
	}
	if !strings.Contains(errOut, `twilio.json:1: key "more_info" is not read`) {
		t.Errorf("no warning for more_info:\n%s", errOut)
	}
	// -format json reads standard input, and -columns names keys.
	var stdout, stderr bytes.Buffer
	code = run([]string{"import", "-format", "json", "-columns", "code=id,message=text", "-package", "x", "-"}, strings.NewReader(`[{"id": "E1", "text": "Broken"}]`), &stdout, &stderr)
	if code != 0 || !strings.Contains(stdout.String(), "  - code: E1\n    message: Broken\n") {
		t.Errorf("-format json from stdin: exit %d, stderr %s, spec:\n%s", code, stderr.String(), stdout.String())
	}
}

// TestImportFamiliesAndRespellings checks what import prints of the
// families it proposes, for a new spec and for a merge, and of codes it
// takes as respellings.
func TestImportFamiliesAndRespellings(t *testing.T) {
	dir := writeTemp(t, map[string]string{
		"v1.tsv": "code\tmessage\nInvalidURI\tBad URI\nLimitExceeded.A\ta\nLimitExceeded.B\tb\nLimitExceeded.C\tc\n",
		"v2.tsv": "code\tmessage\nInvalidUri\tBad URI\nLimitExceeded.A\ta\nLimitExceeded.B\tb\nLimitExceeded.C\tc\nQuota.A\ta\nQuota.B\tb\nQuota.C\tc\n",
	})
	specFile := filepath.Join(dir, "errors.yaml")
	code, _, errOut := errspec(t, "import", "-families", "-package", "acmeerr", "-o", specFile, filepath.Join(dir, "v1.tsv"))
	if code != 0 || !strings.Contains(errOut, "errspec import: 4 codes from ") || !strings.Contains(errOut, "  families proposed: LimitExceeded. (3 codes)\n") {
		t.Errorf("a new spec with -families: exit %d, stderr:\n%s", code, errOut)
	}
	if got := readFile(t, specFile); !strings.Contains(got, "families:\n  - prefix: LimitExceeded.\ncodes:\n") {
		t.Errorf("the new spec:\n%s", got)
	}
	code, _, errOut = errspec(t, "import", "-families", "-merge", specFile, "-o", specFile, filepath.Join(dir, "v2.tsv"))
	for _, w := range []string{
		"3 added, 0 changed text, 0 deprecated, 0 restored, 3 unchanged, 1 respelled\n",
		"  respelled: InvalidUri → alias of InvalidURI\n",
		"  families added: Quota. (3 codes)\n",
	} {
		if code != 0 || !strings.Contains(errOut, w) {
			t.Errorf("merge: exit %d, stderr lacks %q:\n%s", code, w, errOut)
		}
	}
	if code, _, errOut := errspec(t, "validate", specFile); code != 0 {
		t.Errorf("the merged spec does not validate: %s", errOut)
	}
}
