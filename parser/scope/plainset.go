package scope

import "github.com/nixlint/nixlint/parser/ast"

// plainSet reports whether s is a set in which Nix merges nothing: not
// rec, not built as the value of a modelled attribute (where a path of the
// enclosing set could add to it), with only single static names, all
// distinct. Most sets are (arguments of mkOption, leaves of configuration),
// and they need no model: their values are resolved in the enclosing scope.
func (r *resolver) plainSet(s *ast.AttrSet) bool {
	if s.Rec.IsValid() {
		return false
	}
	if _, built := r.b.sets[s]; built {
		return false
	}
	r.seen = r.seen[:0]
	for _, bd := range s.Bindings {
		switch bd := bd.(type) {
		case *ast.AttrDef:
			if bd == nil || bd.Path == nil || len(bd.Path.Names) != 1 {
				return false
			}
			name, ok := StaticName(bd.Path.Names[0])
			if !ok {
				return false
			}
			r.seen = append(r.seen, name)
		case *ast.Inherit:
			if bd == nil {
				return false
			}
			for _, n := range bd.Names {
				name, ok := StaticName(n)
				if !ok {
					return false
				}
				r.seen = append(r.seen, name)
			}
		default:
			return false
		}
	}
	return r.b.names.distinct(r.seen)
}

// plainSetValues resolves a set plainSet accepts, as set would resolve
// its model, and returns the first value to resolve, as step does.
func (r *resolver) plainSetValues(s *ast.AttrSet, quiet bool) ast.Expr {
	for _, bd := range s.Bindings {
		if in, ok := bd.(*ast.Inherit); ok && ast.IsNil(in.From) {
			for _, n := range in.Names {
				id, ok := n.(*ast.Ident)
				if !ok {
					name, _ := StaticName(n)
					id = &ast.Ident{NamePos: n.Pos(), Name: name}
				}
				r.ref(id, quiet)
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
