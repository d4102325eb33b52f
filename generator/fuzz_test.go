package generator_test

import (
	"bytes"
	"encoding/json"
	"go/token"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/errspec/errspec/generator"
	"github.com/errspec/errspec/spec"
	"github.com/errspec/errspec/templates"
	"golang.org/x/tools/txtar"
	"gopkg.in/yaml.v3"
)

// FuzzGenerateYAML generates from every spec the loader accepts, the fuzzer
// writing YAML: the output must compile and keep the spec's text inert and
// intact (see checkGenerated).
func FuzzGenerateYAML(f *testing.F) {
	f.Add(spec.DefaultYAML())
	for _, c := range goldenSpecs(f) {
		f.Add(c.yaml)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := spec.Parse("fuzz.yaml", data)
		if err != nil {
			return
		}
		checkGenerate(t, s, true)
	})
}

// FuzzGenerateText generates from a spec assembled from the fuzzer's
// strings (marshalled to YAML by yaml.v3, so the fuzzer explores hostile
// text rather than YAML syntax): a package name, the service, the source,
// a category, and two codes whose texts are the fuzzed ones. flags sets the
// first code's success (1), retryable (2), server fault (4) and category
// (8), and the second code's category (16) and success (32).
func FuzzGenerateText(f *testing.F) {
	for _, in := range textSeeds(f) {
		f.Add(in.pkg, in.service, in.title, in.url, in.catName, in.catDoc, in.code, in.name, in.message, in.solution, in.deprecated, in.code2, in.flags)
	}
	f.Fuzz(func(t *testing.T, pkg, service, title, url, catName, catDoc, code, name, message, solution, deprecated, code2 string, flags uint8) {
		in := textInput{pkg, service, title, url, catName, catDoc, code, name, message, solution, deprecated, code2, flags}
		data, err := in.yaml()
		if err != nil {
			return
		}
		s, err := spec.Parse("fuzz.yaml", data)
		if err != nil {
			return
		}
		checkGenerate(t, s, false)
	})
}

// defaults are the Options the checks generate with: the default file
// names and the built-in template, whatever the spec's output: key says.
var defaults = generator.Options{GoFile: generator.DefaultGoFile, DocsFile: generator.DefaultDocsFile, JSONFile: spec.NoDocs, Templates: templates.FS}

// checkGenerate generates from s and checks the output. With ownOutputs it
// also generates with the spec's own output: choices (but the built-in
// template, so that nothing is read from disk), which must work too and
// change only the files' names.
func checkGenerate(t tester, s *spec.Spec, ownOutputs bool) {
	t.Helper()
	files := generateNoPanic(t, s, defaults)
	checkGenerated(t, s, files)
	if !ownOutputs {
		return
	}
	for name, data := range generateNoPanic(t, s, generator.Options{Templates: templates.FS}) {
		if name == s.Output.JSON {
			if !json.Valid(data) || !bytes.HasPrefix(data, []byte(generator.JSONHeader+"\n")) {
				t.Errorf("the JSON table %s is not JSON that starts with errspec's header", name)
			}
			continue
		}
		want := files[generator.DefaultDocsFile]
		if strings.HasSuffix(name, ".go") {
			want = files[generator.DefaultGoFile]
		}
		if !bytes.Equal(data, want) {
			t.Errorf("with the spec's output choices, %s differs from the output with the defaults", name)
		}
	}
}

// tester is the part of testing.TB the checks use, so that a test can
// show they catch what they are meant to.
type tester interface {
	Helper()
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}

func generateNoPanic(t tester, s *spec.Spec, opts generator.Options) (files map[string][]byte) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("Generate panicked: %v\n%s", r, debug.Stack())
		}
	}()
	files, err := generator.Generate(s, opts)
	if err != nil {
		t.Fatalf("Generate refused a spec the loader accepted: %v", err)
	}
	return files
}

// textInput is FuzzGenerateText's input.
type textInput struct {
	pkg, service, title, url, catName, catDoc string
	code, name, message, solution, deprecated string
	code2                                     string
	flags                                     uint8
}

// The spec's YAML shape, in the order the README documents its keys.
type (
	ySpec struct {
		Package    string      `yaml:"package"`
		Service    string      `yaml:"service,omitempty"`
		Source     *ySource    `yaml:"source,omitempty"`
		Categories []yCategory `yaml:"categories,omitempty"`
		Codes      []yCode     `yaml:"codes"`
	}
	ySource struct {
		Title string `yaml:"title,omitempty"`
		URL   string `yaml:"url,omitempty"`
	}
	yCategory struct {
		Name string `yaml:"name"`
		Doc  string `yaml:"doc,omitempty"`
	}
	yCode struct {
		Code       string `yaml:"code"`
		Message    string `yaml:"message,omitempty"`
		Solution   string `yaml:"solution,omitempty"`
		Success    bool   `yaml:"success,omitempty"`
		Retryable  bool   `yaml:"retryable,omitempty"`
		Fault      string `yaml:"fault,omitempty"`
		Category   string `yaml:"category,omitempty"`
		Name       string `yaml:"name,omitempty"`
		Deprecated string `yaml:"deprecated,omitempty"`
	}
)

