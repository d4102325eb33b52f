package main

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// A target is one of issue 12's goals: a measured value against a limit.
type target struct {
	what, measure string
	value         float64
	ok            bool    // the value was measured
	shown         string  // the value as the report shows it
	limit         float64 // the value must be at most limit (below it, with below)
	below         bool
	limitText     string
	why           string // when it is missed: what the profile says, and what it would take
}

func (t target) met() bool {
	if t.below {
		return t.value < t.limit
	}
	return t.value <= t.limit
}

func (t target) verdict() string {
	switch {
	case !t.ok:
		return "not measured"
	case t.met():
		return "met"
	}
	return "**missed**"
}

// report renders BENCHMARKS.md.
func report(f findings, env machine, commands []string) []byte {
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	ts := targets(f)

	p("# errspec benchmarks\n\n")
	p("Written by `make bench` (`go run ./generator/bench/cmd/report`), which runs the benchmarks of\n")
	p("[`generator/bench`](generator/bench) and measures errspec against the targets of issue 12. The\n")
	p("machine is shared and noisy, so every claim is a ratio of two measurements taken moments apart\n")
	p("(paired repetitions inside one process). Each figure of the lookups and of generation is the\n")
	p("median of what %d processes measured, one after another; the command and the build, which run\n", env.procs)
	p("processes of their own, are medians of %d and %d such runs paired in time. Bare times are given\n", env.procs, 2*env.procs)
	p("for scale only.\n\n")
	p("- Machine: %s, %d CPUs (GOMAXPROCS %d), %s/%s\n", env.cpu, env.cpus, env.cpus, env.goos, env.goarch)
	p("- Go: `%s`\n", env.goVersion)
	p("- The run took %v, building the packages and the test binary included.\n", env.elapsed.Round(time.Second))
	p("- Noise: the load average (1 minute) was %s at the start and %s at the end of the run%s.\n\n",
		env.loadStart, env.loadEnd, noise(f))

	p("## Targets\n\n")
	p("| Target | Measure | Limit | Result | Verdict |\n| --- | --- | --- | --- | --- |\n")
	for _, t := range ts {
		p("| %s | %s | %s | %s | %s |\n", t.what, t.measure, t.limitText, t.shown, t.verdict())
	}
	p("\n")
	var missed []target
	for _, t := range ts {
		if t.ok && !t.met() && t.why != "" {
			missed = append(missed, t)
		}
	}
	if len(missed) > 0 {
		p("## Where targets are missed\n\n")
		seen := map[string]bool{}
		for _, t := range missed {
			if !seen[t.why] {
				seen[t.why] = true
				p("**%s.** %s\n\n", t.what, t.why)
			}
		}
	}

	lookupSection(&b, f)
	generationSection(&b, f)
	otherSection(&b, f)

	p("## Commands\n\n")
	p("`make bench` runs `go run ./generator/bench/cmd/report`, which writes the packages the\n")
	p("benchmarks import into `generator/bench/testdata/gen` (a generated package per lookup table,\n")
	p("package `lookups`, which pairs each with a map, the 1,000- and 10,000-code tables and the map\n")
	p("literal the build and start-up benchmarks use, and programs that use them), builds the test\n")
	p("binary, and runs it from `generator/bench`, as `go test` would:\n\n```\n")
	p("go %s\ncd generator/bench\n", strings.Join(buildArgs, " "))
	for _, c := range commands {
		p("%s\n", c)
	}
	p("```\n\nA profile of any of them: add `-test.cpuprofile cpu.out` and read it with\n")
	p("`go tool pprof testdata/gen/bench.test cpu.out`.\n")
	return b.Bytes()
}

// noise describes how far apart the processes measured the lookup ratios.
func noise(f findings) string {
	var spreads []float64
	for _, name := range f.names(passLookup) {
		if s, ok := f.spread(passLookup, name, "errspec/map"); ok {
			spreads = append(spreads, s)
		}
	}
	if len(spreads) == 0 {
		return ""
	}
	m, _ := median(spreads)
	return fmt.Sprintf("; the processes' lookup ratios for a case differed by %.0f%% in the median case and %.0f%% at most (largest over smallest)",
		100*m, 100*slices.Max(spreads))
}

