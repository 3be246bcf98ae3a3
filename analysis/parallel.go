package analysis

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
)

// PanicError carries a panic raised inside ParallelForEachFile, with the
// stack of the goroutine where it happened, to the analyzer's goroutine.
type PanicError struct {
	Value any
	Stack []byte
}

func (e *PanicError) Error() string { return fmt.Sprint(e.Value) }

// ParallelForEachFile calls fn for every file, from one goroutine per CPU,
// for per-file work that needs nothing from other files (resolving scopes,
// building a per-file model). fn must be safe to call concurrently: it may
// read the Pass and the files, and must guard what it writes. Report is
// safe to call from fn.
//
// If fn panics, the other calls stop being started, and ParallelForEachFile
// panics in the caller's goroutine with a *PanicError, Current() naming the
// file that panicked, so the engine reports it as for ForEachFile.
func (p *Pass) ParallelForEachFile(fn func(*File)) {
	workers := runtime.NumCPU()
	if workers > len(p.Files) {
		workers = len(p.Files)
	}
	var (
		next    atomic.Int64
		stop    atomic.Bool
		once    sync.Once
		failure *PanicError
		failed  *File
		wg      sync.WaitGroup
	)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				i := int(next.Add(1)) - 1
				if i >= len(p.Files) {
					return
				}
				f := p.Files[i]
				func() {
					defer func() {
						if v := recover(); v != nil {
							once.Do(func() {
								failure, failed = &PanicError{Value: v, Stack: debug.Stack()}, f
							})
							stop.Store(true)
						}
					}()
					fn(f)
				}()
			}
		}()
	}
	wg.Wait()
	if failure != nil {
		p.current = failed
		panic(failure)
	}
}
