package generator

import (
	"bytes"
	"fmt"
	"go/format"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/errspec/errspec/generator/bench"
	"github.com/errspec/errspec/spec"
	"golang.org/x/tools/txtar"
)

// TestRenderGoSections checks that formatting the generated file in
// sections gives the bytes go/format gives for the whole file, for every
// golden case and synthetic tables, cut at every place splitSections may
// cut (size 1) and at the size Generate uses.
func TestRenderGoSections(t *testing.T) {
	specs := map[string][]byte{"shipped": spec.DefaultYAML(), "synth1000": bench.SpecYAML(1000)}
	if !testing.Short() {
		specs["synth10000"] = bench.SpecYAML(10_000)
	}
	paths, _ := filepath.Glob("testdata/*.txtar")
	for _, path := range paths {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		specs[filepath.Base(path)], _ = splitCase(t, ar)
	}
	for name, data := range specs {
		s, err := spec.Parse("spec.yaml", data)
		if err != nil {
			continue // a case of a refused spec
		}
		f := newGoFile(newModel(s))
		f.NoFormat = true
		var raw bytes.Buffer
		if err := f.Render(&raw); err != nil {
			t.Fatal(err)
		}
		want, err := format.Source(raw.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		for _, size := range []int{1, 4096, sectionSize} {
			t.Run(fmt.Sprintf("%s/%d", name, size), func(t *testing.T) {
				got, err := formatSections(raw.Bytes(), size)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("formatted in sections of %d bytes, the file differs from format.Source's:\n%s", size, firstDiff(want, got))
				}
				if n := len(splitSections(raw.Bytes(), size)); size == 1 && n < 20 {
					t.Errorf("only %d sections at size 1", n)
				}
			})
		}
	}
}

// firstDiff shows where two texts first differ.
func firstDiff(want, got []byte) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	from := max(0, i-200)
	return fmt.Sprintf("at byte %d\nwant: %q\n got: %q", i, want[from:min(len(want), i+200)], got[from:min(len(got), i+200)])
}

// TestFormatSectionsError reports source go/format refuses.
func TestFormatSectionsError(t *testing.T) {
	if _, err := formatSections([]byte("package x\n\nfunc f() {\n\nfunc g() {}\n"), 1); err == nil {
		t.Fatal("no error for broken source")
	}
}

// TestRenderGoProcs checks that the output does not depend on how many
// processors format the sections.
func TestRenderGoProcs(t *testing.T) {
	s, err := spec.Parse("synth.yaml", bench.SpecYAML(3000))
	if err != nil {
		t.Fatal(err)
	}
	var outs [][]byte
	for _, procs := range []int{1, 2, 7} {
		prev := runtime.GOMAXPROCS(procs)
		files, err := Generate(s, Options{NoDocs: true})
		runtime.GOMAXPROCS(prev)
		if err != nil {
			t.Fatal(err)
		}
		outs = append(outs, files[DefaultGoFile])
	}
	for i := 1; i < len(outs); i++ {
		if !bytes.Equal(outs[0], outs[i]) {
			t.Fatalf("the output with GOMAXPROCS 1 differs from the output with more:\n%s", firstDiff(outs[0], outs[i]))
		}
	}
}

// TestFormatSectionsShapes formats, cut at every place splitSections may
// cut, Go that gofmt aligns across lines (keyed literals, groups without
// blank lines, comments after code), and literals and groups of the shapes
// the generator emits, with comments and blank lines between elements.
func TestFormatSectionsShapes(t *testing.T) {
	src := []byte(`package x

import "fmt"

const (
	// A is a.
	A = 1

	// Bee is b.
	Bee int = 2
	C       = 3 // c
	Dee     = 4 // d

	E = 5
)

var m = map[string]int{
"a": 1,
"bbbb": 2,

"cc": 3,
}

var table = [...]struct{ a, b string }{
{a: "x", b: "y"},
{a: "xx"}, // trailing
{b: "yyy"}, // trailing too

// a comment
{a: "z"},
{a: "w"},
// before the end
}

var nums = [...]int{
1, 2, 3,
40, 50, 60,
700,
}

var (
	a1 = 1
	b22 = 2

	c333 = 3
)

type (
	T1 struct{ a int }

	// T2 is two.
	T2 = T1
)

func f() []int {
	return []int{
		1,
		2,
	}
}

var long = [...]string{"a",
"b",
"c",
}

var g = fmt.Sprint(
	1,

	2,
)

var multi = []struct{ a, bb int }{
{
a: 1,
bb: 2,
},
{
a: 3,
},
{a: 4, bb: 5},
}

var raw = []string{
` + "`{\n\n(}`" + `,
"}",

` + "`x`" + `,
}

const (
	I0 = iota
	I1
	I22

	J = "j"
)

type (
	I interface {
		M()

		N()
	}
)
`)
	want, err := format.Source(src)
	if err != nil {
		t.Fatal(err)
	}
	got, err := formatSections(src, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("formatted in sections, the source differs from format.Source's:\n%s\n--- got:\n%s", firstDiff(want, got), got)
	}
	if n := len(splitSections(src, 1)); n < 12 {
		t.Errorf("only %d sections", n)
	}
}
