package output

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile replaces the file at path with data, or creates it, through a
// temporary file in the same folder renamed into place: a failure leaves
// the old file as it was. It keeps the old file's permissions, and writes
// through a symbolic link to the file it names, so that the link stays a
// link. Unlike Write, it does not look for errspec's header: it is for
// files a person owns, such as a spec that errspec import -merge updates.
func WriteFile(path string, data []byte) error {
	path = followLinks(path)
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

// CreateFile writes data to a new file at path, refusing one that exists
// (an error satisfying errors.Is(err, fs.ErrExist)): it is for files
// errspec starts for a person, such as errspec init's spec. A failed write
// removes what it created.
func CreateFile(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}

// followLinks returns the file that path names once symbolic links are
// followed (a link to a link, a link to a file not yet there), or path if
// it is no link.
func followLinks(path string) string {
	for range 255 { // the most links Linux follows
		info, err := os.Lstat(path)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return path
		}
		link, err := os.Readlink(path)
		if err != nil {
			return path
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(path), link)
		}
		path = link
	}
	return path
}

// ReadGenerated returns the files in dir that errspec generated, those
// that start with its header, by name: the package generator.Breaking
// compares a new generation with. A dir that does not exist, or is not a
// folder, holds none.
func ReadGenerated(dir string) (map[string][]byte, error) {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil, nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for _, e := range entries {
		if !e.Type().IsRegular() || isTemp(e.Name()) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		if generated(data) {
			files[e.Name()] = data
		}
	}
	return files, nil
}
