// Package spec defines errspec's input: a YAML description of one vendor's
// API error table, and the loader that reads and checks it.
//
// A spec lists the vendor's error codes in the vendor's order, each with the
// vendor's message and solution text and errspec's classification
// (retryable, fault, category). [Load] and [Parse] read a spec and check
// everything the generator relies on, reporting every problem they find as
// "file:line:col: message" in an [ErrorList]. A spec they return is ready to
// generate from: every code has a unique, valid Go name in [Entry.GoName].
//
// The format is versioned by its keys; this package reads version 1, shown
// in full in the project's README.
package spec

import "fmt"

// Spec is a loaded and checked error table.
type Spec struct {
	// File is the name the spec was loaded from, used in error messages.
	File string `json:"-"`
	// Package is the Go package name of the generated code.
	Package string `json:"package"`
	// Service is the human name of the vendor's service, for docs.
	Service string `json:"service,omitempty"`
	// Source records where the table came from.
	Source Source `json:"source,omitzero"`
	// Output names what errspec generate writes; its flags override it.
	Output Output `json:"-"`
	// Languages are the BCP 47 tags of the languages the table's text is
	// in, the primary first; empty when the spec declares none (its text
	// is then in one language, unnamed).
	Languages []string `json:"languages,omitempty"`
	// Initialisms are words the naming rules keep in the given case, on top
	// of Go's usual list (ID, JSON, API, URL, HTTP, ...).
	Initialisms []string `json:"initialisms,omitempty"`
	// Categories are the categories codes may name, in spec order.
	Categories []Category `json:"categories,omitempty"`
	// Families are the code families, in spec order.
	Families []Family `json:"families,omitempty"`
	// Codes are the table's rows, in the vendor's order.
	Codes []Entry `json:"codes"`
	// Warnings are what the loader found questionable but not wrong, such
	// as a code with no text in a declared language; errspec validate
	// prints them.
	Warnings ErrorList `json:"-"`
}

// Source is the provenance of a table.
type Source struct {
	Title string `json:"title,omitempty"`
	// URL is empty or an absolute http(s) URL.
	URL string `json:"url,omitempty"`
	// Updated is empty or the vendor's "last updated" date as YYYY-MM-DD.
	Updated string `json:"updated,omitempty"`
}

// Output says what errspec generate writes, for specs that always want the
// same; the command's flags override each field.
type Output struct {
	// File names the Go file; empty means errors.go.
	File string
	// Docs names the Markdown docs; empty means ERRORS.md, and "none"
	// means no docs.
	Docs string
	// Templates is the folder holding the docs template, relative to the
	// spec's folder; empty means the built-in template.
	Templates string
	// JSON names the table as JSON beside the Go file; empty or NoDocs
	// ("none") means no JSON.
	JSON string
}

// NoDocs is the Output.Docs value that turns the docs off.
const NoDocs = "none"

// Category groups codes by what went wrong, such as throttling or auth.
type Category struct {
	// Name is the category's value, as codes refer to it.
	Name string `json:"name"`
	// Doc says what the category means.
	Doc string `json:"doc,omitempty"`
	// GoName is the Go name derived from Name (throttling → Throttling).
	GoName string `json:"go_name"`
	// Pos is where the category is declared.
	Pos Pos `json:"-"`
}

