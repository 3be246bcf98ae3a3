package scope

import (
	"cmp"
	"slices"

	"github.com/nixlint/nixlint/parser/ast"
)

// resolver walks the tree with an explicit stack of tasks. Lexical scopes
// are kept as one chain of bindings per name (the innermost in the name's
// slot, the ones it hides in bound), so a lookup costs one map access
// whatever the nesting depth. The task stack keeps them consistent:
// a scope is entered when its node is processed and left by an exit task
// pushed below the tasks of everything inside it.
type resolver struct {
	info   *Info
	b      *builder
	names  nameTable
	withs  []*ast.With // innermost last
	withed map[withKey]*Binding
	froms  map[ast.Expr]bool // inherit sources already resolved
	stack  []task
	kids   []ast.Expr // scratch space of step
	seen   []string   // scratch space of simpleNames
	outer  []*Binding // scratch space of simpleRec
	bound  []bound    // the bindings of the open lexical scopes, innermost last

	// refs lists the resolved references in the order they are met, and
	// bindings the bindings: finish copies them into the Info at their
	// final size, which costs less than growing the map and the slices
	// while resolving.
	refs     []resolved
	bindings []*Binding

	// The bindings are made in bslab, a work space, and listed in all in
	// the order they are made; finish copies them into one array of the
	// right size for the Info. Files have few bindings, and a slab grown
	// for each cost more than half again the memory of that array.
	bslab slab[Binding]
	all   []*Binding
}

// bound is a binding of an open lexical scope: the slot of its name, and
// the binding of the name it hides, to restore when the scope is left.
type bound struct {
	slot     *nameSlot
	shadowed *Binding
}

// resolved is a reference and its binding.
type resolved struct {
	id *ast.Ident
	b  *Binding
}

type withKey struct {
	with *ast.With
	name string
}

type taskKind uint8

const (
	exprTask     taskKind = iota // resolve expr
	setTask                      // resolve the contents of set, then body (a let's)
	exitTask                     // leave the lexical scope whose bindings start at bound[mark]
	exitWithTask                 // leave the innermost with
)

// task is kept small, 32 bytes: a file's resolution pushes about one per
// node.
type task struct {
	expr  ast.Expr // the expression of an exprTask, the body of a setTask
	set   *attrSet
	mark  int32 // for exitTask
	kind  taskKind
	quiet bool // references Nix never checks: do not report them as undefined
}

func (r *resolver) push(t task) { r.stack = append(r.stack, t) }

// pushExpr pushes the task of resolving e, unless e holds no reference.
// A typed-nil e is pushed: resolving it does nothing.
func (r *resolver) pushExpr(e ast.Expr, quiet bool) {
	switch x := e.(type) {
	case nil, *ast.Int, *ast.Float, *ast.URI:
		return
	case *ast.String:
		if x == nil || !hasInterp(x.Parts) {
			return
		}
	}
	r.push(task{kind: exprTask, expr: e, quiet: quiet})
}

func (r *resolver) run(root ast.Expr) {
	r.pushExpr(root, false)
	for len(r.stack) > 0 {
		t := r.stack[len(r.stack)-1]
		r.stack = r.stack[:len(r.stack)-1]
		switch t.kind {
		case exprTask:
			r.expr(t.expr, t.quiet)
		case setTask:
			r.set(t.set, t.expr, t.quiet)
		case exitTask:
			r.exit(int(t.mark))
		case exitWithTask:
			r.withs = r.withs[:len(r.withs)-1]
		}
	}
	r.info.namesChecked = !r.b.nameErrors
}

// expr resolves e, and the operands step hands back, one after another.
func (r *resolver) expr(e ast.Expr, quiet bool) {
	for e != nil {
		e = r.step(e, quiet)
	}
}

func (r *resolver) pushSet(s *attrSet, body ast.Expr, quiet bool) {
	if s != nil {
		r.push(task{kind: setTask, set: s, expr: body, quiet: quiet})
	}
}

