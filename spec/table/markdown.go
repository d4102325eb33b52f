package table

import (
	"regexp"
	"strings"
)

// markdown reads the pipe table Options.Table names in a Markdown file, or
// the first whose header names a code column.
func (rd *reader) markdown(data []byte) error {
	ls := lines(data)
	var tables []grid
	fence := "" // the fence of the open code block
	for i := 0; i < len(ls); i++ {
		l := ls[i]
		if fence != "" {
			if closesFence(l, fence) {
				fence = ""
			}
			continue
		}
		if f := opensFence(l); f != "" {
			fence = f
			continue
		}
		if i+1 >= len(ls) || indent(l) > 3 || !hasPipe(l) {
			continue
		}
		header, delim := splitRow(l), splitRow(ls[i+1])
		if len(header) != len(delim) || !delimiterRow(delim) || !hasPipe(ls[i+1]) && len(header) > 1 {
			continue
		}
		g := grid{line: i + 1, header: record{line: i + 1, cells: header}, extra: " (write a | in a cell as \\|)"}
		j := i + 2
		for ; j < len(ls) && strings.TrimSpace(ls[j]) != "" && hasPipe(ls[j]); j++ {
			g.rows = append(g.rows, record{line: j + 1, cells: splitRow(ls[j])})
		}
		tables = append(tables, g)
		i = j - 1
	}
	g, err := rd.pick(len(tables), "pipe", func(i int) (grid, error) { return tables[i], nil })
	if err != nil {
		return err
	}
	before := ls[:g.line-1]
	for _, l := range before {
		if t, ok := strings.CutPrefix(strings.TrimSpace(l), "# "); ok {
			rd.t.Title = strings.TrimSpace(strings.TrimRight(t, "#"))
			break
		}
	}
	plain := make([]string, len(before))
	for i, l := range before {
		plain[i] = plainLine(l)
	}
	rd.updated(plain, true)
	if cols, _, err := rd.match.find(g.header.texts(), false); err == nil {
		for _, r := range g.rows {
			if c := cols[fieldCode]; c < len(r.cells) {
				r.cells[c] = unwrap(strings.TrimSpace(r.cells[c]))
			}
		}
	}
	return rd.columnar(g)
}

// plainLine takes away the Markdown a page sets a line off with: block
// quote markers, a list bullet, emphasis and code spans, so that
// "> **Last updated:** 2024-11-18" reads "Last updated: 2024-11-18".
func plainLine(l string) string {
	l = strings.TrimSpace(l)
	for strings.HasPrefix(l, ">") {
		l = strings.TrimSpace(l[1:])
	}
	for _, bullet := range []string{"- ", "* ", "+ "} {
		if t, ok := strings.CutPrefix(l, bullet); ok {
			l = t
			break
		}
	}
	return emphasis.Replace(l)
}

var emphasis = strings.NewReplacer("*", "", "_", "", "`", "")

// unwrap takes a code out of the Markdown around it: `code`, **code**,
// *code*, __code__ or _code_.
func unwrap(s string) string {
	for _, m := range []string{"``", "`", "**", "__", "*", "_"} {
		if len(s) > 2*len(m) && strings.HasPrefix(s, m) && strings.HasSuffix(s, m) {
			return unwrap(strings.TrimSpace(s[len(m) : len(s)-len(m)]))
		}
	}
	return s
}

func indent(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }

// opensFence returns the fence (``` or ~~~, or longer) a line opens a code
// block with, or "".
func opensFence(l string) string {
	if indent(l) > 3 {
		return ""
	}
	t := strings.TrimLeft(l, " ")
	for _, c := range "`~" {
		n := len(t) - len(strings.TrimLeft(t, string(c)))
		if n >= 3 && (c == '~' || !strings.Contains(t[n:], "`")) {
			return t[:n]
		}
	}
	return ""
}

func closesFence(l, fence string) bool {
	t := strings.TrimSpace(l)
	return strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == ""
}

// hasPipe reports whether a line holds a | that is not escaped.
func hasPipe(l string) bool {
	for i := 0; i < len(l); i++ {
		switch l[i] {
		case '\\':
			i++
		case '|':
			return true
		}
	}
	return false
}

var breakTag = regexp.MustCompile(`(?i)\s*<br\s*/?>\s*`)

// splitRow splits a table line into its cells at each | that is not
// escaped, dropping a leading and a trailing |. In a cell, \| is a |, and
// <br> a line break; everything else is kept as written.
func splitRow(l string) []string {
	s := strings.TrimSpace(l)
	var cells []string
	var b strings.Builder
	trailing := false
	for i := 0; i < len(s); i++ {
		trailing = false
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s):
			if s[i+1] != '|' {
				b.WriteByte('\\')
			}
			b.WriteByte(s[i+1])
			i++
		case c == '|':
			cells = append(cells, b.String())
			b.Reset()
			trailing = true
		default:
			b.WriteByte(c)
		}
	}
	if !trailing {
		cells = append(cells, b.String())
	}
	if strings.HasPrefix(s, "|") {
		cells = cells[1:]
	}
	for i, c := range cells {
		cells[i] = strings.TrimSpace(c)
		if strings.Contains(c, "<") {
			cells[i] = breakTag.ReplaceAllString(cells[i], "\n")
		}
	}
	return cells
}

// delimiterRow reports whether cells are a table's delimiter row:
// each ---, with a colon at either end for alignment.
func delimiterRow(cells []string) bool {
	for _, c := range cells {
		c = strings.TrimSuffix(strings.TrimPrefix(c, ":"), ":")
		if c == "" || strings.Trim(c, "-") != "" {
			return false
		}
	}
	return len(cells) > 0
}
