package generator

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// An apiIdent is one exported identifier of a generated package, with what
// it means: the value of a constant, the type of a variable, the shape of a
// type or a function. Two identifiers with the same name and meaning are
// interchangeable for callers.
type apiIdent struct {
	Name    string // CodeOK, ErrSystemError, Error.Retryable
	Kind    string // const, var, type, field, func, method
	Meaning string // for a const, its value; otherwise its declaration's signature
}

// api lists the exported identifiers declared in Go source files, keyed by
// name (methods as Type.Method).
func api(files map[string][]byte) (map[string]apiIdent, error) {
	fset := token.NewFileSet()
	out := map[string]apiIdent{}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if !strings.HasSuffix(name, ".go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, files[name], parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, d := range f.Decls {
			for _, id := range declIdents(fset, d) {
				out[id.Name] = id
			}
		}
		// A variable means what its value names: a sentinel whose constant
		// now holds another code has changed meaning too.
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.VAR {
				for _, spec := range g.Specs {
					resolveVar(fset, spec.(*ast.ValueSpec), out)
				}
			}
		}
	}
	return out, nil
}

// resolveVar adds to the meaning of each exported variable in s the values
// of the constants its initializer refers to (not the initializer itself,
// which may change with errspec's version without callers noticing).
func resolveVar(fset *token.FileSet, s *ast.ValueSpec, ids map[string]apiIdent) {
	for i, n := range s.Names {
		id, ok := ids[n.Name]
		if !ok || i >= len(s.Values) {
			continue
		}
		var codes []string
		ast.Inspect(s.Values[i], func(node ast.Node) bool {
			if ref, ok := node.(*ast.Ident); ok {
				if c, ok := ids[ref.Name]; ok && c.Kind == "const" {
					codes = append(codes, strconv.Quote(c.Meaning))
				}
			}
			return true
		})
		if len(codes) > 0 {
			id.Meaning += " matching " + strings.Join(codes, ", ")
		}
		ids[n.Name] = id
	}
}

func declIdents(fset *token.FileSet, d ast.Decl) []apiIdent {
	var ids []apiIdent
	switch d := d.(type) {
	case *ast.FuncDecl:
		if !d.Name.IsExported() {
			return nil
		}
		id := apiIdent{Name: d.Name.Name, Kind: "func", Meaning: source(fset, d.Type)}
		if d.Recv != nil && len(d.Recv.List) == 1 {
			recv := strings.TrimPrefix(source(fset, d.Recv.List[0].Type), "*")
			id = apiIdent{Name: recv + "." + d.Name.Name, Kind: "method", Meaning: source(fset, d.Recv.List[0].Type) + " " + source(fset, d.Type)}
		}
		ids = append(ids, id)
	case *ast.GenDecl:
		for _, spec := range d.Specs {
			switch s := spec.(type) {
			case *ast.TypeSpec:
				if !s.Name.IsExported() {
					continue
				}
				st, ok := s.Type.(*ast.StructType)
				if !ok {
					ids = append(ids, apiIdent{Name: s.Name.Name, Kind: "type", Meaning: source(fset, s.Type)})
					continue
				}
				// A struct is its fields: adding one breaks nobody,
				// removing or retyping one does.
				ids = append(ids, apiIdent{Name: s.Name.Name, Kind: "type", Meaning: "struct"})
				for _, f := range st.Fields.List {
					for _, n := range f.Names {
						if n.IsExported() {
							ids = append(ids, apiIdent{Name: s.Name.Name + "." + n.Name, Kind: "field", Meaning: source(fset, f.Type)})
						}
					}
				}
			case *ast.ValueSpec:
				for i, n := range s.Names {
					if !n.IsExported() {
						continue
					}
					id := apiIdent{Name: n.Name, Kind: "var", Meaning: source(fset, s.Type)}
					if d.Tok == token.CONST {
						id.Kind = "const"
						if i < len(s.Values) {
							id.Meaning = constValue(fset, s.Values[i])
						}
					}
					ids = append(ids, id)
				}
			}
		}
	}
	return ids
}

// constValue is a constant's value as callers see it: an unquoted string
// for a string literal, else the expression's source.
func constValue(fset *token.FileSet, e ast.Expr) string {
	if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
		if s, err := strconv.Unquote(lit.Value); err == nil {
			return s
		}
	}
	return source(fset, e)
}

// source prints a node of a parsed file back as Go, on one line.
func source(fset *token.FileSet, n ast.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	if err := printNode(&b, fset, n); err != nil {
		return fmt.Sprintf("%T", n)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// An APIChange is an exported identifier that a regeneration would remove
// or give another meaning, breaking code that uses it.
type APIChange struct {
	Ident string `json:"ident"` // CodeFoo, ErrFoo, Error.Retryable
	Kind  string `json:"kind"`  // const, var, type, field, func, method, package
	Old   string `json:"old"`   // what it meant: a constant's value, or a declaration
	New   string `json:"new"`   // what it means now; empty when it disappears
}

func (c APIChange) String() string {
	return c.describe(func(s string) string { return s }, strconv.Quote)
}

// describe says what happens to the identifier, marking up identifiers
// with code and constant values with text.
func (c APIChange) describe(code, text func(string) string) string {
	what := c.Kind + " " + code(c.Ident)
	if c.Kind == "const" {
		what += " (" + text(c.Old) + ")"
	}
	switch {
	case c.New == "":
		return what + " would disappear"
	case c.Kind == "const":
		return what + " would change to " + text(c.New)
	case c.Kind == "package":
		return "the package would be renamed from " + code(c.Old) + " to " + code(c.New)
	}
	return what + " would change from " + code(c.Old) + " to " + code(c.New)
}

// breakingChanges lists the identifiers of old that new drops or changes,
// by name.
func breakingChanges(old, new map[string]apiIdent) []APIChange {
	var out []APIChange
	for _, o := range old {
		n, ok := new[o.Name]
		switch {
		case !ok:
			out = append(out, APIChange{Ident: o.Name, Kind: o.Kind, Old: o.Meaning})
		case n.Kind != o.Kind || n.Meaning != o.Meaning:
			out = append(out, APIChange{Ident: o.Name, Kind: o.Kind, Old: o.Meaning, New: n.Meaning})
		}
	}
	slices.SortFunc(out, func(a, b APIChange) int { return cmp.Compare(a.Ident, b.Ident) })
	return out
}

func printNode(b *strings.Builder, fset *token.FileSet, n ast.Node) error {
	return printer.Fprint(b, fset, n)
}
