package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/errspec/errspec/generator"
	"github.com/errspec/errspec/spec"
)

// Request is one run of errspec generate: the spec, what to name the
// outputs, and the folder to write them into or compare them with.
type Request struct {
	// Spec names the spec file; empty means the embedded default spec.
	Spec string
	// MaxSpecSize refuses a larger spec before it is read whole; 0 means
	// spec.DefaultMaxSize.
	MaxSpecSize int64
	// Out is the package folder; empty means ./<package>, after the spec's
	// package: name.
	Out string
	// GoFile and Docs name the Go file and the docs (Docs "none" for no
	// docs); empty means the spec's output: choice, or the default.
	GoFile, Docs string
	// JSON names the table as JSON ("none" for none); empty means the
	// spec's output.json, or none.
	JSON string
	// Templates names a folder holding the docs template
	// (generator.DocsTemplate); empty means the spec's output.templates,
	// or the built-in template.
	Templates string
	// Check compares instead of writing: Result.Diff is what would change.
	Check bool
	// AllowBreaking writes even when exported identifiers of the package
	// already in Out would disappear or change meaning.
	AllowBreaking bool
}

// Result is what a Generate run did.
type Result struct {
	// Dir is the package folder written or compared, and Package the
	// generated package's name.
	Dir, Package string
	// Changed lists the paths a write changed, created or removed.
	Changed []string
	// Diff is, with Request.Check, a unified diff of what a write would
	// change, empty when Dir is up to date.
	Diff []byte
	// Interrupted is the interrupt or SIGTERM that arrived while the
	// files were renamed into place: Generate holds it until the write is
	// done, so that the folder is never left half written, and the caller
	// should stop.
	Interrupted os.Signal
}

// BreakingError is Generate's refusal to change the exported identifiers
// of the package in a folder: the name lock.
type BreakingError struct {
	Dir, Package string
	Changes      []generator.APIChange
}

func (e *BreakingError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "regenerating %s would break code that uses package %s:\n", e.Dir, e.Package)
	for _, c := range e.Changes {
		fmt.Fprintf(&b, "\t%s\n", c)
	}
	b.WriteString("Keep codes the vendor dropped in the spec with deprecated: (errspec import -merge does this), or pass -allow-breaking to accept the break.")
	return b.String()
}

// Generate is errspec generate: it loads the spec, generates the package
// in memory, checks it against the name lock (a [*BreakingError] unless
// AllowBreaking), and then either compares it with the folder (Check) or
// writes it there with [Write], holding an interrupt until the write is
// done. A spec's problems come back as its spec.ErrorList.
func Generate(r Request) (*Result, error) {
	s, err := loadSpec(r.Spec, r.MaxSpecSize)
	if err != nil {
		return nil, err
	}
	opts, err := r.options(s)
	if err != nil {
		return nil, err
	}
	files, err := generator.Generate(s, opts)
	if err != nil {
		if r.Templates != "" && strings.Contains(err.Error(), generator.DocsTemplate) {
			err = fmt.Errorf("%w (templates folder %s)", err, r.Templates)
		}
		return nil, err
	}
	res := &Result{Dir: r.Out, Package: s.Package}
	if res.Dir == "" {
		res.Dir = filepath.Join(".", s.Package)
	}
	if !r.AllowBreaking {
		if err := checkLock(res.Dir, s.Package, files); err != nil {
			return nil, err
		}
	}
	if r.Check {
		res.Diff, err = Diff(res.Dir, files)
		return res, err
	}
	res.Changed, res.Interrupted, err = writeHeld(res.Dir, files)
	return res, err
}

// options are the generator's options for the request, once the templates
// folder it names, or the spec's output.templates does, is found to be one.
func (r Request) options(s *spec.Spec) (generator.Options, error) {
	opts := generator.Options{GoFile: r.GoFile, DocsFile: r.Docs, JSONFile: r.JSON}
	if strings.EqualFold(r.Docs, spec.NoDocs) {
		opts.DocsFile, opts.NoDocs = "", true
	}
	if r.Templates != "" {
		if what := notFolder(r.Templates); what != "" {
			return opts, fmt.Errorf("the templates folder %s %s; give -templates the folder that holds %s", r.Templates, what, generator.DocsTemplate)
		}
		opts.Templates = os.DirFS(r.Templates)
		return opts, nil
	}
	docsOff := opts.NoDocs || opts.DocsFile == "" && s.Output.Docs == spec.NoDocs
	if s.Output.Templates != "" && !docsOff {
		// generator.Generate reads it relative to the spec.
		dir := filepath.Join(filepath.Dir(s.File), s.Output.Templates)
		if what := notFolder(dir); what != "" {
			return opts, fmt.Errorf("the templates folder %s (output.templates in %s) %s; give the folder that holds %s, relative to the spec", dir, s.File, what, generator.DocsTemplate)
		}
	}
	return opts, nil
}

// notFolder says what is wrong with dir as a folder to read: "does not
// exist" or "is a file"; "" when it is a folder, or cannot be told.
func notFolder(dir string) string {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "does not exist"
	case err == nil && !info.IsDir():
		return "is a file"
	}
	return ""
}

func loadSpec(path string, maxSize int64) (*spec.Spec, error) {
	if path == "" {
		return spec.Default()
	}
	if maxSize == 0 {
		maxSize = spec.DefaultMaxSize
	}
	return spec.LoadLimit(path, maxSize)
}

// checkLock refuses files that would break code using the package errspec
// generated in dir.
func checkLock(dir, pkg string, files map[string][]byte) error {
	old, err := ReadGenerated(dir)
	if err != nil {
		return err
	}
	changes, err := generator.Breaking(old, files)
	if err != nil {
		return fmt.Errorf("%s: %w", dir, err)
	}
	if len(changes) > 0 {
		return &BreakingError{Dir: dir, Package: pkg, Changes: changes}
	}
	return nil
}

// writeHeld is Write with SIGINT and SIGTERM held until it is done: an
// interrupt while files are renamed into place would leave some replaced
// and some not. It returns the signal that arrived, if one did.
func writeHeld(dir string, files map[string][]byte) ([]string, os.Signal, error) {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	changed, err := Write(dir, files)
	signal.Stop(signals)
	select {
	case sig := <-signals:
		return changed, sig, err
	default:
		return changed, nil, err
	}
}
