package main

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// A target is a row of issue 5's table: a measured value against the
// must (a limit every run must meet) and the aim (the limit hoped for).
type target struct {
	what, measure string
	value         float64
	ok            bool   // the value was measured
	shown         string // the value as the report shows it
	must, aim     limit
	why           string // when the aim is missed: what the profile says
}

// A limit is a bound on a value: at most max, or, with exact, equal to it.
type limit struct {
	max   float64
	text  string
	exact bool
}

func atMost(max float64, text string) limit { return limit{max: max, text: text} }

func (l limit) met(v float64) bool {
	if l.exact {
		return v == l.max
	}
	return v <= l.max
}

func (t target) verdict() string {
	switch {
	case !t.ok:
		return "not measured"
	case !t.must.met(t.value):
		return "**must not met**"
	case !t.aim.met(t.value):
		return "must met; aim not met"
	}
	return "must and aim met"
}

// report renders BENCHMARKS.md.
func report(f findings, env machine, commands []string) []byte {
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	ts := targets(f)

	p("# errspec benchmarks\n\n")
	p("Written by `make bench` (`go run ./generator/bench/cmd/report`), which runs the benchmarks of\n")
	p("[`generator/bench`](generator/bench) and measures errspec against the targets of issue 5. Every\n")
	p("claim is a ratio of two measurements made in the same run on the same machine: the median of\n")
	p("the ratios of paired repetitions, which this noisy machine disturbs least. Bare times are\n")
	p("given for scale only.\n\n")
	p("- Machine: %s, %d CPUs (GOMAXPROCS %d), %s/%s\n", env.cpu, env.cpus, env.cpus, env.goos, env.goarch)
	p("- Go: `%s`\n", env.goVersion)
	p("- The run took %v.\n\n", env.elapsed.Round(time.Second))

	p("## Targets\n\n")
	p("| Target | Measure | Must | Aim | Result | Verdict |\n| --- | --- | --- | --- | --- | --- |\n")
	for _, t := range ts {
		p("| %s | %s | %s | %s | %s | %s |\n", t.what, t.measure, t.must.text, t.aim.text, t.shown, t.verdict())
	}
	p("\n")

	p("Also measured: Lookup for a caller that reads one field of the row and drops it\n")
	p("(`BenchmarkLookupField`), against the map:")
	for i, n := range []string{"28", "1000", "10000"} {
		if r, ok := f.median(passLookup, "BenchmarkLookupField/codes="+n, "errspec/map"); ok {
			sep := ","
			if i == 0 {
				sep = ""
			}
			p("%s %.2f× at %s codes", sep, r, thousands(n))
		}
	}
	p(".\n\n")

	var missed []target
	for _, t := range ts {
		if t.ok && t.must.met(t.value) && !t.aim.met(t.value) && t.why != "" {
			missed = append(missed, t)
		}
	}
	if len(missed) > 0 {
		p("## Where the aims are not met\n\n")
		seen := map[string]bool{}
		for _, t := range missed {
			if seen[t.why] {
				continue
			}
			seen[t.why] = true
			p("**%s.** %s\n\n", t.what, t.why)
		}
	}

	p("## Measurements\n\n")
	details(&b, f)

	p("## Commands\n\n")
	p("`make bench` runs `go run ./generator/bench/cmd/report`, which writes the packages the\n")
	p("benchmarks import into `generator/bench/testdata/gen` (synthetic tables of 1,000 and 10,000\n")
	p("codes, the floor's package, and the programs the start-up and size benchmarks build), then runs,\n")
	p("from the module's root:\n\n```\n")
	for _, c := range commands {
		p("%s\n", c)
	}
	p("```\n\nA profile of any of them: add `-cpuprofile cpu.out` and read it with `go tool pprof`.\n")
	return b.Bytes()
}

