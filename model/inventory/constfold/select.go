package constfold

import (
	"fmt"
	"strings"

	"github.com/nixlint/nixlint/parser/ast"
	"github.com/nixlint/nixlint/parser/scope"
)

// entry is one definition inside an attribute set, seen from the set: the
// rest of its attribute path and its value. `a.b = 1;` in a set gives the
// entry [a b] = 1; `inherit (s) a;` gives [a] = s.a.
type entry struct {
	path  []ast.AttrName
	value ast.Expr
}

// selectValue folds x.a.b (or default).
func (f *Folder) selectValue(s *ast.Select) Value {
	names := make([]string, 0, len(s.Path.Names))
	for _, n := range s.Path.Names {
		v := f.Name(n)
		if !v.Known() {
			return unknown(n.Pos(), n.End(), "selects an attribute whose name "+v.Reason)
		}
		names = append(names, v.Str)
	}
	return f.selectFrom(s.X, names, s.Default, s)
}

// selectFrom folds x.<names> (or def when the attribute is missing and def
// is not nil). at is the expression that asked, for positions.
func (f *Folder) selectFrom(x ast.Expr, names []string, def ast.Expr, at ast.Node) Value {
	defer f.leave()
	if !f.enter() {
		return unknown(at.Pos(), at.End(), "is too large or nested too deeply to fold")
	}
	entries, v := f.set(x)
	if !v.Known() && v.Reason != "" {
		return v
	}
	e, v, found := f.lookup(entries, names, at)
	switch {
	case !found && v.Reason != "":
		return v
	case !found && def != nil:
		return f.Eval(def)
	case !found:
		return unknown(at.Pos(), at.End(), fmt.Sprintf("selects the attribute `%s`, which is not defined", strings.Join(names, ".")))
	}
	return f.Eval(e)
}

