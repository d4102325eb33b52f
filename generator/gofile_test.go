package generator

import (
	"bytes"
	"fmt"
	"go/format"
	"runtime"
	"strings"
	"testing"

	"github.com/errspec/errspec/generator/bench"
	"github.com/errspec/errspec/spec"
)

// TestChunksFormatLikeWhole checks that the Go file, rendered a section
// and a chunk at a time, its blocks laid out as gofmt lays them out and
// not formatted, is what gofmt makes of the whole file: for the shipped
// spec, for mixed tables at sizes on both sides of the chunks' edges, for
// tables of each shape, and for tables with languages, aliases and
// families whose blocks span several chunks.
func TestChunksFormatLikeWhole(t *testing.T) {
	specs := map[string][]byte{
		"shipped":             spec.DefaultYAML(),
		"languages":           languagesYAML(2*chunkSize + 3),
		"languages-one-chunk": languagesYAML(7),
	}
	for _, n := range []int{1, 2, 28, chunkSize - 1, chunkSize, chunkSize + 1, 3*chunkSize + 17} {
		specs[fmt.Sprint("mixed", n)] = bench.SpecYAML(n)
	}
	for _, n := range []int{1, chunkSize + 1} {
		for _, shape := range bench.Shapes {
			specs[fmt.Sprint(shape, n)] = bench.ShapeSpecYAML(shape, n)
		}
	}
	for name, data := range specs {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
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
				t.Errorf("gofmt changes the generated file (%d bytes, %d formatted):\n%s", len(src), len(whole), firstDiff(src, whole))
			}
		})
	}
}

// languagesYAML is a spec of n codes with text in two languages, an alias
// for every seventh code, and a family, so that codeTexts and
// codeAliases span several chunks when n does.
func languagesYAML(n int) []byte {
	var b strings.Builder
	b.WriteString("package: langs\nlanguages: [en, zh]\nfamilies:\n  - prefix: Limit.\n    doc: Limits were hit.\ncodes:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - code: Limit.Code%d\n    message: {en: \"Message %d, \\\"quoted\\\"\", zh: \"消息 %d\"}\n", i, i, i)
		if i%3 == 0 {
			fmt.Fprintf(&b, "    solution: {zh: \"请稍后重试 %d。\"}\n", i)
		}
		if i%7 == 0 {
			fmt.Fprintf(&b, "    aliases: [Limit.code%d]\n", i)
		}
	}
	return []byte(b.String())
}

// firstDiff shows where two texts start to differ.
func firstDiff(got, want []byte) string {
	i := 0
	for i < min(len(got), len(want)) && got[i] == want[i] {
		i++
	}
	from := max(0, bytes.LastIndexByte(got[:i], '\n')+1)
	return fmt.Sprintf("at byte %d:\ngot:  %.200q\nwant: %.200q", i, got[from:], want[from:])
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
