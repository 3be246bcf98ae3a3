//go:build linux

package hugepages

import (
	"math/bits"
	"runtime"
	"sync"
	"unsafe"

	"golang.org/x/sys/unix"
)

const (
	// arenaBytes is the Go runtime's heap arena size on 64-bit Linux: the
	// unit in which it maps address space for the heap.
	arenaBytes = 64 << 20
	hugePage   = 2 << 20
)

var (
	// sink makes the probe allocations escape to the heap.
	sink any

	once    sync.Once
	enabled bool
)

// Enable marks the first Reserve bytes of the Go heap for transparent huge
// pages, and reports whether it did. Call it while the heap is still small
// (it has the memory already touched keep its small pages): it maps the
// address space by allocating Reserve bytes (never touched, so they cost
// no memory), frees them at once with a collection, and marks the range
// with madvise(MADV_HUGEPAGE). The heap then grows into it. That costs one
// or two milliseconds, which pays off from a few hundred files on.
//
// Only the first call does anything; Enable is safe for concurrent use. It
// does nothing on 32-bit systems, where the reservation would take a large
// share of the address space, and when GODEBUG=disablethp=1.
func Enable() bool {
	once.Do(func() { enabled = enable() })
	return enabled
}

func enable() bool {
	if bits.UintSize != 64 || disabled() {
		return false
	}
	small := new([16]byte)
	sink = small
	big := make([]byte, Reserve)
	sink = big
	lo := uintptr(unsafe.Pointer(small)) &^ (arenaBytes - 1)
	bigLo := uintptr(unsafe.Pointer(unsafe.SliceData(big)))
	hi := bigLo + Reserve
	sink, small, big = nil, nil, nil
	runtime.GC()
	if lo > bigLo || hi-lo > 2*Reserve {
		// The runtime placed the reservation away from the start of the
		// heap: mark only the reservation.
		lo = bigLo &^ (hugePage - 1)
	}
	// A range holding unmapped gaps gives ENOMEM, after marking the mapped
	// parts; nothing else can fail that matters.
	_, _, errno := unix.Syscall(unix.SYS_MADVISE, lo, hi-lo, unix.MADV_HUGEPAGE)
	return errno == 0 || errno == unix.ENOMEM
}
