package module

import (
	"go/token"

	"github.com/nixlint/nixlint/parser/ast"
	"github.com/nixlint/nixlint/parser/scope"
)

// maxAlias bounds how many let bindings an alias chain may cross, so that a
// self-referencing `rec` or a long chain cannot make the model loop.
const maxAlias = 32

// resolver answers questions about expressions of one file through the
// parser's scope resolution: is this `lib`, which lib function is this, which
// config path does this denote.
type resolver struct {
	info *scope.Info

	scratch Ref // scratchConfigPath's buffer

	cands     []token.Pos // configCandidates's result
	candsDone bool

	// What let and rec bindings resolve to (see memo.go).
	deepest  int // the deepest a resolution went, for the memos
	paths    [maxMemo]pathMemo
	nPaths   int
	memoSegs []string // the segments of paths
	libs     [maxMemo]libMemo
	nLibs    int
}

// binding returns the binding id refers to, through plain inherits.
func (r *resolver) binding(id *ast.Ident) *scope.Binding {
	if r.info == nil || id == nil {
		return nil
	}
	return r.follow(r.info.BindingOf(id))
}

// follow returns the binding b aliases through plain inherits (b itself
// when it is not one).
func (r *resolver) follow(b *scope.Binding) *scope.Binding {
	// A plain `inherit x;` is an alias of the outer x.
	for i := 0; b != nil && b.Inherited() && i < maxAlias; i++ {
		def, ok := b.Def.(*ast.Ident)
		if !ok {
			break
		}
		outer := r.info.BindingOf(def)
		if outer == nil || outer == b {
			break
		}
		b = outer
	}
	return b
}

// isLib reports whether e denotes nixpkgs' lib (or one of its sub-sets such
// as lib.modules): the `lib` argument, `pkgs.lib`, `inputs.nixpkgs.lib`, or
// a let binding of one of those.
func (r *resolver) isLib(e ast.Expr) bool { return r.isLibDepth(e, 0) }

var libSubsets = map[string]bool{
	"modules": true, "lists": true, "attrsets": true, "trivial": true,
	"options": true, "strings": true, "types": true,
}

func (r *resolver) isLibDepth(e ast.Expr, depth int) bool {
	r.reach(depth)
	if depth > maxAlias {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		b := r.binding(x)
		if b == nil {
			return x.Name == "lib"
		}
		switch b.Kind {
		case scope.Let, scope.Rec:
			if b.Value != nil {
				return r.isLibDepth(b.Value, depth+1)
			}
			return x.Name == "lib"
		case scope.Builtin:
			return false
		}
		return x.Name == "lib"
	case *ast.Select:
		if x.Default != nil || x.Path == nil || len(x.Path.Names) == 0 {
			return false
		}
		last, ok := ast.StaticName(x.Path.Names[len(x.Path.Names)-1])
		if !ok {
			return false
		}
		if last == "lib" {
			return true
		}
		if libSubsets[last] && len(x.Path.Names) == 1 {
			return r.isLibDepth(x.X, depth+1)
		}
	}
	return false
}

// libFunc returns the name of the lib function e denotes (`mkIf`,
// `lib.mkIf`, `lib.modules.mkIf`, an `inherit (lib) mkIf;` binding, a name
// brought in by `with lib;`), or "".
func (r *resolver) libFunc(e ast.Expr) string { return r.libFuncDepth(e, 0) }

func (r *resolver) libFuncDepth(e ast.Expr, depth int) string {
	r.reach(depth)
	if depth > maxAlias {
		return ""
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		b := r.binding(x)
		if b == nil {
			// Undefined: the file is broken; take the name at its word.
			return x.Name
		}
		switch b.Kind {
		case scope.With:
			// Only a `with` can bring lib's functions into scope by name;
			// the names the model looks for exist nowhere else.
			return x.Name
		case scope.Let, scope.Rec:
			if b.From == nil && b.Value == nil {
				return ""
			}
			m, found := r.findLib(b, depth)
			if !found {
				saved := r.enter(depth)
				lm := libMemo{b: b}
				if b.From != nil {
					lm.fromLib = r.isLibDepth(b.From, depth+1)
				} else {
					lm.fn = r.libFuncDepth(b.Value, depth+1)
				}
				k, keep := r.leave(saved, depth)
				if keep {
					lm.k = k
					r.keepLib(lm)
				}
				m = &lm
			}
			if b.From != nil {
				if m.fromLib {
					return x.Name
				}
				return ""
			}
			return m.fn
		}
		return ""
	case *ast.Select:
		if x.Default != nil || x.Path == nil || len(x.Path.Names) == 0 {
			return ""
		}
		names := x.Path.Names
		last, ok := ast.StaticName(names[len(names)-1])
		if !ok {
			return ""
		}
		if len(names) == 1 && r.isLibDepth(x.X, depth+1) {
			return last
		}
		if len(names) == 2 {
			if mid, ok := ast.StaticName(names[0]); ok && libSubsets[mid] && r.isLibDepth(x.X, depth+1) {
				return last
			}
		}
	}
	return ""
}

