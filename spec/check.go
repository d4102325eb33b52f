package spec

import (
	"fmt"
	"go/build"
	"go/token"
	"go/types"
	"io"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"

	"gopkg.in/yaml.v3"
)

func (d *decoder) checkPackage(n *yaml.Node, name string) {
	switch {
	case name == "":
		d.errorf(n, "package: is empty; give the Go package name of the generated code, such as package: smserr")
	case token.IsKeyword(name):
		d.errorf(n, "package: %q is a Go keyword, so it cannot name a package; choose another name, such as %serr", name, name)
	case !token.IsIdentifier(name) || name == "_":
		d.errorf(n, "package: %q is not a valid Go package name; use letters, digits and underscores, starting with a letter, such as smserr", name)
	case name == "main" || name == "init":
		d.errorf(n, "package: %s cannot be imported; choose a library package name, such as smserr", name)
	case types.Universe.Lookup(name) != nil:
		d.errorf(n, "package: %s is one of Go's predeclared names, which importers would have to rename; choose another name, such as %serr", name, name)
	}
}

func (d *decoder) checkURL(n *yaml.Node, s string) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unsafeRune(r) || strings.ContainsRune("<>\"`", r) }) {
		d.errorf(n, "url: %q is not an absolute http(s) URL; write it as https://host/path, with spaces and quotes percent-encoded", s)
	}
}

func (d *decoder) checkDate(n *yaml.Node, s string) {
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		d.errorf(n, "updated: %q is not a date; write it as YYYY-MM-DD, such as 2018-06-15", s)
	}
}

func isWord(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// unsafeRune reports whether r is a control or format character: one that
// can break a line, vanish, or reorder text (U+202E) in review.
func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029'
}

// check runs the checks that span entries: unique codes and aliases,
// declared categories, faults, families, and Go names that are valid and
// distinct. It fills in the GoName of every category, family and code,
// each code's family, and the family's defaults of the codes that do not
// set their own.
func (d *decoder) check(s *Spec) {
	namer := NewNamer(s.Initialisms)
	cats := d.checkCategories(s.Categories, namer)
	d.checkFamilies(s.Families, cats, s.Categories, namer)

	firstCode := make(map[string]*Entry, len(s.Codes))
	names := make(map[string]*Entry, len(s.Codes))
	for i := range s.Codes {
		c := &s.Codes[i]
		if !d.checkCode(c, firstCode) {
			continue
		}
		if !c.Success {
			c.join(s.Families)
		}
		d.checkClass(c, cats, s.Categories)
		d.checkName(c, namer, names)
	}
	d.checkAliases(s.Codes, firstCode)
	d.checkFamilyNames(s.Families, firstCode, names)
	d.warnMissingText(s)
}

// join makes c a member of the family with the longest prefix of its code,
// if any, and gives it the family's defaults for the fields it does not
// set itself.
func (c *Entry) join(families []Family) {
	for i := range families {
		f := &families[i]
		if strings.HasPrefix(c.Code, f.Prefix) && f.Prefix != "" && (c.Family == nil || len(f.Prefix) > len(c.Family.Prefix)) {
			c.Family = f
		}
	}
	if f := c.Family; f != nil {
		if !c.set.retryable {
			c.Retryable = f.Retryable
		}
		if !c.set.fault && f.Fault != "" {
			c.Fault = f.Fault
		}
		if !c.set.category && f.Category != "" {
			c.Category = f.Category
		}
	}
}

// checkFamilies checks each family on its own: its prefix, its defaults
// and its Go name.
func (d *decoder) checkFamilies(fs []Family, declared map[string]bool, categories []Category, namer *Namer) {
	first := map[string]Pos{}
	for i := range fs {
		f := &fs[i]
		switch {
		case f.Prefix == "" || strings.ContainsFunc(f.Prefix, unsafeRune):
			d.errorAt(f.Pos, "prefix %q must be printable text that codes start with, such as LimitExceeded.", f.Prefix)
			continue
		case first[f.Prefix] != Pos{}:
			d.errorAt(f.Pos, "family prefix %q is declared twice (first at line %d); keep one", f.Prefix, first[f.Prefix].Line)
			continue
		}
		first[f.Prefix] = f.Pos
		d.checkFault(f.at.fault, f.Fault)
		if f.Category != "" && !declared[f.Category] {
			d.errorAt(f.at.category, "category %q is not declared; add it under categories:%s", f.Category, declaredList(declared, categories))
		}
		if f.GoName = f.Name; f.Name == "" {
			f.GoName = namer.Name(strings.TrimRight(f.Prefix, familySeparators))
		}
		if !ValidGoName(f.GoName) {
			at, what := f.Pos, fmt.Sprintf("family %q derives Go name %q", f.Prefix, f.GoName)
			if f.Name != "" {
				at, what = f.at.name, fmt.Sprintf("name: %q", f.Name)
			}
			d.errorAt(at, "%s, which is not an exported Go identifier; set name: to one, such as name: LimitExceeded", what)
			f.GoName = ""
		}
	}
}

