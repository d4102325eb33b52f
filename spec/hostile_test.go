package spec_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/errspec/errspec/spec"
)

// Hostile YAML: alias bombs, deep nesting, oversized files, tags, merge
// keys, and the encodings a spec may arrive in. The loader must refuse what
// it does not support with a located message, quickly and without
// expanding anything; times are logged (go test -v), not asserted.

// hostileBase is a valid spec with a value on every line that can hold one;
// the tests put hostile values in its places. Its values are one per line,
// at the column after "key: ".
const hostileBase = `package: smserr
service: Short Message Service
source:
  title: API Error Message
  url: https://example.com/errors
  updated: 2018-06-15
initialisms: [SMS]
categories:
  - name: auth
    doc: Credentials were rejected.
codes:
  - code: OK
    message: Accepted
    solution: N/A
    success: true
  - code: isv.SMS_DENIED
    message: Denied
    solution: Check the key.
    retryable: false
    fault: client
    category: auth
    name: SMSDenied
    deprecated: use isv.OTHER
`

// valuePlace is a line of hostileBase that holds a key and its value.
type valuePlace struct {
	line, col int    // where the value starts
	key       string // the key before it
	prefix    string // the line up to the value
}

func valuePlaces(t *testing.T) []valuePlace {
	t.Helper()
	if _, err := spec.Parse("base.yaml", []byte(hostileBase)); err != nil {
		t.Fatalf("the base spec is refused: %v", err)
	}
	var places []valuePlace
	for i, line := range strings.Split(hostileBase, "\n") {
		key, value, ok := strings.Cut(line, ": ")
		if !ok || value == "" {
			continue
		}
		prefix := key + ": "
		key = strings.TrimLeft(key, " -")
		places = append(places, valuePlace{line: i + 1, col: len(prefix) + 1, key: key, prefix: prefix})
	}
	if len(places) < 15 {
		t.Fatalf("only %d places in the base spec", len(places))
	}
	return places
}

// withValue returns hostileBase with the value at p replaced.
func withValue(p valuePlace, value string) string {
	lines := strings.Split(hostileBase, "\n")
	lines[p.line-1] = p.prefix + value
	return strings.Join(lines, "\n")
}

// aliasBomb returns a "billion laughs" as one flow value: levels anchored
// lists, each holding nine aliases of the one before, the first nine
// strings. Expanded, it would hold 9^levels strings.
func aliasBomb(levels int) string {
	var b strings.Builder
	b.WriteString("[&l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]")
	for i := 1; i < levels; i++ {
		fmt.Fprintf(&b, ", &l%d [%s*l%d]", i, strings.Repeat(fmt.Sprintf("*l%d, ", i-1), 8), i-1)
	}
	b.WriteString("]")
	return b.String()
}

// parseMeasured parses src, failing on a panic, and reports the time and
// heap bytes it took.
func parseMeasured(t *testing.T, name, src string) (*spec.Spec, time.Duration, uint64, error) {
	t.Helper()
	before := heapAllocs()
	start := time.Now()
	s, err := parseNoPanic(t, []byte(src))
	elapsed, allocated := time.Since(start), heapAllocs()-before
	t.Logf("%s: %d bytes parsed in %v, %d KiB allocated", name, len(src), elapsed, allocated>>10)
	return s, elapsed, allocated, err
}

// errorsOf returns the messages of err, which must be a spec.ErrorList, as
// "line:col: message".
func errorsOf(t *testing.T, err error) []string {
	t.Helper()
	var list spec.ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		t.Fatalf("error %T %v is not a non-empty spec.ErrorList", err, err)
	}
	var out []string
	for _, e := range list {
		out = append(out, fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Col, e.Msg))
	}
	return out
}

