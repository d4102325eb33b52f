package spec_test

import (
	"bytes"
	"errors"
	"fmt"
	"go/token"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/errspec/errspec/spec"
	"golang.org/x/tools/txtar"
)

// fuzzFile names the fuzzed spec in messages.
const fuzzFile = "fuzz.yaml"

// FuzzParse feeds Parse arbitrary bytes. Whatever they are, Parse must
// return either a spec that keeps every promise the generator relies on or
// an ErrorList of located, one-line messages; never panic; and finish in
// bounded time and memory.
//
// go test runs the seeds (the golden specs, the shipped spec, inputs that
// crashed yaml.v3 in the past, hostile YAML); make fuzz explores.
func FuzzParse(f *testing.F) {
	for _, seed := range parseSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		before := heapAllocs()
		s, err := parseNoPanic(t, data)
		allocated := heapAllocs() - before

		// Bounded memory: far above what Parse needs, and far below what
		// exponential behaviour (alias expansion, re-parsing for every
		// line) would take. Time is bounded by the memory bound and by
		// the fuzzer, which reports an input that hangs; no test here
		// asserts a duration, which a slow machine could break.
		if limit := 64<<20 + 4096*uint64(len(data)); allocated > limit {
			t.Errorf("Parse of %d bytes allocated %d bytes (limit %d)", len(data), allocated, limit)
		}

		if (s == nil) == (err == nil) {
			t.Fatalf("Parse = %v, %v; want a spec or an error", s, err)
		}
		if err != nil {
			checkErrorList(t, data, err)
			return
		}
		checkSpec(t, s)
		// The same bytes give the same spec.
		again, err := spec.Parse(fuzzFile, data)
		if err != nil || !reflect.DeepEqual(s, again) {
			t.Errorf("a second Parse of the same bytes differs: %v", err)
		}
	})
}

// heapAllocs returns the bytes the program has allocated on the heap so far.
// runtime/metrics reads it without stopping the world, unlike
// runtime.ReadMemStats, so the fuzzer keeps its pace.
func heapAllocs() uint64 {
	sample := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return sample[0].Value.Uint64()
}

func parseNoPanic(t *testing.T, data []byte) (s *spec.Spec, err error) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("Parse panicked on %.300q: %v\n%s", data, r, debug.Stack())
		}
	}()
	return spec.Parse(fuzzFile, data)
}

var errorForm = regexp.MustCompile(`^` + regexp.QuoteMeta(fuzzFile) + `:(\d+):(\d+): \S`)

// checkErrorList checks a refusal: an ErrorList, sorted by position, of
// one-line messages located inside the text, as "file:line:col: message".
func checkErrorList(t *testing.T, data []byte, err error) {
	t.Helper()
	var list spec.ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		t.Fatalf("error %T %q is not a non-empty spec.ErrorList", err, err)
	}
	lines := lineCount(data)
	for i, e := range list {
		if e == nil {
			t.Fatalf("error %d of the list is nil", i)
		}
		if e.File != fuzzFile || e.Pos.Line < 1 || e.Pos.Col < 1 || e.Pos.Line > lines {
			t.Errorf("error %q is at %s:%d:%d; want %s at a line from 1 to %d and a column from 1",
				e.Msg, e.File, e.Pos.Line, e.Pos.Col, fuzzFile, lines)
		}
		msg := e.Error()
		if !errorForm.MatchString(msg) {
			t.Errorf("error %q is not file:line:col: message", msg)
		}
		// A message is one line of printable text: it goes to terminals
		// and CI logs, where a control or bidi character from the spec
		// could hide or reorder what is shown.
		if i := strings.IndexFunc(e.Msg, unprintable); i >= 0 || !utf8.ValidString(e.Msg) {
			t.Errorf("error message %q holds an unprintable character or invalid UTF-8 (at byte %d)", e.Msg, i)
		}
		if i > 0 {
			if p := list[i-1].Pos; p.Line > e.Pos.Line || p.Line == e.Pos.Line && p.Col > e.Pos.Col {
				t.Errorf("errors out of order: %s before %s", list[i-1].Pos, e.Pos)
			}
		}
	}
	if got := list.Error(); strings.Count(got, "\n") != len(list)-1 {
		t.Errorf("ErrorList.Error() of %d errors has %d lines", len(list), strings.Count(got, "\n")+1)
	}
}

