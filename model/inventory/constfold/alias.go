package constfold

import (
	"github.com/nixlint/nixlint/parser/ast"
	"github.com/nixlint/nixlint/parser/scope"
)

// Unalias returns the dotted path a variable or selection refers to, with
// let-bound aliases replaced by what they name: with `roles =
// config.flake.nixosModules;`, `roles.role-web` gives [config flake
// nixosModules role-web]. It returns nil when e is not such a path (a
// dynamic attribute, a function call).
func (f *Folder) Unalias(e ast.Expr) []string {
	f.ensure()
	defer f.leave()
	if !f.enter() {
		return nil
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		b := f.info.BindingOf(x)
		if b != nil && (b.Kind == scope.Let || b.Kind == scope.Rec) && b.Value != nil && len(b.Decls) <= 1 && !f.active[b] {
			switch ast.Unparen(b.Value).(type) {
			case *ast.Ident, *ast.Select:
				f.follow(b)
				defer delete(f.active, b)
				return f.Unalias(b.Value)
			}
		}
		return []string{x.Name}
	case *ast.Select:
		if x.Default != nil || x.Path == nil {
			return nil
		}
		base := f.Unalias(x.X)
		if base == nil {
			return nil
		}
		out := append([]string(nil), base...)
		for _, n := range x.Path.Names {
			s, ok := ast.StaticName(n)
			if !ok {
				return nil
			}
			out = append(out, s)
		}
		return out
	}
	return nil
}