// scratchConfigPath returns the attribute path below the module's
// `config` argument that e denotes: `config.a.b`, `cfg` with
// `cfg = config.a.b;`, `x` with `inherit (config.a) x;`. The path is built
// in the resolver's scratch buffer and valid until the next call: most
// expressions asked about are not config paths, and those kept are copied
// out by the builder, at their size.
func (r *resolver) scratchConfigPath(e ast.Expr) (Ref, bool) {
	p, ok := r.appendConfigPath(r.scratch[:0], e, 0)
	r.scratch = p[:0]
	return p, ok
}

// appendConfigPath appends the config path e denotes to dst.
func (r *resolver) appendConfigPath(dst Ref, e ast.Expr, depth int) (Ref, bool) {
	r.reach(depth)
	if depth > maxAlias {
		return dst, false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		b := r.binding(x)
		if b == nil {
			return dst, false
		}
		switch b.Kind {
		case scope.Formal, scope.Param:
			if b.Name == "config" {
				return dst, true
			}
		case scope.Let, scope.Rec:
			if b.From == nil && b.Value == nil {
				return dst, false
			}
			if m, found := r.findPath(b, depth); found {
				if !m.ok {
					return dst, false
				}
				return append(dst, r.memoSegs[m.start:m.end]...), true
			}
			saved := r.enter(depth)
			start := len(dst)
			var p Ref
			var ok bool
			if b.From != nil {
				p, ok = r.appendConfigPath(dst, b.From, depth+1)
				if ok {
					p = append(p, b.Name)
				}
			} else {
				p, ok = r.appendConfigPath(dst, b.Value, depth+1)
			}
			if k, keep := r.leave(saved, depth); keep {
				var seg []string
				if ok {
					seg = p[start:]
				}
				r.keepPathMemo(b, seg, ok, k)
			}
			return p, ok
		}
		return dst, false
	case *ast.Select:
		if x.Path == nil {
			return dst, false
		}
		start := len(dst)
		p, ok := r.appendConfigPath(dst, x.X, depth+1)
		if !ok {
			return p, false
		}
		for _, n := range x.Path.Names {
			s, ok := ast.StaticName(n)
			if !ok {
				// `config.a.${x}`: the known prefix is still a use.
				if len(p) == start {
					return p, false
				}
				return p, true
			}
			p = append(p, s)
		}
		return p, true
	}
	return dst, false
}

// maxArgs is how many arguments of an application call returns: the
// functions the model reads take one or two.
const maxArgs = 2

// head splits an application `f a b` into f, its number of arguments and
// its last maxArgs arguments, in order: args[:n] are all of them when n is
// at most maxArgs. An array, not a slice, so that the many applications
// asked about allocate nothing.
func head(e ast.Expr) (fn ast.Expr, args [maxArgs]ast.Expr, n int) {
	// The applications are met outermost first, so arguments come last
	// first: found[0] is the last one.
	var found [maxArgs]ast.Expr
	e = ast.Unparen(e)
	for ; n < 64; n++ {
		app, ok := e.(*ast.Apply)
		if !ok {
			break
		}
		if n < maxArgs {
			found[n] = app.Arg
		}
		e = ast.Unparen(app.Fun)
	}
	k := min(n, maxArgs)
	for i := range k {
		args[i] = found[k-1-i]
	}
	return e, args, n
}

// call returns the lib function applied in e, its number of arguments and
// its arguments (see head), or "".
func (r *resolver) call(e ast.Expr) (string, [maxArgs]ast.Expr, int) {
	fn, args, n := head(e)
	if n == 0 {
		return "", args, 0
	}
	return r.libFunc(fn), args, n
}
