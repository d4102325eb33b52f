package spec

import (
	"fmt"
	"strings"
	"testing"
)

// TestCountsReadRight checks the counts the loader's messages give, at 1
// and above: "1 byte", "1 more problem".
func TestCountsReadRight(t *testing.T) {
	if _, err := LoadLimit("alibaba-sms.yaml", 1); err == nil || !strings.Contains(err.Error(), "larger than the limit of 1 byte;") {
		t.Errorf("a limit of 1: %v", err)
	}
	for more, want := range map[int]string{1: "and 1 more problem, not listed", 2: "and 2 more problems, not listed"} {
		var b strings.Builder
		b.WriteString("package: x\ncodes:\n")
		for i := range maxErrors + more {
			fmt.Fprintf(&b, "  - code: A%d\n    fault: nowhere\n", i)
		}
		_, err := Parse("x.yaml", []byte(b.String()))
		lines := strings.Split(fmt.Sprint(err), "\n")
		if last := lines[len(lines)-1]; !strings.HasSuffix(last, want+"; fix these first") {
			t.Errorf("past the limit by %d: the list ends %q; want %q", more, last, want)
		}
	}
}
