package generator_test

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"go/ast"
	"go/constant"
	"go/doc/comment"
	"go/format"
	"go/importer"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"html"
	"maps"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

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
var defaults = generator.Options{GoFile: generator.DefaultGoFile, DocsFile: generator.DefaultDocsFile, Templates: templates.FS}

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

// ---- what generated output must satisfy ----

// checkGenerated checks the output of Generate for s with the default
// options: the Go file and the docs, nothing else.
func checkGenerated(t tester, s *spec.Spec, files map[string][]byte) {
	t.Helper()
	src, md := files[generator.DefaultGoFile], files[generator.DefaultDocsFile]
	if src == nil || md == nil || len(files) != 2 {
		names := slices.Sorted(maps.Keys(files))
		t.Fatalf("Generate returned %v; want %s and %s", names, generator.DefaultGoFile, generator.DefaultDocsFile)
	}
	checkGo(t, s, src)
	checkInert(t, s, src)
	checkMarkdown(t, s, md)
}

// stdImporter type-checks imports from the standard library's export data;
// it caches what it loads, so it is shared, one user at a time.
var (
	stdImporterMu sync.Mutex
	stdImporter   = importer.Default()
)

type lockedImporter struct{}

func (lockedImporter) Import(path string) (*types.Package, error) {
	stdImporterMu.Lock()
	defer stdImporterMu.Unlock()
	return stdImporter.Import(path)
}

// checkGo checks the Go file: header, gofmt, syntax, types, the API the
// spec implies, the table's values, and the comments.
func checkGo(t tester, s *spec.Spec, src []byte) {
	t.Helper()
	if !bytes.HasPrefix(src, []byte(generator.GoHeader+"\n")) {
		t.Errorf("the Go file does not start with %q", generator.GoHeader)
	}
	if !utf8.Valid(src) {
		t.Errorf("the Go file is not valid UTF-8")
	}
	if formatted, err := format.Source(src); err != nil || !bytes.Equal(formatted, src) {
		t.Errorf("the Go file is not gofmt-clean (%v)", err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, generator.DefaultGoFile, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		t.Fatalf("the Go file does not parse: %v", err)
	}
	if f.Name.Name != s.Package {
		t.Errorf("package %s, want %s", f.Name.Name, s.Package)
	}
	for _, imp := range f.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		if first, _, _ := strings.Cut(path, "/"); strings.Contains(first, ".") {
			t.Errorf("the Go file imports %s, which is not in the standard library", path)
		}
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
	var typeErrs []error
	conf := types.Config{Importer: lockedImporter{}, Error: func(err error) { typeErrs = append(typeErrs, err) }}
	pkg, _ := conf.Check(s.Package, fset, []*ast.File{f}, info)
	if len(typeErrs) > 0 {
		t.Fatalf("the Go file does not type-check:\n%v", errors.Join(typeErrs[:min(len(typeErrs), 10)]...))
	}
	checkAPI(t, s, pkg)
	checkTable(t, s, f, pkg, info)
	checkComments(t, s, f)
}

// checkAPI checks the package's exported constants and variables against
// the spec: a Code constant per code holding the wire code, a sentinel per
// error code and none for success codes, a Category constant per category,
// and nothing else of those kinds.
func checkAPI(t tester, s *spec.Spec, pkg *types.Package) {
	t.Helper()
	scope := pkg.Scope()
	typeOf := func(name string) types.Type {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			t.Fatalf("the package declares no type %s", name)
		}
		return tn.Type()
	}
	codeT, catT, faultT := typeOf("Code"), typeOf("Category"), typeOf("Fault")
	typeOf("Info")
	typeOf("Error")
	for _, name := range []string{"Lookup", "All", "FromResponse", "FromError", "IsRetryable"} {
		if _, ok := scope.Lookup(name).(*types.Func); !ok {
			t.Errorf("the package declares no func %s", name)
		}
	}
	type value struct {
		typ types.Type
		val string
	}
	consts := map[string]value{"FaultClient": {faultT, "client"}, "FaultServer": {faultT, "server"}}
	sentinels := map[string]bool{}
	for _, c := range s.Codes {
		consts["Code"+c.GoName] = value{codeT, c.Code}
		if !c.Success {
			sentinels["Err"+c.GoName] = true
		}
	}
	for _, c := range s.Categories {
		consts["Category"+c.GoName] = value{catT, c.Name}
	}
	errorT := types.Universe.Lookup("error").Type()
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.Const:
			want, ok := consts[name]
			if !ok {
				if types.Identical(obj.Type(), codeT) || types.Identical(obj.Type(), catT) || types.Identical(obj.Type(), faultT) {
					t.Errorf("constant %s of type %s is not in the spec", name, obj.Type())
				}
				continue
			}
			delete(consts, name)
			if !types.Identical(obj.Type(), want.typ) || obj.Val().Kind() != constant.String || constant.StringVal(obj.Val()) != want.val {
				t.Errorf("constant %s = %s %s, want %s %q", name, obj.Type(), obj.Val().ExactString(), want.typ, want.val)
			}
		case *types.Var:
			if !obj.Exported() {
				continue
			}
			if !sentinels[name] {
				t.Errorf("exported variable %s is not the sentinel of an error code of the spec", name)
				continue
			}
			delete(sentinels, name)
			if !types.Identical(obj.Type(), errorT) {
				t.Errorf("sentinel %s has type %s, want error", name, obj.Type())
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(consts)) {
		t.Errorf("the package lacks constant %s = %q", name, consts[name].val)
	}
	for _, name := range slices.Sorted(maps.Keys(sentinels)) {
		t.Errorf("the package lacks sentinel %s", name)
	}
}

