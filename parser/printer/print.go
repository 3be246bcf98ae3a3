package printer

import (
	"math"
	"slices"
	"strconv"

	"github.com/nixlint/nixlint/parser/ast"
)

// printer prints a syntax tree as the show methods of Nix 2.8
// (src/libexpr/nixexpr.cc) print the expressions its parser makes of it
// (src/libexpr/parser.y), straight from the tree: the desugaring Nix's
// grammar actions do (operators to builtin calls, dotted attribute paths
// to nested sets, `inherit (e) x` to selections, ...) is done while
// printing. Only sets need a structure of their own (attrs.go), since
// their attributes are printed sorted and merged from several bindings.
//
// A printer is reused from file to file (see printers): its scratch
// slices keep their memory, so that printing a file allocates next to
// nothing.
//
// Printing recurses over the tree; the parser bounds nesting, and a chain
// of binary operators a few hundred thousand long still fits Go's growable
// stack.
type printer struct {
	b    []byte // the output
	syms symtab
	dir  string // absolute directory of the file, for relative paths
	home string // home directory, for ~/ paths

	sets  []attrSet             // the sets built for the file (attrs.go)
	index table[setName, int32] // attributes of large sets
	// Scratch stacks for ordering formals and let bindings; nested
	// lambdas and lets push above their caller's part.
	formals []keyedFormal
	lets    []keyedEntry
	keys    []sortKey // for sorting sets
	comps   []int     // scratch for canonical paths
}

type keyedFormal struct {
	key symKey
	f   *ast.Formal
}

type keyedEntry struct {
	key symKey
	i   int
}

// name prints a variable or attribute name as Nix's showId does.
func (p *printer) name(s string) { p.b = ast.AppendName(p.b, s) }

// lit prints text as it is.
func (p *printer) lit(s string) { p.b = append(p.b, s...) }

// expr prints e as Nix shows the expression its parser makes of it.
func (p *printer) expr(e ast.Expr) {
	switch e := e.(type) {
	case nil:
		p.name("<missing>")
	case *ast.BadExpr:
		p.name("<bad>")
	case *ast.Ident:
		p.name(e.Name)
	case *ast.Int:
		p.b = strconv.AppendInt(p.b, e.Value, 10)
	case *ast.Float:
		p.float(e.Value)
	case *ast.URI:
		p.b = ast.AppendQuoted(p.b, e.Value)
	case *ast.String:
		p.str(e)
	case *ast.Path:
		if e.Kind == ast.PathSearch {
			p.call(e)
			return
		}
		p.path(e)
	case *ast.Paren:
		// Parentheses make no node in Nix.
		p.expr(e.X)
	case *ast.List:
		p.lit("[ ")
		for _, x := range e.Elems {
			p.b = append(p.b, '(')
			p.expr(x)
			p.lit(") ")
		}
		p.b = append(p.b, ']')
	case *ast.AttrSet:
		if !p.simpleSet(e.Bindings, e.Rec.IsValid()) {
			p.printSet(p.build(e.Bindings, e.Rec.IsValid()))
		}
	case *ast.Let:
		p.let(e)
	case *ast.LegacyLet:
		// let { ... } is (rec { ... }).body.
		p.b = append(p.b, '(')
		if !p.simpleSet(e.Bindings, true) {
			p.printSet(p.build(e.Bindings, true))
		}
		p.lit(").body")
	case *ast.Select:
		p.b = append(p.b, '(')
		p.expr(e.X)
		p.lit(").")
		p.attrPath(e.Path)
		if e.Default != nil {
			p.lit(" or (")
			p.expr(e.Default)
			p.b = append(p.b, ')')
		}
	case *ast.HasAttr:
		p.lit("((")
		p.expr(e.X)
		p.lit(") ? ")
		p.attrPath(e.Path)
		p.b = append(p.b, ')')
	case *ast.Apply:
		p.call(e)
	case *ast.Unary:
		if e.Op == ast.NOT {
			p.lit("(! ")
			p.expr(e.X)
			p.b = append(p.b, ')')
			return
		}
		p.call(e)
	case *ast.Binary:
		p.binary(e)
	case *ast.If:
		p.lit("(if ")
		p.expr(e.Cond)
		p.lit(" then ")
		p.expr(e.Then)
		p.lit(" else ")
		p.expr(e.Else)
		p.b = append(p.b, ')')
	case *ast.With:
		p.lit("(with ")
		p.expr(e.Env)
		p.lit("; ")
		p.expr(e.Body)
		p.b = append(p.b, ')')
	case *ast.Assert:
		// Nix prints no parentheses around assert.
		p.lit("assert ")
		p.expr(e.Cond)
		p.lit("; ")
		p.expr(e.Body)
	case *ast.Lambda:
		p.lambda(e)
	default:
		p.name("<unknown>")
	}
}

