package scope

import "github.com/nixlint/nixlint/parser/ast"

// Resolver resolves files one after another, keeping its work memory (the
// task stack, the models of attribute sets, the bindings in the making,
// the table of names, the scratch maps and slices) from one file to the
// next. On bench/tree's 3 500-file repository this allocates a sixth of
// what building everything anew for each file did. Resolve borrows a
// Resolver from a pool; a loop that owns its goroutine may as well keep
// its own.
//
// Only that work memory is reused: the Info Resolve returns shares no
// mutable memory with the Resolver, so it stays valid, and unchanged,
// after later calls. ResolveReuse is the exception: its Info is the
// Resolver's, and valid only until the next call. A Resolver is not safe for concurrent use: use one per
// goroutine. The zero Resolver is ready to use.
type Resolver struct {
	// NoRefsMap makes ResolveReuse leave Info.Refs nil: BindingOf then
	// answers from an index that costs a tenth of resolving less than
	// the map. For callers that look references up only with BindingOf.
	NoRefsMap bool

	r resolver
	b builder

	// shared is the Info ResolveReuse returns, refilled by every call;
	// uses and undefined keep the backing arrays of its lists.
	shared    Info
	uses      []*ast.Ident
	undefined []*ast.Ident
	refMaps   [refClasses]map[*ast.Ident]*Binding // see refsMap
	index     refIndex                            // the Info's index when NoRefsMap is set
}

// bigMap is the number of entries past which a scratch map is dropped
// rather than cleared for the next file: clearing costs as much as the
// map's capacity, which only grows, and one large file should not make
// every following small one pay for it.
const bigMap = 256

// Resolve binds every variable reference of f to its definition, as the
// function Resolve does.
func (rv *Resolver) Resolve(f *ast.File) *Info {
	if f == nil || ast.IsNil(f.Expr) {
		return &Info{Refs: map[*ast.Ident]*Binding{}}
	}
	info := &Info{}
	rv.reset(info)
	rv.r.run(f.Expr)
	info.Duplicates = rv.b.dups
	rv.r.finish()
	return info
}

// Problems is Resolve for a caller that needs only what Nix rejects: the
// Info it returns holds Undefined and Duplicates alone, without Refs,
// Bindings or Uses, which it spares building (a fifth of resolving).
// `nixlint parse`, which only checks files, calls it.
func (rv *Resolver) Problems(f *ast.File) *Info {
	if f == nil || ast.IsNil(f.Expr) {
		return &Info{}
	}
	info := &Info{}
	rv.reset(info)
	rv.r.run(f.Expr)
	info.Duplicates = rv.b.dups
	sortProblems(info)
	return info
}

// reset prepares the Resolver for a new file, whose results go to info.
func (rv *Resolver) reset(info *Info) {
	r, b := &rv.r, &rv.b
	r.names.next()
	r.withed = reuseMap(r.withed, len(r.withed), bigMap)
	r.froms = reuseMap(r.froms, len(r.froms), bigMap)
	b.sets = reuseMap(b.sets, len(b.sets), bigMap)
	r.info, r.b = info, b
	// What the slices still hold of earlier files is never read: truncating
	// them costs nothing, clearing them would cost their capacity. The
	// nodes they point to stay reachable until overwritten, which matters
	// little: callers keep the trees of a run anyway.
	r.withs, r.stack, r.seen = truncate(r.withs), truncate(r.stack), truncate(r.seen)
	r.bound, r.refs, r.bindings = truncate(r.bound), truncate(r.refs), truncate(r.bindings)
	r.all, r.kids, b.scratch = truncate(r.all), truncate(r.kids), truncate(b.scratch)
	r.outer = truncate(r.outer)
	r.bslab.reset()
	b.dups, b.nameErrors = nil, false
	b.attrs.reset()
	b.lists.reset()
	b.nsets.reset()
}

// maxKept is the capacity, in elements, past which a slice or slab is
// dropped between files rather than kept: one huge file should not leave
// its work memory to every file after it.
const maxKept = 1 << 16

// truncate returns s emptied, or nil when it is larger than maxKept.
func truncate[T any](s []T) []T {
	if cap(s) > maxKept {
		return nil
	}
	return s[:0]
}

// reuseMap returns m emptied, or a new map when m is nil or had more than
// big entries (used counts those the previous file put in it).
func reuseMap[K comparable, V any](m map[K]V, used, big int) map[K]V {
	if m == nil || used > big {
		return map[K]V{}
	}
	clear(m)
	return m
}
