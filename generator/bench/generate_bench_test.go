package bench

import (
	"fmt"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/errspec/errspec/generator"
	"github.com/errspec/errspec/spec"
)

// generateSizes are the table sizes generation is measured at.
var generateSizes = []int{10_000, 100_000}

// specs caches parsed synthetic specs: parsing 100,000 codes takes seconds.
var specs = struct {
	sync.Mutex
	m map[int]*spec.Spec
}{m: map[int]*spec.Spec{}}

func synthSpec(b *testing.B, n int) *spec.Spec {
	b.Helper()
	specs.Lock()
	defer specs.Unlock()
	if s, ok := specs.m[n]; ok {
		return s
	}
	s, err := spec.Parse(fmt.Sprintf("synth%d.yaml", n), SpecYAML(n))
	if err != nil {
		b.Fatal(err)
	}
	specs.m[n] = s
	return s
}

// BenchmarkGenerate measures generator.Generate, all of errspec's work
// after loading the spec (the Go file and ERRORS.md, in memory), against
// its two floors on the same spec, at each size, in turns: each operation
// runs Generate; format.Source of the Go file Generate returns, the work no
// generator of that output can skip (floor a, "gofmt"); and Floor, bare
// jennifer rendering a plainer package of the same table (floor b,
// "jennifer"); in an order that rotates. It reports the median time of
// each, and the median ratios of Generate's time to each floor's in the
// same operation. Run it with -cpu 1 for one core: Generate formats in
// parallel, and the floors cannot.
func BenchmarkGenerate(b *testing.B) {
	for _, n := range generateSizes {
		b.Run(fmt.Sprintf("codes=%d", n), func(b *testing.B) {
			s := synthSpec(b, n)
			files, err := generator.Generate(s, generator.Options{})
			if err != nil {
				b.Fatal(err)
			}
			src := files[generator.DefaultGoFile]
			floor, err := Floor(s)
			if err != nil {
				b.Fatal(err)
			}
			runs := []func() error{
				func() error { _, err := generator.Generate(s, generator.Options{}); return err },
				func() error { _, err := format.Source(src); return err },
				func() error { _, err := Floor(s); return err },
			}
			var times [3][]float64
			var toGofmt, toJennifer []float64
			round := 0
			for b.Loop() {
				var t [3]float64
				for k := range runs {
					i := (round + k) % len(runs)
					runtime.GC() // each starts with the heap the last one left collected
					start := time.Now()
					if err := runs[i](); err != nil {
						b.Fatal(err)
					}
					t[i] = time.Since(start).Seconds()
					times[i] = append(times[i], t[i])
				}
				toGofmt = append(toGofmt, t[0]/t[1])
				toJennifer = append(toJennifer, t[0]/t[2])
				round++
			}
			b.StopTimer()
			b.ReportMetric(medianOf(times[0]), "errspec-s")
			b.ReportMetric(medianOf(times[1]), "gofmt-s")
			b.ReportMetric(medianOf(times[2]), "jennifer-s")
			b.ReportMetric(medianOf(toGofmt), "errspec/gofmt")
			b.ReportMetric(medianOf(toJennifer), "errspec/jennifer")
			b.ReportMetric(float64(len(src)), "go-bytes")
			b.ReportMetric(float64(len(floor)), "jennifer-go-bytes")
		})
	}
}

// peakEnv, set in the environment of the test binary, makes it run the
// command its arguments name and print the command's peak resident
// memory and the time it took, instead of running tests (see runPeak).
const peakEnv = "ERRSPEC_BENCH_PEAK"

func init() {
	if os.Getenv(peakEnv) == "" {
		return
	}
	cmd := exec.Command(os.Args[1], os.Args[2:]...)
	cmd.Env = slices.DeleteFunc(os.Environ(), func(kv string) bool { return strings.HasPrefix(kv, peakEnv+"=") })
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "%v\n%s", err, out)
		os.Exit(1)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		fmt.Fprintln(os.Stderr, "no resource usage")
		os.Exit(1)
	}
	fmt.Println(ru.Maxrss, time.Since(start).Nanoseconds()) // KiB on Linux
	os.Exit(0)
}

