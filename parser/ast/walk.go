package ast

// Inspect traverses the tree rooted at node in depth-first order, calling
// f(node) for each node; when f returns false, the node's children are
// skipped. Like go/ast.Inspect, f(nil) is called after a node's children.
//
// The traversal is iterative over an explicit stack, so a tree as deep as
// the parser allows cannot overflow the goroutine stack.
func Inspect(node Node, f func(Node) bool) {
	if node == nil {
		return
	}
	type frame struct {
		node     Node
		children []Node
		next     int
	}
	if !f(node) {
		return
	}
	stack := []frame{{node: node, children: Children(node)}}
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if top.next == len(top.children) {
			stack = stack[:len(stack)-1]
			f(nil)
			continue
		}
		child := top.children[top.next]
		top.next++
		if f(child) {
			stack = append(stack, frame{node: child, children: Children(child)})
		}
	}
}

// Children returns the direct children of n in source order. Nil optional
// children are omitted.
func Children(n Node) []Node {
	var out []Node
	add := func(c Node) {
		switch c := c.(type) {
		case nil:
		case Expr:
			if c != nil {
				out = append(out, c)
			}
		default:
			out = append(out, c)
		}
	}
	switch n := n.(type) {
	case *File:
		if n.Expr != nil {
			add(n.Expr)
		}
	case *String:
		for _, p := range n.Parts {
			add(p)
		}
	case *Path:
		for _, p := range n.Parts {
			add(p)
		}
	case *Paren:
		add(n.X)
	case *List:
		for _, e := range n.Elems {
			add(e)
		}
	case *AttrSet:
		for _, b := range n.Bindings {
			add(b)
		}
	case *Let:
		for _, b := range n.Bindings {
			add(b)
		}
		add(n.Body)
	case *LegacyLet:
		for _, b := range n.Bindings {
			add(b)
		}
	case *Select:
		add(n.X)
		add(n.Path)
		if n.Default != nil {
			add(n.Default)
		}
	case *HasAttr:
		add(n.X)
		add(n.Path)
	case *Apply:
		add(n.Fun)
		add(n.Arg)
	case *Unary:
		add(n.X)
	case *Binary:
		add(n.X)
		add(n.Y)
	case *If:
		add(n.Cond)
		add(n.Then)
		add(n.Else)
	case *With:
		add(n.Env)
		add(n.Body)
	case *Assert:
		add(n.Cond)
		add(n.Body)
	case *Lambda:
		if n.Param != nil && (n.Formals == nil || n.AtFirst) {
			add(n.Param)
		}
		if n.Formals != nil {
			add(n.Formals)
		}
		if n.Param != nil && n.Formals != nil && !n.AtFirst {
			add(n.Param)
		}
		add(n.Body)
	case *Formals:
		for _, f := range n.List {
			add(f)
		}
	case *Formal:
		add(n.Name)
		if n.Default != nil {
			add(n.Default)
		}
	case *Interp:
		add(n.X)
	case *AttrPath:
		for _, a := range n.Names {
			add(a)
		}
	case *AttrDef:
		add(n.Path)
		add(n.Value)
	case *Inherit:
		if n.From != nil {
			add(n.From)
		}
		for _, a := range n.Names {
			add(a)
		}
	}
	return out
}
