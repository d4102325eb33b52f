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
// are spelled as escapes, visible in review.
func commentText(s string) string {
	var b strings.Builder
	space := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsSpace(r) || r == '\u2028' || r == '\u2029' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
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

// writeEscape spells r as a Go escape: \x00, \u202e.
func writeEscape(b *strings.Builder, r rune) {
	if r < 0x80 {
		fmt.Fprintf(b, `\x%02x`, r)
	} else {
		fmt.Fprintf(b, `\u%04x`, r)
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
	words := strings.Split(text, " ")
	var lines []string
	line := words[0]
	for _, w := range words[1:] {
		if len(line)+1+len(w) > width && safeLineStart(w) {
			lines = append(lines, line)
			line = w
			continue
		}
		line += " " + w
	}
	return append(lines, line)
}

func safeLineStart(w string) bool {
	return !strings.HasPrefix(w, "Deprecated")
}
