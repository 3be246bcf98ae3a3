package printer

import "github.com/nixlint/nixlint/parser/ast"

// Most sets are simple: each binding defines one plain name (`a = e;`,
// `inherit a b;`, `inherit (e) a;`), and no name twice. Nix's binds rule
// then makes nothing of them but the attributes themselves, so such a set
// is printed from its bindings, sorted through keys, without building an
// attrSet (attrs.go): no records, no lookups. A set that turns out not to
// be simple, dotted paths or a name defined twice (two sets to merge), is
// left to build.

// simpleSet prints the set of bindings bs if it is simple, and reports
// whether it was.
func (p *printer) simpleSet(bs []ast.Binding, rec bool) bool {
	base := len(p.keys)
	if !p.simpleKeys(bs) {
		p.keys = p.keys[:base]
		return false
	}
	if rec {
		p.lit("rec ")
	}
	p.lit("{ ")
	end := len(p.keys)
	for k := base; k < end; k++ {
		// Values may push keys of their own: index afresh.
		key := p.keys[k]
		p.simpleBinding(bs[key.i], key.name, " ; ")
	}
	p.keys = p.keys[:base]
	p.b = append(p.b, '}')
	return true
}

// simpleKeys pushes a key per attribute of bs, sorted by name, and reports
// whether bs is simple; if it is not, the caller drops the keys.
func (p *printer) simpleKeys(bs []ast.Binding) bool {
	base := len(p.keys)
	sorted := true
	push := func(name string, i int) {
		if n := len(p.keys); n > base && !nameLess(p.keys[n-1].name, name) {
			sorted = false
		}
		p.keys = append(p.keys, nameKey(name, i))
	}
	for i, b := range bs {
		switch b := b.(type) {
		case *ast.AttrDef:
			if b.Path == nil || len(b.Path.Names) != 1 {
				return false
			}
			id, ok := b.Path.Names[0].(*ast.Ident)
			if !ok {
				return false
			}
			push(id.Name, i)
		case *ast.Inherit:
			for _, n := range b.Names {
				id, ok := n.(*ast.Ident)
				if !ok {
					return false
				}
				push(id.Name, i)
			}
		default:
			return false
		}
	}
	if sorted {
		return true // and no name twice
	}
	keys := p.keys[base:]
	sortKeys(keys)
	for k := 1; k < len(keys); k++ {
		if keys[k].name == keys[k-1].name {
			return false
		}
	}
	return true
}

// simpleLet prints the bindings of a let, and the keyword in, if they are
// simple, and reports whether they were. They come in symbol order (see
// symbols.go).
func (p *printer) simpleLet(bs []ast.Binding) bool {
	base := len(p.keys)
	if !p.simpleKeys(bs) {
		p.keys = p.keys[:base]
		return false
	}
	end := len(p.keys)
	lbase := len(p.lets)
	for k := base; k < end; k++ {
		p.lets = append(p.lets, keyedEntry{i: k})
	}
	lend := len(p.lets)
	p.sortLet(lbase, lend, func(i int) string { return p.keys[i].name })
	for j := lbase; j < lend; j++ {
		// Values may push keys and entries of their own: index afresh.
		key := p.keys[p.lets[j].i]
		p.simpleBinding(bs[key.i], key.name, "; ")
	}
	p.lets = p.lets[:lbase]
	p.keys = p.keys[:base]
	return true
}

// simpleBinding prints the binding b of the attribute name. A plain
// inherit stays one, ended by inheritEnd (Nix prints `inherit x ;` in a
// set, `inherit x;` in a let); an inherit from an expression becomes the
// selection it stands for.
func (p *printer) simpleBinding(b ast.Binding, name, inheritEnd string) {
	switch b := b.(type) {
	case *ast.AttrDef:
		p.name(name)
		p.lit(" = ")
		p.expr(b.Value)
		p.lit("; ")
	case *ast.Inherit:
		if b.From == nil {
			p.lit("inherit ")
			p.name(name)
			p.lit(inheritEnd)
			return
		}
		p.name(name)
		p.lit(" = (")
		p.expr(b.From)
		p.lit(").")
		p.name(name)
		p.lit("; ")
	}
}