// set resolves a set's contents, in Nix's ExprAttrs::bindVars and
// ExprLet::bindVars order of scopes.
func (r *resolver) set(s *attrSet, body ast.Expr, quiet bool) {
	// Plain inherits refer to the enclosing scope: resolve them now,
	// before the set's own scope is entered.
	for _, list := range [][]*attr{s.attrs, s.rejected} {
		for _, a := range list {
			if a.plainInherit() && a.rest == nil {
				a.outer = r.inheritRef(a, quiet)
			}
		}
	}
	if s.rec {
		kind := Rec
		switch s.node.(type) {
		case *ast.Let, *ast.LegacyLet:
			kind = Let
		}
		mark := len(r.bound)
		for _, a := range s.attrs {
			b := r.newBinding(Binding{Name: a.name, Kind: kind, Def: a.def, Decls: a.decls, From: a.from, Scope: s.node, Inherits: a.outer})
			if a.inherit == nil {
				b.Value = a.value
			}
			r.bind(b)
		}
		r.push(task{kind: exitTask, mark: int32(mark)})
	}
	r.pushExpr(body, quiet)
	for i := len(s.dropped) - 1; i >= 0; i-- {
		r.dynAttr(s.dropped[i], true)
	}
	for i := len(s.dyn) - 1; i >= 0; i-- {
		r.dynAttr(s.dyn[i], quiet)
	}
	for i := len(s.rejected) - 1; i >= 0; i-- {
		r.attrValue(s.rejected[i], quiet)
	}
	for i := len(s.attrs) - 1; i >= 0; i-- {
		r.attrValue(s.attrs[i], quiet)
	}
}

// attrValue pushes what an attribute's value needs resolved in the set's
// value scope.
func (r *resolver) attrValue(a *attr, quiet bool) {
	for _, n := range a.rest {
		r.nameExprs(n, quiet)
	}
	switch {
	case a.from != nil:
		if !r.froms[a.from] {
			r.froms[a.from] = true
			r.pushExpr(a.from, quiet)
		}
	case a.value != nil:
		r.pushExpr(a.value, quiet)
	case a.set != nil:
		r.pushSet(a.set, nil, quiet)
	}
}

func (r *resolver) dynAttr(d *dynAttr, quiet bool) {
	r.nameExprs(d.name, quiet)
	r.pushExpr(d.value, quiet)
	r.pushSet(d.set, nil, quiet)
}

// nameExprs pushes the interpolations of an attribute name.
func (r *resolver) nameExprs(n ast.AttrName, quiet bool) {
	switch n := n.(type) {
	case *ast.Interp:
		if n != nil {
			r.pushExpr(n.X, quiet)
		}
	case *ast.String:
		if n != nil {
			for _, p := range n.Parts {
				if i, ok := p.(*ast.Interp); ok && i != nil {
					r.pushExpr(i.X, quiet)
				}
			}
		}
	}
}

// lambda enters the scope of the parameter and formals, in which the
// formals' defaults and the body are resolved, and returns the first of
// them to resolve, as step does.
func (r *resolver) lambda(l *ast.Lambda, quiet bool) ast.Expr {
	mark := len(r.bound)
	if l.Param != nil {
		r.bind(r.newBinding(Binding{Name: l.Param.Name, Kind: Param, Def: l.Param, Scope: l}))
	}
	if l.Formals != nil {
		for _, fm := range l.Formals.List {
			if fm == nil || fm.Name == nil {
				continue
			}
			r.bind(r.newBinding(Binding{Name: fm.Name.Name, Kind: Formal, Def: fm, Formal: fm, Scope: l}))
		}
	}
	if l.Formals != nil && !r.b.nameErrors {
		r.b.nameErrors = repeatedFormal(l, &r.b.names, &r.seen)
	}
	r.push(task{kind: exitTask, mark: int32(mark)})
	k := len(r.kids)
	if l.Formals != nil {
		for _, fm := range l.Formals.List {
			if fm != nil {
				r.sub(fm.Default, k, quiet)
			}
		}
	}
	r.sub(l.Body, k, quiet)
	return r.takeKids(k, quiet)
}

// newBinding makes a binding in the work space; finish moves it to the
// Info.
func (r *resolver) newBinding(v Binding) *Binding {
	b := r.bslab.new()
	*b = v
	b.idx = int32(len(r.all))
	r.all = append(r.all, b)
	return b
}

// bind enters b in the innermost lexical scope. Scopes are left in the
// reverse order they were entered (the task stack sees to it), so their
// bindings are kept on one stack.
func (r *resolver) bind(b *Binding) {
	r.bindings = append(r.bindings, b)
	n := r.slot(b.Name)
	r.bound = append(r.bound, bound{n, n.lexical})
	n.lexical = b
}

// exit leaves the lexical scope whose bindings start at bound[mark].
func (r *resolver) exit(mark int) {
	for i := len(r.bound) - 1; i >= mark; i-- {
		r.bound[i].slot.lexical = r.bound[i].shadowed
	}
	r.bound = r.bound[:mark]
}

