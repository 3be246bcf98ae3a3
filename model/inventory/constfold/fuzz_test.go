package constfold_test

import (
	"go/token"
	"testing"

	"github.com/nixlint/nixlint/model/inventory/constfold"
	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/ast"
	"github.com/nixlint/nixlint/parser/scope"
)

// FuzzFold folds every expression and attribute name of arbitrary input:
// nothing may panic or hang, whatever the tree. `go test` runs the seeds;
// `go test -fuzz FuzzFold` explores.
func FuzzFold(f *testing.F) {
	for _, seed := range []string{
		`let a = b; b = a; in { v = a.x.y or a; }`,
		`rec { a = { inherit a; }; v = a.a.a.a; }`,
		`let s = { ${x} = 1; }; x = "a"; in s.a + s.${x}`,
		`{ a.b = 1; a = { c = 2; }; } // { v = "${"${"x"}"}"; }`,
		`let inherit (a) b; a = { inherit b; }; in b`,
		`x: { inherit (x) y; v = y + -9223372036854775807 - 2; }`,
		`let l = l ++ [ 1 ]; in l`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		fset := token.NewFileSet()
		file, _ := parser.ParseFile(fset, "f.nix", []byte(src))
		if file == nil {
			return
		}
		fo := constfold.New(scope.Resolve(file))
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case ast.Expr:
				fo.Eval(n)
				fo.List(n)
				fo.Entries(n)
				fo.Unalias(n)
			case *ast.AttrPath:
				for _, name := range n.Names {
					fo.Name(name)
				}
			}
			return true
		})
	})
}
