// Package scope resolves the variables of a Nix file: it binds every
// variable reference to the let, rec, lambda, with or builtin that defines
// it, exactly as Nix 2.8 does when it checks a file after parsing.
//
// Nix builds attribute sets while it parses: `a.b = 1; a.c = 2;` makes one
// nested set, and `a = { b = 1; }; a = rec { c = 1; };` merges the second
// set into the first, dropping its `rec` and its dynamic attributes. Which
// scope a value sees depends on that merging, so this package models it and
// reports, as a by-product, the definitions Nix rejects as duplicates. Most
// sets and lets cannot merge anything (their first names are static and
// distinct): they are resolved as written, without a model.
//
// Resolve works on partial trees (after syntax errors) and on trees as deep
// as the parser allows: it uses explicit stacks, never recursion.
//
// Resolving is mostly bookkeeping that is thrown away with the file: a
// Resolver keeps that work memory from one file to the next, and Resolve
// borrows one from a pool. Either way the Info returned is the caller's
// alone; only its bindings, its references and their index are allocated
// per file, each at its final size. A caller that drops the Info before
// the next file, as module.PerFile does, can have it in the Resolver's
// memory too (Resolver.ResolveReuse), and allocate nothing.
package scope

import (
	"go/token"
	"sync"

	"github.com/nixlint/nixlint/parser/ast"
)

// Kind tells what introduces a binding.
type Kind int

// The kinds of bindings.
const (
	Let     Kind = iota + 1 // `let … in` and the legacy `let { … }`
	Rec                     // an attribute of `rec { … }`
	Param                   // `x:` or the name of an `@` pattern
	Formal                  // a formal of `{ a, b ? 1 }:`
	With                    // dynamically scoped through the innermost enclosing `with`
	Builtin                 // Nix's base scope: `true`, `map`, `__typeOf`, …
)

var kindNames = [...]string{Let: "let", Rec: "rec", Param: "param", Formal: "formal", With: "with", Builtin: "builtin"}

// String returns the kind's name, as used in tests and debugging output.
func (k Kind) String() string {
	if k > 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "invalid"
}

// Binding is a name a reference can resolve to.
type Binding struct {
	Name string
	Kind Kind

	// Def is the defining occurrence: an *ast.Ident for a parameter, an
	// *ast.Formal for a formal, the first attribute-path segment or the
	// inherit name for let and rec bindings. Nil for With and Builtin.
	Def ast.Node

	// Value is the bound expression when it is known syntactically: e for
	// `x = e;` (as written, parentheses included). Nil for `inherit`, for a
	// name defined only through paths (`a.b = 1;`), for parameters and
	// formals (see Formal.Default).
	Value ast.Expr

	// From is src for `inherit (src) x;`, which binds x to src.x.
	From ast.Expr

	// Decls lists the bindings (*ast.AttrDef, *ast.Inherit) that define the
	// name, in source order: `a.b = 1; a.c = 2;` gives two. A list of one
	// shares its array with the tree's bindings: do not modify it.
	Decls []ast.Binding

	// Formal is the formal that defines a Formal binding.
	Formal *ast.Formal

	// Scope is the node that introduces the binding: the *ast.Let,
	// *ast.LegacyLet or *ast.AttrSet (rec) holding it, or the *ast.Lambda.
	// Nil for Builtin; for With it is the *ast.With.
	Scope ast.Node

	// Inherits is, for a plain `inherit x;` in a let or rec, the binding of
	// the enclosing scope it aliases; nil when that x is undefined.
	Inherits *Binding

	// With is the innermost enclosing `with` for a With binding.
	With *ast.With

	// Uses lists the references resolved to this binding, in source order.
	// A plain `inherit x;` counts as a use of the outer x.
	Uses []*ast.Ident

	nuses int32 // while resolving: how many references use it
	idx   int32 // while resolving: its index in the resolver's list
}

