package generator

import (
	"bytes"
	"errors"
	"fmt"
	"go/build"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/aymanbagabas/go-udiff"
)

// Write puts the files Generate returned into dir, creating dir if needed,
// and removes files errspec generated there before that are no longer
// among them (after a change of file names, say). It is all or nothing: it
// checks every file first, writes each to a temporary file beside it, then
// renames them into place; on any error it puts back what it had replaced
// or removed and removes what it had added, so dir is left as it was. A
// file that exists without errspec's header (GoHeader or MarkdownHeader on
// its first line) is never overwritten or removed: Write refuses and names
// it. Unchanged files are not touched. Write returns the paths it changed.
func Write(dir string, files map[string][]byte) ([]string, error) {
	return writer{osFS{}}.write(dir, files)
}

// Diff returns a unified diff of what Write would change in dir, empty when
// dir is up to date. It writes nothing, and fails as Write would on a file
// it may not overwrite.
func Diff(dir string, files map[string][]byte) ([]byte, error) {
	plan, err := writer{osFS{}}.plan(dir, files)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	for _, f := range plan.changes {
		label := filepath.ToSlash(f.path)
		oldName, newName := path.Join("a", label), path.Join("b", label)
		if !f.existed {
			oldName = "/dev/null"
		}
		if f.remove {
			newName = "/dev/null"
		}
		old := string(f.old)
		text, err := udiff.ToUnified(oldName, newName, old, udiff.Lines(old, string(f.data)), udiff.DefaultContextLines)
		if err != nil {
			return nil, fmt.Errorf("diff of %s: %w", f.path, err)
		}
		b.WriteString(text)
	}
	return []byte(b.String()), nil
}

// tempPattern names Write's temporary files; a run that was killed may
// leave some behind, and the next run removes them.
const tempPattern = ".errspec-*.tmp"

// fileSystem is what writing needs from the OS; tests substitute one that
// fails part-way.
type fileSystem interface {
	Stat(name string) (fs.FileInfo, error)
	ReadFile(name string) ([]byte, error)
	ReadDir(name string) ([]fs.DirEntry, error)
	MkdirAll(path string, perm fs.FileMode) error
	// WriteTemp writes data to a new file in dir named after pattern (as
	// os.CreateTemp does), synced to disk, and returns its path.
	WriteTemp(dir, pattern string, data []byte, perm fs.FileMode) (string, error)
	Rename(oldpath, newpath string) error
	Remove(name string) error
}

type osFS struct{}