func (p *printer) binary(e *ast.Binary) {
	switch e.Op {
	case ast.ADD:
		// ExprConcatStrings of the two.
		p.b = append(p.b, '(')
		p.expr(e.X)
		p.lit(" + ")
		p.expr(e.Y)
		p.b = append(p.b, ')')
	case ast.SUB, ast.MUL, ast.DIV, ast.LT, ast.GT, ast.PIPE_R, ast.PIPE_L:
		p.call(e)
	case ast.LEQ:
		p.lit("(! (__lessThan ")
		p.expr(e.Y)
		p.b = append(p.b, ' ')
		p.expr(e.X)
		p.lit("))")
	case ast.GEQ:
		p.lit("(! (__lessThan ")
		p.expr(e.X)
		p.b = append(p.b, ' ')
		p.expr(e.Y)
		p.lit("))")
	default:
		// == != && || -> // ++ keep a node of their own.
		p.b = append(p.b, '(')
		p.expr(e.X)
		p.b = append(p.b, ' ')
		p.lit(e.Op.String())
		p.b = append(p.b, ' ')
		p.expr(e.Y)
		p.b = append(p.b, ')')
	}
}

// isCall reports whether Nix's parser makes e an ExprCall: an
// application, or an operator or `<p>` desugared to a builtin's call.
func isCall(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Apply:
		return true
	case *ast.Unary:
		return e.Op != ast.NOT
	case *ast.Binary:
		switch e.Op {
		case ast.SUB, ast.MUL, ast.DIV, ast.LT, ast.GT, ast.PIPE_R, ast.PIPE_L:
			return true
		}
	case *ast.Path:
		return e.Kind == ast.PathSearch
	}
	return false
}

// call prints an expression isCall accepts.
func (p *printer) call(e ast.Expr) {
	p.b = append(p.b, '(')
	p.callBody(e)
	p.b = append(p.b, ')')
}

// callBody prints a call's function and arguments. Nix's expr_app rule
// appends to the argument list of an existing call when it parses another
// application, even through parentheses, so `(f a) b` is the call of f to
// a and b.
func (p *printer) callBody(e ast.Expr) {
	for {
		x, ok := e.(*ast.Paren)
		if !ok {
			break
		}
		e = x.X
	}
	switch e := e.(type) {
	case *ast.Apply:
		if !e.LegacyOr && isCall(e.Fun) {
			p.callBody(e.Fun)
		} else {
			// `x or` is a call of its own even when x is a call.
			p.expr(e.Fun)
		}
		p.b = append(p.b, ' ')
		p.expr(e.Arg)
	case *ast.Unary:
		p.lit("__sub 0 ")
		p.expr(e.X)
	case *ast.Binary:
		switch e.Op {
		case ast.SUB:
			p.builtin("__sub ", e.X, e.Y)
		case ast.MUL:
			p.builtin("__mul ", e.X, e.Y)
		case ast.DIV:
			p.builtin("__div ", e.X, e.Y)
		case ast.LT:
			p.builtin("__lessThan ", e.X, e.Y)
		case ast.GT:
			p.builtin("__lessThan ", e.Y, e.X)
		case ast.PIPE_R:
			// Not in Nix 2.8: newer Nix makes `a |> f` the call `f a`,
			// appending to an existing call like an application does.
			p.apply(e.Y, e.X)
		case ast.PIPE_L:
			p.apply(e.X, e.Y)
		}
	case *ast.Path:
		p.lit("__findFile __nixPath ")
		p.b = ast.AppendQuoted(p.b, searchName(e))
	}
}

