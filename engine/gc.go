package engine

import "runtime/debug"

// The garbage collector's pace while parsing and analysing.
//
// A run allocates about 25 times the size of the sources, of which about
// 13 times stays live to the end (the sources, their trees and the module
// model reference each other). At Go's default pace (GOGC=100: collect when
// the heap has doubled since the last collection) the collector takes a
// large share of the CPU time, for nothing: nixlint is a short-lived
// process, and what it allocates mostly stays live to the end. It has a
// memory budget instead (DESIGN.md §10: under 1 GB for a nixpkgs-sized
// tree):
//
//   - When the live heap will take at most a third of the budget (sources
//     up to some 20 MB, thousands of files), the collector is off until the
//     heap reaches the budget (GOGC=off with the budget as soft memory
//     limit). A run of that size usually ends before, without a single
//     collection; one that does reach it frees two thirds of the heap per
//     collection, so the limit cannot make the collector thrash.
//   - Beyond, the heap may grow as far as the budget allows before each
//     collection (GOGC between 100 and 800). A repository whose live heap
//     alone nears the budget keeps the default pace: collecting more often
//     would not bring it under the budget, only burn CPU. (A soft memory
//     limit at the budget was measured there too: on 40 000 generated
//     files, 60 MB of sources and 780 MB live, it cut the peak from 1.03 to
//     0.97 GB for 60% more CPU time, and was left out.)
//
// A GOGC the user set is left alone, and so is a GOMEMLIMIT.
const (
	// gcBudget is the heap the analyses may grow to.
	gcBudget = 900 << 20
	// liveFactor is the live heap per byte of source, measured on the
	// benchmark trees (about 770 MB for 60 MB of sources).
	liveFactor = 13
	// minGCPercent and maxGCPercent bound the pace chosen when the
	// collector is on.
	minGCPercent, maxGCPercent = 100, 800
)

// gcPercent returns the GOGC value for analysing sources of the given
// total size: -1 (off) when the live heap takes at most a third of the
// budget, which then becomes the memory limit (see collectorOff).
func gcPercent(sourceBytes int64) int {
	live := sourceBytes * liveFactor
	if collectorOff(sourceBytes) {
		return -1
	}
	p := int((gcBudget - live) * 100 / live)
	return max(minGCPercent, min(maxGCPercent, p))
}

// collectorOff reports whether the collector waits for the heap to reach
// the budget, for sources of the given total size.
func collectorOff(sourceBytes int64) bool {
	return sourceBytes*liveFactor*3 <= gcBudget
}

// paceGC sets the collector's pace for parsing and analysing sources of
// the given total size, unless the user chose one through GOGC, and returns
// a function that restores the previous settings. limitSet tells that the
// user set GOMEMLIMIT: it is then the limit the collector waits for.
func paceGC(sourceBytes int64, userSet, limitSet bool) (restore func()) {
	if userSet {
		return func() {}
	}
	prevLimit := int64(-1)
	if collectorOff(sourceBytes) && !limitSet {
		prevLimit = debug.SetMemoryLimit(gcBudget)
	}
	prev := debug.SetGCPercent(gcPercent(sourceBytes))
	return func() {
		debug.SetGCPercent(prev)
		if prevLimit >= 0 {
			debug.SetMemoryLimit(prevLimit)
		}
	}
}
