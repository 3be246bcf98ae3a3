package parser

import (
	"go/token"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/nixlint/nixlint/parser/ast"
)

// BenchmarkParseTreeParallel parses the generated repository as nixlint's
// engine does: on one goroutine per processor (run it with -cpu 1,2),
// into one shared token.FileSet, in SharedSource mode, keeping every tree,
// with the collector off. Comparing ns/op across -cpu values shows how
// parsing scales, and user-ns/op and sys-ns/op (CPU times) what contention
// costs; B/op and allocs/op are what each run takes from the runtime.
func BenchmarkParseTreeParallel(b *testing.B) {
	names, srcs, total := generatedTree(b)
	b.SetBytes(int64(total))
	b.ReportAllocs()
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	workers := runtime.GOMAXPROCS(0)
	trees := make([]*ast.File, len(srcs))
	var user, sys time.Duration
	for b.Loop() {
		u0, s0 := cpuTime()
		fset := token.NewFileSet()
		var next atomic.Int64
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					i := int(next.Add(1) - 1)
					if i >= len(srcs) {
						return
					}
					f, errs := ParseFileMode(fset, names[i], srcs[i], SharedSource)
					if len(errs) > 0 {
						b.Error(errs)
						return
					}
					trees[i] = f
				}
			}()
		}
		wg.Wait()
		u1, s1 := cpuTime()
		user, sys = user+u1-u0, sys+s1-s0
		clear(trees)
		// The collector is off: reclaim the iteration's trees outside
		// the measurement, and give their memory back to the system,
		// so that, as in a lint run, the next iteration parses into
		// fresh memory (page faults included).
		b.StopTimer()
		debug.FreeOSMemory()
		b.StartTimer()
	}
	b.ReportMetric(float64(user.Nanoseconds())/float64(b.N), "user-ns/op")
	b.ReportMetric(float64(sys.Nanoseconds())/float64(b.N), "sys-ns/op")
}

// cpuTime returns the user and system CPU times the process has used: on
// a shared machine, a more stable measure of the work done than the wall
// time, and, compared across -cpu values, the cost of contention.
func cpuTime() (user, sys time.Duration) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, 0
	}
	return time.Duration(ru.Utime.Nano()), time.Duration(ru.Stime.Nano())
}