// TestAliasBombEverywhere puts a nine-level alias bomb (9^9, some 387
// million strings if expanded) in every place of a spec that holds a
// value. The loader must refuse it at that place, as the wrong kind of
// value, without expanding it.
func TestAliasBombEverywhere(t *testing.T) {
	bomb := aliasBomb(9)
	for _, p := range valuePlaces(t) {
		t.Run(fmt.Sprintf("%d_%s", p.line, p.key), func(t *testing.T) {
			_, _, allocated, err := parseMeasured(t, p.key, withValue(p, bomb))
			if err == nil {
				t.Fatalf("a bomb as %s: was accepted", p.key)
			}
			// The value is refused at its place, or (in a list) each of its
			// items at theirs. (A category name refused leaves the code
			// that names it with an undeclared category.)
			var here []spec.Pos
			var list spec.ErrorList
			errors.As(err, &list)
			for _, e := range list {
				switch {
				case e.Pos.Line == p.line && e.Pos.Col >= p.col && strings.HasSuffix(e.Msg, "not a list"):
					here = append(here, e.Pos)
				case p.key == "name" && strings.HasPrefix(e.Msg, `category "auth" is not declared`):
				default:
					t.Errorf("error %s: %s; want errors at %d:%d saying the value is a list", e.Pos, e.Msg, p.line, p.col)
				}
			}
			if len(here) == 0 || here[0] != (spec.Pos{Line: p.line, Col: p.col}) && p.key != "initialisms" {
				t.Errorf("the bomb is refused at %v; want %d:%d", here, p.line, p.col)
			}
			if allocated > 16<<20 {
				t.Errorf("parsing the bomb allocated %d MiB; it must not be expanded", allocated>>20)
			}
		})
	}

	// Where the loader reads a single value, the exact message.
	src := withValue(valuePlace{line: 13, col: 14, prefix: "    message: "}, bomb)
	_, err := spec.Parse("bomb.yaml", []byte(src))
	if want := "bomb.yaml:13:14: message: must be text, not a list"; err == nil || err.Error() != want {
		t.Errorf("a bomb as message:\ngot  %v\nwant %s", err, want)
	}
}

// TestAliasBombReferenced defines the bomb where the loader does not read
// (as a value it refuses, and under an unknown key) and refers to its top
// level from every place: each alias is refused where it is, unexpanded.
func TestAliasBombReferenced(t *testing.T) {
	bomb := aliasBomb(9)
	for _, p := range valuePlaces(t) {
		if p.line <= 2 {
			continue // the anchors are defined on line 2
		}
		t.Run(fmt.Sprintf("%d_%s", p.line, p.key), func(t *testing.T) {
			src := withValue(p, "*l8")
			src = strings.Replace(src, "service: Short Message Service", "service: "+bomb, 1)
			_, _, allocated, err := parseMeasured(t, p.key, src)
			if err == nil {
				t.Fatalf("an alias as %s: was accepted", p.key)
			}
			msgs := errorsOf(t, err)
			want := fmt.Sprintf("%d:%d: aliases (*l8) are not supported in a spec; write the value out", p.line, p.col)
			if !slices.Contains(msgs, want) || msgs[0] != "2:10: service: must be text, not a list" {
				t.Errorf("got\n%s\nwant the bomb refused at 2:10 and\n%s", strings.Join(msgs, "\n"), want)
			}
			if allocated > 16<<20 {
				t.Errorf("parsing allocated %d MiB; the alias must not be expanded", allocated>>20)
			}
		})
	}

	// The classic form: the bomb's levels as top-level keys, unknown to a
	// spec, and one used as a key.
	var b strings.Builder
	b.WriteString("lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 9; i++ {
		fmt.Fprintf(&b, "lol%d: &l%d [%s*l%d]\n", i, i, strings.Repeat(fmt.Sprintf("*l%d, ", i-1), 8), i-1)
	}
	b.WriteString("package: x\ncodes:\n  - code: A\n    ? *l8\n    : x\n")
	_, _, allocated, err := parseMeasured(t, "classic", b.String())
	if err == nil {
		t.Fatal("the classic bomb was accepted")
	}
	msgs := errorsOf(t, err)
	if len(msgs) != 10 || !strings.HasPrefix(msgs[0], `1:1: unknown key "lol0" in the spec`) ||
		msgs[9] != "13:7: keys of a code entry must be plain words such as code:, not an alias" {
		t.Errorf("the classic bomb gave\n%s\nwant 9 unknown keys and the alias key refused", strings.Join(msgs, "\n"))
	}
	if allocated > 16<<20 {
		t.Errorf("parsing allocated %d MiB; the aliases must not be expanded", allocated>>20)
	}
}

