package generator

import (
	"bytes"
	"fmt"
	"go/format"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/dave/jennifer/jen"
)

// The Go file is a list of sections, in the order a reader of the package
// wants them: the package clause with its doc and the imports; what the
// table decides that callers use (the codes, the sentinels, the
// categories); the fixed half (the types and functions); and the data the
// fixed half reads (the hash, the rows). Each section renders on its own,
// and a block of one entry per row (10,000 constants, say) is cut into
// chunks that do too, so that the sections render in parallel. Small
// sections are formatted by go/format; blocks are rendered in gofmt's
// layout and need no formatting (see block), which is what keeps
// generation close to the time it takes to format its output. The
// emitter knows where it may cut: between top-level declarations, which
// gofmt separates by one blank line, and between a block's entries, which
// gofmt lays out on lines of their own, aligning nothing across them.

// A section is a top-level declaration, or several, of the Go file.
type section interface {
	// chunks returns how many pieces the section renders in.
	chunks() int
	// render returns the source of piece i, as gofmt lays it out,
	// without the newline that ends it.
	render(r *renderer, i int) ([]byte, error)
	// join is what goes between piece i-1 and piece i.
	join(i int) string
}

// goSource is Go source, formatted as it is.
type goSource []byte

func (s goSource) chunks() int     { return 1 }
func (s goSource) join(int) string { return "" }
func (s goSource) render(*renderer, int) ([]byte, error) {
	out, err := format.Source(s)
	return bytes.TrimRight(out, "\n"), err
}

// decl is one declaration with its doc comment.
type decl struct {
	doc  *doc
	code jen.Code
}

func (d decl) chunks() int     { return 1 }
func (d decl) join(int) string { return "" }
func (d decl) render(r *renderer, _ int) ([]byte, error) {
	return renderStatement(r.file, append(d.doc.comments(), d.code))
}

// block is a declaration of one entry per row: a const or var group, or
// a composite literal. Its entries are what make a file of 10,000 codes
// long, and formatting them would be most of the time Generate takes, so
// jennifer renders them in the layout gofmt gives them, as they are (see
// layout.go), and they are never formatted. It renders a chunk of entries
// at a time: the first chunk after the block's doc comment and opener,
// the last one before its closer.
type block struct {
	doc   *doc
	open  jen.Code // the first line: "const (", "var codeTable = [...]Info{"
	group bool     // a const or var group, whose entries blank lines part; else a composite literal, an entry a line
	n     int      // the number of entries
	// item returns entry i, a line each: its doc comment's lines (a
	// jen.Comment each) and its code, in gofmt's layout.
	item func(i int) []jen.Code
}

// chunkSize is the number of entries a chunk of a block holds: large
// enough that rendering's fixed costs do not count, small enough to
// spread the work over the machine's processors.
const chunkSize = 500

func (b block) chunks() int { return max(1, (b.n+chunkSize-1)/chunkSize) }

// join parts chunks as it parts entries: by a blank line in a group, by a
// line break in a literal (whose entries end with their commas).
func (b block) join(int) string {
	if b.group {
		return "\n\n"
	}
	return "\n"
}

func (b block) render(r *renderer, i int) ([]byte, error) {
	var parts []jen.Code
	if i == 0 {
		parts = append(b.doc.comments(), b.open)
	}
	var entries []jen.Code
	for k := i * chunkSize; k < min(b.n, (i+1)*chunkSize); k++ {
		entries = append(entries, jen.Custom(jen.Options{Separator: "\n\t"}, b.item(k)...))
	}
	if b.group {
		parts = append(parts, jen.Custom(jen.Options{Open: "\t", Separator: "\n\n\t"}, entries...))
	} else {
		parts = append(parts, jen.Custom(jen.Options{Open: "\t", Separator: ",\n\t", Close: ","}, entries...))
	}
	if i == b.chunks()-1 {
		if b.group {
			parts = append(parts, jen.Op(")"))
		} else {
			parts = append(parts, jen.Op("}"))
		}
	}
	return r.laidOut(jen.Custom(jen.Options{Separator: "\n"}, parts...))
}

// A renderer renders sections of a package's file, one at a time.
type renderer struct {
	pkg  string
	file *jen.File // a file of the package for jennifer to render in
}

// laidOut renders code, already in gofmt's layout, as it is: the text
// jennifer writes for it, with no formatting.
func (r *renderer) laidOut(code jen.Code) ([]byte, error) {
	f := jen.NewFile(r.pkg)
	f.NoFormat = true
	f.Add(code)
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return nil, err
	}
	out, ok := bytes.CutPrefix(buf.Bytes(), []byte("package "+r.pkg+"\n\n\n"))
	if !ok {
		return nil, fmt.Errorf("jennifer rendered an unexpected file: %.80q", buf.Bytes())
	}
	return out, nil
}