// The lookup benchmarks' cases.
var keyKinds = []struct{ kind, what string }{{"hit", "hits"}, {"miss", "misses"}, {"near", "near-misses"}}

// targets evaluates issue 12's goals.
func targets(f findings) []target {
	var ts []target

	// Lookups: the worst case of each kind.
	names := f.names(passLookup)
	for _, k := range keyKinds {
		limit := 0.5
		if k.kind == "hit" {
			limit = 1.0
		}
		worst, worstName, n, ok := 0.0, "", 0, false
		var all []float64
		var over []string
		for _, name := range names {
			if !strings.HasSuffix(name, "/keys="+k.kind) {
				continue
			}
			if r, found := f.median(passLookup, name, "errspec/map"); found {
				ok = true
				n++
				all = append(all, r)
				if r > worst {
					worst, worstName = r, caseName(name)
				}
				if r > limit {
					over = append(over, fmt.Sprintf("%s %s", caseName(name), times(r, limit)))
				}
			}
		}
		med, _ := median(all)
		shown := fmt.Sprintf("%s at worst (%s); %s in the median case of %d", times(worst, limit), worstName, times(med), n)
		if len(over) > 0 {
			shown += fmt.Sprintf("; over the limit in %d: %s", len(over), strings.Join(over, ", "))
		}
		ts = append(ts, target{
			what:    "Lookup, " + k.what,
			measure: "time against a map[string]Info built from All(), same keys: the worst of every shape and size and real table",
			value:   worst, ok: ok, limit: limit, limitText: fmt.Sprintf("≤ %.1f×", limit),
			shown: shown, why: whyLookup[k.kind],
		})
	}
	allocs, okAllocs := 0.0, false
	for _, name := range names {
		if v, ok := f.worst(passLookup, name, "allocs/lookup"); ok {
			allocs, okAllocs = max(allocs, v), true
		}
	}
	for _, a := range []string{"Lookup=known", "Lookup=unknown", "Lookup=10000", "FromResponse=success", "ErrorsIs=match", "ErrorsIs=other"} {
		if v, ok := f.median(passAllocs, "BenchmarkAllocs/"+a, "allocs/op"); ok {
			allocs, okAllocs = max(allocs, v), true
		}
	}
	ts = append(ts, target{what: "Lookup, allocations", measure: "allocations of every lookup above, and of Lookup, FromResponse of a success code and errors.Is in BenchmarkAllocs",
		value: allocs, ok: okAllocs, limit: 0, limitText: "0", shown: fmt.Sprintf("%g", allocs)})

	const initErrspec = "BenchmarkInit/codes=10000/impl=errspec"
	initAllocs, okA := f.worst(passInit, initErrspec, "init-allocs")
	initUS, _ := f.worst(passInit, initErrspec, "init-µs")
	hasInit, _ := f.worst(passInit, initErrspec, "has-init")
	mapUS, _ := f.median(passInit, "BenchmarkInit/codes=10000/impl=maplit", "init-µs")
	mapAllocs, _ := f.median(passInit, "BenchmarkInit/codes=10000/impl=maplit", "init-allocs")
	initShown := fmt.Sprintf("%g allocations, %g µs", initAllocs, initUS)
	if hasInit == 0 {
		initShown = "none: the package has no initialization to run"
	}
	initShown += fmt.Sprintf(" (the map literal's: %g allocations, %.0f µs)", mapAllocs, mapUS)
	ts = append(ts, target{what: "Start-up, 10,000 codes", measure: "GODEBUG=inittrace=1: the package's initialization, allocations and time",
		value: initAllocs + initUS, ok: okA, limit: 0, limitText: "0", shown: initShown})

	build, okB := f.median(passBuild, "BenchmarkBuild/codes=10000", "errspec/maplit")
	be, _ := f.median(passBuild, "BenchmarkBuild/codes=10000", "errspec-s")
	bm, _ := f.median(passBuild, "BenchmarkBuild/codes=10000", "maplit-s")
	ts = append(ts, target{what: "Build, 10,000 codes", measure: "go build of the generated package against a package holding a map literal of the same rows, each under a new import path",
		value: build, ok: okB, limit: 1.5, limitText: "≤ 1.5×", shown: fmt.Sprintf("%s (%s against %s)", times(build, 1.5), seconds(be), seconds(bm)), why: whyBuild(f)})

	for _, g := range []struct{ pass, what string }{
		{passGenerate1, "10,000 codes, one core"}, {passGenerate1e5, "100,000 codes, one core"},
	} {
		name := generateName(g.pass)
		r, ok := f.median(g.pass, name, "errspec/gofmt")
		e, _ := f.median(g.pass, name, "errspec-s")
		gf, _ := f.median(g.pass, name, "gofmt-s")
		ts = append(ts, target{what: "Generation, " + g.what, measure: "generator.Generate against format.Source of its own Go file (floor a), with -cpu 1",
			value: r, ok: ok, limit: 1.3, limitText: "≤ 1.3×", shown: fmt.Sprintf("%s (%s against %s)", times(r, 1.3), seconds(e), seconds(gf)), why: whyGenerate})
	}
	rss, okR := 0.0, false
	for _, pass := range []string{passCLI, passCLI1} {
		if v, ok := f.worst(pass, "BenchmarkCLI/codes=10000,100000", "worst-RSS-MiB/100000"); ok {
			rss, okR = max(rss, v), true
		}
	}
	ts = append(ts, target{what: "Peak memory, 100,000 codes", measure: "peak RSS of errspec generate (a process, which parses the spec, generates and writes), the worst of every run on one core and on all",
		value: rss, ok: okR, limit: 1024, below: true, limitText: "< 1 GiB", shown: fmt.Sprintf("%.0f MiB", rss), why: whyMemory})
	return ts
}

