package parser

import (
	"fmt"
	"strings"

	"github.com/nixlint/nixlint/parser/ast"
)

// sexpr renders a tree compactly for the tests, as an S-expression.
func sexpr(n ast.Node) string {
	var b strings.Builder
	writeSexpr(&b, n)
	return b.String()
}

func writeSexpr(b *strings.Builder, n ast.Node) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	sub := func(ns ...ast.Node) {
		for _, c := range ns {
			b.WriteByte(' ')
			writeSexpr(b, c)
		}
	}
	switch n := n.(type) {
	case nil:
		w("<nil>")
	case *ast.BadExpr:
		w("BAD")
	case *ast.Ident:
		w("%s", n.Name)
	case *ast.Int:
		w("%d", n.Value)
	case *ast.Float:
		w("%s", n.Lit)
	case *ast.String:
		if n.Indented {
			w("(istr")
		} else {
			w("(str")
		}
		for _, p := range n.Parts {
			sub(p)
		}
		w(")")
	case *ast.Text:
		w("%q", n.Value)
	case *ast.Interp:
		w("${")
		writeSexpr(b, n.X)
		w("}")
	case *ast.Path:
		w("(path%d", n.Kind)
		for _, p := range n.Parts {
			sub(p)
		}
		w(")")
	case *ast.URI:
		w("(uri %s)", n.Value)
	case *ast.Paren:
		w("(paren")
		sub(n.X)
		w(")")
	case *ast.List:
		w("[")
		for i, e := range n.Elems {
			if i > 0 {
				w(" ")
			}
			writeSexpr(b, e)
		}
		w("]")
	case *ast.AttrSet:
		if n.Rec.IsValid() {
			w("(rec")
		} else {
			w("(set")
		}
		for _, x := range n.Bindings {
			sub(x)
		}
		w(")")
	case *ast.Let:
		w("(let")
		for _, x := range n.Bindings {
			sub(x)
		}
		w(" in")
		sub(n.Body)
		w(")")
	case *ast.LegacyLet:
		w("(let{")
		for _, x := range n.Bindings {
			sub(x)
		}
		w(")")
	case *ast.AttrDef:
		w("(=")
		sub(n.Path, n.Value)
		w(")")
	case *ast.Inherit:
		w("(inherit")
		if n.From != nil {
			w(" (from")
			sub(n.From)
			w(")")
		}
		for _, x := range n.Names {
			sub(x)
		}
		w(")")
	case *ast.AttrPath:
		for i, x := range n.Names {
			if i > 0 {
				w(".")
			}
			writeSexpr(b, x)
		}
	case *ast.Select:
		w("(.")
		sub(n.X, n.Path)
		if n.Default != nil {
			w(" or")
			sub(n.Default)
		}
		w(")")
	case *ast.HasAttr:
		w("(?")
		sub(n.X, n.Path)
		w(")")
	case *ast.Apply:
		w("(app")
		sub(n.Fun, n.Arg)
		w(")")
	case *ast.Unary:
		if n.Op == ast.SUB {
			w("(neg")
		} else {
			w("(!")
		}
		sub(n.X)
		w(")")
	case *ast.Binary:
		w("(%s", n.Op)
		sub(n.X, n.Y)
		w(")")
	case *ast.If:
		w("(if")
		sub(n.Cond, n.Then, n.Else)
		w(")")
	case *ast.With:
		w("(with")
		sub(n.Env, n.Body)
		w(")")
	case *ast.Assert:
		w("(assert")
		sub(n.Cond, n.Body)
		w(")")
	case *ast.Lambda:
		w("(fn ")
		if n.Param != nil && (n.Formals == nil || n.AtFirst) {
			w("%s", n.Param.Name)
			if n.Formals != nil {
				w("@")
			}
		}
		if n.Formals != nil {
			w("{")
			for i, f := range n.Formals.List {
				if i > 0 {
					w(",")
				}
				w("%s", f.Name.Name)
				if f.Default != nil {
					w("?")
					writeSexpr(b, f.Default)
				}
			}
			if n.Formals.Ellipsis.IsValid() {
				if len(n.Formals.List) > 0 {
					w(",")
				}
				w("...")
			}
			w("}")
			if n.Param != nil && !n.AtFirst {
				w("@%s", n.Param.Name)
			}
		}
		sub(n.Body)
		w(")")
	default:
		w("<%T>", n)
	}
}
