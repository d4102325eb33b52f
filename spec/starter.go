package spec

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"

	"gopkg.in/yaml.v3"
)

//go:embed starter.yaml
var starterSpec []byte

// starterPackage is the package name starter.yaml is written with; Starter
// replaces it.
const starterPackage = "vendorerr"

// Starter returns a spec to start from, for a generated package named pkg:
// every key of the format, each commented with what it means and its
// default, and example categories and codes (a success code, a retryable
// throttling error, a server fault, a deprecated code, a code with a Go
// name set) to replace with the vendor's. Its first line points editors at
// the spec's JSON Schema. It loads and generates as it is.
//
// Starter refuses a pkg that is not a valid package name, with the message
// Load would give for it.
func Starter(pkg string) ([]byte, error) {
	if err := CheckPackage(pkg); err != nil {
		return nil, err
	}
	// A Go identifier can still be a YAML keyword (true, null); Marshal
	// quotes it when it must.
	value, err := yaml.Marshal(pkg)
	if err != nil {
		return nil, err
	}
	value = bytes.TrimSuffix(value, []byte("\n"))
	old := []byte("\npackage: " + starterPackage + "\n")
	if bytes.Count(starterSpec, old) != 1 {
		return nil, errors.New("starter.yaml: want one package: " + starterPackage + " line")
	}
	out := bytes.Replace(starterSpec, old, append(append([]byte("\npackage: "), value...), '\n'), 1)
	s, err := Parse("starter.yaml", out)
	if err != nil {
		return nil, fmt.Errorf("the starter spec for package %s does not load: %w", pkg, err)
	}
	if s.Package != pkg {
		return nil, fmt.Errorf("the starter spec for package %s loads as package %s", pkg, s.Package)
	}
	return out, nil
}

// CheckPackage reports what is wrong with name as a spec's package:, or
// nil, with the message Load would give for it.
func CheckPackage(name string) error {
	d := &decoder{}
	d.checkPackage(&yaml.Node{}, name)
	if len(d.errs) > 0 {
		return errors.New(d.errs[0].Msg)
	}
	return nil
}
