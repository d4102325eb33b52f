package generator

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// numbered returns "1\n" to "n\n", with the lines in change replaced.
func numbered(n int, change map[int]string) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		if s, ok := change[i]; ok {
			b.WriteString(s + "\n")
			continue
		}
		fmt.Fprintf(&b, "%d\n", i)
	}
	return b.String()
}

func TestUnifiedDiffEqual(t *testing.T) {
	for _, s := range []string{"", "a\n", "a\nb", "a\nb\nc\n"} {
		if got := unifiedDiff("a/f", "b/f", s, s); got != "" {
			t.Errorf("unifiedDiff(%q, %q) = %q, want \"\"", s, s, got)
		}
	}
}

func TestUnifiedDiff(t *testing.T) {
	tests := []struct {
		name     string
		oldName  string
		old, new string
		want     string
	}{
		{
			name: "insert at start",
			old:  "b\nc\nd\ne\n",
			new:  "a\nb\nc\nd\ne\n",
			want: "--- a/f\n+++ b/f\n@@ -1,3 +1,4 @@\n+a\n b\n c\n d\n",
		},
		{
			name: "delete at end",
			old:  "a\nb\nc\nd\ne\n",
			new:  "a\nb\nc\nd\n",
			want: "--- a/f\n+++ b/f\n@@ -2,4 +2,3 @@\n b\n c\n d\n-e\n",
		},
		{
			name: "change in the middle, three lines of context",
			old:  numbered(9, nil),
			new:  numbered(9, map[int]string{5: "five"}),
			want: "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n",
		},
		{
			name: "two distant changes, two hunks",
			old:  numbered(20, nil),
			new:  numbered(20, map[int]string{2: "two", 18: "eighteen"}),
			want: "--- a/f\n+++ b/f\n" +
				"@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n" +
				"@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+eighteen\n 19\n 20\n",
		},
		{
			name: "changes six lines apart merge into one hunk",
			old:  numbered(20, nil),
			new:  numbered(20, map[int]string{5: "five", 12: "twelve"}),
			want: "--- a/f\n+++ b/f\n" +
				"@@ -2,14 +2,14 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n 9\n 10\n 11\n-12\n+twelve\n 13\n 14\n 15\n",
		},
		{
			name: "changes seven lines apart stay two hunks",
			old:  numbered(20, nil),
			new:  numbered(20, map[int]string{5: "five", 13: "thirteen"}),
			want: "--- a/f\n+++ b/f\n" +
				"@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n" +
				"@@ -10,7 +10,7 @@\n 10\n 11\n 12\n-13\n+thirteen\n 14\n 15\n 16\n",
		},
		{
			name: "last line without newline changed",
			old:  "a\nb",
			new:  "a\nc",
			want: "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n",
		},
		{
			name: "newline added at end",
			old:  "a\nb",
			new:  "a\nb\n",
			want: "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n",
		},
		{
			name:    "new file",
			oldName: "-",
			old:     "",
			new:     "a\nb\n",
			want:    "--- /dev/null\n+++ b/f\n@@ -0,0 +1,2 @@\n+a\n+b\n",
		},
		{
			name: "everything removed",
			old:  "a\nb\n",
			new:  "",
			want: "--- a/f\n+++ b/f\n@@ -1,2 +0,0 @@\n-a\n-b\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			oldName := "a/f"
			if tt.oldName == "-" {
				oldName = ""
			}
			got := unifiedDiff(oldName, "b/f", tt.old, tt.new)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("unifiedDiff mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// applyEdits returns the old and new lines an edit script describes, and
// checks the line numbers diffLines gives each edit.
func applyEdits(t *testing.T, ops []edit, numbered bool) (a, b []string) {
	t.Helper()
	for _, op := range ops {
		if numbered {
			if op.kind != '+' && op.aLine != len(a)+1 {
				t.Fatalf("edit %c %q has aLine %d, want %d", op.kind, op.text, op.aLine, len(a)+1)
			}
			if op.kind != '-' && op.bLine != len(b)+1 {
				t.Fatalf("edit %c %q has bLine %d, want %d", op.kind, op.text, op.bLine, len(b)+1)
			}
		}
		switch op.kind {
		case ' ':
			a, b = append(a, op.text), append(b, op.text)
		case '-':
			a = append(a, op.text)
		case '+':
			b = append(b, op.text)
		default:
			t.Fatalf("edit of unknown kind %q", op.kind)
		}
	}
	return a, b
}

func changedLines(ops []edit) int {
	n := 0
	for _, op := range ops {
		if op.kind != ' ' {
			n++
		}
	}
	return n
}

// lcs is the length of a longest common subsequence of a and b, by the
// textbook dynamic programme.
func lcs(a, b []string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			default:
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// randLines returns up to max lines drawn from a small alphabet, so that
// pairs share many lines and the diff has real choices to make.
func randLines(r *rand.Rand, maxLen int) []string {
	lines := make([]string, r.IntN(maxLen+1))
	for i := range lines {
		lines[i] = string(rune('a'+r.IntN(4))) + "\n"
	}
	return lines
}

// mutate returns a copy of a with a few lines inserted, removed or
// replaced, so that the pair has long runs in common.
func mutate(r *rand.Rand, a []string) []string {
	b := slices.Clone(a)
	for range r.IntN(5) {
		i := r.IntN(len(b) + 1)
		switch r.IntN(3) {
		case 0:
			b = slices.Insert(b, i, fmt.Sprintf("new %d\n", r.IntN(3)))
		case 1:
			if i < len(b) {
				b = slices.Delete(b, i, i+1)
			}
		case 2:
			if i < len(b) {
				b[i] = "changed\n"
			}
		}
	}
	return b
}

func TestDiffLinesProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		var a, b []string
		if i%2 == 0 {
			a, b = randLines(r, 12), randLines(r, 12)
		} else {
			a = randLines(r, 30)
			b = mutate(r, a)
		}
		minimal := len(a) + len(b) - 2*lcs(a, b)

		ops := diffLines(a, b)
		gotA, gotB := applyEdits(t, ops, true)
		if !slices.Equal(gotA, a) || !slices.Equal(gotB, b) {
			t.Fatalf("diffLines(%q, %q) = %v: gives %q and %q", a, b, ops, gotA, gotB)
		}
		if n := changedLines(ops); n != minimal {
			t.Fatalf("diffLines(%q, %q) changes %d lines, want the minimum %d: %v", a, b, n, minimal, ops)
		}

		// myers alone, without diffLines trimming the common ends.
		ops = myers(a, b)
		gotA, gotB = applyEdits(t, ops, false)
		if !slices.Equal(gotA, a) || !slices.Equal(gotB, b) {
			t.Fatalf("myers(%q, %q) = %v: gives %q and %q", a, b, ops, gotA, gotB)
		}
		if n := changedLines(ops); n != minimal {
			t.Fatalf("myers(%q, %q) changes %d lines, want the minimum %d: %v", a, b, n, minimal, ops)
		}
	}
}

func TestDiffLinesLarge(t *testing.T) {
	// Long inputs (more than maxEdits lines in all) with few changes: the
	// script is still a shortest one.
	a := strings.SplitAfter(numbered(3000, nil), "\n")
	a = a[:len(a)-1]
	b := slices.Clone(a)
	for _, i := range []int{10, 700, 1500, 2990} {
		b[i] = "changed\n"
	}
	ops := diffLines(a, b)
	gotA, gotB := applyEdits(t, ops, true)
	if !slices.Equal(gotA, a) || !slices.Equal(gotB, b) {
		t.Fatal("diffLines of a long pair with four changes does not turn old into new")
	}
	if n := changedLines(ops); n != 8 {
		t.Errorf("diffLines of a long pair with four changes changes %d lines, want 8", n)
	}

	// Up to maxEdits changed lines the script is a shortest one; one
	// more replaced line and it is the whole middle removed and added.
	// Every line is distinct, so replacing k of them needs exactly 2k
	// edits; replacing every other line, first and last included, leaves
	// no common ends to trim.
	for _, replaced := range []int{maxEdits / 2, maxEdits/2 + 1} {
		a := strings.SplitAfter(numbered(2*replaced-1, nil), "\n")
		a = a[:len(a)-1]
		b := slices.Clone(a)
		for i := 0; i < len(b); i += 2 {
			b[i] = "changed " + b[i]
		}
		ops := diffLines(a, b)
		gotA, gotB := applyEdits(t, ops, true)
		if !slices.Equal(gotA, a) || !slices.Equal(gotB, b) {
			t.Fatalf("diffLines with %d lines replaced does not turn old into new", replaced)
		}
		want := 2 * replaced
		if want > maxEdits {
			want = len(a) + len(b)
		}
		if n := changedLines(ops); n != want {
			t.Errorf("diffLines with %d lines replaced changes %d lines, want %d", replaced, n, want)
		}
	}

	// Far more than maxEdits changes: a correct script, not a minimal one.
	r := rand.New(rand.NewPCG(3, 4))
	a, b = nil, nil
	for range 1500 {
		a = append(a, strconv.Itoa(r.IntN(50))+"\n")
		b = append(b, strconv.Itoa(r.IntN(50))+"\n")
	}
	if min := len(a) + len(b) - 2*lcs(a, b); min <= maxEdits {
		t.Fatalf("test input needs only %d edits, not more than maxEdits (%d)", min, maxEdits)
	}
	ops = diffLines(a, b)
	gotA, gotB = applyEdits(t, ops, true)
	if !slices.Equal(gotA, a) || !slices.Equal(gotB, b) {
		t.Fatal("diffLines beyond maxEdits does not turn old into new")
	}
	diff := unifiedDiff("a/f", "b/f", strings.Join(a, ""), strings.Join(b, ""))
	if got, err := applyUnified(strings.Join(a, ""), diff); err != nil || got != strings.Join(b, "") {
		t.Errorf("unified diff beyond maxEdits does not apply: %v", err)
	}
}

var hunkHeader = regexp.MustCompile(`^@@ -(\d+),(\d+) \+(\d+),(\d+) @@$`)

// applyUnified applies a unified diff made by unifiedDiff to old and
// returns the result. It is strict: hunk headers must match their lines
// and the lines of old, every hunk has three lines of context at each end
// unless it reaches the start or end of the file, and hunks that would
// touch or overlap are an error, since they should have been merged.
func applyUnified(old, diff string) (string, error) {
	if diff == "" {
		return old, nil
	}
	a := splitLines(old)
	lines := strings.SplitAfter(diff, "\n")
	if lines[len(lines)-1] != "" {
		return "", fmt.Errorf("diff does not end in a newline")
	}
	lines = lines[:len(lines)-1]
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "--- ") || !strings.HasPrefix(lines[1], "+++ ") {
		return "", fmt.Errorf("diff does not start with --- and +++ lines")
	}
	lines = lines[2:]
	var out []string
	cur := 0 // next line of a to copy
	for len(lines) > 0 {
		m := hunkHeader.FindStringSubmatch(strings.TrimSuffix(lines[0], "\n"))
		if m == nil {
			return "", fmt.Errorf("want a hunk header, got %q", lines[0])
		}
		aStart, _ := strconv.Atoi(m[1])
		aLen, _ := strconv.Atoi(m[2])
		bStart, _ := strconv.Atoi(m[3])
		bLen, _ := strconv.Atoi(m[4])
		lines = lines[1:]
		var hunk []edit
		for len(lines) > 0 && !strings.HasPrefix(lines[0], "@@") {
			l := lines[0]
			lines = lines[1:]
			if l == "\\ No newline at end of file\n" {
				if len(hunk) == 0 {
					return "", fmt.Errorf("no-newline marker before any line")
				}
				last := &hunk[len(hunk)-1]
				last.text = strings.TrimSuffix(last.text, "\n")
				continue
			}
			if l[0] != ' ' && l[0] != '-' && l[0] != '+' {
				return "", fmt.Errorf("bad hunk line %q", l)
			}
			hunk = append(hunk, edit{kind: l[0], text: l[1:]})
		}
		var ha, hb []string
		for _, op := range hunk {
			if op.kind != '+' {
				ha = append(ha, op.text)
			}
			if op.kind != '-' {
				hb = append(hb, op.text)
			}
		}
		if len(ha) != aLen || len(hb) != bLen {
			return "", fmt.Errorf("hunk -%d,%d +%d,%d has %d old and %d new lines", aStart, aLen, bStart, bLen, len(ha), len(hb))
		}
		start := aStart - 1 // index in a of the hunk's first old line
		if aLen == 0 {
			start = aStart
		}
		if start < cur || (cur > 0 && start == cur) {
			return "", fmt.Errorf("hunk at old line %d touches or overlaps the one before", aStart)
		}
		if start+aLen > len(a) || !slices.Equal(a[start:start+aLen], ha) {
			return "", fmt.Errorf("hunk -%d,%d does not match the old lines", aStart, aLen)
		}
		out = append(out, a[cur:start]...)
		if want := len(out) + 1; bStart != want && !(bLen == 0 && bStart == want-1) {
			return "", fmt.Errorf("hunk +%d,%d starts at new line %d, want %d", bStart, bLen, bStart, want)
		}
		out = append(out, hb...)
		cur = start + aLen

		lead := slices.IndexFunc(hunk, func(op edit) bool { return op.kind != ' ' })
		if lead < 0 {
			return "", fmt.Errorf("hunk -%d,%d changes nothing", aStart, aLen)
		}
		trail := 0
		for trail < len(hunk) && hunk[len(hunk)-1-trail].kind == ' ' {
			trail++
		}
		if lead != 3 && start != 0 || lead > 3 {
			return "", fmt.Errorf("hunk -%d,%d has %d lines of leading context", aStart, aLen, lead)
		}
		if trail != 3 && cur != len(a) || trail > 3 {
			return "", fmt.Errorf("hunk -%d,%d has %d lines of trailing context", aStart, aLen, trail)
		}
		run := 0
		for _, op := range hunk[lead:] {
			if run++; op.kind != ' ' {
				run = 0
			} else if run > 6 {
				return "", fmt.Errorf("hunk -%d,%d has more than 6 unchanged lines between changes; it should be two", aStart, aLen)
			}
		}
	}
	out = append(out, a[cur:]...)
	return strings.Join(out, ""), nil
}

func TestUnifiedDiffApplies(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 2000 {
		a := randLines(r, 40)
		var b []string
		if i%3 == 0 {
			b = randLines(r, 40)
		} else {
			b = mutate(r, a)
		}
		old, new := strings.Join(a, ""), strings.Join(b, "")
		// Sometimes drop the last newline of either side.
		if r.IntN(4) == 0 {
			old = strings.TrimSuffix(old, "\n")
		}
		if r.IntN(4) == 0 {
			new = strings.TrimSuffix(new, "\n")
		}
		diff := unifiedDiff("a/f", "b/f", old, new)
		if (diff == "") != (old == new) {
			t.Fatalf("unifiedDiff(%q, %q) = %q", old, new, diff)
		}
		got, err := applyUnified(old, diff)
		if err != nil {
			t.Fatalf("unifiedDiff(%q, %q): %v\n%s", old, new, err, diff)
		}
		if got != new {
			t.Fatalf("unifiedDiff(%q, %q) applies to give %q\n%s", old, new, got, diff)
		}
	}
}

// TestApplyUnifiedCatches makes sure the checker used above fails on a
// wrong diff, so that passing means something.
func TestApplyUnifiedCatches(t *testing.T) {
	old := numbered(20, nil)
	good := unifiedDiff("a/f", "b/f", old, numbered(20, map[int]string{2: "two", 18: "eighteen"}))
	bad := map[string]string{
		"wrong old count":   strings.Replace(good, "@@ -1,5 +1,5 @@", "@@ -1,4 +1,5 @@", 1),
		"wrong new start":   strings.Replace(good, "@@ -15,6 +15,6 @@", "@@ -15,6 +16,6 @@", 1),
		"context too short": strings.Replace(good, "@@ -15,6 +15,6 @@\n 15\n", "@@ -16,5 +16,5 @@\n", 1),
		"mismatched line":   strings.Replace(good, " 4\n", " four\n", 1),
	}
	for name, diff := range bad {
		if _, err := applyUnified(old, diff); err == nil {
			t.Errorf("%s: applyUnified accepted\n%s", name, diff)
		}
	}
	merged := unifiedDiff("a/f", "b/f", old, numbered(20, map[int]string{5: "five", 12: "twelve"}))
	split := "--- a/f\n+++ b/f\n" +
		"@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n" +
		"@@ -9,7 +9,7 @@\n 9\n 10\n 11\n-12\n+twelve\n 13\n 14\n 15\n"
	if _, err := applyUnified(old, merged); err != nil {
		t.Errorf("applyUnified refused a good diff: %v", err)
	}
	if _, err := applyUnified(old, split); err == nil {
		t.Errorf("applyUnified accepted hunks that should have been merged")
	}
}

func TestDiff(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	const dir = "out"
	files := map[string][]byte{
		"errors.go": []byte(GoHeader + "\n\npackage out\n\nconst A = 1\n"),
		"ERRORS.md": []byte(MarkdownHeader + "\n# Errors\n"),
	}

	t.Run("missing folder", func(t *testing.T) {
		got, err := Diff(dir, files)
		if err != nil {
			t.Fatal(err)
		}
		want := "--- /dev/null\n+++ b/out/ERRORS.md\n@@ -0,0 +1,2 @@\n+" + MarkdownHeader + "\n+# Errors\n" +
			"--- /dev/null\n+++ b/out/errors.go\n@@ -0,0 +1,5 @@\n+" + GoHeader + "\n+\n+package out\n+\n+const A = 1\n"
		if diff := cmp.Diff(want, string(got)); diff != "" {
			t.Errorf("Diff mismatch (-want +got):\n%s", diff)
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("Diff created the output folder (stat: %v)", err)
		}
	})

	if _, err := Write(dir, files); err != nil {
		t.Fatal(err)
	}

	t.Run("up to date", func(t *testing.T) {
		got, err := Diff(dir, files)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 0 {
			t.Errorf("Diff of an up-to-date folder = %q, want nothing", got)
		}
	})

	t.Run("changed and missing files", func(t *testing.T) {
		if err := os.Remove(filepath.Join(dir, "ERRORS.md")); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.WriteFile(filepath.Join(dir, "ERRORS.md"), files["ERRORS.md"], 0o644) })
		next := map[string][]byte{
			"errors.go": []byte(GoHeader + "\n\npackage out\n\nconst A = 2\n"),
			"ERRORS.md": files["ERRORS.md"],
		}
		before := snapshot(t, root)
		got, err := Diff(dir, next)
		if err != nil {
			t.Fatal(err)
		}
		want := "--- /dev/null\n+++ b/out/ERRORS.md\n@@ -0,0 +1,2 @@\n+" + MarkdownHeader + "\n+# Errors\n" +
			"--- a/out/errors.go\n+++ b/out/errors.go\n@@ -2,4 +2,4 @@\n \n package out\n \n-const A = 1\n+const A = 2\n"
		if diff := cmp.Diff(want, string(got)); diff != "" {
			t.Errorf("Diff mismatch (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(before, snapshot(t, root)); diff != "" {
			t.Errorf("Diff changed the folder, mismatch (-want +got):\n%s", diff)
		}
	})

	t.Run("hand-written file", func(t *testing.T) {
		path := filepath.Join(dir, "hand.go")
		if err := os.WriteFile(path, []byte("package out\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Remove(path) })
		got, err := Diff(dir, map[string][]byte{"hand.go": []byte(GoHeader + "\npackage out\n")})
		if err == nil {
			t.Fatalf("Diff = %q, want a refusal", got)
		}
		for _, want := range []string{path, "not generated by errspec", GoHeader} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error does not contain %q:\n%v", want, err)
			}
		}
	})
}