// targets evaluates issue 5's table.
func targets(f findings) []target {
	var ts []target
	for _, n := range []string{"28", "1000", "10000"} {
		name := "BenchmarkLookup/codes=" + n
		r, ok := f.median(passLookup, name, "errspec/map")
		e, _ := f.median(passLookup, name, "errspec-ns/lookup")
		m, _ := f.median(passLookup, name, "map-ns/lookup")
		ts = append(ts, target{
			what: fmt.Sprintf("Lookup, %s codes", thousands(n)), measure: "ns/op against a map[string]Info from All(), same keys",
			value: r, ok: ok, shown: fmt.Sprintf("%s (%.1f ns against %.1f ns)", times(r, 1.0, 0.5), e, m),
			must: atMost(1.0, "≤ 1.0×"), aim: atMost(0.5, "≤ 0.5×"), why: whyLookup,
		})
	}
	for _, a := range []struct{ name, call string }{
		{"Lookup=known", "Lookup of a known code"},
		{"Lookup=unknown", "Lookup of an unknown code"},
		{"Lookup=10000", "Lookup, 10,000 codes"},
		{"FromResponse=success", "FromResponse of a success code"},
		{"ErrorsIs=match", "errors.Is, matching sentinel"},
		{"ErrorsIs=other", "errors.Is, other sentinel"},
	} {
		v, ok := f.median(passAllocs, "BenchmarkAllocs/"+a.name, "allocs/op")
		ts = append(ts, target{what: a.call, measure: "allocations", value: v, ok: ok, shown: fmt.Sprintf("%g", v),
			must: limit{text: "0", exact: true}, aim: limit{text: "0", exact: true}})
	}
	for _, a := range []string{"FromResponse=error", "FromResponse=unknown"} {
		v, ok := f.median(passAllocs, "BenchmarkAllocs/"+a, "allocs/op")
		ts = append(ts, target{what: "FromResponse of " + map[string]string{"FromResponse=error": "an error code", "FromResponse=unknown": "an unknown code"}[a],
			measure: "allocations (the *Error only)", value: v, ok: ok, shown: fmt.Sprintf("%g", v),
			must: atMost(1, "≤ 1"), aim: atMost(1, "≤ 1")})
	}

	const initErrspec = "BenchmarkInit/codes=10000/impl=errspec"
	allocs, okA := f.worst(passInit, initErrspec, "init-allocs")
	us, okU := f.worst(passInit, initErrspec, "init-µs")
	hasInit, _ := f.worst(passInit, initErrspec, "has-init")
	mapUS, _ := f.median(passInit, "BenchmarkInit/codes=10000/impl=maplit", "init-µs")
	mapAllocs, _ := f.median(passInit, "BenchmarkInit/codes=10000/impl=maplit", "init-allocs")
	initShown := fmt.Sprintf("%g allocations, %g µs", allocs, us)
	if hasInit == 0 {
		initShown = "0 allocations, 0 µs: the package has no initialization to run"
	}
	initShown += fmt.Sprintf(" (a map literal of the same table: %g allocations, %.0f µs)", mapAllocs, mapUS)
	ts = append(ts,
		target{what: "Start-up, 10,000 codes", measure: "GODEBUG=inittrace=1: the package's init, allocations",
			value: allocs, ok: okA, shown: initShown, must: limit{text: "0", exact: true}, aim: limit{text: "0", exact: true}},
		target{what: "Start-up, 10,000 codes", measure: "GODEBUG=inittrace=1: the package's init, time",
			value: us, ok: okU, shown: fmt.Sprintf("%g µs", us), must: atMost(1e18, "recorded"), aim: atMost(9.999, "< 10 µs")},
	)

	g, okG := f.ratio(passGenerate, "BenchmarkGenerate/codes=10000/impl=errspec", "BenchmarkGenerate/codes=10000/impl=floor", "ns/op")
	ge, _ := f.median(passGenerate, "BenchmarkGenerate/codes=10000/impl=errspec", "ns/op")
	gf, _ := f.median(passGenerate, "BenchmarkGenerate/codes=10000/impl=floor", "ns/op")
	ts = append(ts, target{what: "Generation, 10,000 codes", measure: "wall time of generator.Generate against bare jennifer (Floor)",
		value: g, ok: okG, shown: fmt.Sprintf("%s (%s against %s)", times(g, 2.0, 1.2), seconds(ge), seconds(gf)),
		must: atMost(2.0, "≤ 2.0×"), aim: atMost(1.2, "≤ 1.2×"), why: whyGenerate})
	gOne, okOne := f.ratio(passGenerate1, "BenchmarkGenerate/codes=10000/impl=errspec", "BenchmarkGenerate/codes=10000/impl=floor", "ns/op")
	geOne, _ := f.median(passGenerate1, "BenchmarkGenerate/codes=10000/impl=errspec", "ns/op")
	gfOne, _ := f.median(passGenerate1, "BenchmarkGenerate/codes=10000/impl=floor", "ns/op")
	ts = append(ts, target{what: "Generation, 10,000 codes, one core", measure: "the same with -cpu 1, where errspec's parallel formatting cannot help and both do the same kind of work",
		value: gOne, ok: okOne, shown: fmt.Sprintf("%s (%s against %s)", times(gOne, 2.0, 1.2), seconds(geOne), seconds(gfOne)),
		must: atMost(2.0, "≤ 2.0×"), aim: atMost(1.2, "≤ 1.2×"), why: whyGenerate})

	c100, ok100 := f.median(passCLI, "BenchmarkCLI/codes=100000", "ns/op")
	c10, ok10 := f.median(passCLI, "BenchmarkCLI/codes=10000", "ns/op")
	c1, _ := f.median(passCLI, "BenchmarkCLI/codes=1000", "ns/op")
	g100, _ := f.median(passScaling, "BenchmarkGenerate/codes=100000/impl=errspec", "ns/op")
	g1, _ := f.median(passGenerate, "BenchmarkGenerate/codes=1000/impl=errspec", "ns/op")
	scale, okScale := f.ratio(passCLI, "BenchmarkCLI/codes=100000", "BenchmarkCLI/codes=10000", "ns/op")
	ts = append(ts, target{what: "Scaling, time", measure: "errspec generate (a process: load the spec, generate, write) at 100,000 codes against 10,000",
		value: scale, ok: okScale && ok100 && ok10,
		shown: fmt.Sprintf("%.1f× (1,000: %s; 10,000: %s; 100,000: %s. generator.Generate alone: %s, %s, %s)", scale, seconds(c1), seconds(c10), seconds(c100), seconds(g1), seconds(ge), seconds(g100)),
		must:  atMost(12, "≤ 12×"), aim: atMost(12, "≤ 12×")})
	// Peak RSS depends on when the garbage collector happens to run, so
	// the claims are medians of the runs, and the worst run is shown too.
	r100, okR100 := f.median(passCLI, "BenchmarkCLI/codes=100000", "peak-RSS-MiB")
	r10, okR10 := f.median(passCLI, "BenchmarkCLI/codes=10000", "peak-RSS-MiB")
	r1, _ := f.median(passCLI, "BenchmarkCLI/codes=1000", "peak-RSS-MiB")
	w100, _ := f.worst(passCLI, "BenchmarkCLI/codes=100000", "peak-RSS-MiB")
	w10, _ := f.worst(passCLI, "BenchmarkCLI/codes=10000", "peak-RSS-MiB")
	ts = append(ts,
		target{what: "Scaling, memory", measure: "peak RSS of errspec generate at 100,000 codes against 10,000, median of the runs",
			value: r100 / r10, ok: okR100 && okR10 && r10 > 0, shown: fmt.Sprintf("%.1f× (1,000: %.0f MiB; 10,000: %.0f MiB; 100,000: %.0f MiB; worst runs: %.0f and %.0f MiB)", r100/r10, r1, r10, r100, w10, w100),
			must: atMost(12, "≤ 12×"), aim: atMost(12, "≤ 12×"), why: whyMemory},
		target{what: "Scaling, memory", measure: "peak RSS of errspec generate at 100,000 codes, median of the runs",
			value: r100, ok: okR100, shown: fmt.Sprintf("%.0f MiB (worst run %.0f MiB)", r100, w100),
			must: atMost(1e18, "recorded"), aim: atMost(1024, "≤ 1 GiB"), why: whyMemory})

	bt, okB := f.median(passBuild, "BenchmarkBuild/codes=10000", "ns/op")
	ts = append(ts, target{what: "Compile, 10,000 codes", measure: "go build of the generated package",
		value: bt, ok: okB, shown: seconds(bt), must: atMost(1e30, "recorded"), aim: atMost(1e30, "recorded")})
	added, okD := f.median(passBuild, "BenchmarkBuild/codes=10000", "added/text")
	tableAdded, _ := f.median(passBuild, "BenchmarkBuild/codes=10000", "table-added/text")
	addedBytes, _ := f.median(passBuild, "BenchmarkBuild/codes=10000", "added-bytes")
	text, _ := f.median(passBuild, "BenchmarkBuild/codes=10000", "text-bytes")
	ts = append(ts, target{what: "Binary size, 10,000 codes", measure: "bytes a program grows by when it uses the package, against the table's text (codes, messages, solutions)",
		value: added, ok: okD, shown: fmt.Sprintf("%.2f× (%s added for %s of text; the table's share, from 1,000 to 10,000 codes: %.2f×)", added, mib(addedBytes), mib(text), tableAdded),
		must: atMost(1e18, "recorded"), aim: atMost(2.0, "≤ 2×"), why: whySize})
	return ts
}