// generateName is the benchmark a generation pass runs.
func generateName(pass string) string {
	if strings.Contains(pass, "100k") {
		return "BenchmarkGenerate/codes=100000"
	}
	return "BenchmarkGenerate/codes=10000"
}

// caseName shortens a lookup benchmark's name for a reader.
func caseName(name string) string {
	name = strings.TrimPrefix(name, "BenchmarkLookup/")
	name = name[:strings.LastIndex(name, "/keys=")]
	if t, ok := strings.CutPrefix(name, "table="); ok {
		return t
	}
	shape, codes, _ := strings.Cut(strings.TrimPrefix(name, "shape="), "/codes=")
	return shape + " codes, " + thousands(codes)
}

// lookupSection shows every lookup case.
func lookupSection(b *bytes.Buffer, f findings) {
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("## Lookup\n\n")
	p("`Lookup` against a `map[string]Info` built from `All()`, over the same keys: hits (every code\n")
	p("of the table), misses (as many unknown codes of the table's shape, or 1,024 for small tables) and\n")
	p("near-misses (each code with one letter or digit near its middle changed to another of its kind),\n")
	p("each key a copy, shuffled. Both sides copy out the whole `Info`. Each cell is the median over\n")
	p("the processes of the ratio of paired blocks of 1,024 lookups, then Lookup's and the map's\n")
	p("median times per lookup. The shapes: dotted codes (`isv.BUSINESS_LIMIT_CONTROL`,\n")
	p("`InvalidParameterValue.TooLarge`), numeric codes as Twilio's (`21211`), and SQLSTATE codes\n")
	p("(`23505`); the real tables are the shipped Alibaba SMS table and the vendor tables in\n")
	p("`spec/testdata/vendor`, whose misses are dotted codes.\n\n")
	p("| Table | Hits | Misses | Near-misses |\n| --- | --- | --- | --- |\n")
	seen := map[string]bool{}
	for _, name := range f.names(passLookup) {
		base := name[:strings.LastIndex(name, "/keys=")]
		if seen[base] {
			continue
		}
		seen[base] = true
		p("| %s |", caseName(name))
		for _, k := range keyKinds {
			n := base + "/keys=" + k.kind
			r, ok := f.median(passLookup, n, "errspec/map")
			if !ok {
				p(" |")
				continue
			}
			e, _ := f.median(passLookup, n, "errspec-ns/lookup")
			m, _ := f.median(passLookup, n, "map-ns/lookup")
			p(" %s (%.1f ns, map %.1f ns) |", times(r), e, m)
		}
		p("\n")
	}
	p("\n")
}

