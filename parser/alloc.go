package parser

import (
	"sync"

	"github.com/nixlint/nixlint/parser/ast"
)

// Parsing is nixlint's hot path, and allocating tree nodes one by one
// dominates it. The parser hands out the most frequent nodes from slabs
// (one allocation per slabSize nodes) and interns identifier names.

// Slabs start small, so that the many small files of a repository do not
// pay for large chunks, and double up to maxSlab.
const (
	minSlab = 4
	maxSlab = 256
)

// slab allocates values of type T in chunks.
type slab[T any] struct {
	buf  []T
	size int // size of the next chunk
}

func (s *slab[T]) alloc() *T {
	if len(s.buf) == 0 {
		switch {
		case s.size == 0:
			s.size = minSlab
		case s.size < maxSlab:
			s.size *= 2
		}
		s.buf = make([]T, s.size)
	}
	x := &s.buf[0]
	s.buf = s.buf[1:]
	return x
}

// attrPath1 holds an AttrPath with room for its first name, so the common
// one-segment path costs a single allocation.
type attrPath1 struct {
	path  ast.AttrPath
	names [1]ast.AttrName
}

// allocs holds the parser's slabs.
type allocs struct {
	idents    slab[ast.Ident]
	texts     slab[ast.Text]
	strs      slab[ast.String]
	selects   slab[ast.Select]
	applies   slab[ast.Apply]
	binaries  slab[ast.Binary]
	attrDefs  slab[ast.AttrDef]
	attrPaths slab[attrPath1]
	interps   slab[ast.Interp]
	parts     slab[[1]ast.StringPart]
	names     *[256]string
}

// namePool recycles the name caches: a repository is thousands of small
// files, and a fresh cache for each would cost more than it saves. The
// cached strings are immutable, so a cache can move between parses.
var namePool = sync.Pool{New: func() any { return new([256]string) }}

// release returns the name cache to the pool once the parse is over.
func (a *allocs) release() {
	if a.names != nil {
		namePool.Put(a.names)
		a.names = nil
	}
}

// intern returns b as a string, sharing the memory of equal names through
// a small direct-mapped cache: cheaper than a map, and names repeat.
func (a *allocs) intern(b []byte) string {
	if a.names == nil {
		a.names = namePool.Get().(*[256]string)
	}
	h := uint32(len(b))
	for _, c := range b {
		h = h*31 + uint32(c)
	}
	slot := &a.names[(h^h>>8)&255]
	if *slot == string(b) {
		return *slot
	}
	s := string(b)
	*slot = s
	return s
}

// newAttrPath returns a path holding first.
func (a *allocs) newAttrPath(first ast.AttrName) *ast.AttrPath {
	p := a.attrPaths.alloc()
	p.names[0] = first
	p.path.Names = p.names[:1:1]
	return &p.path
}

// oneText returns a one-element part list holding t.
func (a *allocs) oneText(t *ast.Text) []ast.StringPart {
	arr := a.parts.alloc()
	arr[0] = t
	return arr[:1:1]
}
