package table

import (
	"slices"
	"strings"
)

// text reads a table copied from a web page: a header line that names the
// columns, with the code's first, then a row per line whose first word is
// the code. Lines before the header are the page's; a "Last updated" line
// among them gives the date, and the line before it the title.
func (rd *reader) text(data []byte) error {
	ls := lines(data)
	h, cols := rd.findTextHeader(ls)
	if h < 0 {
		return rd.errorf(0, "no header line naming the columns, such as \"Error code Error message Cause and solution\"; the rows must follow one (name a header the usual words miss with the columns option)")
	}
	first := slices.IndexFunc(cols, func(c textColumn) bool { return !c.unread })
	if f := cols[first].field; f != fieldCode {
		return rd.errorf(h+1, "the header starts with the %s column; the text format reads a row's first word as its code, so the code column must come first (or save the table as TSV)", f)
	}
	p := planText(cols)
	rd.t.HasMessage, rd.t.HasSolution = slices.Contains(p.text, fieldMessage), slices.Contains(p.text, fieldSolution)
	rd.t.HasHTTPStatus = slices.Contains(p.lead, fieldStatus) || slices.Contains(p.trail, fieldStatus)
	rd.t.HasName = slices.Contains(p.lead, fieldName) || slices.Contains(p.trail, fieldName)
	rd.unreadText(h+1, cols)
	if u := rd.updated(ls[:h], true); u >= 0 {
		for i := u - 1; i >= 0; i-- {
			if t := strings.TrimSpace(ls[i]); t != "" {
				rd.t.Title = t
				break
			}
		}
	}
	rd.textRows(ls, h, p)
	return nil
}

// textPlan says how a text row's words are read: after the code, the
// one-word columns of lead (an HTTP status, with its reason phrase, or a
// name), then, from the end of the line, those of trail (in the header's
// order), and the text between them as the message, the solution or both
// (text, in the header's order).
type textPlan struct {
	lead, trail, text []field
}

// planText works out the plan of a header's columns. An HTTP status or a
// name column is read only next to the code or at the end of the line,
// where its cell's edges can be told; one elsewhere is marked unread,
// misplaced, and its words are read as part of the text around it.
func planText(cols []textColumn) textPlan {
	var p textPlan
	oneWord := func(c textColumn) bool { return !c.unread && (c.field == fieldStatus || c.field == fieldName) }
	i := 1
	for ; i < len(cols) && oneWord(cols[i]); i++ {
		p.lead = append(p.lead, cols[i].field)
	}
	j := len(cols)
	for j > i && oneWord(cols[j-1]) {
		j--
	}
	for _, c := range cols[j:] {
		p.trail = append(p.trail, c.field)
	}
	for k := i; k < j; k++ {
		switch {
		case oneWord(cols[k]):
			cols[k].unread, cols[k].misplaced = true, true
		case !cols[k].unread:
			p.text = append(p.text, cols[k].field)
		}
	}
	return p
}

// textRows reads the rows after the header, line h, as the plan says.
func (rd *reader) textRows(ls []string, h int, p textPlan) {
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
		code, rest := cutFirstWord(l)
		row := Row{Code: dropStrayQuotes(code), Line: i + 1}
		text := rd.oneWordCells(&row, rest, p)
		why := ""
		switch {
		case len(p.text) == 2 && text != "":
			why = rd.split(&row, text)
		case len(p.text) == 0:
		case p.text[0] == fieldMessage:
			row.Message = text
		default:
			row.Solution = text
		}
		row.Message, row.Solution = dropStrayQuotes(row.Message), dropStrayQuotes(row.Solution)
		if row.Code == "" {
			rd.warn(i+1, "the line has no code; it is skipped (%q)", l)
			continue
		}
		switch {
		case rest == "":
			rd.warn(i+1, "the line has a code, %q, but no text after it; check that it is a row of the table", row.Code)
		case len(p.text) == 0 && text != "":
			rd.warn(i+1, "%s: the text %q after the columns is not read", row.Code, text)
		case row.Guessed && row.Solution == "":
			rd.warn(i+1, "%s: %s, and no solution could be told from the message: all the text is read as the message; check it", row.Code, why)
		case row.Guessed:
			rd.warn(i+1, "%s: %s, so the split is a guess: message %q, solution %q; check it", row.Code, why, row.Message, row.Solution)
		}
		rd.add(row)
	}
}

