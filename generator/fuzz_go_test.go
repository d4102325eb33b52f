package generator_test

// The checks the fuzz targets hold generated Go code to.

import (
	"bytes"
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
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/errspec/errspec/generator"
	"github.com/errspec/errspec/spec"
)

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
	for _, f := range s.Families {
		sentinels["Err"+f.GoName] = true
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
	derived := derivedNames(s)
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
			derived := derivedNames(s)
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

// derivedNames are the identifiers the spec's own names give.
func derivedNames(s *spec.Spec) map[string]bool {
	derived := map[string]bool{}
	for _, c := range s.Codes {
		derived["Code"+c.GoName], derived["Err"+c.GoName] = true, true
	}
	for _, c := range s.Categories {
		derived["Category"+c.GoName] = true
	}
	for _, f := range s.Families {
		derived["Err"+f.GoName] = true
	}
	return derived
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
