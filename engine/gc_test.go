package engine

import "testing"

func TestGCPercent(t *testing.T) {
	cases := []struct {
		bytes int64
		want  int
	}{
		{0, -1},
		{1 << 20, -1},            // a small repository: collect at the budget only
		{5 << 20, -1},            // the 3 500-file benchmark
		{23 << 20, -1},           // 299 MB live: a third of the budget
		{24 << 20, 188},          // 312 MB live: the heap may almost triple
		{36 << 20, minGCPercent}, // 468 MB live: doubling fills the budget
		{60 << 20, minGCPercent}, // nixpkgs-sized: the default pace
		{1 << 40, minGCPercent},  // never below the default
	}
	for _, c := range cases {
		if got := gcPercent(c.bytes); got != c.want {
			t.Errorf("gcPercent(%d) = %d, want %d", c.bytes, got, c.want)
		}
	}
}