// lineCount counts lines as YAML does: \n, \r\n, a lone \r, and (in YAML
// 1.1, which yaml.v3 follows) U+0085, U+2028 and U+2029 each end one.
func lineCount(data []byte) int {
	n := 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch r {
		case '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				size = 2
			}
			n++
		case '\n', '\u0085', '\u2028', '\u2029':
			n++
		}
		i += size
	}
	return n
}

func unprintable(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029'
}

// checkSpec checks the promises of an accepted spec: what package spec
// documents and the generator relies on.
func checkSpec(t *testing.T, s *spec.Spec) {
	t.Helper()
	if s.File != fuzzFile {
		t.Errorf("File = %q, want %q", s.File, fuzzFile)
	}
	if !token.IsIdentifier(s.Package) || token.IsKeyword(s.Package) || s.Package == "_" || s.Package == "main" || s.Package == "init" {
		t.Errorf("Package %q is not a usable Go package name", s.Package)
	}
	if len(s.Codes) == 0 {
		t.Errorf("a spec without codes")
	}
	if s.Source.URL != "" && !strings.HasPrefix(s.Source.URL, "http://") && !strings.HasPrefix(s.Source.URL, "https://") {
		t.Errorf("Source.URL %q is not an http(s) URL", s.Source.URL)
	}
	if u := s.Source.Updated; u != "" {
		if _, err := time.Parse(time.DateOnly, u); err != nil {
			t.Errorf("Source.Updated %q is not a date: %v", u, err)
		}
	}
	texts := []string{s.Package, s.Service, s.Source.Title, s.Source.URL, s.Source.Updated}
	texts = append(texts, s.Initialisms...)

	declared := map[string]bool{}
	catNames := map[string]string{}
	for _, c := range s.Categories {
		texts = append(texts, c.Name, c.Doc)
		switch {
		case c.Name == "" || strings.ContainsFunc(c.Name, unprintable):
			t.Errorf("category name %q is empty or unprintable", c.Name)
		case declared[c.Name]:
			t.Errorf("category %q is declared twice", c.Name)
		case !spec.ValidGoName(c.GoName):
			t.Errorf("category %q has Go name %q, not an exported identifier", c.Name, c.GoName)
		case catNames[c.GoName] != "":
			t.Errorf("categories %q and %q share the Go name %q", catNames[c.GoName], c.Name, c.GoName)
		}
		declared[c.Name], catNames[c.GoName] = true, c.Name
		if c.Pos.Line < 1 || c.Pos.Col < 1 {
			t.Errorf("category %q is at %s", c.Name, c.Pos)
		}
	}

	codes := map[string]bool{}
	names := map[string]string{}
	for _, c := range s.Codes {
		texts = append(texts, c.Code, c.Message, c.Solution, c.Category, c.Name, c.Deprecated, c.GoName)
		switch {
		case c.Code == "":
			t.Errorf("an empty code")
		case strings.TrimSpace(c.Code) != c.Code || strings.ContainsFunc(c.Code, unprintable):
			t.Errorf("code %q has outer spaces or unprintable characters", c.Code)
		case codes[c.Code]:
			t.Errorf("code %q is listed twice", c.Code)
		}
		codes[c.Code] = true
		switch {
		case !spec.ValidGoName(c.GoName):
			t.Errorf("code %q has Go name %q, not an exported identifier", c.Code, c.GoName)
		case c.Name != "" && c.GoName != c.Name:
			t.Errorf("code %q has name: %q but Go name %q", c.Code, c.Name, c.GoName)
		case names[c.GoName] != "":
			t.Errorf("codes %q and %q share the Go name %q", names[c.GoName], c.Code, c.GoName)
		}
		names[c.GoName] = c.Code
		if c.Category != "" && !declared[c.Category] {
			t.Errorf("code %q names undeclared category %q", c.Code, c.Category)
		}
		if c.Success {
			if c.Fault != "" || c.Retryable || c.Category != "" {
				t.Errorf("success code %q is classified: fault %q, retryable %v, category %q", c.Code, c.Fault, c.Retryable, c.Category)
			}
		} else if c.Fault != spec.FaultClient && c.Fault != spec.FaultServer {
			t.Errorf("error code %q has fault %q, want client or server", c.Code, c.Fault)
		}
		if c.Pos.Line < 1 || c.Pos.Col < 1 {
			t.Errorf("code %q is at %s", c.Code, c.Pos)
		}
	}
	// YAML text is Unicode: its escapes cannot spell invalid UTF-8.
	for _, x := range texts {
		if !utf8.ValidString(x) {
			t.Errorf("text %q is not valid UTF-8", x)
		}
	}
}

