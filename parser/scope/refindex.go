package scope

import (
	"unsafe"

	"github.com/nixlint/nixlint/parser/ast"
)

// refIndex maps references to their bindings in place of Info.Refs when a
// Resolver's NoRefsMap is set: an open-addressing table keyed by the
// identifiers' addresses, which the Resolver keeps from file to file.
// Filling and clearing it costs a fraction of a map's, whose hashing,
// growth and clearing were a tenth of resolving a file.
type refIndex struct {
	ids   []*ast.Ident
	binds []*Binding
	shift uint // 64 - log2(len(ids))
}

// reset empties the index and sizes it for n references: at most half
// full, so that probes stay short.
func (x *refIndex) reset(n int) {
	size, shift := 8, uint(64-3)
	for size < 2*n {
		size, shift = size*2, shift-1
	}
	// A table grown for a huge file is not kept for the small ones after.
	if cap(x.ids) < size || cap(x.ids) > max(size, maxKept) {
		x.ids, x.binds = make([]*ast.Ident, size), make([]*Binding, size)
	} else {
		x.ids, x.binds = x.ids[:size], x.binds[:size]
		clear(x.ids)
		clear(x.binds)
	}
	x.shift = shift
}

// slot returns where id is in the index, or the empty slot where it goes.
func (x *refIndex) slot(id *ast.Ident) int {
	// Fibonacci hashing of the address: nodes are cut from chunks, so
	// their addresses differ in the middle bits, which the
	// multiplication spreads to the top ones kept.
	h := int((uint64(uintptr(unsafe.Pointer(id))) * 0x9e3779b97f4a7c15) >> x.shift)
	mask := len(x.ids) - 1
	for x.ids[h] != nil && x.ids[h] != id {
		h = (h + 1) & mask
	}
	return h
}

// put records that id refers to b.
func (x *refIndex) put(id *ast.Ident, b *Binding) {
	i := x.slot(id)
	x.ids[i], x.binds[i] = id, b
}

// get returns the binding of id, nil when it has none.
func (x *refIndex) get(id *ast.Ident) *Binding {
	if id == nil || len(x.ids) == 0 {
		return nil
	}
	return x.binds[x.slot(id)]
}
