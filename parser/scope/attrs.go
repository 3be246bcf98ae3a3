package scope

import (
	"go/token"

	"github.com/nixlint/nixlint/parser/ast"
)

// attrSet mirrors the ExprAttrs Nix 2.8 builds while parsing an attribute
// set, a let or a legacy let: its static attributes after path expansion and
// merging, and its dynamic attributes.
type attrSet struct {
	node   ast.Node         // *ast.AttrSet, *ast.Let or *ast.LegacyLet; nil for a set implied by a path
	rec    bool             // values see the set's own attributes (rec, let, legacy let)
	byName map[string]*attr // index of attrs, built only for large sets
	attrs  []*attr          // static attributes in insertion order
	dyn    []*dynAttr       // dynamic attributes Nix keeps

	// Definitions Nix drops or rejects. They are still resolved, so that
	// every reference in the file has a binding, but dropped ones are
	// resolved quietly: Nix never looks at them, so they cannot be undefined.
	rejected []*attr    // duplicates: Nix stops there; so does the file
	dropped  []*dynAttr // dynamic attributes of a set merged into this one
}

// attr is one static attribute of an attrSet.
type attr struct {
	name  string
	pos   token.Pos     // where Nix says it is defined: the path start or the inherit name
	def   ast.Node      // the path segment or inherit name that defines it
	decls []ast.Binding // the bindings that define it; read-only, may be a view of the tree's

	value   ast.Expr     // the value written for it; nil for inherit and implied sets
	set     *attrSet     // the set implied by a path, or of the literal value once needed (setOfAttr)
	inherit *ast.Inherit // set when defined by inherit
	outer   *Binding     // what a plain inherit refers to, once resolved
	from    ast.Expr     // the source of `inherit (from) name`

	// rest holds, for a definition rejected on an intermediate path segment,
	// the segments Nix never processed; their interpolations are resolved.
	rest []ast.AttrName
}

// plainInherit reports whether the attribute is `inherit name;`, whose
// reference is resolved outside the set.
func (a *attr) plainInherit() bool { return a.inherit != nil && a.from == nil }

// dynAttr is a dynamic attribute `${e} = v;`, or a dynamic path segment
// with the set implied by the rest of the path.
type dynAttr struct {
	name  ast.AttrName
	value ast.Expr
	set   *attrSet
	decl  ast.Binding
}

// indexFrom is the size from which a set indexes its attributes in a map;
// most sets are smaller, and scanning them costs less than the map.
const indexFrom = 8

func (s *attrSet) lookup(name string) *attr {
	if s.byName != nil {
		return s.byName[name]
	}
	for _, a := range s.attrs {
		if a.name == name {
			return a
		}
	}
	return nil
}

func (s *attrSet) add(a *attr) {
	s.attrs = append(s.attrs, a)
	switch {
	case s.byName != nil:
		s.byName[a.name] = a
	case len(s.attrs) > indexFrom:
		s.byName = make(map[string]*attr, 2*len(s.attrs))
		for _, a := range s.attrs {
			s.byName[a.name] = a
		}
	}
}

// add appends a to s, its list of attributes grown in the builder's
// arena rather than by append.
func (b *builder) add(s *attrSet, a *attr) {
	if len(s.attrs) == cap(s.attrs) {
		s.attrs = append(b.lists.take(max(4, 2*len(s.attrs))), s.attrs...)
	}
	s.add(a)
}

// attrLists hands out the backing arrays of the attribute lists of sets:
// sets are many and most are small, and growing each list by append was
// most of the allocations left in a Resolver. Lists are cut from one chunk
// that the next file fills again; a full chunk is replaced by a larger one.
type attrLists struct {
	buf  []*attr
	used int
}

// take returns an empty list with room for n attributes.
func (l *attrLists) take(n int) []*attr {
	if len(l.buf)-l.used < n {
		l.buf = make([]*attr, max(2*len(l.buf), 256, n))
		l.used = 0
	}
	s := l.buf[l.used : l.used : l.used+n]
	l.used += n
	return s
}

// reset makes the current chunk available again. What the chunk still
// holds is never read: take hands out empty lists.
func (l *attrLists) reset() {
	l.used = 0
	if len(l.buf) > maxKept {
		l.buf = nil
	}
}