// TestDeepNesting nests flow and block collections 20,000 deep, where a
// spec has a message: yaml.v3 stops at a depth of 10,000, and the loader
// must say so at the line, quickly.
func TestDeepNesting(t *testing.T) {
	const n = 20000
	const head = "package: x\ncodes:\n  - code: A\n    message: "
	for _, c := range []struct{ name, value string }{
		{"flow lists", strings.Repeat("[", n) + strings.Repeat("]", n)},
		{"flow mappings", strings.Repeat("{a: ", n) + strings.Repeat("}", n)},
		{"flow mixed", strings.Repeat("[{a: ", n/2) + strings.Repeat("}]", n/2)},
		{"unclosed flow", strings.Repeat("[", n)},
		{"block lists", "\n      " + strings.Repeat("- ", n) + "x"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, _, _, err := parseMeasured(t, c.name, head+c.value+"\n")
			if err == nil {
				t.Fatalf("%s nested %d deep were accepted", c.name, n)
			}
			msgs := errorsOf(t, err)
			if len(msgs) != 1 || !strings.HasSuffix(msgs[0], ": invalid YAML: exceeded max depth of 10000") {
				t.Errorf("got\n%s\nwant one error: invalid YAML: exceeded max depth of 10000", strings.Join(msgs, "\n"))
			}
			if line := msgs[0][:strings.IndexByte(msgs[0], ':')]; line != "4" && line != "5" {
				t.Errorf("error %q; want it on line 4 or 5, where the nesting is", msgs[0])
			}
		})
	}

	// Just under yaml.v3's limit the nesting is read, and refused as the
	// wrong kind of value.
	_, _, _, err := parseMeasured(t, "9,999 flow lists", head+strings.Repeat("[", 9999)+strings.Repeat("]", 9999)+"\n")
	if want := "deep.yaml:4:14: message: must be text, not a list"; err == nil || strings.Replace(err.Error(), fuzzFile, "deep.yaml", 1) != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}

	// yaml.v3 limits block and flow depth apart: 9,000 of each, 18,000
	// in all, are read, and refused as the wrong kind of value.
	_, _, _, err = parseMeasured(t, "9,000 block and 9,000 flow lists", head+"\n      "+strings.Repeat("- ", 9000)+strings.Repeat("[", 9000)+strings.Repeat("]", 9000)+"\n")
	if want := "5:7: message: must be text, not a list"; err == nil || !slices.Contains(errorsOf(t, err), want) {
		t.Errorf("got  %v\nwant %s", err, want)
	}

	// Block mappings nest by indentation, so their depth costs n²/2 bytes:
	// 2,000 levels (2 MB) are within the size limit and yaml.v3's depth.
	var b strings.Builder
	b.WriteString("package: x\ncodes:\n  - code: A\nservice:\n")
	for i := 1; i <= 2000; i++ {
		b.WriteString(strings.Repeat(" ", i) + "a:\n")
	}
	_, _, _, err = parseMeasured(t, "2,000 block mappings", b.String())
	if want := "5:2: service: must be text, not a mapping"; err == nil || !slices.Contains(errorsOf(t, err), want) {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}

// TestSyntaxErrorAtEnd measures the cost of locating a syntax error at the
// end of a large spec: the loader re-parses prefixes to find the line, so
// this is the slowest error to report. The test checks the line and logs
// the time against that of parsing the same spec without the error.
func TestSyntaxErrorAtEnd(t *testing.T) {
	var b strings.Builder
	b.WriteString("package: x\ncodes:\n")
	for i := 0; b.Len() < 128<<10; i++ {
		fmt.Fprintf(&b, "  - code: C%d\n    message: Message number %d\n", i, i)
	}
	valid := b.String()
	lines := strings.Count(valid, "\n")
	_, good, _, err := parseMeasured(t, "128 KiB spec", valid)
	if err != nil {
		t.Fatal(err)
	}
	_, bad, _, err := parseMeasured(t, "128 KiB spec with a syntax error on its last line", valid+"   bad: [\n")
	want := fmt.Sprintf("%d:4: invalid YAML: ", lines+1)
	if err == nil || !strings.HasPrefix(errorsOf(t, err)[0], want) {
		t.Errorf("got %v\nwant an error at %s...", err, want)
	}
	t.Logf("locating the syntax error took %.1f times as long as parsing the valid spec", float64(bad)/float64(good))
}