// oneWordCells takes the one-word cells of the plan's lead and trail
// columns off the text after a row's code, into the row, and returns the
// text left between them.
func (rd *reader) oneWordCells(row *Row, text string, p textPlan) string {
	for _, f := range p.lead {
		if f == fieldStatus {
			row.HTTPStatus, text = cutStatus(text)
		} else {
			row.Name, text = cutFirstWord(text)
		}
	}
	for k := len(p.trail) - 1; k >= 0; k-- {
		if p.trail[k] == fieldStatus {
			row.HTTPStatus, text = cutStatusEnd(text)
		} else {
			text, row.Name = cutLastWord(text)
		}
	}
	return text
}

// A textColumn is one column of a text header: the field its words name,
// or, unread, words that name none.
type textColumn struct {
	field  field
	unread bool
	// misplaced marks an HTTP status or name column that is not read
	// because it is neither next to the code nor at the end of the line.
	misplaced bool
	words     []string
}

// findTextHeader returns the index of the header line and its columns, or
// -1. The first line that names two or three fields and nothing else is
// the header; failing that, the first that names them and columns the
// usual words miss.
func (rd *reader) findTextHeader(ls []string) (int, []textColumn) {
	at, found := -1, []textColumn(nil)
	for i, l := range ls {
		exact, loose := rd.textHeader(l, at < 0)
		if exact != nil {
			return i, exact
		}
		if loose != nil && at < 0 {
			at, found = i, loose
		}
	}
	return at, found
}

// connectives are words that join column names in prose ("Error codes
// and messages"), never a column's whole header.
var connectives = []string{"and", "or", "of", "the", "for", "with", "&", "/", "-", "|", ":"}

// textHeader returns the columns a line names, in order, when it is a
// header: exact when it is two or three of the usual names (or the columns
// option's), one per field, run together; with loose, also the columns of
// a line that starts with the code's name and has words that name no
// field between and after the names, as columns of their own (the split
// that leaves the fewest such words wins).
func (rd *reader) textHeader(l string, loose bool) (exact, unread []textColumn) {
	words := strings.Fields(l)
	if len(words) < 2 || len(words) > 16 {
		return nil, nil
	}
	sp := &splitter{rd: rd, words: words, named: make([][]naming, len(words)), memo: map[splitState]split{}}
	for i := range sp.named {
		sp.named[i] = make([]naming, len(words)-i)
	}
	if exact = sp.best(splitState{}).header(); exact != nil || !loose {
		return exact, nil
	}
	return nil, sp.best(splitState{loose: true}).header()
}

// A splitter finds the best split of a line's words into header columns.
type splitter struct {
	rd    *reader
	words []string
	named [][]naming // named[i][j-i-1]: the field words[i:j] name
	memo  map[splitState]split
}

type naming struct {
	f          field
	ok, looked bool
}

// splitState is where a split of the words stands: at words[i], with the
// fields in used (a bit each) taken, unread columns allowed if loose.
type splitState struct {
	i, used int
	loose   bool
}

// split is a split of words[i:] into columns.
type split struct {
	cols    []textColumn
	unknown int // words in unread columns
	ok      bool
}

// names returns the field words[i:j] name, working it out once.
func (sp *splitter) names(i, j int) (field, bool) {
	n := &sp.named[i][j-i-1]
	if !n.looked {
		n.f, _, n.ok = sp.rd.match.field(strings.Join(sp.words[i:j], " "))
		n.looked = true
	}
	return n.f, n.ok
}

