package generator

import (
	"fmt"

	"github.com/dave/jennifer/jen"
)

// lookup emits Lookup, All and the table they read: codeTable, a static
// array of Info values in spec order, and codeIndex, which finds a code's
// position in it through a perfect hash (see perfecthash.go). Everything is
// laid out by the compiler, so the package does no work at start-up, and a
// lookup copies its Info out of the array.
func lookup(f *jen.File, m *model) {
	decl(f, new(doc).add("Lookup returns the table's row for a wire code, matched exactly, and false for a code the table does not list. It does not allocate."),
		jen.Func().Id("Lookup").Params(jen.Id("code").String()).Params(jen.Id("Info"), jen.Bool()).Block(
			jen.If(jen.Id("i").Op(":=").Id("codeIndex").Call(jen.Id("code")), jen.Id("i").Op(">=").Lit(0)).Block(
				jen.Return(jen.Id("codeTable").Index(jen.Id("i")), jen.True())),
			jen.Return(jen.Id("Info").Values(), jen.False())))

	decl(f, new(doc).add("All returns every row of the table, in the table's order."),
		jen.Func().Id("All").Params().Qual("iter", "Seq").Index(jen.Id("Info")).Block(
			jen.Return(jen.Func().Params(jen.Id("yield").Func().Params(jen.Id("Info")).Bool()).Block(
				jen.For(jen.Id("i").Op(":=").Range().Id("codeTable")).Block(
					jen.If(jen.Op("!").Id("yield").Call(jen.Id("codeTable").Index(jen.Id("i")))).Block(jen.Return())),
			))))

	codes := make([]string, len(m.codes))
	for i, e := range m.codes {
		codes[i] = e.wire
	}
	if p, ok := newPerfectHash(codes); ok {
		hashIndex(f, p, len(codes))
	} else {
		switchIndex(f, m)
	}

	decl(f, new(doc).add("codeTable holds the rows, in the table's order."),
		jen.Var().Id("codeTable").Op("=").Index(jen.Op("...")).Id("Info").ValuesFunc(func(g *jen.Group) {
			rows := newRowFields()
			for _, e := range m.codes {
				g.Line().Values(rows.row(e)...)
			}
			g.Line()
		}))
}