// renderStatement renders code, one statement, formatted (as jennifer
// formats what it renders).
func renderStatement(f *jen.File, code []jen.Code) ([]byte, error) {
	st := jen.Null()
	for i, c := range code {
		if i > 0 {
			st.Line()
		}
		st.Add(c)
	}
	var buf bytes.Buffer
	if err := st.RenderWithFile(&buf, f); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// renderGo renders the Go file of m. alongside, when not nil, runs while
// the file is formatted, on a goroutine of its own: the formatting keeps
// every processor busy only until its last pieces. renderGo returns when
// both are done.
func renderGo(m *DocData, alongside func()) ([]byte, error) {
	fc, err := fixedCode()
	if err != nil {
		return nil, err
	}
	body, err := fill(fc.body, placeholders(m))
	if err != nil {
		return nil, err
	}
	return renderTable(m, prelude(m, fc.imports), goSource(body), alongside)
}

// renderTable renders the table's half of m's Go file, after head and
// with fixed between what callers use and the data (see the top of this
// file).
func renderTable(m *DocData, head, fixed goSource, alongside func()) ([]byte, error) {
	data, err := dataSections(m)
	if err != nil {
		return nil, err
	}
	sections := []section{head}
	sections = append(sections, codeSections(m)...)
	sections = append(sections, sentinelSections(m)...)
	sections = append(sections, categorySections(m)...)
	if fixed != nil {
		sections = append(sections, fixed)
	}
	sections = append(sections, data...)
	return renderSections(m.Package, sections, alongside)
}

// renderSections renders the sections in parallel and joins them.
func renderSections(pkg string, sections []section, alongside func()) ([]byte, error) {
	type piece struct{ section, chunk int }
	var pieces []piece
	for s, sec := range sections {
		for c := range sec.chunks() {
			pieces = append(pieces, piece{s, c})
		}
	}
	out := make([][]byte, len(pieces))
	errs := make([]error, len(pieces))
	var wg sync.WaitGroup
	if alongside != nil {
		wg.Go(alongside)
	}
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(pieces)) {
		wg.Go(func() {
			r := &renderer{pkg: pkg, file: jen.NewFile(pkg)}
			for i := range next {
				out[i], errs[i] = sections[pieces[i].section].render(r, pieces[i].chunk)
			}
		})
	}
	for i := range pieces {
		next <- i
	}
	close(next)
	wg.Wait()

	var b bytes.Buffer
	for i, p := range pieces {
		if errs[i] != nil {
			return nil, fmt.Errorf("rendering Go code: %w", errs[i])
		}
		switch {
		case i == 0:
		case p.chunk == 0:
			b.WriteString("\n\n")
		default:
			b.WriteString(sections[p.section].join(p.chunk))
		}
		b.Write(out[i])
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// prelude is the file's header, the package's doc comment, the package
// clause and the imports of the fixed half (the table's half imports
// nothing).
func prelude(m *DocData, imports []string) goSource {
	var b strings.Builder
	b.WriteString(GoHeader + "\n\n")
	for _, l := range packageDoc(m).lines() {
		b.WriteString(l + "\n")
	}
	b.WriteString("package " + m.Package + "\n\nimport (\n")
	for _, imp := range imports {
		b.WriteString("\t" + strconv.Quote(imp) + "\n")
	}
	b.WriteString(")\n")
	return goSource(b.String())
}

// packageDoc is the package comment: what the package is, where the table
// came from, and how to use it.
func packageDoc(m *DocData) *doc {
	d := new(doc).
		add("Package %s holds the error codes of %s as Go values: a [Code] constant per code, a sentinel error per error code for [errors.Is], and the [Error] type that carries the code a call returned, with the table's message, solution and classification ([Info]).", m.Package, m.Service)
	if p := provenance(m); p != "" {
		d.add("%s", p)
	}
	d.add("Turn the code in a reply body into an error with [FromResponse], and an SDK error into one with [FromError]; then branch with [errors.Is] and [IsRetryable]:")
	if e, ok := m.example(); ok {
		d.code = []string{
			"if err := " + m.Package + ".FromResponse(resp.Code, resp.Message, resp.RequestID); err != nil {",
			"\tswitch {",
			"\tcase errors.Is(err, " + m.Package + "." + e.Sentinel + "):",
			"\t\t// handle " + commentText(e.Code),
			"\tcase " + m.Package + ".IsRetryable(err):",
			"\t\t// back off and send again",
			"\tdefault:",
			"\t\treturn err",
			"\t}",
			"}",
		}
	}
	return d
}

// provenance says where the table came from, or nothing if the spec does
// not say.
func provenance(m *DocData) string {
	src := m.Source
	if src.Title == "" && src.URL == "" && src.Updated == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString("The table is ")
	switch {
	case src.Title != "" && src.URL != "":
		b.WriteString(`"` + src.Title + `" (` + src.URL + `)`)
	case src.Title != "":
		b.WriteString(`"` + src.Title + `"`)
	case src.URL != "":
		b.WriteString(src.URL)
	default:
		b.WriteString("the vendor's")
	}
	if src.Updated != "" {
		b.WriteString(", last updated " + src.Updated)
	}
	b.WriteString(".")
	return b.String()
}
