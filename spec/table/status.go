package table

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// httpPrefix is what may come before a status in a cell: "HTTP 403",
// "HTTP/1.1 403 Forbidden".
var httpPrefix = regexp.MustCompile(`(?i)^HTTP(?:/\d+(?:\.\d+)?)?\s*`)

// parseStatus reads an HTTP status cell: the status is the one number in
// it, from 100 to 599, whatever words come with it ("403", "403
// Forbidden", "Forbidden (403)", "HTTP/1.1 403"). A cell without a number
// ("", "N/A", "-") has no status, and ok is true; one with a number that is
// not a status, or with two numbers ("4xx", "400 or 403"), has none
// either, and ok is false, for a warning: the reader never picks one.
func parseStatus(cell string) (status int, ok bool) {
	cell = httpPrefix.ReplaceAllString(strings.TrimSpace(cell), "")
	numbers := strings.FieldsFunc(cell, func(r rune) bool { return r < '0' || r > '9' })
	if len(numbers) == 0 {
		return 0, true
	}
	n, err := strconv.Atoi(numbers[0])
	if len(numbers) > 1 || len(numbers[0]) != 3 || err != nil || n < 100 || n > 599 {
		return 0, false
	}
	return n, true
}

// cutStatus reads an HTTP status at the start of a text row's words, as a
// status column next to the code gives it: a number from 100 to 599 and,
// when the text goes on with it, the status's reason phrase ("403
// Forbidden"). It returns the status, or 0 when the text does not start
// with one, and the text after it. A first word "-" or "N/A" is an empty
// cell: no status, and the word is taken.
func cutStatus(text string) (status int, rest string) {
	word, after := cutFirstWord(text)
	if isEmptyCell(word) {
		return 0, after
	}
	n, err := strconv.Atoi(word)
	if err != nil || len(word) != 3 || n < 100 || n > 599 {
		return 0, text
	}
	if phrase := http.StatusText(n); phrase != "" {
		if r, ok := cutWord(after, phrase); ok {
			after = strings.TrimSpace(r)
		}
	}
	return n, after
}

// cutStatusEnd reads an HTTP status at the end of a text row's words, as
// a status column at the end of the line gives it: a number from 100 to
// 599, alone or followed by its reason phrase ("403 Forbidden"). It
// returns the status, or 0 when the text does not end with one, and the
// text before it. A last word "-" or "N/A" is an empty cell: no status,
// and the word is taken.
func cutStatusEnd(text string) (status int, rest string) {
	words := strings.Fields(text)
	if len(words) > 0 && isEmptyCell(words[len(words)-1]) {
		rest, _ = cutLastWord(text)
		return 0, rest
	}
	for i := len(words) - 1; i >= 0 && i >= len(words)-6; i-- {
		n, err := strconv.Atoi(words[i])
		if err != nil || len(words[i]) != 3 || n < 100 || n > 599 {
			continue
		}
		if tail := strings.Join(words[i+1:], " "); tail != "" && !strings.EqualFold(tail, http.StatusText(n)) {
			continue
		}
		rest = text
		for range len(words) - i {
			rest, _ = cutLastWord(rest)
		}
		return n, rest
	}
	return 0, text
}

// isEmptyCell reports whether a word is what tables write in an empty
// cell.
func isEmptyCell(w string) bool {
	switch strings.ToLower(w) {
	case "-", "–", "—", "n/a":
		return true
	}
	return false
}

// cutFirstWord splits text at its first run of spaces.
func cutFirstWord(text string) (word, rest string) {
	text = strings.TrimSpace(text)
	if i := strings.IndexFunc(text, unicode.IsSpace); i >= 0 {
		return text[:i], strings.TrimSpace(text[i:])
	}
	return text, ""
}

// cutLastWord splits text at its last run of spaces.
func cutLastWord(text string) (rest, word string) {
	text = strings.TrimSpace(text)
	if i := strings.LastIndexFunc(text, unicode.IsSpace); i >= 0 {
		return strings.TrimSpace(text[:i]), text[i+1:]
	}
	return "", text
}
