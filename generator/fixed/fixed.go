// Package fixed is the half of every generated package that does not
// depend on the table: the Code, Info and Error types, Lookup and All,
// FromResponse, FromError and IsRetryable, and the hash that Lookup runs.
// It is ordinary Go, compiled, vetted and tested here against a small
// table of its own (table.go, which errspec generated from
// testdata/table.yaml); the generator copies the files listed in [Files]
// into every package it generates, after the table's declarations.
//
// The copied files refer to what the generator emits from the table:
//
//   - codeTable, the rows ([...]Info, in the table's order), then the
//     zero Info, which Lookup copies for a code the table does not list;
//   - codeHashSeed, codeBuckets and codeSlots, the perfect hash over the
//     codes and their aliases (see codeIndex), and codeAliases;
//   - codeFamilies, the code families, longer prefixes first;
//   - codeLangs and codeTexts, each row's text in each language;
//   - packageName, the package's name, which starts every error's text.
//
// Their doc comments name the service through placeholders, which the
// generator replaces, rewrapping the paragraphs they are in: $service (the
// service's name), $pkg (the package's name), $example (a wire code of the
// table, quoted), $Err (an example sentinel's name) and $success (the
// success codes, as doc links). The placeholders appear in comments
// only.
//
// The generator places codes in the perfect hash with [Hash], [Bucket] and
// [Slot], which are the generated code's own functions: one hash, run by
// both.
package fixed

import "embed"

//go:embed code.go info.go error.go response.go sdk.go hash.go
var source embed.FS

// Files lists the files the generator copies into every generated package,
// in the order it copies them.
var Files = []string{"code.go", "info.go", "error.go", "response.go", "sdk.go", "hash.go"}

// Source returns the text of one of [Files].
func Source(name string) ([]byte, error) { return source.ReadFile(name) }

// Hash is the hash the generated code runs on a code (codeHash), with the
// seed the generator chose.
func Hash(seed uint64, code string) uint64 { return codeHash(seed, code) }

// Bucket returns the bucket of a hash, among n buckets (a power of 2).
func Bucket(h uint64, n int) uint64 { return codeBucket(h, n) }

// Slot returns the slot of a hash, among n slots (a power of 2), under its
// bucket's displacement d.
func Slot(h uint64, d uint32, n int) uint64 { return codeSlot(h, d, n) }

// Tag returns the tag of a hash: the bits a slot keeps to refuse, without
// reading the key, the codes that are not its key.
func Tag(h uint64) uint32 { return codeTag(h) }
