package generator

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/errspec/errspec/generator/bench"
	"github.com/errspec/errspec/generator/fixed"
	"github.com/errspec/errspec/spec"
)

// findRow is what the generated codeIndex computes, in the generator's
// terms and with the generated code's own functions: the key the perfect
// hash gives, when the slot's tag matches, confirmed by comparing keys.
// compared reports whether it came to comparing.
func findRow(p perfectHash, keys []string, code string) (row int, compared bool) {
	h := fixed.Hash(p.seed, code)
	slot := p.slots[fixed.Slot(h, p.buckets[fixed.Bucket(h, len(p.buckets))], len(p.slots))]
	if uint32(slot>>32) != fixed.Tag(h) {
		return -1, false
	}
	if i := int(uint32(slot)); keys[i] == code {
		return i, true
	}
	return -1, true
}

// checkPerfect builds a perfect hash for codes and checks that it places
// every code at its own row, and that near misses of each code and misses
// are not found. Nearly every miss must be refused by its tag, without
// reading a key: at most one in 10,000 may come to a comparison. It
// returns the hash.
func checkPerfect(t *testing.T, codes, misses []string) perfectHash {
	t.Helper()
	p, ok := newPerfectHash(codes)
	if !ok {
		t.Fatalf("no perfect hash for %d codes", len(codes))
	}
	if len(p.buckets)&(len(p.buckets)-1) != 0 || len(p.slots)&(len(p.slots)-1) != 0 || len(p.slots) < len(codes) {
		t.Fatalf("%d buckets and %d slots for %d codes: want powers of 2, and a slot per code", len(p.buckets), len(p.slots), len(codes))
	}
	known := make(map[string]bool, len(codes))
	for _, c := range codes {
		known[c] = true
	}
	tried, compared := 0, 0
	refuse := func(miss, what string) {
		if known[miss] {
			return
		}
		row, cmp := findRow(p, codes, miss)
		if row >= 0 {
			t.Fatalf("%s %q is found", what, miss)
		}
		tried++
		if cmp {
			compared++
		}
	}
	for i, c := range codes {
		if got, _ := findRow(p, codes, c); got != i {
			t.Fatalf("code %q (row %d) is found at row %d", c, i, got)
		}
		for _, miss := range nearMisses(c) {
			refuse(miss, "near miss of "+strconv.Quote(c))
		}
	}
	for _, miss := range misses {
		refuse(miss, "miss")
	}
	if compared*10_000 > max(tried, 10_000) {
		t.Errorf("%d of %d misses passed the tag check", compared, tried)
	}
	return p
}

// nearMisses returns strings close to code: one byte changed at its start,
// middle and end, a prefix, a suffix added, and the empty string.
func nearMisses(code string) []string {
	out := []string{"", code + "X", code + "\x00", "x" + code}
	if len(code) > 0 {
		out = append(out, code[:len(code)-1], code[1:])
		for _, at := range []int{0, len(code) / 2, len(code) - 1} {
			b := []byte(code)
			b[at] ^= 0x01
			out = append(out, string(b))
		}
	}
	return out
}

// TestPerfectHashSynthetic builds perfect hashes for synthetic tables of up
// to 100,000 codes, of each shape (the mixed one, mostly dotted codes and a
// tenth numeric, up to 100,000; each shape up to 10,000, which keeps the
// test to a second or two), and
// checks them with random misses of the shape and same-length near misses
// (bench.Misses, bench.NearMisses) besides checkPerfect's own. It also documents how far the search is from
// its limit: a few hash seeds do, of the hashSeedTries it may try.
func TestPerfectHashSynthetic(t *testing.T) {
	// Each shape is checked up to 10,000 codes, and the mixed table (mostly
	// dotted codes, a tenth numeric) up to 100,000.
	for _, shape := range []bench.Shape{bench.Mixed, bench.Dotted, bench.Numeric, bench.SQLState} {
		for _, n := range []int{1, 2, 3, 28, 1000, 10_000, 100_000} {
			if n == 100_000 && shape != bench.Mixed {
				continue
			}
			t.Run(fmt.Sprint(shape, n), func(t *testing.T) {
				if n == 100_000 && testing.Short() {
					t.Skip("100,000 codes; skipped in -short mode")
				}
				t.Parallel()
				codes := bench.Codes(n)
				if shape != bench.Mixed {
					codes = bench.ShapeCodes(shape, n)
				}
				missShape := shape
				if shape == bench.Mixed {
					missShape = bench.Dotted
				}
				misses := append(bench.Misses(missShape, codes, min(n, 10_000)), bench.NearMisses(codes)...)
				p := checkPerfect(t, codes, misses)
				if p.tries > 32 {
					t.Errorf("the search tried %d hash seeds, close to the limit of %d", p.tries, hashSeedTries)
				}
			})
		}
	}
}