// checkTable checks that the table holds the spec's rows. It reads the Info
// composite literals of the file, whatever holds them (the lookup code is
// free to change); a design without such literals must still carry every
// text of the spec in its string literals.
func checkTable(t tester, s *spec.Spec, f *ast.File, pkg *types.Package, info *types.Info) {
	t.Helper()
	infoT := pkg.Scope().Lookup("Info").Type()
	var literals []string
	rows := map[string]map[string]constant.Value{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BasicLit:
			if n.Kind == token.STRING {
				v, err := strconv.Unquote(n.Value)
				if err != nil {
					t.Errorf("string literal %s does not unquote: %v", n.Value, err)
				}
				literals = append(literals, v)
			}
		case *ast.CompositeLit:
			if tv, ok := info.Types[n]; !ok || !types.Identical(tv.Type, infoT) || len(n.Elts) == 0 {
				return true
			}
			row := map[string]constant.Value{}
			for _, e := range n.Elts {
				kv, ok := e.(*ast.KeyValueExpr)
				if !ok {
					t.Errorf("an Info literal without keys")
					return true
				}
				if key, ok := kv.Key.(*ast.Ident); ok {
					row[key.Name] = info.Types[kv.Value].Value // nil if not constant
				}
			}
			code := row["Code"]
			if code == nil || code.Kind() != constant.String {
				return true
			}
			if _, dup := rows[constant.StringVal(code)]; dup {
				t.Errorf("two Info rows for code %q", constant.StringVal(code))
			}
			rows[constant.StringVal(code)] = row
		}
		return true
	})
	contained := func(text string) bool {
		return slices.ContainsFunc(literals, func(l string) bool { return strings.Contains(l, text) })
	}
	if len(rows) == 0 {
		for _, c := range s.Codes {
			for _, text := range []string{c.Code, c.GoName, c.Message, c.Solution, c.Deprecated} {
				if !contained(text) {
					t.Errorf("code %q: no string literal holds %q", c.Code, text)
				}
			}
		}
		return
	}
	for _, c := range s.Codes {
		row, ok := rows[c.Code]
		if !ok {
			t.Errorf("no Info row for code %q", c.Code)
			continue
		}
		delete(rows, c.Code)
		for _, field := range []struct {
			key  string
			want any
		}{
			{"Name", c.GoName}, {"Message", c.Message}, {"Solution", c.Solution}, {"Success", c.Success},
			{"Retryable", c.Retryable}, {"Fault", string(c.Fault)}, {"Category", c.Category}, {"Deprecated", c.Deprecated},
		} {
			v, given := row[field.key]
			var got any
			switch {
			case given && v == nil: // not a constant: the text must be in a literal
				if text, ok := field.want.(string); ok && !contained(text) {
					t.Errorf("code %q: %s %q is in no string literal", c.Code, field.key, text)
				}
				continue
			case given && v.Kind() == constant.String:
				got = constant.StringVal(v)
			case given && v.Kind() == constant.Bool:
				got = constant.BoolVal(v)
			case given:
				got = v.ExactString()
			default:
				got = reflect.Zero(reflect.TypeOf(field.want)).Interface()
			}
			if got != field.want {
				t.Errorf("code %q: Info.%s = %#v, want %#v", c.Code, field.key, got, field.want)
			}
		}
	}
	for code := range rows {
		t.Errorf("an Info row for code %q, which is not in the spec", code)
	}
}

