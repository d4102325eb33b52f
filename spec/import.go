package spec

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/errspec/errspec/spec/table"
)

// ImportOptions say which vendor's table [Import] reads, and what it makes
// of it.
type ImportOptions struct {
	// Table names the table's file, or "-" for Stdin. Its extension names
	// the format unless Read.Format does.
	Table string
	Stdin io.Reader
	// Read says how to read the table; Import fills in Read.Known from the
	// Merge spec.
	Read table.Options
	// Merge names the spec to merge the table into; empty means a new
	// spec.
	Merge string
	// Package is a new spec's package name; empty means one made from
	// Table's file name (tencent-sms.tsv gives tencentsmserr).
	Package string
	// Date is the YYYY-MM-DD date a merge records on codes that left the
	// table.
	Date string
	// Lang is the BCP 47 tag of the language of the table's text (see
	// [MergeOptions.Lang] and [NewOptions.Lang]); empty means a merge's
	// text is in the spec's primary language, and a new spec declares
	// none.
	Lang string
	// Families proposes families for the prefixes the codes share (see
	// [MinFamily]): a new spec declares them, a merge adds those the spec
	// lacks.
	Families bool
	// Out names the file the spec is to be written to, or is empty (or
	// "-") for standard output. Import refuses an Out that is a folder, or
	// a file other than the Merge spec: it never has a spec replaced
	// that the table is not merged into.
	Out string
}

// Imported is what [Import] made of a table.
type Imported struct {
	// Spec is the text of the new spec, or of the merged one.
	Spec []byte
	// Table is the table as read, with its warnings.
	Table *table.Table
	// Summary says what a merge changed; nil for a new spec.
	Summary *MergeSummary
	// Families are the families proposed and added (ImportOptions.
	// Families), for a new spec or a merge.
	Families []FamilyProposal
	// Warnings are the import's own, for a person to check before
	// committing the spec: a merge that deprecates most of the spec's
	// codes, or that moves source.updated back in time, and names in the
	// table's name column that give no Go name.
	Warnings []string
	// Problems are the loader's problems with Spec, named as Out (an
	// [ErrorList]), or nil: the fixes the spec needs before errspec
	// generate accepts it. The spec is made either way, so that a person
	// can fix what the vendor's table leaves open (names that collide,
	// codes that are not Go names), guided by the messages.
	Problems error
}

// Import reads a vendor's table and makes a spec of it, or, with
// opts.Merge, merges it into that spec (see [NewSpec] and [Merge]). It
// refuses a table that would only do harm: one with no codes, or, merged
// into a spec, one that shares no code with it, which would deprecate
// every code. Both are most often the wrong table, or the right one read
// wrong.
//
// A table that cannot be read is a [*table.Error]. When Import refuses a
// table it has read, it returns the Imported with only Table set, for the
// table's warnings, along with the error.
func Import(opts ImportOptions) (*Imported, error) {
	if opts.Lang != "" {
		if err := CheckLanguage(opts.Lang); err != nil {
			return nil, err
		}
	}
	if err := checkOut(opts.Out, opts.Merge); err != nil {
		return nil, err
	}
	var old []byte
	if opts.Merge != "" {
		var err error
		if old, err = os.ReadFile(opts.Merge); err == nil {
			opts.Read.Known, err = Messages(opts.Merge, old, opts.Lang)
		}
		if err != nil {
			return nil, err
		}
	}
	in := opts.Stdin
	if opts.Table != "-" {
		f, err := os.Open(opts.Table)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		in = f
	}
	t, err := table.Read(in, opts.Table, opts.Read)
	if err != nil {
		return nil, err
	}
	im := &Imported{Table: t}
	if err := checkTable(t, tableName(opts.Table), opts.Merge, opts.Read.Known); err != nil {
		return im, err
	}
	im.Warnings = nameWarnings(opts.Table, t)
	if opts.Merge != "" {
		if im.Spec, im.Summary, err = Merge(opts.Merge, old, t, MergeOptions{Date: opts.Date, Lang: opts.Lang, Families: opts.Families}); err != nil {
			return nil, err
		}
		im.Families = im.Summary.Families
		im.Warnings = append(im.Warnings, mergeWarnings(opts.Merge, tableName(opts.Table), im.Summary)...)
	} else {
		pkg := opts.Package
		if pkg == "" {
			pkg = packageFor(opts.Table)
		}
		if im.Spec, im.Families, err = NewSpec(pkg, t, NewOptions{Lang: opts.Lang, Families: opts.Families}); err != nil {
			return nil, err
		}
	}
	target := opts.Out
	if target == "" || target == "-" {
		target = "<stdout>"
	}
	if _, err := Parse(target, im.Spec); err != nil {
		im.Problems = err
	}
	return im, nil
}

