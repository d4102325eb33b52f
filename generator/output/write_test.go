package output

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/errspec/errspec/generator"
	"github.com/google/go-cmp/cmp"
)

// goSrc and mdSrc return file contents that start with errspec's headers,
// as Generate's outputs do.
func goSrc(body string) []byte {
	return []byte(generator.GoHeader + "\n\npackage smserr\n\n// " + body + "\n")
}

func mdSrc(body string) []byte {
	return []byte(generator.MarkdownHeader + "\n\n# Errors\n\n" + body + "\n")
}

// outputsV2 is what a Write puts in place in most tests.
func outputsV2() map[string][]byte {
	return map[string][]byte{
		"errors.go": goSrc("v2"),
		"ERRORS.md": mdSrc("v2"),
	}
}

// node is one entry of a folder tree as a snapshot sees it.
type node struct {
	Mode fs.FileMode
	Data string // contents of a regular file
}

// snapshot records every file and folder under root: names, modes and
// contents. Two equal snapshots mean Write left root exactly as it was.
func snapshot(t *testing.T, root string) map[string]node {
	t.Helper()
	tree := map[string]node{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		n := node{Mode: info.Mode()}
		if info.Mode().IsRegular() {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			n.Data = string(data)
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		tree[filepath.ToSlash(rel)] = n
		return nil
	})
	if err != nil {
		t.Fatalf("snapshot of %s: %v", root, err)
	}
	return tree
}

// writeFiles creates files under dir (and dir itself) with the given modes.
func writeFiles(t *testing.T, dir string, files map[string][]byte, perm fs.FileMode) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, perm); err != nil {
			t.Fatal(err)
		}
		// WriteFile's perm is masked by the umask; set it exactly.
		if err := os.Chmod(path, perm); err != nil {
			t.Fatal(err)
		}
	}
}

// noTemps fails the test if any of Write's temporary files is left under
// root.
func noTemps(t *testing.T, root string) {
	t.Helper()
	for path := range snapshot(t, root) {
		if ok, _ := filepath.Match(tempPattern, filepath.Base(path)); ok {
			t.Errorf("temporary file %s left behind", path)
		}
	}
}

// readTree returns the regular files directly in dir.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		got[e.Name()] = string(data)
	}
	return got
}

func asStrings(files map[string][]byte) map[string]string {
	m := make(map[string]string, len(files))
	for name, data := range files {
		m[name] = string(data)
	}
	return m
}

func TestWriteNewFolder(t *testing.T) {
	tests := []struct {
		name string
		out  string // relative to a fresh temp folder
	}{
		{"one level", "smserr"},
		{"nested", "a/b/c/smserr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, filepath.FromSlash(tt.out))
			files := writeV2(t, dir)
			for name := range files {
				info, err := os.Stat(filepath.Join(dir, name))
				if err != nil {
					t.Fatal(err)
				}
				if got := info.Mode().Perm(); got != 0o644 {
					t.Errorf("%s has mode %v, want 0644", name, got)
				}
			}
			noTemps(t, root)
		})
	}
}

// writeV2 writes outputsV2 into dir and checks that Write reports both
// files as changed and that dir then holds exactly them.
func writeV2(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := outputsV2()
	changed, err := Write(dir, files)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	wantChanged := []string{filepath.Join(dir, "ERRORS.md"), filepath.Join(dir, "errors.go")}
	if diff := cmp.Diff(wantChanged, changed); diff != "" {
		t.Errorf("changed paths mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(asStrings(files), readTree(t, dir)); diff != "" {
		t.Errorf("folder contents mismatch (-want +got):\n%s", diff)
	}
	return files
}

func TestWriteReplacesGenerated(t *testing.T) {
	tests := []struct {
		name string
		old  map[string][]byte
	}{
		{"both generated", map[string][]byte{"errors.go": goSrc("v1"), "ERRORS.md": mdSrc("v1")}},
		{"one missing", map[string][]byte{"errors.go": goSrc("v1")}},
		{"CRLF header", map[string][]byte{
			"errors.go": []byte(generator.GoHeader + "\r\n\r\npackage smserr\r\n"),
			"ERRORS.md": []byte(generator.MarkdownHeader + "\r\n# old\r\n"),
		}},
		{"header only, no newline", map[string][]byte{"errors.go": []byte(generator.GoHeader)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.old, 0o644)
			writeV2(t, dir)
			noTemps(t, dir)
		})
	}
}