// checkComments checks every comment of the Go file: plain // lines of
// printable text (no directive, no block comment), "Deprecated:" starting
// a line only in the Deprecated paragraph of a deprecated code's constant
// and sentinel, no doc structure (headings, lists, link definitions, code
// blocks) but errspec's own, and the spec's texts in each code's doc.
func checkComments(t tester, s *spec.Spec, f *ast.File) {
	t.Helper()
	docs := map[string]*ast.CommentGroup{}
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok {
			for _, sp := range gd.Specs {
				if vs, ok := sp.(*ast.ValueSpec); ok {
					for _, n := range vs.Names {
						docs[n.Name] = vs.Doc
					}
				}
			}
		}
	}
	deprecated := map[*ast.CommentGroup]string{}
	for _, c := range s.Codes {
		ids := []string{"Code" + c.GoName}
		if !c.Success {
			ids = append(ids, "Err"+c.GoName)
		}
		for _, id := range ids {
			g := docs[id]
			if g == nil {
				t.Errorf("%s has no doc comment", id)
				continue
			}
			if c.Deprecated != "" {
				deprecated[g] = c.Deprecated
			}
		}
		if text := docText(docs[ids[0]]); docs[ids[0]] != nil {
			for _, x := range []string{strconv.Quote(c.Code), c.Message, c.Solution} {
				if !strings.Contains(text, commentFold(x)) {
					t.Errorf("the doc of %s lacks %q:\n%s", ids[0], commentFold(x), text)
				}
			}
		}
	}
	var p comment.Parser
	for _, g := range f.Comments {
		var depLines []int
		for i, c := range g.List {
			text := c.Text
			switch {
			case !utf8.ValidString(text):
				t.Errorf("comment %q is not valid UTF-8", text)
			case strings.ContainsFunc(text, func(r rune) bool { return r != '\t' && unprintable(r) }):
				t.Errorf("comment %q holds a control, formatting or line-breaking character", text)
			case text != "//" && !strings.HasPrefix(text, "// ") && !strings.HasPrefix(text, "//\t"):
				t.Errorf("comment %q is not a plain // line: it may be a directive or a block comment", text)
			}
			if strings.HasPrefix(text, "// Deprecated:") {
				depLines = append(depLines, i)
			}
		}
		want, isDeprecated := deprecated[g]
		switch {
		case !isDeprecated && len(depLines) > 0:
			t.Errorf("comment line %q reads as a Deprecated notice, in a comment that is not a deprecated code's:\n%s", g.List[depLines[0]].Text, g.Text())
		case isDeprecated && len(depLines) != 1:
			t.Errorf("the doc of a deprecated code has %d lines starting with Deprecated:, want 1:\n%s", len(depLines), g.Text())
		case isDeprecated:
			i := depLines[0]
			if i == 0 || g.List[i-1].Text != "//" {
				t.Errorf("the Deprecated notice %q does not start a paragraph", g.List[i].Text)
			}
			var para []string
			for _, c := range g.List[i:] {
				if c.Text == "//" {
					break
				}
				para = append(para, strings.TrimPrefix(c.Text, "// "))
			}
			if got, want := strings.Join(para, " "), "Deprecated: "+commentFold(want); got != want {
				t.Errorf("Deprecated paragraph %q, want %q (tools recognize \"Deprecated: \" and a reason)", got, want)
			}
		}
		d := p.Parse(g.Text())
		for _, b := range d.Content {
			switch b.(type) {
			case *comment.Paragraph:
			case *comment.Code:
				if g != f.Doc {
					t.Errorf("a code block outside the package doc:\n%s", g.Text())
				}
			default:
				t.Errorf("a %T block in a doc comment; spec text must not add doc structure:\n%s", b, g.Text())
			}
		}
		if len(d.Links) > 0 {
			t.Errorf("a link definition in a doc comment:\n%s", g.Text())
		}
	}
}

