package check

import (
	"slices"

	"github.com/nixlint/nixlint/parser/ast"
)

// preorder calls f for every expression under root, parents first, with an
// explicit stack so that no nesting depth can overflow the goroutine stack.
func preorder(root ast.Expr, f func(ast.Node)) {
	if ast.IsNil(root) {
		return
	}
	stack := make([]ast.Node, 1, 64)
	stack[0] = root
	push := func(c ast.Node) { stack = append(stack, c) }
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		f(n)
		// The children go straight onto the stack, then are reversed in
		// place so that the first one is visited first.
		k := len(stack)
		ast.EachSubexpr(n, push)
		slices.Reverse(stack[k:])
	}
}