// familySeparators are what may end a family's prefix, after its parent
// code: LimitExceeded. is the family of LimitExceeded.
const familySeparators = "._-:/"

// checkFamilyNames finds each family's parent code, and checks that a
// family without one has a sentinel name of its own.
func (d *decoder) checkFamilyNames(fs []Family, codes map[string]*Entry, names map[string]*Entry) {
	sentinels := map[string]*Family{}
	for i := range fs {
		f := &fs[i]
		if f.GoName == "" {
			continue
		}
		for _, p := range []string{f.Prefix, strings.TrimRight(f.Prefix, familySeparators)} {
			if c := codes[p]; c != nil && f.Parent == nil {
				f.Parent = c
			}
		}
		switch c := f.Parent; {
		case c != nil && c.Success:
			d.errorAt(f.Pos, "family %q has the success code %q as its parent, which has no sentinel to match the family; list it as a code of its own, or choose another prefix", f.Prefix, c.Code)
		case c != nil && f.Name != "":
			d.errorAt(f.at.name, "family %q has no name of its own: the table lists its parent code %q, whose sentinel Err%s matches the family; remove name:", f.Prefix, c.Code, c.GoName)
		case c != nil:
			f.GoName = c.GoName
		case names[f.GoName] != nil:
			c := names[f.GoName]
			d.errorAt(f.Pos, "family %q derives Go name %s, already used by code %q at line %d; set name: on the family to tell them apart", f.Prefix, f.GoName, c.Code, c.Pos.Line)
		case sentinels[f.GoName] != nil:
			d.errorAt(f.Pos, "family %q derives Go name %s, already used by family %q at line %d; set name: on one of them", f.Prefix, f.GoName, sentinels[f.GoName].Prefix, sentinels[f.GoName].Pos.Line)
		default:
			sentinels[f.GoName] = f
		}
	}
}

// checkAliases checks that every alias is a printable spelling of its own:
// not a code, and not another code's alias.
func (d *decoder) checkAliases(codes []Entry, byCode map[string]*Entry) {
	first := map[string]Pos{}
	for i := range codes {
		c := &codes[i]
		for k, a := range c.Aliases {
			at := c.at.aliases[k]
			switch {
			case a == "" || strings.TrimSpace(a) != a || strings.ContainsFunc(a, unsafeRune):
				d.errorAt(at, "alias %q must be a printable wire code, without spaces at either end", a)
			case byCode[a] != nil:
				d.errorAt(at, "alias %q of code %q is a code of the table itself (line %d); remove one of them", a, c.Code, byCode[a].Pos.Line)
			case first[a] != Pos{}:
				d.errorAt(at, "alias %q is listed twice (first at line %d); an alias belongs to one code", a, first[a].Line)
			default:
				first[a] = at
			}
		}
	}
}

// warnMissingText warns about each code that has no text in one of the
// declared languages.
func (d *decoder) warnMissingText(s *Spec) {
	for _, c := range s.Codes {
		var missing []string
		for _, l := range s.Languages {
			if _, ok := c.Texts[l]; !ok {
				missing = append(missing, l)
			}
		}
		if len(missing) > 0 && len(s.Warnings) < maxErrors {
			s.Warnings = append(s.Warnings, &Error{File: d.file, Pos: c.at.message, Msg: fmt.Sprintf("code %q has no text in %s; add it to message: (or solution:) as %s: ...", c.Code, strings.Join(missing, ", "), missing[0])})
		}
	}
}

