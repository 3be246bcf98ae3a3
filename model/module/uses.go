package module

import (
	"go/token"
	"slices"

	"github.com/nixlint/nixlint/parser/ast"
	"github.com/nixlint/nixlint/parser/scope"
)

// collectUses records every config path the file refers to: each
// outermost identifier or selection under root that denotes a config path,
// in source order, once per path. Attribute names are not references.
//
// It walks the tree by hand over an explicit stack (no call through a
// function value per node, no depth limit but memory), and skips every
// set, list, binding or string that holds none of the identifiers that may
// lead to config (see configCandidates): in most files that is most of the
// tree, and asking the scopes about each of its identifiers was most of
// what this cost.
func (b *builder) collectUses(root ast.Expr) {
	cands := b.r.configCandidates(b.a.cands)
	if len(cands) == 0 || root == nil {
		return
	}
	if b.a.seen == nil {
		b.a.seen = make(map[string]bool)
	}
	seen := b.a.seen
	clear(seen)
	w := usesWalker{b: b, seen: seen, cands: cands, stack: b.a.walk[:0], uses: b.a.useList[:0], sel: b.a.sel[:0]}
	w.run(root)
	if len(w.uses) > 0 {
		// Kept at their number: the module keeps them as long as the model.
		uses := b.a.refList(len(b.m.Uses) + len(w.uses))
		copy(uses, b.m.Uses)
		copy(uses[len(b.m.Uses):], w.uses)
		b.m.Uses = uses
	}
	clear(w.stack[:w.high]) // the rest was cleared before
	clear(w.uses)
	b.a.walk, b.a.useList, b.a.sel = w.stack[:0], w.uses[:0], w.sel[:0]
}

// usesWalker is collectUses's walk.
type usesWalker struct {
	b     *builder
	seen  map[string]bool // the uses dotted, once there are many
	uses  []Ref           // the uses found, in scratch space
	key   []byte          // a path dotted, looked up without allocating
	cands []token.Pos
	sel   []int32 // pushHolding's scratch
	stack []ast.Node
	high  int // the deepest the stack was
}

// may reports whether a candidate identifier starts in [pos, end).
func (w *usesWalker) may(pos, end token.Pos) bool {
	i, _ := slices.BinarySearch(w.cands, pos)
	return i < len(w.cands) && w.cands[i] < end
}

// push stacks n unless it is nil or a leaf without references.
func (w *usesWalker) push(n ast.Node) {
	switch n.(type) {
	case nil, *ast.Int, *ast.Float, *ast.URI, *ast.Text, *ast.BadExpr:
		return
	}
	w.stack = append(w.stack, n)
	w.high = max(w.high, len(w.stack))
}

// pushExpr is push for an Expr field: a nil interface is not a node.
func (w *usesWalker) pushExpr(e ast.Expr) {
	if e != nil {
		w.push(e)
	}
}

func (w *usesWalker) run(root ast.Expr) {
	w.stack = append(w.stack, root)
	w.high = max(w.high, len(w.stack))
	for len(w.stack) > 0 {
		n := w.stack[len(w.stack)-1]
		w.stack = w.stack[:len(w.stack)-1]
		// Children are pushed last first, so that they are visited in
		// source order, as ast.Inspect visits them.
		switch x := n.(type) {
		case *ast.Ident:
			w.use(x)
		case *ast.Select:
			if w.use(x) {
				continue
			}
			// The attribute path holds names, not references.
			if x.Default != nil {
				w.push(x.Default)
			}
			w.pushExpr(x.X)
		case *ast.String:
			if w.may(x.Pos(), x.End()) {
				for i := len(x.Parts) - 1; i >= 0; i-- {
					w.push(x.Parts[i])
				}
			}
		case *ast.Path:
			for i := len(x.Parts) - 1; i >= 0; i-- {
				w.push(x.Parts[i])
			}
		case *ast.Interp:
			w.pushExpr(x.X)
		case *ast.Paren:
			w.pushExpr(x.X)
		case *ast.List:
			pushHolding(w, x.Elems)
		case *ast.AttrSet:
			pushHolding(w, x.Bindings)
		case *ast.Let:
			w.pushExpr(x.Body)
			pushHolding(w, x.Bindings)
		case *ast.LegacyLet:
			pushHolding(w, x.Bindings)
		case *ast.AttrDef:
			if w.may(x.Pos(), x.End()) {
				w.pushExpr(x.Value)
			}
		case *ast.Inherit:
			for i := len(x.Names) - 1; i >= 0; i-- {
				w.push(x.Names[i])
			}
			if x.From != nil {
				w.push(x.From)
			}
		case *ast.HasAttr:
			w.pushExpr(x.X)
		case *ast.Apply:
			w.pushExpr(x.Arg)
			w.pushExpr(x.Fun)
		case *ast.Unary:
			w.pushExpr(x.X)
		case *ast.Binary:
			w.pushExpr(x.Y)
			w.pushExpr(x.X)
		case *ast.If:
			w.pushExpr(x.Else)
			w.pushExpr(x.Then)
			w.pushExpr(x.Cond)
		case *ast.With:
			w.pushExpr(x.Body)
			w.pushExpr(x.Env)
		case *ast.Assert:
			w.pushExpr(x.Body)
			w.pushExpr(x.Cond)
		case *ast.Lambda:
			w.pushExpr(x.Body)
			if x.Param != nil && x.Formals != nil && !x.AtFirst {
				w.push(x.Param)
			}
			if x.Formals != nil {
				for i := len(x.Formals.List) - 1; i >= 0; i-- {
					if fm := x.Formals.List[i]; fm != nil {
						w.pushExpr(fm.Default)
						if fm.Name != nil {
							w.push(fm.Name)
						}
					}
				}
			}
			if x.Param != nil && (x.Formals == nil || x.AtFirst) {
				w.push(x.Param)
			}
		}
	}
}

