package printer

import "github.com/nixlint/nixlint/parser/ast"

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
// measured on Nix 2.8:
//
//   - the first firstFresh new symbols of a file reuse chunks freed at
//     start-up (group A);
//   - the next ones are carved from a free region (B) until it is used up:
//     the bucket array the symbol table dropped when it grew at start-up,
//     which lies below even the start-up symbols;
//   - later ones come from the top of the heap (group C), in order;
//   - each time the table grows again (past 541, 1109, 2357, ... symbols:
//     libstdc++'s bucket counts, with preexisting symbols already in it),
//     it frees its previous bucket array, and the next symbols are carved
//     from that region (R1, R2, ...) until it is used up. R1 lies between
//     A and C; a later region lies where its array was allocated, after
//     the symbol whose insertion allocated it.
//
// So B < start-up symbols < A < R1 < C, with R2, R3, ... inside C. How
// many symbols a region holds depends on the other allocations the parser
// makes meanwhile: the model charges a region with the approximate sizes
// of what Nix's parser allocates (costs below, in units fitted so that 13
// plain formals, 10 formals with defaults, 7 `x = 1;` and 5 `x = {};` let
// bindings fill B, and 13 `x = 1;` bindings fill R1), and a region holds
// about 0.68 of the bytes of the bucket array it was. It is approximate:
// see testdata/parser/KNOWN_DIFFS.md.
const (
	firstFresh    = 19
	costSymbol    = 64  // an unordered_set node
	costFormal    = 48  // a Formal
	costFormalDef = 0   // what a default adds besides its expression
	costAttrDef   = 112 // a std::map node and an AttrPath vector
	costAttrSet   = 112 // an ExprAttrs
	costVar       = 48  // an ExprVar
	costInt       = 32  // an ExprInt or ExprFloat
	costString    = 64  // an ExprString
	costNode      = 48  // any other expression, roughly
)

// Region B holds the start-up bucket array of 257 buckets.
const regionB = 1470

// preexisting is the number of symbols in the table when a file's parsing
// starts, found from where the first growth happens.
const preexisting = 239

// bucketCounts are libstdc++'s successive bucket counts for a growing
// unordered_set; the table grows when it would hold more symbols than it
// has buckets.
var bucketCounts = []int{541, 1109, 2357, 5087, 10273, 20753, 42043, 85229, 172933, 351061, 712697}

// regionShare converts a dropped bucket array's bytes to model units
// (fitted on the first two growths).
const regionShare = 0.65

// The groups, in address order.
const (
	groupB = iota
	groupPre
	groupA
	groupR1
	groupC // and R2, R3, ... within it
	groupHigh
)

// symtab records the order in which the parser would create symbols.
//
// It works in two steps, so that a file is modelled only as far as its
// printing needs: the walk of order.go records what Nix's parser does
// (allocations and symbol creations, in order) as a list of events; the
// events are then played, which costs a hash lookup each, until the
// symbols asked for by key are placed. A typical module,
// `{ config, lib, ... }: let ... in { ... }`, needs the keys of its first
// few names only, so the walk stops too once it has recorded the symbol
// asked for. Asked for a later one, it walks again from the start,
// skipping what it recorded, and records at least as much again, so that
// all the walks cost at most a few times one whole walk.
type symtab struct {
	root     ast.Expr
	events   []symEvent
	pending  int  // units allocated since the last event
	next     int  // events played so far
	complete bool // the walk reached the end of the file

	// The walk in progress.
	skip  int    // creations still to skip: recorded by an earlier walk
	want  string // the symbol asked for
	found bool   // want was recorded
	min   int    // events to record before stopping
	stop  bool   // the walk is over

	rank  table[string, symKey] // the file's own symbols
	fresh int                   // number of new symbols so far

	// The free region being carved, if any.
	region    symKey // key of its first symbol; index grows per symbol
	remaining int    // units left in it; none left when below costSymbol
	grown     int    // how many times the table has grown
	// lastGrowth is the index of the symbol whose insertion last made
	// the table grow.
	lastGrowth int
}

// symEvent is the creation of a symbol, after allocations of alloc units
// since the previous one.
type symEvent struct {
	alloc int
	name  string
}

// symKey orders symbols by address: by group, then index, then sub.
type symKey struct {
	group, index, sub int32
}

// reset empties t for a new file, whose expression is root.
func (t *symtab) reset(root ast.Expr) {
	rank := t.rank
	if len(rank.slots) > maxKeptSymbols {
		// Not kept for ever for one huge file.
		rank = table[string, symKey]{}
	}
	rank.reset()
	*t = symtab{root: root, rank: rank, events: t.events[:0]}
}

