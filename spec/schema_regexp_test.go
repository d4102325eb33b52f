package spec

// JSON Schema 2020-12 (core, section 6.4, "Regular Expressions") takes
// patterns to be ECMA-262 regular expressions and, "given the high
// disparity in regular expression constructs support", asks schema
// authors to limit themselves to a few tokens. Validators do differ past
// them: Python's re, which check-jsonschema uses, has no \p{...}, and
// refuses a schema that uses it; \s and \d mean ASCII in Go and Unicode in
// ECMAScript; . leaves out different line breaks. checkInteropRegexp holds
// every pattern of schema.json to those tokens.

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// interopRegexp is the regexp engine schema.json is compiled with in the
// tests: a pattern outside the subset is an invalid regular expression, so
// the schema fails its metaschema (whose format: regex the library checks
// with this engine). A pattern inside it is compiled by Go's regexp, which
// reads the subset as ECMAScript does.
func interopRegexp(pattern string) (jsonschema.Regexp, error) {
	if err := checkInteropRegexp(pattern); err != nil {
		return nil, err
	}
	return regexp.Compile(pattern)
}

// checkInteropRegexp reports the first construct of pattern outside the
// subset that JSON Schema recommends, or nil. The subset is:
//
//   - a character as itself, other than the syntax characters
//     ^ $ \ . * + ? ( ) [ ] { } |; schema.json may write an invisible one as a
//     JSON \uXXXX escape, which reaches the pattern as the character itself;
//   - a syntax character (or /) escaped with \, such as \. or \(, and the
//     standard escapes \t, \n and \r;
//   - classes [abc], ranges [a-z] and their complements [^abc], [^a-z];
//   - the quantifiers * + ? {n} {n,} {n,m}, each also lazy with ? after it;
//   - the anchors ^ and $, grouping (...) and alternation |.
//
// Not in it: \p{...}, \s \d \w \b and their negations, backreferences,
// other escapes, (?...) groups (lookaround, non-capturing, named), and the
// dot.
func checkInteropRegexp(pattern string) error {
	p := &reParser{src: []rune(pattern)}
	if err := p.alternation(0); err != nil {
		return err
	}
	return nil
}

type reParser struct {
	src []rune
	i   int
}

// errorAt reports a problem at src[pos], showing the text from there.
func (p *reParser) errorAt(pos int, format string, args ...any) error {
	rest := p.src[pos:]
	if len(rest) > 12 {
		rest = append(rest[:12:12], '…')
	}
	return fmt.Errorf("%s (at %s)", fmt.Sprintf(format, args...), strconv.QuoteToGraphic(string(rest)))
}

func (p *reParser) next(r rune) bool { return p.i < len(p.src) && p.src[p.i] == r }

func (p *reParser) quantifierNext() bool {
	return p.i < len(p.src) && strings.ContainsRune("*+?{", p.src[p.i])
}

// alternation reads alternatives separated by |, up to the ) that closes
// the group at this depth, or to the end at depth 0.
func (p *reParser) alternation(depth int) error {
	for {
		if err := p.sequence(depth); err != nil {
			return err
		}
		if !p.next('|') {
			return nil
		}
		p.i++
	}
}

func (p *reParser) sequence(depth int) error {
	for p.i < len(p.src) {
		start, r := p.i, p.src[p.i]
		switch r {
		case '|':
			return nil
		case ')':
			if depth == 0 {
				return p.errorAt(start, ") closes no group")
			}
			return nil
		case '^', '$':
			p.i++
			if p.quantifierNext() {
				return p.errorAt(start, "the anchor %c cannot be repeated", r)
			}
			continue
		case '*', '+', '?':
			return p.errorAt(start, "%c has nothing to repeat", r)
		case '{':
			return p.errorAt(start, "{ has nothing to repeat; write \\{ for the character")
		case '}', ']':
			return p.errorAt(start, "%c on its own is an error in ECMAScript's Unicode mode; write \\%c", r, r)
		case '.':
			return p.errorAt(start, ". is outside the subset: engines differ on which line breaks it leaves out; use a class such as [^\\n]")
		case '(':
			p.i++
			if p.next('?') {
				return p.errorAt(start, "(?...) groups (lookahead, lookbehind, non-capturing, named, flags) are outside the subset; use a plain (...) group")
			}
			if err := p.alternation(depth + 1); err != nil {
				return err
			}
			if !p.next(')') {
				return p.errorAt(start, "( is not closed")
			}
			p.i++
		case '[':
			if err := p.class(); err != nil {
				return err
			}
		case '\\':
			if _, err := p.escape(false); err != nil {
				return err
			}
		default:
			p.i++
		}
		if err := p.quantifier(); err != nil {
			return err
		}
	}
	return nil
}

