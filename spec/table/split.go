package table

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// split divides the text after a text-format row's code into its message
// and solution. When the code's known message starts the text, the split
// is exact; otherwise it is guessed (see guessSplit), the row is marked
// Guessed and split returns why there was no known message to split by.
func (rd *reader) split(row *Row, rest string) (why string) {
	known := rd.opts.Known[row.Code]
	if after, ok := cutWord(rest, known); ok && known != "" {
		row.Message, row.Solution = known, strings.TrimSpace(after)
		return ""
	}
	k := guessSplit(row.Code, rest)
	row.Message, row.Solution = strings.TrimSpace(rest[:k]), strings.TrimSpace(rest[k:])
	row.Guessed = true
	if known != "" {
		return "its known message, " + strconv.Quote(known) + ", does not start the text"
	}
	return "no message is known for it"
}

// cutWord reports whether s starts with prefix followed by a space or the
// end, and returns the rest.
func cutWord(s, prefix string) (string, bool) {
	after, ok := strings.CutPrefix(s, prefix)
	if !ok {
		return "", false
	}
	r, _ := utf8.DecodeRuneInString(after)
	return after, after == "" || unicode.IsSpace(r)
}

// openers are words that start a solution: instructions and the words a
// sentence about the cause begins with.
var openers = []string{
	"A", "Activate", "Add", "Adjust", "An", "Apply", "Avoid", "Call", "Cause", "Change", "Check",
	"Confirm", "Contact", "Correct", "Create", "Delete", "Disable", "Do", "Don't", "Enable", "Ensure",
	"Enter", "For", "Go", "Grant", "If", "In", "Increase", "Input", "It", "Make", "Modify", "Note",
	"Obtain", "Please", "Possible", "Provide", "Purchase", "Recharge", "Reduce", "Refer", "Remove",
	"Retry", "Review", "See", "Select", "Set", "Solution", "Specify", "Submit", "That", "The", "These",
	"This", "To", "Try", "Update", "Upgrade", "Use", "Verify", "Wait", "When", "You", "Your",
}

// markers start the solution of a Chinese row: 原因 (cause), 解决 (solve),
// 建议 (suggest), 请 (please), 处理 (handle).
var markers = []string{"原因", "解决", "建议", "请", "处理", "可能"}

// guessSplit returns the byte offset in a row's text where its solution
// probably starts, len(text) when there seems to be none. The solution
// starts at the first word (never the first) that, in this order of
// preference:
//
//  1. follows a first word that repeats the code (the message is the code);
//  2. opens with a curly quote left unpaired (a cell's edge the copy kept);
//  3. in a row whose first word has Chinese, Japanese or Korean in it, starts
//     with a word such as 原因 (cause), 解决 (solve), 建议 or 请; failing
//     that, the second word (such messages have no spaces);
//  4. starts with a capital and is an opener, such as Please, The, You, In,
//     Check, or follows a word that ends a sentence;
//  5. starts with a capital and is not an acronym (RAM) or an identifier
//     (ContentCode).
//
// For 4 and 5 a word followed by another capitalised word is passed over:
// it is inside a Title Case message (Not In Whitelist).
func guessSplit(code, text string) int {
	words := wordStarts(text)
	if len(words) < 2 {
		return len(text)
	}
	word := func(i int) string {
		end := len(text)
		if i+1 < len(words) {
			end = words[i+1]
		}
		return strings.TrimSpace(text[words[i]:end])
	}
	if strings.Trim(word(0), "“”\"") == code {
		return words[1]
	}
	for _, q := range strayQuotes(text) {
		if r, _ := utf8.DecodeLastRuneInString(text[:q.at]); q.open && q.at > 0 && unicode.IsSpace(r) {
			return q.at
		}
	}
	if strings.ContainsFunc(word(0), isCJK) {
		for i := 1; i < len(words); i++ {
			for _, m := range markers {
				if strings.HasPrefix(word(i), m) {
					return words[i]
				}
			}
		}
		for i := 1; i < len(words); i++ {
			last, _ := utf8.DecodeLastRuneInString(word(i - 1))
			first, _ := utf8.DecodeRuneInString(word(i))
			if isCJK(last) && isCJK(first) {
				return words[i]
			}
		}
		return len(text)
	}
	capital := func(i int) (w string, ok bool) {
		w = strings.TrimLeft(word(i), "“\"'([")
		r, _ := utf8.DecodeRuneInString(w)
		return w, unicode.IsUpper(r)
	}
	titleCase := func(i int) bool {
		if i+1 == len(words) {
			return false
		}
		w, ok := capital(i + 1)
		return ok && !acronym(w) && !identifier(w)
	}
	for i := 1; i < len(words); i++ {
		w, ok := capital(i)
		if !ok || titleCase(i) {
			continue
		}
		if slices.Contains(openers, w) || endsSentence(word(i-1)) {
			return words[i]
		}
	}
	for i := 1; i < len(words); i++ {
		if w, ok := capital(i); ok && !titleCase(i) && !acronym(w) && !identifier(w) {
			return words[i]
		}
	}
	return len(text)
}

func endsSentence(w string) bool {
	r, _ := utf8.DecodeLastRuneInString(w)
	return strings.ContainsRune(".!?。", r)
}

// wordStarts returns the byte offsets at which the words of s start.
func wordStarts(s string) []int {
	var starts []int
	space := true
	for i, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			starts = append(starts, i)
		}
		space = false
	}
	return starts
}

// acronym reports whether w is an all-capitals word such as RAM or SMS.
func acronym(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
		n++
	}
	return n > 1
}

// identifier reports whether w reads as a name in code: a capital after a
// small letter (ContentCode), a digit, a dot or an underscore inside it.
func identifier(w string) bool {
	w = strings.TrimRight(w, ".,;:!?)”\"'")
	prev := ' '
	for _, r := range w {
		if unicode.IsUpper(r) && unicode.IsLower(prev) || unicode.IsDigit(r) || r == '_' || r == '.' {
			return true
		}
		prev = r
	}
	return false
}

// isCJK reports whether r is written in Chinese, Japanese or Korean, or
// is their punctuation (，。：（）and the like).
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}

// stray is a curly quote without a partner, at a byte offset.
type stray struct {
	at   int
	open bool // “ rather than ”
}

// strayQuotes finds the curly quotes in s that have no partner: each ”
// closes the nearest open “; a ” with none open, and a “ never closed, is
// stray.
func strayQuotes(s string) []stray {
	var open, out []stray
	for i, r := range s {
		switch r {
		case '“':
			open = append(open, stray{i, true})
		case '”':
			if len(open) > 0 {
				open = open[:len(open)-1]
			} else {
				out = append(out, stray{i, false})
			}
		}
	}
	out = append(out, open...)
	slices.SortFunc(out, func(a, b stray) int { return a.at - b.at })
	return out
}

// dropStrayQuotes removes the curly quotes of a cell that have no partner,
// an artefact of copying a table from a page, with a space they leave
// doubled.
func dropStrayQuotes(s string) string {
	qs := strayQuotes(s)
	if len(qs) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, q := range qs {
		b.WriteString(s[last:q.at])
		last = q.at + len("“")
		if strings.HasSuffix(b.String(), " ") && strings.HasPrefix(s[last:], " ") {
			last++
		}
	}
	b.WriteString(s[last:])
	return strings.TrimSpace(b.String())
}