// maxKeptSymbols bounds the table kept from file to file.
const maxKeptSymbols = 1 << 15

// alloc records an allocation of n units by Nix's parser.
func (t *symtab) alloc(n int) { t.pending += n }

// create records that Nix's parser interns s.
func (t *symtab) create(s string) {
	switch {
	case t.stop:
		return
	case t.skip > 0:
		t.skip--
	default:
		t.events = append(t.events, symEvent{alloc: t.pending, name: s})
		if s == t.want {
			t.found = true
		}
		t.stop = t.found && len(t.events) >= t.min
	}
	t.pending = 0
}

// record walks the file again, recording past what is recorded until
// want is, and at least twice as many events, or to the end.
func (t *symtab) record(want string) {
	t.skip, t.pending = len(t.events), 0
	t.want, t.found, t.min, t.stop = want, false, 2*len(t.events), false
	t.orderSymbols(t.root)
	t.complete = !t.stop
}

// play plays the next event.
func (t *symtab) play() {
	e := &t.events[t.next]
	t.next++
	// The model is cruder than malloc: a region is used up once what was
	// charged to it reaches its size, whatever the sizes of the pieces.
	if t.fresh >= firstFresh {
		t.remaining -= e.alloc
	}
	t.intern(e.name)
}

// intern interns s as Nix's SymbolTable::create would.
func (t *symtab) intern(s string) {
	h := hashName(s)
	// The file's own table is asked first: most names recur. The two are
	// disjoint, so the order of the lookups does not matter otherwise.
	if _, ok := t.rank.find(h, s); ok {
		return
	}
	if _, ok := fixedKeys.find(h, s); ok {
		return
	}
	i := t.fresh
	k := symKey{group: groupC, index: int32(i)}
	switch {
	case i < firstFresh:
		k.group = groupA
	case t.remaining >= costSymbol:
		k = t.region
		t.region.sub++
		t.remaining -= costSymbol
	}
	t.rank.set(h, s, k)
	t.fresh++
	if t.fresh == firstFresh {
		// Group A is full: what the parser allocates from now on is
		// carved from region B.
		t.region, t.remaining = symKey{group: groupB}, regionB
	}
	// The node is allocated before the table grows, so the symbol whose
	// insertion makes it grow still comes from where it was going to.
	if t.grown < len(bucketCounts) && preexisting+t.fresh > bucketCounts[t.grown] {
		if t.grown == 0 {
			t.region = symKey{group: groupR1}
		} else {
			// The dropped array was allocated when the table last grew,
			// after the node of the symbol that made it grow.
			t.region = symKey{group: groupC, index: int32(t.lastGrowth), sub: 1}
		}
		t.remaining = int(regionShare * 8 * float64(bucketCounts[t.grown]))
		t.lastGrowth = i
		t.grown++
	}
}

// fixedKeys places the symbols Nix interns before reading the file, in
// one table so that a name costs one lookup: precreatedRank's, then
// precreatedHigh's for the names only it has.
var fixedKeys = func() *table[string, symKey] {
	t := new(table[string, symKey])
	for s, r := range precreatedHigh {
		t.set(hashName(s), s, symKey{group: groupHigh, index: int32(r)})
	}
	for s, r := range precreatedRank {
		t.set(hashName(s), s, symKey{group: groupPre, index: int32(r)})
	}
	return t
}()

// cmp orders two keys by address: -1, 0 or +1.
func (k symKey) cmp(o symKey) int {
	switch {
	case k.group != o.group:
		return cmpInt(k.group, o.group)
	case k.index != o.index:
		return cmpInt(k.index, o.index)
	}
	return cmpInt(k.sub, o.sub)
}

func cmpInt(a, b int32) int {
	if a < b {
		return -1
	}
	if a > b {
		return 1
	}
	return 0
}

// key places s in address order, playing events until s is created.
func (t *symtab) key(s string) symKey {
	h := hashName(s)
	if k, ok := fixedKeys.find(h, s); ok {
		return k
	}
	for {
		if k, ok := t.rank.find(h, s); ok {
			return k
		}
		if t.next == len(t.events) {
			if !t.complete {
				t.record(s)
				continue
			}
			// Never created (cannot happen for a tree the model
			// walked); order it last rather than fail.
			return symKey{group: groupHigh + 1}
		}
		// Play up to the creation of s.
		for t.next < len(t.events) {
			created := t.events[t.next].name == s
			t.play()
			if created {
				break
			}
		}
	}
}
