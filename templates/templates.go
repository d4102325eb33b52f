// Package templates holds the text/template files errspec renders docs
// with. A team may copy them, change them, and pass the folder to
// errspec generate -templates.
package templates

import "embed"

// FS holds the default templates: ERRORS.md.tmpl renders the Markdown
// table of codes beside the generated package.
//
//go:embed *.tmpl
var FS embed.FS
