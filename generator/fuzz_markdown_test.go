package generator_test

// The checks the fuzz targets hold generated Markdown to.

import (
	"bytes"
	"cmp"
	"fmt"
	"html"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/errspec/errspec/generator"
	"github.com/errspec/errspec/spec"
)

// ---- the Markdown ----

const (
	codesHeader      = "| Code | Go name | Message | Solution | Retryable | Fault | Category |"
	httpHeader       = " HTTP status |"
	categoriesHeader = "| Category | Go constant | Meaning |"
	familiesHeader   = "| Prefix | Sentinel | Retryable | Fault | Category | Meaning |"
	textHeader       = "| Code | Message | Solution |"
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
	// tableAt checks the table whose header is line h (after from, when h
	// is negative): n rows, each as row says.
	tableAt := func(from int, header string, n int, row func(cells []string, i int)) {
		h := -1
		if i := slices.Index(lines[from:], header); i >= 0 {
			h = from + i
		}
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
	table := func(header string, n int, row func(cells []string, i int)) { tableAt(0, header, n, row) }
	codes := codesHeader
	if slices.ContainsFunc(s.Codes, func(c spec.Entry) bool { return c.HTTPStatus != 0 }) {
		codes += httpHeader
	}
	table(codes, len(s.Codes), func(cells []string, i int) {
		c := s.Codes[i]
		spans := strings.Split(cells[0], "<br>also ")
		cellIs(t, "code", spans[0], codeSpan, escapeCode(c.Code))
		if len(spans)-1 != len(c.Aliases) {
			t.Errorf("code %q: code cell %q shows %d aliases, want %d", c.Code, cells[0], len(spans)-1, len(c.Aliases))
		} else {
			for k, a := range c.Aliases {
				cellIs(t, "alias", spans[k+1], codeSpan, escapeCode(a))
			}
		}
		if codes != codesHeader {
			if want := strconv.Itoa(c.HTTPStatus); c.HTTPStatus != 0 && cells[7] != want || c.HTTPStatus == 0 && cells[7] != "" {
				t.Errorf("code %q: HTTP status cell %q, want %d", c.Code, cells[7], c.HTTPStatus)
			}
		}
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
	if len(s.Families) > 0 {
		table(familiesHeader, len(s.Families), func(cells []string, i int) {
			f := s.Families[i]
			cellIs(t, "prefix", cells[0], codeSpan, escapeCode(f.Prefix))
			cellIs(t, "family sentinel", cells[1], codeSpan, "Err"+f.GoName)
			cellIs(t, "family retryable", cells[2], markdownText, map[bool]string{true: "yes", false: "no"}[f.Retryable])
			cellIs(t, "family fault", cells[3], markdownText, string(f.Fault))
			cellIs(t, "family category", cells[4], markdownText, breaks(f.Category))
			cellIs(t, "family doc", cells[5], markdownText, breaks(f.Doc))
		})
	} else if slices.Contains(lines, familiesHeader) {
		t.Errorf("a families table, but the spec has no families")
	}
	for k, lang := range s.Languages {
		heading := slices.Index(lines, "## Text in "+lang)
		if k == 0 || heading < 0 {
			if (k == 0) != (heading < 0) {
				t.Errorf("a text table for %s: %v, want %v", lang, heading >= 0, k > 0)
			}
			continue
		}
		var with []spec.Entry
		for _, c := range s.Codes {
			if _, ok := c.Texts[lang]; ok {
				with = append(with, c)
			}
		}
		tableAt(heading, textHeader, len(with), func(cells []string, i int) {
			c := with[i]
			cellIs(t, "text code", cells[0], codeSpan, escapeCode(c.Code))
			cellIs(t, "text message", cells[1], markdownText, breaks(c.Texts[lang].Message))
			cellIs(t, "text solution", cells[2], markdownText, breaks(c.Texts[lang].Solution))
		})
	}
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