func (osFS) Stat(name string) (fs.FileInfo, error)        { return os.Stat(name) }
func (osFS) ReadFile(name string) ([]byte, error)         { return os.ReadFile(name) }
func (osFS) ReadDir(name string) ([]fs.DirEntry, error)   { return os.ReadDir(name) }
func (osFS) MkdirAll(path string, perm fs.FileMode) error { return os.MkdirAll(path, perm) }
func (osFS) Rename(oldpath, newpath string) error         { return os.Rename(oldpath, newpath) }
func (osFS) Remove(name string) error                     { return os.Remove(name) }
func (osFS) WriteTemp(dir, pattern string, data []byte, perm fs.FileMode) (string, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	err = errors.Join(err, f.Chmod(perm), f.Sync(), f.Close())
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// WriteFile replaces the file at path with data, or creates it, through a
// temporary file in the same folder renamed into place: a failure leaves
// the old file as it was. It keeps the old file's permissions. Unlike
// Write, it does not look for errspec's header: it is for files a person
// owns, such as a spec that errspec import -merge updates.
func WriteFile(path string, data []byte) error {
	perm := fs.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		if info.IsDir() {
			return fmt.Errorf("%s is a folder; give a file name", path)
		}
		perm = info.Mode().Perm()
	}
	tmp, err := osFS{}.WriteTemp(filepath.Dir(path), tempPattern, data, perm)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

type writer struct {
	fs fileSystem
}

// change is one file Write will put in place, or remove.
type change struct {
	path    string
	data    []byte
	old     []byte // the file's content before, if it existed
	existed bool
	remove  bool // a stale generated file, to be removed
	perm    fs.FileMode
}

// plan is what a write will do.
type plan struct {
	dir     string
	created []string // folders to create, outermost first
	changes []change // files that differ, by name
}

// plan checks dir and every file against it, and lists what would change.
// It reports every file it may not overwrite, not just the first.
func (w writer) plan(dir string, files map[string][]byte) (*plan, error) {
	dir = filepath.Clean(dir)
	p := &plan{dir: dir}
	if abs, err := filepath.Abs(dir); err == nil && filepath.Dir(abs) == abs {
		return nil, fmt.Errorf("refusing to write into %s, the root of the file system; give -out a folder of the package's own", dir)
	}
	info, err := w.fs.Stat(dir)
	switch {
	case err == nil && !info.IsDir():
		return nil, fmt.Errorf("output folder %s is a file; -out wants a folder (it is created if missing)", dir)
	case errors.Is(err, fs.ErrNotExist):
		if p.created, err = w.missing(dir); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, fmt.Errorf("output folder: %w", err)
	}
	var refused []error
	for _, name := range slices.Sorted(maps.Keys(files)) {
		c := change{path: filepath.Join(dir, name), data: files[name], perm: 0o644}
		if len(p.created) == 0 {
			old, err := w.fs.ReadFile(c.path)
			switch {
			case err == nil:
				if bytes.Equal(old, c.data) {
					continue
				}
				if !generated(old) {
					refused = append(refused, fmt.Errorf("%s exists and was not generated by errspec (its first line is not the %q header); errspec never overwrites such a file: move it away, or choose another -out or file name", c.path, headerFor(name)))
					continue
				}
				c.old, c.existed = old, true
				if info, err := w.fs.Stat(c.path); err == nil {
					c.perm = info.Mode().Perm()
				}
			case errors.Is(err, fs.ErrNotExist):
			default:
				refused = append(refused, fmt.Errorf("cannot replace %s: %w", c.path, err))
				continue
			}
		}
		p.changes = append(p.changes, c)
	}
	if len(refused) > 0 {
		return nil, errors.Join(refused...)
	}
	if len(p.created) == 0 {
		if err := w.otherPackages(dir, files); err != nil {
			return nil, err
		}
		stale, err := w.stale(dir, files)
		if err != nil {
			return nil, err
		}
		p.changes = append(p.changes, stale...)
	}
	return p, nil
}

// otherPackages refuses a dir that holds Go files of another package than
// the one being written: a folder holds one package, so the generated one
// would break both (and -out is then likely a mistake).
func (w writer) otherPackages(dir string, files map[string][]byte) error {
	ours := ""
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if pkg := packageName(files[name]); strings.HasSuffix(name, ".go") && pkg != "" {
			ours = pkg
			break
		}
	}
	entries, err := w.fs.ReadDir(dir)
	if err != nil || ours == "" {
		return nil
	}
	var others []string
	var theirs string
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") || !e.Type().IsRegular() {
			continue
		}
		data, err := w.fs.ReadFile(filepath.Join(dir, name))
		// errspec's own files may name another package (a rename, which
		// the name lock governs), and files go build leaves out
		// (//go:build ignore) do not count.
		if err != nil || generated(data) || !built(name, data) {
			continue
		}
		if pkg := packageName(data); pkg != "" && pkg != ours {
			others, theirs = append(others, name), pkg
		}
	}
	if len(others) == 0 {
		return nil
	}
	return fmt.Errorf("%s holds Go files of package %s (%s), and a folder holds one package: writing package %s there would break both; give -out a folder of its own, such as ./%s",
		dir, theirs, strings.Join(others, ", "), ours, ours)
}

// built reports whether go build on this machine would build the Go file
// name holding src, as go/build decides from the name and the //go:build
// line. A line go/build cannot read counts as built.
func built(name string, src []byte) bool {
	ctxt := build.Default
	ctxt.OpenFile = func(string) (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(src)), nil }
	ok, err := ctxt.MatchFile(".", name)
	return ok || err != nil
}

// packageName returns the package a Go file declares, or "" if it is not
// Go.
func packageName(src []byte) string {
	f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.PackageClauseOnly)
	if err != nil {
		return ""
	}
	return f.Name.Name
}

