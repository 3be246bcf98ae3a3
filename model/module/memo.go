package module

import "github.com/nixlint/nixlint/parser/scope"

// A file asks about the same few let bindings again and again: `cfg` for
// each of its `cfg.x`, `mkIf` for each of its conditions. The resolver
// remembers what a let or rec binding resolves to, the config path or the
// lib function, instead of following it through the scopes each time.
//
// The answers do not depend on where a chain of bindings is entered, but
// for the depth limit (maxAlias): an answer is kept with the depth its
// chain took, and is used only where the chain would not have reached the
// limit; a chain that reached it is not kept.

// maxMemo is how many bindings of each kind the resolver remembers per
// file; past that, it follows them as before.
const maxMemo = 16

// pathMemo is what a binding denotes as a config path.
type pathMemo struct {
	b          *scope.Binding
	start, end int32 // its segments, in resolver.memoSegs
	ok         bool
	k          int8 // how deep below the binding the chain went
}

// libMemo is which lib function a binding denotes.
type libMemo struct {
	b  *scope.Binding
	fn string // for a binding with a value: the function it denotes
	// fromLib is set for `inherit (src) x;` when src is lib: x is lib.x.
	fromLib bool
	k       int8
}

// reach records that a resolution went depth deep.
func (r *resolver) reach(depth int) {
	if depth > r.deepest {
		r.deepest = depth
	}
}

// enter starts resolving binding b at depth: it returns the deepest depth
// reached before, which leave restores.
func (r *resolver) enter(depth int) int {
	saved := r.deepest
	r.deepest = depth
	return saved
}

// leave ends resolving a binding entered at depth: it returns how deep
// below the binding the chain went, and whether the answer may be kept
// (the limit was not reached).
func (r *resolver) leave(saved, depth int) (k int8, keep bool) {
	deepest := r.deepest
	r.deepest = max(saved, deepest)
	return int8(deepest - depth), deepest <= maxAlias
}

// findPath returns the remembered config path of b, usable at depth.
func (r *resolver) findPath(b *scope.Binding, depth int) (*pathMemo, bool) {
	for i := range r.nPaths {
		if m := &r.paths[i]; m.b == b {
			if depth+int(m.k) > maxAlias {
				return nil, false
			}
			r.reach(depth + int(m.k))
			return m, true
		}
	}
	return nil, false
}

// keepPathMemo remembers that b denotes the config path seg (ok).
func (r *resolver) keepPathMemo(b *scope.Binding, seg []string, ok bool, k int8) {
	if r.nPaths == maxMemo {
		return
	}
	start := len(r.memoSegs)
	r.memoSegs = append(r.memoSegs, seg...)
	r.paths[r.nPaths] = pathMemo{b: b, start: int32(start), end: int32(len(r.memoSegs)), ok: ok, k: k}
	r.nPaths++
}

// findLib returns the remembered lib function of b, usable at depth.
func (r *resolver) findLib(b *scope.Binding, depth int) (*libMemo, bool) {
	for i := range r.nLibs {
		if m := &r.libs[i]; m.b == b {
			if depth+int(m.k) > maxAlias {
				return nil, false
			}
			r.reach(depth + int(m.k))
			return m, true
		}
	}
	return nil, false
}

// keepLib remembers the lib function of b.
func (r *resolver) keepLib(m libMemo) {
	if r.nLibs == maxMemo {
		return
	}
	r.libs[r.nLibs] = m
	r.nLibs++
}