// CheckLanguage reports what is wrong with tag as the language of a
// table's text, or nil: it must be a BCP 47 tag, as a spec's languages:
// are.
func CheckLanguage(tag string) error {
	if !bcp47.MatchString(tag) {
		return fmt.Errorf("language %q is not a BCP 47 tag; write it as a language subtag and optional subtags, such as en, zh or zh-Hant", tag)
	}
	return nil
}

// nameWarnings warns about each name in the table's name column that gives
// no Go name (one in Chinese, one that starts with a digit), and so names
// no code.
func nameWarnings(file string, t *table.Table) []string {
	var out []string
	namer := NewNamer(nil)
	for _, r := range t.Rows {
		if r.Name != "" && !ValidGoName(namer.Name(r.Name)) {
			out = append(out, fmt.Sprintf("%s:%d: %s: the name %q gives no Go name (%q), so it is not used; set name: by hand if the code needs one", file, r.Line, r.Code, r.Name, namer.Name(r.Name)))
		}
	}
	return out
}

// checkOut refuses an out that would overwrite a spec the table is not
// merged into, or that names a folder. out equal to merge is the in-place
// update.
func checkOut(out, merge string) error {
	if out == "" || out == "-" {
		return nil
	}
	info, err := os.Stat(out)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return err
	case info.IsDir():
		return fmt.Errorf("-o %s is a folder; give the file to write the spec to, such as %s", out, filepath.Join(out, "errors.yaml"))
	}
	if merge != "" {
		if m, err := os.Stat(merge); err == nil && os.SameFile(info, m) {
			return nil
		}
	}
	return fmt.Errorf("%s exists; merge the table into it with -merge %s -o %s, or choose another -o", out, out, out)
}

// checkTable refuses a table with no codes, or, merged into a spec with
// codes, one that shares none of them.
func checkTable(t *table.Table, name, merge string, known map[string]string) error {
	const hint = "is it the right table? (-table, -format, -columns)"
	switch {
	case len(t.Rows) == 0 && merge != "":
		return fmt.Errorf("%s has no codes; merging it would deprecate every code of %s: %s", name, merge, hint)
	case len(t.Rows) == 0:
		return fmt.Errorf("%s has no codes: %s", name, hint)
	case len(known) == 0:
		return nil
	}
	spelled := make(map[string]bool, len(known))
	for c := range known {
		spelled[respelling(c)] = true
	}
	var codes []string
	for _, r := range t.Rows {
		if _, ok := known[r.Code]; ok || spelled[respelling(r.Code)] {
			return nil
		}
		if len(codes) < 3 {
			codes = append(codes, strconv.Quote(r.Code))
		}
	}
	if len(t.Rows) == 1 {
		return fmt.Errorf("the table's one code, %s, is not in %s: %s", codes[0], merge, hint)
	}
	if len(t.Rows) > len(codes) {
		codes = append(codes, "...")
	}
	return fmt.Errorf("none of the table's %d codes (%s) is in %s: %s", len(t.Rows), strings.Join(codes, ", "), merge, hint)
}

// mergeWarnings are what a person should check after a merge of a table
// into the spec file: most of its codes gone from the table, or a table
// dated before the spec.
func mergeWarnings(file, table string, sum *MergeSummary) []string {
	var warnings []string
	from, errFrom := time.Parse(time.DateOnly, sum.UpdatedFrom)
	to, errTo := time.Parse(time.DateOnly, sum.UpdatedTo)
	if errFrom == nil && errTo == nil && to.Before(from) {
		warnings = append(warnings, fmt.Sprintf("source.updated goes back from %s to %s: the table's \"last updated\" date is older than the spec's; check that %s is the vendor's latest page before you commit the spec",
			sum.UpdatedFrom, sum.UpdatedTo, table))
	}
	if n := len(sum.Deprecated); 2*n > sum.Codes {
		are := "are"
		if n == 1 {
			are = "is"
		}
		warnings = append(warnings, fmt.Sprintf("%d of the %s in %s %s not in the table, and %s now deprecated; check that it is the right table (-table, -format, -columns) before you commit the spec",
			n, count(sum.Codes, "code"), file, are, are))
	}
	return warnings
}

// count gives n and the noun, plural unless n is 1: "1 code", "2 codes".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// tableName names the table for a message.
func tableName(name string) string {
	if name == "-" {
		return "the table on standard input"
	}
	return name
}

// packageFor makes a Go package name from a table's file name:
// tencent-sms.tsv gives tencentsmserr.
func packageFor(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	var b strings.Builder
	for _, r := range strings.ToLower(base) {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) && b.Len() > 0) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 || path == "-" {
		return "vendorerr"
	}
	return strings.TrimSuffix(b.String(), "err") + "err"
}
