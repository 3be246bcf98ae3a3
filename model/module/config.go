package module

import (
	"github.com/nixlint/nixlint/parser/ast"
)

// priority are the lib functions that change a definition's priority or
// order but not its meaning; the model looks through them and remembers
// them in Def.Mods. The value is the index of the wrapped argument.
var priority = map[string]int{
	"mkDefault": 0, "mkForce": 0, "mkOptionDefault": 0, "mkImageMediaOverride": 0,
	"mkBefore": 0, "mkAfter": 0, "mkVMOverride": 0, "mkFallback": 0,
	"mkOverride": 1, "mkOrder": 1,
}

// config flattens a config value below path p.
func (b *builder) config(e ast.Expr, p []string, ctx *defContext, in *Binding, depth int) {
	if depth > maxDepth {
		b.unknown(e.Pos(), e.End(), p, "config nested too deeply")
		return
	}
	if isModuleSlot(p) {
		if v := ast.Unparen(e); isModuleValue(v) {
			b.inline(v, p)
			d := b.def()
			*d = Def{Path: b.keepPath(p), Value: e, In: in, info: ctx.info()}
			b.addDef(d)
			return
		}
	}
	// The lib function applied when e is an application, asked once for
	// the constructs here and for listy.
	applied, isApply := "", false
	switch x := e.(type) {
	case *ast.Paren:
		b.config(x.X, p, ctx, in, depth+1)
		return
	case *ast.Let:
		b.config(x.Body, p, ctx, in, depth+1)
		return
	case *ast.With:
		b.config(x.Body, p, ctx, in, depth+1)
		return
	case *ast.Assert:
		b.config(x.Body, p, ctx, in, depth+1)
		return
	case *ast.AttrSet:
		b.set(x, p, ctx, in, depth)
		return
	case *ast.If:
		if len(p) == 0 || b.structural(x.Then, 0) || b.structural(x.Else, 0) {
			b.config(x.Then, p, b.with(ctx, b.condition(IfThenElse, x.Cond, false)), in, depth+1)
			b.config(x.Else, p, b.with(ctx, b.condition(IfThenElse, x.Cond, true)), in, depth+1)
			return
		}
	case *ast.Binary:
		if x.Op == ast.UPDATE && (len(p) == 0 || b.structural(x.X, 0) || b.structural(x.Y, 0)) {
			b.config(x.X, p, ctx, in, depth+1)
			b.config(x.Y, p, ctx, in, depth+1)
			return
		}
	case *ast.Apply:
		fn, args, n := b.r.call(x)
		applied, isApply = fn, true
		switch {
		case (fn == "mkIf" || fn == "optionalAttrs") && n == 2:
			kind := MkIf
			if fn == "optionalAttrs" {
				kind = OptionalAttrs
			}
			b.config(args[1], p, b.with(ctx, b.condition(kind, args[0], false)), in, depth+1)
			return
		case fn == "mkMerge" && n == 1:
			if l, ok := ast.Unparen(args[0]).(*ast.List); ok {
				for _, el := range l.Elems {
					b.config(el, p, ctx, in, depth+1)
				}
				return
			}
		default:
			if i, ok := priority[fn]; ok && n == i+1 {
				b.config(args[i], p, b.wrapped(ctx, fn), in, depth+1)
				return
			}
		}
	}
	if len(p) == 0 {
		b.unknown(e.Pos(), e.End(), p, "config value the model cannot read")
		return
	}
	d := b.def()
	*d = Def{Path: b.keepPath(p), Value: e, In: in, info: ctx.info()}
	if isApply && isListFunc(applied) || !isApply && b.listy(e) {
		info := b.a.info()
		*info = defInfo{ctx: ctx, elems: b.elems(e, nil, 0)}
		d.info = info
	}
	b.addDef(d)
}

// set flattens the bindings of an attribute set value.
func (b *builder) set(s *ast.AttrSet, p []string, ctx *defContext, in *Binding, depth int) {
	for _, bd := range s.Bindings {
		switch d := bd.(type) {
		case *ast.AttrDef:
			if d.Path == nil || len(d.Path.Names) == 0 || d.Value == nil {
				continue
			}
			np := b.pathOf(p, d.Path.Names)
			b.config(d.Value, np, ctx, b.binding(d.Path.Names, in), depth+1)
		case *ast.Inherit:
			for i := range d.Names {
				np := b.pathOf(p, d.Names[i:i+1])
				def := b.def()
				*def = Def{Path: b.keepPath(np), In: b.binding(d.Names[i:i+1], in), info: ctx.info()}
				b.addDef(def)
			}
		}
	}
}

// withCond returns conds with c added, in a new slice cut from the chunks.
func (b *builder) withCond(conds []Cond, c Cond) []Cond {
	out := b.a.condList(len(conds) + 1)
	copy(out, conds)
	out[len(conds)] = c
	return out
}

// with returns the context ctx with the condition c added.
func (b *builder) with(ctx *defContext, c Cond) *defContext {
	if ctx == nil {
		return b.context(b.withCond(nil, c), nil)
	}
	return b.context(b.withCond(ctx.conds, c), ctx.mods)
}

// wrapped returns the context ctx with the priority function fn added.
func (b *builder) wrapped(ctx *defContext, fn string) *defContext {
	var conds []Cond
	var mods []string
	if ctx != nil {
		conds, mods = ctx.conds, ctx.mods
	}
	nm := b.a.strings(len(mods) + 1)
	copy(nm, mods)
	nm[len(mods)] = fn
	return b.context(conds, nm)
}

