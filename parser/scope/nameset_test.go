package scope

import (
	"fmt"
	"slices"
	"testing"
)

// TestNameSetRepeats checks repeats against the quadratic definition on
// lists on both sides of smallNames, reusing one nameSet so that what a
// larger list left in the table is seen by the next.
func TestNameSetRepeats(t *testing.T) {
	many := func(n int, extra ...string) []string {
		var out []string
		for i := range n {
			out = append(out, fmt.Sprint("n", i))
		}
		return append(out, extra...)
	}
	tests := []struct {
		name  string
		names []string
	}{
		{"empty", nil},
		{"one", []string{"a"}},
		{"small distinct", []string{"a", "b", "c"}},
		{"small repeat", []string{"a", "b", "a", "a"}},
		{"empty names", []string{"", "x", ""}},
		{"at the limit", many(smallNames-1, "n3")},
		{"large distinct", many(100)},
		{"large repeats", many(40, "n0", "n39", "n7", "n0")},
		{"small after large", []string{"n1", "n2", "n1"}},
		{"same prefix", many(30, "n1x", "n1", "n")},
	}
	var set nameSet
	for _, tt := range tests {
		var want []string
		for i, n := range tt.names {
			if slices.Contains(tt.names[:i], n) {
				want = append(want, n)
			}
		}
		var got []string
		set.repeats(tt.names, func(n string) bool {
			got = append(got, n)
			return true
		})
		if !slices.Equal(got, want) {
			t.Errorf("%s: repeats %q, want %q", tt.name, got, want)
		}
		if d := set.distinct(tt.names); d != (len(want) == 0) {
			t.Errorf("%s: distinct = %v, want %v", tt.name, d, len(want) == 0)
		}
	}
}