// generationSection shows generation against its floors.
func generationSection(b *bytes.Buffer, f findings) {
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("## Generation\n\n")
	p("`generator.Generate` (the Go file and `ERRORS.md`, in memory, from a parsed synthetic spec)\n")
	p("against two floors, run in turns in each operation: (a) `format.Source` of the Go file\n")
	p("Generate returned, which no generator of that output can skip, and (b) bare jennifer\n")
	p("(`bench.Floor`), which renders a plainer package of the same table (a constant per code and a\n")
	p("map literal) with one `File.Render`, formatting on one thread. `errspec generate` is the\n")
	p("command, a process (load the spec, generate, write), against floor (a) of the file it wrote.\n")
	p("Ratios are medians of paired runs; times are medians. Floor (a) is also what the generator\n")
	p("cost when it formatted its whole output, as it did until issue 11 (generator/gofmt.go cut the\n")
	p("rendered file into sections by scanning its tokens, and formatted them in parallel): Generate\n")
	p("now formats only its small sections, and lays out the blocks of one entry per row (constants,\n")
	p("sentinels, rows, the hash's arrays) in gofmt's layout itself, a chunk at a time, in parallel,\n")
	p("which is why it takes less time than floor (a) alone, and why gofmt.go is gone.\n\n")
	p("| | 10,000 codes, one core | 10,000 codes, all cores | 100,000 codes, one core | 100,000 codes, all cores |\n")
	p("| --- | --- | --- | --- | --- |\n")
	gen := []string{passGenerate1, passGenerate, passGenerate1e5, passGenerate100}
	row := func(label string, cell func(pass string) string) {
		p("| %s |", label)
		for _, pass := range gen {
			p(" %s |", cell(pass))
		}
		p("\n")
	}
	metric := func(unit string, show func(float64) string) func(string) string {
		return func(pass string) string {
			if v, ok := f.median(pass, generateName(pass), unit); ok {
				return show(v)
			}
			return ""
		}
	}
	ratio := func(v float64) string { return times(v) }
	row("Generate against floor (a), gofmt", metric("errspec/gofmt", ratio))
	row("Generate against floor (b), jennifer", metric("errspec/jennifer", ratio))
	row("Generate", metric("errspec-s", seconds))
	row("Floor (a): format.Source", metric("gofmt-s", seconds))
	row("Floor (b): bare jennifer", metric("jennifer-s", seconds))
	cli := func(unit string, size string, show func(float64) string) func(string) string {
		return func(pass string) string {
			cp := passCLI
			if strings.Contains(pass, "1cpu") {
				cp = passCLI1
			}
			if (size == "100000") != strings.Contains(pass, "100k") {
				return ""
			}
			if v, ok := f.median(cp, "BenchmarkCLI/codes=10000,100000", unit+"/"+size); ok {
				return show(v)
			}
			return ""
		}
	}
	both := func(unit string, show func(float64) string) func(string) string {
		return func(pass string) string {
			if s := cli(unit, "10000", show)(pass); s != "" {
				return s
			}
			return cli(unit, "100000", show)(pass)
		}
	}
	row("`errspec generate` against floor (a)", both("cli/gofmt", ratio))
	row("`errspec generate`", both("cli-s", seconds))
	row("Peak RSS of `errspec generate`, worst run", both("worst-RSS-MiB", func(v float64) string { return fmt.Sprintf("%.0f MiB", v) }))
	row("Go file", metric("go-bytes", mib))
	p("\n")
	for _, cp := range []struct{ pass, what string }{{passCLI1, "one core"}, {passCLI, "all cores"}} {
		if s, ok := f.median(cp.pass, "BenchmarkCLI/codes=10000,100000", "scaling"); ok {
			p("Scaling, %s: `errspec generate` at 100,000 codes takes %s its time at 10,000 (median of runs paired in time).\n", cp.what, times(s))
		}
	}
	p("\n")
}

