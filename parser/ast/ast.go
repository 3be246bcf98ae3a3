// Package ast declares the types used to represent the syntax tree of a Nix
// file, in the spirit of go/ast.
//
// The tree is concrete: it keeps the source's structure (parentheses, dotted
// attribute paths, operator tokens, string parts) rather than the desugared
// form Nix evaluates. The canonical printer in package printer performs Nix's
// desugaring when it prints. Every node knows its source range through Pos
// and End, which are offsets in a go/token.FileSet. Comments are collected
// beside the tree in File.Comments, as go/ast does.
package ast

import "go/token"

// Node is implemented by every node of the tree.
type Node interface {
	Pos() token.Pos // position of the first byte of the node
	End() token.Pos // position of the byte just after the node
}

// Expr is implemented by every expression node.
type Expr interface {
	Node
	exprNode()
}

// File is one parsed .nix file.
type File struct {
	Name     string      // file name as given to the parser
	Expr     Expr        // the file's expression; nil when nothing could be parsed
	Comments []*Comment  // every comment in source order
	Tok      *token.File // line table of the file, for positions
}

// Pos returns the start of the file's expression, or the file base when empty.
func (f *File) Pos() token.Pos {
	if f.Expr != nil {
		return f.Expr.Pos()
	}
	return token.Pos(f.Tok.Base())
}

// End returns the end of the file's expression, or the file base when empty.
func (f *File) End() token.Pos {
	if f.Expr != nil {
		return f.Expr.End()
	}
	return token.Pos(f.Tok.Base())
}

// Comment is a `# line` or `/* block */` comment.
type Comment struct {
	Start token.Pos
	Text  string // the comment as written, including its delimiters ('#' or "/*" "*/"), without the newline
}

// Pos returns the position of the comment's first byte.
func (c *Comment) Pos() token.Pos { return c.Start }

// End returns the position just after the comment.
func (c *Comment) End() token.Pos { return c.Start + token.Pos(len(c.Text)) }

// Block reports whether c is a /* */ comment.
func (c *Comment) Block() bool { return len(c.Text) >= 2 && c.Text[0] == '/' }

// ---------------------------------------------------------------------------
// Expressions