// details lists the medians behind the targets.
func details(b *bytes.Buffer, f findings) {
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("Medians of each benchmark's repetitions; the ratios above pair repetitions instead. An\n")
	p("operation of `Lookup` and `LookupField` is a round of %d lookups each way.\n\n", 1024)
	p("| Benchmark | Median time per operation | Other metrics, medians |\n| --- | --- | --- |\n")
	seen := map[string]bool{}
	for _, r := range f.results {
		key := r.pass + " " + r.name
		if r.metrics == nil || seen[key] {
			continue
		}
		seen[key] = true
		ns, _ := f.median(r.pass, r.name, "ns/op")
		var others []string
		for _, unit := range []string{"errspec/map", "errspec-ns/lookup", "map-ns/lookup", "allocs/op", "B/op", "peak-RSS-MiB", "go-bytes", "init-allocs", "init-bytes", "init-µs", "added-bytes", "binary-bytes", "text-bytes", "added/text", "table-added/text"} {
			if v, ok := f.median(r.pass, r.name, unit); ok {
				others = append(others, number(v)+" "+unit)
			}
		}
		p("| `%s` | %s | %s |\n", strings.TrimPrefix(r.name, "Benchmark"), duration(ns), strings.Join(others, ", "))
	}
	p("\n")
}

