package scope

import (
	"go/token"

	"github.com/nixlint/nixlint/parser/ast"
)

// builder builds the attrSet of set literals, each once, on demand.
type builder struct {
	sets    map[ast.Node]*attrSet
	dups    []*Duplicate
	attrs   slab[attr]
	nsets   slab[attrSet]
	lists   attrLists
	scratch []string
	names   nameSet // finds repeated names, for clashingNames and simpleNames

	// nameErrors is set once a possible error of package check is met:
	// see Info.NameErrorsPossible.
	nameErrors bool
}

// built reports whether the set literal s has been built, as the value
// of a modelled attribute. Most files have no such set: their map is
// empty, and not asked.
func (b *builder) built(s *ast.AttrSet) bool {
	if len(b.sets) == 0 {
		return false
	}
	_, ok := b.sets[s]
	return ok
}

// newSet returns an empty set.
func (b *builder) newSet(node ast.Node, rec bool) *attrSet {
	s := b.nsets.new()
	s.node, s.rec = node, rec
	return s
}

// newAttr returns an attribute declared by decl, a one-element list.
func (b *builder) newAttr(name string, pos token.Pos, def ast.Node, decl []ast.Binding) *attr {
	a := b.attrs.new()
	a.name, a.pos, a.def, a.decls = name, pos, def, decl
	return a
}

// setOf returns the attrSet of a set literal, a let or a legacy let (nil
// for anything else), building it first if needed.
//
// Nix builds a set when the parser reduces it, so the sets written as
// values of its attributes, which it may merge or add to, are complete
// before it. The same order is followed here over an explicit stack: a
// literal is built after the literals written as values of its attributes
// whose name another binding of it also defines, and after every literal
// value nested in those, which paths may reach. Other values are left to
// be built, or resolved without a model, when the resolver reaches them.
func (b *builder) setOf(root ast.Node) *attrSet {
	if s, ok := b.sets[root]; ok {
		return s
	}
	if ast.IsNil(root) {
		return nil
	}
	type item struct {
		node     ast.Node
		expanded bool
		all      bool // build every literal value, not only clashing ones
	}
	stack := []item{{node: root}}
	for len(stack) > 0 {
		top := len(stack) - 1
		it := stack[top]
		if _, done := b.sets[it.node]; done {
			stack = stack[:top]
			continue
		}
		bindings, rec, ok := setParts(it.node)
		if !ok {
			stack = stack[:top]
			continue
		}
		if it.expanded {
			stack = stack[:top]
			b.sets[it.node] = b.build(it.node, bindings, rec)
			continue
		}
		stack[top].expanded = true
		var clash map[string]bool
		if !it.all {
			clash = b.clashingNames(bindings)
		}
		for _, bd := range bindings {
			d, ok := bd.(*ast.AttrDef)
			if !ok || d == nil {
				continue
			}
			lit, ok := ast.Unparen(d.Value).(*ast.AttrSet)
			if !ok || lit == nil {
				continue
			}
			if _, done := b.sets[lit]; done {
				continue
			}
			if !it.all {
				if d.Path == nil || len(d.Path.Names) == 0 {
					continue
				}
				if name, ok := StaticName(d.Path.Names[0]); !ok || !clash[name] {
					continue
				}
			}
			stack = append(stack, item{node: lit, all: true})
		}
	}
	return b.sets[root]
}

// clashingNames returns the static names that more than one binding
// defines or extends (`a = { };` and `a.b = 1;`): only their values can be
// merged into or added to. Usually there is none, and the result is nil.
func (b *builder) clashingNames(bindings []ast.Binding) map[string]bool {
	first := b.scratch[:0]
	for _, bd := range bindings {
		switch bd := bd.(type) {
		case *ast.AttrDef:
			if bd != nil && bd.Path != nil && len(bd.Path.Names) > 0 {
				if name, ok := StaticName(bd.Path.Names[0]); ok {
					first = append(first, name)
				}
			}
		case *ast.Inherit:
			if bd != nil {
				for _, n := range bd.Names {
					if name, ok := StaticName(n); ok {
						first = append(first, name)
					}
				}
			}
		}
	}
	b.scratch = first
	var clash map[string]bool
	b.names.repeats(first, func(n string) bool {
		if clash == nil {
			clash = map[string]bool{}
		}
		clash[n] = true
		return true
	})
	return clash
}

// setParts returns the bindings of a node that holds some, and whether
// they see each other.
func setParts(n ast.Node) (bindings []ast.Binding, rec, ok bool) {
	switch n := n.(type) {
	case *ast.AttrSet:
		if n != nil {
			return n.Bindings, n.Rec.IsValid(), true
		}
	case *ast.Let:
		if n != nil {
			return n.Bindings, true, true
		}
	case *ast.LegacyLet:
		if n != nil {
			return n.Bindings, true, true
		}
	}
	return nil, false, false
}

func (b *builder) build(node ast.Node, bindings []ast.Binding, rec bool) *attrSet {
	if !b.nameErrors {
		b.nameErrors = dynamicNames(node, bindings)
	}
	s := b.newSet(node, rec)
	s.attrs = b.lists.take(len(bindings))
	for i, bd := range bindings {
		// The attributes' lists of declarations start as a view of the
		// tree's: no copy, and appending to one makes it its own.
		decl := bindings[i : i+1 : i+1]
		switch bd := bd.(type) {
		case *ast.AttrDef:
			if bd != nil {
				b.addAttr(s, bd, decl)
			}
		case *ast.Inherit:
			if bd != nil {
				b.addInherit(s, bd, decl)
			}
		}
	}
	return s
}

