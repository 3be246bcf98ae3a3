package cputime

import (
	"runtime"
	"testing"
)

func TestNowAdvances(t *testing.T) {
	start := Now()
	if start == 0 && runtime.GOOS != "linux" {
		t.Skip("CPU time not measured here")
	}
	x := 0
	for i := 0; i < 50_000_000; i++ {
		x += i % 7
	}
	if Now() <= start {
		t.Errorf("CPU time did not advance over a busy loop (%d)", x)
	}
}
