package fixed

import "math/bits"

// codeIndex returns the position of code in codeTable, or -1.
//
// It looks code up in a perfect hash that the generator built for the
// table's codes and their aliases (its keys), so that one comparison of
// strings settles every lookup of a key, and nearly every other lookup
// ends without one. codeHash hashes code; the hash picks one of
// codeBuckets, which holds the displacement the generator found to give
// each key of that bucket a slot of its own; the hash's low bits, xor-ed
// with the displacement, pick one of codeSlots. A slot holds, in its low
// 32 bits, the position of the one key that can be there (among the
// codeRows rows of codeTable, or past them in codeAliases), and in its
// high 32 bits that key's tag, the high 32 bits of its hash: a code whose
// hash has another tag is not that key, and is refused without reading
// the key. (The tag's low bits are the bucket's number, so a code of
// another bucket never passes; one of the same bucket shares the key's low
// bits, and passes only if its other bits agree too.) Slots no key lands
// in hold 0: the first key's position, with a tag that only a code which
// then fails the comparison can have.
func codeIndex(code string) int {
	h := codeHash(codeHashSeed, code)
	slot := codeSlots[codeSlot(h, uint32(codeBuckets[codeBucket(h, len(codeBuckets))]), len(codeSlots))]
	if uint32(slot>>32) != codeTag(h) {
		return -1
	}
	k := int(uint32(slot))
	if k < codeRows {
		if string(codeTable[k].Code) != code {
			return -1
		}
		return k
	}
	if a := &codeAliases[k-codeRows]; a.code == code {
		return a.row
	}
	return -1
}

// codeRows is the number of rows in codeTable; the zero Info after them
// is not one.
const codeRows = len(codeTable) - 1

// codeAlias is another spelling of a code: Lookup(code) gives codeTable[row].
type codeAlias struct {
	code string
	row  int
}

// codeHash hashes a code to 64 bits the way wyhash does: it multiplies
// 8-byte words of the code pairwise to 128 bits and folds the halves
// together (codeMix). A code of up to 16 bytes is read as the words that
// start and end it, overlapping, so every byte counts, and mixed once;
// one of up to 32 bytes is read as four such words, mixed in two pairs; a
// longer code first folds in its leading bytes 16 at a time. The
// generator places the codes with this very function.
func codeHash(seed uint64, s string) uint64 {
	n := len(s)
	var a, b uint64
	switch {
	case n > 16:
		h := seed
		for ; len(s) > 32; s = s[16:] {
			h = codeMix(codeRead64(s, 0)^h, codeRead64(s, 8)^0xe7037ed1a0b428db)
		}
		m := len(s)
		return codeMix(codeRead64(s, 0)^h, codeRead64(s, 8)^0xe7037ed1a0b428db) ^
			codeMix(codeRead64(s, m-16)^h, codeRead64(s, m-8)^0x8ebc6af09c88c6e3) ^ codeLength(n)
	case n >= 8:
		a, b = codeRead64(s, 0), codeRead64(s, n-8)
	case n >= 4:
		a, b = codeRead32(s, 0), codeRead32(s, n-4)
	case n > 0:
		a = uint64(s[0])<<16 | uint64(s[n/2])<<8 | uint64(s[n-1])
	}
	return codeMix(a^seed, b^0xe7037ed1a0b428db) ^ codeLength(n)
}

// codeLength spreads a code's length over 64 bits. codeHash xors it in
// after mixing, where no bytes of a code can cancel it: codes of different
// lengths whose words read the same differ in their hashes.
func codeLength(n int) uint64 { return uint64(n) * 0x9e3779b97f4a7c15 }

// codeBucket picks a hash's bucket, of n (a power of 2), from the low
// bits of its high half.
func codeBucket(h uint64, n int) uint64 { return h >> 32 & uint64(n-1) }

// codeSlot picks a hash's slot, of n (a power of 2): its low bits, xor-ed
// with its bucket's displacement d. Displacing costs a single instruction
// after the bucket is read, and keys of a bucket keep apart under any d as
// long as their low bits differ, which the generator checks.
func codeSlot(h uint64, d uint32, n int) uint64 { return uint64(uint32(h)^d) & uint64(n-1) }

// codeTag returns a hash's tag: the bits of it a slot keeps, to refuse
// the codes that are not its key without reading the key.
func codeTag(h uint64) uint32 { return uint32(h >> 32) }

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
