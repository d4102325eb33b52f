//go:build errspecbench

// The benchmarks in files tagged errspecbench import packages that
// go run ./generator/bench/cmd/report writes into testdata/gen first; make
// bench runs it.

package bench

import (
	"errors"
	"fmt"
	"iter"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/errspec/errspec/gen/smserr"
	"github.com/errspec/errspec/generator/bench/testdata/gen/synth1000"
	"github.com/errspec/errspec/generator/bench/testdata/gen/synth10000"
)

// lookupKeys returns the keys a lookup benchmark cycles through: every code
// of the table, copied (as a code read off the wire is), and one unknown
// code for every nine, near misses of the codes and codes of another
// table, shuffled.
func lookupKeys(codes []string) []string {
	r := rand.New(rand.NewPCG(uint64(len(codes)), 1))
	other := Codes(len(codes) + 7)
	keys := make([]string, 0, len(codes)+len(codes)/9+1)
	for _, c := range codes {
		keys = append(keys, strings.Clone(c))
	}
	known := make(map[string]bool, len(codes))
	for _, c := range codes {
		known[c] = true
	}
	for len(keys) < cap(keys) {
		var k string
		switch c := codes[r.IntN(len(codes))]; r.IntN(3) {
		case 0:
			b := []byte(c)
			b[r.IntN(len(b))] ^= 0x20
			k = string(b)
		case 1:
			k = c + "_"
		default:
			k = other[r.IntN(len(other))]
		}
		if !known[k] {
			keys = append(keys, strings.Clone(k))
		}
	}
	r.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
	return keys
}

// mapOf builds the baseline: a map[string]Info from All().
func mapOf[I any](all iter.Seq[I], code func(I) string) (map[string]I, []string) {
	m := map[string]I{}
	var codes []string
	for info := range all {
		m[code(info)] = info
		codes = append(codes, code(info))
	}
	return m, codes
}

// The benchmarks keep every Info they get in a package variable, so that
// both sides materialize the whole row, as a caller that keeps it would.
var (
	sinkSMS   smserr.Info
	sink1000  synth1000.Info
	sink10000 synth10000.Info
	sinkOK    bool
	sinkLen   int
	sinkErr   error
)

// blockSize is how many lookups lookupPair times at once.
const blockSize = 1024

// lookupPair measures two ways to look up the same keys, in turns: each
// operation looks up a block of blockSize keys one way and the same block
// the other way, in alternating order, timing each block. It reports each
// way's median time per lookup, and errspec/map, the median over blocks
// of the ratio of the two times, which is what the benchmark claims: a
// ratio of times taken moments apart is the measure a busy machine
// disturbs least. Each block function runs its loop itself, calling the
// lookup directly, as a caller would.
func lookupPair(b *testing.B, keys []string, mapBlock, errspecBlock func([]string)) {
	seq := slices.Clone(keys)
	for len(seq) < len(keys)+blockSize {
		seq = append(seq, keys...)
	}
	var mapNs, errspecNs, ratios []float64
	round := 0
	for b.Loop() {
		off := round * blockSize % len(keys)
		block := seq[off : off+blockSize]
		var tm, te time.Duration
		if round%2 == 0 {
			tm, te = timeBlock(mapBlock, block), timeBlock(errspecBlock, block)
		} else {
			te, tm = timeBlock(errspecBlock, block), timeBlock(mapBlock, block)
		}
		mapNs = append(mapNs, float64(tm)/blockSize)
		errspecNs = append(errspecNs, float64(te)/blockSize)
		ratios = append(ratios, float64(te)/float64(tm))
		round++
	}
	b.ReportMetric(medianOf(mapNs), "map-ns/lookup")
	b.ReportMetric(medianOf(errspecNs), "errspec-ns/lookup")
	b.ReportMetric(medianOf(ratios), "errspec/map")
}

