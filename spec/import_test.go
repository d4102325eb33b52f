package spec

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errspec/errspec/spec/table"
)

func TestImport(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string { return writeTestFile(t, dir, name, data) }
	tsv := write("tencent-sms.tsv", "code\tmessage\tpriority\nA\ta\thigh\nB\tb\tlow\n")

	// A new spec: its package comes from the table's file name.
	im, err := Import(ImportOptions{Table: tsv})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(im.Spec), "package: tencentsmserr\n") || im.Summary != nil || im.Problems != nil || len(im.Table.Rows) != 2 {
		t.Errorf("new spec: summary %v, problems %v, %d rows:\n%s", im.Summary, im.Problems, len(im.Table.Rows), im.Spec)
	}
	if len(im.Table.Warnings) != 1 || !strings.Contains(im.Table.Warnings[0].Msg, `"priority"`) {
		t.Errorf("warnings %v; want the unread priority column", im.Table.Warnings)
	}

	// A merge that deprecates most codes is done, with a warning.
	specFile := write("errors.yaml", "package: acmeerr\ncodes:\n  - code: A\n  - code: X\n  - code: Y\n")
	im, err = Import(ImportOptions{Table: tsv, Merge: specFile, Date: "2026-01-02"})
	if err != nil {
		t.Fatal(err)
	}
	if im.Summary == nil || len(im.Summary.Deprecated) != 2 || len(im.Warnings) != 1 || !strings.HasPrefix(im.Warnings[0], "2 of the 3 codes in "+specFile+" are not in the table") {
		t.Errorf("merge: summary %v, warnings %q", im.Summary, im.Warnings)
	}

	// A table that shares no code with the spec is refused, and its
	// warnings still come back.
	other := write("other.tsv", "code\tmessage\tpriority\nZ\tz\thigh\n")
	im, err = Import(ImportOptions{Table: other, Merge: specFile})
	if err == nil || !strings.Contains(err.Error(), `the table's one code, "Z", is not in `+specFile) {
		t.Errorf("a table of none of the spec's codes: %v", err)
	}
	if im == nil || len(im.Table.Warnings) != 1 || im.Spec != nil {
		t.Errorf("the refusal's result = %+v; want only the table, for its warnings", im)
	}

	// A table that cannot be read is the reader's error; an -o that
	// would replace another spec is refused before anything is read.
	if _, err := Import(ImportOptions{Table: write("bad.tsv", "name\ttext\nA\ta\n")}); !errors.As(err, new(*table.Error)) {
		t.Errorf("a table without a code column: %v; want a *table.Error", err)
	}
	if _, err := Import(ImportOptions{Table: filepath.Join(dir, "missing.tsv"), Out: specFile}); err == nil || !strings.Contains(err.Error(), specFile+" exists") {
		t.Errorf("-o an existing spec: %v", err)
	}
}

func TestPackageFor(t *testing.T) {
	for path, want := range map[string]string{
		"tencent-sms.tsv":      "tencentsmserr",
		"dir/Alibaba_SMS.html": "alibabasmserr",
		"vendorerr.csv":        "vendorerr",
		"2024-errors.md":       "errorserr",
		"-":                    "vendorerr",
		"错误码.tsv":              "vendorerr",
	} {
		if got := packageFor(path); got != want {
			t.Errorf("packageFor(%q) = %q, want %q", path, got, want)
		}
	}
}

// TestImportUpdatedBackwards checks that a merge whose table is dated
// before the spec's source.updated says so, naming both dates: the table
// is most likely an old copy of the page.
func TestImportUpdatedBackwards(t *testing.T) {
	dir := t.TempDir()
	specFile := filepath.Join(dir, "errors.yaml")
	page := filepath.Join(dir, "page.md")
	os.WriteFile(specFile, []byte("package: acmeerr\nsource:\n  updated: 2024-11-18\ncodes:\n  - code: A\n    message: a\n"), 0o644)
	for date, want := range map[string]string{
		"2018-06-15": "source.updated goes back from 2024-11-18 to 2018-06-15",
		"2024-11-18": "",
		"2025-01-02": "",
	} {
		os.WriteFile(page, []byte("# ACME\n\n*Last updated: "+date+"*\n\n| Code | Message |\n| --- | --- |\n| A | a |\n"), 0o644)
		im, err := Import(ImportOptions{Table: page, Merge: specFile, Date: "2026-01-02"})
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(im.Warnings, "\n")
		if want == "" && got != "" || want != "" && !strings.Contains(got, want) {
			t.Errorf("a table dated %s: warnings %q; want %q", date, got, want)
		}
	}
}

// TestImportLanguageNamesRespellings checks Import's own checks of the
// new options: a language that is not a BCP 47 tag is refused before
// anything is read; a name the table gives that makes no Go name is a
// warning at its line; and a table whose codes are the spec's respelled is
// the right table, not one that shares no code with it.
func TestImportLanguageNamesRespellings(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string { return writeTestFile(t, dir, name, data) }
	tsv := write("pg.tsv", "code\tname\tmessage\n23505\tunique_violation\tdup\n22012\t除零\tdiv\n")
	if _, err := Import(ImportOptions{Table: tsv, Lang: "english!"}); err == nil || !strings.Contains(err.Error(), `language "english!" is not a BCP 47 tag`) {
		t.Errorf("a bad -lang: %v", err)
	}
	im, err := Import(ImportOptions{Table: tsv, Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if want := tsv + `:3: 22012: the name "除零" gives no Go name`; len(im.Warnings) != 1 || !strings.HasPrefix(im.Warnings[0], want) {
		t.Errorf("warnings %q; want one starting %q", im.Warnings, want)
	}
	if !strings.Contains(string(im.Spec), "languages: [en]\n") || !strings.Contains(string(im.Spec), "name: UniqueViolation\n") {
		t.Errorf("the new spec:\n%s", im.Spec)
	}

	specFile := write("errors.yaml", "package: x\ncodes:\n  - code: InvalidURI\n    message: bad\n")
	im, err = Import(ImportOptions{Table: write("s3.tsv", "code\tmessage\nInvalidUri\tbad\n"), Merge: specFile, Date: "2026-01-02"})
	if err != nil {
		t.Fatalf("a table of a respelled code: %v", err)
	}
	if len(im.Summary.Respelled) != 1 || len(im.Summary.Deprecated) != 0 {
		t.Errorf("summary %s, respelled %v", im.Summary, im.Summary.Respelled)
	}
}

// writeTestFile writes data to the file name in dir and returns its path.
func writeTestFile(t *testing.T, dir, name, data string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
