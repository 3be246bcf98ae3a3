package module

import (
	"go/token"
	"sync"
	"unsafe"

	"github.com/nixlint/nixlint/parser/ast"
)

// chunks hands out the small objects a module keeps per binding
// (definitions, bindings, paths) from shared arrays instead of one
// allocation each: a module has dozens of them, and the model of a large
// repository nearly a million. Slices are cut with their capacity equal to
// their length, so appending to one copies.
//
// Builders take chunks from a pool and give them back, so that the next
// file goes on filling the same arrays: only the tail of the last array
// of each is left unused, where chunks per file would waste up to half.
// Files share arrays, but every module lives as long as the model.
type chunks struct {
	defs       []Def
	bindings   []Binding
	strs       []string
	names      []ast.AttrName
	ptrs       []*Def
	els        []Elem
	infos      []defInfo
	opts       []Option
	conds      []Cond
	ctxs       []defContext
	refs       []Ref
	mods       []Module
	optPtrList []*Option

	// The file's builder and resolver, and their scratch space, reused
	// from file to file (inline modules' builders have their own).
	bld     builder
	res     resolver
	path    []string
	keyList []ast.AttrName
	defList []*Def
	optList []*Option
	elemTmp []Elem          // elems's scratch
	seen    map[string]bool // collectUses's, cleared per module
	walk    []ast.Node      // collectUses's stack
	useList []Ref           // collectUses's uses
	sel     []int32         // collectUses's pushHolding's
	cands   []token.Pos     // configCandidates's positions
}

var chunkPool = sync.Pool{New: func() any { return new(chunks) }}

// The sizes of the arrays: as many records as fill a block of 8 or 16 KB
// exactly. The allocator puts a header of a word before any object holding
// pointers larger than 512 bytes, so an array of 16 KB would take a block
// of 18 KB: a word less than the block is what an array may take.
const (
	mallocHeader = unsafe.Sizeof(uintptr(0))
	smallBlock   = 8192 - mallocHeader
	largeBlock   = 16384 - mallocHeader

	defChunk     = int(smallBlock / unsafe.Sizeof(Def{}))
	infoChunk    = int(smallBlock / unsafe.Sizeof(defInfo{}))
	optionChunk  = int(smallBlock / unsafe.Sizeof(Option{}))
	bindingChunk = int(largeBlock / unsafe.Sizeof(Binding{}))
	nameChunk    = int(largeBlock / unsafe.Sizeof(""))
	keyChunk     = int(largeBlock / unsafe.Sizeof(ast.AttrName(nil)))
	ptrChunk     = int(smallBlock / unsafe.Sizeof((*Def)(nil)))
	elemChunk    = int((12288 - mallocHeader) / unsafe.Sizeof(Elem{})) // 12 KB is a block size too
	condChunk    = int(smallBlock / unsafe.Sizeof(Cond{}))
	ctxChunk     = int(smallBlock / unsafe.Sizeof(defContext{}))
	refChunk     = int(smallBlock / unsafe.Sizeof(Ref{}))
	moduleChunk  = int(smallBlock / unsafe.Sizeof(Module{}))
)

// one cuts a new zero record from *chunk, first replaced by a new array of
// size records when it is full.
func one[T any](chunk *[]T, size int) *T {
	if len(*chunk) == cap(*chunk) {
		*chunk = make([]T, 0, size)
	}
	*chunk = (*chunk)[:len(*chunk)+1]
	return &(*chunk)[len(*chunk)-1]
}

// many cuts n zero records from *chunk, first replaced by a new array of
// size records when they do not fit; more than an eighth of an array gets
// an array of its own.
func many[T any](chunk *[]T, n, size int) []T {
	if n > size/8 {
		return make([]T, n)
	}
	if len(*chunk)+n > cap(*chunk) {
		*chunk = make([]T, 0, size)
	}
	i := len(*chunk)
	*chunk = (*chunk)[:i+n]
	return (*chunk)[i : i+n : i+n]
}

func (c *chunks) def() *Def { return one(&c.defs, defChunk) }

func (c *chunks) binding() *Binding { return one(&c.bindings, bindingChunk) }

// strings returns a slice of n strings.
func (c *chunks) strings(n int) []string { return many(&c.strs, n, nameChunk) }

// keys returns a slice of n attribute names.
func (c *chunks) keys(n int) []ast.AttrName { return many(&c.names, n, keyChunk) }

// defPtrs returns a slice of n definition pointers.
func (c *chunks) defPtrs(n int) []*Def { return many(&c.ptrs, n, ptrChunk) }

// elems returns a slice of n list elements.
func (c *chunks) elems(n int) []Elem {
	if n == 0 {
		return make([]Elem, 0) // not nil, as before
	}
	return many(&c.els, n, elemChunk)
}

// option returns a new option.
func (c *chunks) option() *Option { return one(&c.opts, optionChunk) }

// info returns a new info for a definition with a list value.
func (c *chunks) info() *defInfo { return one(&c.infos, infoChunk) }

// condList returns a slice of n conditions.
func (c *chunks) condList(n int) []Cond { return many(&c.conds, n, condChunk) }

// context returns a new context.
func (c *chunks) context() *defContext { return one(&c.ctxs, ctxChunk) }

// refList returns a slice of n references.
func (c *chunks) refList(n int) []Ref { return many(&c.refs, n, refChunk) }

// module returns a new, zero module.
func (c *chunks) module() *Module { return one(&c.mods, moduleChunk) }

// optPtrs returns a slice of n option pointers.
func (c *chunks) optPtrs(n int) []*Option { return many(&c.optPtrList, n, ptrChunk) }
