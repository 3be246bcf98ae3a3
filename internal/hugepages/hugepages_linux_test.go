//go:build linux

package hugepages

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// TestAdvise checks that after Advise a large allocation lies in a mapping
// the kernel has marked for huge pages ("hg" in its VmFlags), also when
// the heap has grown into new arenas since the previous call.
func TestAdvise(t *testing.T) {
	if _, err := os.Stat("/sys/kernel/mm/transparent_hugepage/enabled"); err != nil {
		t.Skip("this kernel has no transparent huge pages")
	}
	if disabled() {
		t.Skip("GODEBUG=disablethp=1")
	}
	var keep [][]byte
	defer func() { sink = nil }()
	for _, size := range []int{8 << 20, 100 << 20} {
		if !Advise() {
			t.Fatal("Advise() = false")
		}
		buf := make([]byte, size)
		keep = append(keep, buf)
		sink = keep
		Advise()
		addr := uintptr(unsafe.Pointer(&buf[0]))
		flags := vmFlags(t, addr)
		if !strings.Contains(" "+flags+" ", " hg ") {
			t.Errorf("the mapping holding a new %d MiB allocation at %#x has VmFlags %q, without hg", size>>20, addr, flags)
		}
	}
}

func TestDisabledByGODEBUG(t *testing.T) {
	for godebug, want := range map[string]bool{
		"":                            false,
		"disablethp=1":                true,
		"gctrace=1, disablethp=1":     true,
		"disablethp=0":                false,
		"madvdontneed=1,disablethp=1": true,
	} {
		t.Setenv("GODEBUG", godebug)
		if got := disabled(); got != want {
			t.Errorf("GODEBUG=%q: disabled() = %v, want %v", godebug, got, want)
		}
	}
}

// vmFlags returns the VmFlags line of the mapping of /proc/self/smaps that
// holds addr.
func vmFlags(t *testing.T, addr uintptr) string {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skipf("no /proc/self/smaps: %v", err)
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		var lo, hi uintptr
		if fields := strings.Fields(line); len(fields) > 0 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":") {
			if _, err := parseRange(fields[0], &lo, &hi); err == nil {
				in = lo <= addr && addr < hi
				continue
			}
		}
		if in && strings.HasPrefix(line, "VmFlags:") {
			return strings.TrimSpace(strings.TrimPrefix(line, "VmFlags:"))
		}
	}
	t.Fatalf("no mapping holds %#x", addr)
	return ""
}

// parseRange parses a smaps range "lo-hi" (hexadecimal).
func parseRange(s string, lo, hi *uintptr) (bool, error) {
	a, b, _ := strings.Cut(s, "-")
	l, err := strconv.ParseUint(a, 16, 64)
	if err != nil {
		return false, err
	}
	h, err := strconv.ParseUint(b, 16, 64)
	if err != nil {
		return false, err
	}
	*lo, *hi = uintptr(l), uintptr(h)
	return true, nil
}

// TestReserve checks that memory allocated after Reserve, in small pieces
// as the heap grows, lies in marked mappings.
func TestReserve(t *testing.T) {
	if _, err := os.Stat("/sys/kernel/mm/transparent_hugepage/enabled"); err != nil {
		t.Skip("this kernel has no transparent huge pages")
	}
	if disabled() {
		t.Skip("GODEBUG=disablethp=1")
	}
	if !Reserve(64 << 20) {
		t.Fatal("Reserve() = false")
	}
	var keep [][]byte
	for range 4 << 10 {
		keep = append(keep, make([]byte, 8<<10))
	}
	sink = keep
	defer func() { sink = nil }()
	last := keep[len(keep)-1]
	addr := uintptr(unsafe.Pointer(&last[0]))
	if flags := vmFlags(t, addr); !strings.Contains(" "+flags+" ", " hg ") {
		t.Errorf("the mapping holding the last of 32 MiB of 8 KiB allocations at %#x has VmFlags %q, without hg", addr, flags)
	}
}
