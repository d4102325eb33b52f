package table

import (
	"slices"
	"strings"
	"unicode"
)

// text reads a table copied from a web page: a header line that names the
// columns, with the code's first, then a row per line whose first word is
// the code. Lines before the header are the page's; a "Last updated" line
// among them gives the date, and the line before it the title.
func (rd *reader) text(data []byte) error {
	ls := lines(data)
	h, fields := -1, []field(nil)
	for i, l := range ls {
		if fields = rd.textHeader(l); fields != nil {
			h = i
			break
		}
	}
	if h < 0 {
		return rd.errorf(0, "no header line naming the columns, such as \"Error code Error message Cause and solution\"; the rows must follow one (name a header the usual words miss with the columns option)")
	}
	if fields[0] != fieldCode {
		return rd.errorf(h+1, "the header starts with the %s column; the text format reads a row's first word as its code, so the code column must come first (or save the table as TSV)", fields[0])
	}
	rd.t.HasMessage, rd.t.HasSolution = slices.Contains(fields, fieldMessage), slices.Contains(fields, fieldSolution)
	if u := rd.updated(ls[:h], true); u >= 0 {
		for i := u - 1; i >= 0; i-- {
			if t := strings.TrimSpace(ls[i]); t != "" {
				rd.t.Title = t
				break
			}
		}
	}
	header := strings.Join(strings.Fields(ls[h]), " ")
	for i := h + 1; i < len(ls); i++ {
		l := strings.TrimSpace(ls[i])
		if l == "" {
			continue
		}
		if strings.Join(strings.Fields(l), " ") == header {
			rd.warn(i+1, "the header again; the line is skipped")
			continue
		}
		code, rest := l, ""
		if j := strings.IndexFunc(l, unicode.IsSpace); j >= 0 {
			code, rest = l[:j], strings.TrimSpace(l[j:])
		}
		row := Row{Code: dropStrayQuotes(code), Line: i + 1}
		why := ""
		switch {
		case len(fields) == 3 && rest != "":
			why = rd.split(&row, rest)
		case fields[1] == fieldMessage:
			row.Message = rest
		default:
			row.Solution = rest
		}
		row.Message, row.Solution = dropStrayQuotes(row.Message), dropStrayQuotes(row.Solution)
		if row.Code == "" {
			rd.warn(i+1, "the line has no code; it is skipped (%q)", l)
			continue
		}
		switch {
		case rest == "":
			rd.warn(i+1, "the line has a code, %q, but no text after it; check that it is a row of the table", row.Code)
		case row.Guessed && row.Solution == "":
			rd.warn(i+1, "%s: %s, and no solution could be told from the message: all the text is read as the message; check it", row.Code, why)
		case row.Guessed:
			rd.warn(i+1, "%s: %s, so the split is a guess: message %q, solution %q; check it", row.Code, why, row.Message, row.Solution)
		}
		rd.add(row)
	}
	return nil
}

// textHeader returns the columns a line names, in order, when it is a
// header: two or three of the usual names (or the columns option's), one
// per field, run together.
func (rd *reader) textHeader(l string) []field {
	words := strings.Fields(l)
	if len(words) < 2 || len(words) > 16 {
		return nil
	}
	var try func(words []string, got []field) []field
	try = func(words []string, got []field) []field {
		if len(words) == 0 {
			if len(got) < 2 {
				return nil
			}
			return got
		}
		for j := 1; j <= len(words); j++ {
			f, _, ok := rd.match.field(strings.Join(words[:j], " "))
			if !ok || slices.Contains(got, f) {
				continue
			}
			if r := try(words[j:], append(got[:len(got):len(got)], f)); r != nil {
				return r
			}
		}
		return nil
	}
	return try(words, nil)
}
