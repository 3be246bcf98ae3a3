package constfold

import (
	"fmt"
	"math"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/parser/ast"
	"github.com/nixlint/nixlint/parser/scope"
)

// maxDepth bounds how deep folding follows expressions and bindings. Real
// constants are shallow; the bound keeps hostile inputs (a thousand nested
// lets, long `+` chains) from using the goroutine stack.
const maxDepth = 200

// maxSteps bounds the work of one fold: `let a = b + b; b = c + c; …`
// doubles it at every binding, which depth alone does not bound.
const maxSteps = 20000

// A Folder folds the expressions of one file. It is not safe for
// concurrent use.
type Folder struct {
	info *scope.Info
	// files and file supply info on first use (see Files).
	files *Files
	file  *analysis.File
	depth int
	steps int // work done by the current top-level fold
	// active holds the bindings being folded, to stop on cycles; nil
	// until a binding is followed.
	active map[*scope.Binding]bool
}

// New returns a Folder for the file whose variables info resolves. A nil
// info folds only literals: every variable is Unknown.
func New(info *scope.Info) *Folder {
	if info == nil {
		info = &scope.Info{}
	}
	return &Folder{info: info}
}

// ensure resolves the scopes of a lazily created Folder: most files hold
// no VM, and resolving costs as much as parsing.
func (f *Folder) ensure() {
	if f.info == nil {
		f.info = &scope.Info{}
		if f.files != nil {
			f.info = f.files.scope(f.file)
			f.files, f.file = nil, nil
		}
	}
}

// follow marks binding b as being folded; the caller deletes it when
// done.
func (f *Folder) follow(b *scope.Binding) {
	if f.active == nil {
		f.active = map[*scope.Binding]bool{}
	}
	f.active[b] = true
}

// Eval folds e.
func (f *Folder) Eval(e ast.Expr) (v Value) {
	f.ensure()
	if isNil(e) {
		return unknown(0, 0, "is missing")
	}
	if !f.enter() {
		defer f.leave()
		return unknown(e.Pos(), e.End(), "is too large or nested too deeply to fold")
	}
	defer f.leave()
	known := func(v Value) Value {
		if v.Known() {
			v.Pos, v.End = e.Pos(), e.End()
		}
		return v
	}
	switch e := e.(type) {
	case *ast.Paren:
		return known(f.Eval(e.X))
	case *ast.Int:
		return known(Value{Kind: Int, Int: e.Value})
	case *ast.String:
		return known(f.str(e))
	case *ast.URI:
		// Nix reads an unquoted URI as a string.
		return known(Value{Kind: String, Str: e.Value})
	case *ast.Ident:
		return known(f.ident(e))
	case *ast.Select:
		return known(f.selectValue(e))
	case *ast.Let:
		return known(f.Eval(e.Body))
	case *ast.With:
		// The body may still be constant; variables it takes from the
		// `with` are Unknown (see ident).
		return known(f.Eval(e.Body))
	case *ast.Assert:
		// A failing assertion stops the evaluation altogether, so the
		// body's value is the only one there can be.
		return known(f.Eval(e.Body))
	case *ast.Unary:
		return known(f.unary(e))
	case *ast.Binary:
		return known(f.binary(e))
	case *ast.Apply:
		return unknown(e.Pos(), e.End(), fmt.Sprintf("is a function call (%s)", Describe(e.Fun)))
	case *ast.If:
		return unknown(e.Pos(), e.End(), "is a conditional (if … then … else …)")
	case *ast.Lambda:
		return unknown(e.Pos(), e.End(), "is a function")
	case *ast.List:
		return unknown(e.Pos(), e.End(), "is a list")
	case *ast.AttrSet:
		return unknown(e.Pos(), e.End(), "is an attribute set")
	case *ast.Path:
		return unknown(e.Pos(), e.End(), "is a path")
	case *ast.Float:
		return unknown(e.Pos(), e.End(), "is a floating-point number")
	case *ast.HasAttr:
		return unknown(e.Pos(), e.End(), "is an attribute test (?)")
	case *ast.BadExpr:
		return unknown(e.Pos(), e.End(), "could not be parsed")
	case *ast.LegacyLet:
		return unknown(e.Pos(), e.End(), "is a legacy let { } expression")
	}
	return unknown(e.Pos(), e.End(), "is not a constant expression")
}

// enter starts one step of folding, reporting false when the depth or the
// work of the current fold is over its bound. Every enter needs a leave.
func (f *Folder) enter() bool {
	if f.depth == 0 {
		f.steps = 0
	}
	f.depth++
	f.steps++
	return f.depth <= maxDepth && f.steps <= maxSteps
}

func (f *Folder) leave() { f.depth-- }

// Name folds one segment of an attribute path: a plain name, a string,
// or an interpolation `${e}` such as proxmox.qemu.${hostname}.
func (f *Folder) Name(n ast.AttrName) Value {
	f.ensure()
	switch n := n.(type) {
	case *ast.Ident:
		if n == nil {
			break
		}
		return Value{Kind: String, Str: n.Name, Pos: n.Pos(), End: n.End()}
	case *ast.String:
		if n == nil {
			break
		}
		return f.Eval(n)
	case *ast.Interp:
		if n == nil {
			break
		}
		v := f.Eval(n.X)
		if v.Known() && v.Kind != String {
			return unknown(n.Pos(), n.End(), fmt.Sprintf("is a dynamic attribute name of type %s", v.Kind))
		}
		if v.Known() {
			v.Pos, v.End = n.Pos(), n.End()
		}
		return v
	}
	return unknown(0, 0, "is missing")
}

