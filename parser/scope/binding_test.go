package scope_test

import (
	"go/token"
	"testing"

	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/ast"
	"github.com/nixlint/nixlint/parser/scope"
)

func resolve(t *testing.T, src string) (*ast.File, *scope.Info) {
	t.Helper()
	fset := token.NewFileSet()
	f, errs := parser.ParseFile(fset, "case.nix", []byte(src))
	if len(errs) > 0 {
		t.Fatalf("parse %q: %v", src, errs)
	}
	return f, scope.Resolve(f)
}

func bindingNamed(t *testing.T, info *scope.Info, name string) *scope.Binding {
	t.Helper()
	for _, b := range info.Bindings {
		if b.Name == name {
			return b
		}
	}
	t.Fatalf("no binding %q", name)
	return nil
}

// TestBindingFields checks what rules read from a binding: the value of
// an alias such as `cfg = config.a.b;`, the source of an inherit, the
// declarations of a name defined through paths, the scope node.
func TestBindingFields(t *testing.T) {
	src := `{ config, ... }: let cfg = config.a.b; inherit (config) c d; e.f = 1; e.g = 2; in rec { h = cfg.enable; inherit c; }`
	f, info := resolve(t, src)
	lambda := f.Expr.(*ast.Lambda)
	let := lambda.Body.(*ast.Let)
	set := let.Body.(*ast.AttrSet)

	cfg := bindingNamed(t, info, "cfg")
	if cfg.Kind != scope.Let || cfg.Scope != let {
		t.Errorf("cfg: kind %v scope %T", cfg.Kind, cfg.Scope)
	}
	sel, ok := cfg.Value.(*ast.Select)
	if !ok || sel.X.(*ast.Ident).Name != "config" {
		t.Errorf("cfg.Value = %#v, want config.a.b", cfg.Value)
	}
	if len(cfg.Uses) != 1 {
		t.Errorf("cfg has %d uses, want 1", len(cfg.Uses))
	}

	config := bindingNamed(t, info, "config")
	if config.Kind != scope.Formal || config.Formal == nil || config.Formal.Name.Name != "config" || config.Scope != lambda {
		t.Errorf("config: %+v", config)
	}
	if len(config.Uses) != 2 || config.Uses[0].Pos() >= config.Uses[1].Pos() {
		t.Errorf("config uses %v, want two in source order", config.Uses)
	}

	c := bindingNamed(t, info, "c")
	if c.Value != nil || c.From != config.Uses[1] || c.Inherited() {
		t.Errorf("c: Value %v From %v Inherited %v", c.Value, c.From, c.Inherited())
	}
	if len(c.Uses) != 1 {
		t.Errorf("c has %d uses (the rec's inherit), want 1", len(c.Uses))
	}

	e := bindingNamed(t, info, "e")
	if e.Value != nil || len(e.Decls) != 2 {
		t.Errorf("e: Value %v, %d decls, want nil and 2", e.Value, len(e.Decls))
	}

	var recC *scope.Binding
	for _, b := range info.Bindings {
		if b.Name == "c" && b.Kind == scope.Rec {
			recC = b
		}
	}
	if recC == nil || !recC.Inherited() || recC.Scope != set {
		t.Fatalf("rec's inherit c: %+v", recC)
	}
	if outer := info.BindingOf(recC.Def.(*ast.Ident)); outer != c || recC.Inherits != c {
		t.Errorf("rec's inherit c refers to %+v (Inherits %+v), want the let's c", outer, recC.Inherits)
	}
	_, quoted := resolve(t, `x: let inherit "x"; in x`)
	if b := bindingNamed(t, quoted, "x"); b.Kind != scope.Param {
		t.Fatalf("first binding %+v", b)
	} else if len(quoted.Bindings) != 2 || quoted.Bindings[1].Inherits != b {
		t.Errorf("let's inherit \"x\" should alias the parameter: %+v", quoted.Bindings)
	}

	for i := 1; i < len(info.Bindings); i++ {
		if info.Bindings[i-1].Def.Pos() > info.Bindings[i].Def.Pos() {
			t.Errorf("Bindings not in source order at %d", i)
		}
	}
	unused := map[string]bool{}
	for _, b := range info.Unused() {
		unused[b.Name] = true
	}
	for _, n := range []string{"d", "e", "h"} {
		if !unused[n] {
			t.Errorf("%s should be unused", n)
		}
	}
	if unused["cfg"] || unused["config"] {
		t.Errorf("cfg and config are used: %v", unused)
	}
}

func TestWithAndBuiltinBindings(t *testing.T) {
	f, info := resolve(t, `with a; with b; [ x x true ]`)
	outer := f.Expr.(*ast.With)
	inner := outer.Body.(*ast.With)
	list := inner.Body.(*ast.List)
	x1, x2 := list.Elems[0].(*ast.Ident), list.Elems[1].(*ast.Ident)
	b := info.BindingOf(x1)
	if b == nil || b.Kind != scope.With || b.With != inner || info.BindingOf(x2) != b || len(b.Uses) != 2 {
		t.Errorf("x: %+v", b)
	}
	if b := info.BindingOf(inner.Env.(*ast.Ident)); b == nil || b.With != outer {
		t.Errorf("b: %+v", b)
	}
	if len(info.Undefined) != 1 || info.Undefined[0].Name != "a" {
		t.Errorf("undefined %v, want [a]", info.Undefined)
	}
	if b := info.BindingOf(list.Elems[2].(*ast.Ident)); b == nil || b.Kind != scope.Builtin || b.Def != nil {
		t.Errorf("true: %+v", b)
	}
	for _, b := range info.Bindings {
		t.Errorf("unexpected binding %q: with and builtins are not introduced by the file", b.Name)
	}
}
