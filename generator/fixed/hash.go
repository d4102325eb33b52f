package fixed

import "math/bits"

// codeIndex returns the position of code in codeTable, or -1.
//
// It looks code up in a perfect hash that the generator built for the
// table's codes and their aliases (its keys), so that one comparison of
// strings settles every lookup of a key, and nearly every other lookup
// ends without one. codeHash hashes code; the hash picks one of
// codeBuckets, which holds the seed the generator found to give each key
// of that bucket a slot of its own; the hash and the seed pick one of
// codeSlots. A slot holds, in its low 32 bits, the position of the one key
// that can be there (in codeTable, or past its end in codeAliases), and in
// its high 32 bits that key's tag, the low 32 bits of its hash: a code
// whose hash has another tag is not that key, and is refused without
// reading the key. Slots no key lands in hold 0: the first key's position,
// with a tag that only a code which then fails the comparison can have.
func codeIndex(code string) int {
	h := codeHash(codeHashSeed, code)
	slot := codeSlots[codeSlot(h, codeBuckets[codeBucket(h, len(codeBuckets))], len(codeSlots))]
	if uint32(slot>>32) != codeTag(h) {
		return -1
	}
	k := int(uint32(slot))
	if k < len(codeTable) {
		if string(codeTable[k].Code) != code {
			return -1
		}
		return k
	}
	if a := &codeAliases[k-len(codeTable)]; a.code == code {
		return a.row
	}
	return -1
}

// codeAlias is another spelling of a code: Lookup(code) gives codeTable[row].
type codeAlias struct {
	code string
	row  int
}

// codeHash hashes a code to 64 bits the way wyhash does: it multiplies
// 8-byte words of the code pairwise to 128 bits and folds the halves
// together (codeMix). A code of up to 32 bytes is read as the words that
// start and end it, overlapping, so every byte counts; a longer code first
// folds in its leading bytes 16 at a time. The generator places the codes
// with this very function.
func codeHash(seed uint64, s string) uint64 {
	n := len(s)
	h := seed ^ uint64(n)
	var a, b, c, d uint64
	switch {
	case n > 16:
		for ; len(s) > 32; s = s[16:] {
			h = codeMix(codeRead64(s, 0)^h, codeRead64(s, 8)^0xe7037ed1a0b428db)
		}
		m := len(s)
		a, b, c, d = codeRead64(s, 0), codeRead64(s, 8), codeRead64(s, m-16), codeRead64(s, m-8)
	case n >= 8:
		a, b = codeRead64(s, 0), codeRead64(s, n-8)
	case n >= 4:
		a, b = codeRead32(s, 0), codeRead32(s, n-4)
	case n > 0:
		a = uint64(s[0])<<16 | uint64(s[n/2])<<8 | uint64(s[n-1])
	}
	return codeMix(a^h, b^0xe7037ed1a0b428db) ^ codeMix(c^h, d^0x8ebc6af09c88c6e3)
}

// codeBucket picks a hash's bucket, of n (a power of 2), from its high
// bits.
func codeBucket(h uint64, n int) uint64 { return h >> 32 & uint64(n-1) }

// codeSlot picks a hash's slot, of n (a power of 2): its hash, mixed with
// its bucket's seed.
func codeSlot(h uint64, seed uint16, n int) uint64 {
	return codeMix(h^uint64(seed)*0x589965cc75374cc3, 0xa0761d6478bd642f) & uint64(n-1)
}

// codeTag returns a hash's tag: the bits of it a slot keeps, to refuse
// the codes that are not its key without reading the key.
func codeTag(h uint64) uint32 { return uint32(h) }

// codeMix multiplies a and b to 128 bits and returns the halves xor-ed
// together.
func codeMix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// codeRead64 returns s[i:i+8] as a little-endian number.
func codeRead64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// codeRead32 returns s[i:i+4] as a little-endian number.
func codeRead32(s string, i int) uint64 {
	s = s[i : i+4]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
}