// setOfAttr returns the set an attribute's value is, when it is one: a set
// implied by a path or a literal, but never through inherit.
func (b *builder) setOfAttr(a *attr) *attrSet {
	if a.set == nil && a.inherit == nil && a.value != nil {
		a.set = b.literalSet(a.value)
	}
	if a.inherit != nil {
		return nil
	}
	return a.set
}

// literalSet returns the attrSet of e when e is a set literal, which is
// what Nix's dynamic_cast<ExprAttrs *> tests. Nix keeps no parentheses.
// setOf has built every literal this is asked about; building one here
// would only be a fallback.
func (b *builder) literalSet(e ast.Expr) *attrSet {
	if s, ok := ast.Unparen(e).(*ast.AttrSet); ok && s != nil {
		if set, ok := b.sets[s]; ok {
			return set
		}
		return b.setOf(s)
	}
	return nil
}

// addInherit follows the two inherit rules of Nix 2.8's parser.y.
//
// decl is a one-element list of in, which the tree holds.
func (b *builder) addInherit(s *attrSet, in *ast.Inherit, decl []ast.Binding) {
	from := in.From
	if ast.IsNil(from) {
		from = nil
	}
	for _, n := range in.Names {
		if ast.IsNil(n) {
			continue
		}
		name, ok := StaticName(n)
		a := b.newAttr(name, n.Pos(), n, decl)
		a.inherit, a.from = in, from
		if !ok {
			// "dynamic attributes not allowed in inherit" (package check);
			// keep the interpolation's references resolved.
			a.rest = []ast.AttrName{n}
			s.rejected = append(s.rejected, a)
			continue
		}
		if prev := s.lookup(name); prev != nil {
			b.dup(FormatName(name), nil, n.Pos(), n.End(), prev.pos, in)
			s.rejected = append(s.rejected, a)
			continue
		}
		b.add(s, a)
	}
}

// addAttr is Nix 2.8's addAttr: it walks the path's intermediate segments,
// descending into sets, and defines or merges the last one.
//
// decl is a one-element list of def, which the tree holds.
func (b *builder) addAttr(s *attrSet, def *ast.AttrDef, decl []ast.Binding) {
	value := def.Value
	if ast.IsNil(value) {
		value = nil
	}
	var names []ast.AttrName
	if def.Path != nil {
		names = def.Path.Names
		for i, n := range names {
			if ast.IsNil(n) {
				// A partial tree: keep the segments that exist.
				names = nil
				for _, n := range def.Path.Names[i:] {
					if !ast.IsNil(n) {
						names = append(names, n)
					}
				}
				names = append(def.Path.Names[:i:i], names...)
				break
			}
		}
	}
	if len(names) == 0 {
		s.rejected = append(s.rejected, &attr{value: value, decls: decl})
		return
	}
	pos, end := names[0].Pos(), names[len(names)-1].End()
	reject := func(cur *attrSet, i int, prev token.Pos) {
		b.dup(formatPath(names), names, pos, end, prev, def)
		cur.rejected = append(cur.rejected, &attr{value: value, decls: decl, rest: names[i+1:]})
	}
	cur := s
	for i, n := range names[:len(names)-1] {
		name, ok := StaticName(n)
		if !ok {
			nested := b.newSet(nil, false)
			cur.dyn = append(cur.dyn, &dynAttr{name: n, set: nested, decl: def})
			cur = nested
			continue
		}
		prev := cur.lookup(name)
		if prev == nil {
			nested := b.newSet(nil, false)
			a := b.newAttr(name, pos, n, decl)
			a.set = nested
			b.add(cur, a)
			cur = nested
			continue
		}
		next := b.setOfAttr(prev)
		if next == nil {
			reject(cur, i, prev.pos)
			return
		}
		prev.decls = append(prev.decls, def)
		cur = next
	}
	last := names[len(names)-1]
	name, ok := StaticName(last)
	if !ok {
		cur.dyn = append(cur.dyn, &dynAttr{name: last, value: value, decl: def})
		return
	}
	prev := cur.lookup(name)
	if prev == nil {
		a := b.newAttr(name, pos, last, decl)
		a.value = value
		b.add(cur, a)
		return
	}
	dst, lit := b.setOfAttr(prev), b.literalSet(value)
	if dst == nil || lit == nil {
		reject(cur, len(names)-1, prev.pos)
		return
	}
	prev.decls = append(prev.decls, def)
	b.merge(dst, lit, def)
}

// merge moves the static attributes of src into dst, as Nix does when a
// set is defined twice; src's dynamic attributes and its rec are lost.
func (b *builder) merge(dst, src *attrSet, def *ast.AttrDef) {
	for _, a := range src.attrs {
		if prev := dst.lookup(a.name); prev != nil {
			end := a.pos
			if a.def != nil {
				end = a.def.End()
			}
			var decl ast.Binding = def
			if len(a.decls) > 0 {
				decl = a.decls[0]
			}
			// Nix reports this clash at the earlier definition, saying it
			// is "already defined" at the later one; we report the later.
			b.dup(FormatName(a.name), nil, a.pos, end, prev.pos, decl)
			dst.rejected = append(dst.rejected, a)
			continue
		}
		b.add(dst, a)
	}
	dst.dropped = append(dst.dropped, src.dyn...)
	dst.dropped = append(dst.dropped, src.dropped...)
	dst.rejected = append(dst.rejected, src.rejected...)
	src.attrs, src.dyn, src.dropped, src.rejected = nil, nil, nil, nil
	src.byName = nil
}

func (b *builder) dup(name string, path []ast.AttrName, pos, end, prev token.Pos, decl ast.Binding) {
	b.dups = append(b.dups, &Duplicate{Name: name, Path: path, Pos: pos, End: end, Prev: prev, Decl: decl})
}
