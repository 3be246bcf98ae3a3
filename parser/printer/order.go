package printer

import (
	"github.com/nixlint/nixlint/parser/ast"
)

// orderSymbols records for the symbol-order model (symbols.go) what Nix's
// parser does for e: it visits the tree in the order in which Nix 2.8's
// grammar actions run, a post-order walk of the parse tree, creating
// symbols and charging allocations as they do, and builds nothing. The
// printer then only looks up the symbols' keys to order formals and let
// bindings.
//
// What is charged where follows Nix's parser.y: it is the model fitted in
// symbols.go, and any change here changes the order of printed formals and
// let bindings. Symbols Nix creates before reading a file (the builtins
// operators desugar to, __nixPath, ...) are not created again: creating
// them changes nothing.
func (t *symtab) orderSymbols(e ast.Expr) {
	if t.stop {
		return // the walk has recorded what was asked
	}
	switch e := e.(type) {
	case *ast.Ident:
		if e.Name == "__curPos" {
			return
		}
		t.alloc(costVar)
		t.create(e.Name)
	case *ast.Int, *ast.Float:
		t.alloc(costInt)
	case *ast.URI:
		t.alloc(costString)
	case *ast.String:
		t.orderString(e)
	case *ast.Path:
		if e.Kind != ast.PathSearch {
			t.orderParts(e.Parts)
		}
	case *ast.Paren:
		t.orderSymbols(e.X)
	case *ast.List:
		t.alloc(costNode + 8*len(e.Elems))
		for _, x := range e.Elems {
			t.orderSymbols(x)
		}
	case *ast.AttrSet:
		t.alloc(costAttrSet)
		t.orderBinds(e.Bindings)
	case *ast.Let:
		t.orderBinds(e.Bindings)
		t.orderSymbols(e.Body)
	case *ast.LegacyLet:
		t.orderBinds(e.Bindings)
		t.create("body")
	case *ast.Select:
		t.alloc(costNode)
		t.orderSymbols(e.X)
		t.orderPath(e.Path)
		if e.Default != nil {
			t.orderSymbols(e.Default)
		}
	case *ast.HasAttr:
		t.orderSymbols(e.X)
		t.orderPath(e.Path)
	case *ast.Apply:
		t.alloc(costNode)
		t.orderSymbols(e.Fun)
		t.orderSymbols(e.Arg)
	case *ast.Unary:
		t.orderSymbols(e.X)
	case *ast.Binary:
		t.alloc(costNode)
		t.orderSymbols(e.X)
		t.orderSymbols(e.Y)
	case *ast.If:
		t.orderSymbols(e.Cond)
		t.orderSymbols(e.Then)
		t.orderSymbols(e.Else)
	case *ast.With:
		t.orderSymbols(e.Env)
		t.orderSymbols(e.Body)
	case *ast.Assert:
		t.orderSymbols(e.Cond)
		t.orderSymbols(e.Body)
	case *ast.Lambda:
		t.orderLambda(e)
	}
}

func (t *symtab) orderLambda(e *ast.Lambda) {
	t.alloc(costNode)
	if e.Formals != nil {
		for _, x := range e.Formals.List {
			if x == nil || x.Name == nil {
				continue
			}
			// The formal's name is interned after its default.
			if x.Default != nil {
				t.orderSymbols(x.Default)
				t.alloc(costFormalDef)
			}
			t.alloc(costFormal)
			t.create(x.Name.Name)
		}
	}
	t.orderSymbols(e.Body)
	if e.Param != nil {
		// The argument name is interned when the whole lambda is reduced.
		t.create(e.Param.Name)
	}
}

// orderString is the model's view of a string literal (see printString).
func (t *symtab) orderString(s *ast.String) {
	t.alloc(costString)
	if s.Indented || hasInterp(s) {
		t.orderParts(s.Parts)
	}
}

// orderParts visits string pieces, charging the text of those long enough
// to leave a std::string's small-string buffer.
func (t *symtab) orderParts(ps []ast.StringPart) {
	for _, p := range ps {
		switch p := p.(type) {
		case *ast.Text:
			if n := len(p.Value); n > 15 {
				t.alloc((n + 1 + 8 + 15) &^ 15)
			}
		case *ast.Interp:
			t.orderSymbols(p.X)
		}
	}
}

// orderPath visits an attribute path: names known without evaluation
// become symbols, as in Nix's attrpath rule.
func (t *symtab) orderPath(p *ast.AttrPath) {
	if p == nil {
		return
	}
	for _, n := range p.Names {
		t.orderName(n)
	}
}

func (t *symtab) orderName(n ast.AttrName) {
	switch n := n.(type) {
	case *ast.Ident:
		t.create(n.Name)
	case *ast.String:
		t.orderString(n)
		if s, ok := staticString(n); ok {
			t.create(s)
		}
	case *ast.Interp:
		t.orderSymbols(n.X)
		if s, ok := staticString(n.X); ok {
			t.create(s)
		}
	}
}

func (t *symtab) orderBinds(bs []ast.Binding) {
	for _, b := range bs {
		switch b := b.(type) {
		case *ast.AttrDef:
			t.alloc(costAttrDef)
			t.orderPath(b.Path)
			t.orderSymbols(b.Value)
		case *ast.Inherit:
			if b.From != nil {
				t.orderSymbols(b.From)
			}
			for _, n := range b.Names {
				t.orderName(n)
			}
		}
	}
}