// otherSection shows the build, start-up and size figures.
func otherSection(b *bytes.Buffer, f findings) {
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("## Build, start-up and size\n\n")
	const build = "BenchmarkBuild/codes=10000"
	if added, ok := f.median(passBuild, build, "added/text"); ok {
		addedBytes, _ := f.median(passBuild, build, "added-bytes")
		text, _ := f.median(passBuild, build, "text-bytes")
		tableAdded, _ := f.median(passBuild, build, "table-added/text")
		p("A program grows by %s when it uses the 10,000-code package, %.2f× the table's %s of text\n", mib(addedBytes), added, mib(text))
		p("(codes, messages, solutions); the table's own share, from 1,000 to 10,000 codes, is %.2f× its text.\n\n", tableAdded)
	}
	p("The 10,000-code package's build, and its builds with parts left out, against the map literal's, each\n")
	p("the median of builds paired in time (`BenchmarkBuild`):\n\n")
	p("| Package | go build | Against the map literal |\n| --- | --- | --- |\n")
	for _, v := range buildVariants {
		t, ok := f.median(passBuild, build, v.name+"-s")
		if !ok {
			continue
		}
		r, ok := f.median(passBuild, build, v.name+"/maplit")
		shown := "1×"
		if ok {
			shown = times(r)
		}
		p("| %s | %s | %s |\n", v.what, seconds(t), shown)
	}
	p("\n")
	p("| Benchmark | Metrics, medians |\n| --- | --- |\n")
	for _, pass := range []string{passAllocs, passInit, passBuild} {
		for _, name := range f.names(pass) {
			var ms []string
			for _, unit := range []string{"ns/op", "allocs/op", "B/op", "init-allocs", "init-bytes", "init-µs", "added-bytes", "binary-bytes", "text-bytes"} {
				if v, ok := f.median(pass, name, unit); ok {
					if unit == "ns/op" {
						ms = append(ms, duration(v)+"/op")
						continue
					}
					ms = append(ms, number(v)+" "+unit)
				}
			}
			p("| `%s` | %s |\n", strings.TrimPrefix(name, "Benchmark"), strings.Join(ms, ", "))
		}
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
		return thousands(n[:len(n)-3]) + "," + n[len(n)-3:]
	}
	return n
}

func seconds(s float64) string { return fmt.Sprintf("%.2f s", s) }

func mib(b float64) string { return fmt.Sprintf("%.1f MiB", b/(1<<20)) }

func duration(ns float64) string {
	switch {
	case ns >= 1e9:
		return seconds(ns / 1e9)
	case ns >= 1e6:
		return fmt.Sprintf("%.1f ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.1f µs", ns/1e3)
	}
	return fmt.Sprintf("%.1f ns", ns)
}

// The packages BenchmarkBuild builds.
var buildVariants = []struct{ name, what string }{
	{"errspec", "errspec's package"},
	{"nocomments", "errspec's, without its comments (about half its bytes)"},
	{"nosentinels", "errspec's, without its sentinels"},
	{"noapi", "errspec's, without its sentinels and its Code constants"},
	{"maplit", "the map literal's"},
}

