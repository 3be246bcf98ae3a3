package printer

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortKeys checks that sorting by key is bytewise name order, on both
// sides of the insertion-sort threshold and around the eight-byte prefix.
func TestSortKeys(t *testing.T) {
	alphabet := []string{"", "a", "b", "\x00", "\xff", "ProtectHome", "ProtectHostname", "Protect", "ProtectH"}
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 5, 13, 48, 49, 200} {
		for range 20 {
			names := make([]string, n)
			for i := range names {
				names[i] = alphabet[r.IntN(len(alphabet))] + alphabet[r.IntN(len(alphabet))]
			}
			keys := make([]sortKey, n)
			for i, s := range names {
				keys[i] = nameKey(s, i)
			}
			sortKeys(keys)
			got := make([]string, n)
			for i, k := range keys {
				got[i] = names[k.i]
			}
			want := slices.Clone(names)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Fatalf("sorted %q to %q, want %q", names, got, want)
			}
		}
	}
}

// TestNameLess checks nameLess against Go's string order.
func TestNameLess(t *testing.T) {
	names := []string{"", "a", "ab", "b", "\x00", "\xff", "Z", "a\x00"}
	for _, a := range names {
		for _, b := range names {
			if got, want := nameLess(a, b), a < b; got != want {
				t.Errorf("nameLess(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}