// stale lists the files in dir that errspec generated but that files no
// longer holds, for removal.
func (w writer) stale(dir string, files map[string][]byte) ([]change, error) {
	entries, err := w.fs.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("output folder: %w", err)
	}
	var out []change
	for _, e := range entries {
		name := e.Name()
		if _, ok := files[name]; ok || !e.Type().IsRegular() || isTemp(name) {
			continue
		}
		c := change{path: filepath.Join(dir, name), existed: true, remove: true, perm: 0o644}
		if c.old, err = w.fs.ReadFile(c.path); err != nil || !generated(c.old) {
			continue
		}
		if info, err := e.Info(); err == nil {
			c.perm = info.Mode().Perm()
		}
		out = append(out, c)
	}
	return out, nil
}

func isTemp(name string) bool {
	ok, _ := filepath.Match(tempPattern, name)
	return ok
}

// missing lists the folders MkdirAll would create for dir, outermost first.
func (w writer) missing(dir string) ([]string, error) {
	var created []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		info, err := w.fs.Stat(d)
		if err == nil {
			if !info.IsDir() {
				return nil, fmt.Errorf("cannot create output folder %s: %s is a file", dir, d)
			}
			break
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("output folder: %w", err)
		}
		created = append(created, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	slices.Reverse(created)
	return created, nil
}

func (w writer) write(dir string, files map[string][]byte) ([]string, error) {
	p, err := w.plan(dir, files)
	if err != nil {
		return nil, err
	}
	if len(p.created) == 0 {
		w.removeStaleTemps(p.dir)
	}
	if len(p.changes) == 0 {
		return nil, nil
	}
	if len(p.created) > 0 {
		if err := w.fs.MkdirAll(p.dir, 0o755); err != nil {
			return nil, errors.Join(fmt.Errorf("creating output folder: %w", err), w.removeFolders(p.created))
		}
	}

	temps := make([]string, len(p.changes))
	for i, c := range p.changes {
		if c.remove {
			continue
		}
		if temps[i], err = w.fs.WriteTemp(p.dir, tempPattern, c.data, c.perm); err != nil {
			return nil, errors.Join(fmt.Errorf("writing %s: %w", c.path, err), w.undo(p, temps, 0))
		}
	}
	for i, c := range p.changes {
		if c.remove {
			err = w.fs.Remove(c.path)
		} else {
			err = w.fs.Rename(temps[i], c.path)
		}
		if err != nil {
			return nil, errors.Join(fmt.Errorf("replacing %s: %w", c.path, err), w.undo(p, temps, i))
		}
		temps[i] = ""
	}
	changed := make([]string, len(p.changes))
	for i, c := range p.changes {
		changed[i] = c.path
	}
	return changed, nil
}

// undo returns dir to how plan found it after the first done changes were
// renamed into place: it puts back old contents, removes new files, the
// temporary files left and the folders it created. It reports what it
// could not undo.
func (w writer) undo(p *plan, temps []string, done int) error {
	var errs []error
	for i := done - 1; i >= 0; i-- {
		c := p.changes[i]
		if !c.existed {
			errs = append(errs, w.fs.Remove(c.path))
			continue
		}
		tmp, err := w.fs.WriteTemp(p.dir, tempPattern, c.old, c.perm)
		if err == nil {
			err = w.fs.Rename(tmp, c.path)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("could not restore %s: %w", c.path, err))
		}
	}
	for _, t := range temps {
		if t != "" {
			errs = append(errs, w.fs.Remove(t))
		}
	}
	errs = append(errs, w.removeFolders(p.created))
	return errors.Join(errs...)
}

// removeFolders removes the folders a write created, innermost first.
func (w writer) removeFolders(created []string) error {
	var errs []error
	for i := len(created) - 1; i >= 0; i-- {
		if err := w.fs.Remove(created[i]); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// removeStaleTemps removes temporary files that a killed run left in dir.
func (w writer) removeStaleTemps(dir string) {
	entries, _ := w.fs.ReadDir(dir)
	for _, e := range entries {
		if isTemp(e.Name()) && e.Type().IsRegular() {
			w.fs.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// generated reports whether a file starts with one of errspec's headers.
func generated(data []byte) bool {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	return string(line) == GoHeader || string(line) == MarkdownHeader
}

func headerFor(name string) string {
	if strings.HasSuffix(name, ".go") {
		return GoHeader
	}
	return MarkdownHeader
}
