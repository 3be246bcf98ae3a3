package engine

import (
	"runtime/debug"
	"sync"
	"sync/atomic"

	"github.com/nixlint/nixlint/internal/hugepages"
)

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
// The total size is known only once every file is read, and files are
// parsed as they are read, so the pace is set from the size read so far
// (see pacer), and from the total for the analyses. A GOGC the user set is
// left alone, and so is a GOMEMLIMIT.
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

// pacer paces the collector from the size of the sources: while files are
// read and parsed, from the size read so far (the total is not known until
// every file is read), and for the analyses from the total.
type pacer struct {
	userSet  bool // the user set GOGC: nothing is changed
	limitSet bool // the user set GOMEMLIMIT: it is the limit waited for

	read     atomic.Int64 // bytes read so far
	reserved atomic.Bool  // the heap is backed with huge pages
	repace   atomic.Int64 // size read at which the pace is set again

	mu       sync.Mutex // guards the fields below and the runtime's settings
	prevPct  int        // GOGC before the run
	prevLim  int64      // the memory limit before the run, or -1 when unchanged
	restored bool
}

// startPacer paces the collector for a run that has read nothing yet.
func startPacer(userSet, limitSet bool) *pacer {
	p := &pacer{userSet: userSet, limitSet: limitSet, prevPct: -2, prevLim: -1}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.set(0)
	p.repace.Store(offBytes() / 2)
	return p
}

// offBytes returns the largest size of sources for which the collector
// waits for the budget.
func offBytes() int64 { return gcBudget / (3 * liveFactor) }

// set paces the collector for sources of the given total size. p.mu is held.
func (p *pacer) set(total int64) {
	if p.userSet || p.restored {
		return
	}
	switch {
	case collectorOff(total) && !p.limitSet:
		if p.prevLim < 0 {
			p.prevLim = debug.SetMemoryLimit(gcBudget)
		}
	case p.prevLim >= 0:
		debug.SetMemoryLimit(p.prevLim)
		p.prevLim = -1
	}
	prev := debug.SetGCPercent(gcPercent(total))
	if p.prevPct == -2 {
		p.prevPct = prev
	}
}

// Once the walk has found hugePagesFiles files, or hugePagesAfter bytes of
// sources are read, the heap is backed with huge pages (see package
// hugepages): hugePagesReserve bytes of address space are mapped and
// marked for them, enough for the heap of some 8 MB of sources; the heap
// beyond is marked again every hugePagesEvery bytes of sources read (some
// 2 MiB of heap). The reservation costs a collection, cheapest while the
// heap is small, so the count of files found (the walk runs ahead of the
// parsers) usually decides. Small runs keep small pages: a 2 MiB page is
// cleared whole on first touch.
const (
	hugePagesFiles   = 100
	hugePagesAfter   = 256 << 10
	hugePagesReserve = 128 << 20
	hugePagesEvery   = 128 << 10
)

// found records that the walk has found its n-th file.
func (p *pacer) found(n int) {
	if n == hugePagesFiles {
		p.reserveHugePages()
	}
}

// reserveHugePages backs the heap with huge pages, once.
func (p *pacer) reserveHugePages() {
	if p.reserved.CompareAndSwap(false, true) {
		hugepages.Reserve(hugePagesReserve)
	}
}

// add records n more bytes of source read. Each time the size read
// doubles past half the size the collector stays off for, the collector
// is paced for twice the size read, the total being at least that.
func (p *pacer) add(n int64) {
	read := p.read.Add(n)
	switch prev := read - n; {
	case read >= hugePagesAfter && prev < hugePagesAfter:
		p.reserveHugePages()
	case p.reserved.Load() && read/hugePagesEvery != prev/hugePagesEvery:
		hugepages.Advise()
	}
	if read < p.repace.Load() {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if read = p.read.Load(); read >= p.repace.Load() {
		p.set(2 * read)
		p.repace.Store(2 * read)
	}
}

// settle paces the collector for the analyses, from the total read.
func (p *pacer) settle() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.set(p.read.Load())
}

// restore gives back the settings of before the run.
func (p *pacer) restore() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.userSet || p.restored {
		return
	}
	p.restored = true
	debug.SetGCPercent(p.prevPct)
	if p.prevLim >= 0 {
		debug.SetMemoryLimit(p.prevLim)
	}
}