func TestWriteUnchangedNotRewritten(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"errors.go": goSrc("v2"), "ERRORS.md": mdSrc("v1")}, 0o644)
	before := map[string]fs.FileInfo{}
	for _, name := range []string{"errors.go", "ERRORS.md"} {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		before[name] = info
	}

	changed, err := Write(dir, outputsV2())
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	if diff := cmp.Diff([]string{filepath.Join(dir, "ERRORS.md")}, changed); diff != "" {
		t.Errorf("changed paths mismatch (-want +got):\n%s", diff)
	}
	after, err := os.Stat(filepath.Join(dir, "errors.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before["errors.go"], after) || !after.ModTime().Equal(before["errors.go"].ModTime()) {
		t.Errorf("unchanged errors.go was rewritten (inode or mtime changed)")
	}
	md, err := os.Stat(filepath.Join(dir, "ERRORS.md"))
	if err != nil {
		t.Fatal(err)
	}
	if os.SameFile(before["ERRORS.md"], md) {
		t.Errorf("changed ERRORS.md kept its inode; Write should have renamed a new file over it")
	}

	// A second run finds nothing to do and touches nothing.
	snap := map[string]fs.FileInfo{}
	for _, name := range []string{"errors.go", "ERRORS.md"} {
		snap[name], _ = os.Stat(filepath.Join(dir, name))
	}
	changed, err = Write(dir, outputsV2())
	if err != nil {
		t.Fatalf("second Write: %v", err)
	}
	if len(changed) != 0 {
		t.Errorf("second Write changed %v, want nothing", changed)
	}
	for name, info := range snap {
		now, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !os.SameFile(info, now) || !now.ModTime().Equal(info.ModTime()) {
			t.Errorf("second Write rewrote up-to-date %s", name)
		}
	}
}

func TestWriteRefuses(t *testing.T) {
	handWritten := []byte("package smserr\n\n// Mine, not generated.\n")
	tests := []struct {
		name    string
		setup   func(t *testing.T, dir string)
		refused []string // file names the error must name
	}{
		{
			name: "hand-written Go file",
			setup: func(t *testing.T, dir string) {
				writeFiles(t, dir, map[string][]byte{"errors.go": handWritten, "ERRORS.md": mdSrc("v1")}, 0o644)
			},
			refused: []string{"errors.go"},
		},
		{
			name: "hand-written docs, Go file missing",
			setup: func(t *testing.T, dir string) {
				writeFiles(t, dir, map[string][]byte{"ERRORS.md": []byte("# My notes\n")}, 0o644)
			},
			refused: []string{"ERRORS.md"},
		},
		{
			name: "header not on the first line",
			setup: func(t *testing.T, dir string) {
				writeFiles(t, dir, map[string][]byte{"errors.go": []byte("// Copyright me.\n" + generator.GoHeader + "\npackage smserr\n")}, 0o644)
			},
			refused: []string{"errors.go"},
		},
		{
			name: "header with trailing text",
			setup: func(t *testing.T, dir string) {
				writeFiles(t, dir, map[string][]byte{"errors.go": []byte(generator.GoHeader + " (edited)\npackage smserr\n")}, 0o644)
			},
			refused: []string{"errors.go"},
		},
		{
			name: "empty file",
			setup: func(t *testing.T, dir string) {
				writeFiles(t, dir, map[string][]byte{"errors.go": nil}, 0o644)
			},
			refused: []string{"errors.go"},
		},
		{
			name: "several hand-written files",
			setup: func(t *testing.T, dir string) {
				writeFiles(t, dir, map[string][]byte{"errors.go": handWritten, "ERRORS.md": []byte("# My notes\n")}, 0o644)
			},
			refused: []string{"errors.go", "ERRORS.md"},
		},
		{
			name: "folder where the file should be",
			setup: func(t *testing.T, dir string) {
				writeFiles(t, filepath.Join(dir, "errors.go"), map[string][]byte{"x.txt": []byte("x\n")}, 0o644)
				writeFiles(t, dir, map[string][]byte{"ERRORS.md": mdSrc("v1")}, 0o644)
			},
			refused: []string{"errors.go"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			tt.setup(t, dir)
			before := snapshot(t, dir)

			changed, err := Write(dir, outputsV2())
			if err == nil {
				t.Fatalf("Write succeeded (changed %v), want a refusal", changed)
			}
			if changed != nil {
				t.Errorf("Write returned changed paths %v with its error", changed)
			}
			for _, name := range tt.refused {
				if !strings.Contains(err.Error(), filepath.Join(dir, name)) {
					t.Errorf("error does not name %s:\n%v", name, err)
				}
			}
			if diff := cmp.Diff(before, snapshot(t, dir)); diff != "" {
				t.Errorf("folder changed by a refused Write, mismatch (-want +got):\n%s", diff)
			}

			// Diff refuses the same way, with the same message.
			_, diffErr := Diff(dir, outputsV2())
			if diffErr == nil || diffErr.Error() != err.Error() {
				t.Errorf("Diff error = %v, want the same as Write's: %v", diffErr, err)
			}
		})
	}
}