type (
	// BadExpr stands in for an expression that could not be parsed.
	BadExpr struct {
		From, To token.Pos
	}

	// Ident is a variable reference such as `pkgs`, `true` or `__curPos`.
	Ident struct {
		NamePos token.Pos
		Name    string
	}

	// Int is an integer literal.
	Int struct {
		ValuePos token.Pos
		Lit      string // as written
		Value    int64
	}

	// Float is a floating-point literal.
	Float struct {
		ValuePos token.Pos
		Lit      string // as written
		Value    float64
	}

	// String is a "double-quoted" or ''indented'' string. Parts holds the
	// literal text (escapes decoded and, for indented strings, indentation
	// already stripped exactly as Nix does) and the interpolations in order.
	String struct {
		Open     token.Pos // position of `"` or `''`
		Close    token.Pos // position just after the closing delimiter
		Indented bool
		Parts    []StringPart
	}

	// Path is a path literal: relative (`./a`, `a/b`), absolute (`/a`), in the
	// home directory (`~/a`), or a search path (`<nixpkgs>`). Paths may contain
	// interpolations (`./a/${b}`), kept in Parts; for a search path Parts
	// holds a single Text without the angle brackets.
	Path struct {
		Start, Stop token.Pos
		Kind        PathKind
		Parts       []StringPart
	}

	// URI is an unquoted URI literal such as `https://example.org/x`.
	URI struct {
		ValuePos token.Pos
		Value    string
	}

	// Paren is a parenthesised expression.
	Paren struct {
		Lparen token.Pos
		X      Expr
		Rparen token.Pos
	}

	// List is `[ e1 e2 ... ]`.
	List struct {
		Lbrack token.Pos
		Elems  []Expr
		Rbrack token.Pos
	}

	// AttrSet is `{ bindings }` or `rec { bindings }`.
	AttrSet struct {
		Rec      token.Pos // position of `rec`, or token.NoPos
		Lbrace   token.Pos
		Bindings []Binding
		Rbrace   token.Pos
	}

	// Let is `let bindings in body`.
	Let struct {
		LetPos   token.Pos
		Bindings []Binding
		In       token.Pos
		Body     Expr
	}

	// LegacyLet is the old `let { bindings }` form, whose value is the
	// `body` attribute of the recursive set.
	LegacyLet struct {
		LetPos   token.Pos
		Lbrace   token.Pos
		Bindings []Binding
		Rbrace   token.Pos
	}

	// Select is `x.a.b` or `x.a.b or default`.
	Select struct {
		X       Expr
		Path    *AttrPath
		OrPos   token.Pos // position of `or`, or token.NoPos
		Default Expr      // nil without `or`
	}

	// HasAttr is `x ? a.b`.
	HasAttr struct {
		From     token.Pos // X.Pos(), cached: see Apply.From
		X        Expr
		Question token.Pos
		Path     *AttrPath
	}

	// Apply is function application `fun arg`. `f a b` is Apply{Apply{f a} b}.
	Apply struct {
		// From caches Fun.Pos(). Application and left-associative
		// operators build left spines as long as the source (f a b …,
		// a + b + …), so computing Pos recursively would make a walk
		// that asks every node for its position quadratic. The parser
		// sets it; when it is NoPos, Pos falls back to Fun.Pos().
		From token.Pos
		Fun  Expr
		Arg  Expr
		// LegacyOr marks Nix's backward-compatible `x or`, which
		// applies x to a variable named `or` (Arg). Nix builds a new
		// call for it even when x is itself a call, where `f a b`
		// appends b to the call `f a`: `(f a) or` prints as
		// `((f a) or)`, not `(f a or)`.
		LegacyOr bool
	}

	// Unary is `!x` or `-x`.
	Unary struct {
		OpPos token.Pos
		Op    Token // NOT or SUB
		X     Expr
	}

	// Binary is `x op y` for every binary operator, including the pipe
	// operators `|>` and `<|`.
	Binary struct {
		From  token.Pos // X.Pos(), cached: see Apply.From
		X     Expr
		OpPos token.Pos
		Op    Token
		Y     Expr
	}

	// If is `if cond then a else b`.
	If struct {
		IfPos token.Pos
		Cond  Expr
		Then  Expr
		Else  Expr
	}

	// With is `with env; body`.
	With struct {
		WithPos token.Pos
		Env     Expr
		Semi    token.Pos
		Body    Expr
	}

	// Assert is `assert cond; body`.
	Assert struct {
		AssertPos token.Pos
		Cond      Expr
		Semi      token.Pos
		Body      Expr
	}

	// Lambda is a function. Exactly one of Param and Formals is set, or both
	// with an `@` pattern: `args @ { a, ... }` (AtFirst) or `{ a, ... } @ args`.
	Lambda struct {
		Param   *Ident   // `x:` or the name of an @ pattern; nil otherwise
		Formals *Formals // `{ a, b ? 1, ... }:`; nil otherwise
		AtFirst bool     // the @ pattern is written before the formals
		Colon   token.Pos
		Body    Expr
	}
)

// Formals is the `{ a, b ? default, ... }` pattern of a lambda.
type Formals struct {
	Lbrace   token.Pos
	List     []*Formal
	Ellipsis token.Pos // position of `...`, or token.NoPos
	Rbrace   token.Pos
}

// Formal is one `name` or `name ? default` of a Formals pattern.
type Formal struct {
	Name     *Ident
	Question token.Pos // position of `?`, or token.NoPos
	Default  Expr      // nil without default
}

// Pos returns the position of the formal's name.
func (f *Formal) Pos() token.Pos { return f.Name.Pos() }

// End returns the end of the formal's default, or of its name.
func (f *Formal) End() token.Pos {
	if f.Default != nil {
		return f.Default.End()
	}
	return f.Name.End()
}

// Pos returns the position of `{`.
func (f *Formals) Pos() token.Pos { return f.Lbrace }

// End returns the position just after `}`.
func (f *Formals) End() token.Pos { return f.Rbrace + 1 }

// PathKind distinguishes the forms of path literals.
type PathKind int

