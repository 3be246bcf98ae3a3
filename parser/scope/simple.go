package scope

import "github.com/nixlint/nixlint/parser/ast"

// simpleNames reports whether every binding defines single static names,
// `a = e;` or `inherit (s) a b;`, all distinct: then Nix merges nothing
// and rejects nothing, and the bindings are the set's attributes as
// written. It leaves the names in r.seen.
//
// With paths, a binding may also define a static path, `a.b.c = e;`,
// whose first name is then the one that must be distinct: each path then
// makes sets of its own, into which nothing else is merged, and its value
// is resolved in the scope of the set, as a single name's would be. Not
// for rec sets and lets, which bind the first name to a set.
func (r *resolver) simpleNames(bindings []ast.Binding, paths bool) bool {
	r.seen = r.seen[:0]
	for _, bd := range bindings {
		switch bd := bd.(type) {
		case *ast.AttrDef:
			if bd == nil || bd.Path == nil || len(bd.Path.Names) == 0 {
				return false
			}
			names := bd.Path.Names
			if len(names) > 1 {
				if !paths {
					return false
				}
				for _, n := range names[1:] {
					if _, ok := StaticName(n); !ok {
						return false
					}
				}
			}
			var name string
			if id, ok := names[0].(*ast.Ident); ok && id != nil {
				name = id.Name // the usual name, without a call
			} else if name, ok = StaticName(names[0]); !ok {
				return false
			}
			r.seen = append(r.seen, name)
		case *ast.Inherit:
			if bd == nil {
				return false
			}
			for _, n := range bd.Names {
				name, ok := StaticName(n)
				if !ok {
					return false
				}
				r.seen = append(r.seen, name)
			}
		default:
			return false
		}
	}
	return r.b.names.distinct(r.seen)
}

// simpleRec resolves a let, legacy let or rec set whose bindings
// simpleNames accepts, as set resolves the model the builder would make
// of it, without making one: the same bindings, references and tasks,
// in the same order. The names are those simpleNames left in r.seen.
func (r *resolver) simpleRec(node ast.Node, bindings []ast.Binding, body ast.Expr, kind Kind, quiet bool) {
	// Plain inherits refer to the enclosing scope: resolve them before
	// the scope is entered.
	outer := r.outer[:0]
	for _, bd := range bindings {
		if in, ok := bd.(*ast.Inherit); ok {
			plain := ast.IsNil(in.From)
			for _, n := range in.Names {
				var b *Binding
				if plain {
					b = r.inheritName(n, quiet)
				}
				outer = append(outer, b)
			}
		}
	}
	r.outer = outer
	mark := len(r.bound)
	i, j := 0, 0 // the index of the name in r.seen, of the inherit in outer
	for k, bd := range bindings {
		decls := bindings[k : k+1 : k+1]
		switch bd := bd.(type) {
		case *ast.AttrDef:
			b := r.newBinding(Binding{Name: r.seen[i], Kind: kind, Def: bd.Path.Names[0], Decls: decls, Scope: node})
			if !ast.IsNil(bd.Value) {
				b.Value = bd.Value
			}
			r.bind(b)
			i++
		case *ast.Inherit:
			from := bd.From
			if ast.IsNil(from) {
				from = nil
			}
			for _, n := range bd.Names {
				r.bind(r.newBinding(Binding{Name: r.seen[i], Kind: kind, Def: n, Decls: decls, From: from, Scope: node, Inherits: outer[j]}))
				i, j = i+1, j+1
			}
		}
	}
	r.push(task{kind: exitTask, mark: int32(mark)})
	r.pushExpr(body, quiet)
	// The values, last first, as set pushes them; an inherit source once,
	// at the last attribute that names it.
	for k := len(bindings) - 1; k >= 0; k-- {
		switch bd := bindings[k].(type) {
		case *ast.AttrDef:
			if !ast.IsNil(bd.Value) {
				r.pushExpr(bd.Value, quiet)
			}
		case *ast.Inherit:
			if ast.IsNil(bd.From) || len(bd.Names) == 0 || r.froms[bd.From] {
				continue
			}
			r.froms[bd.From] = true
			r.pushExpr(bd.From, quiet)
		}
	}
}

// inheritName resolves the name of `inherit name;` as a reference, as
// inheritRef does for an attribute.
func (r *resolver) inheritName(n ast.AttrName, quiet bool) *Binding {
	id, ok := n.(*ast.Ident)
	if !ok {
		name, _ := StaticName(n)
		id = &ast.Ident{NamePos: n.Pos(), Name: name}
	}
	return r.ref(id, quiet)
}