// lookup finds the expression defining names in the set's entries. It
// returns found=false with a Reason when the answer cannot be known (a
// dynamic attribute name in the set), found=false without one when the
// attribute is missing.
func (f *Folder) lookup(entries []entry, names []string, at ast.Node) (ast.Expr, Value, bool) {
	for _, en := range entries {
		n := min(len(en.path), len(names))
		match := true
		for i := 0; i < n; i++ {
			v := f.Name(en.path[i])
			if !v.Known() {
				return nil, unknown(en.path[i].Pos(), en.path[i].End(), "selects from a set with a dynamic attribute name that "+v.Reason), false
			}
			if v.Str != names[i] {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		switch {
		case len(en.path) == len(names):
			return en.value, Value{}, true
		case len(en.path) > len(names):
			return nil, unknown(at.Pos(), at.End(), fmt.Sprintf("is the attribute set `%s`", strings.Join(names, "."))), false
		}
		// The entry defines a prefix: look inside its value. Other entries
		// may define more of the same set (`a = { x = 1; }; a.y = 2;` is an
		// error in Nix, but `a.x = 1; a.y = 2;` is not), so keep going when
		// the attribute is not there.
		sub, v := f.set(en.value)
		if !v.Known() && v.Reason != "" {
			return nil, v, false
		}
		if e, v, found := f.lookup(sub, names[len(en.path):], at); found || v.Reason != "" {
			return e, v, found
		}
	}
	return nil, Value{}, false
}

// set returns the entries of the attribute set x evaluates to, or a Value
// with the Reason it cannot be known.
func (f *Folder) set(x ast.Expr) ([]entry, Value) {
	defer f.leave()
	if !f.enter() {
		return nil, unknown(x.Pos(), x.End(), "is too large or nested too deeply to fold")
	}
	switch x := x.(type) {
	case *ast.Paren:
		return f.set(x.X)
	case *ast.Let:
		return f.set(x.Body)
	case *ast.AttrSet:
		return bindingEntries(x.Bindings), Value{}
	case *ast.Ident:
		return f.identSet(x)
	case *ast.Select:
		names := make([]string, 0, len(x.Path.Names))
		for _, n := range x.Path.Names {
			v := f.Name(n)
			if !v.Known() {
				return nil, unknown(n.Pos(), n.End(), "selects an attribute whose name "+v.Reason)
			}
			names = append(names, v.Str)
		}
		entries, v := f.set(x.X)
		if v.Reason != "" {
			return nil, v
		}
		e, v, found := f.lookup(entries, names, x)
		switch {
		case found:
			return f.set(e)
		case v.Reason != "":
			return nil, v
		case x.Default != nil:
			return f.set(x.Default)
		}
		return nil, unknown(x.Pos(), x.End(), fmt.Sprintf("selects the attribute `%s`, which is not defined", strings.Join(names, ".")))
	}
	v := f.Eval(x)
	if v.Known() {
		return nil, unknown(x.Pos(), x.End(), fmt.Sprintf("selects an attribute from a %s", v.Kind))
	}
	return nil, v
}

// identSet returns the entries of the set a variable is bound to.
func (f *Folder) identSet(id *ast.Ident) ([]entry, Value) {
	b := f.info.BindingOf(id)
	if b == nil || (b.Kind != scope.Let && b.Kind != scope.Rec) {
		v := f.ident(id)
		if v.Known() {
			return nil, unknown(id.Pos(), id.End(), fmt.Sprintf("selects an attribute from a %s", v.Kind))
		}
		return nil, v
	}
	if f.active[b] {
		return nil, unknown(id.Pos(), id.End(), fmt.Sprintf("uses `%s`, which is defined in terms of itself", id.Name))
	}
	f.follow(b)
	defer delete(f.active, b)
	switch {
	case b.Inherited():
		if def, ok := b.Def.(*ast.Ident); ok && def != id {
			return f.identSet(def)
		}
		return nil, unknown(id.Pos(), id.End(), fmt.Sprintf("uses `%s`, inherited from a scope nixlint cannot see", id.Name))
	case b.From != nil:
		sel := &ast.Select{X: b.From, Path: &ast.AttrPath{Names: []ast.AttrName{&ast.Ident{NamePos: id.Pos(), Name: b.Name}}}}
		return f.set(sel)
	}
	// `x = { … };` or `x.a = …; x.b = …;`: the definitions of the name,
	// each seen from inside x.
	var out []entry
	for _, d := range b.Decls {
		def, ok := d.(*ast.AttrDef)
		if !ok {
			continue
		}
		if len(def.Path.Names) == 1 {
			sub, v := f.set(def.Value)
			if v.Reason != "" {
				return nil, v
			}
			out = append(out, sub...)
			continue
		}
		out = append(out, entry{path: def.Path.Names[1:], value: def.Value})
	}
	if len(b.Decls) == 0 && b.Value != nil {
		return f.set(b.Value)
	}
	return out, Value{}
}

// bindingEntries lists the entries of a set's bindings.
func bindingEntries(bs []ast.Binding) []entry {
	var out []entry
	for _, b := range bs {
		switch b := b.(type) {
		case *ast.AttrDef:
			if b.Path != nil && len(b.Path.Names) > 0 {
				out = append(out, entry{path: b.Path.Names, value: b.Value})
			}
		case *ast.Inherit:
			for _, n := range b.Names {
				if b.From != nil {
					out = append(out, entry{path: []ast.AttrName{n}, value: &ast.Select{X: b.From, Path: &ast.AttrPath{Names: []ast.AttrName{n}}}})
					continue
				}
				if id, ok := n.(*ast.Ident); ok {
					// A plain `inherit x;` refers to the x of the enclosing
					// scope; the resolver records the name as a reference.
					out = append(out, entry{path: []ast.AttrName{n}, value: id})
				}
			}
		}
	}
	return out
}

// Describe renders a short description of e for messages: the dotted name
// of a variable or selection (`lib.mkDefault`), or what kind of expression
// it is.
func Describe(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Paren:
		return Describe(e.X)
	case *ast.Ident:
		return e.Name
	case *ast.Select:
		if e.Path == nil {
			break
		}
		var b strings.Builder
		b.WriteString(Describe(e.X))
		for _, n := range e.Path.Names {
			s, ok := ast.StaticName(n)
			if !ok {
				s = "${…}"
			}
			b.WriteString("." + s)
		}
		return b.String()
	case *ast.Apply:
		return Describe(e.Fun)
	case *ast.Lambda:
		return "a lambda"
	}
	return "an expression"
}

// Entry is one definition of an attribute set as seen from the set: the
// attribute path below it and the value.
type Entry struct {
	Path  []ast.AttrName
	Value ast.Expr
}

// Entries returns the definitions of the attribute set e evaluates to,
// following variables, selections, let and parentheses (`nodes = myNodes;`
// where myNodes is a let-bound set), or a Value with the Reason it is not
// one. Dotted definitions stay dotted: `a.b = 1;` is one entry [a b].
func (f *Folder) Entries(e ast.Expr) ([]Entry, Value) {
	f.ensure()
	entries, v := f.set(e)
	if v.Reason != "" {
		return nil, v
	}
	out := make([]Entry, len(entries))
	for i, en := range entries {
		out[i] = Entry{Path: en.path, Value: en.value}
	}
	return out, Value{}
}
