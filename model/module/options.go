package module

import (
	"go/token"

	"github.com/nixlint/nixlint/parser/ast"
)

// options reads the value of `options` (or of `options.a.b`): nested
// attribute sets are namespaces, anything else is a declaration.
func (b *builder) options(e ast.Expr, p []string, keys []ast.AttrName, keyPos token.Pos, depth int) {
	if depth > maxDepth {
		b.unknown(e.Pos(), e.End(), p, "options nested too deeply")
		return
	}
	switch x := e.(type) {
	case *ast.Paren:
		b.options(x.X, p, keys, keyPos, depth+1)
		return
	case *ast.Let:
		b.options(x.Body, p, keys, keyPos, depth+1)
		return
	case *ast.With:
		b.options(x.Body, p, keys, keyPos, depth+1)
		return
	case *ast.AttrSet:
		for _, bd := range x.Bindings {
			d, ok := bd.(*ast.AttrDef)
			if ok && (d.Path == nil || len(d.Path.Names) == 0 || d.Value == nil) {
				continue
			}
			if !ok {
				b.unknown(bd.Pos(), bd.End(), p, "inherit in options")
				continue
			}
			np, nk := b.names(p, keys, d.Path.Names)
			b.options(d.Value, np, nk, d.Pos(), depth+1)
		}
		return
	}
	b.opts = append(b.opts, b.declaration(e, p, keys, keyPos))
}

// declaration reads one option declaration.
func (b *builder) declaration(e ast.Expr, p []string, keys []ast.AttrName, keyPos token.Pos) *Option {
	kp, kk := b.keep(p, keys)
	o := b.a.option()
	*o = Option{Path: kp, Keys: kk, Pos: e.Pos(), End: e.End(), KeyPos: keyPos}
	var override *ast.AttrSet
	decl := ast.Unparen(e)
	// `mkEnableOption "x" // { default = true; }`
	if bin, ok := decl.(*ast.Binary); ok && bin.Op == ast.UPDATE {
		if s, ok := ast.Unparen(bin.Y).(*ast.AttrSet); ok {
			override = s
			decl = ast.Unparen(bin.X)
		}
	}
	fn, args, n := b.r.call(decl)
	switch fn {
	case "mkEnableOption":
		o.Func = fn
		o.DefaultKnown = true
	case "mkOption":
		o.Func = fn
		if n == 1 {
			if s, ok := ast.Unparen(args[0]).(*ast.AttrSet); ok {
				o.Default, o.DefaultKnown = attr(s, "default")
				if !o.DefaultKnown && !hasDynamic(s) {
					// No default: the option has none, which is known.
					o.DefaultKnown = true
				}
			}
		}
	case "mkPackageOption":
		o.Func = fn
	}
	if override != nil {
		if d, ok := attr(override, "default"); ok {
			o.Default, o.DefaultKnown = d, true
		} else if hasDynamic(override) {
			o.DefaultKnown = false
		}
	}
	return o
}

// attr returns the value of a plain `name = value;` binding of a set.
func attr(s *ast.AttrSet, name string) (ast.Expr, bool) {
	for _, bd := range s.Bindings {
		if d, ok := bd.(*ast.AttrDef); ok && d.Path != nil && len(d.Path.Names) == 1 {
			if n, ok := ast.StaticName(d.Path.Names[0]); ok && n == name {
				return d.Value, true
			}
		}
	}
	return nil, false
}

func hasDynamic(s *ast.AttrSet) bool {
	for _, bd := range s.Bindings {
		switch d := bd.(type) {
		case *ast.AttrDef:
			if d.Path == nil || len(d.Path.Names) == 0 {
				return true
			}
			if _, ok := ast.StaticName(d.Path.Names[0]); !ok {
				return true
			}
		case *ast.Inherit:
			return true
		}
	}
	return false
}