// context returns a context of conds and mods cut from the chunks.
func (b *builder) context(conds []Cond, mods []string) *defContext {
	ctx := b.a.context()
	*ctx = defContext{conds: conds, mods: mods}
	ctx.plain.ctx = ctx
	return ctx
}

// structural reports whether e is config structure (a set, or a condition
// or merge of sets) rather than a value.
func (b *builder) structural(e ast.Expr, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch x := e.(type) {
	case *ast.Paren:
		return b.structural(x.X, depth+1)
	case *ast.AttrSet:
		return true
	case *ast.Let:
		return b.structural(x.Body, depth+1)
	case *ast.With:
		return b.structural(x.Body, depth+1)
	case *ast.If:
		return b.structural(x.Then, depth+1) || b.structural(x.Else, depth+1)
	case *ast.Apply:
		switch fn, _, _ := b.r.call(x); fn {
		case "mkIf", "mkMerge", "optionalAttrs":
			return true
		}
	}
	return false
}

// listy reports whether a value is a list the model can take apart.
func (b *builder) listy(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.List:
		return true
	case *ast.Binary:
		return x.Op == ast.CONCAT
	case *ast.Apply:
		fn, _, _ := b.r.call(x)
		return isListFunc(fn)
	}
	return false
}

// isListFunc reports whether fn makes a list of its arguments.
func isListFunc(fn string) bool { return fn == "optionals" || fn == "optional" }

// elems takes a list value apart into its elements, each with the
// conditions inside the value. They are gathered in scratch space and
// copied out at their number: concatenations copied their parts each time
// they were appended together.
func (b *builder) elems(e ast.Expr, conds []Cond, depth int) []Elem {
	tmp := b.appendElems(b.a.elemTmp[:0], e, conds, depth)
	out := b.a.elems(len(tmp))
	copy(out, tmp)
	clear(tmp)
	b.a.elemTmp = tmp[:0]
	return out
}

// appendElems appends the elements of list value e to dst.
func (b *builder) appendElems(dst []Elem, e ast.Expr, conds []Cond, depth int) []Elem {
	if depth > maxDepth {
		return append(dst, Elem{Value: e, Conds: conds, Opaque: true})
	}
	switch x := e.(type) {
	case *ast.Paren:
		return b.appendElems(dst, x.X, conds, depth+1)
	case *ast.Let:
		return b.appendElems(dst, x.Body, conds, depth+1)
	case *ast.With:
		return b.appendElems(dst, x.Body, conds, depth+1)
	case *ast.List:
		for _, el := range x.Elems {
			dst = append(dst, Elem{Value: el, Conds: conds})
		}
		return dst
	case *ast.Binary:
		if x.Op == ast.CONCAT {
			dst = b.appendElems(dst, x.X, conds, depth+1)
			return b.appendElems(dst, x.Y, conds, depth+1)
		}
	case *ast.If:
		dst = b.appendElems(dst, x.Then, b.withCond(conds, b.condition(IfThenElse, x.Cond, false)), depth+1)
		return b.appendElems(dst, x.Else, b.withCond(conds, b.condition(IfThenElse, x.Cond, true)), depth+1)
	case *ast.Apply:
		fn, args, n := b.r.call(x)
		switch {
		case fn == "optionals" && n == 2:
			return b.appendElems(dst, args[1], b.withCond(conds, b.condition(Optionals, args[0], false)), depth+1)
		case fn == "optional" && n == 2:
			return append(dst, Elem{Value: args[1], Conds: b.withCond(conds, b.condition(Optional, args[0], false))})
		case fn == "mkIf" && n == 2:
			return b.appendElems(dst, args[1], b.withCond(conds, b.condition(MkIf, args[0], false)), depth+1)
		default:
			if i, ok := priority[fn]; ok && n == i+1 {
				return b.appendElems(dst, args[i], conds, depth+1)
			}
		}
	}
	return append(dst, Elem{Value: e, Conds: conds, Opaque: true})
}

// isModuleSlot reports whether a flake-parts path holds a NixOS module:
// flake.nixosModules.<name> or flake.modules.nixos.<name>.
func isModuleSlot(p []string) bool {
	switch {
	case len(p) == 3 && p[0] == "flake" && p[1] == "nixosModules":
		return true
	case len(p) == 4 && p[0] == "flake" && p[1] == "modules" && p[2] == "nixos":
		return true
	}
	return false
}

// isModuleValue reports whether e is written as a module (a function or a
// set), rather than a path or a reference to one.
func isModuleValue(e ast.Expr) bool {
	switch e.(type) {
	case *ast.Lambda, *ast.AttrSet:
		return true
	}
	return false
}

// inline reads a NixOS module written inline in a flake-parts file.
func (b *builder) inline(e ast.Expr, p []string) {
	if b.inlineDepth > 4 {
		return
	}
	sub := &builder{
		m:           &Module{Path: b.m.Path, File: b.m.File, Expr: e, Slot: append([]string(nil), p...)},
		a:           b.a,
		r:           b.r,
		src:         b.src,
		base:        b.base,
		inlineDepth: b.inlineDepth + 1,
	}
	sub.top(e)
	sub.finish()
	sub.collectUses(e)
	sub.m.kind = sub.m.scanKinds()
	b.m.Inline = append(b.m.Inline, sub.m)
}
