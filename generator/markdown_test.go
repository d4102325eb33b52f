package generator

import (
	"testing"
	"unicode/utf8"
)

// TestPlainMarkdown checks markdownText's and markdownCode's shortcut:
// text plainMarkdown lets through is text the escaping would write as it
// is, for every character up to U+30FF, a sample of the others and those
// that are formatting or separators, and for invalid UTF-8.
func TestPlainMarkdown(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if !plainMarkdown(s) {
			return
		}
		if got := escapeMarkdown(s); got != s {
			t.Errorf("plainMarkdown(%q), but escapeMarkdown gives %q", s, got)
		}
		if got := codeSpan(s); got != "`"+s+"`" {
			t.Errorf("plainMarkdown(%q), but codeSpan gives %q", s, got)
		}
	}
	for r := rune(0); r <= 0x10ffff; r++ {
		if r < 0x3100 || r%251 == 0 {
			check("a" + string(r) + "b")
		}
	}
	for _, r := range []rune{'\u2028', '\u2029', '\u0085', '\ufeff', '\u202e', '\ufffd', '\U000e0001', '\U0001f600'} {
		check("a" + string(r) + "b")
	}
	for c := range 256 {
		check("a" + string([]byte{byte(c)}) + "b")
	}
	check("")
	if plainMarkdown("\xff") || !utf8.ValidString("发送成功") || !plainMarkdown("发送成功。Send it again.") {
		t.Error("plainMarkdown misjudges invalid UTF-8 or plain text")
	}
}