// Inherited reports whether the binding is a plain `inherit x;`, an alias
// of the x of the enclosing scope (see Inherits).
func (b *Binding) Inherited() bool {
	if b.From != nil || len(b.Decls) == 0 {
		return false
	}
	_, ok := b.Decls[0].(*ast.Inherit)
	return ok
}

// Info is the result of Resolve.
type Info struct {
	// Refs maps each variable reference (an *ast.Ident in expression
	// position, or a name of a plain inherit) to its binding; nil in the
	// Info of a Resolver whose NoRefsMap is set, for which BindingOf
	// answers instead. References
	// bound only by an enclosing `with` or by the base scope map to a
	// Binding of kind With or Builtin. A quoted inherit name (`inherit "a";`)
	// is represented by a synthetic *ast.Ident at the name's position.
	Refs map[*ast.Ident]*Binding

	// Bindings lists every binding the file introduces, in source order.
	Bindings []*Binding

	// Undefined lists references bound nowhere and not inside any `with`,
	// in source order: Nix rejects the file.
	Undefined []*ast.Ident

	// Duplicates lists the attribute definitions Nix 2.8 rejects because
	// the name is already defined, in source order.
	Duplicates []*Duplicate

	// index answers BindingOf when Refs is nil: see Resolver.NoRefsMap.
	index *refIndex

	// namesChecked is set when resolving met no lambda with a formal
	// twice (or the @ name again) and no dynamic attribute name in an
	// inherit or first in a let binding's path (see NameErrorsPossible).
	namesChecked bool
}

// NameErrorsPossible reports whether the file may have errors Nix finds
// after parsing that resolving does not list: a formal twice in a lambda's
// arguments (or the name of its @ pattern again), a dynamic attribute name
// in an inherit or first in a let binding's path. It is false when
// resolving met none, so that package check may skip looking for them;
// true for an Info this package did not make.
func (i *Info) NameErrorsPossible() bool { return !i.namesChecked }

// Duplicate is an attribute definition Nix rejects because its name is
// already defined in the same attribute set (possibly through a path or a
// merged set).
type Duplicate struct {
	// Name is the attribute as Nix names it in its message: the whole path
	// of the rejected definition (`a.b`), or the single name when the clash
	// comes from merging two sets. A dynamic segment other than a variable
	// is elided as "${…}"; Path lets a caller print it.
	Name string
	// Path is the rejected definition's attribute path when Name is one.
	Path []ast.AttrName
	// Pos and End delimit the rejected definition's name or path.
	Pos, End token.Pos
	// Prev is where the attribute was first defined.
	Prev token.Pos
	// Decl is the rejected *ast.AttrDef or *ast.Inherit.
	Decl ast.Binding
}

// BindingOf returns the binding the reference id resolves to, or nil when
// id is not a reference or is undefined. Unlike Refs, it also answers for
// the Info of a Resolver whose NoRefsMap is set.
func (i *Info) BindingOf(id *ast.Ident) *Binding {
	if i.Refs == nil && i.index != nil {
		return i.index.get(id)
	}
	return i.Refs[id]
}

// Unused returns the let, rec, parameter and formal bindings that no
// reference uses, in source order. Rec attributes and formals are often
// meant for the caller; a rule decides which kinds it reports.
func (i *Info) Unused() []*Binding {
	var out []*Binding
	for _, b := range i.Bindings {
		if len(b.Uses) == 0 {
			out = append(out, b)
		}
	}
	return out
}

// Resolve binds every variable reference of f to its definition. It is
// safe for concurrent use, and borrows a Resolver from a pool: the Info
// is the caller's alone, and valid for good.
func Resolve(f *ast.File) *Info {
	r := resolvers.Get().(*Resolver)
	defer resolvers.Put(r)
	return r.Resolve(f)
}

// resolvers keeps the work memory of Resolve from one call to the next,
// as a Resolver does for its owner.
var resolvers = sync.Pool{New: func() any { return new(Resolver) }}
