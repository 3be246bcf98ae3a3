package engine

import "testing"

func TestGCPercent(t *testing.T) {
	cases := []struct {
		bytes int64
		want  int
	}{
		{0, maxGCPercent},
		{1 << 20, maxGCPercent},  // a small repository: collect rarely
		{5 << 20, maxGCPercent},  // the 3 500-file benchmark
		{12 << 20, 476},          // 156 MB live: the heap may grow almost sixfold
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
