// Command report runs errspec's benchmarks (generator/bench) and writes
// what they measure against the targets of issue 5 to BENCHMARKS.md.
//
// Usage, from the module's root (make bench):
//
//	go run ./generator/bench/cmd/report [-o BENCHMARKS.md] [-quick]
//
// It writes the packages the benchmarks import into
// generator/bench/testdata/gen, then runs go test -bench in several passes,
// each with the repetitions its measurements need, printing their output
// as it comes. Every claim in the report is a ratio of two measurements of
// the same run; the report gives medians, and for ratios the median of the
// ratios of paired repetitions, which a noisy machine disturbs least.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

func main() {
	out := flag.String("o", "BENCHMARKS.md", "write the report to `FILE`")
	quick := flag.Bool("quick", false, "fewer repetitions and no 100,000-code runs, to try the tool out")
	flag.Parse()
	if err := run(*out, *quick); err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
}

// A pass is one go test -bench run.
type pass struct {
	id        string // names the pass in findings
	bench     string // the -bench pattern
	count     int
	benchtime string
	benchmem  bool
	cpu       string // -cpu, when not the machine's default
}

func (p pass) args() []string {
	args := []string{"test", "-tags", "errspecbench", "-run", "^$", "-bench", p.bench, "-count", fmt.Sprint(p.count), "-benchtime", p.benchtime}
	if p.benchmem {
		args = append(args, "-benchmem")
	}
	if p.cpu != "" {
		args = append(args, "-cpu", p.cpu)
	}
	return append(args, "-timeout", "30m", "./generator/bench")
}

// command is the pass as a shell command, for the report.
func (p pass) command() string {
	var b strings.Builder
	b.WriteString("go")
	for _, a := range p.args() {
		if strings.ContainsAny(a, "^$|()*? ") {
			a = "'" + a + "'"
		}
		b.WriteString(" " + a)
	}
	return b.String()
}

// The passes.
const (
	passLookup    = "lookup"
	passAllocs    = "allocs"
	passGenerate  = "generate"
	passGenerate1 = "generate-1cpu"
	passScaling   = "scaling"
	passParse     = "parse"
	passCLI       = "cli"
	passInit      = "init"
	passBuild     = "build"
)

func passes(quick bool) []pass {
	ps := []pass{
		{id: passLookup, bench: "^Benchmark(Lookup|LookupField)$", count: 5, benchtime: "300ms"},
		{id: passAllocs, bench: "^BenchmarkAllocs$", count: 1, benchtime: "100000x", benchmem: true},
		{id: passGenerate, bench: "^BenchmarkGenerate$/^codes=(1000|10000)$", count: 6, benchtime: "2x"},
		// errspec formats in parallel and the floor (jennifer's File.Render)
		// cannot: on one core the two do the same kind of work.
		{id: passGenerate1, bench: "^BenchmarkGenerate$/^codes=10000$", count: 4, benchtime: "2x", cpu: "1"},
		{id: passScaling, bench: "^BenchmarkGenerate$/^codes=100000$/^impl=errspec$", count: 1, benchtime: "1x"},
		{id: passParse, bench: "^BenchmarkParse$", count: 1, benchtime: "1x"},
		{id: passCLI, bench: "^BenchmarkCLI$/^codes=(1000|10000|100000)$", count: 3, benchtime: "1x"},
		{id: passInit, bench: "^BenchmarkInit$", count: 3, benchtime: "5x"},
		{id: passBuild, bench: "^BenchmarkBuild$", count: 3, benchtime: "1x"},
	}
	if quick {
		for i := range ps {
			ps[i].count = min(ps[i].count, 2)
			ps[i].bench = strings.ReplaceAll(ps[i].bench, "|100000)", ")")
			ps[i].bench = strings.ReplaceAll(ps[i].bench, "^codes=100000$", "^codes=1000$")
		}
	}
	return ps
}

func run(outFile string, quick bool) error {
	if _, err := os.Stat("go.mod"); err != nil {
		return fmt.Errorf("run from the module's root (make bench): %w", err)
	}
	start := time.Now()
	fmt.Fprintf(os.Stderr, "writing the benchmarks' packages to %s\n", packagesDir)
	if err := writePackages(packagesDir); err != nil {
		return err
	}
	var results []result
	var commands []string
	for _, p := range passes(quick) {
		fmt.Fprintf(os.Stderr, "$ %s\n", p.command())
		cmd := exec.Command("go", p.args()...)
		var out bytes.Buffer
		cmd.Stdout = io.MultiWriter(&out, os.Stderr)
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("%s: %w", p.command(), err)
		}
		results = append(results, parseResults(p.id, out.String())...)
		commands = append(commands, p.command())
	}
	env, err := describeMachine()
	if err != nil {
		return err
	}
	env.cpu = cpuName(results)
	env.elapsed = time.Since(start)
	md := report(newFindings(results), env, commands)
	if err := os.WriteFile(outFile, md, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %s in %v\n", outFile, env.elapsed.Round(time.Second))
	return nil
}

// machine describes where the benchmarks ran.
type machine struct {
	goVersion, goos, goarch, cpu string
	cpus                         int
	elapsed                      time.Duration
}

func describeMachine() (machine, error) {
	out, err := exec.Command("go", "version").Output()
	if err != nil {
		return machine{}, err
	}
	return machine{
		goVersion: strings.TrimSpace(string(out)),
		goos:      runtime.GOOS, goarch: runtime.GOARCH,
		cpus: runtime.NumCPU(),
	}, nil
}