func (d *decoder) checkCategories(cs []Category, namer *Namer) map[string]bool {
	declared := make(map[string]bool, len(cs))
	first := make(map[string]Pos, len(cs))
	byName := make(map[string]*Category, len(cs))
	for i := range cs {
		c := &cs[i]
		if c.Name == "" || strings.ContainsFunc(c.Name, unsafeRune) {
			d.errorAt(c.Pos, "category name %q must be a non-empty word, such as throttling", c.Name)
			continue
		}
		if declared[c.Name] {
			d.errorAt(c.Pos, "category %q is declared twice (first at line %d); keep one", c.Name, first[c.Name].Line)
			continue
		}
		declared[c.Name], first[c.Name] = true, c.Pos
		c.GoName = namer.Name(c.Name)
		if !ValidGoName(c.GoName) {
			d.errorAt(c.Pos, "category %q derives Go name %q, which is not an exported Go identifier; rename the category to start with a letter", c.Name, c.GoName)
			continue
		}
		if prev, ok := byName[c.GoName]; ok {
			d.errorAt(c.Pos, "category %q derives Go name Category%s, already used by category %q at line %d; rename one of them", c.Name, c.GoName, prev.Name, prev.Pos.Line)
			continue
		}
		byName[c.GoName] = c
	}
	return declared
}

// checkCode checks the wire code itself and reports whether it is usable.
func (d *decoder) checkCode(c *Entry, first map[string]*Entry) bool {
	switch {
	case c.Code == "":
		d.errorAt(c.Pos, "code: is empty; give the wire code as the API returns it")
		return false
	case strings.TrimSpace(c.Code) != c.Code:
		d.errorAt(c.Pos, "code %q has leading or trailing spaces; remove them", c.Code)
		return false
	case strings.ContainsFunc(c.Code, unsafeRune):
		d.errorAt(c.Pos, "code %q holds a control or invisible formatting character; wire codes are printable text", c.Code)
		return false
	}
	if prev, ok := first[c.Code]; ok {
		d.errorAt(c.Pos, "code %q is listed twice (first at line %d); remove one of the rows", c.Code, prev.Pos.Line)
		return false
	}
	first[c.Code] = c
	return true
}

// checkFault checks a fault: field; empty means none given.
func (d *decoder) checkFault(at Pos, f Fault) {
	if f != "" && !f.Valid() {
		d.errorAt(at, "fault: %q is not a fault; use client (the caller's request is at fault) or server (the service failed)", f)
	}
}

// checkClass checks the classification fields: fault, category, and that a
// success code carries none of them.
func (d *decoder) checkClass(c *Entry, declared map[string]bool, categories []Category) {
	d.checkFault(c.at.fault, c.Fault)
	if c.Category != "" && !declared[c.Category] {
		d.errorAt(c.at.category, "category %q is not declared; add it under categories:%s", c.Category, declaredList(declared, categories))
	}
	if c.Success {
		for _, bad := range []struct {
			set bool
			key string
			at  Pos
		}{{c.Retryable, "retryable", c.at.retryable}, {c.Fault != "", "fault", c.at.fault}, {c.Category != "", "category", c.at.category}} {
			if bad.set {
				d.errorAt(bad.at, "code %q is a success code, so it cannot have %s:; remove it", c.Code, bad.key)
			}
		}
		c.Fault = ""
		return
	}
	if c.Fault == "" {
		c.Fault = FaultClient
	}
}

// declaredList lists the declared categories in spec order, once each.
func declaredList(declared map[string]bool, categories []Category) string {
	var names []string
	for _, c := range categories {
		if declared[c.Name] && !slices.Contains(names, c.Name) {
			names = append(names, c.Name)
		}
	}
	if len(names) == 0 {
		return ""
	}
	return " or use one of: " + strings.Join(names, ", ")
}

// checkName resolves the code's Go name and checks that it is valid and not
// taken by an earlier code.
func (d *decoder) checkName(c *Entry, namer *Namer, names map[string]*Entry) {
	if c.Name != "" {
		if !ValidGoName(c.Name) {
			d.errorAt(c.at.name, "name: %q is not an exported Go identifier; use letters and digits, starting with an upper-case letter", c.Name)
			return
		}
		c.GoName = c.Name
	} else {
		c.GoName = namer.Name(c.Code)
		if !ValidGoName(c.GoName) {
			d.errorAt(c.Pos, "code %q derives Go name %q, which is not an exported Go identifier; set name: to one%s", c.Code, c.GoName, exampleName(c.GoName))
			return
		}
	}
	if prev, ok := names[c.GoName]; ok {
		d.errorAt(c.at.name, "code %q %s, already used by code %q at line %d; set name: on one of them to tell them apart",
			c.Code, nameSource(c), prev.Code, prev.Pos.Line)
		return
	}
	names[c.GoName] = c
}