// quantifier reads the quantifier after an atom, if there is one.
func (p *reParser) quantifier() error {
	if p.i >= len(p.src) {
		return nil
	}
	start := p.i
	switch p.src[p.i] {
	case '*', '+', '?':
		p.i++
	case '{':
		p.i++
		lo, ok := p.number()
		hi := lo
		if ok && p.next(',') {
			p.i++
			hi = -1
			if !p.next('}') {
				hi, ok = p.number()
			}
		}
		if !ok || !p.next('}') {
			return p.errorAt(start, "{ starts no quantifier {n}, {n,} or {n,m}; write \\{ for the character")
		}
		p.i++
		if hi >= 0 && hi < lo {
			return p.errorAt(start, "the quantifier's bounds are in the wrong order")
		}
	default:
		return nil
	}
	if p.next('?') {
		p.i++ // lazy
	}
	if p.quantifierNext() {
		return p.errorAt(p.i, "a quantifier cannot follow another; group what is repeated with (...)")
	}
	return nil
}

// number reads a decimal number of at most four digits.
func (p *reParser) number() (int, bool) {
	start := p.i
	for p.i < len(p.src) && '0' <= p.src[p.i] && p.src[p.i] <= '9' {
		p.i++
	}
	if p.i == start || p.i-start > 4 {
		return 0, false
	}
	n, err := strconv.Atoi(string(p.src[start:p.i]))
	return n, err == nil
}

// class reads a class [...] or [^...].
func (p *reParser) class() error {
	start := p.i
	p.i++
	if p.next('^') {
		p.i++
	}
	first := p.i
	for !p.next(']') {
		if p.i >= len(p.src) {
			return p.errorAt(start, "[ is not closed")
		}
		if p.next('-') && p.i > first && p.i+1 < len(p.src) && p.src[p.i+1] != ']' {
			return p.errorAt(p.i, "write \\- for a - that neither starts nor ends the class nor makes a range")
		}
		lo, err := p.classChar()
		if err != nil {
			return err
		}
		if p.next('-') && p.i+1 < len(p.src) && p.src[p.i+1] != ']' {
			at := p.i
			p.i++
			hi, err := p.classChar()
			if err != nil {
				return err
			}
			if hi < lo {
				return p.errorAt(at-1, "the range's ends are in the wrong order")
			}
		}
	}
	if p.i == first {
		return p.errorAt(start, "an empty class [] or [^] means something different in each engine")
	}
	p.i++
	return nil
}

func (p *reParser) classChar() (rune, error) {
	switch r := p.src[p.i]; r {
	case '\\':
		return p.escape(true)
	case '[':
		return 0, p.errorAt(p.i, "write \\[ for [ inside a class: Go reads [: there as a POSIX class, Python warns of nested sets")
	default:
		p.i++
		return r, nil
	}
}

// escape reads an escape and returns the character it stands for.
func (p *reParser) escape(inClass bool) (rune, error) {
	start := p.i
	p.i++
	if p.i >= len(p.src) {
		return 0, p.errorAt(start, "\\ ends the pattern")
	}
	r := p.src[p.i]
	p.i++
	switch {
	case strings.ContainsRune(`^$\.*+?()[]{}|/`, r), r == '-' && inClass:
		return r, nil
	case r == 't':
		return '\t', nil
	case r == 'n':
		return '\n', nil
	case r == 'r':
		return '\r', nil
	case r == 'p' || r == 'P':
		return 0, p.errorAt(start, "Unicode property escapes \\p{...} and \\P{...} are outside the subset: Python's re has none, so check-jsonschema refuses the schema; list the characters in a class instead, such as [^\\u0000-/:-@\\[-`{-\\u007f] for ASCII letters and digits and any non-ASCII character")
	case strings.ContainsRune("dDsSwW", r):
		return 0, p.errorAt(start, "\\%c is outside the subset: engines differ on what it matches (ASCII only in Go, Unicode in ECMAScript); write the class out, such as [0-9] or [ \\t\\n\\r]", r)
	case r == 'b' || r == 'B':
		return 0, p.errorAt(start, "word boundaries \\b and \\B are outside the subset")
	case '0' <= r && r <= '9':
		return 0, p.errorAt(start, "backreferences and octal escapes are outside the subset")
	}
	return 0, p.errorAt(start, "the escape \\%c is outside the subset; write the character itself (in schema.json, a JSON \\uXXXX escape for an invisible one)", r)
}