// The kinds of path literals.
const (
	PathRelative PathKind = iota // ./a, ../a, a/b
	PathAbsolute                 // /a
	PathHome                     // ~/a
	PathSearch                   // <nixpkgs>
)

// ---------------------------------------------------------------------------
// String parts

// StringPart is a piece of a String or Path: *Text or *Interp.
type StringPart interface {
	Node
	stringPart()
}

// Text is literal text inside a string or path. Value is the decoded text
// (escapes resolved, indentation stripped); Start and Stop delimit the
// source it came from.
type Text struct {
	Start, Stop token.Pos
	Value       string
}

// Interp is an interpolation `${ expr }`, inside a string, a path or as a
// dynamic attribute name.
type Interp struct {
	Dollar token.Pos // position of `${`
	X      Expr
	Rbrace token.Pos // position of `}`
}

// ---------------------------------------------------------------------------
// Attribute paths and bindings

// AttrPath is a dotted attribute path `a.b."c".${d}`.
type AttrPath struct {
	Names []AttrName
}

// AttrName is one segment of an attribute path: *Ident (plain name),
// *String (quoted name, possibly with interpolations) or *Interp (`${e}`).
type AttrName interface {
	Node
	attrName()
}

// Binding is an element of an attribute set or let: *AttrDef or *Inherit.
type Binding interface {
	Node
	binding()
}

// AttrDef is `path = value;`.
type AttrDef struct {
	Path  *AttrPath
	Eq    token.Pos
	Value Expr
	Semi  token.Pos
}

// Inherit is `inherit a b;` or `inherit (from) a b;`.
type Inherit struct {
	InheritPos token.Pos
	From       Expr // nil for a plain inherit
	Names      []AttrName
	Semi       token.Pos
}

// ---------------------------------------------------------------------------
// Positions

func (x *BadExpr) Pos() token.Pos { return x.From }
func (x *Ident) Pos() token.Pos   { return x.NamePos }
func (x *Int) Pos() token.Pos     { return x.ValuePos }
func (x *Float) Pos() token.Pos   { return x.ValuePos }
func (x *String) Pos() token.Pos  { return x.Open }
func (x *Path) Pos() token.Pos    { return x.Start }
func (x *URI) Pos() token.Pos     { return x.ValuePos }
func (x *Paren) Pos() token.Pos   { return x.Lparen }
func (x *List) Pos() token.Pos    { return x.Lbrack }
func (x *AttrSet) Pos() token.Pos {
	if x.Rec.IsValid() {
		return x.Rec
	}
	return x.Lbrace
}
func (x *Let) Pos() token.Pos       { return x.LetPos }
func (x *LegacyLet) Pos() token.Pos { return x.LetPos }
func (x *Select) Pos() token.Pos    { return x.X.Pos() }
func (x *HasAttr) Pos() token.Pos {
	if x.From.IsValid() {
		return x.From
	}
	return x.X.Pos()
}
func (x *Apply) Pos() token.Pos {
	if x.From.IsValid() {
		return x.From
	}
	return x.Fun.Pos()
}
func (x *Unary) Pos() token.Pos { return x.OpPos }
func (x *Binary) Pos() token.Pos {
	if x.From.IsValid() {
		return x.From
	}
	return x.X.Pos()
}
func (x *If) Pos() token.Pos     { return x.IfPos }
func (x *With) Pos() token.Pos   { return x.WithPos }
func (x *Assert) Pos() token.Pos { return x.AssertPos }
func (x *Lambda) Pos() token.Pos {
	switch {
	case x.Param != nil && (x.Formals == nil || x.AtFirst):
		return x.Param.Pos()
	case x.Formals != nil:
		return x.Formals.Pos()
	}
	return x.Colon
}
func (x *Text) Pos() token.Pos     { return x.Start }
func (x *Interp) Pos() token.Pos   { return x.Dollar }
func (x *AttrPath) Pos() token.Pos { return x.Names[0].Pos() }
func (x *AttrDef) Pos() token.Pos  { return x.Path.Pos() }
func (x *Inherit) Pos() token.Pos  { return x.InheritPos }

