package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Breaking returns the exported identifiers of the package errspec
// generated in dir that files would remove or give another meaning: the
// changes that would break code using the package. It reads only the Go
// files in dir that carry errspec's header; a dir that does not exist
// breaks nothing.
func Breaking(dir string, files map[string][]byte) ([]APIChange, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	old := map[string][]byte{}
	same := true // every old generated file is among files, unchanged
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || !e.Type().IsRegular() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		if generated(data) {
			old[e.Name()] = data
			same = same && bytes.Equal(data, files[e.Name()])
		}
	}
	if same {
		return nil, nil // the same bytes declare the same identifiers
	}
	before, err := api(old)
	if err != nil {
		return nil, fmt.Errorf("reading the generated package in %s: %w", dir, err)
	}
	after, err := api(files)
	if err != nil {
		return nil, err
	}
	return breakingChanges(before, after), nil
}