// TestInteropRegexp checks the checker: the patterns the subset allows,
// and one of each construct it refuses, with the reason given.
func TestInteropRegexp(t *testing.T) {
	for _, ok := range []string{
		``, `es`, `^a+$`, `^(\([0-9]{3}\))?[0-9]{3}-[0-9]{4}$`, `a|b|`, `(a|b)*?c{2}d{2,}e{2,3}?`,
		`[abc]`, `[^a-z]`, `[-a]`, `[a-]`, `[a\-z]`, `[\]\[\\]`, `[.*+?(){}|$^/]`, `\^\$\.\*\+\?\(\)\[\]\{\}\|\/\\`,
		`\t\n\r`, "[^\u0000- \u007f]", "ä𝒜", `()`, `^$`, `https?://`,
	} {
		if err := checkInteropRegexp(ok); err != nil {
			t.Errorf("%q: %v, want it allowed", ok, err)
		}
	}
	for _, c := range []struct{ pattern, why string }{
		{`^[\p{L}_]$`, `\p{...}`},
		{`\P{Lu}`, `\p{...}`},
		{`\s`, `\s is outside`},
		{`[\S]`, `\S is outside`},
		{`\d+`, `\d is outside`},
		{`\w`, `\w is outside`},
		{`a.b`, `. is outside`},
		{`(?=a)`, `(?...)`},
		{`(?!a)`, `(?...)`},
		{`(?<=a)b`, `(?...)`},
		{`(?:a)`, `(?...)`},
		{`(?P<x>a)`, `(?...)`},
		{`(?i)a`, `(?...)`},
		{`(a)\1`, `backreferences`},
		{`\bword\b`, `word boundaries`},
		{`\x41`, `escape \x`},
		{`\u0041`, `escape \u`},
		{`\cA`, `escape \c`},
		{`a\`, `ends the pattern`},
		{`*a`, `nothing to repeat`},
		{`a|+`, `nothing to repeat`},
		{`a**`, `cannot follow another`},
		{`a{2}{3}`, `cannot follow another`},
		{`^*`, `cannot be repeated`},
		{`{`, `{ has nothing to repeat`},
		{`a{`, `starts no quantifier`},
		{`a{,3}`, `starts no quantifier`},
		{`a{x}`, `starts no quantifier`},
		{`a{99999}`, `starts no quantifier`},
		{`a{3,2}`, `wrong order`},
		{`]`, `on its own`},
		{`}`, `on its own`},
		{`(a`, `not closed`},
		{`a)`, `closes no group`},
		{`[a`, `not closed`},
		{`[]`, `empty class`},
		{`[^]`, `empty class`},
		{`[[:alpha:]]`, `\[ for [`},
		{`[z-a]`, `wrong order`},
		{`[a-b-c]`, `write \- for a -`},
	} {
		err := checkInteropRegexp(c.pattern)
		if err == nil || !strings.Contains(err.Error(), c.why) {
			t.Errorf("%q: error %v, want one saying %q", c.pattern, err, c.why)
		}
	}
}

// TestSchemaPatternsInterop checks every pattern of schema.json against
// the subset, naming each one outside it. (compileSchema, which every
// schema test uses, also refuses them, but stops at the first.)
func TestSchemaPatternsInterop(t *testing.T) {
	n := 0
	walkSchema(loadSchema(t), "", func(path string, s *jsonObject) {
		var patterns []string
		if p, ok := s.get("pattern").(string); ok {
			patterns = append(patterns, p)
		}
		if pp, ok := s.get("patternProperties").(*jsonObject); ok {
			patterns = append(patterns, pp.keys...)
		}
		for _, p := range patterns {
			n++
			if err := checkInteropRegexp(p); err != nil {
				t.Errorf("schema%s: pattern %q is outside the regular-expression subset JSON Schema recommends, which every validator reads alike: %v", path, p, err)
			} else if _, err := regexp.Compile(p); err != nil {
				t.Errorf("schema%s: pattern %q: %v", path, p, err)
			}
		}
	})
	if n == 0 {
		t.Error("schema.json has no patterns; the walk found none")
	}
}
