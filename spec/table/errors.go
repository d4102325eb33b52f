package table

import "fmt"

// Error is a problem that stops a table being read, at a line of the input
// (Line is 0 when the problem is with the whole input).
type Error struct {
	File string
	Line int
	Msg  string
}

// Error formats the problem as "file:line: message", the form editors and
// CI annotations jump to.
func (e *Error) Error() string { return at(e.File, e.Line) + e.Msg }

// Warning is something Read did with a row that a person should check: a
// row it skipped, a duplicate code, a message and solution it split by
// guess. Line is the input line the warning is about.
type Warning struct {
	File string
	Line int
	Msg  string
}

// String formats the warning as "file:line: message".
func (w Warning) String() string { return at(w.File, w.Line) + w.Msg }

func at(file string, line int) string {
	if line > 0 {
		return fmt.Sprintf("%s:%d: ", file, line)
	}
	return file + ": "
}
