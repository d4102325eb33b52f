package generator

import (
	"bytes"
	"fmt"
	"go/format"
	"runtime"
	"testing"

	"github.com/errspec/errspec/generator/bench"
	"github.com/errspec/errspec/spec"
)

// TestChunksFormatLikeWhole checks that the Go file, rendered and formatted
// a section and a chunk at a time, is what gofmt makes of the whole file:
// for the shipped spec and for synthetic tables whose blocks span several
// chunks (chunkSize entries each).
func TestChunksFormatLikeWhole(t *testing.T) {
	specs := map[string][]byte{"shipped": spec.DefaultYAML(), "synth1": bench.SpecYAML(1)}
	for _, n := range []int{chunkSize - 1, chunkSize, chunkSize + 1, 3*chunkSize + 17} {
		specs[fmt.Sprint("synth", n)] = bench.SpecYAML(n)
	}
	for name, data := range specs {
		t.Run(name, func(t *testing.T) {
			files, err := Generate(mustParse(t, name+".yaml", data), Options{NoDocs: true})
			if err != nil {
				t.Fatal(err)
			}
			src := files[DefaultGoFile]
			whole, err := format.Source(src)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(whole, src) {
				t.Errorf("gofmt changes the generated file (%d bytes, %d formatted)", len(src), len(whole))
			}
		})
	}
}

// TestRenderGoProcs renders the same table with 1, 2 and 7 processors: the
// pieces are rendered in parallel, but the file is the same bytes.
func TestRenderGoProcs(t *testing.T) {
	s := mustParse(t, "synth.yaml", bench.SpecYAML(2*chunkSize+3))
	var first []byte
	for _, procs := range []int{1, 2, 7} {
		prev := runtime.GOMAXPROCS(procs)
		files, err := Generate(s, Options{})
		runtime.GOMAXPROCS(prev)
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = files[DefaultGoFile]
		} else if !bytes.Equal(first, files[DefaultGoFile]) {
			t.Errorf("GOMAXPROCS=%d gives other bytes", procs)
		}
	}
}
