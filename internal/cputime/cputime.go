// Package cputime measures the CPU time of the process, for benchmarks: on
// a shared machine it varies far less than the wall time `go test -bench`
// reports.
package cputime

import (
	"testing"
	"time"
)

// Report reports, as the metric cpu-ns/op, the process CPU time per
// iteration of b since start (a value of Now). It reports nothing where
// the CPU time is not measured.
func Report(b *testing.B, start time.Duration) {
	if start > 0 {
		b.ReportMetric(float64(Now()-start)/float64(b.N), "cpu-ns/op")
	}
}
