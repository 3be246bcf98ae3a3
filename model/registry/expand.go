package registry

import (
	"github.com/nixlint/nixlint/config"
	"github.com/nixlint/nixlint/model/inventory/constfold"
	"github.com/nixlint/nixlint/model/module"
	"github.com/nixlint/nixlint/parser/ast"
)

// maxExpand bounds how many variables deep Expand follows a definition,
// and maxExpanded how many definitions one definition may expand to (a set
// whose attributes all refer to the set itself multiplies them).
const (
	maxExpand   = 8
	maxExpanded = 10000
)

// Expand returns the definitions of a module with those that bind a
// variable holding a constant attribute set written out, where the set
// could hold VM declarations or registry nodes:
//
//	let nodes = { dns-01.vmid = 100; }; in { mares.infrastructure.nodes = nodes; }
//
// gives mares.infrastructure.nodes.dns-01.vmid = 100. The module model
// flattens sets written in place; this follows let bindings, which it does
// not, for the paths the registry and the VM sources look at.
//
// Expand compiles conv's sources on every call: callers expanding many
// modules use Sources.Expand. The result may be defs itself: callers must
// not modify it.
func Expand(defs []*module.Def, fold *constfold.Folder, conv *config.Conventions) []*module.Def {
	return NewSources(conv).Expand(defs, fold)
}

// Expand is the package's Expand with compiled sources. When nothing
// expands, which is the rule, it returns defs itself: callers must not
// modify the result.
func (s *Sources) Expand(defs []*module.Def, fold *constfold.Folder) []*module.Def {
	var out []*module.Def // allocated at the first definition that expands
	var ext []string      // scratch for relevant
	for i, d := range defs {
		if d.Value == nil || !isVariable(d.Value) || !s.relevant(d.Path, &ext) {
			if out != nil {
				out = append(out, d)
			}
			continue
		}
		if out == nil {
			out = append(make([]*module.Def, 0, len(defs)+8), defs[:i]...)
		}
		budget := maxExpanded
		out = append(out, expand(d, fold, 0, &budget)...)
	}
	if out == nil {
		return defs
	}
	return out
}

func expand(d *module.Def, fold *constfold.Folder, depth int, budget *int) []*module.Def {
	if depth > maxExpand || d.Value == nil || *budget <= 0 {
		return []*module.Def{d}
	}
	switch ast.Unparen(d.Value).(type) {
	case *ast.Ident, *ast.Select, *ast.AttrSet, *ast.Let:
	default:
		return []*module.Def{d}
	}
	entries, v := fold.Entries(d.Value)
	if v.Reason != "" {
		return []*module.Def{d}
	}
	var out []*module.Def
	for _, e := range entries {
		if len(e.Path) == 0 || e.Value == nil {
			continue
		}
		if *budget--; *budget <= 0 {
			break
		}
		path := append([]string(nil), d.Path...)
		for _, n := range e.Path {
			s, ok := ast.StaticName(n)
			if !ok {
				if fv := fold.Name(n); fv.Kind == constfold.String {
					s, ok = fv.Str, true
				}
			}
			if !ok {
				s = module.Dynamic
			}
			path = append(path, s)
		}
		var elems []module.Elem
		if l, ok := ast.Unparen(e.Value).(*ast.List); ok {
			for _, el := range l.Elems {
				elems = append(elems, module.Elem{Value: el})
			}
		}
		// Written in the binding e, below d's: its keys are d's and e's.
		in := &module.Binding{Parent: d.In, Names: e.Path}
		nd := module.NewDef(path, e.Value, in, d.Conds(), elems)
		out = append(out, expand(nd, fold, depth+1, budget)...)
	}
	return out
}

// isVariable reports whether a definition's value is a variable or a
// selection: the only values the module model leaves unflattened that a
// constant set can hide behind.
func isVariable(e ast.Expr) bool {
	switch ast.Unparen(e).(type) {
	case *ast.Ident, *ast.Select:
		return true
	}
	return false
}

// relevant reports whether path, or a path one or two segments longer,
// matches a VM source, or holds a `nodes` segment. Match tries every
// leading part of the path it is given, so one call on the path extended
// by two segments that only placeholders and ** match ("\x00") answers for
// the three lengths; ext is a scratch buffer for that path.
func (s *Sources) relevant(path []string, ext *[]string) bool {
	if nodesIndex(path) >= 0 {
		return true
	}
	if !s.anyExtended(path, "\x00") {
		return false
	}
	*ext = append(append((*ext)[:0], path...), "\x00", "\x00")
	_, _, ok := s.Match(*ext)
	return ok
}
