package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"text/template"
)

// TemplateFuncs are the functions docs templates may call, besides
// text/template's own:
//
//   - md escapes text for Markdown, table cells included: Markdown and HTML
//     in it print as written, line breaks become <br>, and control and
//     bidirectional formatting characters are shown as escapes (\u202e);
//   - code prints text as an inline code span, safe in table cells;
//   - url escapes a URL for a Markdown link target.
func TemplateFuncs() template.FuncMap {
	return template.FuncMap{
		"md":   func(v any) string { return markdownText(templateText(v)) },
		"code": func(v any) string { return markdownCode(templateText(v)) },
		"url":  func(v any) string { return markdownURL(templateText(v)) },
	}
}

// templateText is a template argument as text: a string, or a value of a string
// type (such as spec.Fault), as it is; anything else as fmt prints it.
func templateText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.String {
		return rv.String()
	}
	return fmt.Sprint(v)
}

// renderDocs renders DocsTemplate from tmpl with the model's DocData, after
// the Markdown header.
func renderDocs(m *DocData, tmpl fs.FS) ([]byte, error) {
	if _, err := fs.Stat(tmpl, DocsTemplate); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("the templates folder has no %s; start from a copy of errspec's templates/%s", DocsTemplate, DocsTemplate)
	}
	t, err := template.New(DocsTemplate).Funcs(TemplateFuncs()).Option("missingkey=error").ParseFS(tmpl, DocsTemplate)
	if err != nil {
		return nil, fmt.Errorf("docs template: %w", err)
	}
	var buf bytes.Buffer
	buf.WriteString(MarkdownHeader + "\n\n")
	if err := t.Execute(&buf, m); err != nil {
		return nil, fmt.Errorf("docs template: %w", err)
	}
	return buf.Bytes(), nil
}
