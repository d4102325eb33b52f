//go:build errspecbench

package bench

import (
	"bufio"
	"bytes"
	"fmt"
	"iter"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/errspec/errspec/generator/bench/testdata/gen/synth1000"
	"github.com/errspec/errspec/generator/bench/testdata/gen/synth10000"
)

// genPath is the import path of testdata/gen.
const genPath = "github.com/errspec/errspec/generator/bench/testdata/gen"

// binaries holds the programs buildMain built, in a folder TestMain
// removes, so that repetitions of a benchmark build each once.
var binaries struct {
	sync.Mutex
	dir   string
	built map[string]string
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binaries.dir != "" {
		os.RemoveAll(binaries.dir)
	}
	os.Exit(code)
}

// buildMain builds one of the programs in testdata/gen/cmd and returns its
// path.
func buildMain(b *testing.B, name string) string {
	b.Helper()
	binaries.Lock()
	defer binaries.Unlock()
	if bin, ok := binaries.built[name]; ok {
		return bin
	}
	if binaries.dir == "" {
		dir, err := os.MkdirTemp("", "errspec-bench-")
		if err != nil {
			b.Fatal(err)
		}
		binaries.dir, binaries.built = dir, map[string]string{}
	}
	bin := filepath.Join(binaries.dir, name)
	if out, err := exec.Command("go", "build", "-o", bin, "./testdata/gen/cmd/"+name).CombinedOutput(); err != nil {
		b.Fatalf("go build %s: %v\n%s", name, err, out)
	}
	binaries.built[name] = bin
	return bin
}

// initTrace is one package's line of GODEBUG=inittrace=1 output.
type initTrace struct {
	clock         time.Duration
	bytes, allocs float64
}

// traceInit runs bin with GODEBUG=inittrace=1 and returns the trace of pkg's
// initialization, and false when the package has no init work at all (its
// variables are all laid out by the compiler), so the runtime reports none.
func traceInit(b *testing.B, bin, pkg string) (initTrace, bool) {
	b.Helper()
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		b.Fatalf("%s: %v\n%s", bin, err, stderr.Bytes())
	}
	sc := bufio.NewScanner(&stderr)
	for sc.Scan() {
		// init example.com/pkg @0.51 ms, 1.2 ms clock, 123 bytes, 4 allocs
		f := strings.Fields(strings.NewReplacer(",", "").Replace(sc.Text()))
		if len(f) != 11 || f[0] != "init" || f[1] != pkg {
			continue
		}
		ms, err1 := strconv.ParseFloat(f[4], 64)
		by, err2 := strconv.ParseFloat(f[7], 64)
		al, err3 := strconv.ParseFloat(f[9], 64)
		if err1 != nil || err2 != nil || err3 != nil {
			b.Fatalf("cannot read the init trace %q", sc.Text())
		}
		return initTrace{time.Duration(ms * float64(time.Millisecond)), by, al}, true
	}
	return initTrace{}, false
}

// BenchmarkInit runs a program that uses the generated package of 10,000
// codes, and one that uses MapLiteral's package of the same table, whose
// map is built when the program starts, with GODEBUG=inittrace=1. It
// reports each package's initialization (time, bytes and allocations; all
// 0 when the runtime has no initialization to report for it), and the time
// a run of the whole program takes.
func BenchmarkInit(b *testing.B) {
	for _, c := range []struct{ name, main, pkg string }{
		{"codes=10000/impl=errspec", "main10000", genPath + "/synth10000"},
		{"codes=10000/impl=maplit", "maplit", genPath + "/maplit10000"},
	} {
		b.Run(c.name, func(b *testing.B) {
			bin := buildMain(b, c.main)
			var worst initTrace
			traced := false
			for b.Loop() {
				t, ok := traceInit(b, bin, c.pkg)
				traced = traced || ok
				worst.clock = max(worst.clock, t.clock)
				worst.bytes = max(worst.bytes, t.bytes)
				worst.allocs = max(worst.allocs, t.allocs)
			}
			b.ReportMetric(float64(worst.clock)/float64(time.Microsecond), "init-µs")
			b.ReportMetric(worst.bytes, "init-bytes")
			b.ReportMetric(worst.allocs, "init-allocs")
			if traced {
				b.ReportMetric(1, "has-init")
			} else {
				b.ReportMetric(0, "has-init")
			}
		})
	}
}

// tableText counts the bytes of a table's text: its codes, messages and
// solutions.
func tableText[I any](all iter.Seq[I], text func(I) int) int {
	n := 0
	for info := range all {
		n += text(info)
	}
	return n
}

