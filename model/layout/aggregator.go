package layout

import "github.com/nixlint/nixlint/parser/ast"

// IsAggregator reports whether a file's expression does nothing but import
// other modules: `{ imports = [ … ]; }`, optionally behind a module
// function (`{ ... }: { imports = [ … ]; }`), a `let` or parentheses. Such
// files only wire the tree together and never trigger module rules.
func IsAggregator(e ast.Expr) bool {
	for depth := 0; e != nil && depth < 64; depth++ {
		switch x := e.(type) {
		case *ast.Paren:
			e = x.X
		case *ast.Lambda:
			e = x.Body
		case *ast.Let:
			e = x.Body
		case *ast.AttrSet:
			return onlyImports(x)
		default:
			return false
		}
	}
	return false
}

func onlyImports(s *ast.AttrSet) bool {
	if len(s.Bindings) == 0 {
		return false
	}
	for _, b := range s.Bindings {
		d, ok := b.(*ast.AttrDef)
		if !ok || d.Path == nil || len(d.Path.Names) != 1 {
			return false
		}
		name, ok := ast.StaticName(d.Path.Names[0])
		if !ok || name != "imports" {
			return false
		}
	}
	return true
}
