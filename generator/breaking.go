package generator

import (
	"bytes"
	"fmt"
	"go/parser"
	"go/token"
	"maps"
	"slices"
	"strings"
)

// Breaking returns the exported identifiers of the package errspec
// generated before, old, that files would remove or give another meaning,
// and a change of the package's name: the changes that would break code
// using the package. Both map file names to contents, as Generate returns
// them; only their Go files count. old should hold only files errspec
// generated (output.ReadGenerated reads them from a folder): hand-written
// files declare what they like.
func Breaking(old, files map[string][]byte) ([]APIChange, error) {
	same := true // every old Go file is among files, unchanged
	for name, data := range old {
		if strings.HasSuffix(name, ".go") && !bytes.Equal(data, files[name]) {
			same = false
		}
	}
	if same {
		return nil, nil // the same bytes declare the same identifiers
	}
	before, err := api(old)
	if err != nil {
		return nil, fmt.Errorf("cannot read the package errspec generated, to check that its exported names stay: %w; restore the file from version control, or remove it, or pass -allow-breaking", err)
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

// packageName returns the package a Go file declares, or "" if it is not
// Go.
func packageName(src []byte) string {
	f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.PackageClauseOnly)
	if err != nil {
		return ""
	}
	return f.Name.Name
}
