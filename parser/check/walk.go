package check

import "github.com/nixlint/nixlint/parser/ast"

// walker finds the nodes the checks look at (lambdas, sets, lets) in
// preorder, over an explicit stack so that no nesting depth can overflow
// the goroutine stack. It visits the expressions ast.EachSubexpr reaches,
// in the same order, but is written out for the checks: a generic walk
// cost a call through a function value for every child and a stack entry
// for every leaf, and was most of what checking a file cost.
type walker struct {
	stack []ast.Expr
}

// walk calls visit for every *ast.Lambda, *ast.AttrSet, *ast.Let and
// *ast.LegacyLet under root, parents first, in source order.
func (w *walker) walk(root ast.Expr, visit func(ast.Node)) {
	w.stack = append(w.stack[:0], root)
	for len(w.stack) > 0 {
		n := w.stack[len(w.stack)-1]
		w.stack = w.stack[:len(w.stack)-1]
		// Children are pushed last first, so that the first is visited
		// first. A nil or typed-nil node has none and is not visited.
		switch n := n.(type) {
		case *ast.String:
			if n != nil {
				w.parts(n.Parts)
			}
		case *ast.Path:
			if n != nil {
				w.parts(n.Parts)
			}
		case *ast.Paren:
			if n != nil {
				w.push(n.X)
			}
		case *ast.List:
			if n != nil {
				for i := len(n.Elems) - 1; i >= 0; i-- {
					w.push(n.Elems[i])
				}
			}
		case *ast.AttrSet:
			if n != nil {
				visit(n)
				w.bindings(n.Bindings)
			}
		case *ast.Let:
			if n != nil {
				visit(n)
				w.push(n.Body)
				w.bindings(n.Bindings)
			}
		case *ast.LegacyLet:
			if n != nil {
				visit(n)
				w.bindings(n.Bindings)
			}
		case *ast.Select:
			if n != nil {
				w.push(n.Default)
				w.path(n.Path)
				w.push(n.X)
			}
		case *ast.HasAttr:
			if n != nil {
				w.path(n.Path)
				w.push(n.X)
			}
		case *ast.Apply:
			if n != nil {
				w.push(n.Arg)
				w.push(n.Fun)
			}
		case *ast.Unary:
			if n != nil {
				w.push(n.X)
			}
		case *ast.Binary:
			if n != nil {
				w.push(n.Y)
				w.push(n.X)
			}
		case *ast.If:
			if n != nil {
				w.push(n.Else)
				w.push(n.Then)
				w.push(n.Cond)
			}
		case *ast.With:
			if n != nil {
				w.push(n.Body)
				w.push(n.Env)
			}
		case *ast.Assert:
			if n != nil {
				w.push(n.Body)
				w.push(n.Cond)
			}
		case *ast.Lambda:
			if n != nil {
				visit(n)
				w.push(n.Body)
				if n.Formals != nil {
					for i := len(n.Formals.List) - 1; i >= 0; i-- {
						if fm := n.Formals.List[i]; fm != nil {
							w.push(fm.Default)
						}
					}
				}
			}
		}
	}
}

// push stacks e unless it is nil or a leaf, which has nothing to check.
func (w *walker) push(e ast.Expr) {
	switch e.(type) {
	case nil, *ast.Ident, *ast.Int, *ast.Float, *ast.URI, *ast.BadExpr:
		return
	}
	w.stack = append(w.stack, e)
}

func (w *walker) parts(ps []ast.StringPart) {
	for i := len(ps) - 1; i >= 0; i-- {
		if in, ok := ps[i].(*ast.Interp); ok && in != nil {
			w.push(in.X)
		}
	}
}

func (w *walker) name(a ast.AttrName) {
	switch a := a.(type) {
	case *ast.String:
		if a != nil {
			w.parts(a.Parts)
		}
	case *ast.Interp:
		if a != nil {
			w.push(a.X)
		}
	}
}

func (w *walker) path(p *ast.AttrPath) {
	if p != nil {
		for i := len(p.Names) - 1; i >= 0; i-- {
			w.name(p.Names[i])
		}
	}
}

func (w *walker) bindings(bs []ast.Binding) {
	for i := len(bs) - 1; i >= 0; i-- {
		switch b := bs[i].(type) {
		case *ast.AttrDef:
			if b != nil {
				w.push(b.Value)
				w.path(b.Path)
			}
		case *ast.Inherit:
			if b != nil {
				for j := len(b.Names) - 1; j >= 0; j-- {
					w.name(b.Names[j])
				}
				w.push(b.From)
			}
		}
	}
}
