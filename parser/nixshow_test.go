package parser

import (
	"strconv"
	"strings"

	"github.com/nixlint/nixlint/parser/ast"
)

// nixShow prints the operator subset of the language (variables, integers,
// operators, selection, application, lambdas with a plain parameter, if,
// with, assert) exactly as Nix 2.8's `nix-instantiate --parse` does, so the
// tests can compare tree shapes with Nix itself. The full canonical printer
// lives in package printer; this one only serves the parser's own tests.
// ok is false for a construct outside the subset.
func nixShow(e ast.Expr) (s string, ok bool) {
	defer func() {
		if recover() != nil {
			s, ok = "", false
		}
	}()
	return show(e), true
}

type unsupported struct{}

func show(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Paren:
		return show(e.X)
	case *ast.Ident:
		return e.Name
	case *ast.Int:
		return strconv.FormatInt(e.Value, 10)
	case *ast.Unary:
		if e.Op == ast.NOT {
			return "(! " + show(e.X) + ")"
		}
		return showCall(e)
	case *ast.Binary:
		switch e.Op {
		case ast.EQ, ast.NEQ, ast.AND, ast.OR, ast.IMPL, ast.UPDATE, ast.CONCAT, ast.ADD:
			return "(" + show(e.X) + " " + e.Op.String() + " " + show(e.Y) + ")"
		case ast.LEQ:
			return "(! (__lessThan " + show(e.Y) + " " + show(e.X) + "))"
		case ast.GEQ:
			return "(! (__lessThan " + show(e.X) + " " + show(e.Y) + "))"
		}
		return showCall(e)
	case *ast.Apply:
		return showCall(e)
	case *ast.Select:
		s := "(" + show(e.X) + ")." + showPath(e.Path)
		if e.Default != nil {
			s += " or (" + show(e.Default) + ")"
		}
		return s
	case *ast.HasAttr:
		return "((" + show(e.X) + ") ? " + showPath(e.Path) + ")"
	case *ast.Lambda:
		if e.Formals != nil {
			panic(unsupported{})
		}
		return "(" + e.Param.Name + ": " + show(e.Body) + ")"
	case *ast.String:
		if len(e.Parts) == 0 {
			return `""`
		}
		if t, ok := e.Parts[0].(*ast.Text); ok && len(e.Parts) == 1 {
			return quote(t.Value)
		}
		var parts []string
		for _, p := range e.Parts {
			switch p := p.(type) {
			case *ast.Text:
				parts = append(parts, quote(p.Value))
			case *ast.Interp:
				parts = append(parts, show(p.X))
			}
		}
		return "(" + strings.Join(parts, " + ") + ")"
	case *ast.If:
		return "(if " + show(e.Cond) + " then " + show(e.Then) + " else " + show(e.Else) + ")"
	case *ast.With:
		return "(with " + show(e.Env) + "; " + show(e.Body) + ")"
	case *ast.Assert:
		return "assert " + show(e.Cond) + "; " + show(e.Body)
	}
	panic(unsupported{})
}

// callParts returns the function and arguments of the ExprCall Nix builds
// for e, or ok false when e is not a call. Nix appends the arguments of an
// application to an existing call, even one made for an operator, and
// parentheses leave no trace in its tree.
func callParts(e ast.Expr) (fun string, args []string, ok bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.Apply:
		if e.LegacyOr {
			// `x or` is always a new call.
			return show(e.Fun), []string{show(e.Arg)}, true
		}
		if f, a, ok := callParts(e.Fun); ok {
			return f, append(a, show(e.Arg)), true
		}
		return show(e.Fun), []string{show(e.Arg)}, true
	case *ast.Unary:
		if e.Op == ast.SUB {
			return "__sub", []string{"0", show(e.X)}, true
		}
	case *ast.Binary:
		switch e.Op {
		case ast.SUB:
			return "__sub", []string{show(e.X), show(e.Y)}, true
		case ast.MUL:
			return "__mul", []string{show(e.X), show(e.Y)}, true
		case ast.DIV:
			return "__div", []string{show(e.X), show(e.Y)}, true
		case ast.LT:
			return "__lessThan", []string{show(e.X), show(e.Y)}, true
		case ast.GT:
			return "__lessThan", []string{show(e.Y), show(e.X)}, true
		}
	}
	return "", nil, false
}

func showCall(e ast.Expr) string {
	f, args, ok := callParts(e)
	if !ok {
		panic(unsupported{})
	}
	return "(" + f + " " + strings.Join(args, " ") + ")"
}

func showPath(p *ast.AttrPath) string {
	var parts []string
	for _, n := range p.Names {
		id, ok := n.(*ast.Ident)
		if !ok {
			panic(unsupported{})
		}
		parts = append(parts, id.Name)
	}
	return strings.Join(parts, ".")
}

// quote prints a string literal as Nix 2.8's showString does.
func quote(s string) string { return string(ast.AppendQuoted(nil, s)) }