// inheritRef resolves the name of `inherit name;` as a reference. Even
// `inherit __curPos;` names a variable.
func (r *resolver) inheritRef(a *attr, quiet bool) *Binding {
	id, ok := a.def.(*ast.Ident)
	if !ok {
		id = &ast.Ident{NamePos: a.def.Pos(), Name: a.name}
	}
	return r.ref(id, quiet)
}

// ref resolves one reference, as Nix's ExprVar::bindVars: the innermost
// lexical binding, including the base scope, else the innermost with.
// It returns the binding, nil when there is none.
func (r *resolver) ref(id *ast.Ident, quiet bool) *Binding {
	if id == nil {
		return nil
	}
	b := r.lookup(id.Name)
	if b == nil {
		if !quiet {
			r.info.Undefined = append(r.info.Undefined, id)
		}
		return nil
	}
	r.use(id, b)
	return b
}

// use records that id refers to b; finish enters it in Info.Refs and
// b.Uses.
func (r *resolver) use(id *ast.Ident, b *Binding) {
	r.refs = append(r.refs, resolved{id, b})
	b.nuses++
}

// lookup returns the binding a reference to name resolves to, nil when
// there is none.
func (r *resolver) lookup(name string) *Binding {
	n := r.slot(name)
	if n.lexical != nil {
		return n.lexical
	}
	if n.global {
		return r.builtinOf(n)
	}
	if len(r.withs) == 0 {
		return nil
	}
	w := r.withs[len(r.withs)-1]
	if n.with == w {
		return n.withBinding
	}
	k := withKey{w, name}
	b := r.withed[k]
	if b == nil {
		b = r.newBinding(Binding{Name: n.name, Kind: With, With: w, Scope: w})
		r.withed[k] = b
	}
	n.with, n.withBinding = w, b
	return b
}

// builtinOf returns the Builtin binding of the name of n.
func (r *resolver) builtinOf(n *nameSlot) *Binding {
	if n.builtin == nil {
		n.builtin = r.newBinding(Binding{Name: n.name, Kind: Builtin})
	}
	return n.builtin
}

// finish fills the Info with the bindings and references met, and puts
// every list in source order, so that results do not depend on the order
// of the walk.
func (r *resolver) finish() {
	info := r.info
	// The bindings move to one array; the pointers between them follow.
	var final []Binding
	if len(r.all) > 0 {
		final = make([]Binding, len(r.all))
	}
	for i, b := range r.all {
		f := &final[i]
		*f = *b
		if b.Inherits != nil {
			f.Inherits = &final[b.Inherits.idx]
		}
	}
	if len(r.bindings) > 0 {
		info.Bindings = make([]*Binding, len(r.bindings))
		for i, b := range r.bindings {
			info.Bindings[i] = &final[b.idx]
		}
	}
	// Every Uses slice is cut from one array, each with the capacity of
	// its final length so that appending to one cannot overwrite the next.
	info.Refs = make(map[*ast.Ident]*Binding, len(r.refs))
	uses := make([]*ast.Ident, len(r.refs))
	for _, ref := range r.refs {
		b := &final[ref.b.idx]
		if b.Uses == nil {
			n := int(b.nuses)
			b.Uses, uses = uses[:0:n], uses[n:]
		}
		b.Uses = append(b.Uses, ref.id)
		info.Refs[ref.id] = b
	}
	for i := range final {
		sortIdents(final[i].Uses)
	}
	sortBindings(info.Bindings)
	sortProblems(info)
}

// sortBindings sorts bindings by the position of their definition.
func sortBindings(bs []*Binding) {
	byDef := func(a, b *Binding) int { return cmp.Compare(a.Def.Pos(), b.Def.Pos()) }
	if !slices.IsSortedFunc(bs, byDef) {
		slices.SortStableFunc(bs, byDef)
	}
}

// sortIdents sorts references by position.
func sortIdents(ids []*ast.Ident) {
	less := func(a, b *ast.Ident) int { return cmp.Compare(a.NamePos, b.NamePos) }
	if !slices.IsSortedFunc(ids, less) {
		slices.SortStableFunc(ids, less)
	}
}

// sortProblems sorts the undefined references and the duplicates by
// position.
func sortProblems(info *Info) {
	sortIdents(info.Undefined)
	slices.SortStableFunc(info.Duplicates, func(a, b *Duplicate) int { return cmp.Compare(a.Pos, b.Pos) })
}
