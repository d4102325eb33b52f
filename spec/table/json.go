package table

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// readJSON reads a JSON array of objects, one per code, as a grid: the
// objects' keys, in the order they first appear, are its header, and each
// object a row at the line its { is on, its values the cells of their
// keys. Text is taken as it is, a number as written (21211 is "21211"), a
// boolean as true or false, null as empty, and a list of those as its
// items, a line each; an object or a list of lists is no text, and a
// warning when its key is read.
func (rd *reader) readJSON(data []byte) (grid, error) {
	g := grid{keyed: true}
	g.header.line = 1
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return g, rd.jsonError(data, dec, err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		what := jsonKind(tok)
		hint := ""
		if d, ok := tok.(json.Delim); ok && d == '{' {
			hint = " (if the array is under a key of it, take it out first, such as jq '.errors')"
		}
		return g, rd.errorf(lineAt(data, int(dec.InputOffset())-1), "the JSON is %s; import reads an array of objects, one per code, such as [{\"code\": \"E1\", \"message\": \"...\"}]%s", what, hint)
	}
	column := map[string]int{}
	for dec.More() {
		line := lineAt(data, nextValue(data, int(dec.InputOffset())))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return g, rd.jsonError(data, dec, err)
		}
		if raw[0] != '{' {
			g.notes = append(g.notes, note{line, fmt.Sprintf("the array's item is %s, not an object of one code's fields; it is skipped", jsonKind(raw))})
			continue
		}
		rec, err := rd.jsonObject(raw, line, column, &g)
		if err != nil {
			return g, err
		}
		g.rows = append(g.rows, rec)
	}
	if _, err := dec.Token(); err != nil {
		return g, rd.jsonError(data, dec, err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return g, rd.errorf(lineAt(data, nextValue(data, int(dec.InputOffset()))), "more JSON after the array; the file must hold the one array of objects")
	}
	for i := range g.rows {
		for len(g.rows[i].cells) < len(g.header.cells) {
			g.rows[i].cells = append(g.rows[i].cells, "")
		}
	}
	if len(g.rows) == 0 {
		return g, rd.errorf(1, "the JSON array holds no objects; it needs one per code, such as {\"code\": \"E1\", \"message\": \"...\"}")
	}
	return g, nil
}

// jsonObject reads one object of the array into a record, adding its new
// keys to the grid's header.
func (rd *reader) jsonObject(raw json.RawMessage, line int, column map[string]int, g *grid) (record, error) {
	rec := record{line: line}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	dec.Token() // {
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return rec, rd.errorf(line, "%v", err)
		}
		key := tok.(string) // an object's tokens alternate key, value
		var v any
		if err := dec.Decode(&v); err != nil {
			return rec, rd.errorf(line, "%v", err)
		}
		if seen[key] {
			g.notes = append(g.notes, note{line, fmt.Sprintf("the object gives the key %q twice; the first is read", key)})
			continue
		}
		seen[key] = true
		i, ok := column[key]
		if !ok {
			i = len(g.header.cells)
			column[key] = i
			g.header.cells = append(g.header.cells, key)
		}
		for len(rec.cells) <= i {
			rec.cells = append(rec.cells, "")
		}
		text, ok := jsonText(v)
		if !ok {
			g.odd = append(g.odd, oddCell{line: line, col: i, what: jsonKind(v)})
		}
		rec.cells[i] = text
	}
	return rec, nil
}

// jsonText gives a JSON value's text, and false for a value that has none
// (an object, a list holding one or a list).
func jsonText(v any) (string, bool) {
	switch v := v.(type) {
	case nil:
		return "", true
	case string:
		return v, true
	case json.Number:
		return v.String(), true
	case bool:
		if v {
			return "true", true
		}
		return "false", true
	case []any:
		var items []string
		for _, item := range v {
			if _, nested := item.([]any); nested {
				return "", false
			}
			t, ok := jsonText(item)
			if !ok {
				return "", false
			}
			if t != "" {
				items = append(items, t)
			}
		}
		return strings.Join(items, "\n"), true
	}
	return "", false
}

// jsonKind names a JSON value, token or raw value for a message.
func jsonKind(v any) string {
	switch v := v.(type) {
	case json.RawMessage:
		if len(v) == 0 {
			return "empty"
		}
		switch v[0] {
		case '{':
			return "an object"
		case '[':
			return "a list"
		case '"':
			return "a string"
		case 't', 'f':
			return "a boolean"
		case 'n':
			return "null"
		}
		return "a number"
	case json.Delim:
		if v == '{' {
			return "an object"
		}
		return "a list"
	case map[string]any:
		return "an object"
	case []any:
		return "a list of lists or objects"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", v)
}

// jsonError turns encoding/json's error into one at the line it is on.
func (rd *reader) jsonError(data []byte, dec *json.Decoder, err error) error {
	if se, ok := errors.AsType[*json.SyntaxError](err); ok {
		return rd.errorf(lineAt(data, int(se.Offset)-1), "invalid JSON: %v", se)
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		if len(bytes.TrimSpace(data)) == 0 {
			return rd.errorf(1, "the file is empty; it needs a JSON array of objects, one per code, such as [{\"code\": \"E1\", \"message\": \"...\"}]")
		}
		return rd.errorf(lineAt(data, len(data)), "the JSON ends before its array is closed; is the file cut short?")
	}
	return rd.errorf(lineAt(data, int(dec.InputOffset())), "invalid JSON: %v", err)
}

// lineAt gives the line of byte offset i of data, from 1.
func lineAt(data []byte, i int) int {
	i = min(max(i, 0), len(data))
	return 1 + bytes.Count(data[:i], []byte("\n"))
}

// nextValue returns the offset of the next value in data from i, past
// spaces and a comma.
func nextValue(data []byte, i int) int {
	for i < len(data) && strings.ContainsRune(" \t\r\n,", rune(data[i])) {
		i++
	}
	return i
}
