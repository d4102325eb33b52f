package main

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/template"

	"github.com/errspec/errspec/generator"
	"github.com/errspec/errspec/generator/bench"
	"github.com/errspec/errspec/spec"
)

// packagesDir is where writePackages writes, relative to the module's
// root: a testdata folder, so that go build ./... and go vet ./... leave
// what it holds alone. The benchmarks built with -tags errspecbench import
// from it.
const packagesDir = "generator/bench/testdata/gen"

// packagesPath is the import path of packagesDir.
const packagesPath = "github.com/errspec/errspec/" + packagesDir

// lookupSizes are the sizes of the synthetic tables, of each shape, whose
// lookups are measured.
var lookupSizes = []int{28, 1000, 10_000, 100_000}

// vendorTables are the real tables whose lookups are measured, besides the
// shipped gen/smserr: the vendor tables the tests read.
var vendorTables = []string{"alibaba-sms-zh", "tencent-sms", "tencent-cvm"}

// vendorDir holds vendorTables, as TSV.
const vendorDir = "spec/testdata/vendor"

// A lookupTable is a generated package whose Lookup is measured.
type lookupTable struct {
	Name  string      // the benchmark's name: shape=dotted/codes=28, table=tencent-cvm
	Pkg   string      // the package's name
	Path  string      // its import path
	Shape bench.Shape // the shape of the codes it misses
}

// lookupTables lists the tables, and the specs of those writePackages
// generates (nil for the shipped package, which is committed).
func lookupTables(quick bool) ([]lookupTable, []*spec.Spec, error) {
	var tables []lookupTable
	var specs []*spec.Spec
	for _, shape := range bench.Shapes {
		for _, n := range lookupSizes {
			if quick && n > 10_000 {
				continue
			}
			s, err := spec.Parse(fmt.Sprintf("%s%d.yaml", shape, n), bench.ShapeSpecYAML(shape, n))
			if err != nil {
				return nil, nil, err
			}
			tables = append(tables, lookupTable{fmt.Sprintf("shape=%s/codes=%d", shape, n), s.Package, packagesPath + "/" + s.Package, shape})
			specs = append(specs, s)
		}
	}
	tables = append(tables, lookupTable{"table=alibaba-sms", "smserr", "github.com/errspec/errspec/gen/smserr", bench.Dotted})
	specs = append(specs, nil)
	for _, name := range vendorTables {
		pkg := strings.ReplaceAll(name, "-", "")
		data, err := bench.VendorSpecYAML(pkg, filepath.Join(vendorDir, name+".tsv"))
		if err != nil {
			return nil, nil, err
		}
		s, err := spec.Parse(name+".yaml", data)
		if err != nil {
			return nil, nil, err
		}
		tables = append(tables, lookupTable{"table=" + name, pkg, packagesPath + "/" + pkg, bench.Dotted})
		specs = append(specs, s)
	}
	return tables, specs, nil
}

// writePackages writes into dir what the benchmarks tagged errspecbench
// import and build:
//
//   - a package per lookup table (see lookupTables), and lookups, which
//     gives the lookup benchmarks each one's Lookup and a map of its rows;
//   - synth1000 and synth10000: the packages errspec generates for
//     bench.SpecYAML(1000) and (10000), and maplit10000, bench.MapLiteral of
//     the latter, for the build, start-up and size benchmarks;
//   - cmd/main1000, cmd/main10000, cmd/maplit and cmd/none: programs that
//     use synth1000, synth10000, maplit10000 and no table, as a client
//     would, to measure start-up and binary size.
func writePackages(dir string, quick bool) error {
	write := func(path string, data []byte) error {
		path = filepath.Join(dir, path)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		return os.WriteFile(path, data, 0o644)
	}
	generate := func(s *spec.Spec) error {
		files, err := generator.Generate(s, generator.Options{NoDocs: true})
		if err != nil {
			return err
		}
		return write(filepath.Join(s.Package, generator.DefaultGoFile), files[generator.DefaultGoFile])
	}
	// Packages of an earlier run that this one does not write would still
	// be built by go test ./generator/bench/... and vet: start afresh.
	if err := os.RemoveAll(dir); err != nil {
		return err
	}

	tables, specs, err := lookupTables(quick)
	if err != nil {
		return err
	}
	for _, s := range specs {
		if s != nil {
			if err := generate(s); err != nil {
				return err
			}
		}
	}
	var src bytes.Buffer
	if err := lookupsTemplate.Execute(&src, tables); err != nil {
		return err
	}
	lookups, err := format.Source(src.Bytes())
	if err != nil {
		return fmt.Errorf("lookups.go: %w\n%s", err, src.Bytes())
	}
	if err := write(filepath.Join("lookups", "lookups.go"), lookups); err != nil {
		return err
	}

	var largest *spec.Spec
	for _, n := range []int{1000, 10_000} {
		s, err := spec.Parse(fmt.Sprintf("synth%d.yaml", n), bench.SpecYAML(n))
		if err != nil {
			return err
		}
		largest = s
		if err := generate(s); err != nil {
			return err
		}
		if err := write(filepath.Join("cmd", fmt.Sprintf("main%d", n), "main.go"), fmt.Appendf(nil, clientMain, packagesPath+"/"+s.Package, s.Package)); err != nil {
			return err
		}
	}
	maplit := *largest
	maplit.Package = fmt.Sprintf("maplit%d", len(maplit.Codes))
	src2, err := bench.MapLiteral(&maplit)
	if err != nil {
		return err
	}
	if err := write(filepath.Join(maplit.Package, "maplit.go"), src2); err != nil {
		return err
	}
	if err := write(filepath.Join("cmd", "maplit", "main.go"), fmt.Appendf(nil, maplitMain, packagesPath+"/"+maplit.Package, maplit.Package)); err != nil {
		return err
	}
	return write(filepath.Join("cmd", "none", "main.go"), []byte(noneMain))
}

// lookupsTemplate writes package lookups. Its loops are written out for
// each package rather than shared through a generic helper on purpose: a
// lookup passed as a func value is not inlined, which would measure a call
// that callers of Lookup do not pay. Both sides keep every Info they get in
// a package variable, so that both materialize the whole row, as a caller
// that keeps it would.
var lookupsTemplate = template.Must(template.New("lookups").Funcs(template.FuncMap{
	"sink": func(pkg string) string { return "sink" + strings.ToUpper(pkg[:1]) + pkg[1:] },
	"sortedPaths": func(ts []lookupTable) []string {
		var paths []string
		for _, t := range ts {
			paths = append(paths, t.Path)
		}
		slices.Sort(paths)
		return paths
	},
}).Parse(`// Code generated by go run ./generator/bench/cmd/report. DO NOT EDIT.

// Package lookups gives the lookup benchmarks each table's Lookup and a
// map[string]Info built from its All, over the same keys.
package lookups

import (
{{range sortedPaths .}}	{{printf "%q" .}}
{{end}})

// A Table is a generated package whose Lookup is measured.
type Table struct {
	// Name names the benchmark: shape=dotted/codes=28, table=tencent-cvm.
	Name string
	// Shape is the shape of the unknown codes to look up in it.
	Shape string
	// Load builds the map, and returns the table's codes (from All) and
	// two loops over keys: one looking each up in the map, one with
	// Lookup.
	Load func() (codes []string, inMap, withLookup func(keys []string))
}

// Tables are the tables measured.
var Tables = []Table{
{{range .}}	{ {{printf "%q" .Name}}, {{printf "%q" .Shape}}, func() ([]string, func([]string), func([]string)) {
		m := map[string]{{.Pkg}}.Info{}
		var codes []string
		for info := range {{.Pkg}}.All() {
			m[string(info.Code)] = info
			codes = append(codes, string(info.Code))
		}
		return codes, func(keys []string) {
			for _, k := range keys {
				{{sink .Pkg}}, sinkOK = m[k]
			}
		}, func(keys []string) {
			for _, k := range keys {
				{{sink .Pkg}}, sinkOK = {{.Pkg}}.Lookup(k)
			}
		}
	}},
{{end}}}

// The sinks the loops write to.
var (
	sinkOK bool
{{range .}}	{{sink .Pkg}} {{.Pkg}}.Info
{{end}})
`))

// clientMain uses a generated package as a client would: it looks a code
// up, and makes an error of it.
const clientMain = `// Command main uses a generated package as a client would.
package main

import (
	"fmt"
	"os"

	%q
)

func main() {
	code := "OK"
	if len(os.Args) > 1 {
		code = os.Args[1]
	}
	info, ok := %[2]s.Lookup(code)
	err := %[2]s.FromResponse(code, "", "")
	fmt.Println(info.Message, ok, err, %[2]s.IsRetryable(err))
}
`

// maplitMain uses MapLiteral's package.
const maplitMain = `// Command maplit uses a map literal's package.
package main

import (
	"fmt"
	"os"

	%q
)

func main() {
	code := "OK"
	if len(os.Args) > 1 {
		code = os.Args[1]
	}
	info, ok := %[2]s.Lookup(code)
	fmt.Println(info.Message, ok)
}
`

// noneMain does what clientMain does, without a table.
const noneMain = `// Command none does what the other commands do, without a table.
package main

import (
	"errors"
	"fmt"
	"os"
)

func main() {
	code := "OK"
	if len(os.Args) > 1 {
		code = os.Args[1]
	}
	err := errors.New(code)
	fmt.Println(code, len(code) > 0, err, errors.Is(err, os.ErrNotExist))
}
`