// best returns the split of words[st.i:] with the fewest unread words,
// the one with the shortest first names among equals.
func (sp *splitter) best(st splitState) split {
	i := st.i
	if i == len(sp.words) {
		return split{ok: true}
	}
	if p, ok := sp.memo[st]; ok {
		return p
	}
	var p split
	for j := i + 1; j <= len(sp.words); j++ {
		f, ok := sp.names(i, j)
		if !ok || st.used&(1<<f) != 0 || st.loose && i == 0 && f != fieldCode {
			continue
		}
		if rest := sp.best(splitState{j, st.used | 1<<f, st.loose}); rest.ok && (!p.ok || rest.unknown < p.unknown) {
			p = split{append([]textColumn{{field: f, words: sp.words[i:j]}}, rest.cols...), rest.unknown, true}
		}
	}
	if st.loose && i > 0 {
		if rest := sp.best(splitState{i + 1, st.used, true}); rest.ok && (!p.ok || rest.unknown+1 < p.unknown) {
			col, cols := textColumn{unread: true, words: sp.words[i : i+1]}, rest.cols
			if len(cols) > 0 && cols[0].unread { // the next word is unread too: one column
				col.words, cols = sp.words[i:i+1+len(cols[0].words)], cols[1:]
			}
			p = split{append([]textColumn{col}, cols...), rest.unknown + 1, true}
		}
	}
	sp.memo[st] = p
	return p
}

// header returns the split's columns if they make a header: two fields or
// more, and no unread column of connectives alone.
func (p split) header() []textColumn {
	known := 0
	for _, c := range p.cols {
		if c.unread && !slices.ContainsFunc(c.words, func(w string) bool { return !slices.Contains(connectives, strings.ToLower(w)) }) {
			return nil // prose, such as "Error codes and messages"
		}
		if !c.unread {
			known++
		}
	}
	if !p.ok || known < 2 {
		return nil
	}
	return p.cols
}

// unreadText warns, at the header's line, about each column of a text
// header that is not read: the words of its cells cannot be told from the
// neighbouring column's, and are read as part of that.
func (rd *reader) unreadText(line int, cols []textColumn) {
	var missing []field
	for _, f := range []field{fieldMessage, fieldSolution} {
		if !slices.ContainsFunc(cols, func(c textColumn) bool { return !c.unread && c.field == f }) {
			missing = append(missing, f)
		}
	}
	for i, c := range cols {
		if !c.unread {
			continue
		}
		// The words join the text column before, or, after the code and
		// the one-word columns, the one after.
		text := func(c textColumn) bool { return !c.unread && (c.field == fieldMessage || c.field == fieldSolution) }
		into := fieldCode
		for j := i - 1; j >= 0 && into == fieldCode; j-- {
			if text(cols[j]) {
				into = cols[j].field
			}
		}
		for j := i + 1; j < len(cols) && into == fieldCode; j++ {
			if text(cols[j]) {
				into = cols[j].field
			}
		}
		h := strings.Join(c.words, " ")
		if c.misplaced {
			rd.warn(line, "column %d (%q) is not read: the text format reads the %s only from a column next to the code or at the end of the line, where its cell is one word; here its words are read as part of the %s: save the table as TSV to read it",
				i+1, h, c.field, into)
			continue
		}
		const cannot = "the text format cannot tell where its cells end, so their words are read as part of the %s"
		if len(missing) == 0 {
			rd.warn(line, "column %d (%q) is not read: its header is none of the usual names, and the code, message and solution come from other columns; "+cannot+": save the table as TSV to leave them out", i+1, h, into)
			continue
		}
		var what, hint []string
		for _, f := range missing {
			what, hint = append(what, "the "+f.String()), append(hint, f.String()+"="+h)
		}
		rd.warn(line, "column %d (%q) is not read: its header is none of the usual names of a code, message or solution column, and "+cannot+"; if it holds %s, name it with the columns option (%s), or save the table as TSV",
			i+1, h, into, strings.Join(what, " or "), strings.Join(hint, " or "))
	}
}
