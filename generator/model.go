package generator

import (
	"errors"
	"fmt"

	"github.com/errspec/errspec/spec"
)

// DocData is the model every output is emitted from: the spec's rows, each
// with the identifiers the generator derives for it, and the facts of the
// package. The Go file and the docs are both rendered from it, and docs
// templates see it as their dot.
//
// Its fields are a stable interface for teams' own templates: they are
// added to, never renamed or removed. Text fields hold the spec's words
// verbatim, so a template must pass them through md (or code) to print
// them safely; see [TemplateFuncs].
type DocData struct {
	// Header is the generated-file marker the output must start with; the
	// generator adds it before the template's output, so templates need
	// not print it.
	Header string
	// Package is the Go package name.
	Package string
	// Service is the vendor's service name, or the package name.
	Service string
	// Source is the table's provenance; its fields may be empty.
	Source spec.Source
	// Languages are the BCP 47 tags of the table's languages, the
	// primary first; empty when the spec declares none. Each code's
	// .Texts maps the languages it has text in to a Text (.Message,
	// .Solution).
	Languages []string
	// Categories are the declared categories, in spec order.
	Categories []DocCategory
	// Families are the code families, in spec order.
	Families []DocFamily
	// Codes are the table's rows, in spec order.
	Codes []DocCode
}

// DocFamily is one code family: the spec's (.Prefix, .Doc, .Retryable,
// .Fault, .Category, .GoName, .Parent) and the sentinel that matches its
// members.
type DocFamily struct {
	*spec.Family
	Sentinel string // Err+GoName: its own, or its parent code's
}

// DocCategory is one category: the spec's (.Name, the value codes refer
// to, and .Doc), and its Go constant.
type DocCategory struct {
	*spec.Category
	Const string // the Go constant, such as CategoryThrottling
}

// DocCode is one row of the table: the spec's entry (.Code, the wire code;
// .Message, .Solution, .Texts, .Success, .Retryable, .Fault, .Category,
// .Deprecated, .Aliases, .HTTPStatus, .Local, .Family), and the
// identifiers derived from it.
type DocCode struct {
	*spec.Entry
	Name     string // the Go name, such as BusinessLimitControl
	Const    string // the code's constant, such as CodeBusinessLimitControl
	Sentinel string // the sentinel, such as ErrBusinessLimitControl; empty for success codes
}

// HasHTTPStatus reports whether any code has an HTTP status, for
// templates that show the column only then.
func (m *DocData) HasHTTPStatus() bool {
	for _, c := range m.Codes {
		if c.HTTPStatus != 0 {
			return true
		}
	}
	return false
}

// newModel derives the model of s, which must have passed checkSpec.
func newModel(s *spec.Spec) *DocData {
	m := &DocData{Header: MarkdownHeader, Package: s.Package, Service: s.Service, Source: s.Source, Languages: s.Languages}
	if m.Service == "" {
		m.Service = s.Package
	}
	m.Categories = make([]DocCategory, len(s.Categories))
	for i := range s.Categories {
		m.Categories[i] = DocCategory{Category: &s.Categories[i], Const: "Category" + s.Categories[i].GoName}
	}
	m.Families = make([]DocFamily, len(s.Families))
	for i := range s.Families {
		f := &s.Families[i]
		m.Families[i] = DocFamily{Family: f, Sentinel: "Err" + f.GoName}
	}
	m.Codes = make([]DocCode, len(s.Codes))
	for i := range s.Codes {
		c := &s.Codes[i]
		m.Codes[i] = DocCode{Entry: c, Name: c.GoName, Const: constName(*c)}
		if !c.Success {
			m.Codes[i].Sentinel = "Err" + c.GoName
		}
	}
	return m
}

// constName is the name of a code's constant.
func constName(c spec.Entry) string { return "Code" + c.GoName }

// categoryConst returns the constant of the category named name, or "".
func (m *DocData) categoryConst(name string) string {
	for _, c := range m.Categories {
		if c.Name == name {
			return c.Const
		}
	}
	return ""
}

// example returns the first error code, which docs use in examples.
func (m *DocData) example() (DocCode, bool) {
	for _, c := range m.Codes {
		if !c.Success {
			return c, true
		}
	}
	return DocCode{}, false
}

// checkSpec checks what the emitters rely on, for a Spec that did not come
// from spec.Load or spec.Parse (which check all of it, with positions):
// identifiers must be identifiers, distinct, and refer to what the spec
// declares, so that no text of a hand-built Spec becomes code. The rules
// are the loader's own (spec.CheckPackage, spec.ValidGoName,
// spec.Fault.Valid).
func checkSpec(s *spec.Spec) error {
	if err := spec.CheckPackage(s.Package); err != nil {
		return err
	}
	if len(s.Codes) == 0 {
		return errors.New("the spec has no codes")
	}
	cats := map[string]bool{}
	for _, c := range s.Categories {
		if !spec.ValidGoName(c.GoName) || cats["Category"+c.GoName] {
			return fmt.Errorf("category %q: Go name %q is not a distinct exported identifier", c.Name, c.GoName)
		}
		cats["Category"+c.GoName], cats[c.Name] = true, true
	}
	names := make(map[string]string, len(s.Codes))
	for _, c := range s.Codes {
		if !spec.ValidGoName(c.GoName) {
			return fmt.Errorf("code %q: Go name %q is not an exported identifier (load specs with spec.Load, which derives and checks names)", c.Code, c.GoName)
		}
		if prev, ok := names[c.GoName]; ok {
			return fmt.Errorf("codes %q and %q have the same Go name %s", prev, c.Code, c.GoName)
		}
		names[c.GoName] = c.Code
		if !c.Success && !c.Fault.Valid() {
			return fmt.Errorf("code %q: fault %q is neither client nor server", c.Code, c.Fault)
		}
		if c.Category != "" && !cats[c.Category] {
			return fmt.Errorf("code %q: category %q is not declared", c.Code, c.Category)
		}
	}
	for _, f := range s.Families {
		if f.Parent != nil {
			continue
		}
		if !spec.ValidGoName(f.GoName) || names[f.GoName] != "" {
			return fmt.Errorf("family %q: Go name %q is not a distinct exported identifier", f.Prefix, f.GoName)
		}
		names[f.GoName] = f.Prefix
	}
	return nil
}