// TestPerfectHashRealTables checks the perfect hashes of the real tables:
// the shipped spec's, and the vendor tables in spec/testdata/vendor.
func TestPerfectHashRealTables(t *testing.T) {
	specs := realTables(t)
	specs["shipped"] = mustParse(t, spec.DefaultFile, spec.DefaultYAML())
	for name, s := range specs {
		t.Run(name, func(t *testing.T) {
			var codes []string
			for _, c := range s.Codes {
				codes = append(codes, c.Code)
			}
			misses := append(bench.Misses(bench.Dotted, codes, 10_000), bench.NearMisses(codes)...)
			checkPerfect(t, codes, misses)
		})
	}
}

// Key sets that break weak hashes, and sizes at the edges of the hash's
// cases (0 to 3 bytes, 4 to 7, 8 to 16, 17 to 32, longer).
func TestPerfectHashAdversarial(t *testing.T) {
	long := strings.Repeat("InvalidParameterValue.", 500)
	sets := map[string][]string{
		"one":   {"OK"},
		"empty": {"", "a"},
		"prefixes": func() (out []string) {
			for i := 1; i <= 200; i++ {
				out = append(out, strings.Repeat("a", i))
			}
			return out
		}(),
		"middle": func() (out []string) {
			for i := range 300 {
				out = append(out, fmt.Sprintf("InvalidParameterValue.%03dTooLarge.AndSomeMoreText", i))
			}
			return out
		}(),
		"long": {long, long + "a", long + "b", "a" + long, long[:len(long)-1] + "X", long[:5000] + "Y" + long[5001:]},
		// Codes whose words read the same but for a difference their
		// lengths could cancel, were the length mixed into the words.
		"lengths-cancel": {"ab", "abc", "@AAA", "@AAAA", "@AAAAAAA", "AAAAAAAAA",
			"0123456789abcdef@", "0123456789abcdefAA", "@AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"},
		// Anagrams and swapped 8-byte words: equal under hashes that add or
		// xor bytes or words.
		"anagrams": {"ab", "ba", "abc", "acb", "bac", "bca", "cab", "cba",
			"AAAAAAAABBBBBBBB", "BBBBBBBBAAAAAAAA", "AAAAAAAABBBBBBBBCCCCCCCC", "CCCCCCCCBBBBBBBBAAAAAAAA",
			"BBBBBBBBAAAAAAAACCCCCCCC", "isv.AB_CD", "isv.CD_AB", "isp.AB_CD"},
		// Codes that differ only in bits a byte-wise hash might drop.
		"bits": func() (out []string) {
			for b := range 256 {
				out = append(out, "code"+string(rune(0))+string([]byte{byte(b)}))
				out = append(out, string([]byte{byte(b), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}))
			}
			return out
		}(),
		"lengths": func() (out []string) { // 1 to 69 bytes, all zero or all one bits
			for n := 1; n < 70; n++ {
				out = append(out, strings.Repeat("\x00", n), strings.Repeat("\xff", n))
			}
			return out
		}(),
	}
	for name, codes := range sets {
		t.Run(name, func(t *testing.T) { checkPerfect(t, codes, nil) })
	}
}

// TestPerfectHashDeterministic builds the same table twice.
func TestPerfectHashDeterministic(t *testing.T) {
	codes := bench.Codes(5000)
	a, _ := newPerfectHash(codes)
	b, _ := newPerfectHash(codes)
	if a.seed != b.seed || !slices.Equal(a.buckets, b.buckets) || !slices.Equal(a.slots, b.slots) {
		t.Fatal("two builds of the same table differ")
	}
}

// TestPerfectHashGivesUp checks that the search ends, and says so, when
// hashes collide: no seed can part two equal hashes.
func TestPerfectHashGivesUp(t *testing.T) {
	hashes := []uint64{1, 2, 3, 42, 5, 42}
	if _, ok := placeAll(hashes); ok {
		t.Fatal("placed two equal hashes in different slots")
	}
	if _, ok := newPerfectHash(nil); ok {
		t.Fatal("a perfect hash for no codes")
	}
}

// TestHashCodeAllBytes checks that every byte of a code changes its hash,
// at every length up to 100, so that codes can differ anywhere.
func TestHashCodeAllBytes(t *testing.T) {
	for n := 1; n <= 100; n++ {
		code := []byte(strings.Repeat("x", n))
		h := fixed.Hash(1, string(code))
		for i := range code {
			code[i] = 'y'
			if fixed.Hash(1, string(code)) == h {
				t.Errorf("length %d: byte %d does not change the hash", n, i)
			}
			code[i] = 'x'
		}
	}
}