// docText is a comment's text with each paragraph on one line, as its
// source was before wrapping.
func docText(g *ast.CommentGroup) string {
	if g == nil {
		return ""
	}
	var b strings.Builder
	for _, c := range g.List {
		switch {
		case c.Text == "//":
			b.WriteString("\n")
			continue
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "\n"):
			b.WriteString(" ")
		}
		b.WriteString(strings.TrimPrefix(c.Text, "// "))
	}
	return b.String()
}

// commentFold is what the docs promise spec text becomes in a comment:
// white space (line breaks included) folded to single spaces, control and
// formatting characters and invalid UTF-8 spelled as escapes.
func commentFold(s string) string {
	var b strings.Builder
	space := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsSpace(r) || r == '\u2028' || r == '\u2029' {
			space = true
			continue
		}
		// A space parts `` and '', which gofmt would make curly quotes.
		if space && b.Len() > 0 || (r == '`' || r == '\'') && strings.HasSuffix(b.String(), string(r)) {
			b.WriteByte(' ')
		}
		space = false
		if r == utf8.RuneError && size == 1 {
			fmt.Fprintf(&b, `\x%02x`, s[i-1])
		} else {
			writeEscaped(&b, r)
		}
	}
	return b.String()
}

// writeEscaped writes r, or its escape if it is a control or formatting
// character.
func writeEscaped(b *strings.Builder, r rune) {
	switch {
	case r < 0x80 && unprintable(r):
		fmt.Fprintf(b, `\x%02x`, r)
	case unprintable(r) && r > 0xffff:
		fmt.Fprintf(b, `\U%08x`, r)
	case unprintable(r):
		fmt.Fprintf(b, `\u%04x`, r)
	default:
		b.WriteRune(r)
	}
}

func unprintable(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029'
}

// checkInert shows that no spec text reaches the Go code as code. With the
// free texts (messages, solutions, deprecation notes, category docs,
// service, source) replaced by placeholders, the code must be the same
// token for token but for the literals' values. Codes and category names
// shape the lookups, so for them the check is by vocabulary: every word of
// the code is one the generator writes for the golden specs, or a name the
// spec derives.
func checkInert(t tester, s *spec.Spec, src []byte) {
	t.Helper()
	got := shape(t, src)
	want := shape(t, generateNoPanic(t, placeholders(s), defaults)[generator.DefaultGoFile])
	for i := range max(len(got), len(want)) {
		if i >= len(got) || i >= len(want) || got[i] != want[i] {
			t.Errorf("spec text changes the code, not only its literals, at token %d: %q, but %q with placeholder text\n%s",
				i, at(got, i), at(want, i), context(got, i))
			break
		}
	}
	vocab := generatorVocabulary(t)
	derived := map[string]bool{}
	for _, c := range s.Codes {
		derived["Code"+c.GoName], derived["Err"+c.GoName] = true, true
	}
	for _, c := range s.Categories {
		derived["Category"+c.GoName] = true
	}
	for i, tok := range got[min(2, len(got)):] { // after the package clause
		if !vocab[tok] && !derived[tok] {
			t.Errorf("the code holds %q, a word the generator writes for no golden spec and the spec does not derive\n%s", tok, context(got, i+2))
			break
		}
	}
}

