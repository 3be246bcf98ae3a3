package check

import "github.com/nixlint/nixlint/parser/ast"

// preorder calls f for every expression under root, parents first, with an
// explicit stack so that no nesting depth can overflow the goroutine stack.
func preorder(root ast.Expr, f func(ast.Node)) {
	if ast.IsNil(root) {
		return
	}
	stack := []ast.Node{root}
	var kids []ast.Node
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		f(n)
		kids = kids[:0]
		ast.EachSubexpr(n, func(c ast.Node) { kids = append(kids, c) })
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, kids[i])
		}
	}
}