// times prints a ratio to two decimals, or three when two would round it
// onto one of the limits it is held to.
func times(v float64, limits ...float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	for _, l := range limits {
		if r, _ := strconv.ParseFloat(s, 64); r == l && v != l {
			s = strconv.FormatFloat(v, 'f', 3, 64)
		}
	}
	return s + "×"
}

// number prints a metric: whole numbers whole, others to four digits.
func number(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}

func thousands(n string) string {
	if len(n) > 3 {
		return n[:len(n)-3] + "," + n[len(n)-3:]
	}
	return n
}

func seconds(ns float64) string { return fmt.Sprintf("%.2f s", ns/1e9) }

func mib(b float64) string { return fmt.Sprintf("%.1f MiB", b/(1<<20)) }

func duration(ns float64) string {
	switch {
	case ns >= 1e9:
		return seconds(ns)
	case ns >= 1e6:
		return fmt.Sprintf("%.1f ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.1f µs", ns/1e3)
	}
	return fmt.Sprintf("%.1f ns", ns)
}

// What profiles of the benchmarks say where aims are missed. They are
// shown only for aims a run misses.
const (
	whyLookup   = "A profile (`go test -tags errspecbench -run '^$' -bench 'BenchmarkLookup$/codes=28' -cpuprofile cpu.out ./generator/bench`) shows each side spending about 40% of its time copying the 120-byte `Info` out to the caller, the same copy for both: while `Lookup` returns `Info` by value, even a lookup that cost nothing would measure about 0.4×. Of the rest, `codeIndex` (hash the code, read the bucket's seed, read the slot, compare one string) takes about three quarters of what `runtime.mapaccess2_faststr` takes; a fifth of that is the hash, which reads every byte of the code with two 64×64→128-bit multiplies, and most of the rest the comparison of strings and the waits on the two table reads before it. Folding the hash into `codeIndex` measured no faster. A layout with every string in one constant and rows of offsets (as stringer does) made the rows 28 bytes instead of 120, but building the `Info` from offsets made a lookup take 1.2 to 1.9 times the map's time in a prototype, against 0.7 to 1.0 for copying a static row."
	whyGenerate = "A CPU profile (`-bench 'BenchmarkGenerate/codes=10000$/impl=errspec' -cpuprofile cpu.out`) puts about 60% of errspec's time in go/format, 15% in building the jennifer tree (a third of that wrapping and escaping doc comments), 12% in jennifer's rendering, 8% in text/template writing ERRORS.md (which the floor does not write; it runs while the Go file is formatted) and 4% in cutting the file into sections. go/format's time follows the bytes it formats, and errspec's Go file is 1.4 times the floor's: besides the constants and the table, it declares a sentinel with its doc comment per code, wraps doc comments to 80 columns, and holds the hash's arrays. errspec formats the file in sections, in parallel (`renderGo`), which gives the same bytes as jennifer's whole-file `format.Source` in less time and memory, but the work left is still about 1.5 times the floor's."
	whyMemory   = "The peak comes while jennifer renders the file. `GODEBUG=gctrace=1` shows a live heap of about 610 MB at 100,000 codes at that point (jennifer's tree, the model, the source being rendered; rows of `codeTable` share their constant fields to keep the tree small, and the docs render only once the tree is garbage), and the garbage collector lets the heap grow to twice the live heap before it runs, so the peak falls anywhere between 0.85 and 1.15 GiB from run to run, and between 90 and 120 MiB at 10,000 codes: hence medians of several runs. Running with `GOGC=50` brings the peak at 100,000 codes to 0.8 to 0.9 GiB for about 30% more time; a generator that rendered the file in chunks, so that jennifer's tree for every code never exists at once, would cut it further, at the cost of splitting jennifer's rendering by hand."
	whySize     = "Each row of the table is an `Info` value in a static array (120 bytes: seven string headers and two booleans) besides its text, so that a lookup copies a row out instead of assembling it: the synthetic rows carry about 95 bytes of text, so the headers alone are more than the text. Strings in one constant with offsets (as stringer does) would cost about 28 bytes a row, but made `Lookup` slower than the map (see Lookup)."
)