// What profiles say where targets are missed, shown only for the targets a
// run misses.
var whyLookup = map[string]string{
	"hit": "",
	"miss": "The misses over the limit are those of small tables (up to 1,000 codes), where the map's miss is cheap too, most of all of long codes: " +
		"the dotted synthetic codes and the real tables' (Alibaba's and Tencent's run from 17 to 50 bytes). " +
		"Lookup returns the 128-byte `Info` by value, and the benchmark keeps every `Info` it gets, as a caller that keeps the row would: " +
		"in a scratch copy of this benchmark, a Lookup whose codeIndex returned -1 at once took 3.9 ns a miss (0.35 to 0.42× the map's 9.5 to 10 ns on a small table), " +
		"and one with no call at all 3.2 ns: copying the row out costs a third of a map's miss, and leaves a miss under 1 ns for hashing, probing and refusing the code, " +
		"where it takes about 1.3 ns for a five- or six-byte code (one 128-bit multiplication, the bucket, the slot, the tag) and about 2 ns for a dotted code of 17 to 45 bytes " +
		"(two multiplications, and a branch on the length that a table's mix of lengths mispredicts). " +
		"What was tried (`go test -c` of a scratch module pairing each package with its map, CPU profiles and `go tool objdump`): " +
		"returning `Info{}` for a miss zeroed the result twice, and now Lookup copies a zero row kept after the rows (misses 6.8 → 5.2 ns); " +
		"mixing a code of up to 16 bytes once instead of twice; a displacement xored into the hash instead of a second hash per bucket; " +
		"a third multiplication instead of the length branch (slower: 6.5 against 6.0 ns); a pointer-returning helper (Lookup no longer inlined: 11 ns); " +
		"the hash written into codeIndex by hand (0.7 ns faster on short codes, but a second copy of the hash, which must stay in one place). " +
		"What it would take: a Lookup that returns a pointer to the row or lets the caller pick fields, so that a miss copies nothing (an API change); " +
		"or, for long codes, a hash with fewer multiplications that still lets no two codes collide under every seed (folding a code's words together " +
		"before multiplying, the cheap way, lets crafted codes do that and fail generation).",
}

func init() { whyLookup["near"] = whyLookup["miss"] }

// whyBuild explains the build's ratio from the builds of the package with
// parts left out.
func whyBuild(f findings) string {
	const build = "BenchmarkBuild/codes=10000"
	r := func(v string) string {
		x, _ := f.median(passBuild, build, v+"/maplit")
		return times(x)
	}
	return fmt.Sprintf("What the build's time goes to shows in builds of the package with parts left out (see Build, start-up and size): "+
		"without its comments, half its bytes, it takes %s the map literal's time (so the source's size is not what costs); without its 9,999 sentinels, %s; "+
		"without them and its 10,000 Code constants, %s, the rest being the fixed half's functions (about 0.15 s) and rows that cost as the map literal's do. "+
		"A CPU profile of the compiler (`go build -gcflags=-cpuprofile=c.prof`) spreads the time over type-checking, writing and reading the unified IR, "+
		"and writing the object, for each declared object: a package-level variable costs about 33 µs and a constant about 15 µs to declare, "+
		"whatever its form (a sentinel pointing into an array, a literal in place of the constant, an unexported name, no initializer: all measured within 15%%). "+
		"The two exported identifiers the design gives every code cost more to build than the whole map literal. "+
		"What it would take: fewer identifiers per code, such as sentinels made on demand (`Code.Err()`) instead of a variable each, a change of the generated API.",
		r("nocomments"), r("nosentinels"), r("noapi"))
}

var (
	whyGenerate = "A CPU profile (`-test.cpuprofile` on `BenchmarkGenerate/codes=100000` with `-test.cpu 1`) puts the time in jennifer's rendering and the allocation of its trees, text/template rendering ERRORS.md, and the perfect hash's search; go/format only formats the small declarations."
	whyMemory   = "The peak comes while the sections render: the model, jennifer's trees for the chunks being rendered, the rendered chunks, and ERRORS.md, with the garbage collector letting the heap grow to twice what is live."
)
