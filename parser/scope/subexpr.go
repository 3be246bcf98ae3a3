package scope

import "github.com/nixlint/nixlint/parser/ast"

// The operands of an expression are resolved in source order, as if each
// were pushed on the task stack, last first, and popped in turn. Most need
// no task of their own, which was most of what a task cost: an operand
// that holds no reference (a number, a string without interpolation) is
// skipped, an identifier met before any operand was deferred is resolved
// at once, and the first deferred operand is resolved next without a
// round trip through the stack. Tasks keep scopes balanced, so an operand
// resolved at once sees the scopes it would have seen when popped, and the
// references are met in the same order.

// step resolves e, pushing the tasks it needs, and returns the
// expression to resolve next in place of the task it would have pushed
// last, or nil. A nil or typed-nil e does nothing.
func (r *resolver) step(e ast.Expr, quiet bool) ast.Expr {
	switch e := e.(type) {
	case *ast.Ident:
		r.ident(e, quiet)
		return nil
	case *ast.AttrSet:
		if e == nil {
			return nil
		}
		// A set built as the value of a modelled attribute may have
		// been merged into: only its model tells.
		rec := e.Rec.IsValid()
		if !r.b.built(e) && r.simpleNames(e.Bindings, !rec) {
			if !rec {
				return r.plainSetValues(e, quiet)
			}
			r.simpleRec(e, e.Bindings, nil, Rec, quiet)
			return nil
		}
		r.enterSet(r.b.setOf(e), nil, quiet)
		return nil
	case *ast.LegacyLet:
		if e == nil {
			return nil
		}
		if r.simpleNames(e.Bindings, false) {
			r.simpleRec(e, e.Bindings, nil, Let, quiet)
			return nil
		}
		r.enterSet(r.b.setOf(e), nil, quiet)
		return nil
	case *ast.Let:
		if e == nil {
			return nil
		}
		if r.simpleNames(e.Bindings, false) {
			r.simpleRec(e, e.Bindings, e.Body, Let, quiet)
			return nil
		}
		r.enterSet(r.b.setOf(e), e.Body, quiet)
		return nil
	case *ast.With:
		if e == nil {
			return nil
		}
		r.pushExpr(e.Env, quiet) // below the exit: resolved outside the with
		r.withs = append(r.withs, e)
		r.push(task{kind: exitWithTask})
		return e.Body
	case *ast.Lambda:
		if e == nil {
			return nil
		}
		return r.lambda(e, quiet)
	}
	return r.operands(e, quiet)
}

// ident resolves an identifier in expression position.
func (r *resolver) ident(id *ast.Ident, quiet bool) {
	if id != nil && id.Name == curPos {
		// A position literal, not a variable.
		r.use(id, r.builtinOf(r.slot(curPos)))
		return
	}
	r.ref(id, quiet)
}

// enterSet resolves a set's contents, as a set task popped now would.
func (r *resolver) enterSet(s *attrSet, body ast.Expr, quiet bool) {
	if s != nil {
		r.set(s, body, quiet)
	}
}

// operands resolves the operands of the expressions whose scope is their
// parent's, the subexpressions ast.EachSubexpr lists, in its order.
func (r *resolver) operands(e ast.Expr, quiet bool) ast.Expr {
	k := len(r.kids)
	switch n := e.(type) {
	case *ast.Select:
		if n != nil {
			r.sub(n.X, k, quiet)
			r.attrPath(n.Path, k, quiet)
			r.sub(n.Default, k, quiet)
		}
	case *ast.Apply:
		if n != nil {
			r.sub(n.Fun, k, quiet)
			r.sub(n.Arg, k, quiet)
		}
	case *ast.Binary:
		if n != nil {
			r.sub(n.X, k, quiet)
			r.sub(n.Y, k, quiet)
		}
	case *ast.List:
		if n != nil {
			for _, x := range n.Elems {
				r.sub(x, k, quiet)
			}
		}
	case *ast.String:
		if n != nil {
			r.parts(n.Parts, k, quiet)
		}
	case *ast.Paren:
		if n != nil {
			r.sub(n.X, k, quiet)
		}
	case *ast.Path:
		if n != nil {
			r.parts(n.Parts, k, quiet)
		}
	case *ast.If:
		if n != nil {
			r.sub(n.Cond, k, quiet)
			r.sub(n.Then, k, quiet)
			r.sub(n.Else, k, quiet)
		}
	case *ast.HasAttr:
		if n != nil {
			r.sub(n.X, k, quiet)
			r.attrPath(n.Path, k, quiet)
		}
	case *ast.Unary:
		if n != nil {
			r.sub(n.X, k, quiet)
		}
	case *ast.Assert:
		if n != nil {
			r.sub(n.Cond, k, quiet)
			r.sub(n.Body, k, quiet)
		}
	}
	return r.takeKids(k, quiet)
}

// sub takes the operand c of the expression whose operands are collected
// from kids[k]: it drops it if it holds no reference, resolves it now if
// it is an identifier and no operand before it waits, else makes it wait
// in kids.
func (r *resolver) sub(c ast.Expr, k int, quiet bool) {
	switch x := c.(type) {
	case nil, *ast.Int, *ast.Float, *ast.URI:
		return
	case *ast.Ident:
		if x == nil {
			return
		}
		if len(r.kids) == k {
			r.ident(x, quiet)
			return
		}
	case *ast.String:
		if x == nil || !hasInterp(x.Parts) {
			return
		}
	}
	r.kids = append(r.kids, c)
}

// takeKids pushes the operands waiting in kids from k, last first, but
// for the first, which it returns: the next to resolve.
func (r *resolver) takeKids(k int, quiet bool) ast.Expr {
	n := len(r.kids)
	if n == k {
		return nil
	}
	for i := n - 1; i > k; i-- {
		r.push(task{kind: exprTask, expr: r.kids[i], quiet: quiet})
	}
	first := r.kids[k]
	r.kids = r.kids[:k]
	return first
}

// parts takes the interpolations of a string or path.
func (r *resolver) parts(ps []ast.StringPart, k int, quiet bool) {
	for _, p := range ps {
		if i, ok := p.(*ast.Interp); ok && i != nil {
			r.sub(i.X, k, quiet)
		}
	}
}

// attrPath takes the interpolations of an attribute path.
func (r *resolver) attrPath(p *ast.AttrPath, k int, quiet bool) {
	if p == nil {
		return
	}
	for _, n := range p.Names {
		switch n := n.(type) {
		case *ast.String:
			if n != nil {
				r.parts(n.Parts, k, quiet)
			}
		case *ast.Interp:
			if n != nil {
				r.sub(n.X, k, quiet)
			}
		}
	}
}

// hasInterp reports whether a string has an interpolation, without which
// it holds no reference.
func hasInterp(ps []ast.StringPart) bool {
	for _, p := range ps {
		if i, ok := p.(*ast.Interp); ok && i != nil {
			return true
		}
	}
	return false
}
