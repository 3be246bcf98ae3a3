package printer

// Nix 2.8 interns every identifier as a Symbol, a pointer to a string in
// an unordered_set, and compares symbols by that pointer. Two things it
// prints depend on that order: the formals of a lambda (sorted by symbol
// when parsed) and the bindings of a let (a std::map keyed by symbol).
// Attribute sets are sorted by name before printing and do not depend on it.
//
// The pointer order is the order of the heap addresses of the set's nodes.
// For the symbols Nix interns before it reads the file (builtins, the
// attribute names of its evaluator) it is fixed: precreated.go lists them,
// in that order, as measured on nix-instantiate 2.8 by printing a lambda
// whose formals are all of them. The symbols a file adds are, in a fresh
// process, almost always laid out in the order the parser creates them,
// which is the order in which Nix's grammar actions run: a post-order walk
// of the parse tree, where a formal with a default is created after its
// default, and a lambda's argument name after its body. This model is
// what symtab implements; the rare cases where glibc's malloc reuses a
// freed chunk and breaks it are listed in testdata/parser/KNOWN_DIFFS.md.

// precreatedRank maps a precreated symbol to its position.
var precreatedRank = func() map[string]int {
	m := make(map[string]int, len(precreated))
	for i, s := range precreated {
		m[s] = i
	}
	return m
}()

// symtab records the order in which the parser would create symbols.
type symtab struct {
	rank map[string]int
}

// newSymtab returns a table sized for a file of size bytes.
func newSymtab(size int) *symtab {
	return &symtab{rank: make(map[string]int, min(size/24, 1<<16))}
}

// create interns s as Nix's SymbolTable::create would.
func (t *symtab) create(s string) string {
	if _, ok := precreatedRank[s]; ok {
		return s
	}
	if _, ok := t.rank[s]; !ok {
		t.rank[s] = len(precreated) + len(t.rank)
	}
	return s
}

// less orders two symbols as Nix 2.8 compares them.
func (t *symtab) less(a, b string) bool {
	return t.key(a) < t.key(b)
}

func (t *symtab) key(s string) int {
	if r, ok := precreatedRank[s]; ok {
		return r
	}
	if r, ok := t.rank[s]; ok {
		return r
	}
	// Never created (cannot happen for a tree lowered by lower.go);
	// order it last rather than fail.
	return int(^uint(0) >> 1)
}
