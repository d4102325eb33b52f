package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestCreateFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "errors.yaml")
	if err := CreateFile(path, []byte("first\n")); err != nil {
		t.Fatal(err)
	}
	if err := CreateFile(path, []byte("second\n")); !errors.Is(err, fs.ErrExist) {
		t.Errorf("CreateFile over an existing file: %v; want a refusal", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "first\n" {
		t.Errorf("the file holds %q; CreateFile must not overwrite it", got)
	}
}

// TestWriteFileFollowsLinks checks that WriteFile replaces the file a
// chain of symbolic links names, relative or absolute, or creates the one
// a dangling link names, and leaves every link a link.
func TestWriteFileFollowsLinks(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "specs"), 0o755)
	target := filepath.Join(dir, "specs", "errors.yaml")
	os.WriteFile(target, []byte("old\n"), 0o600)
	os.Symlink(filepath.Join("specs", "errors.yaml"), filepath.Join(dir, "inner.yaml")) // relative
	os.Symlink(filepath.Join(dir, "inner.yaml"), filepath.Join(dir, "outer.yaml"))      // absolute
	os.Symlink(filepath.Join("specs", "new.yaml"), filepath.Join(dir, "dangling.yaml"))

	if err := WriteFile(filepath.Join(dir, "outer.yaml"), []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(filepath.Join(dir, "dangling.yaml"), []byte("created\n")); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"specs/errors.yaml": "new\n", "specs/new.yaml": "created\n"} {
		if got, err := os.ReadFile(filepath.Join(dir, name)); err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
	for _, link := range []string{"inner.yaml", "outer.yaml", "dangling.yaml"} {
		if info, err := os.Lstat(filepath.Join(dir, link)); err != nil || info.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s is no longer a symbolic link (%v)", link, err)
		}
	}
	if info, _ := os.Stat(target); info.Mode().Perm() != 0o600 {
		t.Errorf("the target's mode is %v; want it kept, 0600", info.Mode().Perm())
	}
	noTemps(t, dir)
}
