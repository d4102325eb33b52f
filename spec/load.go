package spec

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// DefaultMaxSize is the largest spec Load and Parse read, 16 MiB: a table
// of 100,000 codes with long texts fits many times over, and a runaway
// input is refused before it is read whole.
const DefaultMaxSize = 16 << 20

//go:embed alibaba-sms.yaml
var defaultSpec []byte

// DefaultFile is the name of the embedded default spec in messages.
const DefaultFile = "alibaba-sms.yaml"

// Default returns the embedded Alibaba Cloud SMS spec, the one errspec
// generates when no spec is given.
func Default() (*Spec, error) {
	return Parse(DefaultFile, defaultSpec)
}

// DefaultYAML returns the text of the embedded default spec.
func DefaultYAML() []byte { return bytes.Clone(defaultSpec) }

// Load reads and checks the spec in the named file. Problems come back as
// an [ErrorList]; a file that cannot be read, as the *os.PathError.
func Load(path string) (*Spec, error) {
	return LoadLimit(path, DefaultMaxSize)
}

// LoadLimit is Load with a size limit other than [DefaultMaxSize]: a file
// larger than max bytes is refused before it is read whole.
func LoadLimit(path string, max int64) (*Spec, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, tooLarge(path, max)
	}
	return parse(path, data)
}

func tooLarge(file string, max int64) error {
	return ErrorList{{File: file, Pos: Pos{1, 1}, Msg: fmt.Sprintf(
		"the spec is larger than the limit of %s; split the table, or raise the limit (errspec's -max-spec-size flag)", count(int(max), "byte"))}}
}

// Parse checks the spec held in data; file names it in error messages.
// Problems come back as an [ErrorList], every one found, sorted by position.
func Parse(file string, data []byte) (*Spec, error) {
	if int64(len(data)) > DefaultMaxSize {
		return nil, tooLarge(file, DefaultMaxSize)
	}
	return parse(file, data)
}

func parse(file string, data []byte) (*Spec, error) {
	d := &decoder{file: file}
	root, ok := d.document(data)
	if !ok {
		return nil, d.errs
	}
	s := d.spec(root)
	d.check(s)
	if len(d.errs) > 0 {
		d.errs.sort()
		if d.more > 0 {
			last := d.errs[len(d.errs)-1]
			d.errs = append(d.errs, &Error{File: d.file, Pos: last.Pos, Msg: fmt.Sprintf("and %s, not listed; fix these first", count(d.more, "more problem"))})
		}
		return nil, d.errs
	}
	return s, nil
}

// decoder walks the YAML node tree, collecting every problem it meets.
type decoder struct {
	file string
	errs ErrorList
	more int // problems found past maxErrors
}

// maxErrors bounds the problems reported for one spec: past it, a broken
// spec of 100,000 codes would give an error list larger than itself.
const maxErrors = 200

func (d *decoder) errorAt(p Pos, format string, args ...any) {
	if len(d.errs) >= maxErrors {
		d.more++
		return
	}
	d.errs = append(d.errs, &Error{File: d.file, Pos: p, Msg: fmt.Sprintf(format, args...)})
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.errorAt(pos(n), format, args...)
}

func pos(n *yaml.Node) Pos { return Pos{n.Line, n.Column} }

// document parses data as one YAML document and returns its root mapping.
func (d *decoder) document(data []byte) (*yaml.Node, bool) {
	if p, msg, bad := scanText(data); bad {
		d.errorAt(p, "%s", msg)
		return nil, false
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			d.errorAt(Pos{1, 1}, "the spec is empty; it needs at least package: and codes:")
		} else {
			d.yamlError(data, err)
		}
		return nil, false
	}
	var next yaml.Node
	if err := dec.Decode(&next); err == nil {
		d.errorf(&next, "a spec is a single YAML document; remove this second one (and the --- before it)")
		return nil, false
	} else if !errors.Is(err, io.EOF) {
		d.yamlError(data, err)
		return nil, false
	}
	root := doc.Content[0]
	if !d.plain(root) {
		return nil, false
	}
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		d.errorAt(Pos{1, 1}, "the spec is empty; it needs at least package: and codes:")
		return nil, false
	}
	if root.Kind != yaml.MappingNode {
		d.errorf(root, "a spec is a YAML mapping with keys such as package: and codes:, not %s", kindName(root))
		return nil, false
	}
	return root, true
}

