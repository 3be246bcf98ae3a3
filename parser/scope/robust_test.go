package scope_test

import (
	"go/token"
	"testing"

	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/ast"
	"github.com/nixlint/nixlint/parser/scope"
)

// partialTrees are trees with the nil fields and typed nils a parser may
// leave after syntax errors.
func partialTrees() []ast.Expr {
	id := func(s string) *ast.Ident { return &ast.Ident{NamePos: 1, Name: s} }
	weirdBindings := []ast.Binding{
		nil,
		(*ast.AttrDef)(nil),
		(*ast.Inherit)(nil),
		&ast.AttrDef{},
		&ast.AttrDef{Path: &ast.AttrPath{}},
		&ast.AttrDef{Path: &ast.AttrPath{Names: []ast.AttrName{nil, (*ast.Ident)(nil)}}, Value: (*ast.Ident)(nil)},
		&ast.AttrDef{Path: &ast.AttrPath{Names: []ast.AttrName{id("a"), (*ast.Interp)(nil), &ast.Interp{}}}},
		&ast.AttrDef{Path: &ast.AttrPath{Names: []ast.AttrName{id("a"), &ast.String{Parts: []ast.StringPart{nil, (*ast.Text)(nil), (*ast.Interp)(nil), &ast.Interp{X: (*ast.Paren)(nil)}}}}}},
		&ast.AttrDef{Path: &ast.AttrPath{Names: []ast.AttrName{id("a")}}, Value: &ast.AttrSet{Bindings: []ast.Binding{nil}}},
		&ast.AttrDef{Path: &ast.AttrPath{Names: []ast.AttrName{id("a")}}, Value: &ast.Paren{X: &ast.AttrSet{}}},
		&ast.AttrDef{Path: &ast.AttrPath{Names: []ast.AttrName{id("a"), id("b")}}, Value: (*ast.AttrSet)(nil)},
		&ast.AttrDef{Path: &ast.AttrPath{Names: []ast.AttrName{&ast.Interp{X: &ast.String{Indented: true, Parts: []ast.StringPart{&ast.Interp{}}}}}}},
		&ast.Inherit{},
		&ast.Inherit{From: (*ast.Ident)(nil), Names: []ast.AttrName{nil, (*ast.Ident)(nil), (*ast.String)(nil), (*ast.Interp)(nil), &ast.Interp{}, &ast.String{}, id("a"), id("a")}},
		&ast.Inherit{From: &ast.BadExpr{}, Names: []ast.AttrName{id("a")}},
	}
	return []ast.Expr{
		&ast.BadExpr{},
		(*ast.Ident)(nil),
		&ast.Ident{},
		&ast.Let{Bindings: weirdBindings},
		&ast.Let{Bindings: weirdBindings, Body: (*ast.Let)(nil)},
		&ast.AttrSet{Bindings: weirdBindings},
		&ast.AttrSet{Rec: 1, Bindings: weirdBindings},
		&ast.LegacyLet{Bindings: weirdBindings},
		&ast.Lambda{},
		&ast.Lambda{Param: id("x"), Formals: &ast.Formals{List: []*ast.Formal{nil, {}, {Name: id("x"), Default: (*ast.With)(nil)}, {Name: id("x")}}}},
		&ast.Lambda{Formals: &ast.Formals{}, Body: (*ast.Lambda)(nil)},
		&ast.Select{},
		&ast.Select{X: (*ast.Select)(nil), Path: &ast.AttrPath{Names: []ast.AttrName{nil, &ast.Interp{}}}, Default: (*ast.Ident)(nil)},
		&ast.HasAttr{},
		&ast.HasAttr{Path: &ast.AttrPath{}},
		&ast.Apply{},
		&ast.Apply{Fun: (*ast.Paren)(nil), Arg: (*ast.AttrSet)(nil)},
		&ast.Unary{},
		&ast.Binary{},
		&ast.If{},
		&ast.With{},
		&ast.With{Env: (*ast.With)(nil), Body: id("y")},
		&ast.Assert{},
		&ast.Paren{},
		&ast.Paren{X: (*ast.Paren)(nil)},
		&ast.List{Elems: []ast.Expr{nil, (*ast.List)(nil), &ast.List{}}},
		&ast.String{Parts: []ast.StringPart{nil, (*ast.Text)(nil), (*ast.Interp)(nil), &ast.Interp{}}},
		&ast.Path{Parts: []ast.StringPart{nil, &ast.Interp{X: id("p")}}},
		&ast.URI{}, &ast.Int{}, &ast.Float{},
	}
}

