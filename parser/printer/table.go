package printer

import "hash/maphash"

// table is a hash table for the printer's per-file lookups (the symbols
// of the symbol-order model, the attributes of large sets). Unlike a Go
// map it is emptied in constant time, by starting a new generation, so a
// table grown by one large file costs nothing to the small files after
// it; and its caller hashes a name once for lookups in several tables.
type table[K comparable, V any] struct {
	slots []slot[K, V] // a power of two long, at most half full
	gen   uint32       // slots of other generations are empty
	n     int          // entries of the current generation
}

type slot[K comparable, V any] struct {
	hash uint64
	key  K
	val  V
	gen  uint32
}

// seed is the seed of every table's hashes, so that a name hashed once
// may be looked up in several tables.
var seed = maphash.MakeSeed()

// hashName hashes a name for tables keyed by it.
func hashName(s string) uint64 { return maphash.String(seed, s) }

// reset empties t.
func (t *table[K, V]) reset() {
	t.gen++
	t.n = 0
	if t.gen == 0 {
		// Generations wrapped around: slots of generation 0 would look
		// full. Never happens before 4 billion files.
		clear(t.slots)
		t.gen = 1
	}
}

// find returns the value of key, whose hash is h, and whether it is there.
func (t *table[K, V]) find(h uint64, key K) (V, bool) {
	if t.n > 0 {
		mask := uint64(len(t.slots) - 1)
		for i := h & mask; ; i = (i + 1) & mask {
			s := &t.slots[i]
			if s.gen != t.gen {
				break
			}
			if s.hash == h && s.key == key {
				return s.val, true
			}
		}
	}
	var zero V
	return zero, false
}

// set sets the value of key, whose hash is h.
func (t *table[K, V]) set(h uint64, key K, val V) {
	if t.gen == 0 {
		t.gen = 1
	}
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.gen != t.gen {
			*s = slot[K, V]{hash: h, key: key, val: val, gen: t.gen}
			t.n++
			return
		}
		if s.hash == h && s.key == key {
			s.val = val
			return
		}
	}
}

// grow doubles the slots, keeping the current generation's entries.
func (t *table[K, V]) grow() {
	old, gen := t.slots, t.gen
	t.slots = make([]slot[K, V], max(16, 2*len(old)))
	mask := uint64(len(t.slots) - 1)
	for k := range old {
		s := &old[k]
		if s.gen != gen {
			continue
		}
		i := s.hash & mask
		for t.slots[i].gen == gen {
			i = (i + 1) & mask
		}
		t.slots[i] = *s
	}
}
