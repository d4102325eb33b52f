package generator

import (
	"math/bits"
	"slices"
)

// The generated Lookup finds a code's row with a perfect hash built here,
// at generation time, over the table's codes: hashing a code picks a
// bucket, the bucket's seed places the code in a slot, and the slot holds
// the row of the one code that can be there, which a single comparison
// confirms or rules out. This is CHD ("hash, displace and compress",
// Belazzougui, Botelho and Dietzfelbinger, 2009) without the compression:
// buckets hold about four codes, taken largest first, and each gets the
// smallest seed that puts all its codes in free slots.
//
// hashCode, bucketOf and slotOf are the generator's copies of the
// functions the generated code carries (see lookup.go); tests build
// generated packages to hold the two to the same answers.

// The constants of the hash. They are arbitrary odd numbers with bits well
// spread (wyhash's); changing one changes every generated table.
const (
	hashK0 = 0xa0761d6478bd642f
	hashK1 = 0xe7037ed1a0b428db
	hashK2 = 0x8ebc6af09c88c6e3
	hashK3 = 0x589965cc75374cc3
)

// Limits of the search. A bucket whose codes no seed below maxBucketSeed
// places makes the search start again with the next hash seed; after
// maxHashSeeds of those, newPerfectHash gives up and the generated code
// falls back to a switch. Both are far beyond what any table needs (see
// TestPerfectHashSynthetic): a 100,000-code table needs seeds in the
// hundreds, and its first hash seed.
const (
	maxBucketSeed = 1 << 16
	maxHashSeeds  = 8
)

// Knobs that tests turn to give small tables the shapes of code that only
// huge or broken ones get: 32-bit slots (tables of more than 65,536 codes)
// and the switch that replaces a perfect hash the search cannot find.
var (
	wideSlotsAbove = 1 << 16
	hashSeedTries  = maxHashSeeds
)

// A perfectHash places each code of a table in a slot of its own.
type perfectHash struct {
	seed    uint64   // seeds hashCode
	buckets []uint16 // per bucket, the seed slotOf takes; len is a power of 2
	slots   []int    // per slot, the row of the code there, or 0 when empty; len is a power of 2
}

// newPerfectHash builds a perfect hash for codes, which must be distinct:
// slots[slotOf(h, buckets[bucketOf(h)])] == i for h = hashCode(seed,
// codes[i]). It returns false when it finds none, which only hash seeds
// that all collide could make happen. The search is deterministic: the
// same codes give the same perfectHash.
func newPerfectHash(codes []string) (perfectHash, bool) {
	if len(codes) == 0 {
		return perfectHash{}, false
	}
	hashes := make([]uint64, len(codes))
	for try := range hashSeedTries {
		seed := splitmix64(uint64(try))
		for i, c := range codes {
			hashes[i] = hashCode(seed, c)
		}
		if p, ok := placeAll(hashes); ok {
			p.seed = seed
			return p, true
		}
	}
	return perfectHash{}, false
}

// placeAll finds a seed for every bucket such that no two hashes share a
// slot, or reports that there is none below maxBucketSeed.
func placeAll(hashes []uint64) (perfectHash, bool) {
	n := len(hashes)
	p := perfectHash{
		buckets: make([]uint16, pow2((n+3)/4)),
		slots:   make([]int, pow2(n+n/4)),
	}
	bucketMask, slotMask := uint64(len(p.buckets)-1), uint64(len(p.slots)-1)

	// The rows of each bucket, buckets largest first (then by number, for
	// a deterministic order).
	members := make([][]int, len(p.buckets))
	for i, h := range hashes {
		b := bucketOf(h, bucketMask)
		members[b] = append(members[b], i)
	}
	order := make([]int, len(members))
	for b := range order {
		order[b] = b
	}
	slices.SortStableFunc(order, func(a, b int) int { return len(members[b]) - len(members[a]) })

	taken := make([]bool, len(p.slots))
	var want []uint64
	for _, b := range order {
		rows := members[b]
		if len(rows) == 0 {
			break
		}
		placed := false
		for seed := range maxBucketSeed {
			want = want[:0]
			for _, i := range rows {
				s := slotOf(hashes[i], uint16(seed), slotMask)
				if taken[s] || slices.Contains(want, s) {
					break
				}
				want = append(want, s)
			}
			if len(want) < len(rows) {
				continue
			}
			for k, i := range rows {
				taken[want[k]] = true
				p.slots[want[k]] = i
			}
			p.buckets[b] = uint16(seed)
			placed = true
			break
		}
		if !placed {
			return perfectHash{}, false // two hashes are equal, or the table is too unlucky
		}
	}
	return p, true
}

// lookup returns the row that code can be, if it is in the table at all:
// what the generated codeIndex computes before comparing codes.
func (p perfectHash) lookup(code string) int {
	h := hashCode(p.seed, code)
	return p.slots[slotOf(h, p.buckets[bucketOf(h, uint64(len(p.buckets)-1))], uint64(len(p.slots)-1))]
}

// hashCode hashes a code to 64 bits with a 64×64→128-bit multiply of two
// 8-byte words, folded (wyhash's mix): codes of up to 32 bytes are read as
// the words that start and end them, overlapping, so that every byte counts
// and two multiplies run side by side; longer codes first fold in 16
// bytes a step.
func hashCode(seed uint64, s string) uint64 {
	n := len(s)
	h := seed ^ uint64(n)
	var a, b, c, d uint64
	switch {
	case n > 16:
		for ; len(s) > 32; s = s[16:] {
			h = mix(read64(s, 0)^h, read64(s, 8)^hashK1)
		}
		m := len(s)
		a, b, c, d = read64(s, 0), read64(s, 8), read64(s, m-16), read64(s, m-8)
	case n >= 8:
		a, b = read64(s, 0), read64(s, n-8)
	case n >= 4:
		a, b = read32(s, 0), read32(s, n-4)
	case n > 0:
		a = uint64(s[0])<<16 | uint64(s[n/2])<<8 | uint64(s[n-1])
	}
	return mix(a^h, b^hashK1) ^ mix(c^h, d^hashK2)
}

// bucketOf picks a code's bucket from its hash's high bits.
func bucketOf(h, mask uint64) uint64 { return h >> 32 & mask }

// slotOf places a code in a slot: its hash, mixed with the bucket's seed.
func slotOf(h uint64, seed uint16, mask uint64) uint64 {
	return mix(h^uint64(seed)*hashK3, hashK0) & mask
}

// mix multiplies a and b to 128 bits and folds the halves together.
func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// read64 reads s[i:i+8] as a little-endian number.
func read64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// read32 reads s[i:i+4] as a little-endian number.
func read32(s string, i int) uint64 {
	s = s[i : i+4]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
}

// splitmix64 spreads a counter's bits into a hash seed.
func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// pow2 returns the least power of 2 that is at least n, and at least 1.
func pow2(n int) int {
	p := 1
	for p < n {
		p <<= 1
	}
	return p
}