var (
	vocabOnce sync.Once
	vocab     map[string]bool
)

// generatorVocabulary returns the tokens (literals by kind) of the code
// generated for the shipped spec and every golden spec the loader accepts,
// less the package clause and the names derived from each spec: the words
// the generator writes of its own accord.
func generatorVocabulary(t tester) map[string]bool {
	vocabOnce.Do(func() {
		vocab = map[string]bool{}
		for _, g := range append(goldenSpecs(t), goldenSpec{"shipped", spec.DefaultYAML()}) {
			s, err := spec.Parse(g.name, g.yaml)
			if err != nil {
				continue
			}
			files := generateNoPanic(t, s, defaults)
			derived := map[string]bool{}
			for _, c := range s.Codes {
				derived["Code"+c.GoName], derived["Err"+c.GoName] = true, true
			}
			for _, c := range s.Categories {
				derived["Category"+c.GoName] = true
			}
			for _, tok := range shape(t, files[generator.DefaultGoFile])[2:] {
				if !derived[tok] {
					vocab[tok] = true
				}
			}
		}
	})
	if len(vocab) == 0 {
		t.Fatalf("no golden spec gave a vocabulary")
	}
	return vocab
}

func at(toks []string, i int) string {
	if i < len(toks) {
		return toks[i]
	}
	return "EOF"
}

func context(toks []string, i int) string {
	return strings.Join(toks[max(0, i-10):min(len(toks), i+10)], " ")
}

// shape returns the Go file's tokens, comments left out: identifiers,
// keywords and operators as they are, literals by kind only.
func shape(t tester, src []byte) []string {
	t.Helper()
	fset := token.NewFileSet()
	file := fset.AddFile(generator.DefaultGoFile, fset.Base(), len(src))
	var sc scanner.Scanner
	sc.Init(file, src, func(pos token.Position, msg string) { t.Errorf("%s: %s", pos, msg) }, 0)
	var out []string
	for {
		_, tok, lit := sc.Scan()
		switch {
		case tok == token.EOF:
			return out
		case tok.IsLiteral() && tok != token.IDENT:
			out = append(out, tok.String())
		case tok == token.IDENT:
			out = append(out, lit)
		default:
			out = append(out, tok.String())
		}
	}
}

// placeholders returns a copy of s with its free texts replaced by
// placeholders. Equal texts get equal placeholders and empty ones stay
// empty.
func placeholders(s *spec.Spec) *spec.Spec {
	p := *s
	seen := map[string]string{}
	text := func(x string) string {
		if x == "" {
			return ""
		}
		if _, ok := seen[x]; !ok {
			seen[x] = fmt.Sprintf("placeholder text %d", len(seen)+1)
		}
		return seen[x]
	}
	p.Service, p.Source.Title = text(s.Service), text(s.Source.Title)
	if s.Source.URL != "" {
		p.Source.URL = "https://example.com/" + strings.ReplaceAll(text(s.Source.URL), " ", "-")
	}
	p.Categories = slices.Clone(s.Categories)
	for i := range p.Categories {
		p.Categories[i].Doc = text(p.Categories[i].Doc)
	}
	p.Codes = slices.Clone(s.Codes)
	for i := range p.Codes {
		c := &p.Codes[i]
		c.Message, c.Solution, c.Deprecated = text(c.Message), text(c.Solution), text(c.Deprecated)
	}
	return &p
}

// ---- the Markdown ----

const (
	codesHeader      = "| Code | Go name | Message | Solution | Retryable | Fault | Category |"
	categoriesHeader = "| Category | Go constant | Meaning |"
)

