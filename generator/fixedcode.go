package generator

import (
	"bytes"
	"fmt"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/errspec/errspec/generator/fixed"
)

// The fixed half of every generated package is the Go source of package
// generator/fixed (see its doc): its files, without their package clauses
// and imports, with the placeholders in their comments replaced by the
// words of the table at hand.

// fixedCode is the fixed half's source, read and split once.
var fixedCode = sync.OnceValues(loadFixed)

// fixedSource is what the fixed half is made of.
type fixedSource struct {
	imports []string // the import paths the files use, sorted
	body    []byte   // the files' declarations, in the order of fixed.Files
}

func loadFixed() (*fixedSource, error) {
	src := &fixedSource{}
	fset := token.NewFileSet()
	for _, name := range fixed.Files {
		data, err := fixed.Source(name)
		if err != nil {
			return nil, err
		}
		f, err := parser.ParseFile(fset, name, data, parser.ImportsOnly)
		if err != nil {
			return nil, fmt.Errorf("generator/fixed/%s: %w", name, err)
		}
		end := fset.Position(f.Name.End()).Offset
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if !slices.Contains(src.imports, path) {
				src.imports = append(src.imports, path)
			}
		}
		if len(f.Decls) > 0 {
			end = fset.Position(f.Decls[len(f.Decls)-1].End()).Offset
		}
		src.body = append(src.body, bytes.TrimLeft(data[end:], "\n")...)
		src.body = append(src.body, '\n')
	}
	slices.Sort(src.imports)
	return src, nil
}

// placeholders are the words of the fixed half's comments that name what
// only the table knows (see generator/fixed's package doc).
func placeholders(m *DocData) map[string]string {
	p := map[string]string{
		"$service": m.Service,
		"$pkg":     m.Package,
		"$example": strconv.Quote(m.Codes[0].Code),
		"$Err":     "Err" + m.Codes[0].Name, // a table of success codes has no sentinel to show
		"$success": "the table lists none",
	}
	if e, ok := m.example(); ok {
		p["$example"], p["$Err"] = strconv.Quote(e.Code), e.Sentinel
	}
	var success []string
	for _, c := range m.Codes {
		if c.Success {
			success = append(success, "["+c.Const+"]")
		}
	}
	if len(success) > 0 {
		p["$success"] = "such as " + strings.Join(success[:min(len(success), 3)], ", ")
	}
	return p
}

// fill replaces the placeholders in the comments of src, a fixed file's
// declarations, and rewraps each comment paragraph it changed. It refuses
// a placeholder outside a comment, or one it does not know.
func fill(src []byte, values map[string]string) ([]byte, error) {
	var out bytes.Buffer
	lines := strings.SplitAfter(string(src), "\n")
	for i := 0; i < len(lines); {
		indent, text, ok := commentLine(lines[i])
		if !ok || text == "" || strings.HasPrefix(text, "\t") {
			if strings.Contains(lines[i], "$") && !ok {
				return nil, fmt.Errorf("generator/fixed: placeholder outside a comment: %q", lines[i])
			}
			out.WriteString(lines[i])
			i++
			continue
		}
		// A paragraph: comment lines of text at the same indentation.
		para := []string{text}
		j := i + 1
		for ; j < len(lines); j++ {
			ind, t, ok := commentLine(lines[j])
			if !ok || ind != indent || t == "" || strings.HasPrefix(t, "\t") {
				break
			}
			para = append(para, t)
		}
		joined := strings.Join(para, " ")
		if !strings.Contains(joined, "$") {
			for _, l := range lines[i:j] {
				out.WriteString(l)
			}
			i = j
			continue
		}
		filled, err := replacePlaceholders(joined, values)
		if err != nil {
			return nil, err
		}
		for _, l := range wrap(filled, commentWidth-3-4*len(indent)) {
			out.WriteString(indent + "// " + l + "\n")
		}
		i = j
	}
	return out.Bytes(), nil
}

// commentLine splits a line that is a // comment into its indentation and
// its text after "// " (or "//").
func commentLine(line string) (indent, text string, ok bool) {
	line = strings.TrimSuffix(line, "\n")
	trimmed := strings.TrimLeft(line, "\t")
	rest, ok := strings.CutPrefix(trimmed, "//")
	if !ok {
		return "", "", false
	}
	return line[:len(line)-len(trimmed)], strings.TrimPrefix(rest, " "), true
}

// replacePlaceholders replaces each placeholder in a comment's text with
// its value, made safe for a comment.
func replacePlaceholders(text string, values map[string]string) (string, error) {
	var b strings.Builder
	for {
		i := strings.IndexByte(text, '$')
		if i < 0 {
			b.WriteString(text)
			return b.String(), nil
		}
		b.WriteString(text[:i])
		n := 1
		for n < len(text)-i && isWordByte(text[i+n]) {
			n++
		}
		v, ok := values[text[i:i+n]]
		if !ok {
			return "", fmt.Errorf("generator/fixed: unknown placeholder %s", text[i:i+n])
		}
		b.WriteString(commentText(v))
		text = text[i+n:]
	}
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}
