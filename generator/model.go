package generator

import (
	"errors"
	"fmt"
	"go/token"

	"github.com/errspec/errspec/spec"
)

// model is everything emission needs, derived from a checked spec: the
// identifiers are resolved here so that the emitters only print.
type model struct {
	pkg        string
	service    string
	source     spec.Source
	categories []category
	codes      []entry
}

type category struct {
	name  string // the value, as codes refer to it
	ident string // CategoryThrottling
	doc   string
}

// entry is one row of the table.
type entry struct {
	wire       string // the code as the API returns it
	name       string // BusinessLimitControl
	ident      string // CodeBusinessLimitControl
	sentinel   string // ErrBusinessLimitControl; empty for success codes
	message    string
	solution   string
	success    bool
	retryable  bool
	fault      spec.Fault
	category   string // the category's value, or empty
	catIdent   string // the category's constant, or empty
	deprecated string
}

// checkSpec checks what the emitters rely on, for a Spec that did not come
// from spec.Load or spec.Parse (which check all of it): identifiers must be
// identifiers, so that no text of a hand-built Spec becomes code.
func checkSpec(s *spec.Spec) error {
	switch {
	case !token.IsIdentifier(s.Package) || s.Package == "_" || s.Package == "main":
		return fmt.Errorf("package %q is not a Go package name", s.Package)
	case len(s.Codes) == 0:
		return errors.New("the spec has no codes")
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
		if !c.Success && c.Fault != spec.FaultClient && c.Fault != spec.FaultServer {
			return fmt.Errorf("code %q: fault %q is neither client nor server", c.Code, c.Fault)
		}
	}
	cats := map[string]bool{}
	for _, c := range s.Categories {
		if !spec.ValidGoName(c.GoName) || cats[c.GoName] {
			return fmt.Errorf("category %q: Go name %q is not a distinct exported identifier", c.Name, c.GoName)
		}
		cats[c.GoName] = true
	}
	return nil
}

// constName is the name of a code's constant.
func constName(c spec.Entry) string { return "Code" + c.GoName }

func newModel(s *spec.Spec) *model {
	m := &model{pkg: s.Package, service: s.Service, source: s.Source}
	if m.service == "" {
		m.service = s.Package
	}
	consts := make(map[string]string, len(s.Categories))
	for _, c := range s.Categories {
		cat := category{name: c.Name, ident: "Category" + c.GoName, doc: c.Doc}
		consts[c.Name] = cat.ident
		m.categories = append(m.categories, cat)
	}
	m.codes = make([]entry, len(s.Codes))
	for i, c := range s.Codes {
		e := entry{
			wire: c.Code, name: c.GoName, ident: constName(c),
			message: c.Message, solution: c.Solution,
			success: c.Success, retryable: c.Retryable, fault: c.Fault,
			category: c.Category, catIdent: consts[c.Category],
			deprecated: c.Deprecated,
		}
		if !c.Success {
			e.sentinel = "Err" + c.GoName
		}
		m.codes[i] = e
	}
	return m
}

// example returns the first error entry, which docs use in examples.
func (m *model) example() (entry, bool) {
	for _, e := range m.codes {
		if !e.success {
			return e, true
		}
	}
	return entry{}, false
}
