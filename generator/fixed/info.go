package fixed

import (
	"iter"
	"strings"
)

// Info is one row of the $service error table.
type Info struct {
	// Code is the wire code.
	Code Code
	// Name is the Go name: Code<Name> is the code's constant, Err<Name>
	// its sentinel.
	Name string
	// Message is the vendor's message for the code, in the table's first
	// language (or, where the table has no text in that language, in the
	// first of its languages that has one).
	Message string
	// Solution is the vendor's cause and solution, in the language of
	// Message.
	Solution string
	// Success marks codes that are not errors.
	Success bool
	// Retryable marks errors that may go away when the same call is made
	// again, after a back-off.
	Retryable bool
	// Fault says which side is to blame; empty for success codes.
	Fault Fault
	// Category groups the code with others; may be empty.
	Category Category
	// Deprecated, when not empty, says why the code should no longer be
	// relied on.
	Deprecated string
	// HTTPStatus is the HTTP status the vendor documents for the code, or
	// 0 when the table gives none.
	HTTPStatus int
}

// Text returns the table's own message and solution for the code in the
// language lang, a BCP 47 tag such as "en" or "zh" matched without regard
// to case, and false when the table has no text for the code in that
// language. Unlike Message and Solution, it never falls back to another
// language. It does not allocate.
func (i Info) Text(lang string) (message, solution string, ok bool) {
	row := codeIndex(string(i.Code))
	if row < 0 {
		return "", "", false
	}
	for l, tag := range codeLangs {
		if strings.EqualFold(tag, lang) {
			t := codeTexts[row*len(codeLangs)+l]
			return t[0], t[1], t[0] != "" || t[1] != ""
		}
	}
	return "", "", false
}

// Lookup returns the table's row for a wire code, matched exactly, and
// false for a code the table does not list. An alias (another spelling
// the table lists for a code) gets the row of its code. Lookup does not
// allocate.
func Lookup(code string) (Info, bool) {
	// A miss copies the zero Info after the rows, as a hit copies its
	// row: one copy either way, which is cheaper than returning Info{}.
	i := codeIndex(code)
	if i < 0 {
		i = codeRows
	}
	return codeTable[i], i < codeRows
}

// All returns every row of the table, in the table's order.
func All() iter.Seq[Info] {
	return func(yield func(Info) bool) {
		for i := range codeRows {
			if !yield(codeTable[i]) {
				return
			}
		}
	}
}
