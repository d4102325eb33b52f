package table

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// A field is one of the columns Read looks for.
type field int

const (
	fieldCode field = iota
	fieldMessage
	fieldSolution
	fieldStatus // the HTTP status
	fieldName   // the code's name, such as PostgreSQL's condition names
	numFields
)

// fieldNames are the fields' names in the columns option, the spec's keys.
var fieldNames = [numFields]string{"code", "message", "solution", "http_status", "name"}

func (f field) String() string { return fieldNames[f] }

// vocabulary holds the header words vendors use for each field, the most
// telling first: when two columns name the same field, the one whose
// header comes earlier in its list is read. The lists share no word.
var vocabulary = [numFields][]string{
	fieldCode: {
		"Error code", "Code", "Error codes", "Codes", "Err code", "Error code name",
		"Result code", "Return code", "Response code", "Error", "Error name",
		"错误码", "错误代码", "错误编码", "错误码名称", "返回码", "结果码", "异常码",
	},
	fieldMessage: {
		"Error message", "Message", "Messages", "Error msg", "Msg", "Err msg",
		"Error description", "Description", "Meaning", "Error info", "Error information",
		"Details", "Detail",
		"错误信息", "错误描述", "错误消息", "错误提示", "错误说明",
		"描述", "说明", "含义", "信息", "提示信息", "返回信息", "报错信息",
	},
	fieldSolution: {
		"Cause and solution", "Causes and solutions", "Solution", "Solutions", "Resolution",
		"Recommendation", "Recommendations", "Suggestion", "Suggestions", "Suggested action",
		"Action", "Actions", "Recommended action", "How to fix", "Fix", "Handling",
		"Troubleshooting", "Cause", "Causes", "Possible cause", "Possible causes",
		"Remarks", "Remark", "Notes", "Note", "Comment", "Comments",
		"解决方案", "解决方法", "解决办法", "处理措施", "处理方法", "处理建议", "处理方式",
		"建议", "操作建议", "排查方法", "原因及解决方案", "原因和解决方案", "可能原因", "原因", "备注",
	},
	fieldStatus: {
		"HTTP status code", "HTTP status", "Status code", "HTTP code", "HTTP response code",
		"HTTP status codes", "Status codes", "HTTP状态码", "状态码", "Status", "HTTP",
	},
	fieldName: {
		"Condition name", "Constant name", "Constant", "Name", "Go name",
	},
}

// norm reduces a header to the letters and digits that identify it, in
// lower case: "Error_Code:", "error code" and "**ErrorCode**" are one. An
// & or a / reads as "and", so "Cause & solution" and "Cause/Solution" are
// "Cause and solution".
func norm(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case strings.ContainsRune("&/＆／", r):
			b.WriteString("and")
		}
	}
	return b.String()
}

// parts splits a header that joins several names, at a /, &, +, comma or
// the word "and": "Solution / Remarks" gives "Solution" and "Remarks". It
// returns nil for a header of one part, or with an empty part.
func parts(header string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(header, func(r rune) bool { return strings.ContainsRune("/&+,、／＆，", r) }) {
		var part []string
		for _, w := range strings.Fields(p) {
			if strings.EqualFold(w, "and") {
				out = append(out, strings.Join(part, " "))
				part = nil
				continue
			}
			part = append(part, w)
		}
		out = append(out, strings.Join(part, " "))
	}
	if len(out) < 2 || slices.ContainsFunc(out, func(p string) bool { return norm(p) == "" }) {
		return nil
	}
	return out
}

// matcher tells which field a header names: the Options.Columns name for a
// field it maps, the vocabulary's words for the others.
type matcher struct {
	names  [numFields][]string // normalised, in order of preference
	mapped [numFields]string   // the Options.Columns header of a field, or ""
}

func newMatcher(columns map[string]string) (matcher, error) {
	var m matcher
	mapped := map[string]field{}
	for _, key := range slices.Sorted(maps.Keys(columns)) {
		header := columns[key]
		f := slices.Index(fieldNames[:], strings.ToLower(strings.TrimSpace(key)))
		if f < 0 {
			return m, fmt.Errorf("columns: unknown field %q; name the columns of %s (code=HEADER)", key, fieldList)
		}
		n := norm(header)
		if n == "" {
			return m, fmt.Errorf("columns: %s=%q names no header; give the header's text", key, header)
		}
		if g, dup := mapped[n]; dup && g != field(f) {
			return m, fmt.Errorf("columns: %s and %s both name the column %q; give each its own column", g, field(f), header)
		}
		if m.names[f] != nil {
			return m, fmt.Errorf("columns: %s is named twice", field(f))
		}
		mapped[n] = field(f)
		m.names[f] = []string{n}
		m.mapped[f] = header
	}
	for f := range numFields {
		if m.names[f] != nil {
			continue
		}
		for _, w := range vocabulary[f] {
			if _, taken := mapped[norm(w)]; !taken {
				m.names[f] = append(m.names[f], norm(w))
			}
		}
	}
	return m, nil
}

