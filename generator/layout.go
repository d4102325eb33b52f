package generator

import "github.com/dave/jennifer/jen"

// jennifer writes what it renders as it is and leaves the layout to
// gofmt: a statement's tokens parted by spaces, a group's items by its
// separator, no indentation. The blocks of one entry per row (see block)
// are the bulk of a generated file, and formatting them would be most of
// the time generation takes, so they are built of these jennifer groups,
// which write them exactly as gofmt lays them out, and are not formatted.
// What gofmt would do, they do:
//
//   - an entry of a const or var group is indented by a tab, its doc
//     comment's lines above it, and parted from the next by a blank line,
//     so that gofmt aligns nothing across entries;
//   - a spec's name, type, = and value are parted by single spaces;
//   - an element of a composite literal is a line of its own, indented by
//     a tab and ending with a comma; keys are followed by ": ", elements
//     parted by ", ", and "{" and "}" hug them.
//
// Doc comments need no layout but their own: doc.lines makes every line
// one gofmt keeps as it is. TestChunksFormatLikeWhole checks, for tables
// of every shape and many sizes, that gofmt leaves the whole file as it
// is, and the fuzz targets check it for any spec.

// spaced renders codes parted by single spaces, as in a spec:
// CodeX Code = "x".
func spaced(codes ...jen.Code) jen.Code { return jen.Custom(jen.Options{Separator: " "}, codes...) }

// joined renders codes with nothing between them: sentinel(CodeX),
// [...]Info.
func joined(codes ...jen.Code) jen.Code { return jen.Custom(jen.Options{}, codes...) }

// listed renders codes parted by ", ": a line of numbers.
func listed(codes ...jen.Code) jen.Code { return jen.Custom(jen.Options{Separator: ", "}, codes...) }

// keyed renders an element of a composite literal with its key: Name: "x".
func keyed(key string, v jen.Code) jen.Code {
	return jen.Custom(jen.Options{Separator: ": "}, jen.Id(key), v)
}

// braced renders a composite literal on one line: {Code: CodeX, Name: "X"}.
func braced(elems ...jen.Code) jen.Code {
	return jen.Custom(jen.Options{Open: "{", Close: "}", Separator: ", "}, elems...)
}

// groupOpen is the first line of a const or var group: const (.
func groupOpen(keyword jen.Code) jen.Code { return spaced(keyword, jen.Op("(")) }

// literalOpen is the first line of a var holding an array literal:
// var name = [...]typ{.
func literalOpen(name string, typ jen.Code) jen.Code {
	return spaced(jen.Var(), jen.Id(name), jen.Op("="), joined(jen.Index(jen.Op("...")), typ, jen.Op("{")))
}
