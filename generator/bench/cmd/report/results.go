package main

import (
	"bufio"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// A result is one line of go test -bench output.
type result struct {
	pass    string             // the id of the pass that measured it
	proc    int                // which of the pass's processes measured it
	name    string             // BenchmarkLookup/codes=28/impl=map, without the -GOMAXPROCS suffix
	metrics map[string]float64 // by unit: ns/op, allocs/op, peak-RSS-MiB, ...
}

var procsSuffix = regexp.MustCompile(`-\d+$`)

// parseResults reads the benchmark lines of the output of a process of a
// pass, and its cpu: line as a result named "cpu: ..." without metrics.
func parseResults(pass string, proc int, out string) []result {
	var rs []result
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "cpu: ") {
			rs = append(rs, result{pass: pass, proc: proc, name: line})
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") || len(f)%2 != 0 {
			continue
		}
		r := result{pass: pass, proc: proc, name: procsSuffix.ReplaceAllString(f[0], ""), metrics: map[string]float64{}}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			r.metrics[f[i+1]] = v
		}
		rs = append(rs, r)
	}
	return rs
}

// cpuName is the cpu: line go test printed.
func cpuName(rs []result) string {
	for _, r := range rs {
		if name, ok := strings.CutPrefix(r.name, "cpu: "); ok {
			return name
		}
	}
	return "unknown"
}

// findings answers questions about a set of results.
type findings struct {
	results []result
}

func newFindings(rs []result) findings { return findings{rs} }

// values returns a metric of every repetition of a benchmark in a pass,
// in order: one a process, as passes run.
func (f findings) values(pass, name, unit string) []float64 {
	var vs []float64
	for _, r := range f.results {
		if v, ok := r.metrics[unit]; ok && r.pass == pass && r.name == name {
			vs = append(vs, v)
		}
	}
	return vs
}

// median returns the median of a benchmark's metric over the processes
// of its pass, and false if it was not measured.
func (f findings) median(pass, name, unit string) (float64, bool) {
	return median(f.values(pass, name, unit))
}

// worst returns the largest value of a benchmark's metric.
func (f findings) worst(pass, name, unit string) (float64, bool) {
	vs := f.values(pass, name, unit)
	if len(vs) == 0 {
		return 0, false
	}
	return slices.Max(vs), true
}

// spread returns how far apart the processes of a pass measured a metric:
// the largest value over the smallest, less 1.
func (f findings) spread(pass, name, unit string) (float64, bool) {
	vs := f.values(pass, name, unit)
	if len(vs) < 2 || slices.Min(vs) <= 0 {
		return 0, false
	}
	return slices.Max(vs)/slices.Min(vs) - 1, true
}

// names lists the benchmarks a pass measured, in the order it did.
func (f findings) names(pass string) []string {
	var names []string
	for _, r := range f.results {
		if r.pass == pass && r.metrics != nil && !slices.Contains(names, r.name) {
			names = append(names, r.name)
		}
	}
	return names
}

func median(vs []float64) (float64, bool) {
	if len(vs) == 0 {
		return 0, false
	}
	vs = slices.Sorted(slices.Values(vs))
	if n := len(vs); n%2 == 0 {
		return (vs[n/2-1] + vs[n/2]) / 2, true
	}
	return vs[len(vs)/2], true
}
