package ast

// EachSubexpr calls f for each expression directly below n, in source
// order: operands, bound values, interpolations (in strings, paths and
// attribute names), the source of an inherit, formal defaults. Unlike
// Children it skips the scaffolding around them (attribute paths, bindings,
// formals) and tolerates the nil and typed-nil fields a tree can have after
// syntax errors (a nil *AttrPath, a nil *Ident in a formal, …). The scope
// resolver and the checks walk trees with it.
func EachSubexpr(n Node, f func(Node)) {
	expr := func(e Expr) {
		if !IsNil(e) {
			f(e)
		}
	}
	parts := func(ps []StringPart) {
		for _, p := range ps {
			if i, ok := p.(*Interp); ok && i != nil {
				expr(i.X)
			}
		}
	}
	name := func(a AttrName) {
		switch a := a.(type) {
		case *String:
			if a != nil {
				parts(a.Parts)
			}
		case *Interp:
			if a != nil {
				expr(a.X)
			}
		}
	}
	path := func(p *AttrPath) {
		if p != nil {
			for _, a := range p.Names {
				name(a)
			}
		}
	}
	bindings := func(bs []Binding) {
		for _, b := range bs {
			switch b := b.(type) {
			case *AttrDef:
				if b != nil {
					path(b.Path)
					expr(b.Value)
				}
			case *Inherit:
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
	case *String:
		if n != nil {
			parts(n.Parts)
		}
	case *Path:
		if n != nil {
			parts(n.Parts)
		}
	case *Paren:
		if n != nil {
			expr(n.X)
		}
	case *List:
		if n != nil {
			for _, e := range n.Elems {
				expr(e)
			}
		}
	case *AttrSet:
		if n != nil {
			bindings(n.Bindings)
		}
	case *Let:
		if n != nil {
			bindings(n.Bindings)
			expr(n.Body)
		}
	case *LegacyLet:
		if n != nil {
			bindings(n.Bindings)
		}
	case *Select:
		if n != nil {
			expr(n.X)
			path(n.Path)
			expr(n.Default)
		}
	case *HasAttr:
		if n != nil {
			expr(n.X)
			path(n.Path)
		}
	case *Apply:
		if n != nil {
			expr(n.Fun)
			expr(n.Arg)
		}
	case *Unary:
		if n != nil {
			expr(n.X)
		}
	case *Binary:
		if n != nil {
			expr(n.X)
			expr(n.Y)
		}
	case *If:
		if n != nil {
			expr(n.Cond)
			expr(n.Then)
			expr(n.Else)
		}
	case *With:
		if n != nil {
			expr(n.Env)
			expr(n.Body)
		}
	case *Assert:
		if n != nil {
			expr(n.Cond)
			expr(n.Body)
		}
	case *Lambda:
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

// IsNil reports whether e is nil or a typed nil pointer.
func IsNil(e Node) bool {
	switch e := e.(type) {
	case nil:
		return true
	case *BadExpr:
		return e == nil
	case *Ident:
		return e == nil
	case *Int:
		return e == nil
	case *Float:
		return e == nil
	case *String:
		return e == nil
	case *Path:
		return e == nil
	case *URI:
		return e == nil
	case *Paren:
		return e == nil
	case *List:
		return e == nil
	case *AttrSet:
		return e == nil
	case *Let:
		return e == nil
	case *LegacyLet:
		return e == nil
	case *Select:
		return e == nil
	case *HasAttr:
		return e == nil
	case *Apply:
		return e == nil
	case *Unary:
		return e == nil
	case *Binary:
		return e == nil
	case *If:
		return e == nil
	case *With:
		return e == nil
	case *Assert:
		return e == nil
	case *Lambda:
		return e == nil
	case *Interp:
		return e == nil
	case *Text:
		return e == nil
	case *AttrPath:
		return e == nil
	case *AttrDef:
		return e == nil
	case *Inherit:
		return e == nil
	case *Formal:
		return e == nil
	case *Formals:
		return e == nil
	}
	return false
}
