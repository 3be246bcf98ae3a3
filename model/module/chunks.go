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
	defs     []Def
	bindings []Binding
	strs     []string
	names    []ast.AttrName
	ptrs     []*Def
	els      []Elem
	infos    []defInfo
	opts     []Option

	// The file's builder and resolver, and their scratch space, reused
	// from file to file (inline modules' builders have their own).
	bld     builder
	res     resolver
	path    []string
	keyList []ast.AttrName
	defList []*Def
	seen    map[string]bool // collectUses's, cleared per module
	walk    []ast.Node      // collectUses's stack
	useList []Ref           // collectUses's uses
	cands   []token.Pos     // configCandidates's positions
}

var chunkPool = sync.Pool{New: func() any { return new(chunks) }}

// The sizes of the arrays: a few kilobytes to some tens of kilobytes. The
// arrays of records are as long as fit in 8 KB, a size the allocator
// serves exactly: 128 Defs of 56 bytes took a 8 KB block for 7 KB.
const (
	defChunk     = 8192 / unsafe.Sizeof(Def{})
	infoChunk    = 8192 / unsafe.Sizeof(defInfo{})
	optionChunk  = 8192 / unsafe.Sizeof(Option{})
	bindingChunk = 512
	nameChunk    = 1024
	elemChunk    = 256
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
	if n > nameChunk/8 {
		return make([]ast.AttrName, n)
	}
	if len(c.names)+n > cap(c.names) {
		c.names = make([]ast.AttrName, 0, nameChunk)
	}
	i := len(c.names)
	c.names = c.names[:i+n]
	return c.names[i : i+n : i+n]
}

// defPtrs returns a slice of n definition pointers.
func (c *chunks) defPtrs(n int) []*Def {
	if n > nameChunk/8 {
		return make([]*Def, n)
	}
	if len(c.ptrs)+n > cap(c.ptrs) {
		c.ptrs = make([]*Def, 0, nameChunk)
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