// Family is a code family: every code that starts with Prefix, listed in
// the table or not. Members that do not set their own retryable, fault or
// category take the family's.
type Family struct {
	// Prefix is what the family's codes start with, such as
	// "LimitExceeded.".
	Prefix string `json:"prefix"`
	// Name is the spec's override of the family's Go name, or empty.
	Name string `json:"name,omitempty"`
	// Doc says what the family means.
	Doc string `json:"doc,omitempty"`
	// Retryable, Fault and Category are the defaults of the family's
	// members; Fault is empty when the family sets none.
	Retryable bool   `json:"retryable,omitempty"`
	Fault     Fault  `json:"fault,omitempty"`
	Category  string `json:"category,omitempty"`
	// GoName is the family's Go name: Name, or the name derived from
	// Prefix. Its sentinel is Err+GoName, unless the table lists Parent.
	GoName string `json:"go_name"`
	// Parent is the code the table lists for the family itself
	// (LimitExceeded for the prefix LimitExceeded.), whose sentinel is the
	// family's, or nil.
	Parent *Entry `json:"-"`
	// Pos is where the family's prefix: is in the spec.
	Pos Pos `json:"-"`

	at fieldPos // where the checked fields are, for messages
}

// Fault says which side of the API call is to blame for an error.
type Fault string

// The faults a code may declare.
const (
	FaultClient Fault = "client"
	FaultServer Fault = "server"
)

// Valid reports whether f is one of the faults.
func (f Fault) Valid() bool { return f == FaultClient || f == FaultServer }

// Entry is one row of the table: a code and what the spec says of it.
type Entry struct {
	// Code is the wire code, verbatim.
	Code string `json:"code"`
	// Message and Solution are the vendor's words, verbatim: the primary
	// language's, or, for each where the primary has none, the first
	// other language's that has it (in the order of Spec.Languages).
	Message  string `json:"message,omitempty"`
	Solution string `json:"solution,omitempty"`
	// Texts holds the message and solution in each of Spec.Languages that
	// the code has text in, by language; nil when the spec declares no
	// languages.
	Texts map[string]Text `json:"texts,omitempty"`
	// Success marks a code that is not an error, such as OK.
	Success bool `json:"success,omitempty"`
	// Retryable marks errors that may succeed when the call is repeated.
	Retryable bool `json:"retryable,omitempty"`
	// Fault is FaultClient or FaultServer for errors (FaultClient unless the
	// spec or the code's family says otherwise), and empty for success
	// codes.
	Fault Fault `json:"fault,omitempty"`
	// Category is empty or the Name of one of the spec's categories.
	Category string `json:"category,omitempty"`
	// Name is the spec's override of the Go name, or empty.
	Name string `json:"name,omitempty"`
	// Deprecated, when non-empty, says why the code should no longer be
	// used; the generated identifiers are marked Deprecated.
	Deprecated string `json:"deprecated,omitempty"`
	// Aliases are other wire spellings of the code; Lookup of one gives
	// this row.
	Aliases []string `json:"aliases,omitempty"`
	// HTTPStatus is the HTTP status the vendor documents for the code, or
	// 0.
	HTTPStatus int `json:"http_status,omitempty"`
	// Local marks a code of the team's own rather than the vendor page's:
	// a merge of the vendor's table never deprecates it.
	Local bool `json:"local,omitempty"`
	// Family is the code's family (the one with the longest prefix of the
	// code), or nil.
	Family *Family `json:"-"`

	// GoName is the Go name of the code: Name, or the name derived from
	// Code by [Namer.Name]. The generated identifiers are Code+GoName and
	// Err+GoName.
	GoName string `json:"go_name"`
	// Pos is where the row's code: value is in the spec.
	Pos Pos `json:"-"`

	at  fieldPos // where the checked fields are, for messages
	set fieldSet // which classification fields the entry sets itself
}

// Text is a code's message and solution in one language. A code has text
// in a language when either is non-empty.
type Text struct {
	Message  string `json:"message,omitempty"`
	Solution string `json:"solution,omitempty"`
}

// fieldSet records which of the fields a family gives defaults for an
// entry sets itself.
type fieldSet struct {
	retryable, fault, category bool
}

// fieldPos holds the positions of a code's fields that checks report on;
// a field the spec leaves out is at the code's own position.
type fieldPos struct {
	success, retryable, fault, category, name, message Pos
	aliases                                            []Pos
}

// Pos is a position in a spec file, 1-based.
type Pos struct {
	Line, Col int
}

func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }
