package main

import (
	"fmt"
	"os"
	"path/filepath"

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

// Sizes of the synthetic tables the lookup benchmarks import; the shipped
// table (gen/smserr) is the small one.
var lookupSizes = []int{1000, 10_000}

// writePackages writes into dir what the benchmarks tagged errspecbench
// import and build:
//
//   - synthN: the package errspec generates for bench.SpecYAML(N), for each of
//     lookupSizes;
//   - floorN: Floor's package for the largest size, with its map literal;
//   - cmd/mainN, cmd/floor and cmd/none: programs that use synthN, floorN
//     and no table, as a client would, to measure start-up and binary size.
func writePackages(dir string) error {
	write := func(path string, data []byte) error {
		path = filepath.Join(dir, path)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		return os.WriteFile(path, data, 0o644)
	}
	var largest *spec.Spec
	for _, n := range lookupSizes {
		s, err := spec.Parse(fmt.Sprintf("synth%d.yaml", n), bench.SpecYAML(n))
		if err != nil {
			return err
		}
		largest = s
		files, err := generator.Generate(s, generator.Options{NoDocs: true})
		if err != nil {
			return err
		}
		if err := write(filepath.Join(s.Package, generator.DefaultGoFile), files[generator.DefaultGoFile]); err != nil {
			return err
		}
		if err := write(filepath.Join("cmd", fmt.Sprintf("main%d", n), "main.go"), fmt.Appendf(nil, clientMain, packagesPath+"/"+s.Package, s.Package)); err != nil {
			return err
		}
	}
	floor := *largest
	floor.Package = fmt.Sprintf("floor%d", len(floor.Codes))
	src, err := bench.Floor(&floor)
	if err != nil {
		return err
	}
	if err := write(filepath.Join(floor.Package, "floor.go"), src); err != nil {
		return err
	}
	if err := write(filepath.Join("cmd", "floor", "main.go"), fmt.Appendf(nil, floorMain, packagesPath+"/"+floor.Package, floor.Package)); err != nil {
		return err
	}
	return write(filepath.Join("cmd", "none", "main.go"), []byte(noneMain))
}

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

// floorMain uses Floor's package.
const floorMain = `// Command floor uses the floor's package.
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