// field returns the field a header names and the rank of its word in the
// field's list (lower is better). A header that joins names of one field
// ("Solution / Remarks") names that field, ranked by its least telling
// name; one that joins names of different fields ("Message and solution")
// names none: its text cannot be split.
func (m matcher) field(header string) (f field, rank int, ok bool) {
	if f, rank, ok = m.word(norm(header)); ok {
		return f, rank, true
	}
	ps := parts(header)
	for i, p := range ps {
		g, r, found := m.word(norm(p))
		if !found || i > 0 && g != f {
			return 0, 0, false
		}
		f, rank = g, max(rank, r)
	}
	return f, rank, ps != nil
}

// word returns the field whose list holds the normalised header n, and
// its rank there.
func (m matcher) word(n string) (f field, rank int, ok bool) {
	if n == "" {
		return 0, 0, false
	}
	for f := range numFields {
		if i := slices.Index(m.names[f], n); i >= 0 {
			return f, i, true
		}
	}
	return 0, 0, false
}

// columns holds the index of each field's column in a header, -1 for a
// field the table lacks.
type columns [numFields]int

// find locates the fields' columns in a header: for each field, the column
// whose header comes first in the field's list of words. It fails when the
// table has no code column or lacks a column Options.Columns names. also
// says, per field, which other columns looked like it, for a warning.
// keyed says that the header is a JSON array's keys, for the messages.
func (m matcher) find(header []string, keyed bool) (cols columns, also []string, err error) {
	col, cols1, headers := func(i int) string { return fmt.Sprintf("column %d (%q)", i+1, header[i]) }, "columns", "headers"
	if keyed {
		col, cols1, headers = func(i int) string { return fmt.Sprintf("key %q", header[i]) }, "keys", "keys"
	}
	var rank [numFields]int
	var matches [numFields][]int
	for f := range cols {
		cols[f] = -1
	}
	for i, h := range header {
		f, r, ok := m.field(h)
		if !ok {
			continue
		}
		matches[f] = append(matches[f], i)
		if cols[f] < 0 || r < rank[f] {
			cols[f], rank[f] = i, r
		}
	}
	for f := range numFields {
		if cols[f] < 0 && m.mapped[f] != "" {
			return cols, nil, fmt.Errorf("no %s %q (columns %s=%s) among the %s %s; check its spelling", strings.TrimSuffix(cols1, "s"), m.mapped[f], f, m.mapped[f], headers, listHeaders(header))
		}
		if len(matches[f]) > 1 {
			var others []string
			for _, i := range matches[f] {
				if i != cols[f] {
					others = append(others, col(i))
				}
			}
			look := " looks"
			if len(others) > 1 {
				look = " look"
			}
			also = append(also, fmt.Sprintf("reading the %s from %s; %s%s like it too (name the one to read with columns %s=%s)",
				f, col(cols[f]), list(others, 5), look, f, strings.ToUpper(strings.TrimSuffix(headers, "s"))))
		}
	}
	if cols[fieldCode] < 0 {
		return cols, nil, fmt.Errorf("no error code %s among the %s %s; name it with the columns option, code=%s (the usual names: \"Error code\", \"Code\", \"错误码\", ...)", strings.TrimSuffix(cols1, "s"), headers, listHeaders(header), strings.ToUpper(strings.TrimSuffix(headers, "s")))
	}
	return cols, also, nil
}

// fieldList names the fields for messages.
var fieldList = strings.Join(fieldNames[:numFields-1], ", ") + " and " + fieldNames[numFields-1]

// list joins items for a message, at most max of them.
func list(items []string, max int) string {
	if len(items) > max {
		items = append(items[:max:max], fmt.Sprintf("and %d more", len(items)-max))
	}
	return strings.Join(items, ", ")
}

// listHeaders quotes a header's cells for a message, at most ten of them.
func listHeaders(header []string) string {
	if len(header) == 0 {
		return "(none)"
	}
	q := make([]string, len(header))
	for i, h := range header {
		q[i] = strconv.Quote(h)
	}
	return list(q, 10)
}
