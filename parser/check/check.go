// Package check makes the checks Nix 2.8 makes on a file after parsing it
// and before evaluating anything: duplicate attributes, duplicate formals,
// dynamic attributes in let and inherit, and undefined variables.
//
// Nix stops at the first of these errors; File reports them all. A file has
// at least one error exactly when Nix rejects it. Messages are Nix's. Each
// error points at what to fix, which is not always where Nix points:
//
//   - a duplicate attribute: at the start of the later definition's path
//     (as Nix), or at the later name when two sets are merged (Nix points
//     at the earlier one and says it is "already defined" at the later);
//   - an inherited name: at the name (Nix, one column before it);
//   - a dynamic attribute in let: at the attribute (Nix, at the let);
//   - a formal repeating the @ name: at the @ name (Nix, at the lambda).
package check

import (
	"fmt"
	"go/token"
	"sync"

	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/ast"
	"github.com/nixlint/nixlint/parser/scope"
)

// File runs the checks Nix makes after parsing and returns their errors,
// sorted. If info is nil, it resolves the file itself.
func File(fset *token.FileSet, f *ast.File, info *scope.Info) parser.ErrorList {
	if f == nil || ast.IsNil(f.Expr) {
		return nil
	}
	if info == nil {
		info = scope.Resolve(f)
	}
	c := &checker{fset: fset}
	for _, d := range info.Duplicates {
		c.add(parser.DuplicateAttr, d.Pos, d.End,
			fmt.Sprintf("attribute '%s' already defined at %s", showPath(d), fset.Position(d.Prev)))
	}
	for _, id := range info.Undefined {
		c.add(parser.UndefinedVariable, id.Pos(), id.End(), fmt.Sprintf("undefined variable '%s'", scope.FormatName(id.Name)))
	}
	// Resolving met every lambda and every set that may hold the errors
	// the walk looks for: usually none, and the walk finds nothing.
	if info.NameErrorsPossible() {
		w := walkers.Get().(*walker)
		w.walk(f.Expr, c.node)
		walkers.Put(w)
	}
	c.errs.Sort()
	return c.errs
}

// walkers keeps the walkers' stacks from one file to the next.
var walkers = sync.Pool{New: func() any { return new(walker) }}

type checker struct {
	fset *token.FileSet
	errs parser.ErrorList
}

func (c *checker) add(kind parser.ErrorKind, pos, end token.Pos, msg string) {
	c.errs.Add(kind, c.fset, pos, end, msg)
}

func (c *checker) node(n ast.Node) {
	switch n := n.(type) {
	case *ast.Lambda:
		c.formals(n)
	case *ast.Let:
		c.bindings(n.Bindings, true)
	case *ast.AttrSet:
		c.bindings(n.Bindings, false)
	case *ast.LegacyLet:
		// Nix turns `let { }` into a rec set without checking it for
		// dynamic attributes.
		c.bindings(n.Bindings, false)
	}
}

// formals reports formals declared twice, and a formal that repeats the
// name of the @ pattern.
func (c *checker) formals(l *ast.Lambda) {
	if l.Formals == nil {
		return
	}
	list := l.Formals.List
	var seen formalSet
	if len(list) > smallFormals {
		seen.m = make(map[string]bool, len(list))
	}
	for i, f := range list {
		if f == nil || f.Name == nil {
			continue
		}
		if seen.has(list[:i], f.Name.Name) {
			c.add(parser.DuplicateFormal, f.Name.Pos(), f.Name.End(),
				fmt.Sprintf("duplicate formal function argument '%s'", f.Name.Name))
		}
		seen.add(f.Name.Name)
	}
	if p := l.Param; p != nil && seen.has(list, p.Name) {
		// Nix reports this one at the start of the lambda; the @ name is
		// where the fix goes.
		c.add(parser.DuplicateFormal, p.Pos(), p.End(),
			fmt.Sprintf("duplicate formal function argument '%s'", p.Name))
	}
}

// smallFormals is the length of formals lists searched without a map: most
// are short, and a map per lambda was most of what checking allocated.
const smallFormals = 16

// formalSet is the set of formal names seen so far: the formals before the
// current one themselves when there are few, a map otherwise.
type formalSet struct{ m map[string]bool }

func (s *formalSet) add(name string) {
	if s.m != nil {
		s.m[name] = true
	}
}

// has reports whether name is among the formals before, which are those
// added so far.
func (s *formalSet) has(before []*ast.Formal, name string) bool {
	if s.m != nil {
		return s.m[name]
	}
	for _, f := range before {
		if f != nil && f.Name != nil && f.Name.Name == name {
			return true
		}
	}
	return false
}

// bindings reports dynamic attribute names where Nix forbids them: as the
// first segment of a let binding's path, and as inherit names anywhere.
func (c *checker) bindings(bs []ast.Binding, inLet bool) {
	for _, b := range bs {
		switch b := b.(type) {
		case *ast.AttrDef:
			if !inLet || b == nil || b.Path == nil || len(b.Path.Names) == 0 {
				continue
			}
			// Only the first segment matters: `let a.${x} = 1;` puts the
			// dynamic attribute in the nested set, which Nix allows.
			if n := b.Path.Names[0]; !ast.IsNil(n) {
				if _, ok := scope.StaticName(n); !ok {
					c.add(parser.DynamicAttrInLet, n.Pos(), n.End(), "dynamic attributes not allowed in let")
				}
			}
		case *ast.Inherit:
			if b == nil {
				continue
			}
			for _, n := range b.Names {
				if ast.IsNil(n) {
					continue
				}
				if _, ok := scope.StaticName(n); !ok {
					c.add(parser.DynamicAttrInLet, n.Pos(), n.End(), "dynamic attributes not allowed in inherit")
				}
			}
		}
	}
}
