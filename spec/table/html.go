package table

import (
	"bytes"
	"cmp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// Limits that keep a hostile page from costing much more than its size.
const (
	maxNesting = 64      // tables nested deeper are read as part of their cell
	maxColumns = 100     // cells past this column are ignored
	maxCells   = 4 << 20 // cells of one table once its spans are spread
)

// htmlTable is a <table> as the tokenizer meets it, before its rowspans
// and colspans are spread over a grid.
type htmlTable struct {
	line   int
	rows   []*htmlRow
	row    *htmlRow  // the open row
	cell   *htmlCell // the open cell
	group  int       // counts row groups (<thead>, <tbody>, <tfoot>); rowspans end with theirs
	inHead bool
}

type htmlRow struct {
	line, group int
	head        bool // in <thead>
	cells       []*htmlCell
}

type htmlCell struct {
	text             flat
	th               bool
	rowspan, colspan int
}

func (t *htmlTable) closeCell() { t.cell = nil }

func (t *htmlTable) closeRow() { t.cell, t.row = nil, nil }

func (t *htmlTable) openRow(line int) {
	t.closeRow()
	t.row = &htmlRow{line: line, group: t.group, head: t.inHead}
	t.rows = append(t.rows, t.row)
}

func (t *htmlTable) openCell(line int, tok html.Token) {
	if t.row == nil {
		t.openRow(line)
	}
	t.cell = &htmlCell{
		th:      tok.Data == "th",
		rowspan: span(tok, "rowspan", 65534, 65534),
		colspan: span(tok, "colspan", 1000, 1),
	}
	t.row.cells = append(t.row.cells, t.cell)
}

// newGroup starts a row group: <thead>, <tbody>, <tfoot>, or their ends.
func (t *htmlTable) newGroup(head bool) {
	t.closeRow()
	t.group++
	t.inHead = head
}

// span reads a rowspan or colspan as HTML does: leading digits, at most
// max; zero is zero (for rowspan, to the end of the row group); anything
// else is 1.
func span(tok html.Token, name string, max, zero int) int {
	for _, a := range tok.Attr {
		if a.Key != name {
			continue
		}
		v := strings.TrimSpace(a.Val)
		end := 0
		for end < len(v) && v[end] >= '0' && v[end] <= '9' {
			end++
		}
		n, err := strconv.Atoi(v[:end])
		switch {
		case end > 6 || err == nil && n > max:
			return max
		case err != nil:
			return 1
		case n == 0:
			return zero
		}
		return n
	}
	return 1
}

// blocks are the elements whose edges break a line of text.
var blocks = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "caption": true,
	"dd": true, "details": true, "div": true, "dl": true, "dt": true, "fieldset": true,
	"figcaption": true, "figure": true, "footer": true, "form": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "header": true, "hr": true, "li": true,
	"main": true, "nav": true, "ol": true, "p": true, "pre": true, "section": true,
	"summary": true, "ul": true,
}

// unseen are the elements whose text a reader never sees.
var unseen = map[string]bool{
	"script": true, "style": true, "noscript": true, "iframe": true, "noembed": true, "noframes": true,
}

// hidden are the elements skipped whole, markup and all.
var hidden = map[string]bool{"template": true, "svg": true, "math": true}

// page is what the tokenizer finds in an HTML page: its tables in document
// order, its title and its text outside tables.
type page struct {
	tables  []*htmlTable
	open    []*htmlTable // the tables being read, innermost last
	ignored int          // open tables nested past maxNesting
	text    flat         // text outside table cells, for "last updated"
	h1      flat
	title   flat
	inH1    int // 0: before the first <h1>; 1: in it; 2: past it
	inTitle bool
}

// cells calls fn for every open cell, innermost first: text in a nested
// table is part of the cells that hold it too.
func (p *page) cells(fn func(*flat)) {
	inCell := false
	for i := len(p.open) - 1; i >= 0; i-- {
		if c := p.open[i].cell; c != nil {
			fn(&c.text)
			inCell = true
		}
	}
	if !inCell {
		fn(&p.text)
	}
}

