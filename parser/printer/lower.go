package printer

import (
	"github.com/nixlint/nixlint/parser/ast"
)

// lowerer turns a syntax tree into the expressions Nix 2.8's parser builds,
// following the grammar actions of src/libexpr/parser.y. The order in which
// it visits the tree matters: it is the order in which Nix creates symbols
// (see symbols.go).
type lowerer struct {
	slabs
	syms *symtab
	dir  string // absolute directory of the file, for relative paths
	home string // home directory, for ~/ paths
}

func (l *lowerer) expr(e ast.Expr) nexpr {
	switch e := e.(type) {
	case nil:
		return l.newVar("<missing>")
	case *ast.BadExpr:
		return l.newVar("<bad>")
	case *ast.Ident:
		if e.Name == "__curPos" {
			return &nPos{}
		}
		l.syms.alloc(costVar)
		return l.newVar(l.syms.create(e.Name))
	case *ast.Int:
		l.syms.alloc(costInt)
		return &nInt{v: e.Value}
	case *ast.Float:
		l.syms.alloc(costInt)
		return &nFloat{v: e.Value}
	case *ast.URI:
		l.syms.alloc(costString)
		return l.newString(e.Value)
	case *ast.String:
		return l.str(e)
	case *ast.Path:
		return l.path(e)
	case *ast.Paren:
		// Parentheses make no node in Nix.
		return l.expr(e.X)
	case *ast.List:
		l.syms.alloc(costNode + 8*len(e.Elems))
		n := &nList{elems: l.exprs.make(len(e.Elems))}
		for _, x := range e.Elems {
			n.elems = append(n.elems, l.expr(x))
		}
		return n
	case *ast.AttrSet:
		l.syms.alloc(costAttrSet)
		a := l.binds(e.Bindings)
		a.rec = e.Rec.IsValid()
		return a
	case *ast.Let:
		a := l.binds(e.Bindings)
		return &nLet{attrs: a, body: l.expr(e.Body)}
	case *ast.LegacyLet:
		// let { ... } is (rec { ... }).body.
		a := l.binds(e.Bindings)
		a.rec = true
		n := l.selects.alloc()
		n.e, n.path = a, append(l.names.make(1), nAttrName{sym: l.syms.create("body")})
		return n
	case *ast.Select:
		l.syms.alloc(costNode)
		x := l.expr(e.X)
		n := l.selects.alloc()
		n.e, n.path = x, l.attrPath(e.Path)
		if e.Default != nil {
			n.def = l.expr(e.Default)
		}
		return n
	case *ast.HasAttr:
		x := l.expr(e.X)
		return &nHasAttr{e: x, path: l.attrPath(e.Path)}
	case *ast.Apply:
		l.syms.alloc(costNode)
		fun := l.expr(e.Fun)
		if e.LegacyOr {
			// `x or` is a call of its own even when x is a call.
			c := l.calls.alloc()
			c.fun, c.args = fun, append(l.exprs.make(1), l.expr(e.Arg))
			return c
		}
		return l.call(fun, l.expr(e.Arg))
	case *ast.Unary:
		x := l.expr(e.X)
		if e.Op == ast.NOT {
			return &nNot{e: x}
		}
		return l.builtin("__sub", &nInt{v: 0}, x)
	case *ast.Binary:
		return l.binary(e)
	case *ast.If:
		c := l.expr(e.Cond)
		t := l.expr(e.Then)
		return &nIf{cond: c, then: t, els: l.expr(e.Else)}
	case *ast.With:
		env := l.expr(e.Env)
		return &nWith{attrs: env, body: l.expr(e.Body)}
	case *ast.Assert:
		c := l.expr(e.Cond)
		return &nAssert{cond: c, body: l.expr(e.Body)}
	case *ast.Lambda:
		return l.lambda(e)
	}
	return l.newVar("<unknown>")
}

// call builds the application of fun to arg the way Nix's expr_app rule
// does: an existing call gets one more argument.
func (l *lowerer) call(fun, arg nexpr) nexpr {
	if c, ok := fun.(*nCall); ok {
		c.args = append(c.args, arg)
		return c
	}
	c := l.calls.alloc()
	c.fun, c.args = fun, append(l.exprs.make(1), arg)
	return c
}

// builtin is a call of a primop, as operators desugar to.
func (l *lowerer) builtin(name string, args ...nexpr) nexpr {
	c := l.calls.alloc()
	c.fun, c.args = l.newVar(l.syms.create(name)), args
	return c
}

func (l *lowerer) binary(e *ast.Binary) nexpr {
	l.syms.alloc(costNode)
	a := l.expr(e.X)
	b := l.expr(e.Y)
	switch e.Op {
	case ast.EQ, ast.NEQ, ast.AND, ast.OR, ast.IMPL, ast.UPDATE, ast.CONCAT:
		return &nBinOp{op: e.Op.String(), a: a, b: b}
	case ast.ADD:
		return &nConcat{parts: []nexpr{a, b}}
	case ast.SUB:
		return l.builtin("__sub", a, b)
	case ast.MUL:
		return l.builtin("__mul", a, b)
	case ast.DIV:
		return l.builtin("__div", a, b)
	case ast.LT:
		return l.builtin("__lessThan", a, b)
	case ast.GT:
		return l.builtin("__lessThan", b, a)
	case ast.LEQ:
		return &nNot{e: l.builtin("__lessThan", b, a)}
	case ast.GEQ:
		return &nNot{e: l.builtin("__lessThan", a, b)}
	case ast.PIPE_R:
		// Not in Nix 2.8: newer Nix makes `a |> f` the call `f a`,
		// appending to an existing call like an application does.
		return l.call(b, a)
	case ast.PIPE_L:
		return l.call(a, b)
	}
	return &nBinOp{op: e.Op.String(), a: a, b: b}
}