func nameSource(c *Entry) string {
	if c.Name != "" {
		return fmt.Sprintf("has name: %s", c.Name)
	}
	return fmt.Sprintf("derives Go name %s", c.GoName)
}

// exampleName suggests a valid name for a code whose derived name is not
// one: E22012 for 22012. It suggests nothing for names that need words.
func exampleName(derived string) string {
	for _, r := range derived {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') {
			return " (letters and digits, starting with an upper-case letter)"
		}
	}
	if derived == "" {
		return " (letters and digits, starting with an upper-case letter)"
	}
	return ", such as name: E" + derived
}

// fileKind is what a name in output: names.
type fileKind int

const (
	goFile   fileKind = iota // a Go file in the package folder
	docsFile                 // a docs file in the package folder, or none
	folder                   // a folder path
)

// CheckGoFile reports what is wrong with name as the generated Go file's
// name, or nil: it must be a plain file name ending in .go that the go
// command builds (not a test, not hidden) and not doc.go, which is the
// user's.
func CheckGoFile(name string) error { return checkFileName(name, goFile) }

// CheckDocsFile reports what is wrong with name as the docs' file name, or
// nil: a plain file name that is not a Go file, or NoDocs.
func CheckDocsFile(name string) error { return checkFileName(name, docsFile) }

func checkFileName(name string, kind fileKind) error {
	if strings.ContainsFunc(name, unsafeRune) {
		return fmt.Errorf("%q holds a control or formatting character", name)
	}
	if kind == folder {
		return nil
	}
	if kind == docsFile && strings.EqualFold(name, NoDocs) {
		return nil
	}
	switch {
	case name == "" || name == "." || name == ".." || strings.ContainsAny(name, `/\`):
		return fmt.Errorf("%q is not a plain file name; errspec writes into the -out folder, so give a name without folders", name)
	case strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_"):
		return fmt.Errorf("%q starts with %q, so the go command would ignore it; choose another name", name, name[:1])
	case kind == goFile && !strings.HasSuffix(name, ".go"):
		return fmt.Errorf("%q does not end in .go; name the Go file such as errors.go", name)
	case kind == goFile && strings.HasSuffix(name, "_test.go"):
		return fmt.Errorf("%q is a test file name, which go build leaves out; choose another name", name)
	case kind == goFile && name == "doc.go":
		return fmt.Errorf("doc.go is the hand-written file that holds the //go:generate line; errspec never writes it: choose another name")
	case kind == goFile && constrained(name):
		return fmt.Errorf("%q ends in an operating system or architecture, so the go command would build it only there; choose another name, such as errors.go", name)
	case kind == docsFile && strings.HasSuffix(name, ".go"):
		return fmt.Errorf("%q is a Go file name; name the docs such as ERRORS.md, or none for no docs", name)
	case kind == docsFile && (name == "go.mod" || name == "go.sum" || strings.HasPrefix(name, "go.work")):
		return fmt.Errorf("%q is a file the go command reads; name the docs such as ERRORS.md", name)
	case kind == docsFile && !strings.Contains(name, "."):
		return fmt.Errorf("%q has no extension; name the docs such as ERRORS.md, or none for no docs", name)
	}
	return nil
}

// platforms are two that share neither operating system nor architecture:
// a file name that go/build matches under both is built everywhere.
var platforms = [...]struct{ goos, goarch string }{{"linux", "amd64"}, {"windows", "arm64"}}

// constrained reports whether the go command would build a Go file of this
// name only on some platforms: one ending in _GOOS, _GOARCH or
// _GOOS_GOARCH. go/build's MatchFile decides, from the name alone (the
// file it would read is empty).
func constrained(name string) bool {
	for _, p := range platforms {
		ctxt := build.Context{GOOS: p.goos, GOARCH: p.goarch, Compiler: "gc",
			OpenFile: func(string) (io.ReadCloser, error) { return io.NopCloser(strings.NewReader("")), nil }}
		if ok, err := ctxt.MatchFile(".", name); !ok && err == nil {
			return true
		}
	}
	return false
}
