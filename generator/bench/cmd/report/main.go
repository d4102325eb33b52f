// Command report runs errspec's benchmarks (generator/bench) and writes
// what they measure against the targets of issue 12 to BENCHMARKS.md.
//
// Usage, from the module's root (make bench):
//
//	go run ./generator/bench/cmd/report [-o BENCHMARKS.md] [-quick] [-passes LIST]
//
// It writes the packages the benchmarks import into
// generator/bench/testdata/gen, builds the benchmarks' test binary, and runs
// it in several passes, each in as many processes and with as many
// repetitions as its measurements need, printing their output as it comes.
// Every claim in the report is a ratio of two measurements taken moments
// apart in the same process (paired repetitions), which a noisy machine
// disturbs least; the report gives the median over the processes.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
)

func main() {
	out := flag.String("o", "BENCHMARKS.md", "write the report to `FILE`")
	quick := flag.Bool("quick", false, "one process a pass and no 100,000-code runs, to try the tool out")
	only := flag.String("passes", "", "run only the passes of this comma-separated `list` (lookup, allocs, generate, generate-1cpu, generate-100k, generate-100k-1cpu, cli, cli-1cpu, init, build)")
	flag.Parse()
	if err := run(*out, *quick, *only); err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
}

// A pass is one kind of measurement: a -bench pattern run by the test
// binary in one or more processes.
type pass struct {
	id        string // names the pass in findings
	bench     string // the -bench pattern
	procs     int    // how many processes run it, one after another
	count     int
	benchtime string
	benchmem  bool
	cpu       string // -cpu, when not the machine's default
}

func (p pass) args() []string {
	args := []string{"-test.run", "^$", "-test.bench", p.bench, "-test.count", fmt.Sprint(p.count), "-test.benchtime", p.benchtime}
	if p.benchmem {
		args = append(args, "-test.benchmem")
	}
	if p.cpu != "" {
		args = append(args, "-test.cpu", p.cpu)
	}
	return append(args, "-test.timeout", "30m")
}

// benchDir is the benchmarks' package, where their test binary runs (as
// go test runs one).
const benchDir = "generator/bench"

// testBinary is where run builds the benchmarks' test binary, relative to
// benchDir.
const testBinary = "testdata/gen/bench.test"

// buildArgs are the go command's arguments that build testBinary.
var buildArgs = []string{"test", "-c", "-tags", "errspecbench", "-o", benchDir + "/" + testBinary, "./" + benchDir}

// command is the pass as a shell command, for the report.
func (p pass) command() string {
	var b strings.Builder
	if p.procs > 1 {
		fmt.Fprintf(&b, "for i in $(seq %d); do ", p.procs)
	}
	b.WriteString("./" + testBinary)
	for _, a := range p.args() {
		if strings.ContainsAny(a, "^$|()*?, ") {
			a = "'" + a + "'"
		}
		b.WriteString(" " + a)
	}
	if p.procs > 1 {
		b.WriteString("; done")
	}
	return b.String()
}

// The passes.
const (
	passLookup      = "lookup"
	passAllocs      = "allocs"
	passGenerate    = "generate"
	passGenerate1   = "generate-1cpu"
	passGenerate100 = "generate-100k"
	passGenerate1e5 = "generate-100k-1cpu"
	passCLI         = "cli"
	passCLI1        = "cli-1cpu"
	passInit        = "init"
	passBuild       = "build"
)

// processes is how many processes run each pass whose figures are
// claimed: every such figure is the median of their medians.
const processes = 3

func passes(quick bool) []pass {
	procs := processes
	if quick {
		procs = 1
	}
	ps := []pass{
		{id: passLookup, bench: "^BenchmarkLookup$", procs: procs, count: 1, benchtime: "200x"},
		{id: passAllocs, bench: "^BenchmarkAllocs$", procs: 1, count: 1, benchtime: "100000x", benchmem: true},
		{id: passGenerate1, bench: "^BenchmarkGenerate$/^codes=10000$", procs: procs, count: 1, benchtime: "4x", cpu: "1"},
		{id: passGenerate, bench: "^BenchmarkGenerate$/^codes=10000$", procs: procs, count: 1, benchtime: "4x"},
		{id: passGenerate1e5, bench: "^BenchmarkGenerate$/^codes=100000$", procs: procs, count: 1, benchtime: "1x", cpu: "1"},
		{id: passGenerate100, bench: "^BenchmarkGenerate$/^codes=100000$", procs: procs, count: 1, benchtime: "1x"},
		{id: passCLI1, bench: "^BenchmarkCLI$", procs: 1, count: 1, benchtime: fmt.Sprintf("%dx", procs), cpu: "1"},
		{id: passCLI, bench: "^BenchmarkCLI$", procs: 1, count: 1, benchtime: fmt.Sprintf("%dx", procs)},
		{id: passInit, bench: "^BenchmarkInit$", procs: 1, count: 1, benchtime: "5x"},
		{id: passBuild, bench: "^BenchmarkBuild$", procs: 1, count: 1, benchtime: fmt.Sprintf("%dx", 2*procs)},
	}
	if quick {
		var short []pass
		for _, p := range ps {
			if !strings.Contains(p.id, "100k") && !strings.HasPrefix(p.id, passCLI) {
				short = append(short, p)
			}
		}
		ps = short
	}
	return ps
}

func run(outFile string, quick bool, only string) error {
	if _, err := os.Stat("go.mod"); err != nil {
		return fmt.Errorf("run from the module's root (make bench): %w", err)
	}
	start, loadStart := time.Now(), loadAverage()
	fmt.Fprintf(os.Stderr, "writing the benchmarks' packages to %s\n", packagesDir)
	if err := writePackages(packagesDir, quick); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "$ go %s\n", strings.Join(buildArgs, " "))
	build := exec.Command("go", buildArgs...)
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("go %s: %w", strings.Join(buildArgs, " "), err)
	}
	bin, err := filepath.Abs(filepath.Join(benchDir, testBinary))
	if err != nil {
		return err
	}
	var results []result
	var commands []string
	for _, p := range passes(quick) {
		if only != "" && !slices.Contains(strings.Split(only, ","), p.id) {
			continue
		}
		fmt.Fprintf(os.Stderr, "$ %s\n", p.command())
		for proc := range p.procs {
			cmd := exec.Command(bin, p.args()...)
			cmd.Dir = benchDir
			var out bytes.Buffer
			cmd.Stdout = io.MultiWriter(&out, os.Stderr)
			cmd.Stderr = os.Stderr
			if err := cmd.Run(); err != nil {
				return fmt.Errorf("%s: %w", p.command(), err)
			}
			results = append(results, parseResults(p.id, proc, out.String())...)
		}
		commands = append(commands, p.command())
	}
	env, err := describeMachine()
	if err != nil {
		return err
	}
	env.cpu = cpuName(results)
	env.elapsed = time.Since(start)
	env.loadStart, env.loadEnd = loadStart, loadAverage()
	env.procs = processes
	if quick {
		env.procs = 1
	}
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
	loadStart, loadEnd           string // the load average over a minute
	procs                        int    // how many processes run each pass
}

// loadAverage is the system's load average over the last minute, as
// /proc/loadavg gives it, or "unknown".
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(data)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "unknown"
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
