package parser

import (
	"go/token"
	"testing"
	"unsafe"

	"github.com/nixlint/nixlint/parser/ast"
)

// TestSharedSource checks that with SharedSource the tree's names point
// into the caller's source, and without it into a copy, so that a caller
// reusing its buffer does not change a tree.
func TestSharedSource(t *testing.T) {
	const text = "{ alpha = beta; }"
	for _, mode := range []Mode{0, SharedSource} {
		src := []byte(text)
		f, errs := ParseFileMode(token.NewFileSet(), "x.nix", src, mode)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		var names []string
		ast.Inspect(f, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				names = append(names, id.Name)
			}
			return true
		})
		if len(names) != 2 || names[0] != "alpha" || names[1] != "beta" {
			t.Fatalf("mode %d: names %q, want [alpha beta]", mode, names)
		}
		p := uintptr(unsafe.Pointer(unsafe.StringData(names[0])))
		lo := uintptr(unsafe.Pointer(&src[0]))
		inSrc := p >= lo && p < lo+uintptr(len(src))
		if inSrc != (mode == SharedSource) {
			t.Errorf("mode %d: name in the caller's buffer = %v", mode, inSrc)
		}
		if mode == 0 {
			copy(src, "{ xxxxx = yyyy; }")
			if names[0] != "alpha" {
				t.Errorf("reusing the buffer changed the tree: %q", names[0])
			}
		}
	}
}