func TestWriteOutNotAFolder(t *testing.T) {
	tests := []struct {
		name    string
		out     string // relative to root, which holds a regular file "file"
		wantErr string
	}{
		{"out is a file", "file", "is a file"},
		{"out is under a file", "file/smserr", "file"},
		{"out is deep under a file", "file/a/b", "file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			writeFiles(t, root, map[string][]byte{"file": []byte("not a folder\n")}, 0o644)
			before := snapshot(t, root)
			dir := filepath.Join(root, filepath.FromSlash(tt.out))

			_, err := Write(dir, outputsV2())
			if err == nil {
				t.Fatal("Write succeeded, want an error")
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %q does not contain %q", err, tt.wantErr)
			}
			if diff := cmp.Diff(before, snapshot(t, root)); diff != "" {
				t.Errorf("folder changed, mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWriteKeepsPermissions(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"errors.go": goSrc("v1")}, 0o600)
	writeFiles(t, dir, map[string][]byte{"ERRORS.md": mdSrc("v1")}, 0o444)
	if _, err := Write(dir, outputsV2()); err != nil {
		t.Fatalf("Write: %v", err)
	}
	want := map[string]fs.FileMode{"errors.go": 0o600, "ERRORS.md": 0o444}
	got := map[string]fs.FileMode{}
	for name := range want {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		got[name] = info.Mode()
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("modes mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(asStrings(outputsV2()), readTree(t, dir)); diff != "" {
		t.Errorf("folder contents mismatch (-want +got):\n%s", diff)
	}
}

func TestWriteLeavesOtherFilesAlone(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{
		"doc.go":         []byte("// Package smserr is mine.\npackage smserr\n\n//go:generate go tool errspec generate -out .\n"),
		"errors_test.go": []byte("package smserr_test\n"),
		"notes.tmp":      []byte("not one of errspec's temporary files\n"),
	}, 0o644)
	writeFiles(t, dir, map[string][]byte{"other.go": []byte(generator.GoHeader + "\npackage smserr\n// from another run, not in this output\n")}, 0o600)
	writeFiles(t, filepath.Join(dir, "testdata"), map[string][]byte{"case.txt": []byte("data\n")}, 0o644)
	writeFiles(t, dir, map[string][]byte{"errors.go": goSrc("v1")}, 0o644)
	before := snapshot(t, dir)

	changed, err := Write(dir, outputsV2())
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	// other.go was generated by errspec but is no longer in the output (as
	// after a change of -file): it goes, and Write says so.
	if !slices.Contains(changed, filepath.Join(dir, "other.go")) {
		t.Errorf("Write returned %q; want it to list the removed other.go", changed)
	}
	delete(before, "other.go")
	after := snapshot(t, dir)
	for name := range outputsV2() {
		delete(before, name)
		delete(after, name)
	}
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("files Write does not own changed, mismatch (-want +got):\n%s", diff)
	}
}

func TestWriteRemovesStaleGeneratedFiles(t *testing.T) {
	dir := t.TempDir()
	old := map[string][]byte{"old_errors.go": goSrc("v1"), "OLD.md": []byte(generator.MarkdownHeader + "\nold docs\n")}
	writeFiles(t, dir, old, 0o644)
	diff, err := Diff(dir, outputsV2())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"--- " + path.Join("a", filepath.ToSlash(filepath.Join(dir, "old_errors.go"))) + "\n+++ /dev/null\n", "-old docs\n"} {
		if !strings.Contains(string(diff), want) {
			t.Errorf("Diff does not show the removal (%q):\n%s", want, diff)
		}
	}
	if _, err := Write(dir, outputsV2()); err != nil {
		t.Fatal(err)
	}
	for name := range old {
		if _, err := os.Stat(filepath.Join(dir, name)); !os.IsNotExist(err) {
			t.Errorf("stale generated %s is still there after Write", name)
		}
	}

	// When the write fails part-way, the removed files come back.
	dir = t.TempDir()
	writeFiles(t, dir, old, 0o644)
	before := snapshot(t, dir)
	ffs := &faultFS{faults: []fault{{op: "Remove", at: 1, err: errors.New("injected")}}}
	if _, err := (writer{ffs}).write(dir, outputsV2()); err == nil {
		t.Fatal("write with a failing Remove succeeded")
	}
	if diff := cmp.Diff(before, snapshot(t, dir)); diff != "" {
		t.Errorf("folder after a failed write mismatch (-want +got):\n%s", diff)
	}
}

func TestWriteRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{
		"errors.go":          goSrc("v1"),
		".errspec-1234.tmp":  goSrc("half written by a killed run"),
		".errspec-99999.tmp": nil,
		"notes.tmp":          []byte("mine\n"),
		".gitignore":         []byte("*.tmp\n"),
	}, 0o600)

	if _, err := Write(dir, outputsV2()); err != nil {
		t.Fatalf("Write: %v", err)
	}
	noTemps(t, dir)
	want := asStrings(outputsV2())
	want["notes.tmp"] = "mine\n"
	want[".gitignore"] = "*.tmp\n"
	if diff := cmp.Diff(want, readTree(t, dir)); diff != "" {
		t.Errorf("folder contents mismatch (-want +got):\n%s", diff)
	}
}

