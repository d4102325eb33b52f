package table

import "strings"

// flat builds the text of an HTML element the way a reader sees it: runs
// of whitespace become one space, line breaks (<br>, the edges of blocks
// such as <p> and <li>) one line break, and no space or break is kept at
// either end. A no-break space counts as a space.
type flat struct {
	b          strings.Builder
	space, brk bool // pending before the next visible character
}

func (f *flat) text(s string) {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\f', '\u00a0':
			f.space = true
			continue
		}
		if f.b.Len() > 0 {
			if f.brk {
				f.b.WriteByte('\n')
			} else if f.space {
				f.b.WriteByte(' ')
			}
		}
		f.space, f.brk = false, false
		f.b.WriteRune(r)
	}
}

func (f *flat) lineBreak() { f.brk = true }

// space separates what comes next from what came before, as the edge of
// a table cell does.
func (f *flat) gap() { f.space = true }

func (f *flat) String() string { return f.b.String() }
