package check

import "github.com/nixlint/nixlint/parser/ast"

// eachChild calls f for each non-nil direct child expression of n. Unlike
// ast.Children it tolerates the nil fields a tree can have after syntax
// errors (a nil *ast.AttrPath, a nil *ast.Ident in a formal, …). It is a
// copy of package scope's, which keeps it unexported.
func eachChild(n ast.Node, f func(ast.Node)) {
	expr := func(e ast.Expr) {
		if !isNil(e) {
			f(e)
		}
	}
	parts := func(ps []ast.StringPart) {
		for _, p := range ps {
			if i, ok := p.(*ast.Interp); ok && i != nil {
				expr(i.X)
			}
		}
	}
	name := func(a ast.AttrName) {
		switch a := a.(type) {
		case *ast.String:
			if a != nil {
				parts(a.Parts)
			}
		case *ast.Interp:
			if a != nil {
				expr(a.X)
			}
		}
	}
	path := func(p *ast.AttrPath) {
		if p != nil {
			for _, a := range p.Names {
				name(a)
			}
		}
	}
	bindings := func(bs []ast.Binding) {
		for _, b := range bs {
			switch b := b.(type) {
			case *ast.AttrDef:
				if b != nil {
					path(b.Path)
					expr(b.Value)
				}
			case *ast.Inherit:
				if b != nil {
					expr(b.From)
					for _, a := range b.Names {
						name(a)
					}
				}
			}
		}
	}
	switch n := n.(type) {
	case *ast.String:
		if n != nil {
			parts(n.Parts)
		}
	case *ast.Path:
		if n != nil {
			parts(n.Parts)
		}
	case *ast.Paren:
		if n != nil {
			expr(n.X)
		}
	case *ast.List:
		if n != nil {
			for _, e := range n.Elems {
				expr(e)
			}
		}
	case *ast.AttrSet:
		if n != nil {
			bindings(n.Bindings)
		}
	case *ast.Let:
		if n != nil {
			bindings(n.Bindings)
			expr(n.Body)
		}
	case *ast.LegacyLet:
		if n != nil {
			bindings(n.Bindings)
		}
	case *ast.Select:
		if n != nil {
			expr(n.X)
			path(n.Path)
			expr(n.Default)
		}
	case *ast.HasAttr:
		if n != nil {
			expr(n.X)
			path(n.Path)
		}
	case *ast.Apply:
		if n != nil {
			expr(n.Fun)
			expr(n.Arg)
		}
	case *ast.Unary:
		if n != nil {
			expr(n.X)
		}
	case *ast.Binary:
		if n != nil {
			expr(n.X)
			expr(n.Y)
		}
	case *ast.If:
		if n != nil {
			expr(n.Cond)
			expr(n.Then)
			expr(n.Else)
		}
	case *ast.With:
		if n != nil {
			expr(n.Env)
			expr(n.Body)
		}
	case *ast.Assert:
		if n != nil {
			expr(n.Cond)
			expr(n.Body)
		}
	case *ast.Lambda:
		if n != nil {
			if n.Formals != nil {
				for _, fm := range n.Formals.List {
					if fm != nil {
						expr(fm.Default)
					}
				}
			}
			expr(n.Body)
		}
	}
}

// isNil reports whether e is nil or a typed nil pointer.
func isNil(e ast.Node) bool {
	switch e := e.(type) {
	case nil:
		return true
	case *ast.BadExpr:
		return e == nil
	case *ast.Ident:
		return e == nil
	case *ast.Int:
		return e == nil
	case *ast.Float:
		return e == nil
	case *ast.String:
		return e == nil
	case *ast.Path:
		return e == nil
	case *ast.URI:
		return e == nil
	case *ast.Paren:
		return e == nil
	case *ast.List:
		return e == nil
	case *ast.AttrSet:
		return e == nil
	case *ast.Let:
		return e == nil
	case *ast.LegacyLet:
		return e == nil
	case *ast.Select:
		return e == nil
	case *ast.HasAttr:
		return e == nil
	case *ast.Apply:
		return e == nil
	case *ast.Unary:
		return e == nil
	case *ast.Binary:
		return e == nil
	case *ast.If:
		return e == nil
	case *ast.With:
		return e == nil
	case *ast.Assert:
		return e == nil
	case *ast.Lambda:
		return e == nil
	case *ast.Interp:
		return e == nil
	case *ast.Text:
		return e == nil
	case *ast.AttrPath:
		return e == nil
	case *ast.AttrDef:
		return e == nil
	case *ast.Inherit:
		return e == nil
	case *ast.Formal:
		return e == nil
	case *ast.Formals:
		return e == nil
	}
	return false
}

// preorder calls f for every expression under root, parents first, with an
// explicit stack so that no nesting depth can overflow the goroutine stack.
func preorder(root ast.Expr, f func(ast.Node)) {
	if isNil(root) {
		return
	}
	stack := []ast.Node{root}
	var kids []ast.Node
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		f(n)
		kids = kids[:0]
		eachChild(n, func(c ast.Node) { kids = append(kids, c) })
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, kids[i])
		}
	}
}
