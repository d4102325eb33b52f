package generator

import (
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
			wire: c.Code, name: c.GoName, ident: "Code" + c.GoName,
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