// checkMarkdown checks the docs: the header, one table row per code and
// per category, each with the header's column count, every cell reading
// back as the spec's text, and no Markdown or HTML from the spec in the
// prose either.
func checkMarkdown(t tester, s *spec.Spec, md []byte) {
	t.Helper()
	if !bytes.HasPrefix(md, []byte(generator.MarkdownHeader+"\n\n")) {
		t.Errorf("the docs do not start with %q", generator.MarkdownHeader)
	}
	if !utf8.Valid(md) {
		t.Errorf("the docs are not valid UTF-8")
	}
	lines := strings.Split(string(md), "\n")
	inTable := map[int]bool{}
	table := func(header string, n int, row func(cells []string, i int)) {
		h := slices.Index(lines, header)
		if h < 0 {
			t.Errorf("the docs have no table %q", header)
			return
		}
		if h+2+n > len(lines) {
			t.Errorf("table %q has fewer than %d rows", header, n)
			return
		}
		cols := len(splitRow(header))
		for i := range n {
			inTable[h+2+i] = true
			line := lines[h+2+i]
			cells := splitRow(line)
			if len(cells) != cols {
				t.Errorf("table row %q has %d cells, the header %d", line, len(cells), cols)
				continue
			}
			row(cells, i)
		}
		inTable[h], inTable[h+1] = true, true
		if next := lines[h+2+n]; strings.HasPrefix(next, "|") {
			t.Errorf("table %q has more rows than the spec: %q", header, next)
		}
	}
	table(codesHeader, len(s.Codes), func(cells []string, i int) {
		c := s.Codes[i]
		cellIs(t, "code", cells[0], codeSpan, escapeCode(c.Code))
		name, dep, isDep := strings.Cut(cells[1], "<br>deprecated: ")
		cellIs(t, "Go name", name, codeSpan, "Code"+c.GoName)
		if isDep != (c.Deprecated != "") {
			t.Errorf("code %q: Go name cell %q; deprecated %q", c.Code, cells[1], c.Deprecated)
		} else if isDep {
			cellIs(t, "deprecated", dep, markdownText, breaks(c.Deprecated))
		}
		cellIs(t, "message", cells[2], markdownText, breaks(c.Message))
		cellIs(t, "solution", cells[3], markdownText, breaks(c.Solution))
		retry := "no"
		switch {
		case c.Success:
			retry = "success"
		case c.Retryable:
			retry = "yes"
		}
		cellIs(t, "retryable", cells[4], markdownText, retry)
		cellIs(t, "fault", cells[5], markdownText, string(c.Fault))
		cellIs(t, "category", cells[6], markdownText, breaks(c.Category))
	})
	if len(s.Categories) > 0 {
		table(categoriesHeader, len(s.Categories), func(cells []string, i int) {
			c := s.Categories[i]
			cellIs(t, "category", cells[0], markdownText, breaks(c.Name))
			cellIs(t, "category constant", cells[1], codeSpan, "Category"+c.GoName)
			cellIs(t, "category doc", cells[2], markdownText, breaks(c.Doc))
		})
	} else if slices.Contains(lines, categoriesHeader) {
		t.Errorf("a categories table, but the spec has no categories")
	}

	service := cmp.Or(s.Service, s.Package)
	for i, line := range lines[1:] {
		if inTable[i+1] {
			continue
		}
		if strings.HasPrefix(line, "|") {
			t.Errorf("a table row outside the tables: %q", line)
		}
		if title, ok := strings.CutPrefix(line, "# "); ok {
			cellIs(t, "title", strings.TrimSuffix(title, " error codes"), markdownText, breaks(service))
		}
		if _, src, ok := strings.Cut(line, " Source: "); ok {
			checkSource(t, s.Source, src)
		}
		line = strings.Replace(line, "`"+s.Package+"`", "", 1)
		if i := rawMarkup(line); i >= 0 {
			t.Errorf("docs line %q holds raw Markdown or HTML at byte %d", line, i)
		}
	}
}

