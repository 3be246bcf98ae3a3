package scope

import "github.com/nixlint/nixlint/parser/ast"

// plainSetValues resolves a set that is not rec, not built as the value
// of a modelled attribute (where a path of the enclosing set could add to
// it), and whose names simpleNames accepts, paths included. Most sets are
// (arguments of mkOption, leaves of configuration, modules), and they
// need no model: their values are resolved in the enclosing scope, as set
// would resolve its model. It returns the first value to resolve, as step
// does.
func (r *resolver) plainSetValues(s *ast.AttrSet, quiet bool) ast.Expr {
	for _, bd := range s.Bindings {
		if in, ok := bd.(*ast.Inherit); ok && ast.IsNil(in.From) {
			for _, n := range in.Names {
				r.inheritName(n, quiet)
			}
		}
	}
	k := len(r.kids)
	for _, bd := range s.Bindings {
		switch bd := bd.(type) {
		case *ast.AttrDef:
			r.sub(bd.Value, k, quiet)
		case *ast.Inherit:
			r.sub(bd.From, k, quiet)
		}
	}
	return r.takeKids(k, quiet)
}
