// Package generator turns a checked [spec.Spec] into a Go package, its
// Markdown docs and, if asked, the table as JSON. [Generate] is the one
// entry point; it returns every output file in memory and writes nothing.
//
// # The house
//
// errspec is a pipeline, and each step lives in one place:
//
//	spec file ──load──▶ spec.Spec ──model──▶ DocData ──emit──▶ files in memory ──write──▶ folder
//	  YAML       spec/                generator/model.go   generator/*.go      generator/output
//
// The steps:
//
//   - Load (package spec): load.go reads YAML into nodes and refuses bad
//     text; decode.go turns nodes into a Spec; check.go checks everything
//     that spans entries (unique codes and aliases, declared categories,
//     families, Go names, via naming.go) and fills in derived fields. Every
//     problem comes back positioned, file:line:col. spec.Entry is the row,
//     from the YAML to the docs.
//   - Import (package spec and spec/table): spec/table reads vendors'
//     tables (tsv, csv, markdown, html, text, json); spec/import.go holds
//     errspec import's policy; spec/merge.go applies a table to a spec's
//     YAML nodes, keeping what a person wrote.
//   - Model (model.go): DocData is the spec with the identifiers derived
//     for each row (DocCode embeds the spec.Entry; it does not copy it).
//     The docs templates see it as their dot.
//   - Emit: the Go file is the fixed half, Go source in generator/fixed
//     copied with its comments' placeholders filled (fixedcode.go), and the
//     table's half, emitted with jennifer (table.go: constants, sentinels,
//     categories, families, aliases, texts, the perfect hash's arrays from
//     perfecthash.go, the rows). gofile.go renders and formats the sections
//     in parallel, long blocks in chunks, and docs.go renders ERRORS.md from
//     templates/ while it does; json.go renders the JSON table. comment.go
//     and markdown.go make spec text safe in comments and Markdown.
//   - Write (package generator/output): atomic writes that never touch a
//     file without errspec's header, the -check diff, reading the package
//     already in a folder, and the whole errspec generate run.
//   - Review: api.go reads a package's exported identifiers, breaking.go is
//     the name lock (what a regeneration would break), compare.go is errspec
//     diff's report.
//
// The CLI (generator/cmd/errspec) reads flags, calls one of these and
// prints. Where the generator and the generated code must agree (the
// hash), generator/fixed's own function serves both.
package generator
