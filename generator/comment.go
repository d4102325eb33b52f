package generator

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
)

// commentWidth is where doc comment lines are wrapped, counting the "// ".
const commentWidth = 80

// doc is a doc comment under construction: paragraphs of text that may come
// from the spec. Rendering makes every line inert: see [commentText].
type doc struct {
	paras []string
	code  []string // a preformatted block, written as is (errspec's own text only)
}

func (d *doc) add(format string, args ...any) *doc {
	d.paras = append(d.paras, fmt.Sprintf(format, args...))
	return d
}

// lines renders the comment as lines of Go source, "//" included, so that
// jennifer prints them as they are (it prints a comment that starts with
// "//" verbatim).
func (d *doc) lines() []string {
	var out []string
	for i, p := range d.paras {
		if i > 0 {
			out = append(out, "//")
		}
		for _, l := range wrap(commentText(p), commentWidth-3) {
			out = append(out, "// "+l)
		}
	}
	if len(d.code) > 0 {
		out = append(out, "//")
		for _, l := range d.code {
			out = append(out, "//\t"+l)
		}
	}
	return out
}

// comments renders the comment as one jen.Comment per line.
func (d *doc) comments() []jen.Code {
	lines := d.lines()
	out := make([]jen.Code, len(lines))
	for i, l := range lines {
		out[i] = jen.Comment(l)
	}
	return out
}

// commentText makes text safe to print after "// ": line breaks and other
// white space become single spaces, so no text starts a line of its own;
// control and formatting characters (NUL, U+202E, ...) and invalid UTF-8
// are spelled as escapes, visible in review; and a space parts “ and ”,
// which gofmt would turn into curly quotes in a doc comment.
func commentText(s string) string {
	if plainText(s) {
		return s
	}
	var b strings.Builder
	space := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsSpace(r) || r == '\u2028' || r == '\u2029' {
			space = true
			continue
		}
		if space && b.Len() > 0 || quotePair(b.String(), r) {
			b.WriteByte(' ')
		}
		space = false
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i-1])
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			writeEscape(&b, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// quotePair reports whether r after text would make “ or ”.
func quotePair(text string, r rune) bool {
	return (r == '`' || r == '\'') && strings.HasSuffix(text, string(r))
}

// plainText reports whether commentText would return s as it is: valid
// UTF-8 of printable characters, words parted by single spaces. Most spec
// text is, and checking is cheaper than rebuilding it.
func plainText(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f || c == ' ' && s[i+1] == ' ' || (c == '`' || c == '\'') && i > 0 && s[i-1] == c {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029' {
			return false
		}
		i += size
	}
	return true
}

// writeEscape spells r as a Go escape: \x00, \u202e, \U000e0001.
func writeEscape(b *strings.Builder, r rune) {
	switch {
	case r < 0x80:
		fmt.Fprintf(b, `\x%02x`, r)
	case r <= 0xffff:
		fmt.Fprintf(b, `\u%04x`, r)
	default:
		fmt.Fprintf(b, `\U%08x`, r)
	}
}

// wrap breaks text into lines of at most width bytes where it can. It
// never breaks before a word starting with "Deprecated", so that no line of
// spec text can read as a "Deprecated:" notice. Nothing else a line starts
// with matters: every line gets "// " before it (so "//go:" in the text is
// no directive), white space inside text is folded (so nothing is indented
// into a code block or a list), and doc comment headings and link
// definitions need a paragraph of their own, which only errspec starts.
func wrap(text string, width int) []string {
	// The line is text[start:end]; each word follows a space at end.
	var lines []string
	start, end := 0, strings.IndexByte(text, ' ')
	if end < 0 {
		return []string{text}
	}
	for end < len(text) {
		next := strings.IndexByte(text[end+1:], ' ')
		if next < 0 {
			next = len(text)
		} else {
			next += end + 1
		}
		if w := text[end+1 : next]; end-start+1+len(w) > width && safeLineStart(w) {
			lines = append(lines, text[start:end])
			start = end + 1
		}
		end = next
	}
	return append(lines, text[start:end])
}

func safeLineStart(w string) bool {
	return !strings.HasPrefix(w, "Deprecated")
}