func (x *BadExpr) End() token.Pos   { return x.To }
func (x *Ident) End() token.Pos     { return x.NamePos + token.Pos(len(x.Name)) }
func (x *Int) End() token.Pos       { return x.ValuePos + token.Pos(len(x.Lit)) }
func (x *Float) End() token.Pos     { return x.ValuePos + token.Pos(len(x.Lit)) }
func (x *String) End() token.Pos    { return x.Close }
func (x *Path) End() token.Pos      { return x.Stop }
func (x *URI) End() token.Pos       { return x.ValuePos + token.Pos(len(x.Value)) }
func (x *Paren) End() token.Pos     { return x.Rparen + 1 }
func (x *List) End() token.Pos      { return x.Rbrack + 1 }
func (x *AttrSet) End() token.Pos   { return x.Rbrace + 1 }
func (x *Let) End() token.Pos       { return x.Body.End() }
func (x *LegacyLet) End() token.Pos { return x.Rbrace + 1 }
func (x *Select) End() token.Pos {
	if x.Default != nil {
		return x.Default.End()
	}
	return x.Path.End()
}
func (x *HasAttr) End() token.Pos  { return x.Path.End() }
func (x *Apply) End() token.Pos    { return x.Arg.End() }
func (x *Unary) End() token.Pos    { return x.X.End() }
func (x *Binary) End() token.Pos   { return x.Y.End() }
func (x *If) End() token.Pos       { return x.Else.End() }
func (x *With) End() token.Pos     { return x.Body.End() }
func (x *Assert) End() token.Pos   { return x.Body.End() }
func (x *Lambda) End() token.Pos   { return x.Body.End() }
func (x *Text) End() token.Pos     { return x.Stop }
func (x *Interp) End() token.Pos   { return x.Rbrace + 1 }
func (x *AttrPath) End() token.Pos { return x.Names[len(x.Names)-1].End() }
func (x *AttrDef) End() token.Pos  { return x.Semi + 1 }
func (x *Inherit) End() token.Pos  { return x.Semi + 1 }

func (*BadExpr) exprNode()   {}
func (*Ident) exprNode()     {}
func (*Int) exprNode()       {}
func (*Float) exprNode()     {}
func (*String) exprNode()    {}
func (*Path) exprNode()      {}
func (*URI) exprNode()       {}
func (*Paren) exprNode()     {}
func (*List) exprNode()      {}
func (*AttrSet) exprNode()   {}
func (*Let) exprNode()       {}
func (*LegacyLet) exprNode() {}
func (*Select) exprNode()    {}
func (*HasAttr) exprNode()   {}
func (*Apply) exprNode()     {}
func (*Unary) exprNode()     {}
func (*Binary) exprNode()    {}
func (*If) exprNode()        {}
func (*With) exprNode()      {}
func (*Assert) exprNode()    {}
func (*Lambda) exprNode()    {}

func (*Text) stringPart()   {}
func (*Interp) stringPart() {}

func (*Ident) attrName()  {}
func (*String) attrName() {}
func (*Interp) attrName() {}

func (*AttrDef) binding() {}
func (*Inherit) binding() {}

// ---------------------------------------------------------------------------
// Helpers shared by the analyses

// StaticName returns the name of an attribute path segment when it is known
// without evaluation: a plain identifier, a string without interpolation, or
// an interpolation of such a string (`${"a"}`), as Nix itself treats them.
func StaticName(n AttrName) (string, bool) {
	switch n := n.(type) {
	case *Ident:
		return n.Name, true
	case *String:
		return n.StaticValue()
	case *Interp:
		if s, ok := Unparen(n.X).(*String); ok {
			return s.StaticValue()
		}
	}
	return "", false
}

// StaticValue returns the string's value when it has no interpolation.
func (x *String) StaticValue() (string, bool) {
	switch len(x.Parts) {
	case 0:
		return "", true
	case 1:
		if t, ok := x.Parts[0].(*Text); ok {
			return t.Value, true
		}
	}
	return "", false
}

// Unparen strips any parentheses around e. A nil *Paren (in a partial
// tree) is returned as it is.
func Unparen(e Expr) Expr {
	for {
		p, ok := e.(*Paren)
		if !ok || p == nil {
			return e
		}
		e = p.X
	}
}