// TestSizeLimit shows a spec over the limit is refused having read at most
// the limit: from a sparse 1 GiB file, and from /dev/zero, which has no
// size to check and no end.
func TestSizeLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.yaml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("package: x\ncodes:\n  - code: A\n"); err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil { // the rest reads as NULs
		t.Fatalf("making a sparse file of 1 GiB: %v", err)
	}
	f.Close()

	for _, c := range []struct {
		path  string
		limit int64
	}{{path, 1 << 10}, {path, spec.DefaultMaxSize}, {"/dev/zero", 1 << 10}} {
		if _, err := os.Stat(c.path); err != nil {
			t.Logf("skipping %s: %v", c.path, err)
			continue
		}
		before := heapAllocs()
		start := time.Now()
		_, err := spec.LoadLimit(c.path, c.limit)
		elapsed, allocated := time.Since(start), heapAllocs()-before
		t.Logf("LoadLimit(%s, %d): refused in %v, %d KiB allocated", filepath.Base(c.path), c.limit, elapsed, allocated>>10)
		want := fmt.Sprintf("%s:1:1: the spec is larger than the limit of %d bytes; split the table, or raise the limit", c.path, c.limit)
		if err == nil || !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("LoadLimit(%s, %d) = %v\nwant only %s...", c.path, c.limit, err, want)
		}
		// Reading costs the limit, and some slack for growing the buffer;
		// the text past the limit is never read, let alone parsed.
		if bound := uint64(4*c.limit + 1<<20); allocated > bound {
			t.Errorf("LoadLimit(%s, %d) allocated %d bytes; want at most %d", c.path, c.limit, allocated, bound)
		}
	}

	// At the limit exactly, the file is read and parsed: a limit of its
	// size finds the NUL after the first lines.
	small := filepath.Join(t.TempDir(), "small.yaml")
	if err := os.WriteFile(small, []byte("package: x\ncodes:\n  - code: A\n\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = spec.LoadLimit(small, 32)
	if want := small + ":4:1: control character U+0000 is not allowed in YAML text"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("LoadLimit(32) of 32 bytes = %v\nwant %s...", err, want)
	}
}

// TestTags covers YAML tags: !!str, written any way YAML allows, is text;
// every other tag is refused where it is.
func TestTags(t *testing.T) {
	const head = "package: x\ncodes:\n"
	for _, c := range []struct {
		name, src string
		want      string // the error, or "" for a spec with Codes[0].Code == code
		code      string
	}{
		{"str", head + "  - code: !!str 22012\n    name: E22012\n", "", "22012"},
		{"str on the package", "package: !!str x\ncodes:\n  - code: A\n", "", "A"},
		{"verbatim str", head + "  - code: !<tag:yaml.org,2002:str> A\n", "", "A"},
		{"TAG directive", "%TAG !e! tag:yaml.org,2002:\n---\n" + head + "  - code: !e!str A\n", "", "A"},
		{"binary", head + "  - code: !!binary QUJD\n",
			"3:11: YAML tag !!binary is not supported in a spec; remove it (text may be quoted or tagged !!str)", ""},
		{"custom", head + "  - code: A\n    message: !foo x\n",
			"4:14: YAML tag !foo is not supported in a spec; remove it (text may be quoted or tagged !!str)", ""},
		{"custom verbatim", head + "  - code: !<tag:example.com,2000:x> A\n",
			"3:11: YAML tag tag:example.com,2000:x is not supported in a spec; remove it (text may be quoted or tagged !!str)", ""},
		{"int through TAG", "%TAG !e! tag:yaml.org,2002:\n---\n" + head + "  - code: !e!int 1\n    name: One\n",
			"5:11: YAML tag !!int is not supported in a spec; remove it (text may be quoted or tagged !!str)", ""},
		{"bool on a bool", head + "  - code: A\n    retryable: !!bool true\n",
			"4:16: YAML tag !!bool is not supported in a spec; remove it (text may be quoted or tagged !!str)", ""},
		{"map on a mapping", head + "  - !!map\n    code: A\n",
			"3:5: YAML tag !!map is not supported in a spec; remove it (text may be quoted or tagged !!str)", ""},
		{"map on a flow mapping", "package: x\nsource: !!map {title: T}\ncodes:\n  - code: A\n",
			"2:9: YAML tag !!map is not supported in a spec; remove it (text may be quoted or tagged !!str)", ""},
		{"seq on a list", "package: x\ncodes: !!seq\n  - code: A\n",
			"2:8: YAML tag !!seq is not supported in a spec; remove it (text may be quoted or tagged !!str)", ""},
		{"null", head + "  - code: A\n    message: !!null\n",
			"4:14: YAML tag !!null is not supported in a spec; remove it (text may be quoted or tagged !!str)", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := parseNoPanic(t, []byte(c.src))
			if c.want == "" {
				if err != nil || s.Codes[0].Code != c.code {
					t.Errorf("got %v; want a spec with code %q", err, c.code)
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted; want %s", c.want)
			}
			if msgs := errorsOf(t, err); !slices.Contains(msgs, c.want) {
				t.Errorf("got\n%s\nwant %s", strings.Join(msgs, "\n"), c.want)
			}
		})
	}
}

