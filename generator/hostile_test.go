package generator_test

import (
	"bytes"
	"fmt"
	"go/parser"
	"go/token"
	"strings"
	"testing"
	"time"

	"github.com/errspec/errspec/generator"
	"github.com/errspec/errspec/spec"
)

// Hostile text the golden cases cannot hold: invalid UTF-8, which YAML
// cannot carry (the loader refuses it, at the byte), and 100 KB texts,
// whose goldens would be larger than the texts. The checks are those of
// the fuzz targets (checkGenerated).

// TestInvalidUTF8 generates from a spec built in Go, whose texts hold
// bytes that are not UTF-8: the generator must carry them safely, escaped
// in Go literals (which keep the bytes) and shown as \xNN in comments and
// Markdown, with every output file valid UTF-8.
func TestInvalidUTF8(t *testing.T) {
	s := &spec.Spec{
		File:    "go",
		Package: "badutf",
		Service: "Service \xc3(",
		Source:  spec.Source{Title: "Title \xfe"},
		Categories: []spec.Category{
			{Name: "cat\xffegory", GoName: "Category", Doc: "doc \x80"},
		},
		Codes: []spec.Entry{
			{Code: "Bad.Text", GoName: "BadText", Message: "caf\xe9 \xff\xfe end", Solution: "sol\xc0\xafution",
				Fault: spec.FaultClient, Category: "cat\xffegory", Deprecated: "old \xed\xa0\x80"},
			{Code: "Bad\xffCode", GoName: "BadCode", Fault: spec.FaultServer},
			{Code: "OK", GoName: "OK", Message: "fine \xf8", Success: true},
		},
	}
	files := generateNoPanic(t, s, defaults)
	checkGenerated(t, s, files)

	src, md := string(files[generator.DefaultGoFile]), string(files[generator.DefaultDocsFile])
	for _, want := range []string{
		`Message: "caf\xe9 \xff\xfe end"`,                             // the literal keeps the bytes
		`CodeBadCode Code = "Bad\xffCode"`,                            // and so does the constant
		`// CodeBadText is "Bad.Text": caf\xe9 \xff\xfe end`,          // the comment shows them
		`// Deprecated: old \xed\xa0\x80`,                             // a surrogate, byte by byte
		`// CategoryCategory: doc \x80`,                               // category docs too
		`// Package badutf holds the error codes of Service \xc3( as`, // and the service
	} {
		if !strings.Contains(src, want) {
			t.Errorf("the Go file lacks %s", want)
		}
	}
	for _, want := range []string{
		"| `Bad.Text` | `CodeBadText`<br>deprecated: old \\xed\\xa0\\x80 | caf\\xe9 \\xff\\xfe end | sol\\xc0\\xafution |",
		"| `Bad\\xffCode` | `CodeBadCode` |",
		"# Service \\xc3( error codes",
		"| cat\\xffegory | `CategoryCategory` | doc \\x80 |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the docs lack %s", want)
		}
	}
}

// TestExampleCode gives the first error code, which the package doc's
// example names, text the loader would refuse: invalid UTF-8, and line
// breaks that would end the comment and start code. From a spec built in
// Go, the generator must carry the code safely, or refuse it with an
// error; never emit it as code.
func TestExampleCode(t *testing.T) {
	for _, c := range []struct {
		name, code string
		refusable  bool
		pads       int
	}{
		{"invalid UTF-8", "Bad\xffCode", false, 1},
		{"line breaks", "A\npackage inj\n\nfunc init() { panic(\"pwned\") }\n/*", true, 80},
		{"a carriage return", "A\rB", true, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := &spec.Spec{File: "go", Package: "inj", Codes: []spec.Entry{
				{Code: "OK", GoName: "OK", Success: true},
				{Code: c.code, GoName: "A", Fault: spec.FaultClient},
			}}
			// With the right padding, the service ends a block comment at
			// the end of a line, closing a /* the code opens before the
			// Code type, so that what comes between is code.
			for pad := range c.pads {
				s.Service = strings.Repeat("x", pad) + " */"
				files, err := generator.Generate(s, defaults)
				if err != nil {
					if !c.refusable {
						t.Fatalf("Generate: %v", err)
					}
					continue
				}
				if src := files[generator.DefaultGoFile]; bytes.Contains(src, []byte("\nfunc init()")) {
					t.Fatalf("the code became code (service %q):\n%.1500s", s.Service, src)
				}
				if pad == 0 {
					checkGenerated(t, s, files)
				}
			}
		})
	}
}

