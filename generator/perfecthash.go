package generator

import (
	"slices"

	"github.com/errspec/errspec/generator/fixed"
)

// The generated Lookup finds a code's row with a perfect hash built here,
// at generation time, over the table's keys (its codes and their aliases):
// hashing a key picks a bucket, the bucket's displacement moves the key to
// a slot, and the slot holds the position of the one key that can be
// there, with its tag (bits of its hash), so that a lookup of anything
// else is refused by the tag or by a single comparison. This is "hash and
// displace" (Pagh, 1999; as CHD, Belazzougui, Botelho and Dietzfelbinger,
// 2009, without the compression, and as PTHash, Pibiri and Trani, 2021,
// xor-ing a displacement into the hash): buckets hold about four keys,
// taken largest first, and each gets a displacement that moves all its
// keys to free slots. Xor-ing in a displacement is a single instruction
// for Lookup; its price is that two keys of a bucket with the same low
// bits of their hashes collide under every displacement, so the search
// checks for that first, and takes the next hash seed when it happens.
//
// The hash, the bucket, the slot and the tag are computed by the generated
// code's own functions, from generator/fixed.

// hashSeedTries limits the search: after that many hash seeds, each of
// which leaves two keys of a bucket inseparable or a bucket that fits
// nowhere, newPerfectHash gives up, and Generate with it. A seed fails
// for a table of n keys in m slots with a chance of about 1 - e^(-2n/m),
// at most 0.8 (m is at least 1.25n): the chance that 256 seeds fail is
// below 10^-24. Only keys whose 64-bit hashes collide under every hash
// seed, which distinct keys do not, can exhaust them. It is a variable so
// that tests can make the search give up.
var hashSeedTries = 256

// A perfectHash places each key of a table in a slot of its own.
type perfectHash struct {
	seed    uint64   // seeds the hash
	buckets []uint32 // per bucket, the displacement of its keys; len is a power of 2
	slots   []uint64 // per slot, its key's tag<<32 | its key's position, or 0; len is a power of 2
	tries   int      // how many hash seeds the search tried
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
			p.seed, p.tries = seed, try+1
			return p, true
		}
	}
	return perfectHash{}, false
}

// placeAll finds a displacement for every bucket such that no two hashes
// share a slot, or reports that there is none.
func placeAll(hashes []uint64) (perfectHash, bool) {
	n := len(hashes)
	p := perfectHash{
		buckets: make([]uint32, pow2((n+3)/4)),
		slots:   make([]uint64, pow2(n+n/4)),
	}
	mask := uint32(len(p.slots) - 1)

	// The keys of each bucket, buckets largest first (then by number, for
	// a deterministic order). Keys of a bucket whose low bits agree cannot
	// be parted by any displacement.
	members := make([][]int, len(p.buckets))
	for i, h := range hashes {
		b := fixed.Bucket(h, len(p.buckets))
		for _, j := range members[b] {
			if uint32(hashes[j])&mask == uint32(h)&mask {
				return perfectHash{}, false
			}
		}
		members[b] = append(members[b], i)
	}
	order := make([]int, len(members))
	for b := range order {
		order[b] = b
	}
	slices.SortStableFunc(order, func(a, b int) int { return len(members[b]) - len(members[a]) })

	// Each bucket tries the displacements that put its first key in each
	// free slot in turn, from the key's own slot on, until its other keys
	// land in free slots too.
	taken := make([]bool, len(p.slots))
	for _, b := range order {
		keys := members[b]
		if len(keys) == 0 {
			break
		}
		first := uint32(hashes[keys[0]]) & mask
		placed := false
		for k := range uint32(len(p.slots)) {
			s := (first + k) & mask
			if taken[s] {
				continue
			}
			d := first ^ s
			fits := true
			for _, i := range keys[1:] {
				if taken[fixed.Slot(hashes[i], d, len(p.slots))] {
					fits = false
					break
				}
			}
			if !fits {
				continue
			}
			for _, i := range keys {
				s := fixed.Slot(hashes[i], d, len(p.slots))
				taken[s] = true
				p.slots[s] = uint64(fixed.Tag(hashes[i]))<<32 | uint64(i)
			}
			p.buckets[b] = d
			placed = true
			break
		}
		if !placed {
			return perfectHash{}, false // the table is too unlucky under this seed
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
