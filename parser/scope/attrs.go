package scope

import (
	"go/token"

	"github.com/nixlint/nixlint/parser/ast"
)

// attrSet mirrors the ExprAttrs Nix 2.8 builds while parsing an attribute
// set, a let or a legacy let: its static attributes after path expansion and
// merging, and its dynamic attributes.
type attrSet struct {
	node   ast.Node // *ast.AttrSet, *ast.Let or *ast.LegacyLet; nil for a set implied by a path
	rec    bool     // values see the set's own attributes (rec, let, legacy let)
	byName map[string]*attr
	attrs  []*attr    // static attributes in insertion order
	dyn    []*dynAttr // dynamic attributes Nix keeps

	// Definitions Nix drops or rejects. They are still resolved, so that
	// every reference in the file has a binding, but dropped ones are
	// resolved quietly: Nix never looks at them, so they cannot be undefined.
	rejected []*attr    // duplicates: Nix stops there; so does the file
	dropped  []*dynAttr // dynamic attributes of a set merged into this one
}

// attr is one static attribute of an attrSet.
type attr struct {
	name  string
	pos   token.Pos     // where Nix says it is defined: the path start or the inherit name
	def   ast.Node      // the path segment or inherit name that defines it
	decls []ast.Binding // the bindings that define it

	value   ast.Expr     // the value written for it; nil for inherit and implied sets
	set     *attrSet     // the set when the value is a literal set or implied by a path
	inherit *ast.Inherit // set when defined by inherit
	from    ast.Expr     // the source of `inherit (from) name`

	// rest holds, for a definition rejected on an intermediate path segment,
	// the segments Nix never processed; their interpolations are resolved.
	rest []ast.AttrName
}

// plainInherit reports whether the attribute is `inherit name;`, whose
// reference is resolved outside the set.
func (a *attr) plainInherit() bool { return a.inherit != nil && a.from == nil }

// dynAttr is a dynamic attribute `${e} = v;`, or a dynamic path segment
// with the set implied by the rest of the path.
type dynAttr struct {
	name  ast.AttrName
	value ast.Expr
	set   *attrSet
	decl  ast.Binding
}

func newSet(node ast.Node, rec bool) *attrSet {
	return &attrSet{node: node, rec: rec, byName: map[string]*attr{}}
}

func (s *attrSet) add(a *attr) {
	s.byName[a.name] = a
	s.attrs = append(s.attrs, a)
}

// builder builds the attrSet of every set literal of a file.
type builder struct {
	sets map[ast.Node]*attrSet
	dups []*Duplicate
}

func newBuilder() *builder { return &builder{sets: map[ast.Node]*attrSet{}} }

// buildAll builds the sets of every literal under root. Nix builds a set
// when the parser reduces it, inner sets first; building in reverse
// preorder gives the same order without recursion.
func (b *builder) buildAll(root ast.Expr) {
	var lits []ast.Node
	stack := []ast.Node{root}
	var kids []ast.Node
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if isNil(n) {
			continue
		}
		switch n.(type) {
		case *ast.AttrSet, *ast.Let, *ast.LegacyLet:
			lits = append(lits, n)
		}
		kids = kids[:0]
		eachChild(n, func(c ast.Node) { kids = append(kids, c) })
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, kids[i])
		}
	}
	for i := len(lits) - 1; i >= 0; i-- {
		switch n := lits[i].(type) {
		case *ast.AttrSet:
			b.sets[n] = b.build(n, n.Bindings, n.Rec.IsValid())
		case *ast.Let:
			b.sets[n] = b.build(n, n.Bindings, true)
		case *ast.LegacyLet:
			b.sets[n] = b.build(n, n.Bindings, true)
		}
	}
}

func (b *builder) build(node ast.Node, bindings []ast.Binding, rec bool) *attrSet {
	s := newSet(node, rec)
	for _, bd := range bindings {
		switch bd := bd.(type) {
		case *ast.AttrDef:
			if bd != nil {
				b.addAttr(s, bd)
			}
		case *ast.Inherit:
			if bd != nil {
				b.addInherit(s, bd)
			}
		}
	}
	return s
}

// literalSet returns the attrSet of e when e is a set literal, which is
// what Nix's dynamic_cast<ExprAttrs *> tests. Nix keeps no parentheses.
func (b *builder) literalSet(e ast.Expr) *attrSet {
	if s, ok := unparen(e).(*ast.AttrSet); ok && s != nil {
		return b.sets[s]
	}
	return nil
}

