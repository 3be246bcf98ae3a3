package check

import (
	"go/token"
	"path/filepath"
	"slices"
	"testing"

	"github.com/nixlint/nixlint/bench/tree"
	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/ast"
)

// preorder is the generic walk the walker replaces: every expression
// ast.EachSubexpr reaches, parents first, in source order.
func preorder(root ast.Expr, f func(ast.Node)) {
	if ast.IsNil(root) {
		return
	}
	stack := []ast.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		f(n)
		k := len(stack)
		ast.EachSubexpr(n, func(c ast.Node) { stack = append(stack, c) })
		slices.Reverse(stack[k:])
	}
}

// checked lists the nodes of root the checks look at, found by walk.
func checked(root ast.Expr, walk func(ast.Expr, func(ast.Node))) []ast.Node {
	var out []ast.Node
	walk(root, func(n ast.Node) {
		switch n.(type) {
		case *ast.Lambda, *ast.AttrSet, *ast.Let, *ast.LegacyLet:
			out = append(out, n)
		}
	})
	return out
}

// TestWalkerAgreesWithEachSubexpr checks that the walker finds the same
// nodes, in the same order, as the generic walk, on the parser corpus
// (partial trees included) and a generated repository.
func TestWalkerAgreesWithEachSubexpr(t *testing.T) {
	dirs := []string{filepath.Join("..", "..", "testdata", "parser")}
	if !testing.Short() {
		dir := t.TempDir()
		if _, err := tree.Generate(dir, 500); err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, dir)
	}
	n := 0
	for _, dir := range dirs {
		srcs, err := tree.ReadSources(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range srcs {
			f, _ := parser.ParseFile(token.NewFileSet(), s.File, s.Src)
			want := checked(f.Expr, preorder)
			var w walker
			got := checked(f.Expr, w.walk)
			if !slices.Equal(got, want) {
				t.Errorf("%s: walker found %d nodes, EachSubexpr %d, or in another order", s.File, len(got), len(want))
			}
			n += len(want)
		}
	}
	if n == 0 {
		t.Fatal("no node checked")
	}
}

// TestWalkerTypedNils checks that typed nils, which trees have after
// syntax errors, are neither visited nor followed.
func TestWalkerTypedNils(t *testing.T) {
	roots := []ast.Expr{
		(*ast.Lambda)(nil), (*ast.AttrSet)(nil), (*ast.Let)(nil), (*ast.LegacyLet)(nil),
		&ast.Apply{Fun: (*ast.Lambda)(nil), Arg: (*ast.Let)(nil)},
		&ast.List{Elems: []ast.Expr{nil, (*ast.AttrSet)(nil), &ast.AttrSet{}}},
		&ast.Lambda{Formals: &ast.Formals{List: []*ast.Formal{nil, {Default: (*ast.Let)(nil)}}}},
		&ast.AttrSet{Bindings: []ast.Binding{nil, (*ast.AttrDef)(nil), (*ast.Inherit)(nil), &ast.AttrDef{}, &ast.Inherit{Names: []ast.AttrName{nil, (*ast.String)(nil), (*ast.Interp)(nil)}}}},
		&ast.Select{X: (*ast.Paren)(nil), Path: &ast.AttrPath{Names: []ast.AttrName{(*ast.Interp)(nil)}}},
	}
	for _, root := range roots {
		want := checked(root, preorder)
		var w walker
		if got := checked(root, w.walk); !slices.Equal(got, want) {
			t.Errorf("%#v: walker found %v, EachSubexpr %v", root, got, want)
		}
	}
}