// BenchmarkBuild compiles the generated package of 10,000 codes, and
// MapLiteral's package of the same table, with go build, in turns: each
// operation builds both, and the generated package with parts left out
// (buildVariants), in an order that rotates, each under an import path of
// its own so that the build cache cannot answer (the packages they import,
// the standard library's, come from the cache, as they do in any build but
// the first). It reports each one's median time and the median ratio of
// each to the map literal's in the same operation: the variants show what
// the generated package's build time goes to. It also reports how much a
// program grows when it uses the generated package: the whole package
// (against a program that does the same without it), and the table's part
// (the growth from 1,000 to 10,000 codes), each against the bytes of the
// table's text.
func BenchmarkBuild(b *testing.B) {
	b.Run("codes=10000", func(b *testing.B) {
		read := func(path string) []byte {
			src, err := os.ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			return src
		}
		variants := buildVariants(read("testdata/gen/synth10000/errors.go"))
		variants = append(variants, buildVariant{"maplit", read("testdata/gen/maplit10000/maplit.go")})
		dir := b.TempDir()
		module := fmt.Sprintf("buildbench%d", time.Now().UnixNano())
		if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module "+module+"\n\ngo 1.23\n"), 0o644); err != nil {
			b.Fatal(err)
		}
		i := 0
		build := func(src []byte) time.Duration {
			pkg := fmt.Sprintf("p%d", i)
			i++
			if err := os.MkdirAll(filepath.Join(dir, pkg), 0o755); err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, pkg, "x.go"), src, 0o644); err != nil {
				b.Fatal(err)
			}
			cmd := exec.Command("go", "build", "./"+pkg)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
			start := time.Now()
			if out, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("go build: %v\n%s", err, out)
			}
			return time.Since(start)
		}
		secs := make([][]float64, len(variants))
		ratios := make([][]float64, len(variants))
		round := 0
		for b.Loop() {
			t := make([]float64, len(variants))
			for k := range variants {
				v := (round + k) % len(variants)
				t[v] = build(variants[v].src).Seconds()
				secs[v] = append(secs[v], t[v])
			}
			for v := range variants {
				ratios[v] = append(ratios[v], t[v]/t[len(variants)-1])
			}
			round++
		}
		b.StopTimer()
		for v, variant := range variants {
			b.ReportMetric(medianOf(secs[v]), variant.name+"-s")
			if variant.name != "maplit" {
				b.ReportMetric(medianOf(ratios[v]), variant.name+"/maplit")
			}
		}
		size := func(name string) float64 {
			fi, err := os.Stat(buildMain(b, name))
			if err != nil {
				b.Fatal(err)
			}
			return float64(fi.Size())
		}
		none, small, large := size("none"), size("main1000"), size("main10000")
		text1000 := float64(tableText(synth1000.All(), func(i synth1000.Info) int { return len(i.Code) + len(i.Message) + len(i.Solution) }))
		text10000 := float64(tableText(synth10000.All(), func(i synth10000.Info) int { return len(i.Code) + len(i.Message) + len(i.Solution) }))
		b.ReportMetric(large, "binary-bytes")
		b.ReportMetric(large-none, "added-bytes")
		b.ReportMetric(text10000, "text-bytes")
		b.ReportMetric((large-none)/text10000, "added/text")
		b.ReportMetric((large-small)/(text10000-text1000), "table-added/text")
	})
}

// A buildVariant is a package's source, for BenchmarkBuild.
type buildVariant struct {
	name string
	src  []byte
}

var (
	sentinelLine = regexp.MustCompile(`(?m)^\tErr\w+ error = sentinel\(.*\)\n`)
	constLine    = regexp.MustCompile(`(?m)^\t(Code\w+) Code = (".*")\n`)
	rowCode      = regexp.MustCompile(`\{Code: (Code\w+),`)
)

// buildVariants returns a generated package's source, and the source with
// parts left out, all of which build: "errspec", the package; "nocomments",
// without its comments; "nosentinels", without its sentinels; "noapi",
// without its sentinels and its Code constants (the rows then hold the
// codes as string literals).
func buildVariants(src []byte) []buildVariant {
	var lines [][]byte
	for _, l := range bytes.SplitAfter(src, []byte("\n")) {
		if !bytes.HasPrefix(bytes.TrimLeft(l, "\t"), []byte("//")) {
			lines = append(lines, l)
		}
	}
	noSentinels := sentinelLine.ReplaceAll(src, nil)
	consts := map[string][]byte{}
	for _, m := range constLine.FindAllSubmatch(noSentinels, -1) {
		consts[string(m[1])] = m[2]
	}
	noAPI := rowCode.ReplaceAllFunc(constLine.ReplaceAll(noSentinels, nil), func(m []byte) []byte {
		return append(append([]byte("{Code: "), consts[string(rowCode.FindSubmatch(m)[1])]...), ',')
	})
	return []buildVariant{{"errspec", src}, {"nocomments", bytes.Join(lines, nil)}, {"nosentinels", noSentinels}, {"noapi", noAPI}}
}
