package scope

import "github.com/nixlint/nixlint/parser/ast"

// unparen strips parentheses, tolerating nil.
func unparen(e ast.Expr) ast.Expr {
	for {
		p, ok := e.(*ast.Paren)
		if !ok || p == nil {
			return e
		}
		e = p.X
	}
}
