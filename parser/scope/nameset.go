package scope

import "hash/maphash"

// nameSet finds the repeated names of a list in time linear in its length:
// an open-addressing table of the names' indexes, which a Resolver keeps
// from one set to the next. Sorting the names, as it was done before, was
// most of what deciding whether a set is plain cost for the large sets of
// configuration files (a systemd unit's twenty-odd settings).
type nameSet struct {
	slots []int32 // the index+1 of the name in each slot, 0 when empty
}

// smallNames is the length up to which lists are compared pairwise, which
// costs less than hashing them.
const smallNames = 8

// seed makes the hashes of names; the results do not depend on it.
var seed = maphash.MakeSeed()

// repeats calls dup for every name of names already met earlier in it,
// in order, and stops when dup returns false.
func (t *nameSet) repeats(names []string, dup func(string) bool) {
	if len(names) <= smallNames {
		for i, a := range names {
			for _, b := range names[:i] {
				if a == b {
					if !dup(a) {
						return
					}
					break
				}
			}
		}
		return
	}
	size := 16
	for size < 2*len(names) {
		size *= 2
	}
	if cap(t.slots) < size {
		t.slots = make([]int32, size)
	} else {
		t.slots = t.slots[:size]
		clear(t.slots)
	}
	mask := uint64(size - 1)
	for i, n := range names {
		j := maphash.String(seed, n) & mask
		for {
			k := t.slots[j]
			if k == 0 {
				t.slots[j] = int32(i + 1)
				break
			}
			if names[k-1] == n {
				if !dup(n) {
					return
				}
				break
			}
			j = (j + 1) & mask
		}
	}
}

// distinct reports whether the names are all different.
func (t *nameSet) distinct(names []string) bool {
	ok := true
	t.repeats(names, func(string) bool {
		ok = false
		return false
	})
	return ok
}