// parseSeeds returns the seed corpus: the shipped spec, the spec of every
// golden case (the generator's and the loader's), and inputs chosen to
// reach the loader's corners.
func parseSeeds(tb testing.TB) [][]byte {
	seeds := [][]byte{spec.DefaultYAML()}
	good, err := filepath.Glob("../generator/testdata/*.txtar")
	bad, err2 := filepath.Glob("testdata/load/*.txtar")
	paths := append(good, bad...)
	if err != nil || err2 != nil || len(good) == 0 || len(bad) == 0 {
		tb.Fatalf("no golden cases to seed from: %v %v", err, err2)
	}
	for _, path := range paths {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			tb.Fatal(err)
		}
		for _, f := range ar.Files {
			if f.Name == "spec.yaml" {
				seeds = append(seeds, f.Data)
			}
		}
	}
	const min = "package: x\ncodes:\n  - code: A\n"
	for _, s := range []string{
		"",
		"\n",
		"---\n...\n",
		"null",
		"[]",
		min,
		"\ufeff" + min,
		strings.ReplaceAll(min, "\n", "\r\n"),
		strings.ReplaceAll(min, "\n", "\r"),
		"---\n" + min + "...\n",
		min + "---\n" + min,
		"%YAML 1.1\n%TAG !e! tag:yaml.org,2002:\n---\npackage: !e!str x\ncodes:\n  - code: !!str 22\n    name: E22\n",
		min + "    message: &m x\n  - code: B\n    message: *m\n",
		min + "  - <<: {code: B}\n",
		min + "  - !!map {code: B}\n",
		min + "    message: !foo x\n    solution: !!binary QUJD\n",
		min + "    message: \"\\0\\a\\e\\x7f\\u202e\\u2028 \\U0001F600\"\n",
		min + "    message: |\n      two\n      lines\n    solution: >-\n      folded\n      text\n",
		min + "    message: \"caf\xc3\xa9\"\n",
		min + "    message: caf\xe9\n",
		min + "\tmessage: tab\n",
		"package: x\ncodes: " + strings.Repeat("[", 64) + strings.Repeat("]", 64) + "\n",
		"package: x\ncodes:\n" + strings.Repeat("- ", 64) + "a\n",
		// Inputs that crashed or confused yaml.v3 in the past
		// (go-yaml/yaml issues 323, 560, 665, 666, 744, 833).
		"#\n - - QI\xd7",
		"#\n-\n-\n0",
		"a:\n.\n-\n",
		"0: [:!00 \xef",
		"! !00 \xf6",
		"\"\\0\\\r\n",
		"  0: [\n] 0",
		"? ? \"\n\" 0",
		"    - {\n000}0",
		"0:\n  0: [0\n] 0",
		" \ufeff\n",
		"? \ufeff: \ufeff\n",
		"{{},<<}",
	} {
		seeds = append(seeds, []byte(s))
	}
	// A small alias bomb: nine levels of nine aliases.
	var bomb bytes.Buffer
	bomb.WriteString("package: x\ncodes:\n  - code: A\n    message: [&a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]")
	for i := 1; i < 9; i++ {
		fmt.Fprintf(&bomb, ", &a%d [%s*a%d]", i, strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 8), i-1)
	}
	bomb.WriteString("]\n    solution: *a8\n")
	return append(seeds, bomb.Bytes())
}
