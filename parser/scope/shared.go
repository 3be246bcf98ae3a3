package scope

import (
	"math/bits"

	"github.com/nixlint/nixlint/parser/ast"
)

// ResolveReuse binds every variable reference of f to its definition, as
// Resolve does, but into memory the Resolver owns and refills on the next
// call.
//
// THE INFO IT RETURNS IS VALID ONLY UNTIL THE NEXT CALL OF ANY METHOD OF
// rv: that call overwrites it, its bindings, their Uses and its Refs map
// in place. Read it, and drop every pointer into it (bindings included),
// before resolving another file; copy out what must outlive that. A caller
// that cannot promise this must use Resolve.
//
// In exchange it allocates nothing once the Resolver has seen a few files,
// where Resolve allocates an Info of about 2.7 KB per file (9.5 MB for
// bench/tree's 3 500 files, every byte of it a page to fault in when the
// collector is off), which callers like module.PerFile drop as soon as the
// file is done. Its contents are those Resolve returns, but for the
// identity of its pointers (and Refs, with NoRefsMap).
func (rv *Resolver) ResolveReuse(f *ast.File) *Info {
	info := &rv.shared
	*info = Info{}
	if f == nil || ast.IsNil(f.Expr) {
		if !rv.NoRefsMap {
			info.Refs = rv.refsMap(0)
		}
		return info
	}
	info.Undefined = rv.undefined[:0]
	rv.reset(info)
	rv.r.run(f.Expr)
	info.Duplicates = rv.b.dups
	rv.undefined = truncate(info.Undefined)
	if len(info.Undefined) == 0 {
		info.Undefined = nil // as Resolve leaves it
	}
	if rv.NoRefsMap {
		rv.index.reset(len(rv.r.refs))
		info.index = &rv.index
	} else {
		info.Refs = rv.refsMap(len(rv.r.refs))
	}
	rv.uses = rv.r.finishShared(rv.uses)
	return info
}

// refClasses is the number of size classes of the Refs maps a Resolver
// keeps for ResolveReuse: class c holds the references of files that have
// fewer than 1<<c, and a file with more gets a new map.
const refClasses = 13

// refsMap returns an empty map for n references. Clearing a map costs its
// capacity, which only grows: one map for all files made every small file
// pay for the largest (a tenth of resolving). A map per size class costs
// at most twice what the file needs.
func (rv *Resolver) refsMap(n int) map[*ast.Ident]*Binding {
	c := bits.Len(uint(n))
	if c >= refClasses {
		return make(map[*ast.Ident]*Binding, n)
	}
	m := rv.refMaps[c]
	if m == nil {
		m = make(map[*ast.Ident]*Binding, 1<<c)
		rv.refMaps[c] = m
	} else {
		clear(m)
	}
	return m
}

// finishShared fills the Info as finish does, but in place: the bindings
// stay in the work space, the Info lists them in the resolver's own list,
// and their Uses are cut from buf, which it returns grown if it had to.
func (r *resolver) finishShared(buf []*ast.Ident) []*ast.Ident {
	info := r.info
	if len(r.bindings) > 0 {
		info.Bindings = r.bindings
	}
	if cap(buf) < len(r.refs) {
		buf = make([]*ast.Ident, len(r.refs)+len(r.refs)/2)
	}
	uses := buf[:cap(buf)]
	for _, ref := range r.refs {
		b := ref.b
		if b.Uses == nil {
			n := int(b.nuses)
			b.Uses, uses = uses[:0:n], uses[n:]
		}
		b.Uses = append(b.Uses, ref.id)
		if info.Refs != nil {
			info.Refs[ref.id] = b
		} else {
			info.index.put(ref.id, b)
		}
	}
	for _, b := range r.all {
		if len(b.Uses) > 1 {
			sortIdents(b.Uses)
		}
	}
	sortBindings(info.Bindings)
	sortProblems(info)
	return truncate(buf)
}
