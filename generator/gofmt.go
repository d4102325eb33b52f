package generator

import (
	"bytes"
	"fmt"
	"go/format"
	"go/scanner"
	"go/token"
	"runtime"
	"sync"

	"github.com/dave/jennifer/jen"
)

// renderGo renders f and formats it as gofmt does, as f.Render would, but
// a section at a time, sections in parallel. go/format costs more than the
// rest of generation put together, and more than linearly in the size of
// what it formats: it holds a syntax tree of it all, which the garbage
// collector scans again and again, and a table of 100,000 codes is 70 MB
// of Go. Formatted in sections of about sectionSize bytes, the file comes
// out the same (TestRenderGoSections checks this for every golden case
// and synthetic tables, and TestFormatSectionsShapes for shapes of Go the
// generator does not emit), because splitSections cuts only where gofmt
// formats each side on its own.
//
// alongside, when not nil, runs while the file is formatted, on a
// goroutine of its own: the formatting keeps every processor busy only
// until its last sections, and by then jennifer's tree is garbage, so work
// done alongside costs little time and no more peak memory. renderGo
// returns when both are done.
func renderGo(f *jen.File, alongside func()) ([]byte, error) {
	f.NoFormat = true
	var raw keeper
	if err := f.Render(&raw); err != nil {
		return nil, fmt.Errorf("rendering Go code: %w", err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if alongside != nil {
			alongside()
		}
	}()
	src, err := formatSections(raw.b, sectionSize)
	<-done
	return src, err
}

// keeper is an io.Writer that keeps what it is given, without copying it
// when given it in one Write, as File.Render gives its output: a buffer of
// its own that it drops when it returns. Copying would hold the source
// twice at the moment the jennifer tree is largest.
type keeper struct{ b []byte }

func (k *keeper) Write(p []byte) (int, error) {
	if k.b == nil {
		k.b = p
	} else {
		k.b = append(k.b[:len(k.b):len(k.b)], p...)
	}
	return len(p), nil
}

// formatSections formats src as format.Source does, in sections of about
// size bytes.
func formatSections(src []byte, size int) ([]byte, error) {
	sections := splitSections(src, size)
	out := make([][]byte, len(sections))
	errs := make([]error, len(sections))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(sections)) {
		wg.Go(func() {
			for i := range next {
				out[i], errs[i] = sections[i].format()
			}
		})
	}
	for i := range sections {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			// Report the error as go/format does for the whole file, at its
			// position in it.
			if _, whole := format.Source(src); whole != nil {
				err = whole
			}
			return nil, fmt.Errorf("rendering Go code: %v while formatting source:\n%s", err, src)
		}
	}
	var b bytes.Buffer
	b.Grow(len(src))
	for i, s := range out {
		if i > 0 {
			b.WriteString(sections[i].sep)
		}
		b.Write(s)
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// sectionSize is the size of source splitSections aims at: large enough
// that go/format's fixed costs do not count, small enough to spread the
// work over the machine's processors.
const sectionSize = 256 << 10

// A section is a piece of Go source that go/format can format on its own.
// A piece of a long declaration is wrapped in the declaration's first line
// (its opener, such as "const (") and a closing bracket, which format
// leaves on lines of their own, to be cut off again.
type section struct {
	src            []byte
	opener, closer bool   // src starts with an opener, ends with a closer line, not the file's
	sep            string // what goes between the section before and this one
}

// format formats the section and cuts off its opener and closer.
func (s section) format() ([]byte, error) {
	out, err := format.Source(s.src)
	if err != nil {
		return nil, err
	}
	out = bytes.TrimSpace(out)
	if s.opener {
		out = out[bytes.IndexByte(out, '\n')+1:]
	}
	if s.closer {
		out = out[:max(0, bytes.LastIndexByte(out, '\n'))]
	}
	return bytes.TrimRight(out, " \t\n"), nil
}

// splitSections cuts Go source into sections of about size bytes, or of a
// single element when that is larger. The first section holds the package
// clause, the imports and the first declaration. Cuts are made only where
// gofmt formats what comes before the cut without regard to what comes
// after it:
//
//   - between top-level declarations, at a blank line, where gofmt puts
//     one blank line;
//   - inside the parentheses of a const, var or type declaration, between
//     specs, at a blank line (where gofmt's alignment of columns stops);
//   - inside the braces of a composite literal of a var or const whose
//     elements have no keys, where an element starts a line and the line
//     before it has no comment after its code: gofmt puts each such element
//     on a line of its own, and aligns nothing across them.
//
// A declaration is cut inside only if its opener, from its keyword to its
// bracket, is a line of its own.
func splitSections(src []byte, size int) []section {
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	s.Init(file, src, nil, scanner.ScanComments)
	var sections []section
	start, sep := 0, ""
	depth, last, seenDecl := 0, token.ILLEGAL, false
	// The top-level declaration being scanned, and the bracket inside it
	// where it may be cut.
	var (
		declTok      token.Token
		declOff      int
		inner        token.Token // token.LPAREN or token.LBRACE, while inside one
		opener       []byte
		keyed        bool   // a key was seen in inner's composite literal
		commentAfter int    // offset of the last comment that follows code on its line
		startOpener  []byte // the opener the section being built starts inside, if any
	)
	cut := func(at int, nextSep string, closeInner bool) {
		sec := section{src: src[start:at], sep: sep}
		if startOpener != nil {
			sec.src = append(append(append([]byte{}, startOpener...), '\n'), sec.src...)
			sec.opener = true
		}
		startOpener = nil
		if closeInner {
			closer := []byte("\n)")
			if inner == token.LBRACE {
				closer = []byte("\n}")
			}
			sec.src = append(append([]byte{}, sec.src...), closer...)
			sec.closer = true
			startOpener = opener
		}
		sections = append(sections, sec)
		start, sep = at, nextSep
	}
	for {
		pos, tok, _ := s.Scan()
		if tok == token.EOF {
			break
		}
		off := file.Offset(pos)
		big := off-start >= size
		switch {
		case big && depth == 0 && seenDecl && last == token.SEMICOLON && startsDecl(tok) && blankLineBefore(src, off):
			// Cut before the newline that ends the blank line: go/format
			// parses a section as "package p;" and the section, so the
			// section's first comment must start a line of its own.
			cut(bytes.LastIndexByte(src[:off], '\n'), "\n\n", false)
		case big && depth == 1 && inner == token.LPAREN && last == token.SEMICOLON &&
			(tok == token.COMMENT || tok == token.IDENT) && blankLineBefore(src, off):
			cut(lineStart(src, off), "\n\n", true)
		case big && depth == 1 && inner == token.LBRACE && !keyed && last == token.COMMA && tok != token.RBRACE &&
			firstOnLine(src, off) && commentAfter < lineStart(src, lineStart(src, off)-1):
			nextSep := "\n"
			if blankLineBefore(src, off) {
				nextSep = "\n\n"
			}
			cut(lineStart(src, off), nextSep, true)
		}
		if tok == token.COMMENT && !firstOnLine(src, off) {
			commentAfter = off
		}
		switch tok {
		case token.LPAREN, token.LBRACE, token.LBRACK:
			if depth == 0 && (tok == token.LPAREN && last == declTok && declTok != token.FUNC ||
				tok == token.LBRACE && last == token.IDENT && (declTok == token.VAR || declTok == token.CONST)) {
				inner, keyed = tok, false
				opener = src[declOff : off+1]
				if bytes.IndexByte(opener, '\n') >= 0 || !restBlank(src, off+1) {
					inner = token.ILLEGAL
				}
			}
			depth++
		case token.RPAREN, token.RBRACE, token.RBRACK:
			depth--
			if depth == 0 {
				inner = token.ILLEGAL
			}
		case token.COLON:
			keyed = keyed || depth == 1
		case token.CONST, token.VAR, token.TYPE, token.FUNC:
			if depth == 0 {
				seenDecl, declTok, declOff, inner = true, tok, off, token.ILLEGAL
			}
		}
		if tok != token.COMMENT {
			last = tok
		}
	}
	end := section{src: src[start:], sep: sep}
	if startOpener != nil {
		end.src = append(append(append([]byte{}, startOpener...), '\n'), end.src...)
		end.opener = true
	}
	return append(sections, end)
}

// startsDecl reports whether a top-level token can start a declaration or
// its doc comment.
func startsDecl(tok token.Token) bool {
	switch tok {
	case token.COMMENT, token.CONST, token.VAR, token.TYPE, token.FUNC:
		return true
	}
	return false
}

// blankLineBefore reports whether the white space before src[off] holds a
// blank line.
func blankLineBefore(src []byte, off int) bool {
	newlines := 0
	for i := off - 1; i >= 0; i-- {
		switch src[i] {
		case '\n':
			newlines++
		case ' ', '\t', '\r':
		default:
			return newlines >= 2
		}
	}
	return false
}

// firstOnLine reports whether only spaces come before src[off] on its line.
func firstOnLine(src []byte, off int) bool {
	for i := off - 1; i >= 0; i-- {
		switch src[i] {
		case '\n':
			return true
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return true
}

// restBlank reports whether only spaces follow src[off] on its line.
func restBlank(src []byte, off int) bool {
	for _, c := range src[off:] {
		switch c {
		case '\n':
			return true
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return true
}

// lineStart returns the offset of the start of src[off]'s line.
func lineStart(src []byte, off int) int {
	return bytes.LastIndexByte(src[:off], '\n') + 1
}
