package generator

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/errspec/errspec/spec"
)

// A Report says how a new version of a spec differs from an old one, for
// review: codes added, removed and deprecated, text and classification
// changed, and the exported identifiers callers would lose.
type Report struct {
	Old, New   string        `json:"-"` // names of the specs, for headings
	Package    string        `json:"package"`
	Added      []CodeChange  `json:"added"`
	Removed    []CodeChange  `json:"removed"`
	Deprecated []CodeChange  `json:"deprecated"`
	Text       []FieldChange `json:"text_changed"`
	Class      []FieldChange `json:"classification_changed"`
	Breaking   []APIChange   `json:"breaking"`
	// Families added and removed, by prefix.
	FamiliesAdded   []string `json:"families_added"`
	FamiliesRemoved []string `json:"families_removed"`
}

// A CodeChange is a code that was added, removed or deprecated.
type CodeChange struct {
	Code  string `json:"code"`
	Const string `json:"const"`          // its Go constant
	Note  string `json:"note,omitempty"` // the deprecation reason
}

// A FieldChange is one field of a code whose value changed.
type FieldChange struct {
	Code  string `json:"code"`
	Field string `json:"field"` // message, solution, "message (zh)", success, retryable, fault, category, http_status, aliases, local, deprecated
	Old   string `json:"old"`
	New   string `json:"new"`
}

// Breaks reports whether the change would break code that uses the
// generated package: an exported identifier disappears or changes meaning.
func (r *Report) Breaks() bool { return len(r.Breaking) > 0 }

// Compare reports how new differs from old. The identifiers are compared
// by generating both packages, so the report covers whatever the
// generator makes of a change, renamed codes and moved names included.
func Compare(old, new *spec.Spec) (*Report, error) {
	r := &Report{
		Old: old.File, New: new.File, Package: new.Package,
		Added: []CodeChange{}, Removed: []CodeChange{}, Deprecated: []CodeChange{},
		Text: []FieldChange{}, Class: []FieldChange{}, Breaking: []APIChange{},
		FamiliesAdded: []string{}, FamiliesRemoved: []string{},
	}
	r.FamiliesAdded, r.FamiliesRemoved = familyChanges(old.Families, new.Families), familyChanges(new.Families, old.Families)
	before := make(map[string]spec.Entry, len(old.Codes))
	for _, c := range old.Codes {
		before[c.Code] = c
	}
	after := make(map[string]bool, len(new.Codes))
	for _, c := range new.Codes {
		after[c.Code] = true
		o, ok := before[c.Code]
		if !ok {
			r.Added = append(r.Added, CodeChange{Code: c.Code, Const: constName(c)})
			continue
		}
		r.compareCode(old, new, o, c)
	}
	for _, c := range old.Codes {
		if !after[c.Code] {
			r.Removed = append(r.Removed, CodeChange{Code: c.Code, Const: constName(c)})
		}
	}

	apis := make([]map[string]apiIdent, 2)
	for i, s := range []*spec.Spec{old, new} {
		files, err := Generate(s, Options{NoDocs: true})
		if err != nil {
			return nil, err
		}
		if apis[i], err = api(files); err != nil {
			return nil, err
		}
	}
	if old.Package != new.Package {
		r.Breaking = append(r.Breaking, APIChange{Ident: "package", Kind: "package", Old: old.Package, New: new.Package})
	}
	r.Breaking = append(r.Breaking, breakingChanges(apis[0], apis[1])...)
	return r, nil
}

// compareCode adds what changed of a code that both specs list, o in old
// and c in new.
func (r *Report) compareCode(old, new *spec.Spec, o, c spec.Entry) {
	if o.Deprecated == "" && c.Deprecated != "" {
		r.Deprecated = append(r.Deprecated, CodeChange{Code: c.Code, Const: constName(c), Note: c.Deprecated})
	} else if o.Deprecated != c.Deprecated {
		r.Class = append(r.Class, FieldChange{c.Code, "deprecated", o.Deprecated, c.Deprecated})
	}
	texts := []FieldChange{
		{c.Code, "message", o.Message, c.Message},
		{c.Code, "solution", o.Solution, c.Solution},
	}
	for _, lang := range languages(old, new) {
		ot, nt := textIn(old, o, lang, new), textIn(new, c, lang, old)
		texts = append(texts,
			FieldChange{c.Code, "message (" + lang + ")", ot.Message, nt.Message},
			FieldChange{c.Code, "solution (" + lang + ")", ot.Solution, nt.Solution})
	}
	for _, f := range texts {
		if f.Old != f.New {
			r.Text = append(r.Text, f)
		}
	}
	for _, f := range []FieldChange{
		{c.Code, "success", strconv.FormatBool(o.Success), strconv.FormatBool(c.Success)},
		{c.Code, "retryable", strconv.FormatBool(o.Retryable), strconv.FormatBool(c.Retryable)},
		{c.Code, "fault", string(o.Fault), string(c.Fault)},
		{c.Code, "category", o.Category, c.Category},
		{c.Code, "http_status", httpStatus(o.HTTPStatus), httpStatus(c.HTTPStatus)},
		{c.Code, "aliases", strings.Join(o.Aliases, ", "), strings.Join(c.Aliases, ", ")},
		{c.Code, "local", strconv.FormatBool(o.Local), strconv.FormatBool(c.Local)},
	} {
		if f.Old != f.New {
			r.Class = append(r.Class, f)
		}
	}
}

