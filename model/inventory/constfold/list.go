package constfold

import (
	"github.com/nixlint/nixlint/parser/ast"
	"github.com/nixlint/nixlint/parser/scope"
)

// List returns the elements of the list e evaluates to when that list is
// written in the file: a list literal, a let-bound one, or `++` of such
// lists (`common ++ [ role-web ]`). The elements are returned as written,
// unevaluated. Anything else gives a Value with the Reason.
func (f *Folder) List(e ast.Expr) ([]ast.Expr, Value) {
	f.ensure()
	defer f.leave()
	if !f.enter() {
		return nil, unknown(e.Pos(), e.End(), "is too large or nested too deeply to fold")
	}
	switch x := e.(type) {
	case *ast.Paren:
		return f.List(x.X)
	case *ast.Let:
		return f.List(x.Body)
	case *ast.List:
		return x.Elems, Value{}
	case *ast.Binary:
		if x.Op != ast.CONCAT {
			break
		}
		a, v := f.List(x.X)
		if v.Reason != "" {
			return nil, v
		}
		b, v := f.List(x.Y)
		if v.Reason != "" {
			return nil, v
		}
		return append(append([]ast.Expr(nil), a...), b...), Value{}
	case *ast.Ident:
		b := f.info.BindingOf(x)
		if b == nil || (b.Kind != scope.Let && b.Kind != scope.Rec) || b.Value == nil || len(b.Decls) > 1 {
			return nil, f.ident(x)
		}
		if f.active[b] {
			return nil, unknown(x.Pos(), x.End(), "uses `"+x.Name+"`, which is defined in terms of itself")
		}
		f.follow(b)
		defer delete(f.active, b)
		return f.List(b.Value)
	}
	v := f.Eval(e)
	if v.Known() {
		return nil, unknown(e.Pos(), e.End(), "is a "+v.Kind.String()+", not a list")
	}
	return nil, v
}
