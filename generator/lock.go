package generator

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Breaking returns the exported identifiers of the package errspec
// generated in dir that files would remove or give another meaning, and a
// change of the package's name: the changes that would break code using
// the package. It reads only the Go files in dir that carry errspec's
// header; a dir that does not exist (or is not a folder, which Write
// reports) breaks nothing.
func Breaking(dir string, files map[string][]byte) ([]APIChange, error) {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil, nil
	}
	entries, err := os.ReadDir(dir)
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
		return nil, fmt.Errorf("cannot read the package errspec generated in %s, to check that its exported names stay: %w; restore the file from version control, or remove it, or pass -allow-breaking", dir, err)
	}
	after, err := api(files)
	if err != nil {
		return nil, err
	}
	var changes []APIChange
	if was, is := goPackage(old), goPackage(files); was != "" && is != "" && was != is {
		changes = append(changes, APIChange{Ident: "package", Kind: "package", Old: was, New: is})
	}
	return append(changes, breakingChanges(before, after)...), nil
}

// goPackage returns the package the Go files declare.
func goPackage(files map[string][]byte) string {
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if strings.HasSuffix(name, ".go") {
			if pkg := packageName(files[name]); pkg != "" {
				return pkg
			}
		}
	}
	return ""
}
