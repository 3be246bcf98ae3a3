package printer

import (
	"cmp"
	"slices"
	"strings"

	"github.com/nixlint/nixlint/parser/ast"
)

// attrSet is an ExprAttrs as Nix's binds rule builds it from the bindings
// of a set or let: static attributes (printed sorted by name in sets, by
// symbol in let) plus the dynamic ones in source order. Dotted paths make
// nested sets and extend sets bound to a name, so the attributes of one
// set can come from several bindings, and several sets from one. Sets are
// kept in printer.sets and refer to each other by index.
type attrSet struct {
	rec     bool
	attrs   []attr
	dynamic []dynAttr
	indexed bool // attrs are in printer.index too
	// unsorted reports whether attrs are out of name order; they are
	// usually few, or written in order.
	unsorted bool
}

// attr is one static attribute. Its value is a set of printer.sets (set),
// else `(from).name` when from is set, else the variable of the same name
// when inherited, else value.
type attr struct {
	name      string
	value     ast.Expr
	from      ast.Expr
	set       int32 // index+1 in printer.sets; 0 for none
	inherited bool
}

// dynAttr is an attribute whose name is known only at evaluation; its
// value is a set of printer.sets or an expression, as for attr.
type dynAttr struct {
	name  ast.Expr
	value ast.Expr
	set   int32
}

// setName keys printer.index: an attribute of a set.
type setName struct {
	set  int32
	name string
}

// setHash hashes an attribute of a set for printer.index.
func setHash(set int32, name string) uint64 {
	return hashName(name) ^ uint64(set)*0x9e3779b97f4a7c15
}

// smallAttrs is the number of attributes a set is searched through
// without the index: most sets are small.
const smallAttrs = 8

// newSet starts a set, reusing the memory of a set of an earlier file.
func (p *printer) newSet(rec bool) int32 {
	n := len(p.sets)
	if n < cap(p.sets) {
		p.sets = p.sets[:n+1]
		s := &p.sets[n]
		*s = attrSet{rec: rec, attrs: s.attrs[:0], dynamic: s.dynamic[:0]}
	} else {
		p.sets = append(p.sets, attrSet{rec: rec})
	}
	return int32(n)
}

// lookup returns the position of name among set's static attributes, or
// -1.
func (p *printer) lookup(set int32, name string) int {
	s := &p.sets[set]
	if s.indexed {
		if i, ok := p.index.find(setHash(set, name), setName{set, name}); ok {
			return int(i)
		}
		return -1
	}
	for i := range s.attrs {
		if s.attrs[i].name == name {
			return i
		}
	}
	return -1
}

// add defines an attribute of set, which must not be defined yet.
func (p *printer) add(set int32, a attr) {
	s := &p.sets[set]
	if n := len(s.attrs); n > 0 && nameLess(a.name, s.attrs[n-1].name) {
		s.unsorted = true
	}
	s.attrs = append(s.attrs, a)
	switch {
	case s.indexed:
		p.index.set(setHash(set, a.name), setName{set, a.name}, int32(len(s.attrs)-1))
	case len(s.attrs) > smallAttrs:
		s.indexed = true
		for i, x := range s.attrs {
			p.index.set(setHash(set, x.name), setName{set, x.name}, int32(i))
		}
	}
}

// build makes the set of bindings bs, as Nix's binds rule does, and
// returns its index.
func (p *printer) build(bs []ast.Binding, rec bool) int32 {
	set := p.newSet(rec)
	for _, b := range bs {
		switch b := b.(type) {
		case *ast.AttrDef:
			if b.Path != nil && len(b.Path.Names) > 0 {
				p.addAttr(set, b.Path.Names, b.Value)
			}
		case *ast.Inherit:
			for _, n := range b.Names {
				name, ok := staticName(n)
				if !ok {
					continue // rejected by Nix: dynamic attribute in inherit
				}
				if p.lookup(set, name) >= 0 {
					continue // rejected by Nix: duplicate attribute
				}
				p.add(set, attr{name: name, from: b.From, inherited: b.From == nil})
			}
		}
	}
	return set
}

