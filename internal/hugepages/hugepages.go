// Package hugepages asks Linux to back the Go heap with transparent huge
// pages.
//
// A lint allocates its whole working set (sources, trees, models) in a
// fraction of a second and keeps most of it to the end, with the collector
// off (see engine/gc.go), so every allocated byte is a page the kernel
// maps on first touch. With 4 KiB pages that is some 22 000 page faults
// for a 3 500-file repository, and about a third of the run's CPU time is
// spent in the kernel; with 2 MiB pages it is a few hundred.
//
// Most Linux distributions set transparent huge pages to "madvise": only
// memory marked with madvise(MADV_HUGEPAGE) gets them, and the Go runtime
// does not mark its heap (it did in Go 1.21.0, and stopped, because long
// running servers saw their memory grow). For a short-lived process that
// keeps what it allocates, marking it is what the setting is for.
//
// The runtime maps address space for the heap as it grows, 4 MiB at a
// time, each a new mapping, and a mark applies only to what is mapped when
// it is made: memory mapped after the last mark and touched before the
// next one keeps small pages. So Reserve first has the runtime map a large
// range at once, and marks it; Advise, called as the heap grows beyond,
// marks what was mapped since.
package hugepages

import (
	"os"
	"strings"
)

// disabled reports whether the user turned huge pages off for the Go heap
// with GODEBUG=disablethp=1, Go's own setting for it.
func disabled() bool {
	for _, kv := range strings.Split(os.Getenv("GODEBUG"), ",") {
		if strings.TrimSpace(kv) == "disablethp=1" {
			return true
		}
	}
	return false
}
