package bench

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"

	"github.com/errspec/errspec/generator"
	"github.com/errspec/errspec/spec"
)

// generateSizes are the table sizes generation is measured at.
var generateSizes = []int{1000, 10_000, 100_000}

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
// Floor on the same spec, at each size. Both report the bytes of Go they
// render per operation.
func BenchmarkGenerate(b *testing.B) {
	for _, n := range generateSizes {
		b.Run(fmt.Sprintf("codes=%d/impl=errspec", n), func(b *testing.B) {
			s := synthSpec(b, n)
			var size int
			for b.Loop() {
				files, err := generator.Generate(s, generator.Options{})
				if err != nil {
					b.Fatal(err)
				}
				size = len(files[generator.DefaultGoFile])
			}
			b.ReportMetric(float64(size), "go-bytes")
		})
		b.Run(fmt.Sprintf("codes=%d/impl=floor", n), func(b *testing.B) {
			s := synthSpec(b, n)
			var size int
			for b.Loop() {
				src, err := Floor(s)
				if err != nil {
					b.Fatal(err)
				}
				size = len(src)
			}
			b.ReportMetric(float64(size), "go-bytes")
		})
	}
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

// BenchmarkCLI runs errspec generate as a user would, a process per
// operation, and reports its peak resident memory (the largest of the
// operations', from getrusage).
func BenchmarkCLI(b *testing.B) {
	dir := b.TempDir()
	errspec := filepath.Join(dir, "errspec")
	if out, err := exec.Command("go", "build", "-o", errspec, "../cmd/errspec").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	for _, n := range generateSizes {
		b.Run(fmt.Sprintf("codes=%d", n), func(b *testing.B) {
			specFile := filepath.Join(dir, fmt.Sprintf("synth%d.yaml", n))
			if err := os.WriteFile(specFile, SpecYAML(n), 0o644); err != nil {
				b.Fatal(err)
			}
			out := filepath.Join(dir, fmt.Sprintf("out%d", n))
			var peak int64
			for b.Loop() {
				cmd := exec.Command(errspec, "generate", "-spec", specFile, "-out", out, "-max-spec-size", "1000000000")
				if msg, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("errspec generate: %v\n%s", err, msg)
				}
				if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
					peak = max(peak, ru.Maxrss) // KiB on Linux
				}
			}
			b.ReportMetric(float64(peak)/1024, "peak-RSS-MiB")
		})
	}
}
