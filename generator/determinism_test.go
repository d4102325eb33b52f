package generator_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/errspec/errspec/generator"
	"github.com/errspec/errspec/spec"
	"github.com/google/go-cmp/cmp"
)

// TestRowOrder reverses the rows of the shipped spec: the docs and All()
// follow the new order, and nothing else changes: the same identifiers
// with the same meanings, the same rows in the table.
func TestRowOrder(t *testing.T) {
	s, err := spec.Default()
	if err != nil {
		t.Fatal(err)
	}
	reversed := *s
	reversed.Codes = slices.Clone(s.Codes)
	slices.Reverse(reversed.Codes)
	a, err := generator.Generate(s, generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := generator.Generate(&reversed, generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a[generator.DefaultGoFile], b[generator.DefaultGoFile]) {
		t.Fatal("reversing the rows changed nothing; the order of All() must follow the spec")
	}
	// The same declarations, each in its own text, whatever their order.
	if diff := cmp.Diff(decls(t, a[generator.DefaultGoFile]), decls(t, b[generator.DefaultGoFile])); diff != "" {
		t.Errorf("declarations differ beyond their order (-spec order +reversed):\n%s", diff)
	}
	// The docs: the same lines, the code rows reversed.
	rowsA, rowsB := tableRows(a[generator.DefaultDocsFile]), tableRows(b[generator.DefaultDocsFile])
	slices.Reverse(rowsB)
	if diff := cmp.Diff(rowsA, rowsB); diff != "" {
		t.Errorf("ERRORS.md rows differ beyond their order (-spec order +reversed, re-reversed):\n%s", diff)
	}
}

// decls returns the lines of a generated file that declare a code
// constant or a sentinel, sorted: what must not change with row order.
func decls(t *testing.T, src []byte) []string {
	t.Helper()
	var out []string
	for _, line := range strings.Split(string(src), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "Code") && strings.Contains(line, " Code = ") || strings.HasPrefix(line, "Err") && strings.Contains(line, " error = ") {
			out = append(out, line)
		}
	}
	if len(out) == 0 {
		t.Fatal("no code constants or sentinels found")
	}
	slices.Sort(out)
	return out
}

// tableRows returns the rows of the codes table in a Markdown file.
func tableRows(md []byte) []string {
	var out []string
	for _, line := range strings.Split(string(md), "\n") {
		if strings.HasPrefix(line, "| `") && strings.Contains(line, "| `Code") {
			out = append(out, line)
		}
	}
	return out
}