// rawMarkup returns the index of the first backtick, pipe, < or > in line
// that is not escaped with a backslash, nor part of a <br>, or -1.
func rawMarkup(line string) int {
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == '\\':
			i++
		case strings.HasPrefix(line[i:], "<br>"):
			i += 3
		case strings.IndexByte("`|<>", line[i]) >= 0:
			return i
		}
	}
	return -1
}

// splitRow splits a table row at its unescaped pipes, as GFM does (a pipe
// after a backslash is part of the cell, even in code), and strips the
// space either side of each cell.
func splitRow(line string) []string {
	if !strings.HasPrefix(line, "| ") || !strings.HasSuffix(line, " |") {
		return nil
	}
	var cells []string
	start := 1
	for i := 1; i < len(line); i++ {
		if line[i] == '|' && line[i-1] != '\\' {
			cells = append(cells, line[start:i])
			start = i + 1
		}
	}
	for i, c := range cells {
		c = strings.TrimPrefix(c, " ")
		cells[i] = strings.TrimSuffix(c, " ")
	}
	return cells
}

// cellIs decodes a cell and compares it with want.
func cellIs(t tester, what, cell string, decode func(string) (string, error), want string) {
	t.Helper()
	got, err := decode(cell)
	if err != nil {
		t.Errorf("%s cell %q: %v", what, cell, err)
	} else if got != want {
		t.Errorf("%s cell %q reads as %q, want %q", what, cell, got, want)
	}
}

// breaks is text as Markdown shows it: each line break one "\n", a tab a
// space.
func breaks(s string) string {
	return strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n", "\u0085", "\n", "\t", " ").Replace(s)
}

// escapeCode is a code as a code span shows it: invalid UTF-8 and
// control and formatting characters spelled as escapes.
func escapeCode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			fmt.Fprintf(&b, `\x%02x`, s[i])
		} else {
			writeEscaped(&b, r)
		}
		i += size
	}
	return b.String()
}

var backticks = regexp.MustCompile("`+")

// codeSpan reads an inline code span in a table cell: a fence of n
// backticks, text without a run of exactly n backticks, and the fence
// again; one space either side is padding; \| is a pipe.
func codeSpan(cell string) (string, error) {
	n := len(cell) - len(strings.TrimLeft(cell, "`"))
	if n == 0 || len(cell) < 2*n || !strings.HasSuffix(cell, cell[:n]) {
		return "", fmt.Errorf("not a code span")
	}
	body := cell[n : len(cell)-n]
	for _, run := range backticks.FindAllString(body, -1) {
		if len(run) == n {
			return "", fmt.Errorf("a run of %d backticks ends the span early", n)
		}
	}
	if strings.HasSuffix(body, "`") && !strings.HasSuffix(body, " ") || strings.HasPrefix(body, "`") && !strings.HasPrefix(body, " ") {
		return "", fmt.Errorf("backticks touch the fence")
	}
	if len(body) >= 2 && body[0] == ' ' && body[len(body)-1] == ' ' && strings.Trim(body, " ") != "" {
		body = body[1 : len(body)-1]
	}
	if strings.ContainsAny(body, "\n\r") {
		return "", fmt.Errorf("a line break in a code span")
	}
	return strings.ReplaceAll(body, `\|`, "|"), nil
}

