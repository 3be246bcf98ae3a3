package scope

import "github.com/nixlint/nixlint/parser/ast"

// Package check looks for the errors below in every lambda and every set
// of a file, which cost a walk of the whole tree. The resolver meets every
// lambda, and every set whose names are not all static (the others cannot
// have these errors), so it tells check whether the walk can find
// anything: see Info.NameErrorsPossible. Both functions follow check's
// rules exactly.

// repeatedFormal reports whether a lambda has a formal twice, or one named
// as its @ pattern. names is scratch space.
func repeatedFormal(l *ast.Lambda, set *nameSet, scratch *[]string) bool {
	names := (*scratch)[:0]
	defer func() { *scratch = names[:0] }()
	for _, fm := range l.Formals.List {
		if fm != nil && fm.Name != nil {
			names = append(names, fm.Name.Name)
		}
	}
	if l.Param != nil {
		names = append(names, l.Param.Name)
	}
	return !set.distinct(names)
}

// dynamicNames reports whether bindings, those of node, hold a dynamic
// attribute name where Nix forbids one: as an inherit name, or first in
// the path of a let binding.
func dynamicNames(node ast.Node, bindings []ast.Binding) bool {
	_, inLet := node.(*ast.Let)
	for _, bd := range bindings {
		switch bd := bd.(type) {
		case *ast.AttrDef:
			if !inLet || bd == nil || bd.Path == nil || len(bd.Path.Names) == 0 {
				continue
			}
			if n := bd.Path.Names[0]; !ast.IsNil(n) {
				if _, ok := StaticName(n); !ok {
					return true
				}
			}
		case *ast.Inherit:
			if bd == nil {
				continue
			}
			for _, n := range bd.Names {
				if ast.IsNil(n) {
					continue
				}
				if _, ok := StaticName(n); !ok {
					return true
				}
			}
		}
	}
	return false
}