func TestResolvePartialTrees(t *testing.T) {
	if info := scope.Resolve(nil); info == nil || info.Refs == nil {
		t.Fatal("Resolve(nil) must return an empty Info")
	}
	scope.Resolve(&ast.File{})
	for i, e := range partialTrees() {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("tree %d (%T): panic: %v", i, e, r)
				}
			}()
			scope.Resolve(&ast.File{Expr: e})
		}()
	}
}

// brokenSources are syntactically broken inputs; every prefix of them is
// parsed and resolved as well.
var brokenSources = []string{
	`{ a = ; b = { c.${ = 1; }; inherit (x; inherit "${y"; }`,
	`let a = 1; inherit (a) b c; d.${"e"}.f = g; in with a; { x, y ? z, ... }@w: [ x.${y} or (z ? q) ]`,
	`rec { a = { b = 1; }; a = rec { c = d; }; a.e = "${f}${''${g}''}"; }`,
	`x: { a, a ? b, }@c: let { body = ${x}; } assert x; if then else`,
	`let in`, `x:`, `{ a, ? }: 1`, `with ; x`, `"${`, `a.`, `{ a.b.c }`, `let ${x} in`,
	"''${ ''${ a } '' }''", `./a/${b`, `{ inherit; }`, `a@{`, `{ a }@`, `(((`, `{ = 1; }`,
}

func TestResolveBrokenSources(t *testing.T) {
	n := 0
	for _, src := range brokenSources {
		for i := 0; i <= len(src); i++ {
			n++
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("%q: panic: %v", src[:i], r)
					}
				}()
				fset := token.NewFileSet()
				f, _ := parser.ParseFile(fset, "broken.nix", []byte(src[:i]))
				scope.Resolve(f)
			}()
		}
	}
	t.Logf("%d broken inputs resolved", n)
}

// deepTrees builds trees far deeper than the parser allows, of every shape
// the resolver descends through.
func deepTrees(depth int) map[string]ast.Expr {
	x := func() *ast.Ident { return &ast.Ident{NamePos: 1, Name: "x"} }
	def := func(name string, v ast.Expr) ast.Binding {
		return &ast.AttrDef{Path: &ast.AttrPath{Names: []ast.AttrName{&ast.Ident{NamePos: 1, Name: name}}}, Value: v}
	}
	trees := map[string]ast.Expr{}
	var e ast.Expr = x()
	for i := 0; i < depth; i++ {
		e = &ast.Let{Bindings: []ast.Binding{def("x", x())}, Body: e}
	}
	trees["let"] = e
	e = x()
	for i := 0; i < depth; i++ {
		e = &ast.With{Env: x(), Body: e}
	}
	trees["with"] = e
	e = x()
	for i := 0; i < depth; i++ {
		e = &ast.Lambda{Param: x(), Body: e}
	}
	trees["lambda"] = e
	e = x()
	for i := 0; i < depth; i++ {
		e = &ast.AttrSet{Rec: 1, Bindings: []ast.Binding{def("x", e), def("x", &ast.Paren{X: &ast.AttrSet{}})}}
	}
	trees["set"] = e
	e = x()
	for i := 0; i < depth; i++ {
		e = &ast.Binary{X: e, Op: ast.ADD, Y: x()}
	}
	trees["binary"] = e
	e = x()
	for i := 0; i < depth; i++ {
		e = &ast.Select{X: &ast.Apply{Fun: e, Arg: x()}, Path: &ast.AttrPath{Names: []ast.AttrName{&ast.Interp{X: x()}}}}
	}
	trees["select"] = e
	return trees
}

func TestResolveDeepTrees(t *testing.T) {
	const depth = 100000
	wantUndefined := map[string]int{"let": 0, "lambda": 0, "set": 0, "with": 1, "binary": depth + 1, "select": 2*depth + 1}
	for name, e := range deepTrees(depth) {
		info := scope.Resolve(&ast.File{Expr: e})
		if got := len(info.Undefined); got != wantUndefined[name] {
			t.Errorf("%s: %d undefined, want %d", name, got, wantUndefined[name])
		}
	}
}
