package engine

import "runtime/debug"

// The garbage collector's pace while parsing and analysing.
//
// The analyses allocate about 60 times the size of the sources in
// short-lived values (scopes, paths, positions), while what stays live (the
// trees, the module model) is about 16 times their size. At Go's default
// pace (GOGC=100: collect when the heap has doubled since the last
// collection) the collector then takes some 40% of the CPU time on a
// repository of a few thousand files. nixlint is a short-lived process with
// a memory budget (DESIGN.md §10: under 1 GB for a nixpkgs-sized tree), so
// it lets the heap grow as far as the budget allows before collecting: on
// a 3 500-file repository that is GOGC≈800, which costs some 60 MB more
// and saves a third of the CPU time. A repository whose live heap alone
// nears the budget keeps the default pace: collecting more often would not
// bring it under the budget, only burn CPU.
const (
	// gcBudget is the heap the analyses may grow to.
	gcBudget = 768 << 20
	// liveFactor is the live heap per byte of source, measured on the
	// benchmark trees (about 915 MB for 60 MB of sources).
	liveFactor = 16
	// minGCPercent and maxGCPercent bound the pace chosen.
	minGCPercent, maxGCPercent = 100, 800
)

// gcPercent returns the GOGC value for analysing sources of the given
// total size.
func gcPercent(sourceBytes int64) int {
	live := sourceBytes * liveFactor
	if live <= 0 {
		return maxGCPercent
	}
	p := int((gcBudget - live) * 100 / live)
	return max(minGCPercent, min(maxGCPercent, p))
}

// paceGC sets the collector's pace for parsing and analysing sources of
// the given total size, unless the user chose one through GOGC, and returns
// a function that restores the previous pace.
func paceGC(sourceBytes int64, userSet bool) (restore func()) {
	if userSet {
		return func() {}
	}
	prev := debug.SetGCPercent(gcPercent(sourceBytes))
	return func() { debug.SetGCPercent(prev) }
}