// literalSet returns the set literal e is, through parentheses, or nil.
func literalSet(e ast.Expr) *ast.AttrSet {
	for {
		switch x := e.(type) {
		case *ast.Paren:
			e = x.X
		case *ast.AttrSet:
			return x
		default:
			return nil
		}
	}
}

// setOf returns the set attribute i of set is bound to, building it if it
// is still a literal, or -1 if it is bound to something else.
func (p *printer) setOf(set int32, i int) int32 {
	a := p.sets[set].attrs[i]
	if a.inherited || a.from != nil {
		return -1
	}
	if a.set != 0 {
		return a.set - 1
	}
	lit := literalSet(a.value)
	if lit == nil {
		return -1
	}
	nested := p.build(lit.Bindings, lit.Rec.IsValid())
	a.value, a.set = nil, nested+1
	p.sets[set].attrs[i] = a
	return nested
}

// addAttr is Nix 2.8's addAttr: it walks a dotted path creating nested
// sets, descends into sets already bound to a name, and merges two literal
// sets bound to the same name (the second one's dynamic attributes are
// lost, as in Nix). Cases Nix rejects as duplicates are ignored here: the
// checker reports them and the printer is not asked to print such files.
func (p *printer) addAttr(set int32, path []ast.AttrName, value ast.Expr) {
	for _, n := range path[:len(path)-1] {
		name, ok := staticName(n)
		if !ok {
			nested := p.newSet(false)
			s := &p.sets[set]
			s.dynamic = append(s.dynamic, dynAttr{name: dynamicExpr(n), set: nested + 1})
			set = nested
			continue
		}
		if i := p.lookup(set, name); i >= 0 {
			nested := p.setOf(set, i)
			if nested < 0 {
				return // duplicate attribute
			}
			set = nested
			continue
		}
		nested := p.newSet(false)
		p.add(set, attr{name: name, set: nested + 1})
		set = nested
	}
	last := path[len(path)-1]
	name, ok := staticName(last)
	if !ok {
		s := &p.sets[set]
		s.dynamic = append(s.dynamic, dynAttr{name: dynamicExpr(last), value: value})
		return
	}
	i := p.lookup(set, name)
	if i < 0 {
		p.add(set, attr{name: name, value: value})
		return
	}
	lit := literalSet(value)
	if lit == nil {
		return // duplicate attribute
	}
	into := p.setOf(set, i)
	if into < 0 {
		return // duplicate attribute
	}
	from := p.build(lit.Bindings, lit.Rec.IsValid())
	for k := 0; k < len(p.sets[from].attrs); k++ {
		a := p.sets[from].attrs[k]
		if p.lookup(into, a.name) < 0 {
			p.add(into, a)
		}
	}
}

// printSet prints a set: static attributes sorted by name, then the
// dynamic ones in source order.
func (p *printer) printSet(set int32) {
	s := &p.sets[set]
	// Printing values builds sets of their own, which may move p.sets:
	// keep what is needed of s.
	attrs, dynamic, unsorted := s.attrs, s.dynamic, s.unsorted
	if s.rec {
		p.lit("rec ")
	}
	p.lit("{ ")
	if unsorted {
		// Sorted through keys on the scratch stack: moving keys is
		// cheaper than moving attributes. Nested sets push their own.
		base := len(p.keys)
		for i := range attrs {
			p.keys = append(p.keys, nameKey(attrs[i].name, i))
		}
		end := len(p.keys)
		sortKeys(p.keys[base:end])
		for k := base; k < end; k++ {
			p.attr(&attrs[p.keys[k].i], " ; ")
		}
		p.keys = p.keys[:base]
	} else {
		for i := range attrs {
			p.attr(&attrs[i], " ; ")
		}
	}
	for _, d := range dynamic {
		p.lit(`"${`)
		p.expr(d.name)
		p.lit(`}" = `)
		if d.set != 0 {
			p.printSet(d.set - 1)
		} else {
			p.expr(d.value)
		}
		p.lit("; ")
	}
	p.b = append(p.b, '}')
}

