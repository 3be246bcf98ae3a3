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