// builtin prints the function and arguments of a builtin's call; fun ends
// with a space.
func (p *printer) builtin(fun string, a, b ast.Expr) {
	p.lit(fun)
	p.expr(a)
	p.b = append(p.b, ' ')
	p.expr(b)
}

// apply prints the function and arguments of fun applied to arg.
func (p *printer) apply(fun, arg ast.Expr) {
	if isCall(fun) {
		p.callBody(fun)
	} else {
		p.expr(fun)
	}
	p.b = append(p.b, ' ')
	p.expr(arg)
}

// attrPath prints an attribute path of a selection or `?`.
func (p *printer) attrPath(path *ast.AttrPath) {
	if path == nil {
		return
	}
	for i, n := range path.Names {
		if i > 0 {
			p.b = append(p.b, '.')
		}
		if s, ok := staticName(n); ok {
			p.name(s)
		} else {
			p.dynamicName(n)
		}
	}
}

// dynamicName prints a name known only at evaluation as Nix does.
func (p *printer) dynamicName(n ast.AttrName) {
	p.lit(`"${`)
	p.expr(dynamicExpr(n))
	p.lit(`}"`)
}

// staticName reports whether an attribute name is known without
// evaluation, as in Nix's attrpath rule, and returns it.
func staticName(n ast.AttrName) (string, bool) {
	switch n := n.(type) {
	case *ast.Ident:
		return n.Name, true
	case *ast.String:
		return staticString(n)
	case *ast.Interp:
		return staticString(n.X)
	}
	return "", false
}

// badName stands for an attribute name of no known kind.
var badName ast.Expr = &ast.BadExpr{}

// dynamicExpr is the expression of a name staticName rejects.
func dynamicExpr(n ast.AttrName) ast.Expr {
	switch n := n.(type) {
	case *ast.String:
		return n
	case *ast.Interp:
		return n.X
	}
	return badName
}

func (p *printer) lambda(e *ast.Lambda) {
	p.b = append(p.b, '(')
	if fs := e.Formals; fs != nil {
		p.lit("{ ")
		// Formals in symbol order, as Nix 2.8's toFormals sorts them.
		base := len(p.formals)
		for _, f := range fs.List {
			if f != nil && f.Name != nil {
				p.formals = append(p.formals, keyedFormal{f: f})
			}
		}
		end := len(p.formals)
		if end-base > 1 {
			for i := base; i < end; i++ {
				p.formals[i].key = p.syms.key(p.formals[i].f.Name.Name)
			}
			slices.SortStableFunc(p.formals[base:end], func(a, b keyedFormal) int { return a.key.cmp(b.key) })
		}
		for i := base; i < end; i++ {
			// Defaults may push formals of their own: index afresh.
			f := p.formals[i].f
			if i > base {
				p.lit(", ")
			}
			p.name(f.Name.Name)
			if f.Default != nil {
				p.lit(" ? ")
				p.expr(f.Default)
			}
		}
		p.formals = p.formals[:base]
		if fs.Ellipsis.IsValid() {
			if end > base {
				p.lit(", ")
			}
			p.lit("...")
		}
		p.lit(" }")
		if e.Param != nil && e.Param.Name != "" {
			p.lit(" @ ")
		}
	}
	if e.Param != nil && e.Param.Name != "" {
		p.name(e.Param.Name)
	}
	p.lit(": ")
	p.expr(e.Body)
	p.b = append(p.b, ')')
}

// float prints f as a C++ ostream does by default: %g with six significant
// digits.
func (p *printer) float(f float64) {
	switch {
	case math.IsInf(f, 1):
		p.lit("inf")
	case math.IsInf(f, -1):
		p.lit("-inf")
	case math.IsNaN(f):
		p.lit("nan")
	default:
		p.b = strconv.AppendFloat(p.b, f, 'g', 6, 64)
	}
}

// formatFloat is the text float prints, for the JSON form.
func formatFloat(f float64) string {
	var p printer
	p.float(f)
	return string(p.b)
}