// markdownText reads text that the generator escaped for Markdown: every
// Markdown punctuation character escaped with a backslash, &, < and >
// as entities, line breaks as <br>, and control and formatting characters
// as \xNN or \uNNNN. Anything else unescaped is an error: it could be read
// as Markdown or HTML.
func markdownText(cell string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(cell); {
		r, size := utf8.DecodeRuneInString(cell[i:])
		rest := cell[i:]
		switch {
		case r == '\\' && len(rest) > 1 && strings.ContainsRune("\\`*_[]|~$#{}", rune(rest[1])):
			b.WriteByte(rest[1])
			size = 2
		case r == '\\' && len(rest) >= 4 && rest[1] == 'x':
			v, err := strconv.ParseUint(rest[2:4], 16, 8)
			if err != nil {
				return "", fmt.Errorf("bad escape %q", rest[:4])
			}
			b.WriteByte(byte(v))
			size = 4
		case r == '\\' && len(rest) > 1 && (rest[1] == 'u' || rest[1] == 'U'):
			// \u and 4 hex digits, or \U and 8 for a rune past U+FFFF.
			n := 4
			if rest[1] == 'U' {
				n = 8
			}
			v, err := strconv.ParseUint(rest[2:min(len(rest), 2+n)], 16, 32)
			if err != nil || len(rest) < 2+n || !unprintable(rune(v)) {
				return "", fmt.Errorf("bad escape in %q", rest[:min(len(rest), 2+n)])
			}
			b.WriteRune(rune(v))
			size = 2 + n
		case r == '\\':
			return "", fmt.Errorf("a lone backslash at %d", i)
		case r == '&':
			entity := ""
			for _, e := range []string{"&amp;", "&lt;", "&gt;"} {
				if strings.HasPrefix(rest, e) {
					entity = e
				}
			}
			if entity == "" {
				return "", fmt.Errorf("a raw & at %d", i)
			}
			b.WriteString(html.UnescapeString(entity))
			size = len(entity)
		case strings.HasPrefix(rest, "<br>"):
			b.WriteByte('\n')
			size = 4
		case r == utf8.RuneError && size == 1:
			return "", fmt.Errorf("invalid UTF-8 at %d", i)
		case strings.ContainsRune("`*_[]|~$#{}<>\t", r) || unprintable(r):
			return "", fmt.Errorf("unescaped %q at %d", r, i)
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String(), nil
}

// checkSource checks the provenance after "Source: ": a link whose text
// reads back as the title (or the URL) and whose target is the URL, or the
// title alone.
func checkSource(t tester, src spec.Source, line string) {
	t.Helper()
	if src.URL == "" {
		if src.Title != "" {
			text, _, _ := strings.Cut(line, ", last updated ")
			cellIs(t, "source title", strings.TrimSuffix(text, "."), markdownText, breaks(src.Title))
		}
		return
	}
	rest, ok := strings.CutPrefix(line, "[")
	if !ok {
		t.Errorf("source %q is not a link", line)
		return
	}
	end := -1
	for i := 0; i < len(rest); i++ {
		if rest[i] == '\\' {
			i++
		} else if rest[i] == ']' {
			end = i
			break
		}
	}
	if end < 0 || !strings.HasPrefix(rest[end:], "](") {
		t.Errorf("source %q is not a link", line)
		return
	}
	cellIs(t, "source link text", rest[:end], markdownText, breaks(cmp.Or(src.Title, src.URL)))
	dest, err := linkDestination(rest[end+2:])
	if err != nil {
		t.Errorf("source link %q: %v", line, err)
		return
	}
	// The generator percent-encodes what would end the target or the cell.
	enc := strings.NewReplacer("(", "%28", ")", "%29", " ", "%20", "|", "%7C", "<", "%3C", ">", "%3E", "`", "%60")
	if enc.Replace(dest) != enc.Replace(src.URL) {
		t.Errorf("source link %q goes to %q, want %q", line, dest, src.URL)
	}
}

// linkDestination reads a link destination as CommonMark does, up to the
// ")" that ends it: backslash escapes and entities are decoded, parentheses
// must balance.
func linkDestination(s string) (string, error) {
	var b strings.Builder
	depth := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0:
			i++
			b.WriteByte(s[i])
		case c == '(':
			depth++
			b.WriteByte(c)
		case c == ')' && depth == 0:
			return html.UnescapeString(b.String()), nil
		case c == ')':
			depth--
			b.WriteByte(c)
		case c <= ' ' || c == 0x7f:
			return "", fmt.Errorf("a space or control character in the target")
		default:
			b.WriteByte(c)
		}
	}
	return "", fmt.Errorf("the target does not end")
}