// addInherit follows the two inherit rules of Nix 2.8's parser.y.
func (b *builder) addInherit(s *attrSet, in *ast.Inherit) {
	from := in.From
	if isNil(from) {
		from = nil
	}
	for _, n := range in.Names {
		if isNil(n) {
			continue
		}
		a := &attr{pos: n.Pos(), def: n, decls: []ast.Binding{in}, inherit: in, from: from}
		name, ok := StaticName(n)
		if !ok {
			// "dynamic attributes not allowed in inherit" (package check);
			// keep the interpolation's references resolved.
			a.rest = []ast.AttrName{n}
			s.rejected = append(s.rejected, a)
			continue
		}
		a.name = name
		if prev := s.byName[name]; prev != nil {
			b.dup(FormatName(name), nil, n.Pos(), n.End(), prev.pos, in)
			s.rejected = append(s.rejected, a)
			continue
		}
		s.add(a)
	}
}

// addAttr is Nix 2.8's addAttr: it walks the path's intermediate segments,
// descending into sets, and defines or merges the last one.
func (b *builder) addAttr(s *attrSet, def *ast.AttrDef) {
	value := def.Value
	if isNil(value) {
		value = nil
	}
	var names []ast.AttrName
	if def.Path != nil {
		for _, n := range def.Path.Names {
			if !isNil(n) {
				names = append(names, n)
			}
		}
	}
	if len(names) == 0 {
		s.rejected = append(s.rejected, &attr{value: value, decls: []ast.Binding{def}})
		return
	}
	pos, end := names[0].Pos(), names[len(names)-1].End()
	reject := func(cur *attrSet, i int, prev token.Pos) {
		b.dup(formatPath(names), names, pos, end, prev, def)
		cur.rejected = append(cur.rejected, &attr{value: value, decls: []ast.Binding{def}, rest: names[i+1:]})
	}
	cur := s
	for i, n := range names[:len(names)-1] {
		name, ok := StaticName(n)
		if !ok {
			nested := newSet(nil, false)
			cur.dyn = append(cur.dyn, &dynAttr{name: n, set: nested, decl: def})
			cur = nested
			continue
		}
		prev := cur.byName[name]
		if prev == nil {
			nested := newSet(nil, false)
			cur.add(&attr{name: name, pos: pos, def: n, decls: []ast.Binding{def}, set: nested})
			cur = nested
			continue
		}
		if prev.set == nil || prev.inherit != nil {
			reject(cur, i, prev.pos)
			return
		}
		prev.decls = append(prev.decls, def)
		cur = prev.set
	}
	last := names[len(names)-1]
	name, ok := StaticName(last)
	if !ok {
		cur.dyn = append(cur.dyn, &dynAttr{name: last, value: value, decl: def})
		return
	}
	lit := b.literalSet(value)
	prev := cur.byName[name]
	if prev == nil {
		cur.add(&attr{name: name, pos: pos, def: last, decls: []ast.Binding{def}, value: value, set: lit})
		return
	}
	if prev.set == nil || lit == nil || prev.inherit != nil {
		reject(cur, len(names)-1, prev.pos)
		return
	}
	prev.decls = append(prev.decls, def)
	b.merge(prev.set, lit, def)
}

// merge moves the static attributes of src into dst, as Nix does when a
// set is defined twice; src's dynamic attributes and its rec are lost.
func (b *builder) merge(dst, src *attrSet, def *ast.AttrDef) {
	for _, a := range src.attrs {
		if prev := dst.byName[a.name]; prev != nil {
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
		dst.add(a)
	}
	dst.dropped = append(dst.dropped, src.dyn...)
	dst.dropped = append(dst.dropped, src.dropped...)
	dst.rejected = append(dst.rejected, src.rejected...)
	src.attrs, src.dyn, src.dropped, src.rejected = nil, nil, nil, nil
	src.byName = map[string]*attr{}
}

func (b *builder) dup(name string, path []ast.AttrName, pos, end, prev token.Pos, decl ast.Binding) {
	b.dups = append(b.dups, &Duplicate{Name: name, Path: path, Pos: pos, End: end, Prev: prev, Decl: decl})
}
