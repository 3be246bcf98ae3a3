package engine

import "runtime/debug"

// The garbage collector's pace while parsing and analysing.
//
// A run allocates about 25 times the size of the sources, of which about
// 13 times stays live to the end (the sources, their trees and the module
// model reference each other). At Go's default pace (GOGC=100: collect when
// the heap has doubled since the last collection) the collector takes a
// large share of the CPU time on a repository of a few thousand files.
// nixlint is a short-lived process with a memory budget (DESIGN.md §10:
// under 1 GB for a nixpkgs-sized tree), so it lets the heap grow as far as
// the budget allows before collecting: on a 3 500-file repository that is
// GOGC=800, and the collector hardly runs. A repository whose live heap
// alone nears the budget keeps the default pace: collecting more often
// would not bring it under the budget, only burn CPU. (A soft memory limit
// at the budget was measured too: on 40 000 generated files, 60 MB of
// sources and 780 MB live, it cut the peak from 1.03 to 0.97 GB for 60%
// more CPU time, and was left out.) A GOGC the user set is left alone.
const (
	// gcBudget is the heap the analyses may grow to.
	gcBudget = 900 << 20
	// liveFactor is the live heap per byte of source, measured on the
	// benchmark trees (about 770 MB for 60 MB of sources).
	liveFactor = 13
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
