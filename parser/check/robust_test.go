package check_test

import (
	"go/token"
	"runtime/debug"
	"testing"

	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/ast"
	"github.com/nixlint/nixlint/parser/check"
)

// TestFilePartialTrees feeds trees with the nil fields and typed nils a
// parser may leave after syntax errors.
func TestFilePartialTrees(t *testing.T) {
	id := &ast.Ident{NamePos: 1, Name: "a"}
	bindings := []ast.Binding{
		nil, (*ast.AttrDef)(nil), (*ast.Inherit)(nil), &ast.AttrDef{},
		&ast.AttrDef{Path: &ast.AttrPath{}},
		&ast.AttrDef{Path: &ast.AttrPath{Names: []ast.AttrName{nil}}},
		&ast.AttrDef{Path: &ast.AttrPath{Names: []ast.AttrName{(*ast.Interp)(nil)}}},
		&ast.AttrDef{Path: &ast.AttrPath{Names: []ast.AttrName{&ast.Interp{}}}},
		&ast.AttrDef{Path: &ast.AttrPath{Names: []ast.AttrName{id, id}}},
		&ast.AttrDef{Path: &ast.AttrPath{Names: []ast.AttrName{id}}, Value: (*ast.AttrSet)(nil)},
		&ast.Inherit{Names: []ast.AttrName{nil, (*ast.String)(nil), &ast.String{Parts: []ast.StringPart{&ast.Interp{}}}, id, id}},
	}
	trees := []ast.Expr{
		nil, (*ast.Let)(nil), &ast.BadExpr{},
		&ast.Let{Bindings: bindings},
		&ast.AttrSet{Bindings: bindings},
		&ast.LegacyLet{Bindings: bindings},
		&ast.Lambda{},
		&ast.Lambda{Param: id, Formals: &ast.Formals{List: []*ast.Formal{nil, {}, {Name: id}, {Name: id}}}},
		&ast.Apply{Fun: &ast.Lambda{Formals: &ast.Formals{}}, Arg: (*ast.Lambda)(nil)},
		&ast.Select{}, &ast.HasAttr{}, &ast.With{}, &ast.Assert{}, &ast.If{},
	}
	fset := token.NewFileSet()
	if errs := check.File(fset, nil, nil); errs != nil {
		t.Errorf("File(nil) = %v", errs)
	}
	for i, e := range trees {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("tree %d (%T): panic: %v\n%s", i, e, r, debug.Stack())
				}
			}()
			check.File(fset, &ast.File{Expr: e}, nil)
		}()
	}
}

// TestFileBrokenSources checks every prefix of syntactically broken and
// valid inputs: the partial trees the parser recovers must not crash File.
func TestFileBrokenSources(t *testing.T) {
	sources := []string{
		`{ a = ; b = { c.${ = 1; }; inherit (x; inherit "${y"; }`,
		`let a = 1; inherit (a) b c; d.${"e"}.f = g; in with a; { x, y ? z, ... }@w: [ x.${y} or (z ? q) ]`,
		`rec { a = { b = 1; }; a = rec { c = d; }; a.e = "${f}${''${g}''}"; a.e.f = 1; }`,
		`x: { a, a ? b, }@a: let { body = ${x}; } assert x; if then else`,
		`let ${x} = 1; "${y}".z = 2; inherit ${w}; in { inherit "${v}"; }`,
	}
	for _, src := range sources {
		for i := 0; i <= len(src); i++ {
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("%q: panic: %v", src[:i], r)
					}
				}()
				fset := token.NewFileSet()
				f, _ := parser.ParseFile(fset, "broken.nix", []byte(src[:i]))
				check.File(fset, f, nil)
			}()
		}
	}
}

// TestFileDeepTree checks a tree far deeper than the parser allows.
func TestFileDeepTree(t *testing.T) {
	const depth = 100000
	x := func() *ast.Ident { return &ast.Ident{NamePos: 1, Name: "x"} }
	var e ast.Expr = x()
	for i := 0; i < depth; i++ {
		e = &ast.Lambda{Formals: &ast.Formals{List: []*ast.Formal{{Name: x()}, {Name: x()}}},
			Body: &ast.Let{Bindings: []ast.Binding{&ast.AttrDef{Path: &ast.AttrPath{Names: []ast.AttrName{&ast.Interp{X: x()}}}, Value: x()}}, Body: e}}
	}
	fset := token.NewFileSet()
	fset.AddFile("deep.nix", -1, 10)
	errs := check.File(fset, &ast.File{Expr: e}, nil)
	if len(errs) != 2*depth {
		t.Errorf("%d errors, want %d (a duplicate formal and a dynamic let per level)", len(errs), 2*depth)
	}
}
