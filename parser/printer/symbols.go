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

// precreatedHigh are symbols Nix creates at start-up, when it parses its
// built-in derivation.nix, whose nodes land above those of a file's first
// symbols: `{ x, y }:` prints as `{ y, x }`.
var precreatedHigh = map[string]int{
	"drvAttrs": 0, "strict": 1, "commonAttrs": 2, "outputsList": 3, "outputToAttrListElement": 4, "x": 5,
}

// The address order of a file's own symbols follows glibc's malloc. As
// measured on Nix 2.8, the first firstFresh new symbols of a file reuse
// chunks freed at start-up (group A); the next ones are carved from a free
// region below them (group B) until it is used up, and later ones come
// from the top of the heap (group C), so B < A < C. How many symbols fit in
// B depends on the other allocations the parser makes meanwhile; the model
// charges the region the sizes of the chunks Nix's parser allocates (a
// symbol, a formal, an attribute definition, a long string), fitted on
// lambda formals (13 plain ones fill B, or 10 with defaults) and let
// bindings (7 with integer values, 5 with set values). It is approximate:
// see testdata/parser/KNOWN_DIFFS.md.
const (
	firstFresh    = 19
	regionB       = 1470 // bytes
	costSymbol    = 64   // an unordered_set node
	costFormal    = 48   // a Formal
	costFormalDef = 0    // what a default adds besides its expression
	costAttrDef   = 112  // a std::map node and an AttrPath vector
	costAttrSet   = 112  // an ExprAttrs
	costVar       = 48   // an ExprVar
	costInt       = 32   // an ExprInt or ExprFloat
	costString    = 64   // an ExprString
	costNode      = 48   // any other expression, roughly
)

// The groups, in address order. Region B lies even below the symbols
// Nix creates at start-up.
const (
	groupB = iota
	groupPre
	groupA
	groupC
	groupHigh
)

// symtab records the order in which the parser would create symbols.
type symtab struct {
	rank  map[string]symKey
	fresh int // number of new symbols so far
	used  int // bytes of region B used, once group A is full
}

type symKey struct {
	group, index int
}

// newSymtab returns a table sized for a file of size bytes.
func newSymtab(size int) *symtab {
	return &symtab{rank: make(map[string]symKey, min(size/96, 1<<14))}
}

// alloc charges region B for an allocation of Nix's parser.
func (t *symtab) alloc(n int) {
	if t.fresh >= firstFresh {
		t.used += n
	}
}

// create interns s as Nix's SymbolTable::create would.
func (t *symtab) create(s string) string {
	if _, ok := precreatedRank[s]; ok {
		return s
	}
	if _, ok := precreatedHigh[s]; ok {
		return s
	}
	if _, ok := t.rank[s]; ok {
		return s
	}
	k := symKey{group: groupC, index: t.fresh}
	switch {
	case t.fresh < firstFresh:
		k.group = groupA
	case t.used+costSymbol <= regionB:
		k.group = groupB
		t.used += costSymbol
	default:
		t.used = regionB
	}
	t.rank[s] = k
	t.fresh++
	return s
}

// less orders two symbols as Nix 2.8 compares them.
func (t *symtab) less(a, b string) bool {
	ka, kb := t.key(a), t.key(b)
	if ka.group != kb.group {
		return ka.group < kb.group
	}
	return ka.index < kb.index
}

// key places s in address order.
func (t *symtab) key(s string) symKey {
	if r, ok := precreatedRank[s]; ok {
		return symKey{group: groupPre, index: r}
	}
	if r, ok := precreatedHigh[s]; ok {
		return symKey{group: groupHigh, index: r}
	}
	if k, ok := t.rank[s]; ok {
		return k
	}
	// Never created (cannot happen for a tree lowered by lower.go);
	// order it last rather than fail.
	return symKey{group: groupHigh + 1}
}