func (p *page) lineBreak() { p.cells((*flat).lineBreak) }

func (p *page) top() *htmlTable {
	if len(p.open) == 0 {
		return nil
	}
	return p.open[len(p.open)-1]
}

// outer calls fn for the open cells of the tables around the innermost:
// the structure of a nested table is only spacing to them.
func (p *page) outer(fn func(*flat)) {
	for i := len(p.open) - 2; i >= 0; i-- {
		if c := p.open[i].cell; c != nil {
			fn(&c.text)
		}
	}
}

func (p *page) start(line int, tok html.Token) {
	name := tok.Data
	t := p.top()
	switch {
	case name == "table":
		if len(p.open) >= maxNesting {
			p.ignored++
			p.lineBreak()
			return
		}
		p.lineBreak()
		t = &htmlTable{line: line}
		p.tables = append(p.tables, t)
		p.open = append(p.open, t)
		return
	case t == nil || p.ignored > 0:
		// Table markup outside a table, or in one nested too deep, is text.
	case name == "td" || name == "th":
		t.openCell(line, tok)
		p.outer((*flat).gap)
		return
	case name == "tr":
		t.openRow(line)
		p.outer((*flat).lineBreak)
		return
	case name == "thead":
		t.newGroup(true)
		return
	case name == "tbody" || name == "tfoot":
		t.newGroup(false)
		return
	case name == "caption" || name == "colgroup" || name == "col":
		t.closeRow()
		return
	}
	switch {
	case name == "h1" && p.inH1 == 0:
		p.inH1 = 1
	case name == "title":
		p.inTitle = true
	}
	if name == "br" || blocks[name] {
		p.lineBreak()
	}
}

func (p *page) end(tok html.Token) {
	name := tok.Data
	t := p.top()
	switch {
	case name == "table":
		if p.ignored > 0 {
			p.ignored--
		} else if t != nil {
			t.closeRow()
			p.open = p.open[:len(p.open)-1]
		}
		p.lineBreak()
		return
	case t == nil || p.ignored > 0:
	case name == "td" || name == "th":
		t.closeCell()
		p.outer((*flat).gap)
		return
	case name == "tr":
		t.closeRow()
		p.outer((*flat).lineBreak)
		return
	case name == "thead" || name == "tbody" || name == "tfoot":
		t.newGroup(false)
		return
	}
	switch {
	case name == "h1" && p.inH1 == 1:
		p.inH1 = 2
	case name == "title":
		p.inTitle = false
	}
	if name == "br" || blocks[name] {
		p.lineBreak()
	}
}

func (p *page) addText(s string) {
	p.cells(func(f *flat) { f.text(s) })
	if p.inH1 == 1 {
		p.h1.text(s)
	}
	if p.inTitle {
		p.title.text(s)
	}
}

// parsePage reads an HTML page token by token, noting the line each
// table and row starts on.
func parsePage(data []byte) *page {
	p := &page{}
	z := html.NewTokenizer(bytes.NewReader(data))
	line := 1
	var skip []string // elements skipped whole, innermost last
	raw := ""         // the element whose raw text is being skipped
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		at := line
		line += bytes.Count(z.Raw(), []byte("\n"))
		tok := z.Token()
		switch {
		case raw != "":
			if tt == html.EndTagToken && tok.Data == raw {
				raw = ""
			}
			continue
		case len(skip) > 0:
			if tt == html.StartTagToken && hidden[tok.Data] {
				skip = append(skip, tok.Data)
			} else if tt == html.EndTagToken && tok.Data == skip[len(skip)-1] {
				skip = skip[:len(skip)-1]
			}
			continue
		}
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			switch {
			case unseen[tok.Data]:
				raw = tok.Data
			case hidden[tok.Data] && tt == html.StartTagToken:
				skip = append(skip, tok.Data)
			default:
				p.start(at, tok)
			}
		case html.EndTagToken:
			p.end(tok)
		case html.TextToken:
			p.addText(tok.Data)
		}
	}
	return p
}

