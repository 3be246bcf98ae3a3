package parser

import (
	"unsafe"

	"github.com/nixlint/nixlint/parser/ast"
)

// Parsing is nixlint's hot path, and allocating tree nodes one by one
// dominates it: the allocator's cost, and then the collector's, grows with
// the number of objects. The parser hands out nodes from slabs (one
// allocation per chunk of nodes) and the slices of the tree (bindings, list
// elements, attribute names, string parts) as exact-size windows of shared
// chunks. Names and text that need no decoding are substrings of the
// source, not copies.

// A Parser's slabs and arenas outlive a file: a file's nodes continue the
// chunks the previous file started, so that the many small files of a
// repository neither start with tiny chunks nor leave half-empty ones
// behind. Chunks start at about minChunk bytes, so that parsing one small
// file stays cheap, and double up to about maxChunk bytes, within the
// allocator's small size classes (at most 32 KB).
//
// A chunk is alive as long as one of its nodes is, and it holds nodes of
// several files, which point into other chunks holding nodes of yet other
// files: were chunks shared without end, one live tree would keep alive
// every tree the Parser ever built. So a Parser starts new chunks for all
// its slabs and arenas (a new generation) after about genBytes of source:
// a tree then keeps alive at most the trees of its own generation, and a
// program that drops its trees gets the memory back.
const (
	minChunk = 512
	maxChunk = 32 << 10
	genBytes = 2 << 20
)

// chunkLen returns the number of elements of a chunk after one of n
// elements of size bytes each (n is 0 for the first chunk).
func chunkLen(n int, size uintptr) int {
	if size == 0 {
		size = 1
	}
	if n == 0 {
		return max(minChunk/int(size), 4)
	}
	return max(min(2*n, maxChunk/int(size)), n)
}

// slab allocates values of type T in chunks. The chunk is consumed by
// index rather than by reslicing: storing a slice writes a pointer, which
// costs a write barrier while the collector runs, once per node.
type slab[T any] struct {
	buf  []T
	next int // index of the next free element of buf
	size int // length of the last chunk, which the next one doubles
}

func (s *slab[T]) alloc() *T {
	if s.next == len(s.buf) {
		// Inlined, the make costs less than a call would.
		s.size = s.nextLen()
		s.buf, s.next = make([]T, s.size), 0
	}
	x := &s.buf[s.next]
	s.next++
	return x
}

// nextLen returns the length of the next chunk.
func (s *slab[T]) nextLen() int {
	var zero T
	return chunkLen(s.size, unsafe.Sizeof(zero))
}

// drop leaves the current chunk to the trees that use it. The next chunk
// has the size the next one would have had: a slab that filled large
// chunks goes on with them, a rarely used one stays small.
func (s *slab[T]) drop() {
	if s.buf != nil {
		s.size /= 2
	}
	s.buf, s.next = nil, 0
}

// arena hands out slices of T as windows of shared chunks. Each window's
// capacity is its length, so a caller that appends to it gets a copy and
// never writes into a neighbour.
type arena[T any] struct {
	buf  []T
	next int // index of the next free element of buf (see slab)
	size int // length of the last chunk (see slab)
}

// make returns an arena slice of n zero elements, or nil when n is 0.
func (a *arena[T]) make(n int) []T {
	if i := a.next; n <= len(a.buf)-i && n > 0 {
		a.next = i + n
		return a.buf[i : i+n : i+n]
	}
	return a.makeSlow(n)
}

// makeSlow is make when the chunk has no room for n elements, or n is 0.
// It is kept out of make, so that make is inlined.
//
//go:noinline
func (a *arena[T]) makeSlow(n int) []T {
	if n == 0 {
		return nil
	}
	var zero T
	size := unsafe.Sizeof(zero)
	if n > maxChunk/int(max(size, 1))/4 {
		// Large slices get their own allocation rather than wasting
		// the rest of a chunk.
		return make([]T, n)
	}
	a.size = max(chunkLen(a.size, size), n)
	a.buf, a.next = make([]T, a.size), n
	return a.buf[:n:n]
}

