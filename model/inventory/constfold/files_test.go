package constfold

import (
	"go/token"
	"sync"
	"testing"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/ast"
)

// TestFilesLazy checks that Folders handed out by Files resolve a file's
// scopes only when they fold, once for all of them, and that Folders used
// from several goroutines (as the registry and the inventory do) fold
// alike (run with -race).
func TestFilesLazy(t *testing.T) {
	src := []byte("let a = 40; b = a + 2; c = c; in { v = b; w = c; }")
	f, errs := parser.ParseFile(token.NewFileSet(), "t.nix", src)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	file := &analysis.File{Path: "t.nix", Src: src, AST: f}
	values := map[string]ast.Expr{}
	ast.Inspect(f, func(n ast.Node) bool {
		if d, ok := n.(*ast.AttrDef); ok {
			if name, _ := ast.StaticName(d.Path.Names[0]); name == "v" || name == "w" {
				values[name] = d.Value
			}
		}
		return true
	})

	fs := &Files{scopes: map[*analysis.File]*lazyScope{}}
	idle := fs.For(file)
	if len(fs.scopes) != 0 || idle.info != nil {
		t.Fatalf("For resolved the file before any fold")
	}
	var wg sync.WaitGroup
	folders := make([]*Folder, 4)
	for i := range folders {
		folders[i] = fs.For(file)
		wg.Add(1)
		go func(fo *Folder) {
			defer wg.Done()
			if v := fo.Eval(values["v"]); v.Kind != Int || v.Int != 42 {
				t.Errorf("v = %v, want 42", v)
			}
			if v := fo.Eval(values["w"]); v.Known() || v.Reason == "" {
				t.Errorf("w = %+v, want unknown (a cycle)", v)
			}
		}(folders[i])
	}
	wg.Wait()
	if len(fs.scopes) != 1 {
		t.Errorf("%d files resolved, want 1", len(fs.scopes))
	}
	for _, fo := range folders[1:] {
		if fo.info != folders[0].info {
			t.Errorf("folders resolved the file separately")
		}
	}
}