// TestLongTexts generates from a spec, loaded from YAML, with texts of 100
// KB: a message of words, a solution of one word of Markdown and Go comment
// punctuation, and a deprecation note. The output must compile and carry
// the texts whole; comments wrap at 80 columns wherever there is a space.
func TestLongTexts(t *testing.T) {
	const size = 100 << 10
	var words strings.Builder
	for i := 0; words.Len() < size; i++ {
		fmt.Fprintf(&words, "word%d ", i)
	}
	message := strings.TrimSpace(words.String())
	solution := strings.Repeat("*/`|<&{{%v", size/10)
	deprecated := strings.Repeat("Deprecated: ", size/12)
	yaml := fmt.Sprintf("package: longerr\ncodes:\n  - code: Long.Text\n    message: %s\n    solution: %q\n    deprecated: %q\n  - code: Short\n",
		message, solution, deprecated)

	start := time.Now()
	s, err := spec.Parse("long.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	loaded := time.Since(start)
	if c := s.Codes[0]; c.Message != message || c.Solution != solution || c.Deprecated != deprecated {
		t.Fatalf("the loader changed the long texts (lengths %d, %d, %d)", len(c.Message), len(c.Solution), len(c.Deprecated))
	}
	start = time.Now()
	files := generateNoPanic(t, s, defaults)
	t.Logf("%d bytes of spec loaded in %v; %d bytes of Go and %d of Markdown generated in %v",
		len(yaml), loaded, len(files[generator.DefaultGoFile]), len(files[generator.DefaultDocsFile]), time.Since(start))
	checkGenerated(t, s, files)

	// Every comment line longer than 80 columns is one word, which cannot
	// be broken, or a run of "Deprecated:" words, before which the
	// generator never breaks a line.
	f, err := parser.ParseFile(token.NewFileSet(), "", files[generator.DefaultGoFile], parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	lines := 0
	for _, g := range f.Comments {
		for _, c := range g.List {
			lines++
			text := strings.TrimPrefix(c.Text, "// ")
			if len(c.Text) > 80 && strings.Contains(text, " ") && strings.Trim(strings.ReplaceAll(text, "Deprecated:", ""), " ") != "" &&
				!strings.HasPrefix(c.Text, "//\t") {
				t.Errorf("comment line of %d bytes with spaces to break at: %.100s...", len(c.Text), c.Text)
			}
		}
	}
	if lines < size/80 {
		t.Errorf("only %d comment lines for a message of %d bytes", lines, len(message))
	}
	if md := files[generator.DefaultDocsFile]; !bytes.Contains(md, []byte("| "+message+" |")) {
		t.Errorf("the docs lack the message in a cell of its own")
	}
}

// recorder is a tester that records failures rather than reporting them,
// for tests of the checks themselves.
type recorder struct{ failures []string }

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.failures = append(r.failures, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	panic(r)
}

// check runs checkGenerated, stopping where a check would stop the test.
func (r *recorder) check(s *spec.Spec, files map[string][]byte) {
	defer func() {
		if x := recover(); x != nil && x != r {
			panic(x)
		}
	}()
	checkGenerated(r, s, files)
}

// TestChecksCatch shows the checks of generated output fail on what they
// are meant to catch: each case tampers with good output as an injection
// or a broken escape would, and the checks must say so.
func TestChecksCatch(t *testing.T) {
	const yaml = `package: checkerr
categories:
  - name: auth
codes:
  - code: OK
    message: Fine
    success: true
  - code: Auth.Failed
    message: The key is wrong
    solution: Check the key.
    category: auth
    deprecated: use Auth.Denied
  - code: Throttled
    message: Slow down
    retryable: true
`
	s, err := spec.Parse("check.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	good := generateNoPanic(t, s, defaults)
	var r recorder
	if r.check(s, good); len(r.failures) > 0 {
		t.Fatalf("the checks fail good output:\n%s", strings.Join(r.failures, "\n"))
	}

	goFile, mdFile := generator.DefaultGoFile, generator.DefaultDocsFile
	for _, c := range []struct {
		name, file, old, new string
		want                 string // in a failure
	}{
		{"a directive", goFile, "// CodeThrottled is", "//go:generate echo pwned\n// CodeThrottled is", "not a plain // line"},
		{"a block comment", goFile, "// CodeThrottled is", "/* x */\n// CodeThrottled is", "not a plain // line"},
		{"a notice", goFile, "// CodeThrottled is", "// Deprecated: injected\n//\n// CodeThrottled is", "reads as a Deprecated notice"},
		{"a heading", goFile, "// CodeThrottled is", "// # Heading\n//\n// CodeThrottled is", "*comment.Heading block"},
		{"a control character", goFile, "Slow down\n", "Slow\x1bdown\n", "control, formatting or line-breaking"},
		{"code", goFile, "\nvar (", "\nfunc init() { panic(1) }\n\nvar (", "changes the code"},
		{"broken code", goFile, `CodeThrottled Code = "Throttled"`, `CodeThrottled Code = "Throttled`, "does not parse"},
		{"a changed literal", goFile, `Message: "Slow down"`, `Message: "Slow up"`, `Info.Message = "Slow up", want "Slow down"`},
		{"a changed constant", goFile, `CodeThrottled Code = "Throttled"`, `CodeThrottled Code = "Throttle"`, "constant CodeThrottled"},
		{"an extra sentinel", goFile, "\nvar (", "\nvar ErrExtra error = sentinel(\"x\")\n\nvar (", "ErrExtra is not the sentinel"},
		{"a pipe", mdFile, "| Slow down |", "| Slow | down |", "has 8 cells"},
		{"a line break", mdFile, "| Slow down |", "| Slow\ndown |", "cells"},
		{"HTML", mdFile, "| Slow down |", "| Slow <b>down</b> |", "unescaped '<'"},
		{"a backtick", mdFile, "| Slow down |", "| Slow `down` |", "unescaped '`'"},
		{"a missing row", mdFile, "| `Throttled` |", "x `Throttled` |", "has 0 cells"},
		{"a changed cell", mdFile, "| Slow down |", "| Slow up |", `reads as "Slow up", want "Slow down"`},
		{"a code span", mdFile, "`CodeThrottled`", "`CodeThrottled", "not a code span"},
		{"raw markup in prose", mdFile, "# checkerr error codes", "# <script> error codes", "holds raw Markdown or HTML"},
	} {
		t.Run(c.name, func(t *testing.T) {
			files := map[string][]byte{goFile: good[goFile], mdFile: good[mdFile]}
			if !bytes.Contains(files[c.file], []byte(c.old)) {
				t.Fatalf("%s lacks %q", c.file, c.old)
			}
			files[c.file] = bytes.Replace(files[c.file], []byte(c.old), []byte(c.new), 1)
			var r recorder
			r.check(s, files)
			if !strings.Contains(strings.Join(r.failures, "\n"), c.want) {
				t.Errorf("the checks missed it; want a failure with %q, got:\n%s", c.want, strings.Join(r.failures, "\n"))
			}
		})
	}
}
