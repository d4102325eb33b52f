package spec

import (
	"go/token"
	"strings"
	"unicode"
	"unicode/utf8"
)

// commonInitialisms are the words Go style writes in one case throughout
// (golint's list, plus OK as in http.StatusOK). A spec's initialisms add to
// them.
var commonInitialisms = []string{
	"ACL", "API", "ASCII", "CPU", "CSS", "DNS", "EOF", "GUID", "HTML", "HTTP",
	"HTTPS", "ID", "IP", "JSON", "LHS", "OK", "QPS", "RAM", "RHS", "RPC", "SLA",
	"SMTP", "SQL", "SSH", "TCP", "TLS", "TTL", "UDP", "UI", "UID", "UUID", "URI",
	"URL", "UTF8", "VM", "XML", "XMPP", "XSRF", "XSS",
}

// Namer derives Go names from wire codes. The zero Namer knows Go's usual
// initialisms only; [NewNamer] adds a spec's own.
type Namer struct {
	extra map[string]string // upper-case word → the spelling to use
}

// NewNamer returns a Namer that also keeps the given initialisms, spelled as
// given (so "IPv6" may be listed to keep that spelling).
func NewNamer(initialisms []string) *Namer {
	n := &Namer{extra: make(map[string]string, len(initialisms))}
	for _, w := range initialisms {
		n.extra[strings.ToUpper(w)] = w
	}
	return n
}

func (n *Namer) initialism(word string) (string, bool) {
	up := strings.ToUpper(word)
	if n != nil {
		if w, ok := n.extra[up]; ok {
			return w, true
		}
	}
	for _, w := range commonInitialisms {
		if w == up {
			return w, true
		}
	}
	return "", false
}

// Name derives the Go name of a wire code:
//
//   - a leading all-lower-case namespace segment is dropped ("isv." in
//     "isv.BUSINESS_LIMIT_CONTROL");
//   - the rest is split into parts on every rune that is not a letter or a
//     digit (".", "_", "-", spaces, ...);
//   - parts written in one case (BUSINESS, illegal) become title-case words;
//     parts in mixed case (SignatureDoesNotMatch, IPv6Address) keep the
//     vendor's spelling, with the first letter of each word upper-cased;
//   - a word that is an initialism is spelled as the initialism (Json → JSON).
//
// The result may not be a valid exported identifier (for "22012", say); see
// [ValidGoName]. The same code always derives the same name.
func (n *Namer) Name(code string) string {
	if ns, rest, ok := strings.Cut(code, "."); ok && isNamespace(ns) && strings.Trim(rest, ".") != "" {
		code = rest
	}
	var b strings.Builder
	for _, part := range strings.FieldsFunc(code, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		mixed := hasUpper(part) && hasLower(part)
		for _, word := range splitWords(part, mixed) {
			if w, ok := n.initialism(word); ok {
				b.WriteString(w)
				continue
			}
			r, size := utf8.DecodeRuneInString(word)
			b.WriteRune(unicode.ToTitle(r))
			if mixed {
				b.WriteString(word[size:])
			} else {
				b.WriteString(strings.ToLower(word[size:]))
			}
		}
	}
	// An initialism spelled in lower case first (iOS) still starts an
	// exported name upper-case.
	name := b.String()
	if name == "" {
		return ""
	}
	r, size := utf8.DecodeRuneInString(name)
	return string(unicode.ToTitle(r)) + name[size:]
}

// isNamespace reports whether s is a lower-case namespace segment such as
// "isv" or "isp": a lower-case letter, then lower-case letters or digits.
func isNamespace(s string) bool {
	for i, r := range s {
		switch {
		case 'a' <= r && r <= 'z':
		case i > 0 && '0' <= r && r <= '9':
		default:
			return false
		}
	}
	return s != ""
}

func hasUpper(s string) bool { return strings.IndexFunc(s, unicode.IsUpper) >= 0 }
func hasLower(s string) bool { return strings.IndexFunc(s, unicode.IsLower) >= 0 }

// splitWords splits a mixed-case part at its case changes: before an upper-
// case letter that follows a lower-case letter or a digit (TimeStamp,
// Limit1000Exceeded), and before the last letter of an upper-case run that
// goes on in lower case (HTTPServer). Digits stay with the word before them.
// A part in one case is one word.
func splitWords(part string, mixed bool) []string {
	if !mixed {
		return []string{part}
	}
	runes := []rune(part)
	var words []string
	start := 0
	for i := 1; i < len(runes); i++ {
		prev, r := runes[i-1], runes[i]
		if !unicode.IsUpper(r) {
			continue
		}
		lowerNext := i+1 < len(runes) && unicode.IsLower(runes[i+1])
		if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && lowerNext) {
			words = append(words, string(runes[start:i]))
			start = i
		}
	}
	return append(words, string(runes[start:]))
}

// ValidGoName reports whether name can follow "Code" and "Err" as an
// exported Go identifier of its own: it must be an identifier that starts
// with an upper-case letter.
func ValidGoName(name string) bool {
	return token.IsIdentifier(name) && token.IsExported(name)
}
