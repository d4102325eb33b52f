// Command errspec turns a vendor's API error table, written as a YAML spec,
// into a Go package: typed code constants, sentinel errors for errors.Is, an
// Error type with classification, lookups, and Markdown docs.
//
// Usage:
//
//	errspec init [-package NAME] [FILE]
//	errspec generate [-spec FILE] [-out DIR] [-file NAME] [-docs NAME|none] [-json NAME|none] [-templates DIR]
//	                 [-check] [-allow-breaking] [-max-spec-size BYTES]
//	errspec validate [-max-spec-size BYTES] FILE...
//	errspec import [-format F] [-lang TAG] [-families] [-merge SPEC] [-columns code=H,...] [-table N]
//	               [-package NAME] [-date YYYY-MM-DD] [-o FILE|-] TABLE
//	errspec diff [-format text|markdown|json] OLD NEW
//	errspec version
//	errspec help [COMMAND]
//
// Run errspec -h, or errspec help <command>, for the details. main parses
// flags and reports; the work is done by the spec, spec/table and
// generator packages.
package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/errspec/errspec/generator"
	"github.com/errspec/errspec/generator/output"
	"github.com/errspec/errspec/spec"
)

const usage = `errspec turns a vendor's API error table, written as a YAML spec, into a Go
package: a constant per code, a sentinel error per error code for errors.Is,
an Error type with retry/fault/category classification, lookups, and an
ERRORS.md table.

Usage:

	errspec init [-package NAME] [FILE]
	errspec generate [-spec FILE] [-out DIR] [-file NAME] [-docs NAME|none] [-json NAME|none] [-templates DIR]
	                 [-check] [-allow-breaking] [-max-spec-size BYTES]
	errspec validate [-max-spec-size BYTES] FILE...
	errspec import [-format F] [-lang TAG] [-families] [-merge SPEC] [-columns code=H,...] [-table N]
	               [-package NAME] [-date YYYY-MM-DD] [-o FILE|-] TABLE
	errspec diff [-format text|markdown|json] OLD NEW
	errspec version
	errspec help [COMMAND]

Commands:

	init       write a starter spec, every field shown and commented
	generate   write the Go package and its docs for a spec
	validate   check specs, reporting every problem as file:line:col: message
	import     turn a vendor's table (tsv, csv, markdown, html, text, json)
	           into a spec, or merge it into one (-merge)
	diff       report how a spec changed: codes, texts, and broken identifiers
	version    print errspec's version

Examples:

	errspec init -package vendorerr errors.yaml
	errspec generate -spec errors.yaml -out ./vendorerr
	errspec generate -spec errors.yaml -out ./vendorerr -check   # in CI: fail on drift
	errspec validate errors.yaml
	errspec import -merge errors.yaml -o errors.yaml vendor-errors.html   # the vendor updated its page
	errspec diff old.yaml errors.yaml                                  # what changed, what breaks

Run 'errspec help <command>' (or 'errspec <command> -h') for a command's
flags. The spec format is
described in the README: https://github.com/errspec/errspec#spec-format
`

// Exit codes.
const (
	exitOK      = 0
	exitFailed  = 1 // a bad spec, drift found by -check, a refused write
	exitUsage   = 2
	programName = "errspec"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "generate":
		return generate(rest, stdout, stderr)
	case "validate":
		return validate(rest, stdout, stderr)
	case "diff":
		return diff(rest, stdout, stderr)
	case "import":
		return importTable(rest, stdin, stdout, stderr)
	case "init":
		return initSpec(rest, stdout, stderr)
	case "version":
		fs := newFlags("version", "", "Version prints the module version errspec was built from.", stdout, stderr)
		if code := fs.parse(rest); code >= 0 {
			return code
		}
		if fs.NArg() > 0 {
			fmt.Fprintf(stderr, "errspec version: unexpected argument %q\n", fs.Arg(0))
			return exitUsage
		}
		fmt.Fprintln(stdout, programName, version())
		return exitOK
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
			// errspec help generate is errspec generate -h.
			return run([]string{rest[0], "-h"}, stdin, stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "errspec: unknown command %q\n\n%s", cmd, usage)
		return exitUsage
	}
}