func timeBlock(f func([]string), block []string) time.Duration {
	start := time.Now()
	f(block)
	return time.Since(start)
}

func medianOf(vs []float64) float64 {
	if len(vs) == 0 {
		return 0
	}
	slices.Sort(vs)
	return vs[len(vs)/2]
}

// BenchmarkLookup compares Lookup with a map[string]Info built from All(),
// on the same keys: every code of the table, shuffled, and one unknown code
// in ten; each keeps the whole Info it gets.
//
// The loops are written out for each package rather than shared through a
// generic helper on purpose: a lookup passed as a func value is not
// inlined, which would measure a call that callers of Lookup do not pay.
func BenchmarkLookup(b *testing.B) {
	b.Run("codes=28", func(b *testing.B) {
		m, codes := mapOf(smserr.All(), func(i smserr.Info) string { return string(i.Code) })
		lookupPair(b, lookupKeys(codes),
			func(keys []string) {
				for _, k := range keys {
					sinkSMS, sinkOK = m[k]
				}
			},
			func(keys []string) {
				for _, k := range keys {
					sinkSMS, sinkOK = smserr.Lookup(k)
				}
			})
	})
	b.Run("codes=1000", func(b *testing.B) {
		m, codes := mapOf(synth1000.All(), func(i synth1000.Info) string { return string(i.Code) })
		lookupPair(b, lookupKeys(codes),
			func(keys []string) {
				for _, k := range keys {
					sink1000, sinkOK = m[k]
				}
			},
			func(keys []string) {
				for _, k := range keys {
					sink1000, sinkOK = synth1000.Lookup(k)
				}
			})
	})
	b.Run("codes=10000", func(b *testing.B) {
		m, codes := mapOf(synth10000.All(), func(i synth10000.Info) string { return string(i.Code) })
		lookupPair(b, lookupKeys(codes),
			func(keys []string) {
				for _, k := range keys {
					sink10000, sinkOK = m[k]
				}
			},
			func(keys []string) {
				for _, k := range keys {
					sink10000, sinkOK = synth10000.Lookup(k)
				}
			})
	})
}

// BenchmarkLookupField is BenchmarkLookup for a caller that reads a field
// of the row and drops it, the common case (if info.Retryable ...).
func BenchmarkLookupField(b *testing.B) {
	b.Run("codes=28", func(b *testing.B) {
		m, codes := mapOf(smserr.All(), func(i smserr.Info) string { return string(i.Code) })
		lookupPair(b, lookupKeys(codes),
			func(keys []string) {
				for _, k := range keys {
					if info, ok := m[k]; ok {
						sinkLen += len(info.Message)
					}
				}
			},
			func(keys []string) {
				for _, k := range keys {
					if info, ok := smserr.Lookup(k); ok {
						sinkLen += len(info.Message)
					}
				}
			})
	})
	b.Run("codes=1000", func(b *testing.B) {
		m, codes := mapOf(synth1000.All(), func(i synth1000.Info) string { return string(i.Code) })
		lookupPair(b, lookupKeys(codes),
			func(keys []string) {
				for _, k := range keys {
					if info, ok := m[k]; ok {
						sinkLen += len(info.Message)
					}
				}
			},
			func(keys []string) {
				for _, k := range keys {
					if info, ok := synth1000.Lookup(k); ok {
						sinkLen += len(info.Message)
					}
				}
			})
	})
	b.Run("codes=10000", func(b *testing.B) {
		m, codes := mapOf(synth10000.All(), func(i synth10000.Info) string { return string(i.Code) })
		lookupPair(b, lookupKeys(codes),
			func(keys []string) {
				for _, k := range keys {
					if info, ok := m[k]; ok {
						sinkLen += len(info.Message)
					}
				}
			},
			func(keys []string) {
				for _, k := range keys {
					if info, ok := synth10000.Lookup(k); ok {
						sinkLen += len(info.Message)
					}
				}
			})
	})
}

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