// TestMergeKeys: merge keys are refused wherever a mapping is read, with
// or without an alias; a quoted "<<" is an unknown key like any other.
func TestMergeKeys(t *testing.T) {
	const merge = "merge keys (<<) are not supported in a spec; write the keys out"
	for _, c := range []struct{ name, src, want string }{
		{"inline", "package: x\ncodes:\n  - code: A\n    <<: {message: M}\n", "4:5: " + merge},
		{"alias", "package: x\ncodes:\n  - &a\n    code: A\n  - <<: *a\n    code: B\n", "5:5: " + merge},
		{"list of aliases", "package: x\ncodes:\n  - &a\n    code: A\n  - <<: [*a]\n    code: B\n", "5:5: " + merge},
		{"source", "package: x\nsource:\n  <<: {title: T}\ncodes:\n  - code: A\n", "3:3: " + merge},
		{"root", "<<: {service: S}\npackage: x\ncodes:\n  - code: A\n", "1:1: " + merge},
		{"quoted", "package: x\ncodes:\n  - code: A\n    \"<<\": {message: M}\n",
			`4:5: unknown key "<<" in a code entry (known keys: code, message, solution, success, retryable, fault, category, name, deprecated, aliases, http_status, local)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := parseNoPanic(t, []byte(c.src))
			if err == nil {
				t.Fatalf("accepted; want %s", c.want)
			}
			if msgs := errorsOf(t, err); len(msgs) != 1 || msgs[0] != c.want {
				t.Errorf("got\n%s\nwant only %s", strings.Join(msgs, "\n"), c.want)
			}
		})
	}
}

// TestEncodings: a byte order mark, CRLF line ends and document markers
// read as they would without them; invalid UTF-8 (UTF-16, Latin-1, a
// UTF-8-encoded surrogate) is refused at the byte.
func TestEncodings(t *testing.T) {
	const src = "package: x\ncodes:\n  - code: A\n    message: \"one\n      two\"\n    solution: |\n      line 1\n      line 2\n  - code: B\n    fault: nobody\n"
	_, want := spec.Parse(fuzzFile, []byte(src+"  - code: A\n"))
	wantMsgs := errorsOf(t, want)
	if len(wantMsgs) != 2 {
		t.Fatalf("the base spec gives %q; want two errors", wantMsgs)
	}
	base, err := spec.Parse(fuzzFile, []byte(src[:strings.Index(src, "  - code: B")]))
	if err != nil {
		t.Fatal(err)
	}
	if base.Codes[0].Message != "one two" || base.Codes[0].Solution != "line 1\nline 2\n" {
		t.Fatalf("base spec: message %q, solution %q", base.Codes[0].Message, base.Codes[0].Solution)
	}
	for _, c := range []struct {
		name string
		edit func(string) string
	}{
		{"BOM", func(s string) string { return "\ufeff" + s }},
		{"CRLF", func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }},
		{"document markers", func(s string) string { return "---\n" + s + "...\n" }},
		{"end marker", func(s string) string { return s + "...\n" }},
		{"BOM, CRLF and markers", func(s string) string { return "\ufeff---\r\n" + strings.ReplaceAll(s, "\n", "\r\n") + "...\r\n" }},
	} {
		t.Run(c.name, func(t *testing.T) {
			// The valid part reads as the base spec.
			s, err := parseNoPanic(t, []byte(c.edit(src[:strings.Index(src, "  - code: B")])))
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			// Positions are where they are without the edit (a --- line
			// moves them down one).
			shift := 0
			if strings.Contains(c.edit(""), "---") {
				shift = 1
			}
			if got, want := codesOf(s, shift), codesOf(base, 0); !reflect.DeepEqual(got, want) {
				t.Errorf("codes %+v\nwant %+v", got, want)
			}
			_, err = parseNoPanic(t, []byte(c.edit(src+"  - code: A\n")))
			got := errorsOf(t, err)
			for i, w := range wantMsgs {
				var line, col int
				var msg string
				fmt.Sscanf(w, "%d:%d:", &line, &col)
				msg = lineRef.ReplaceAllStringFunc(w[strings.Index(w, ": ")+2:], func(ref string) string {
					var n int
					fmt.Sscanf(ref, "line %d", &n)
					return fmt.Sprintf("line %d", n+shift)
				})
				if want := fmt.Sprintf("%d:%d: %s", line+shift, col, msg); i >= len(got) || got[i] != want {
					t.Errorf("got\n%s\nwant %s", strings.Join(got, "\n"), want)
				}
			}
		})
	}

	// A second document after the end marker is refused, at its ---.
	_, err = spec.Parse(fuzzFile, []byte("package: x\ncodes:\n  - code: A\n...\n---\npackage: y\n"))
	if want := fuzzFile + ":5:1: a spec is a single YAML document; remove this second one (and the --- before it)"; err == nil || err.Error() != want {
		t.Errorf("two documents: got %v\nwant %s", err, want)
	}

	for _, c := range []struct{ name, src, want string }{
		{"Latin-1", "package: x\ncodes:\n  - code: A\n    message: caf\xe9\n", "4:17: invalid UTF-8 (byte 0xe9); a spec must be UTF-8 text"},
		{"in a comment", "package: x # caf\xe9\ncodes:\n  - code: A\n", "1:17: invalid UTF-8 (byte 0xe9); a spec must be UTF-8 text"},
		{"UTF-16", "\xfe\xff\x00p\x00a", "1:1: invalid UTF-8 (byte 0xfe); a spec must be UTF-8 text"},
		{"surrogate", "package: x\ncodes:\n  - code: \xed\xa0\x80\n", "3:11: invalid UTF-8 (byte 0xed); a spec must be UTF-8 text"},
		{"overlong", "package: x\ncodes:\n  - code: A\xc0\xaf\n", "3:12: invalid UTF-8 (byte 0xc0); a spec must be UTF-8 text"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := parseNoPanic(t, []byte(c.src))
			if err == nil {
				t.Fatalf("accepted; want %s", c.want)
			}
			if msgs := errorsOf(t, err); len(msgs) != 1 || msgs[0] != c.want {
				t.Errorf("got\n%s\nwant %s", strings.Join(msgs, "\n"), c.want)
			}
		})
	}
}

var lineRef = regexp.MustCompile(`line \d+`)

// codeView is what a spec says of a code, its position moved up shift
// lines.
type codeView struct {
	Code, Message, Solution, GoName string
	Fault                           spec.Fault
	Pos                             spec.Pos
}

func codesOf(s *spec.Spec, shift int) []codeView {
	var out []codeView
	for _, c := range s.Codes {
		out = append(out, codeView{c.Code, c.Message, c.Solution, c.GoName, c.Fault, spec.Pos{Line: c.Pos.Line - shift, Col: c.Pos.Col}})
	}
	return out
}