func (l *lowerer) lambda(e *ast.Lambda) nexpr {
	l.syms.alloc(costNode)
	n := l.lambdas.alloc()
	if e.Formals != nil {
		f := &nFormals{ellipsis: e.Formals.Ellipsis.IsValid()}
		for _, x := range e.Formals.List {
			if x == nil || x.Name == nil {
				continue
			}
			var def nexpr
			if x.Default != nil {
				def = l.expr(x.Default)
			}
			// The formal's name is interned after its default.
			if def != nil {
				l.syms.alloc(costFormalDef)
			}
			l.syms.alloc(costFormal)
			f.formals = append(f.formals, nFormal{name: l.syms.create(x.Name.Name), def: def})
		}
		n.formals = f
	}
	n.body = l.expr(e.Body)
	if e.Param != nil {
		// The argument name is interned when the whole lambda is reduced.
		n.arg = l.syms.create(e.Param.Name)
	}
	if n.formals != nil {
		sortFormals(n.formals.formals, l.syms)
	}
	return n
}

// sortFormals sorts formals by symbol as Nix 2.8's toFormals does.
func sortFormals(fs []nFormal, t *symtab) {
	// Insertion sort: formals lists are short, and this keeps it stable.
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && t.less(fs[j].name, fs[j-1].name); j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

// attrPath lowers an attribute path; names known without evaluation
// become symbols, as in Nix's attrpath rule.
func (l *lowerer) attrPath(p *ast.AttrPath) []nAttrName {
	if p == nil {
		return nil
	}
	out := l.names.make(len(p.Names))
	for _, n := range p.Names {
		out = append(out, l.attrName(n))
	}
	return out
}

func (l *lowerer) attrName(n ast.AttrName) nAttrName {
	switch n := n.(type) {
	case *ast.Ident:
		return nAttrName{sym: l.syms.create(n.Name)}
	case *ast.String:
		e := l.str(n)
		if s, ok := e.(*nString); ok {
			return nAttrName{sym: l.syms.create(s.s)}
		}
		return nAttrName{expr: e}
	case *ast.Interp:
		e := l.expr(n.X)
		if s, ok := e.(*nString); ok {
			return nAttrName{sym: l.syms.create(s.s)}
		}
		return nAttrName{expr: e}
	}
	return nAttrName{expr: l.newVar("<bad>")}
}

// binds lowers the bindings of a set or let into one ExprAttrs, as Nix's
// binds rule does.
func (l *lowerer) binds(bs []ast.Binding) *nAttrs {
	a := l.attrs.alloc()
	a.attrs = l.entries.make(len(bs))
	for _, b := range bs {
		switch b := b.(type) {
		case *ast.AttrDef:
			l.syms.alloc(costAttrDef)
			path := l.attrPath(b.Path)
			val := l.expr(b.Value)
			if len(path) > 0 {
				l.addAttr(a, path, val)
			}
		case *ast.Inherit:
			var from nexpr
			if b.From != nil {
				from = l.expr(b.From)
			}
			for _, n := range b.Names {
				an := l.attrName(n)
				if an.expr != nil {
					continue // rejected by Nix: dynamic attribute in inherit
				}
				if a.lookup(an.sym) != nil {
					continue // rejected by Nix: duplicate attribute
				}
				if from != nil {
					sel := l.selects.alloc()
					sel.e, sel.path = from, append(l.names.make(1), an)
					a.add(an.sym, l.newAttrDef(sel, false))
				} else {
					a.add(an.sym, l.newAttrDef(l.newVar(an.sym), true))
				}
			}
		}
	}
	return a
}

// addAttr is Nix 2.8's addAttr: it walks a dotted path creating nested
// sets, descends into sets already bound to a name, and merges two literal
// sets bound to the same name (the second one's dynamic attributes are
// lost, as in Nix). Cases Nix rejects as duplicates are ignored here: the
// checker reports them and the printer is not asked to print such files.
func (l *lowerer) addAttr(attrs *nAttrs, path []nAttrName, e nexpr) {
	for _, n := range path[:len(path)-1] {
		if n.expr != nil {
			nested := l.attrs.alloc()
			attrs.dynamic = append(attrs.dynamic, nDynAttr{name: n.expr, value: nested})
			attrs = nested
			continue
		}
		if j := attrs.lookup(n.sym); j != nil {
			a2, isAttrs := j.e.(*nAttrs)
			if j.inherited || !isAttrs {
				return // duplicate attribute
			}
			attrs = a2
			continue
		}
		nested := l.attrs.alloc()
		attrs.add(n.sym, l.newAttrDef(nested, false))
		attrs = nested
	}
	last := path[len(path)-1]
	if last.expr != nil {
		attrs.dynamic = append(attrs.dynamic, nDynAttr{name: last.expr, value: e})
		return
	}
	j := attrs.lookup(last.sym)
	if j == nil {
		attrs.add(last.sym, l.newAttrDef(e, false))
		return
	}
	ae, ok1 := e.(*nAttrs)
	jAttrs, ok2 := j.e.(*nAttrs)
	if !ok1 || !ok2 || j.inherited {
		return // duplicate attribute
	}
	for _, ad := range ae.attrs {
		if jAttrs.lookup(ad.name) == nil {
			jAttrs.add(ad.name, ad.def)
		}
	}
}