// pushHolding stacks, last first, those of nodes (a set's bindings, a
// list's elements: in source order) that hold a candidate; the others
// hold no use. A large set or list has candidates in a few of its nodes:
// they are found with a search per candidate, where testing each node
// cost a search per node.
func pushHolding[T ast.Node](w *usesWalker, nodes []T) {
	if len(nodes) == 0 {
		return
	}
	for _, n := range nodes {
		if ast.Node(n) == nil {
			// Not from the parser; positions cannot be searched.
			for i := len(nodes) - 1; i >= 0; i-- {
				if ast.Node(nodes[i]) != nil {
					w.push(nodes[i])
				}
			}
			return
		}
	}
	end := nodes[len(nodes)-1].End()
	sel := w.sel[:0]
	i, _ := slices.BinarySearch(w.cands, nodes[0].Pos())
	for i < len(w.cands) && w.cands[i] < end {
		pos := w.cands[i]
		// The first node ending after pos holds it, unless pos lies
		// between two nodes.
		lo, hi := 0, len(nodes)
		for lo < hi {
			mid := int(uint(lo+hi) >> 1)
			if nodes[mid].End() > pos {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		if lo == len(nodes) {
			break
		}
		n := nodes[lo]
		if n.Pos() > pos {
			i++
			continue
		}
		sel = append(sel, int32(lo))
		// The candidates n holds are done with.
		nEnd := n.End()
		for i < len(w.cands) && w.cands[i] < nEnd {
			i++
		}
	}
	for k := len(sel) - 1; k >= 0; k-- {
		w.push(nodes[sel[k]])
	}
	w.sel = sel[:0]
}

// use records the config path e denotes, if it is one, and reports
// whether it is (the walk does not look inside a config path).
func (w *usesWalker) use(e ast.Expr) bool {
	if !w.candidate(e) {
		return false
	}
	p, ok := w.b.r.scratchConfigPath(e)
	if !ok {
		return false
	}
	if len(p) == 0 || w.seenBefore(p) {
		return true
	}
	w.uses = append(w.uses, w.b.keepRef(p))
	return true
}

// candidate reports whether e may denote a config path: whether its base
// identifier, below parentheses and selections, is a candidate (see
// configCandidates). It answers most questions without the scopes.
func (w *usesWalker) candidate(e ast.Expr) bool {
	for {
		switch x := e.(type) {
		case *ast.Paren:
			e = x.X
		case *ast.Select:
			e = x.X
		case *ast.Ident:
			_, ok := slices.BinarySearch(w.cands, x.NamePos)
			return ok
		default:
			return false
		}
	}
}

// seenBefore reports whether the walk recorded p already. Paths are the
// same when they are dotted the same (`config."a.b"` is `config.a.b`), as
// they always were. A module refers to a handful of paths: they are
// compared one by one, and put in a set only when there are many.
func (w *usesWalker) seenBefore(p Ref) bool {
	uses := w.uses
	if len(uses) < maxScan {
		for _, u := range uses {
			if dottedEqual(u, p) {
				return true
			}
		}
		return false
	}
	if len(w.seen) == 0 {
		for _, u := range uses {
			w.seen[string(w.dotted(u))] = true
		}
	}
	key := w.dotted(p)
	if w.seen[string(key)] {
		return true
	}
	w.seen[string(key)] = true
	return false
}

// maxScan is how many uses seenBefore compares one by one.
const maxScan = 32

// dotted returns p dotted, in the walker's buffer.
func (w *usesWalker) dotted(p Ref) []byte {
	key := w.key[:0]
	for i, s := range p {
		if i > 0 {
			key = append(key, '.')
		}
		key = append(key, s...)
	}
	w.key = key
	return key
}

// dottedLen is the length of p dotted.
func dottedLen(p []string) int {
	n := len(p) - 1
	if n < 0 {
		return 0
	}
	for _, s := range p {
		n += len(s)
	}
	return n
}

// dottedEqual reports whether a and b are the same once dotted, without
// joining them.
func dottedEqual(a, b []string) bool {
	n := dottedLen(a)
	if n != dottedLen(b) {
		return false
	}
	if len(a) == len(b) {
		same := true
		for i := range a {
			if a[i] != b[i] {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	// A quoted name holds a dot: compare the dotted bytes.
	var i, oi, j, oj int
	for ; n > 0; n-- {
		if dottedByte(a, &i, &oi) != dottedByte(b, &j, &oj) {
			return false
		}
	}
	return true
}

// dottedByte returns the next byte of p dotted, from segment *i, offset *o.
func dottedByte(p []string, i, o *int) byte {
	if *o == len(p[*i]) {
		*i, *o = *i+1, 0
		return '.'
	}
	c := p[*i][*o]
	*o++
	return c
}

// configCandidates returns, sorted, the positions of the identifiers of
// the file that may denote a config path or the base of one: those bound
// (through plain inherits) to the module's `config` argument, or to a let
// or rec binding whose value or inherit source is, after parentheses and
// selections, such an identifier. Every identifier appendConfigPath
// accepts is among them; a subtree holding none has no config path. The
// result is computed once per file, in buf's array.
func (r *resolver) configCandidates(buf []token.Pos) []token.Pos {
	if r.candsDone {
		return r.cands
	}
	r.candsDone = true
	if r.info == nil {
		return nil
	}
	var memo bindingMemo
	out := buf[:0]
	for _, b := range r.info.Bindings {
		if len(b.Uses) == 0 || !r.mayBeConfig(r.follow(b), &memo) {
			continue
		}
		for _, id := range b.Uses {
			out = append(out, id.Pos())
		}
	}
	slices.Sort(out)
	r.cands = out
	return out
}

// bindingMemo is mayBeConfig's memo: a file follows a few let bindings,
// looked up in a list; a map is made past that.
type bindingMemo struct {
	n     int
	small [16]struct {
		b *scope.Binding
		v int8
	}
	big map[*scope.Binding]int8
}

func (m *bindingMemo) get(b *scope.Binding) (int8, bool) {
	for i := range m.n {
		if m.small[i].b == b {
			return m.small[i].v, true
		}
	}
	v, ok := m.big[b]
	return v, ok
}

func (m *bindingMemo) set(b *scope.Binding, v int8) {
	for i := range m.n {
		if m.small[i].b == b {
			m.small[i].v = v
			return
		}
	}
	if m.n < len(m.small) {
		m.small[m.n].b, m.small[m.n].v = b, v
		m.n++
		return
	}
	if m.big == nil {
		m.big = make(map[*scope.Binding]int8)
	}
	m.big[b] = v
}

// mayBeConfig reports whether a binding may denote a config path; memo
// holds 1 for yes, -1 for no or not known yet (a cycle of bindings never
// reaches config). Unlike appendConfigPath it has no depth limit, so that
// its answer is the same from wherever a chain of bindings is entered: a
// binding is followed once, a chain ends in config, elsewhere or in a
// cycle.
func (r *resolver) mayBeConfig(b *scope.Binding, memo *bindingMemo) bool {
	if b == nil {
		return false
	}
	switch b.Kind {
	case scope.Formal, scope.Param:
		return b.Name == "config"
	case scope.Let, scope.Rec:
	default:
		return false
	}
	if v, ok := memo.get(b); ok {
		return v > 0
	}
	memo.set(b, -1)
	e := b.From
	if e == nil {
		e = b.Value
	}
	ok := false
	for e != nil {
		switch x := e.(type) {
		case *ast.Paren:
			e = x.X
			continue
		case *ast.Select:
			e = x.X
			continue
		case *ast.Ident:
			ok = r.mayBeConfig(r.binding(x), memo)
		}
		break
	}
	if ok {
		memo.set(b, 1)
	}
	return ok
}
