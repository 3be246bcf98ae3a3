package ast

// Inspect traverses the tree rooted at node in depth-first order, calling
// f(node) for each node; when f returns false, the node's children are
// skipped. Like go/ast.Inspect, f(nil) is called after a node's children.
//
// The traversal is iterative over an explicit stack, so a tree as deep as
// the parser allows cannot overflow the goroutine stack: the nesting limit
// does not bound left-nested chains (a + b + c …, f a b c …), which are as
// deep as the source is long. Inspect is called for every file and for many
// small expressions, so it allocates nothing for trees of ordinary depth:
// the stack starts in a fixed array, and children are pushed onto it
// directly rather than gathered in a slice per node.
func Inspect(node Node, f func(Node) bool) {
	if node == nil || !f(node) {
		return
	}
	// The stack holds the nodes still to visit, and a nil entry where a
	// node's children end and f(nil) is due. Children are pushed in reverse
	// so that they are popped in source order. appendChildren never
	// appends a nil interface, so nil is free to serve as the marker.
	var buf [64]Node
	stack := append(buf[:0], nil)
	stack = pushChildren(stack, node)
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n == nil {
			f(nil)
			continue
		}
		if f(n) {
			stack = append(stack, nil)
			stack = pushChildren(stack, n)
		}
	}
}

// pushChildren appends the children of n to stack in reverse source order.
func pushChildren(stack []Node, n Node) []Node {
	start := len(stack)
	stack = appendChildren(stack, n)
	for i, j := start, len(stack)-1; i < j; i, j = i+1, j-1 {
		stack[i], stack[j] = stack[j], stack[i]
	}
	return stack
}

// Children returns the direct children of n in source order. Nil optional
// children are omitted.
func Children(n Node) []Node {
	return appendChildren(nil, n)
}

// add appends c to out unless c is a nil interface. A nil pointer of a
// concrete node type is appended, as it always was: the parser never leaves
// such fields nil in a tree without syntax errors, and the optional ones are
// tested by the callers below.
func add(out []Node, c Node) []Node {
	if c == nil {
		return out
	}
	return append(out, c)
}

// appendChildren appends the direct children of n to out in source order.
func appendChildren(out []Node, n Node) []Node {
	switch n := n.(type) {
	case *File:
		if n.Expr != nil {
			out = add(out, n.Expr)
		}
	case *String:
		for _, p := range n.Parts {
			out = add(out, p)
		}
	case *Path:
		for _, p := range n.Parts {
			out = add(out, p)
		}
	case *Paren:
		out = addExpr(out, n.X)
	case *List:
		for _, e := range n.Elems {
			out = addExpr(out, e)
		}
	case *AttrSet:
		for _, b := range n.Bindings {
			out = add(out, b)
		}
	case *Let:
		for _, b := range n.Bindings {
			out = add(out, b)
		}
		out = addExpr(out, n.Body)
	case *LegacyLet:
		for _, b := range n.Bindings {
			out = add(out, b)
		}
	case *Select:
		out = addExpr(out, n.X)
		out = append(out, n.Path)
		if n.Default != nil {
			out = add(out, n.Default)
		}
	case *HasAttr:
		out = addExpr(out, n.X)
		out = append(out, n.Path)
	case *Apply:
		out = addExpr(out, n.Fun)
		out = addExpr(out, n.Arg)
	case *Unary:
		out = addExpr(out, n.X)
	case *Binary:
		out = addExpr(out, n.X)
		out = addExpr(out, n.Y)
	case *If:
		out = addExpr(out, n.Cond)
		out = addExpr(out, n.Then)
		out = addExpr(out, n.Else)
	case *With:
		out = addExpr(out, n.Env)
		out = addExpr(out, n.Body)
	case *Assert:
		out = addExpr(out, n.Cond)
		out = addExpr(out, n.Body)
	case *Lambda:
		if n.Param != nil && (n.Formals == nil || n.AtFirst) {
			out = append(out, n.Param)
		}
		if n.Formals != nil {
			out = append(out, n.Formals)
		}
		if n.Param != nil && n.Formals != nil && !n.AtFirst {
			out = append(out, n.Param)
		}
		out = addExpr(out, n.Body)
	case *Formals:
		for _, f := range n.List {
			out = append(out, f)
		}
	case *Formal:
		out = append(out, n.Name)
		if n.Default != nil {
			out = add(out, n.Default)
		}
	case *Interp:
		out = addExpr(out, n.X)
	case *AttrPath:
		for _, a := range n.Names {
			out = add(out, a)
		}
	case *AttrDef:
		out = append(out, n.Path)
		out = addExpr(out, n.Value)
	case *Inherit:
		if n.From != nil {
			out = add(out, n.From)
		}
		for _, a := range n.Names {
			out = add(out, a)
		}
	}
	return out
}

// addExpr is add for an Expr field: a nil Expr is omitted.
func addExpr(out []Node, e Expr) []Node {
	if e == nil {
		return out
	}
	return append(out, e)
}
