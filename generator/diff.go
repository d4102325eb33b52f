package generator

import (
	"fmt"
	"strings"
)

// unifiedDiff returns a unified diff (diff -u, three lines of context) that
// turns old into new, or "" when they are equal. An empty oldName means
// old does not exist (/dev/null).
func unifiedDiff(oldName, newName, old, new string) string {
	if old == new {
		return ""
	}
	ops := diffLines(splitLines(old), splitLines(new))
	var b strings.Builder
	if oldName == "" {
		oldName = "/dev/null"
	}
	fmt.Fprintf(&b, "--- %s\n+++ %s\n", oldName, newName)
	const context = 3
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		// A hunk runs from context lines before the change to context lines
		// after the last change that is less than 2*context lines away.
		start := max(i-context, 0)
		end := i
		for j := i; j < len(ops); j++ {
			if ops[j].kind != ' ' {
				end = j + 1
			} else if j-end >= 2*context {
				break
			}
		}
		end = min(end+context, len(ops))
		writeHunk(&b, ops, start, end)
		i = end
	}
	return b.String()
}

// edit is one line of a diff: ' ' kept, '-' removed, '+' added. aLine and
// bLine are its 1-based line numbers in old and new.
type edit struct {
	kind         byte
	text         string
	aLine, bLine int
}

func writeHunk(b *strings.Builder, ops []edit, start, end int) {
	var aLen, bLen int
	for _, op := range ops[start:end] {
		if op.kind != '+' {
			aLen++
		}
		if op.kind != '-' {
			bLen++
		}
	}
	aStart, bStart := ops[start].aLine, ops[start].bLine
	if aLen == 0 {
		aStart--
	}
	if bLen == 0 {
		bStart--
	}
	fmt.Fprintf(b, "@@ -%d,%d +%d,%d @@\n", aStart, aLen, bStart, bLen)
	for _, op := range ops[start:end] {
		b.WriteByte(op.kind)
		b.WriteString(op.text)
		if !strings.HasSuffix(op.text, "\n") {
			b.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// splitLines splits s after each newline; a last line without one is kept.
func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// maxEdits bounds the work of the line diff: past this many changed lines
// it reports the differing middle as removed and added whole, which is
// still a correct diff, only not a minimal one.
const maxEdits = 1000

// diffLines returns the edits that turn a into b: the common prefix and
// suffix, and between them a shortest edit script (Myers' algorithm).
func diffLines(a, b []string) []edit {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []edit
	emit := func(kind byte, text string) {
		ai, bi := 1, 1
		if n := len(ops); n > 0 {
			last := ops[n-1]
			ai, bi = last.aLine, last.bLine
			if last.kind != '+' {
				ai++
			}
			if last.kind != '-' {
				bi++
			}
		}
		ops = append(ops, edit{kind, text, ai, bi})
	}
	for _, l := range a[:pre] {
		emit(' ', l)
	}
	for _, e := range myers(a[pre:len(a)-suf], b[pre:len(b)-suf]) {
		emit(e.kind, e.text)
	}
	for _, l := range a[len(a)-suf:] {
		emit(' ', l)
	}
	return ops
}

// myers returns a shortest edit script from a to b (E. Myers, "An O(ND)
// Difference Algorithm and Its Variations", 1986), or, when that needs more
// than maxEdits edits, all of a removed and all of b added.
func myers(a, b []string) []edit {
	n, m := len(a), len(b)
	limit := min(n+m, maxEdits)
	// v[k+off] is the furthest x reached on diagonal k; trace keeps v's
	// live range [-d, d] before each round d, for the walk back.
	off := limit + 1
	v := make([]int, 2*limit+3)
	var trace [][]int
	for d := 0; d <= limit; d++ {
		trace = append(trace, append([]int(nil), v[off-d:off+d+1]...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				return backtrack(a, b, trace)
			}
		}
	}
	ops := make([]edit, 0, n+m)
	for _, l := range a {
		ops = append(ops, edit{kind: '-', text: l})
	}
	for _, l := range b {
		ops = append(ops, edit{kind: '+', text: l})
	}
	return ops
}

// backtrack walks the trace of myers from the end back to the start and
// returns the edits in order.
func backtrack(a, b []string, trace [][]int) []edit {
	var rev []edit
	x, y := len(a), len(b)
	for d := len(trace) - 1; d >= 0; d-- {
		v := trace[d] // v[k+d] for k in [-d, d]
		at := func(k int) int { return v[k+d] }
		k := x - y
		var prevK int
		if k == -d || (k != d && at(k-1) < at(k+1)) {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevX := 0
		if d > 0 {
			prevX = at(prevK)
		}
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x, y = x-1, y-1
			rev = append(rev, edit{kind: ' ', text: a[x]})
		}
		if d == 0 {
			break
		}
		if x == prevX {
			rev = append(rev, edit{kind: '+', text: b[prevY]})
		} else {
			rev = append(rev, edit{kind: '-', text: a[prevX]})
		}
		x, y = prevX, prevY
	}
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return rev
}