// yamlError reports a syntax error from yaml.v3. yaml.v3 gives no column,
// and its line is often that of the enclosing block rather than the line
// at fault; the line reported here is the first at which the text stops
// being valid YAML (see firstBadLine), and the column that line's first
// non-blank.
func (d *decoder) yamlError(data []byte, err error) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	reported := 1
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		reported, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	if name, ok := strings.CutPrefix(msg, "unknown anchor '"); ok {
		name = strings.TrimSuffix(name, "' referenced")
		msg = fmt.Sprintf("alias *%s refers to no anchor &%s; aliases are not supported in a spec anyway: write the value out", name, name)
	}
	lines := lineEnds(data)
	line := firstBadLine(data, lines, reported)
	if col := indentTab(data, lines, line); col > 0 {
		// yaml.v3 says "found character that cannot start any token", or
		// "found a tab character that violates indentation".
		d.errorAt(Pos{line, col}, "invalid YAML: a tab indents this line, and YAML indents with spaces only; replace the tab with spaces")
		return
	}
	d.errorAt(Pos{line, firstColumn(data, lines, line)}, "invalid YAML: %s", msg)
}

// indentTab returns the column of the first tab among the blanks that
// start a line, or 0.
func indentTab(data []byte, ends []int, line int) int {
	start := 0
	if line >= 2 && line-2 < len(ends) {
		start = ends[line-2]
	}
	for i := start; i < len(data) && (data[i] == ' ' || data[i] == '\t'); i++ {
		if data[i] == '\t' {
			return i - start + 1
		}
	}
	return 0
}

var yamlLine = regexp.MustCompile(`^line (\d+): `)

// lineEnds returns the offset just past each line of data: after "\n",
// "\r\n" or a lone "\r", as YAML ends lines, and the end of the text.
func lineEnds(data []byte) []int {
	var ends []int
	for i := 0; i < len(data); i++ {
		switch {
		case data[i] == '\n':
			ends = append(ends, i+1)
		case data[i] == '\r' && (i+1 == len(data) || data[i+1] != '\n'):
			ends = append(ends, i+1)
		}
	}
	if len(ends) == 0 || ends[len(ends)-1] != len(data) {
		ends = append(ends, len(data))
	}
	return ends
}

// refineLimit is the largest spec whose syntax errors firstBadLine locates
// by parsing prefixes of it again, which costs up to about ten parses of
// the spec (a few seconds at 1 MiB); for larger ones yaml.v3's own line is
// reported.
const refineLimit = 1 << 20

// firstBadLine returns the first line at which data stops parsing as YAML:
// the smallest k such that its first k lines do not parse (a prefix that
// stops inside a block still parses, so that prefix ends at the line that
// broke the document). It searches from yaml.v3's line, which the culprit
// usually follows closely, galloping forward and then bisecting, so that it
// parses a handful of prefixes rather than log(lines) of them.
func firstBadLine(data []byte, ends []int, reported int) int {
	n := len(ends)
	reported = min(max(reported, 1), n)
	if len(data) > refineLimit {
		return reported
	}
	bad := func(k int) bool { return !validYAML(data[:ends[k-1]]) }
	lo, hi := 1, reported // the answer is in [lo, hi]
	if !bad(reported) {
		lo = reported + 1
		for step := 1; ; step *= 2 {
			hi = min(reported+step, n)
			if bad(hi) {
				break
			}
			if hi == n {
				return reported // every prefix parses: keep yaml.v3's line
			}
			lo = hi + 1
		}
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if bad(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return hi
}

func validYAML(data []byte) bool {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
			return errors.Is(err, io.EOF)
		}
	}
}

// firstColumn returns the column of the first non-blank of a line.
func firstColumn(data []byte, ends []int, line int) int {
	start := 0
	if line >= 2 && line-2 < len(ends) {
		start = ends[line-2]
	}
	col := 1
	for i := start; i < len(data) && (data[i] == ' ' || data[i] == '\t'); i++ {
		col++
	}
	return col
}

// scanText finds what YAML forbids in a file's raw text, invalid UTF-8 and
// control characters, so the error can say where.
func scanText(data []byte) (p Pos, msg string, bad bool) {
	p = Pos{1, 1}
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return p, fmt.Sprintf("invalid UTF-8 (byte 0x%02x); a spec must be UTF-8 text", data[i]), true
		case r == '\n' || r == '\r' && (i+1 == len(data) || data[i+1] != '\n'):
			p.Line, p.Col = p.Line+1, 0
		case r == '\t' || r == '\r' || r == '\u0085' || r == '\uFEFF' && i == 0:
		case unicode.IsControl(r):
			return p, fmt.Sprintf("control character %U is not allowed in YAML text; write it as an escape in a double-quoted string (\"\\x%02x\") or remove it", r, r), true
		}
		i += size
		p.Col++
	}
	return Pos{}, "", false
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.Tag {
	case "!!bool":
		return "a boolean"
	case "!!int", "!!float":
		return "a number"
	case "!!null":
		return "null"
	}
	return "text"
}