// flags is a command's flag set. Its usage (the synopsis, what the command
// does, the flags) goes to standard output when asked for with -h, and to
// standard error after a mistake.
type flags struct {
	*flag.FlagSet
	stdout io.Writer
}

func newFlags(name, synopsis, about string, stdout, stderr io.Writer) *flags {
	fs := &flags{flag.NewFlagSet(name, flag.ContinueOnError), stdout}
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: errspec %s %s\n\n%s\n", name, synopsis, about)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args and returns the exit code to stop with, or -1 to go on.
func (fs *flags) parse(args []string) int {
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" {
			fs.SetOutput(fs.stdout)
			fs.Usage()
			return exitOK
		}
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	return -1
}

func generate(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("generate", "[-spec FILE] [-out DIR] [-file NAME] [-docs NAME|none] [-json NAME|none] [-templates DIR] [-check] [-allow-breaking] [-max-spec-size BYTES]",
		`Generate writes the Go package for a spec into a folder: the Go file and the
ERRORS.md docs. Files it did not generate are never overwritten, and a failed
run leaves the folder as it was. It refuses to remove or change an exported
identifier of the package already in the folder unless -allow-breaking.`, stdout, stderr)
	specFile := fs.String("spec", "", "the spec `FILE`; empty means the embedded Alibaba Cloud SMS spec")
	out := fs.String("out", "", "the output `DIR`; empty means ./<package> (the spec's package:)")
	file := fs.String("file", "", "the Go file's `NAME`; empty means the spec's output.file, or "+generator.DefaultGoFile)
	docs := fs.String("docs", "", "the docs' file `NAME`, or none for no docs; empty means the spec's output.docs, or "+generator.DefaultDocsFile)
	jsonFile := fs.String("json", "", "also write the table as JSON to the file `NAME` in the folder, or none for no JSON; empty means the spec's output.json, or none")
	templates := fs.String("templates", "", "render the docs with "+generator.DocsTemplate+" from `DIR` instead of the spec's output.templates or the built-in template")
	check := fs.Bool("check", false, "write nothing; print a unified diff of what would change and exit 1 if anything would")
	allowBreaking := fs.Bool("allow-breaking", false, "regenerate even if exported identifiers of the package in -out would disappear or change")
	maxSize := maxSpecSize(fs.FlagSet)
	if code := fs.parse(args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "errspec generate: unexpected argument %q (give the spec with -spec)\n", fs.Arg(0))
		return exitUsage
	}

	cmd := "errspec generate"
	if *check {
		cmd += " -check"
	}
	res, err := output.Generate(output.Request{
		Spec: *specFile, MaxSpecSize: *maxSize, Out: *out,
		GoFile: *file, Docs: *docs, JSON: *jsonFile, Templates: *templates,
		Check: *check, AllowBreaking: *allowBreaking,
	})
	if err != nil {
		report(stderr, cmd, err)
		return exitFailed
	}
	if len(res.Diff) > 0 {
		stdout.Write(res.Diff)
		fmt.Fprintf(stderr, "%s: %s is out of date with its spec; run errspec generate to update it\n", cmd, res.Dir)
		return exitFailed
	}
	if res.Interrupted != nil {
		fmt.Fprintf(stderr, "%s: %v: stopped after finishing the write to %s\n", cmd, res.Interrupted, res.Dir)
		return exitFailed
	}
	return exitOK
}

// report prints an error from loading a spec: a spec's problems as they
// are, each starting with its file:line:col for editors to jump to, and
// other errors after the command's name.
func report(w io.Writer, cmd string, err error) {
	var list spec.ErrorList
	if errors.As(err, &list) {
		fmt.Fprintln(w, err)
		return
	}
	fmt.Fprintf(w, "%s: %v\n", cmd, err)
}

// maxSpecSize adds the -max-spec-size flag: specs larger than this are
// refused before they are read whole.
func maxSpecSize(fs *flag.FlagSet) *int64 {
	size := byteSize(spec.DefaultMaxSize)
	fs.Var(&size, "max-spec-size", "refuse a spec larger than `BYTES` before reading it whole")
	return (*int64)(&size)
}