// hashIndex emits codeIndex as a lookup in the perfect hash p of n codes,
// with the hash function and the hash's arrays. The helpers' names all
// start with "code", like the rest of the lookup's, to stay clear of names
// in hand-written files of the package.
func hashIndex(f *jen.File, p perfectHash, n int) {
	id := jen.Id
	modLen := func(x jen.Code, array string) *jen.Statement {
		return jen.Add(x).Op("%").Uint64().Call(jen.Len(id(array)))
	}
	decl(f, new(doc).
		add("codeIndex returns the position of code in codeTable, or -1.").
		add("It looks code up in a perfect hash that the generator built for the table's codes, so that one comparison of strings settles every lookup: codeHash hashes code; the hash picks one of codeBuckets, which holds the seed the generator found to give each code of that bucket a slot of its own; the hash and the seed pick one of codeSlots, which holds the position of the one code that can be in that slot. Slots that no code lands in hold 0, the position of the first code; that code lands in its own slot, so a code that lands in an empty slot fails the comparison. (The arrays' lengths are powers of 2, so the remainders are masks.)"),
		jen.Func().Id("codeIndex").Params(id("code").String()).Int().Block(
			id("h").Op(":=").Id("codeHash").Call(id("code")),
			id("seed").Op(":=").Id("codeBuckets").Index(modLen(jen.Parens(id("h").Op(">>").Lit(32)), "codeBuckets")),
			id("slot").Op(":=").Add(modLen(id("codeMix").Call(
				id("h").Op("^").Parens(jen.Uint64().Call(id("seed")).Op("*").Add(hex(hashK3))), hex(hashK0)), "codeSlots")),
			id("i").Op(":=").Id("codeSlots").Index(id("slot")),
			jen.If(jen.String().Call(id("codeTable").Index(id("i")).Dot("Code")).Op("!=").Id("code")).Block(
				jen.Return(jen.Lit(-1))),
			jen.Return(jen.Int().Call(id("i")))))

	decl(f, new(doc).add("codeHashSeed is the seed of codeHash with which the generator found the perfect hash."),
		jen.Const().Id("codeHashSeed").Op("=").Add(hex(p.seed)))

	read := func(fn string, at jen.Code) *jen.Statement { return id(fn).Call(id("s"), at) }
	abcd := func() *jen.Statement { return jen.List(id("a"), id("b"), id("c"), id("d")) }
	decl(f, new(doc).add("codeHash hashes a code to 64 bits the way wyhash does: it multiplies 8-byte words of the code pairwise to 128 bits and folds the halves together (codeMix). A code of up to 32 bytes is read as the words that start and end it, overlapping, so every byte counts; a longer code first folds in its leading bytes 16 at a time."),
		jen.Func().Id("codeHash").Params(id("s").String()).Uint64().Block(
			id("n").Op(":=").Len(id("s")),
			id("h").Op(":=").Id("codeHashSeed").Op("^").Uint64().Call(id("n")),
			jen.Var().Add(abcd()).Uint64(),
			jen.Switch().Block(
				jen.Case(id("n").Op(">").Lit(16)).Block(
					jen.For(jen.Empty(), jen.Len(id("s")).Op(">").Lit(32), id("s").Op("=").Id("s").Index(jen.Lit(16), jen.Empty())).Block(
						id("h").Op("=").Id("codeMix").Call(read("codeRead64", jen.Lit(0)).Op("^").Id("h"), read("codeRead64", jen.Lit(8)).Op("^").Add(hex(hashK1)))),
					id("m").Op(":=").Len(id("s")),
					abcd().Op("=").List(
						read("codeRead64", jen.Lit(0)), read("codeRead64", jen.Lit(8)),
						read("codeRead64", id("m").Op("-").Lit(16)), read("codeRead64", id("m").Op("-").Lit(8)))),
				jen.Case(id("n").Op(">=").Lit(8)).Block(
					jen.List(id("a"), id("b")).Op("=").List(read("codeRead64", jen.Lit(0)), read("codeRead64", id("n").Op("-").Lit(8)))),
				jen.Case(id("n").Op(">=").Lit(4)).Block(
					jen.List(id("a"), id("b")).Op("=").List(read("codeRead32", jen.Lit(0)), read("codeRead32", id("n").Op("-").Lit(4)))),
				jen.Case(id("n").Op(">").Lit(0)).Block(
					id("a").Op("=").Uint64().Call(id("s").Index(jen.Lit(0))).Op("<<").Lit(16).Op("|").
						Uint64().Call(id("s").Index(id("n").Op("/").Lit(2))).Op("<<").Lit(8).Op("|").
						Uint64().Call(id("s").Index(id("n").Op("-").Lit(1))))),
			jen.Return(id("codeMix").Call(id("a").Op("^").Id("h"), id("b").Op("^").Add(hex(hashK1))).Op("^").
				Id("codeMix").Call(id("c").Op("^").Id("h"), id("d").Op("^").Add(hex(hashK2))))))

	decl(f, new(doc).add("codeMix multiplies a and b to 128 bits and returns the halves xor-ed together."),
		jen.Func().Id("codeMix").Params(jen.List(id("a"), id("b")).Uint64()).Uint64().Block(
			jen.List(id("hi"), id("lo")).Op(":=").Qual("math/bits", "Mul64").Call(id("a"), id("b")),
			jen.Return(id("hi").Op("^").Id("lo"))))
	decl(f, new(doc).add("codeRead64 returns s[i:i+8] as a little-endian number."),
		jen.Func().Id("codeRead64").Params(id("s").String(), id("i").Int()).Uint64().Block(
			id("s").Op("=").Id("s").Index(id("i"), id("i").Op("+").Lit(8)),
			jen.Return(bytesLE(id("s"), 0, 4).Op("|").Line().Add(bytesLE(id("s"), 4, 8)))))
	decl(f, new(doc).add("codeRead32 returns s[i:i+4] as a little-endian number."),
		jen.Func().Id("codeRead32").Params(id("s").String(), id("i").Int()).Uint64().Block(
			id("s").Op("=").Id("s").Index(id("i"), id("i").Op("+").Lit(4)),
			jen.Return(bytesLE(id("s"), 0, 4))))

	decl(f, new(doc).add("codeBuckets holds the seed of each bucket of codes; a code's bucket is its hash's bits 32 and up, modulo the number of buckets."),
		jen.Var().Id("codeBuckets").Op("=").Index(jen.Op("...")).Uint16().Add(numbers(p.buckets)))
	slotType := jen.Uint16()
	if n > wideSlotsAbove {
		slotType = jen.Uint32()
	}
	decl(f, new(doc).add("codeSlots holds the position in codeTable of the code in each slot, and 0 in slots no code lands in."),
		jen.Var().Id("codeSlots").Op("=").Index(jen.Op("...")).Add(slotType).Add(numbers(p.slots)))
}