// attr prints a static attribute of a set or a let. A plain inherit is
// ended by inheritEnd (Nix prints `inherit x ;` in a set, `inherit x;` in
// a let).
func (p *printer) attr(a *attr, inheritEnd string) {
	if a.inherited {
		p.lit("inherit ")
		p.name(a.name)
		p.lit(inheritEnd)
		return
	}
	p.name(a.name)
	p.lit(" = ")
	p.value(a)
	p.lit("; ")
}

// sortKey orders attribute i by name: by its first eight bytes, then the
// rest.
type sortKey struct {
	prefix uint64 // the name's first bytes, big-endian, zero-padded
	name   string
	i      int
}

func nameKey(name string, i int) sortKey {
	var prefix uint64
	if len(name) >= 8 {
		// One load: the compiler merges these, as in binary.BigEndian.
		_ = name[7]
		prefix = uint64(name[7]) | uint64(name[6])<<8 | uint64(name[5])<<16 | uint64(name[4])<<24 |
			uint64(name[3])<<32 | uint64(name[2])<<40 | uint64(name[1])<<48 | uint64(name[0])<<56
	} else {
		for k := range 8 {
			prefix <<= 8
			if k < len(name) {
				prefix |= uint64(name[k])
			}
		}
	}
	return sortKey{prefix: prefix, name: name, i: i}
}

func (a *sortKey) less(b *sortKey) bool {
	if a.prefix != b.prefix {
		return a.prefix < b.prefix
	}
	return a.name < b.name
}

// sortKeys sorts keys by name: by insertion when they are few, as they
// mostly are.
func sortKeys(keys []sortKey) {
	if len(keys) > 48 {
		slices.SortFunc(keys, func(a, b sortKey) int {
			if a.prefix != b.prefix {
				return cmp.Compare(a.prefix, b.prefix)
			}
			return strings.Compare(a.name, b.name)
		})
		return
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j].less(&keys[j-1]); j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
}

// nameLess reports whether a sorts before b, bytewise.
func nameLess(a, b string) bool {
	if a != "" && b != "" && a[0] != b[0] {
		return a[0] < b[0]
	}
	return a < b
}

// value prints the value of a static attribute that is not inherited.
func (p *printer) value(a *attr) {
	switch {
	case a.set != 0:
		p.printSet(a.set - 1)
	case a.from != nil:
		p.b = append(p.b, '(')
		p.expr(a.from)
		p.lit(").")
		p.name(a.name)
	default:
		p.expr(a.value)
	}
}

// let prints a let; its bindings come in symbol order (see symbols.go).
func (p *printer) let(e *ast.Let) {
	p.lit("(let ")
	if !p.simpleLet(e.Bindings) {
		set := p.build(e.Bindings, false)
		attrs := p.sets[set].attrs
		base := len(p.lets)
		for i := range attrs {
			p.lets = append(p.lets, keyedEntry{i: i})
		}
		end := len(p.lets)
		p.sortLet(base, end, func(i int) string { return attrs[i].name })
		for k := base; k < end; k++ {
			// Values may push entries of their own: index afresh.
			p.attr(&attrs[p.lets[k].i], "; ")
		}
		p.lets = p.lets[:base]
	}
	p.lit("in ")
	p.expr(e.Body)
	p.b = append(p.b, ')')
}

// sortLet sorts p.lets[base:end] by the symbols of their names.
func (p *printer) sortLet(base, end int, name func(i int) string) {
	if end-base < 2 {
		return
	}
	for i := base; i < end; i++ {
		p.lets[i].key = p.syms.key(name(p.lets[i].i))
	}
	slices.SortFunc(p.lets[base:end], func(a, b keyedEntry) int { return a.key.cmp(b.key) })
}