// TestWriteRemovesStaleTempsWhenUpToDate: the next run removes what a
// killed run left, even when it has nothing else to do (say the killed
// run's output was reverted before the next run).
func TestWriteRemovesStaleTempsWhenUpToDate(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, outputsV2(), 0o644)
	writeFiles(t, dir, map[string][]byte{".errspec-1234.tmp": goSrc("half written by a killed run")}, 0o600)

	if _, err := Write(dir, outputsV2()); err != nil {
		t.Fatalf("Write: %v", err)
	}
	noTemps(t, dir)
}

// TestWriteReadOnlyFolder writes into a folder of mode 0555. Root writes
// there regardless of the mode, so as root (as CI may run) the file system
// refuses the temporary file with the error a read-only folder gives.
func TestWriteReadOnlyFolder(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"errors.go": goSrc("v1")}, 0o644)
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	before := snapshot(t, dir)

	w := writer{osFS{}}
	if os.Geteuid() == 0 {
		w = writer{&faultFS{faults: []fault{{op: "WriteTemp", at: 1, err: fs.ErrPermission}}}}
	}
	_, err := w.write(dir, outputsV2())
	if !errors.Is(err, fs.ErrPermission) {
		t.Errorf("Write error = %v, want a permission error", err)
	}
	if diff := cmp.Diff(before, snapshot(t, dir)); diff != "" {
		t.Errorf("read-only folder changed, mismatch (-want +got):\n%s", diff)
	}
}