// byteSize is a flag's size in bytes, 1 or more.
type byteSize int64

func (s *byteSize) String() string { return strconv.FormatInt(int64(*s), 10) }

func (s *byteSize) Set(v string) error {
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 1 {
		return errors.New("want a size in bytes, 1 or more")
	}
	*s = byteSize(n)
	return nil
}

func validate(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("validate", "[-max-spec-size BYTES] FILE...",
		`Validate checks each spec and prints every problem it finds as
file:line:col: message. It exits 1 if any spec has a problem. Warnings (a code
with no text in a declared language) are printed the same way, after
"warning: ", and do not change the exit code.`, stdout, stderr)
	maxSize := maxSpecSize(fs.FlagSet)
	if code := fs.parse(args); code >= 0 {
		return code
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}
	status := exitOK
	for _, path := range fs.Args() {
		s, err := spec.LoadLimit(path, *maxSize)
		if err != nil {
			report(stderr, "errspec validate", err)
			status = exitFailed
			continue
		}
		for _, w := range s.Warnings {
			fmt.Fprintf(stderr, "%s:%d:%d: warning: %s\n", w.File, w.Pos.Line, w.Pos.Col, w.Msg)
		}
		fmt.Fprintf(stdout, "%s: ok, %s\n", path, count(len(s.Codes), "code"))
	}
	return status
}

func diff(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("diff", "[-format text|markdown|json] OLD NEW",
		`Diff reports how the spec NEW differs from OLD, for a pull request: codes
added, removed and deprecated, text and classification changed, and every
exported Go identifier that would disappear or change. It exits 0 when
nothing breaks callers, 1 when something would, and 2 on bad input.`, stdout, stderr)
	format := fs.String("format", "text", "the report's `format`: text, markdown or json")
	if code := fs.parse(args); code >= 0 {
		return code
	}
	write := map[string]func(*generator.Report, io.Writer) error{
		"text": (*generator.Report).WriteText, "markdown": (*generator.Report).WriteMarkdown, "json": (*generator.Report).WriteJSON,
	}[*format]
	if write == nil {
		fmt.Fprintf(stderr, "errspec diff: -format %q: want text, markdown or json\n", *format)
		return exitUsage
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return exitUsage
	}
	var specs [2]*spec.Spec
	for i, path := range fs.Args() {
		s, err := spec.Load(path)
		if err != nil {
			report(stderr, "errspec diff", err)
			return exitUsage
		}
		specs[i] = s
	}
	report, err := generator.Compare(specs[0], specs[1])
	if err == nil {
		err = write(report, stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "errspec diff: %v\n", err)
		return exitUsage
	}
	if report.Breaks() {
		return exitFailed
	}
	return exitOK
}

func initSpec(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("init", "[-package NAME] [FILE]",
		`Init writes a starter spec to FILE (errors.yaml if not given, - for standard
output): every field of the format, commented, with example codes to replace
with the vendor's. It never overwrites a file.`, stdout, stderr)
	pkg := fs.String("package", "vendorerr", "the Go package `NAME` of the generated code")
	if code := fs.parse(args); code >= 0 {
		return code
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return exitUsage
	}
	data, err := spec.Starter(*pkg)
	if err != nil {
		fmt.Fprintf(stderr, "errspec init: %v\n", err)
		return exitUsage
	}
	path := cmp.Or(fs.Arg(0), "errors.yaml")
	if path == "-" {
		stdout.Write(data)
		return exitOK
	}
	if err := output.CreateFile(path, data); err != nil {
		fmt.Fprintf(stderr, "errspec init: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(stderr, "errspec init: wrote %s; edit it, then run: errspec generate -spec %s -out ./%s\n", path, path, *pkg)
	return exitOK
}

// version returns the module version errspec was built from, as go install
// and go run pkg@version record it, or (devel) for a local build.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok || info.Main.Version == "" {
		return "(devel)"
	}
	return info.Main.Version
}
