package generator

import (
	"slices"

	"github.com/errspec/errspec/generator/fixed"
)

// The generated Lookup finds a code's row with a perfect hash built here,
// at generation time, over the table's keys (its codes and their aliases):
// hashing a key picks a bucket, the bucket's seed places the key in a slot,
// and the slot holds the position of the one key that can be there, with
// its tag (bits of its hash), so that a lookup of anything else is refused
// by the tag or by a single comparison. This is CHD ("hash, displace and
// compress", Belazzougui, Botelho and Dietzfelbinger, 2009) without the
// compression: buckets hold about four keys, taken largest first, and
// each gets the smallest seed that puts all its keys in free slots.
//
// The hash, the bucket, the slot and the tag are computed by the generated
// code's own functions, from generator/fixed.

// Limits of the search. A bucket whose keys no seed below maxBucketSeed
// places makes the search start again with the next hash seed; after
// hashSeedTries of those, newPerfectHash gives up, and Generate with it.
// Both are far beyond what any table needs (see TestPerfectHashSynthetic):
// a 100,000-code table needs seeds in the hundreds, and its first hash
// seed. Only keys whose 64-bit hashes collide under every hash seed, which
// distinct keys do not, can exhaust them.
const maxBucketSeed = 1 << 16

// hashSeedTries is a variable so that tests can make the search give up.
var hashSeedTries = 8

// A perfectHash places each key of a table in a slot of its own.
type perfectHash struct {
	seed    uint64   // seeds the hash
	buckets []uint16 // per bucket, the seed its keys' slots take; len is a power of 2
	slots   []uint64 // per slot, its key's tag<<32 | its key's position, or 0; len is a power of 2
}

// newPerfectHash builds a perfect hash for keys, which must be distinct: the
// slot of keys[i] holds i. It returns false when it finds none. The search
// is deterministic: the same keys give the same perfectHash.
func newPerfectHash(keys []string) (perfectHash, bool) {
	if len(keys) == 0 {
		return perfectHash{}, false
	}
	hashes := make([]uint64, len(keys))
	for try := range hashSeedTries {
		seed := splitmix64(uint64(try))
		for i, k := range keys {
			hashes[i] = fixed.Hash(seed, k)
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
		slots:   make([]uint64, pow2(n+n/4)),
	}

	// The keys of each bucket, buckets largest first (then by number, for
	// a deterministic order).
	members := make([][]int, len(p.buckets))
	for i, h := range hashes {
		b := fixed.Bucket(h, len(p.buckets))
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
		keys := members[b]
		if len(keys) == 0 {
			break
		}
		placed := false
		for seed := range maxBucketSeed {
			want = want[:0]
			for _, i := range keys {
				s := fixed.Slot(hashes[i], uint16(seed), len(p.slots))
				if taken[s] || slices.Contains(want, s) {
					break
				}
				want = append(want, s)
			}
			if len(want) < len(keys) {
				continue
			}
			for k, i := range keys {
				taken[want[k]] = true
				p.slots[want[k]] = uint64(fixed.Tag(hashes[i]))<<32 | uint64(i)
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
