package engine

import (
	"runtime/debug"
	"testing"
)

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

// gcSettings returns the collector's current GOGC and memory limit.
func gcSettings() (int, int64) {
	pct := debug.SetGCPercent(100)
	debug.SetGCPercent(pct)
	return pct, debug.SetMemoryLimit(-1) // a negative limit only reads it
}

func TestPacer(t *testing.T) {
	origPct, origLimit := gcSettings()
	p := startPacer(false, false)
	check := func(when string, wantPct int, wantLimit int64) {
		t.Helper()
		if pct, limit := gcSettings(); pct != wantPct || limit != wantLimit {
			t.Errorf("%s: GOGC=%d limit=%d, want GOGC=%d limit=%d", when, pct, limit, wantPct, wantLimit)
		}
	}
	check("at the start", -1, gcBudget)
	p.add(5 << 20)
	check("after 5 MB", -1, gcBudget)
	p.add(20 << 20) // 25 MB read: paced for 50 MB, the collector on
	check("after 25 MB", gcPercent(50<<20), origLimit)
	p.add(1 << 20)
	check("after 26 MB (below the next doubling)", gcPercent(50<<20), origLimit)
	p.settle()
	check("settled at 26 MB", gcPercent(26<<20), origLimit)
	p.restore()
	check("restored", origPct, origLimit)

	// A small run ends with the collector off, then restored.
	p = startPacer(false, false)
	p.add(1 << 20)
	p.settle()
	check("settled at 1 MB", -1, gcBudget)
	p.restore()
	check("restored after a small run", origPct, origLimit)

	// What the user set is left alone.
	p = startPacer(true, false)
	p.add(1 << 20)
	p.settle()
	check("GOGC set by the user", origPct, origLimit)
	p.restore()
	p = startPacer(false, true)
	check("GOMEMLIMIT set by the user", -1, origLimit)
	p.restore()
	check("restored after GOMEMLIMIT", origPct, origLimit)
}
