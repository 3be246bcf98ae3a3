package scope

import (
	"strings"

	"github.com/nixlint/nixlint/parser/ast"
)

// nameSlot is what the resolver knows of one name: the name's entry in
// the lexical scopes, its builtin, the last with it was looked up in. A
// reference costs one map access, where a map per kind of binding cost
// up to three, and leaving a scope costs none.
type nameSlot struct {
	name   string
	global bool   // bound in Nix's base scope: IsGlobal(name)
	gen    uint64 // the file the fields below belong to

	lexical     *Binding  // the innermost lexical binding, nil when none
	builtin     *Binding  // the name's Builtin binding in this file, once used
	with        *ast.With // the with of withBinding
	withBinding *Binding
}

// nameTable maps names to their slots. A Resolver keeps it from file to
// file, as files use mostly the same names: slots are then neither made
// nor hashed in anew, only marked stale by a new generation.
type nameTable struct {
	slots map[string]*nameSlot
	gen   uint64 // the current file; stale slots have an older one

	// recent is a direct-mapped cache in front of slots, indexed by
	// recentIndex: files use a few dozen names, most of them many times,
	// and comparing one string costs less than hashing it into the map.
	recent [256]*nameSlot
}

// recentIndex is the index of name in nameTable.recent: a hash of its
// length and of its first and last bytes, which tell apart most of the
// names a file uses.
func recentIndex(name string) int {
	if name == "" {
		return 0
	}
	return (len(name)*43 + int(name[0])*7 + int(name[len(name)-1])) & 255
}

// maxNames bounds the table kept between files: past it, the table is
// dropped rather than kept growing with every name of a large repository.
const maxNames = 1 << 14

// next starts a new file: every slot becomes stale.
func (t *nameTable) next() {
	if t.slots == nil || len(t.slots) > maxNames {
		t.slots = map[string]*nameSlot{}
		t.recent = [len(t.recent)]*nameSlot{} // slots of the old map
	}
	t.gen++
}

// slot returns the slot of name for the current file, made when needed.
func (r *resolver) slot(name string) *nameSlot {
	t := &r.names
	i := recentIndex(name)
	n := t.recent[i]
	if n == nil || n.name != name {
		n = t.slots[name]
		if n == nil {
			// The table outlives the tree: its key must not keep the
			// file's source alive.
			name = strings.Clone(name)
			n = &nameSlot{name: name, global: globals[name]}
			t.slots[name] = n
		}
		t.recent[i] = n
	}
	if n.gen != t.gen {
		*n = nameSlot{name: n.name, global: n.global, gen: t.gen}
	}
	return n
}