// str folds a string with its interpolations.
func (f *Folder) str(s *ast.String) Value {
	var b []byte
	for _, p := range s.Parts {
		switch p := p.(type) {
		case *ast.Text:
			b = append(b, p.Value...)
		case *ast.Interp:
			v := f.Eval(p.X)
			switch v.Kind {
			case String:
				b = append(b, v.Str...)
			case Unknown:
				return v
			default:
				// Nix refuses to interpolate an integer or a boolean
				// ("cannot coerce an integer to a string").
				return unknown(p.Pos(), p.End(), fmt.Sprintf("interpolates a %s, which Nix cannot coerce to a string", v.Kind))
			}
		default:
			return unknown(s.Pos(), s.End(), "holds a part that could not be parsed")
		}
	}
	return Value{Kind: String, Str: string(b)}
}

// ident folds a variable reference by following its binding.
func (f *Folder) ident(id *ast.Ident) Value {
	b := f.info.BindingOf(id)
	if b == nil {
		return unknown(id.Pos(), id.End(), fmt.Sprintf("uses the undefined variable `%s`", id.Name))
	}
	switch b.Kind {
	case scope.Builtin:
		switch id.Name {
		case "true", "false":
			return Value{Kind: Bool, Bool: id.Name == "true"}
		case "null":
			return Value{Kind: Null}
		}
		return unknown(id.Pos(), id.End(), fmt.Sprintf("is the builtin `%s`", id.Name))
	case scope.With:
		return unknown(id.Pos(), id.End(), fmt.Sprintf("uses `%s`, which comes from a `with` scope", id.Name))
	case scope.Param:
		return unknown(id.Pos(), id.End(), fmt.Sprintf("depends on the lambda argument `%s`", id.Name))
	case scope.Formal:
		return unknown(id.Pos(), id.End(), fmt.Sprintf("depends on the function argument `%s`", id.Name))
	}
	// A let or rec binding.
	if f.active[b] {
		return unknown(id.Pos(), id.End(), fmt.Sprintf("uses `%s`, which is defined in terms of itself", id.Name))
	}
	f.follow(b)
	defer delete(f.active, b)
	switch {
	case b.Inherited():
		if def, ok := b.Def.(*ast.Ident); ok && def != id {
			return f.ident(def)
		}
		return unknown(id.Pos(), id.End(), fmt.Sprintf("uses `%s`, inherited from a scope nixlint cannot see", id.Name))
	case b.From != nil:
		return f.selectFrom(b.From, []string{b.Name}, nil, id)
	case b.Value != nil && len(b.Decls) <= 1:
		return f.Eval(b.Value)
	}
	return unknown(id.Pos(), id.End(), fmt.Sprintf("uses `%s`, which is an attribute set", id.Name))
}

// unary folds -x and !x.
func (f *Folder) unary(u *ast.Unary) Value {
	v := f.Eval(u.X)
	if !v.Known() {
		return v
	}
	switch {
	case u.Op == ast.SUB && v.Kind == Int:
		if v.Int == math.MinInt64 {
			return unknown(u.Pos(), u.End(), "overflows a 64-bit integer")
		}
		return Value{Kind: Int, Int: -v.Int}
	case u.Op == ast.NOT && v.Kind == Bool:
		return Value{Kind: Bool, Bool: !v.Bool}
	}
	return unknown(u.Pos(), u.End(), fmt.Sprintf("applies %s to a %s", u.Op, v.Kind))
}

// binary folds integer + - * and string +.
func (f *Folder) binary(b *ast.Binary) Value {
	switch b.Op {
	case ast.ADD, ast.SUB, ast.MUL:
	default:
		return unknown(b.Pos(), b.End(), fmt.Sprintf("uses the operator %s", b.Op))
	}
	x := f.Eval(b.X)
	if !x.Known() {
		return x
	}
	y := f.Eval(b.Y)
	if !y.Known() {
		return y
	}
	switch {
	case x.Kind == Int && y.Kind == Int:
		r, ok := arith(b.Op, x.Int, y.Int)
		if !ok {
			return unknown(b.Pos(), b.End(), "overflows a 64-bit integer")
		}
		return Value{Kind: Int, Int: r}
	case x.Kind == String && y.Kind == String && b.Op == ast.ADD:
		return Value{Kind: String, Str: x.Str + y.Str}
	}
	return unknown(b.Pos(), b.End(), fmt.Sprintf("applies %s to a %s and a %s", b.Op, x.Kind, y.Kind))
}

// arith computes x op y, reporting false on overflow: Nix 2.8 wraps
// silently and newer versions fail, so no answer is right for both.
func arith(op ast.Token, x, y int64) (int64, bool) {
	switch op {
	case ast.ADD:
		r := x + y
		return r, (r > x) == (y > 0)
	case ast.SUB:
		r := x - y
		return r, (r < x) == (y > 0)
	case ast.MUL:
		if x == 0 || y == 0 {
			return 0, true
		}
		r := x * y
		if r/y != x || (x == -1 && y == math.MinInt64) || (y == -1 && x == math.MinInt64) {
			return 0, false
		}
		return r, true
	}
	return 0, false
}

func isNil(e ast.Expr) bool {
	if e == nil {
		return true
	}
	switch e := e.(type) {
	case *ast.Ident:
		return e == nil
	case *ast.Paren:
		return e == nil
	}
	return false
}