// yaml assembles the spec. Text that YAML cannot carry (invalid UTF-8;
// yaml.v3 would write it as !!binary, which the loader refuses) is made
// valid, and an unusable package name or an empty code replaced, so that
// most inputs reach the generator.
func (in textInput) yaml() ([]byte, error) {
	v := func(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }
	pkg := v(in.pkg)
	if !token.IsIdentifier(pkg) || token.IsKeyword(pkg) || pkg == "_" || pkg == "main" || pkg == "init" {
		pkg = "fuzzerr"
	}
	code, code2 := v(in.code), v(in.code2)
	if code == "" {
		code = "Fuzz.Code"
	}
	if code2 == "" || code2 == code {
		code2 = "Other.Code"
	}
	s := ySpec{Package: pkg, Service: v(in.service)}
	if in.title != "" || in.url != "" {
		url := v(in.url)
		if url != "" && !strings.HasPrefix(url, "http") {
			url = "https://example.com/" + url
		}
		s.Source = &ySource{Title: v(in.title), URL: url}
	}
	catName := v(in.catName)
	if catName == "" {
		catName = "fuzzed"
	}
	s.Categories = []yCategory{{Name: catName, Doc: v(in.catDoc)}}
	first := yCode{Code: code, Name: v(in.name), Message: v(in.message), Solution: v(in.solution), Deprecated: v(in.deprecated)}
	if in.flags&1 != 0 {
		first.Success = true
	} else {
		first.Retryable = in.flags&2 != 0
		if in.flags&4 != 0 {
			first.Fault = "server"
		}
		if in.flags&8 != 0 {
			first.Category = catName
		}
	}
	// The second code shares the texts, swapped, so that the fuzzer's text
	// appears in more places.
	second := yCode{Code: code2, Message: first.Solution, Solution: first.Message, Deprecated: v(in.catDoc)}
	if in.flags&32 != 0 {
		second.Success = true
	} else if in.flags&16 != 0 {
		second.Category = catName
	}
	s.Codes = []yCode{first, second}
	return yaml.Marshal(s)
}

// goldenSpec is the input of a golden case.
type goldenSpec struct {
	name string
	yaml []byte
}

// goldenSpecs returns the spec of every golden case in testdata.
func goldenSpecs(tb tester) []goldenSpec {
	tb.Helper()
	paths, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no golden cases in testdata: %v", err)
	}
	var out []goldenSpec
	for _, path := range paths {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		for _, f := range ar.Files {
			if f.Name == "spec.yaml" {
				out = append(out, goldenSpec{strings.TrimSuffix(filepath.Base(path), ".txtar"), f.Data})
			}
		}
	}
	return out
}

// textSeeds turns the codes of the golden specs that the loader accepts
// (the shipped one included) into FuzzGenerateText inputs, with a few
// hostile texts of its own.
func textSeeds(tb tester) []textInput {
	specs := []goldenSpec{{"shipped", spec.DefaultYAML()}}
	specs = append(specs, goldenSpecs(tb)...)
	var out []textInput
	for _, g := range specs {
		s, err := spec.Parse("seed.yaml", g.yaml)
		if err != nil {
			continue
		}
		var catName, catDoc string
		if len(s.Categories) > 0 {
			catName, catDoc = s.Categories[0].Name, s.Categories[0].Doc
		}
		step := 1
		if len(s.Codes) > 8 {
			step = len(s.Codes) / 8 // a sample keeps the seeds fast
		}
		for i := 0; i < len(s.Codes); i += step {
			c := s.Codes[i]
			var flags uint8
			if c.Success {
				flags |= 1
			}
			if c.Retryable {
				flags |= 2
			}
			if c.Fault == spec.FaultServer {
				flags |= 4
			}
			if c.Category != "" {
				catName, flags = c.Category, flags|8
			}
			out = append(out, textInput{s.Package, s.Service, s.Source.Title, s.Source.URL, catName, catDoc,
				c.Code, c.Name, c.Message, c.Solution, c.Deprecated, s.Codes[(i+1)%len(s.Codes)].Code, flags})
		}
	}
	for _, text := range []string{
		"Deprecated: read this\nDeprecated: and this",
		"//go:generate rm -rf /\n//go:build ignore\n//line x.go:1",
		"*/ func init() { panic(1) } /*",
		"\x00\a\b\f\v\x1b\x7f\u0085\u2028\u2029\u200b\u202a\u202e\u2066\ufeff",
		"`x` ``` {{.X}} %v %!s(MISSING) \\ \" '",
		"| a | b |\n| --- | --- |\n# h\n- item\n> quote\n    code",
		"<script>alert(1)</script> <!-- x --> &amp; &lt; <br> [l](javascript:x) ![i](x)",
		"a\r\nb\rc\td  e\u00a0f\u3000g",
		"Deprecated:Deprecated: " + strings.Repeat("Deprecated ", 12),
		"\U000E0001 \U0001D173 \u0600 \u06dd \u110bd",
	} {
		out = append(out,
			textInput{"hostile", text, text, "https://example.com/(x)|y", "weird", text, "Hostile.Code", "", text, text, text, "Other", 8},
			textInput{"hostile", "", "", "", text, text, strings.ReplaceAll(strings.ReplaceAll(text, "\n", " "), "\x00", ""), "Named", text, "", "", "", 16},
		)
	}
	return out
}