// faultFS is the real file system, except for its faults: the at-th call
// of a fault's operation fails with its err, after running partial (if
// set) to leave behind what a half-done operation would.
type faultFS struct {
	osFS
	faults []fault
	calls  map[string]int
}

type fault struct {
	op      string // a fileSystem method name
	at      int    // which call fails, from 1
	err     error
	partial func()
}

func (f *faultFS) fault(op string) error {
	if f.calls == nil {
		f.calls = map[string]int{}
	}
	f.calls[op]++
	for _, ft := range f.faults {
		if ft.op == op && ft.at == f.calls[op] {
			if ft.partial != nil {
				ft.partial()
			}
			return ft.err
		}
	}
	return nil
}

func (f *faultFS) Stat(name string) (fs.FileInfo, error) {
	if err := f.fault("Stat"); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	return f.osFS.Stat(name)
}

func (f *faultFS) ReadFile(name string) ([]byte, error) {
	if err := f.fault("ReadFile"); err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return f.osFS.ReadFile(name)
}

func (f *faultFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if err := f.fault("ReadDir"); err != nil {
		return nil, &fs.PathError{Op: "readdirent", Path: name, Err: err}
	}
	return f.osFS.ReadDir(name)
}

func (f *faultFS) MkdirAll(path string, perm fs.FileMode) error {
	if err := f.fault("MkdirAll"); err != nil {
		return &fs.PathError{Op: "mkdir", Path: path, Err: err}
	}
	return f.osFS.MkdirAll(path, perm)
}

func (f *faultFS) WriteTemp(dir, pattern string, data []byte, perm fs.FileMode) (string, error) {
	if err := f.fault("WriteTemp"); err != nil {
		return "", &fs.PathError{Op: "write", Path: filepath.Join(dir, pattern), Err: err}
	}
	return f.osFS.WriteTemp(dir, pattern, data, perm)
}

func (f *faultFS) Rename(oldpath, newpath string) error {
	if err := f.fault("Rename"); err != nil {
		return &os.LinkError{Op: "rename", Old: oldpath, New: newpath, Err: err}
	}
	return f.osFS.Rename(oldpath, newpath)
}

func (f *faultFS) Remove(name string) error {
	if err := f.fault("Remove"); err != nil {
		return &fs.PathError{Op: "remove", Path: name, Err: err}
	}
	return f.osFS.Remove(name)
}

// faultOutputs has three files, so a fault can strike part-way: ERRORS.md
// and errors.go replace old generated files, extra.go is new.
func faultOutputs() map[string][]byte {
	files := outputsV2()
	files["extra.go"] = goSrc("new file")
	return files
}