// languages lists the languages of both specs, once each: the new spec's,
// then those only the old one declares.
func languages(old, new *spec.Spec) []string {
	langs := slices.Clone(new.Languages)
	for _, l := range old.Languages {
		if !slices.Contains(langs, l) {
			langs = append(langs, l)
		}
	}
	return langs
}

// familyChanges lists the prefixes of the families of b that a lacks.
func familyChanges(a, b []spec.Family) []string {
	out := []string{}
	for _, f := range b {
		if !slices.ContainsFunc(a, func(g spec.Family) bool { return g.Prefix == f.Prefix }) {
			out = append(out, f.Prefix)
		}
	}
	return out
}

// textIn returns c's text in lang, c being a code of s. A spec that
// declares no languages has its text in other's primary language, so that
// declaring languages changes no text.
func textIn(s *spec.Spec, c spec.Entry, lang string, other *spec.Spec) spec.Text {
	if len(s.Languages) == 0 && len(other.Languages) > 0 && lang == other.Languages[0] {
		return spec.Text{Message: c.Message, Solution: c.Solution}
	}
	return c.Texts[lang]
}

// httpStatus is a code's HTTP status as the report shows it: none is "".
func httpStatus(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// WriteText writes the report as plain text, a section per kind of change.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "errspec diff %s %s: package %s\n", r.Old, r.New, r.Package)
	r.sections(&b, func(title string, n int) { fmt.Fprintf(&b, "\n%s (%d):\n", title, n) },
		func(line string) { b.WriteString("  " + line + "\n") }, strconv.Quote, func(s string) string { return s })
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteMarkdown writes the report as Markdown, for a pull request.
func (r *Report) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "### Error table changes: package %s\n", markdownCode(r.Package))
	r.sections(&b, func(title string, n int) { fmt.Fprintf(&b, "\n**%s** (%d)\n\n", title, n) },
		func(line string) { b.WriteString("- " + line + "\n") },
		func(s string) string { return "“" + markdownText(s) + "”" }, markdownCode)
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// sections lays the report out, leaving the markup to the caller: head
// starts a section, item writes an entry, text quotes free text and code
// marks up codes and identifiers.
func (r *Report) sections(b *strings.Builder, head func(string, int), item func(string), text, code func(string) string) {
	codes := func(title string, cs []CodeChange) {
		if len(cs) == 0 {
			return
		}
		head(title, len(cs))
		for _, c := range cs {
			line := code(c.Code) + " (" + code(c.Const) + ")"
			if c.Note != "" {
				line += ": " + text(c.Note)
			}
			item(line)
		}
	}
	fields := func(title string, fs []FieldChange, quote func(string) string) {
		if len(fs) == 0 {
			return
		}
		head(title, len(fs))
		for _, f := range fs {
			item(fmt.Sprintf("%s %s: %s → %s", code(f.Code), f.Field, quote(f.Old), quote(f.New)))
		}
	}
	if len(r.Added)+len(r.Removed)+len(r.Deprecated)+len(r.Text)+len(r.Class)+len(r.Breaking)+len(r.FamiliesAdded)+len(r.FamiliesRemoved) == 0 {
		item("no changes")
		return
	}
	codes("Added", r.Added)
	codes("Removed", r.Removed)
	codes("Deprecated", r.Deprecated)
	for _, fs := range []struct {
		title    string
		prefixes []string
	}{{"Families added", r.FamiliesAdded}, {"Families removed", r.FamiliesRemoved}} {
		if len(fs.prefixes) > 0 {
			head(fs.title, len(fs.prefixes))
			for _, p := range fs.prefixes {
				item(code(p))
			}
		}
	}
	fields("Text changed", r.Text, text)
	fields("Classification changed", r.Class, func(s string) string {
		if s == "" {
			return "(none)"
		}
		return s
	})
	if len(r.Breaking) > 0 {
		head("Breaking: exported identifiers that disappear or change", len(r.Breaking))
		for _, c := range r.Breaking {
			item(c.describe(code, text))
		}
	}
}