// drop is slab.drop for arenas.
func (a *arena[T]) drop() {
	if a.buf != nil {
		a.size /= 2
	}
	a.buf, a.next = nil, 0
}

// copyOf returns an arena slice holding the elements of src, or nil when
// src is empty.
func (a *arena[T]) copyOf(src []T) []T {
	out := a.make(len(src))
	copy(out, src)
	return out
}

// one returns an arena slice holding x alone.
func (a *arena[T]) one(x T) []T {
	if i := a.next; i < len(a.buf) {
		a.next = i + 1
		a.buf[i] = x
		return a.buf[i : i+1 : i+1]
	}
	out := a.makeSlow(1)
	out[0] = x
	return out
}

// allocs holds the parser's slabs and arenas.
type allocs struct {
	idents    slab[ast.Ident]
	texts     slab[ast.Text]
	strs      slab[ast.String]
	selects   slab[ast.Select]
	applies   slab[ast.Apply]
	binaries  slab[ast.Binary]
	attrDefs  slab[ast.AttrDef]
	attrPaths slab[ast.AttrPath]
	onePaths  slab[onePath]
	oneStrs   slab[oneString]
	interps   slab[ast.Interp]
	parens    slab[ast.Paren]
	lists     slab[ast.List]
	sets      slab[ast.AttrSet]
	lambdas   slab[ast.Lambda]
	formals   slab[ast.Formals]
	formal    slab[ast.Formal]
	inherits  slab[ast.Inherit]
	paths     slab[ast.Path]
	ints      slab[ast.Int]
	lets      slab[ast.Let]
	unaries   slab[ast.Unary]
	ifs       slab[ast.If]
	withs     slab[ast.With]
	files     slab[ast.File]

	bindings  arena[ast.Binding]
	exprs     arena[ast.Expr]
	names     arena[ast.AttrName]
	parts     arena[ast.StringPart]
	formalPtr arena[*ast.Formal]
	comments  arena[ast.Comment]
	commentPs arena[*ast.Comment]
	lines     arena[int]
	// bytes holds the text of decoded strings: it has no pointers, so
	// its chunks cost the collector nothing to scan.
	bytes arena[byte]
}

// drop starts a new generation (see genBytes): every slab and arena
// leaves its chunk to the trees already built.
func (a *allocs) drop() {
	a.idents.drop()
	a.texts.drop()
	a.strs.drop()
	a.selects.drop()
	a.applies.drop()
	a.binaries.drop()
	a.attrDefs.drop()
	a.attrPaths.drop()
	a.onePaths.drop()
	a.oneStrs.drop()
	a.interps.drop()
	a.parens.drop()
	a.lists.drop()
	a.sets.drop()
	a.lambdas.drop()
	a.formals.drop()
	a.formal.drop()
	a.inherits.drop()
	a.paths.drop()
	a.ints.drop()
	a.lets.drop()
	a.unaries.drop()
	a.ifs.drop()
	a.withs.drop()
	a.files.drop()
	a.bindings.drop()
	a.exprs.drop()
	a.names.drop()
	a.parts.drop()
	a.formalPtr.drop()
	a.comments.drop()
	a.commentPs.drop()
	a.lines.drop()
	a.bytes.drop()
}

// onePath is an attribute path of one name, most of them, allocated with
// its name list.
type onePath struct {
	path  ast.AttrPath
	names [1]ast.AttrName
}

// oneString is a "string" allocated with room for one part, which most
// strings have.
type oneString struct {
	str   ast.String
	parts [1]ast.StringPart
}

// oneText returns a one-element part list holding t.
func (a *allocs) oneText(t *ast.Text) []ast.StringPart {
	return a.parts.one(t)
}

// str returns a string holding the bytes of b, from the byte arena.
func (a *allocs) str(b []byte) string {
	out := a.bytes.copyOf(b)
	return unsafe.String(unsafe.SliceData(out), len(out))
}