// grid spreads a table's rowspans and colspans over rows of cells and
// takes its header: the last row of its <thead>, or its first row when
// that is all <th> cells or when the table was picked by number
// (explicit). A table with neither is headless. A rowspan copies the cell
// down into each row it spans; a colspan puts the text in the first
// column it spans and leaves the others empty; a body row of one cell
// across the whole table is a section heading and is skipped.
func (t *htmlTable) grid(explicit bool) (grid, bool) {
	g := grid{line: t.line}
	head := -1
	for i, r := range t.rows {
		if r.head {
			head = i
		}
	}
	if head < 0 && len(t.rows) > 0 && (explicit || allTH(t.rows[0])) {
		head = 0
	}
	if head < 0 {
		g.headless = !explicit
		g.header.line = t.line
		return g, true
	}
	recs, ok := spread(t.rows)
	if !ok {
		return g, false
	}
	g.header = recs[head]
	width := len(g.header.cells)
	for i, r := range t.rows {
		if i == head || r.head {
			continue
		}
		if len(r.cells) == 1 && r.cells[0].colspan >= width && width > 1 && len(recs[i].cells) <= r.cells[0].colspan {
			g.notes = append(g.notes, note{r.line, "a heading across the whole table (" + strconv.Quote(recs[i].cell(0)) + "); the row is skipped"})
			continue
		}
		g.rows = append(g.rows, recs[i])
	}
	return g, true
}

func allTH(r *htmlRow) bool {
	for _, c := range r.cells {
		if !c.th {
			return false
		}
	}
	return len(r.cells) > 0
}

// spread lays a table's cells out on a grid, copying each rowspan down;
// it fails when the grid would have more than maxCells cells.
func spread(rows []*htmlRow) ([]record, bool) {
	type carry struct {
		col, span, left int
		text            string
	}
	var carries []carry
	group := -1
	cells := 0
	recs := make([]record, len(rows))
	for i, r := range rows {
		if r.group != group {
			carries, group = nil, r.group
		}
		rec := record{line: r.line}
		set := func(col, span int, text string) {
			if col >= maxColumns {
				return
			}
			for len(rec.cells) < min(col+span, maxColumns) {
				rec.cells = append(rec.cells, "")
			}
			rec.cells[col] = text
		}
		taken := func(col int) bool {
			for _, c := range carries {
				if col >= c.col && col < c.col+c.span {
					return true
				}
			}
			return false
		}
		var next []carry
		col := 0
		for _, c := range r.cells {
			for taken(col) {
				col++
			}
			text := c.text.String()
			set(col, c.colspan, text)
			if c.rowspan > 1 {
				next = append(next, carry{col, c.colspan, c.rowspan - 1, text})
			}
			col += c.colspan
			if col >= maxColumns {
				break
			}
		}
		kept := carries[:0]
		for _, c := range carries {
			set(c.col, c.span, c.text)
			if c.left--; c.left > 0 {
				kept = append(kept, c)
			}
		}
		carries = append(kept, next...)
		if cells += len(rec.cells); cells > maxCells {
			return nil, false
		}
		recs[i] = rec
	}
	return recs, true
}

// html reads the table Options.Table names in an HTML page, or the first
// with a header row that names a code column.
func (rd *reader) html(data []byte) error {
	p := parsePage(data)
	g, err := rd.pick(len(p.tables), "<table>", func(i int) (grid, error) {
		g, ok := p.tables[i].grid(rd.opts.Table > 0)
		if !ok {
			return g, rd.errorf(g.line, "table %d has more than %d cells once its rowspans and colspans are spread; cut the page down to the table", i+1, maxCells)
		}
		return g, nil
	})
	if err != nil {
		return err
	}
	rd.t.Title = cmp.Or(p.h1.String(), p.title.String())
	rd.updated(lines([]byte(p.text.String())), false)
	return rd.columnar(g)
}