func TestWriteFaults(t *testing.T) {
	// existing is an output folder holding an older generation and a
	// hand-written doc.go.
	existing := func(t *testing.T, root string) string {
		dir := filepath.Join(root, "smserr")
		writeFiles(t, dir, map[string][]byte{"errors.go": goSrc("v1"), "doc.go": []byte("package smserr\n")}, 0o644)
		writeFiles(t, dir, map[string][]byte{"ERRORS.md": mdSrc("v1")}, 0o600)
		return dir
	}
	// missing is an output folder that does not exist yet, nor do its
	// parents up to root.
	missing := func(t *testing.T, root string) string {
		return filepath.Join(root, "a", "b", "smserr")
	}
	tests := []struct {
		name    string
		dir     func(t *testing.T, root string) string
		fault   fault
		wantErr string // a file name the error must mention
		// partway, if set, is what the failing operation did before it
		// failed, under root.
		partway func(root string) error
	}{
		{"disk full on the first temp file", existing, fault{op: "WriteTemp", at: 1, err: syscall.ENOSPC}, "ERRORS.md", nil},
		{"disk full on the second temp file", existing, fault{op: "WriteTemp", at: 2, err: syscall.ENOSPC}, "errors.go", nil},
		{"disk full on the last temp file", existing, fault{op: "WriteTemp", at: 3, err: syscall.ENOSPC}, "extra.go", nil},
		{"first rename fails", existing, fault{op: "Rename", at: 1, err: syscall.EIO}, "ERRORS.md", nil},
		{"rename fails after one file replaced", existing, fault{op: "Rename", at: 2, err: syscall.EIO}, "errors.go", nil},
		{"rename of the new file fails after two replaced", existing, fault{op: "Rename", at: 3, err: syscall.EXDEV}, "extra.go", nil},
		{"reading an old file fails", existing, fault{op: "ReadFile", at: 2, err: syscall.EIO}, "errors.go", nil},
		{"new folder: disk full on the second temp file", missing, fault{op: "WriteTemp", at: 2, err: syscall.ENOSPC}, "errors.go", nil},
		{"new folder: rename fails after two files", missing, fault{op: "Rename", at: 3, err: syscall.EIO}, "extra.go", nil},
		{"new folder: MkdirAll fails", missing, fault{op: "MkdirAll", at: 1, err: syscall.EACCES}, "", nil},
		{"new folder: MkdirAll fails part-way", missing, fault{op: "MkdirAll", at: 1, err: syscall.ENOSPC}, "",
			func(root string) error { return os.MkdirAll(filepath.Join(root, "a", "b"), 0o755) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			dir := tt.dir(t, root)
			before := snapshot(t, root)
			ft := tt.fault
			if tt.partway != nil {
				ft.partial = func() {
					if err := tt.partway(root); err != nil {
						t.Fatal(err)
					}
				}
			}
			fsys := &faultFS{faults: []fault{ft}}

			changed, err := writer{fsys}.write(dir, faultOutputs())
			if fsys.calls[ft.op] < ft.at {
				t.Fatalf("%s was called %d times, so it never failed; the case does not test what it says", ft.op, fsys.calls[ft.op])
			}
			if !errors.Is(err, ft.err) {
				t.Fatalf("write error = %v, want one wrapping %v", err, ft.err)
			}
			if changed != nil {
				t.Errorf("write returned changed paths %v with its error", changed)
			}
			if tt.wantErr != "" && !strings.Contains(err.Error(), filepath.Join(dir, tt.wantErr)) {
				t.Errorf("error does not name %s:\n%v", tt.wantErr, err)
			}
			if diff := cmp.Diff(before, snapshot(t, root)); diff != "" {
				t.Errorf("folder not left as it was, mismatch (-want +got):\n%s", diff)
			}
			noTemps(t, root)

			// The same write without the fault then succeeds.
			if _, err := Write(dir, faultOutputs()); err != nil {
				t.Fatalf("Write after the fault: %v", err)
			}
			got := readTree(t, dir)
			delete(got, "doc.go")
			if diff := cmp.Diff(asStrings(faultOutputs()), got); diff != "" {
				t.Errorf("folder after a clean Write mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestWriteUndoFails checks that when putting an old file back fails too,
// the error says which file could not be restored.
func TestWriteUndoFails(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"errors.go": goSrc("v1"), "ERRORS.md": mdSrc("v1")}, 0o644)
	// Rename 1 puts ERRORS.md in place, rename 2 (errors.go) fails; undo
	// then writes ERRORS.md's old content to temp file 3, which fails.
	fsys := &faultFS{faults: []fault{
		{op: "Rename", at: 2, err: syscall.EIO},
		{op: "WriteTemp", at: 3, err: syscall.ENOSPC},
	}}

	_, err := writer{fsys}.write(dir, outputsV2())
	if !errors.Is(err, syscall.EIO) || !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("write error = %v, want both the rename and the restore failure", err)
	}
	if want := "could not restore " + filepath.Join(dir, "ERRORS.md"); !strings.Contains(err.Error(), want) {
		t.Errorf("error does not say %q:\n%v", want, err)
	}
	noTemps(t, dir)
}

func TestWriteRefusesAnotherPackagesFolder(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{
		"main.go":      []byte("package main\n\nfunc main() {}\n"),
		"util.go":      []byte("package main\n"),
		"main_test.go": []byte("package main_test\n"),
	}, 0o644)
	before := snapshot(t, dir)
	files := map[string][]byte{"errors.go": []byte(generator.GoHeader + "\n\npackage smserr\n")}
	_, err := Write(dir, files)
	if err == nil || !strings.Contains(err.Error(), "holds Go files of package main (main.go, util.go)") || !strings.Contains(err.Error(), "package smserr") {
		t.Errorf("Write into another package's folder: %v; want a refusal naming the files", err)
	}
	if diff := cmp.Diff(before, snapshot(t, dir)); diff != "" {
		t.Errorf("folder changed (-want +got):\n%s", diff)
	}
	// The package's own hand-written files are fine.
	dir = t.TempDir()
	writeFiles(t, dir, map[string][]byte{"doc.go": []byte("package smserr\n")}, 0o644)
	if _, err := Write(dir, files); err != nil {
		t.Errorf("Write beside the package's own doc.go: %v", err)
	}
	if _, err := Write("/", files); err == nil || !strings.Contains(err.Error(), "root of the file system") {
		t.Errorf("Write into /: %v; want a refusal", err)
	}
}

// TestWriteBesideUnbuiltFiles checks what counts as another package in the
// folder: go/build decides, from a file's //go:build line and its name, so
// a file go build leaves out on this machine does not count, and one it
// builds does.
func TestWriteBesideUnbuiltFiles(t *testing.T) {
	other := "windows"
	if runtime.GOOS == other {
		other = "linux"
	}
	for _, c := range []struct {
		name, src string
		refused   bool
	}{
		{"gen.go", "//go:build ignore\n\npackage main\n", false},
		{"tool_" + other + ".go", "package main\n", false},
		{"tool.go", "//go:build " + other + "\n\npackage main\n", false},
		{"tool.go", "//go:build " + runtime.GOOS + "\n\npackage main\n", true},
		{"tool_" + runtime.GOOS + ".go", "package main\n", true},
	} {
		dir := t.TempDir()
		writeFiles(t, dir, map[string][]byte{c.name: []byte(c.src)}, 0o644)
		_, err := Write(dir, outputsV2())
		if refused := err != nil && strings.Contains(err.Error(), "holds Go files of package main"); refused != c.refused || err != nil && !refused {
			t.Errorf("Write beside %s (%q): %v; want refused %v", c.name, c.src, err, c.refused)
		}
	}
}

// TestWriteRenamedPackage: Write lets errspec's own files change package
// (the name lock, generator.Breaking, is what stops a rename).
func TestWriteRenamedPackage(t *testing.T) {
	dir := t.TempDir()
	writeV2(t, dir)
	renamed := map[string][]byte{"errors.go": []byte(generator.GoHeader + "\n\npackage renamed\n")}
	if _, err := Write(dir, renamed); err != nil {
		t.Errorf("Write of the renamed package: %v", err)
	}
}

func TestReadGenerated(t *testing.T) {
	dir := t.TempDir()
	if files, err := ReadGenerated(filepath.Join(dir, "missing")); err != nil || files != nil {
		t.Errorf("ReadGenerated of a missing folder = %v, %v; want nothing", files, err)
	}
	writeV2(t, dir)
	// Hand-written files declare what they like; the name lock is about
	// what errspec generated.
	writeFiles(t, dir, map[string][]byte{
		"doc.go":            []byte("package smserr\n\nfunc Helper() {}\n"),
		"broken_test.go":    []byte("this is not Go"),
		".errspec-1234.tmp": goSrc("half written by a killed run"),
	}, 0o644)
	files, err := ReadGenerated(dir)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(asStrings(outputsV2()), asStrings(files)); diff != "" {
		t.Errorf("ReadGenerated mismatch (-want +got):\n%s", diff)
	}
	if files, err := ReadGenerated(filepath.Join(dir, "errors.go")); err != nil || files != nil {
		t.Errorf("ReadGenerated of a file, not a folder = %v, %v; want nothing (Write reports it)", files, err)
	}
}
