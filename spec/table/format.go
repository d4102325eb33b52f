package table

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Format names the way a table is written down.
type Format string

// The formats Read understands; the package comment gives each one's rules.
const (
	TSV      Format = "tsv"      // tab-separated lines, no quoting
	CSV      Format = "csv"      // RFC 4180 comma-separated values, quoted fields
	Markdown Format = "markdown" // a GitHub-flavoured Markdown pipe table
	HTML     Format = "html"     // a <table> in an HTML page
	Text     Format = "text"     // a table copied from a web page, its cells run together by spaces
	JSON     Format = "json"     // a JSON array of objects, one per code
)

// formatNames maps every spelling ParseFormat and FormatOf accept to its
// format; the first spelling of each format is its name.
var formatNames = []struct {
	name   string
	format Format
}{
	{"tsv", TSV},
	{"csv", CSV},
	{"markdown", Markdown}, {"md", Markdown},
	{"html", HTML}, {"htm", HTML},
	{"text", Text}, {"txt", Text},
	{"json", JSON},
}

// ParseFormat reads a format's name as a user types it: tsv, csv, markdown
// (or md), html (or htm), text (or txt), json, in any case.
func ParseFormat(s string) (Format, error) {
	if f, ok := lookupFormat(s); ok {
		return f, nil
	}
	return "", fmt.Errorf("unknown table format %q; use tsv, csv, markdown, html, text or json", s)
}

// FormatOf tells a file's format by its extension: .tsv, .csv, .md or
// .markdown, .html or .htm, .txt, .json. Read uses it when Options.Format
// is empty.
func FormatOf(filename string) (Format, error) {
	ext := strings.TrimPrefix(filepath.Ext(filename), ".")
	if f, ok := lookupFormat(ext); ok && ext != "" {
		return f, nil
	}
	return "", fmt.Errorf("cannot tell the table format of %s from its extension (.tsv, .csv, .md, .html, .txt, .json); name the format (tsv, csv, markdown, html, text or json)", filename)
}

func lookupFormat(s string) (Format, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, n := range formatNames {
		if n.name == s {
			return n.format, true
		}
	}
	return "", false
}
