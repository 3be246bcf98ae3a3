package inventory

import (
	"sort"

	"github.com/nixlint/nixlint/config"
)

// The gap policy. CONVENTIONS.md ("Notes"): "Leave gaps between used IDs
// for future expansion". nixlint reads it as: a new VM goes after the
// highest id in use in its range, with one free id in between, so every VM
// keeps a free neighbour (for a replica, a second instance, a migration
// target) and the range still grows in order. Suggestions are spaced by 2
// for the same reason. When that runs off the end of the range, the lowest
// id whose neighbours are both free is suggested, then the lowest free id
// at all: a crowded range still gets an answer.
//
// NextFree returns up to n suggested ids in r, given the ids in use.
// Ranges of the system and reserved classes get none: nothing new belongs
// there.
func NextFree(r config.IDRange, used map[int]bool, n int) []int {
	if n <= 0 || r.Class == config.ClassSystem || r.Class == config.ClassReserved || r.End < r.Start {
		return nil
	}
	high := -1
	for id := range used {
		if r.Contains(id) && id > high {
			high = id
		}
	}
	var out []int
	seen := map[int]bool{}
	add := func(id int) bool {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
		return len(out) == n
	}
	start := r.Start
	if high >= 0 {
		start = high + 2
	}
	for id := start; id <= r.End; id += 2 {
		if !used[id] && !used[id+1] && add(id) {
			return out
		}
	}
	// The end of the range is reached: look for room lower down.
	if len(out) == 0 {
		for id := r.Start; id <= r.End; id++ {
			if !used[id] && !used[id-1] && !used[id+1] && add(id) {
				return out
			}
		}
		for id := r.Start; id <= r.End; id++ {
			if !used[id] && add(id) {
				return out
			}
		}
	}
	return out
}

// RangeUse is one range of the id scheme with the ids the repository uses
// in it and the next free ones.
type RangeUse struct {
	Range config.IDRange
	Used  []int // sorted, distinct
	Next  []int // suggestions, by the gap policy of NextFree
}

// UsedIDs returns the set of known VM ids.
func (inv *Inventory) UsedIDs() map[int]bool {
	used := map[int]bool{}
	for _, v := range inv.VMs {
		if v.IDKnown {
			used[v.ID] = true
		}
	}
	return used
}

// Leaves returns the ranges of the scheme that hold no other range (100-109
// DNS/DHCP, not 100-199 or 100-999), in order.
func Leaves(conv *config.Conventions) []config.IDRange {
	var out []config.IDRange
	for i, r := range conv.IDRanges {
		leaf := true
		for j, o := range conv.IDRanges {
			if i != j && r.Start <= o.Start && o.End <= r.End && (o.Start != r.Start || o.End != r.End) {
				leaf = false
				break
			}
		}
		if leaf {
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// Ranges returns, for every leaf range of the scheme (or only those in use
// when all is false), the ids in use and n suggestions. Ids outside every
// range are not listed here: vm-id-range reports them.
func (inv *Inventory) Ranges(all bool, n int) []RangeUse {
	used := inv.UsedIDs()
	var ids []int
	for id := range used {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	var out []RangeUse
	for _, r := range Leaves(inv.Conv) {
		ru := RangeUse{Range: r}
		for _, id := range ids {
			if innermost, ok := inv.Conv.Range(id); ok && innermost.Start == r.Start && innermost.End == r.End {
				ru.Used = append(ru.Used, id)
			}
		}
		if len(ru.Used) == 0 && !all {
			continue
		}
		ru.Next = NextFree(r, used, n)
		out = append(out, ru)
	}
	return out
}

// Outside returns the known ids that lie in no range of the scheme, sorted.
func (inv *Inventory) Outside() []int {
	var out []int
	for id := range inv.UsedIDs() {
		if _, ok := inv.Conv.Range(id); !ok {
			out = append(out, id)
		}
	}
	sort.Ints(out)
	return out
}