// runPeak runs a command with the benchmark's GOMAXPROCS and returns the
// time it took and its peak resident memory in MiB. A process that Go
// starts reports, as its own peak, at least its parent's (Linux counts the
// memory the child shared with its parent until it ran the command), and
// the benchmark's process is large; so the test binary, started afresh
// and small, runs the command and reports on it.
func runPeak(b *testing.B, name string, args ...string) (time.Duration, float64) {
	b.Helper()
	self, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(self, append([]string{name}, args...)...)
	cmd.Env = append(os.Environ(), peakEnv+"=1", fmt.Sprintf("GOMAXPROCS=%d", runtime.GOMAXPROCS(0)))
	out, err := cmd.Output()
	if err != nil {
		b.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	var kib, ns int64
	if _, err := fmt.Sscan(string(out), &kib, &ns); err != nil {
		b.Fatalf("peak memory of %s: %q", name, out)
	}
	return time.Duration(ns), float64(kib) / 1024
}

// BenchmarkParse measures loading the spec, which errspec generate does
// before Generate, for scale.
func BenchmarkParse(b *testing.B) {
	for _, n := range generateSizes {
		b.Run(fmt.Sprintf("codes=%d", n), func(b *testing.B) {
			data := SpecYAML(n)
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := spec.Parse("synth.yaml", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCLI runs errspec generate as a user would, a process per run,
// at 10,000 and at 100,000 codes in each operation (in alternating
// order), and after each run times format.Source of the Go file it wrote
// (floor a of BenchmarkGenerate). It reports, for each size, the median
// time of a run and its median ratio to the floor, the peak resident
// memory of the worst run and the median one (from getrusage), and the
// median ratio of the time at 100,000 codes to the time at 10,000 in the
// same operation. The processes get the benchmark's GOMAXPROCS (-cpu).
func BenchmarkCLI(b *testing.B) {
	dir := b.TempDir()
	errspec := filepath.Join(dir, "errspec")
	if out, err := exec.Command("go", "build", "-o", errspec, "../cmd/errspec").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	sizes := []int{10_000, 100_000}
	specFiles := make([]string, len(sizes))
	for i, n := range sizes {
		specFiles[i] = filepath.Join(dir, fmt.Sprintf("synth%d.yaml", n))
		if err := os.WriteFile(specFiles[i], SpecYAML(n), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("codes=10000,100000", func(b *testing.B) {
		var secs, toGofmt, rss [2][]float64
		var scaling []float64
		round := 0
		for b.Loop() {
			var t [2]float64
			for k := range sizes {
				i := (round + k) % len(sizes)
				out := filepath.Join(dir, fmt.Sprintf("out%d", sizes[i]))
				took, peak := runPeak(b, errspec, "generate", "-spec", specFiles[i], "-out", out, "-max-spec-size", "1000000000")
				t[i] = took.Seconds()
				rss[i] = append(rss[i], peak)
				src, err := os.ReadFile(filepath.Join(out, generator.DefaultGoFile))
				if err != nil {
					b.Fatal(err)
				}
				runtime.GC()
				start := time.Now()
				if _, err := format.Source(src); err != nil {
					b.Fatal(err)
				}
				secs[i] = append(secs[i], t[i])
				toGofmt[i] = append(toGofmt[i], t[i]/time.Since(start).Seconds())
			}
			scaling = append(scaling, t[1]/t[0])
			round++
		}
		b.StopTimer()
		for i, n := range sizes {
			b.ReportMetric(medianOf(secs[i]), fmt.Sprintf("cli-s/%d", n))
			b.ReportMetric(medianOf(toGofmt[i]), fmt.Sprintf("cli/gofmt/%d", n))
			b.ReportMetric(slices.Max(rss[i]), fmt.Sprintf("worst-RSS-MiB/%d", n))
			b.ReportMetric(medianOf(rss[i]), fmt.Sprintf("RSS-MiB/%d", n))
		}
		b.ReportMetric(medianOf(scaling), "scaling")
	})
}

func medianOf(vs []float64) float64 {
	if len(vs) == 0 {
		return 0
	}
	slices.Sort(vs)
	return vs[len(vs)/2]
}
