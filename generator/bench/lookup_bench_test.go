//go:build errspecbench

// The benchmarks in files tagged errspecbench import packages that
// go run ./generator/bench/cmd/report writes into testdata/gen first; make
// bench runs it.

package bench

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/errspec/errspec/gen/smserr"
	"github.com/errspec/errspec/generator/bench/testdata/gen/lookups"
	"github.com/errspec/errspec/generator/bench/testdata/gen/synth10000"
)

// The kinds of keys the lookup benchmarks look up.
const (
	keysHit  = "hit"  // every code of the table
	keysMiss = "miss" // unknown codes of the table's shape (Misses)
	keysNear = "near" // each code with a byte near its middle changed (NearMisses)
)

// lookupKeys returns the keys of a kind for a table: copies (as a code
// read off the wire is, so that no comparison meets the table's own
// bytes), shuffled.
func lookupKeys(kind string, shape Shape, codes []string) []string {
	var keys []string
	switch kind {
	case keysHit:
		keys = slices.Clone(codes)
	case keysMiss:
		keys = Misses(shape, codes, max(len(codes), blockSize))
	case keysNear:
		keys = NearMisses(codes)
	}
	for i, k := range keys {
		keys[i] = strings.Clone(k)
	}
	r := rand.New(rand.NewPCG(uint64(len(codes)), 1))
	r.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
	return keys
}

// BenchmarkLookup compares Lookup with a map[string]Info built from All(),
// over the same keys, for each table of package lookups (synthetic tables
// of each shape and size, and the real ones) and each kind of key: hits,
// misses and near misses. See lookupPair for what it reports.
func BenchmarkLookup(b *testing.B) {
	for _, t := range lookups.Tables {
		b.Run(t.Name, func(b *testing.B) {
			codes, inMap, withLookup := t.Load()
			for _, kind := range []string{keysHit, keysMiss, keysNear} {
				keys := lookupKeys(kind, Shape(t.Shape), codes)
				b.Run("keys="+kind, func(b *testing.B) { lookupPair(b, keys, inMap, withLookup) })
			}
		})
	}
}

// blockSize is how many lookups lookupPair times at once.
const blockSize = 1024

// lookupPair measures two ways to look up the same keys, in turns: each
// operation looks up a block of blockSize keys one way and the same block
// the other way, in alternating order, timing each block. It reports each
// way's median time per lookup; errspec/map, the ratio of the two times
// that the benchmark claims; and Lookup's allocations per lookup.
//
// A ratio of times taken moments apart is the measure a busy machine
// disturbs least, but the second loop over a block finds the keys' bytes
// in the cache where the first fetched them. So errspec/map is the
// geometric mean of two medians over blocks: that of the blocks the map
// looked up first, and that of those Lookup did, in which the advantage
// of going second cancels out. Each block function runs its loop itself,
// calling the lookup directly, as a caller would.
func lookupPair(b *testing.B, keys []string, mapBlock, errspecBlock func([]string)) {
	seq := slices.Clone(keys)
	for len(seq) < len(keys)+blockSize {
		seq = append(seq, keys...)
	}
	var mapNs, errspecNs, mapFirst, errspecFirst []float64
	round := 0
	for b.Loop() {
		off := round * blockSize % len(keys)
		block := seq[off : off+blockSize]
		var tm, te time.Duration
		if round%2 == 0 {
			tm, te = timeBlock(mapBlock, block), timeBlock(errspecBlock, block)
			mapFirst = append(mapFirst, float64(te)/float64(tm))
		} else {
			te, tm = timeBlock(errspecBlock, block), timeBlock(mapBlock, block)
			errspecFirst = append(errspecFirst, float64(te)/float64(tm))
		}
		mapNs = append(mapNs, float64(tm)/blockSize)
		errspecNs = append(errspecNs, float64(te)/blockSize)
		round++
	}
	b.StopTimer()
	allocs := testing.AllocsPerRun(1, func() { errspecBlock(seq[:blockSize]) })
	b.ReportMetric(medianOf(mapNs), "map-ns/lookup")
	b.ReportMetric(medianOf(errspecNs), "errspec-ns/lookup")
	b.ReportMetric(pairedRatio(mapFirst, errspecFirst), "errspec/map")
	b.ReportMetric(allocs/blockSize, "allocs/lookup")
}

func timeBlock(f func([]string), block []string) time.Duration {
	start := time.Now()
	f(block)
	return time.Since(start)
}

// pairedRatio is the geometric mean of the medians of two sets of ratios,
// or the median of the one set measured.
func pairedRatio(a, b []float64) float64 {
	switch {
	case len(a) == 0:
		return medianOf(b)
	case len(b) == 0:
		return medianOf(a)
	}
	return math.Sqrt(medianOf(a) * medianOf(b))
}

// The sinks BenchmarkAllocs's calls write to.
var (
	sinkSMS   smserr.Info
	sink10000 synth10000.Info
	sinkOK    bool
	sinkErr   error
)

// BenchmarkAllocs counts the allocations of the calls made on every failed
// API call (run with -benchmem): Lookup of a known and an unknown code,
// FromResponse of a success and an error code, and errors.Is against a
// sentinel, through a wrapped *Error.
func BenchmarkAllocs(b *testing.B) {
	const known, unknown = "isv.BUSINESS_LIMIT_CONTROL", "isv.NOT_A_REAL_CODE"
	calls := []struct {
		name string
		call func()
	}{
		{"Lookup=known", func() { sinkSMS, sinkOK = smserr.Lookup(known) }},
		{"Lookup=unknown", func() { sinkSMS, sinkOK = smserr.Lookup(unknown) }},
		{"Lookup=10000", func() { sink10000, sinkOK = synth10000.Lookup("OK") }},
		{"FromResponse=success", func() { sinkErr = smserr.FromResponse("OK", "OK", "req-1") }},
		{"FromResponse=error", func() { sinkErr = smserr.FromResponse(known, "limit", "req-1") }},
		{"FromResponse=unknown", func() { sinkErr = smserr.FromResponse(unknown, "?", "req-1") }},
	}
	wrapped := fmt.Errorf("send: %w", smserr.FromResponse(known, "limit", "req-1"))
	calls = append(calls,
		struct {
			name string
			call func()
		}{"ErrorsIs=match", func() { sinkOK = errors.Is(wrapped, smserr.ErrBusinessLimitControl) }},
		struct {
			name string
			call func()
		}{"ErrorsIs=other", func() { sinkOK = errors.Is(wrapped, smserr.ErrDayLimitControl) }},
	)
	for _, c := range calls {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c.call()
			}
		})
	}
}
