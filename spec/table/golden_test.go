package table

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
	"gopkg.in/yaml.v3"
)

var update = flag.Bool("update", false, "rewrite the expectations of the golden cases (testdata/*.txtar)")

// A golden case is a txtar archive in testdata. Its comment says what it
// covers; input.EXT is the table, read under that name (so its extension
// names the format unless the options say otherwise); options.json, if
// present, holds the Options and caseOptions' fields; want.json is the
// Table that Read returns, or error the message of the error it returns.
const (
	caseOptions = "options.json"
	caseWant    = "want.json"
	caseError   = "error"
)

// options are a case's options.json: Read's Options, and two fields of
// the test's own.
type options struct {
	Options
	// Input is a file to read instead of the case's input.EXT, relative
	// to the package's folder, for tables that live elsewhere.
	Input string
	// KnownSpec is a spec whose messages are Options.Known.
	KnownSpec string
}

func TestGolden(t *testing.T) {
	paths, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden cases in testdata: %v", err)
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			name, input, opts := caseInput(t, ar)
			got := result(Read(bytes.NewReader(input), name, opts))
			if *update {
				ar.Files = slices.DeleteFunc(ar.Files, func(f txtar.File) bool { return f.Name == caseWant || f.Name == caseError })
				ar.Files = append(ar.Files, got)
				if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			var want *txtar.File
			for i, f := range ar.Files {
				if f.Name == caseWant || f.Name == caseError {
					want = &ar.Files[i]
				}
			}
			switch {
			case want == nil:
				t.Fatalf("the case has neither %s nor %s (go test ./spec/table -update adds the one it gets)", caseWant, caseError)
			case want.Name != got.Name:
				t.Fatalf("the case expects %s, but Read gave %s:\n%s", want.Name, got.Name, got.Data)
			}
			if diff := cmp.Diff(string(want.Data), string(got.Data)); diff != "" {
				t.Errorf("%s mismatch (-want +got):\n%s", want.Name, diff)
			}
		})
	}
}

// caseInput returns a case's input, the name to read it under and the
// options to read it with.
func caseInput(t testing.TB, ar *txtar.Archive) (name string, input []byte, opts Options) {
	t.Helper()
	var o options
	for _, f := range ar.Files {
		switch {
		case f.Name == caseOptions:
			dec := json.NewDecoder(bytes.NewReader(f.Data))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&o); err != nil {
				t.Fatalf("%s: %v", caseOptions, err)
			}
		case strings.HasPrefix(f.Name, "input."):
			if input != nil {
				t.Fatalf("the case has two inputs")
			}
			name, input = f.Name, f.Data
		case f.Name == caseWant || f.Name == caseError:
		default:
			t.Fatalf("unexpected file %s in the case", f.Name)
		}
	}
	if o.Input != "" {
		data, err := os.ReadFile(o.Input)
		if err != nil {
			t.Fatalf("%v (the case reads a vendor page in spec/testdata/vendor)", err)
		}
		name, input = filepath.Base(o.Input), data
	}
	if input == nil {
		t.Fatalf("the case has no input.EXT file and no Input option")
	}
	if o.KnownSpec != "" {
		o.Known = knownMessages(t, o.KnownSpec)
	}
	return name, input, o.Options
}

// knownMessages loads a spec and maps its codes to their messages.
func knownMessages(t testing.TB, path string) map[string]string {
	t.Helper()
	s := loadSpec(t, path)
	known := map[string]string{}
	for _, c := range s.Codes {
		known[c.Code] = c.Message
	}
	return known
}

// specRows is what the tests need of a spec: its source and its rows.
// Package spec imports this package (a table flows into a merge), so the
// tests read the YAML themselves rather than through spec.Load.
type specRows struct {
	Source struct{ Title, Updated string }
	Codes  []struct{ Code, Message, Solution string }
}

func loadSpec(t testing.TB, path string) *specRows {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var s specRows
	if err := yaml.Unmarshal(data, &s); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(s.Codes) == 0 {
		t.Fatalf("%s: no codes", path)
	}
	return &s
}

// result renders what Read returned as the file a case expects: the
// table as JSON, a row to a line, or the error's text. HasHTTPStatus and
// HasName are shown only when true, so that the cases of tables without
// those columns read as they always have.
func result(tb *Table, err error) txtar.File {
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			return txtar.File{Name: caseError, Data: []byte("not an *Error: " + err.Error() + "\n")}
		}
		return txtar.File{Name: caseError, Data: []byte(err.Error() + "\n")}
	}
	var b bytes.Buffer
	line := func(indent string, v any, last bool) {
		var data bytes.Buffer
		enc := json.NewEncoder(&data)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			panic(err)
		}
		b.WriteString(indent)
		b.Write(bytes.TrimSuffix(data.Bytes(), []byte("\n")))
		if !last {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	list := func(key string, n int, item func(i int) any, last bool) {
		b.WriteString("  \"" + key + "\": [")
		if n == 0 {
			b.WriteString("]")
		} else {
			b.WriteString("\n")
			for i := range n {
				line("    ", item(i), i == n-1)
			}
			b.WriteString("  ]")
		}
		if !last {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("{\n")
	b.WriteString("  \"Title\": ")
	line("", tb.Title, false)
	b.WriteString("  \"Updated\": ")
	line("", tb.Updated, false)
	b.WriteString("  \"HasMessage\": ")
	line("", tb.HasMessage, false)
	b.WriteString("  \"HasSolution\": ")
	line("", tb.HasSolution, false)
	if tb.HasHTTPStatus {
		b.WriteString("  \"HasHTTPStatus\": true,\n")
	}
	if tb.HasName {
		b.WriteString("  \"HasName\": true,\n")
	}
	list("Rows", len(tb.Rows), func(i int) any {
		r := tb.Rows[i]
		return jsonRow{r.Line, r.Code, r.Message, r.Solution, r.HTTPStatus, r.Name, r.Guessed}
	}, false)
	list("Warnings", len(tb.Warnings), func(i int) any { return tb.Warnings[i].String() }, false)
	list("Duplicates", len(tb.Duplicates), func(i int) any { return tb.Duplicates[i] }, true)
	b.WriteString("}\n")
	return txtar.File{Name: caseWant, Data: b.Bytes()}
}

// jsonRow is a Row as a case shows it: HTTPStatus, Name and Guessed only
// when set.
type jsonRow struct {
	Line                    int
	Code, Message, Solution string
	HTTPStatus              int    `json:",omitempty"`
	Name                    string `json:",omitempty"`
	Guessed                 bool   `json:",omitempty"`
}
