package printer

// slab hands out values of type T from chunks, so that lowering a file
// makes a few large allocations instead of one per node: allocation was
// most of the printer's time. All the nodes of a file die together, so a
// chunk kept alive by one node wastes nothing that matters.
type slab[T any] struct {
	buf  []T
	next int // size of the next chunk
}

// Chunks start small, since most files are, and grow with the file.
const (
	slabFirst = 4
	slabMax   = 256
)

func (s *slab[T]) alloc() *T {
	if len(s.buf) == 0 {
		n := max(s.next, slabFirst)
		s.next = min(2*n, slabMax)
		s.buf = make([]T, n)
	}
	p := &s.buf[0]
	s.buf = s.buf[1:]
	return p
}

// slabs holds one slab per common node type.
type slabs struct {
	vars     slab[nVar]
	strings  slab[nString]
	selects  slab[nSelect]
	calls    slab[nCall]
	attrDefs slab[nAttrDef]
	attrs    slab[nAttrs]
	lambdas  slab[nLambda]
	concats  slab[nConcat]

	names   carver[nAttrName]
	exprs   carver[nexpr]
	entries carver[nAttrEntry]
}

func (s *slabs) newVar(name string) *nVar {
	v := s.vars.alloc()
	v.name = name
	return v
}

func (s *slabs) newString(str string) *nString {
	v := s.strings.alloc()
	v.s = str
	return v
}

func (s *slabs) newAttrDef(e nexpr, inherited bool) *nAttrDef {
	v := s.attrDefs.alloc()
	v.e, v.inherited = e, inherited
	return v
}

// carver hands out short slices of T cut from shared chunks, for the
// per-node lists of the lowered tree (attribute paths, arguments, set
// entries): one allocation per chunk instead of one per list. A slice is
// returned with its capacity cut to what was asked, so that appending past
// it reallocates instead of overwriting its neighbour.
type carver[T any] struct {
	buf  []T
	next int // size of the next chunk
}

// make returns an empty slice with capacity n.
func (c *carver[T]) make(n int) []T {
	if n > slabMax {
		return make([]T, 0, n)
	}
	if len(c.buf) < n {
		size := max(c.next, 2*slabFirst, n)
		c.next = min(2*size, slabMax)
		c.buf = make([]T, size)
	}
	s := c.buf[:0:n]
	c.buf = c.buf[n:]
	return s
}
