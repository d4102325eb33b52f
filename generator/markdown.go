package generator

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// markdownText escapes text so that it prints as written in Markdown (GFM),
// inside a table cell or not: Markdown punctuation is backslash-escaped,
// HTML's <, > and & become entities, line breaks become <br> (the only
// HTML it emits), and control and formatting characters become visible
// escapes such as \x00 and \u202e.
func markdownText(s string) string {
	if plainMarkdown(s) {
		return s
	}
	return escapeMarkdown(s)
}

// escapeMarkdown is markdownText for text that is not plain.
func escapeMarkdown(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x`)
			b.WriteString(hex2(s[i]))
		case r == '\r' && strings.HasPrefix(s[i:], "\r\n"):
			b.WriteString("<br>")
			size = 2
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			b.WriteString("<br>")
		case r == '\t':
			b.WriteByte(' ')
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case strings.ContainsRune("\\`*_[]|~$#{}", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			writeEscape(&b, r)
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

// plainMarkdown reports whether markdownText and markdownCode would write
// every character of s as it is: s holds no Markdown or HTML punctuation,
// no line break, tab or other control or formatting character, and no
// invalid UTF-8. Most of a table's text is plain, and checking is cheaper
// than rebuilding it.
func plainMarkdown(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f || strings.IndexByte("\\`*_[]|~$#{}&<>", c) >= 0 {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029' {
			return false
		}
		i += size
	}
	return true
}

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}

// markdownCode prints s as an inline code span that is safe in a table
// cell: the fence is longer than any run of backticks in s, and | is
// escaped (GFM reads \| in a cell as |, even in code). Characters that are
// unsafe in any text are shown as escapes, as markdownText does.
func markdownCode(s string) string {
	if plainMarkdown(s) {
		return "`" + s + "`"
	}
	return codeSpan(s)
}

// codeSpan is markdownCode for text that is not plain.
func codeSpan(s string) string {
	var b strings.Builder
	longest, run := 0, 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '`':
			run++
			longest = max(longest, run)
		default:
			run = 0
		}
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x` + hex2(s[i]))
		case r == '|':
			b.WriteString(`\|`)
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029':
			writeEscape(&b, r)
		default:
			b.WriteRune(r)
		}
		i += size
	}
	fence := strings.Repeat("`", longest+1)
	body := b.String()
	if strings.HasPrefix(body, "`") || strings.HasSuffix(body, "`") {
		body = " " + body + " "
	}
	return fence + body + fence
}

// markdownURL escapes a URL for a Markdown link target: characters that
// would end the target or the table cell are percent-encoded, a backslash
// is escaped and an ampersand written as an entity, so that neither is
// read as Markdown.
func markdownURL(s string) string {
	return strings.NewReplacer("(", "%28", ")", "%29", " ", "%20", "|", "%7C", "<", "%3C", ">", "%3E", "`", "%60",
		`\`, `\\`, "&", "&amp;", "\n", "%0A", "\r", "%0D").Replace(s)
}