// bytesLE is uint64(s[from]) | uint64(s[from+1])<<8 | ... up to s[to-1].
func bytesLE(s jen.Code, from, to int) *jen.Statement {
	st := jen.Null()
	for k := from; k < to; k++ {
		if k > from {
			st.Op("|")
		}
		st.Uint64().Call(jen.Add(s).Index(jen.Lit(k)))
		if k > 0 {
			st.Op("<<").Lit(8 * k)
		}
	}
	return st
}

// numbers is the literal of an array of numbers, 16 to a line.
func numbers[T ~int | ~uint16](vals []T) jen.Code {
	return jen.ValuesFunc(func(g *jen.Group) {
		for i, v := range vals {
			if i%16 == 0 {
				g.Line().Lit(int(v))
			} else {
				g.Lit(int(v))
			}
		}
		g.Line()
	})
}

// switchIndex emits codeIndex as a switch: the fallback for a table with
// no perfect hash, which only a broken hash function would give.
func switchIndex(f *jen.File, m *model) {
	decl(f, new(doc).add("codeIndex returns the position of code in codeTable, or -1. (The generator found no perfect hash for this table's codes, so it compares them in a switch.)"),
		jen.Func().Id("codeIndex").Params(jen.Id("code").String()).Int().Block(
			jen.Switch(jen.Id("code")).BlockFunc(func(g *jen.Group) {
				for i, e := range m.codes {
					g.Case(jen.Lit(e.wire)).Block(jen.Return(jen.Lit(i)))
				}
			}),
			jen.Return(jen.Lit(-1))))
}

// hex is a 64-bit literal in hexadecimal, as wyhash's constants are
// written. (jen.Lit would print a uint64 as uint64(0x...).)
func hex(v uint64) *jen.Statement { return jen.Id(fmt.Sprintf("0x%016x", v)) }

// rowFields builds the Info literals of codeTable. The keys, and whole
// fields that many rows hold (Success: true, Fault: FaultClient, ...), are
// built once and shared by the rows: jennifer only reads the tree to render
// it, and a table of 100,000 rows would otherwise hold a million small
// statements more while it renders.
type rowFields struct {
	keys   map[string]*jen.Statement // Code:, Name:, ...
	shared map[[2]string]jen.Code    // a field by key and identifier
}

func newRowFields() *rowFields {
	return &rowFields{keys: map[string]*jen.Statement{}, shared: map[[2]string]jen.Code{}}
}

// field is key: v.
func (r *rowFields) field(key string, v jen.Code) jen.Code {
	k, ok := r.keys[key]
	if !ok {
		k = jen.Id(key).Op(":")
		r.keys[key] = k
	}
	return jen.Add(k, v)
}

// sharedField is key: ident, built once.
func (r *rowFields) sharedField(key, ident string) jen.Code {
	f, ok := r.shared[[2]string{key, ident}]
	if !ok {
		f = r.field(key, jen.Id(ident))
		r.shared[[2]string{key, ident}] = f
	}
	return f
}

// row is an entry's Info literal; fields at their zero value are left out.
func (r *rowFields) row(e entry) []jen.Code {
	fields := []jen.Code{r.field("Code", jen.Id(e.ident)), r.field("Name", jen.Lit(e.name))}
	if e.message != "" {
		fields = append(fields, r.field("Message", jen.Lit(e.message)))
	}
	if e.solution != "" {
		fields = append(fields, r.field("Solution", jen.Lit(e.solution)))
	}
	if e.success {
		fields = append(fields, r.sharedField("Success", "true"))
	}
	if e.retryable {
		fields = append(fields, r.sharedField("Retryable", "true"))
	}
	switch e.fault {
	case "client":
		fields = append(fields, r.sharedField("Fault", "FaultClient"))
	case "server":
		fields = append(fields, r.sharedField("Fault", "FaultServer"))
	}
	if e.catIdent != "" {
		fields = append(fields, r.sharedField("Category", e.catIdent))
	}
	if e.deprecated != "" {
		fields = append(fields, r.field("Deprecated", jen.Lit(e.deprecated)))
	}
	return fields
}
