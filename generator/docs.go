package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"text/template"

	"github.com/errspec/errspec/spec"
)

// DocData is what a docs template sees as its dot. Its fields are a stable
// interface for teams' own templates: they are added to, never renamed or
// removed. Text fields hold the spec's words verbatim, so a template must
// pass them through md (or code) to print them safely; see [TemplateFuncs].
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
	// Categories are the declared categories, in spec order.
	Categories []DocCategory
	// Codes are the table's rows, in spec order.
	Codes []DocCode
}

// DocCategory is one category.
type DocCategory struct {
	Name  string // the value codes refer to, such as throttling
	Const string // the Go constant, such as CategoryThrottling
	Doc   string
}

// DocCode is one row of the table.
type DocCode struct {
	Code       string // the wire code
	Name       string // the Go name, such as BusinessLimitControl
	Const      string // the code's constant, such as CodeBusinessLimitControl
	Sentinel   string // the sentinel, such as ErrBusinessLimitControl; empty for success codes
	Message    string
	Solution   string
	Success    bool
	Retryable  bool
	Fault      string // client, server, or empty for success codes
	Category   string // the category's Name, or empty
	Deprecated string // why the code is deprecated, or empty
}

func docData(m *model) DocData {
	d := DocData{Header: MarkdownHeader, Package: m.pkg, Service: m.service, Source: m.source}
	for _, c := range m.categories {
		d.Categories = append(d.Categories, DocCategory{Name: c.name, Const: c.ident, Doc: c.doc})
	}
	d.Codes = make([]DocCode, len(m.codes))
	for i, e := range m.codes {
		d.Codes[i] = DocCode{
			Code: e.wire, Name: e.name, Const: e.ident, Sentinel: e.sentinel,
			Message: e.message, Solution: e.solution,
			Success: e.success, Retryable: e.retryable, Fault: string(e.fault),
			Category: e.category, Deprecated: e.deprecated,
		}
	}
	return d
}

// TemplateFuncs are the functions docs templates may call, besides
// text/template's own:
//
//   - md escapes text for Markdown, table cells included: Markdown and HTML
//     in it print as written, line breaks become <br>, and control and
//     bidirectional formatting characters are shown as escapes (\u202e);
//   - code prints text as an inline code span, safe in table cells;
//   - url escapes a URL for a Markdown link target.
func TemplateFuncs() template.FuncMap {
	return template.FuncMap{"md": markdownText, "code": markdownCode, "url": markdownURL}
}

// renderDocs renders DocsTemplate from tmpl with the model's DocData, after
// the Markdown header.
func renderDocs(m *model, tmpl fs.FS) ([]byte, error) {
	if _, err := fs.Stat(tmpl, DocsTemplate); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("the templates folder has no %s; start from a copy of errspec's templates/%s", DocsTemplate, DocsTemplate)
	}
	t, err := template.New(DocsTemplate).Funcs(TemplateFuncs()).Option("missingkey=error").ParseFS(tmpl, DocsTemplate)
	if err != nil {
		return nil, fmt.Errorf("docs template: %w", err)
	}
	var buf bytes.Buffer
	buf.WriteString(MarkdownHeader + "\n\n")
	if err := t.Execute(&buf, docData(m)); err != nil {
		return nil, fmt.Errorf("docs template: %w", err)
	}
	return buf.Bytes(), nil
}
