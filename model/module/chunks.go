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

func (c *chunks) def() *Def {
	if len(c.defs) == cap(c.defs) {
		c.defs = make([]Def, 0, defChunk)
	}
	c.defs = c.defs[:len(c.defs)+1]
	return &c.defs[len(c.defs)-1]
}

func (c *chunks) binding() *Binding {
	if len(c.bindings) == cap(c.bindings) {
		c.bindings = make([]Binding, 0, bindingChunk)
	}
	c.bindings = c.bindings[:len(c.bindings)+1]
	return &c.bindings[len(c.bindings)-1]
}

// strings returns a slice of n strings.
func (c *chunks) strings(n int) []string {
	if n > nameChunk/8 {
		return make([]string, n)
	}
	if len(c.strs)+n > cap(c.strs) {
		c.strs = make([]string, 0, nameChunk)
	}
	i := len(c.strs)
	c.strs = c.strs[:i+n]
	return c.strs[i : i+n : i+n]
}

// keys returns a slice of n attribute names.
func (c *chunks) keys(n int) []ast.AttrName {
	if n > keyChunk/8 {
		return make([]ast.AttrName, n)
	}
	if len(c.names)+n > cap(c.names) {
		c.names = make([]ast.AttrName, 0, keyChunk)
	}
	i := len(c.names)
	c.names = c.names[:i+n]
	return c.names[i : i+n : i+n]
}

// defPtrs returns a slice of n definition pointers.
func (c *chunks) defPtrs(n int) []*Def {
	if n > ptrChunk/8 {
		return make([]*Def, n)
	}
	if len(c.ptrs)+n > cap(c.ptrs) {
		c.ptrs = make([]*Def, 0, ptrChunk)
	}
	i := len(c.ptrs)
	c.ptrs = c.ptrs[:i+n]
	return c.ptrs[i : i+n : i+n]
}

// elems returns a slice of n list elements.
func (c *chunks) elems(n int) []Elem {
	if n == 0 {
		return make([]Elem, 0) // not nil, as before
	}
	if n > elemChunk/8 {
		return make([]Elem, n)
	}
	if len(c.els)+n > cap(c.els) {
		c.els = make([]Elem, 0, elemChunk)
	}
	i := len(c.els)
	c.els = c.els[:i+n]
	return c.els[i : i+n : i+n]
}

// option returns a new option.
func (c *chunks) option() *Option {
	if len(c.opts) == cap(c.opts) {
		c.opts = make([]Option, 0, optionChunk)
	}
	c.opts = c.opts[:len(c.opts)+1]
	return &c.opts[len(c.opts)-1]
}

// info returns a new info for a definition with a list value.
func (c *chunks) info() *defInfo {
	if len(c.infos) == cap(c.infos) {
		c.infos = make([]defInfo, 0, infoChunk)
	}
	c.infos = c.infos[:len(c.infos)+1]
	return &c.infos[len(c.infos)-1]
}

// condList returns a slice of n conditions.
func (c *chunks) condList(n int) []Cond {
	if n > condChunk/8 {
		return make([]Cond, n)
	}
	if len(c.conds)+n > cap(c.conds) {
		c.conds = make([]Cond, 0, condChunk)
	}
	i := len(c.conds)
	c.conds = c.conds[:i+n]
	return c.conds[i : i+n : i+n]
}

// context returns a new context.
func (c *chunks) context() *defContext {
	if len(c.ctxs) == cap(c.ctxs) {
		c.ctxs = make([]defContext, 0, ctxChunk)
	}
	c.ctxs = c.ctxs[:len(c.ctxs)+1]
	return &c.ctxs[len(c.ctxs)-1]
}

// refList returns a slice of n references.
func (c *chunks) refList(n int) []Ref {
	if n > refChunk/8 {
		return make([]Ref, n)
	}
	if len(c.refs)+n > cap(c.refs) {
		c.refs = make([]Ref, 0, refChunk)
	}
	i := len(c.refs)
	c.refs = c.refs[:i+n]
	return c.refs[i : i+n : i+n]
}

// module returns a new, zero module.
func (c *chunks) module() *Module {
	if len(c.mods) == cap(c.mods) {
		c.mods = make([]Module, 0, moduleChunk)
	}
	c.mods = c.mods[:len(c.mods)+1]
	return &c.mods[len(c.mods)-1]
}

// optPtrs returns a slice of n option pointers.
func (c *chunks) optPtrs(n int) []*Option {
	if n > ptrChunk/8 {
		return make([]*Option, n)
	}
	if len(c.optPtrList)+n > cap(c.optPtrList) {
		c.optPtrList = make([]*Option, 0, ptrChunk)
	}
	i := len(c.optPtrList)
	c.optPtrList = c.optPtrList[:i+n]
	return c.optPtrList[i : i+n : i+n]
}
