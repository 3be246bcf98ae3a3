package engine

import (
	"context"
	"fmt"
	"go/token"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/config"
)

// runner runs the analyzers of a plan over the parsed repository.
type runner struct {
	fset    *token.FileSet
	root    string
	files   []*analysis.File
	dirs    []string
	cfg     *config.Config
	plan    *plan
	workers int
	trace   func(string, time.Duration)
	lines   lineTexts // the source lines of findings, once each

	mu       sync.Mutex // guards the fields below while analyzers run
	results  map[*analysis.Analyzer]any
	failed   map[*analysis.Analyzer]bool
	diags    []diag
	internal []internalNote
}

// diag is a diagnostic with the analyzer that reported it.
type diag struct {
	a *analysis.Analyzer
	d analysis.Diagnostic
}

// runAll runs every analyzer of the plan once, each as soon as the
// analyzers it requires are done, up to one per CPU at a time: analyzers
// only read the parsed files and their requirements' results, so
// independent ones run in parallel. A panic or an error in one analyzer
// becomes an internal error; analyzers that require it are skipped (and say
// so), the others still run. Findings are sorted afterwards, so the order in
// which analyzers finish does not show in the output.
func (r *runner) runAll(ctx context.Context) {
	r.results = make(map[*analysis.Analyzer]any)
	r.failed = make(map[*analysis.Analyzer]bool)
	workers := r.workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	done := make(map[*analysis.Analyzer]chan struct{}, len(r.plan.order))
	for _, a := range r.plan.order {
		done[a] = make(chan struct{})
	}
	sem := make(chan struct{}, workers)
	var wg sync.WaitGroup
	for _, a := range r.plan.order {
		wg.Add(1)
		go func(a *analysis.Analyzer) {
			defer wg.Done()
			defer close(done[a])
			for _, req := range a.Requires {
				<-done[req]
			}
			if ctx.Err() != nil {
				r.setFailed(a)
				return
			}
			if dep := r.failedRequirement(a); dep != nil {
				r.setFailed(a)
				if a.IsRule() {
					r.addInternal(internalNote{
						msg: fmt.Sprintf("rule %s did not run: the analysis %s it requires failed", a.Name, dep.Name),
					})
				}
				return
			}
			sem <- struct{}{}
			defer func() { <-sem }()
			start := time.Now()
			r.runOne(a)
			r.trace("analyzer "+a.Name, time.Since(start))
		}(a)
	}
	wg.Wait()
}

func (r *runner) setFailed(a *analysis.Analyzer) {
	r.mu.Lock()
	r.failed[a] = true
	r.mu.Unlock()
}

func (r *runner) addInternal(n internalNote) {
	r.mu.Lock()
	r.internal = append(r.internal, n)
	r.mu.Unlock()
}

func (r *runner) failedRequirement(a *analysis.Analyzer) *analysis.Analyzer {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, req := range a.Requires {
		if r.failed[req] {
			return req
		}
	}
	return nil
}

// runOne runs a, recovering a panic.
func (r *runner) runOne(a *analysis.Analyzer) {
	var mu sync.Mutex
	var own []diag
	pass := &analysis.Pass{
		Analyzer: a,
		Fset:     r.fset,
		Root:     r.root,
		Files:    r.files,
		Dirs:     r.dirs,
		Config:   r.cfg,
		ResultOf: make(map[*analysis.Analyzer]any, len(a.Requires)),
	}
	r.mu.Lock()
	for _, req := range a.Requires {
		pass.ResultOf[req] = r.results[req]
	}
	r.mu.Unlock()
	pass.Report = func(d analysis.Diagnostic) {
		mu.Lock()
		own = append(own, diag{a, d})
		mu.Unlock()
	}
	defer func() {
		// Findings reported before a failure are kept: they are real.
		mu.Lock()
		defer mu.Unlock()
		r.mu.Lock()
		r.diags = append(r.diags, own...)
		r.mu.Unlock()
	}()
	defer func() {
		if v := recover(); v != nil {
			r.setFailed(a)
			file, where := "", ""
			if f := pass.Current(); f != nil {
				file = f.Path
				where = " while analysing " + f.Path
			}
			stack := debug.Stack()
			if pe, ok := v.(*analysis.PanicError); ok {
				v, stack = pe.Value, pe.Stack
			}
			r.addInternal(internalNote{
				file: file,
				msg:  fmt.Sprintf("rule %s panicked%s: %v (please report this bug, with %s)", a.Name, where, v, panicFrame(stack)),
			})
		}
	}()
	if a.Run == nil {
		return
	}
	res, err := a.Run(pass)
	if err != nil {
		r.setFailed(a)
		file := ""
		if f := pass.Current(); f != nil {
			file = f.Path
		}
		r.addInternal(internalNote{file: file, msg: fmt.Sprintf("rule %s failed: %v", a.Name, err)})
		return
	}
	r.mu.Lock()
	r.results[a] = res
	r.mu.Unlock()
}

// panicFrame returns the function and line where a panic happened: the
// first frame of the stack below the runtime's panic machinery.
func panicFrame(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	for i := 0; i+1 < len(lines); i++ {
		if strings.HasPrefix(lines[i], "panic(") && i+3 < len(lines) {
			fn := strings.TrimSpace(lines[i+2])
			loc := strings.TrimSpace(lines[i+3])
			if j := strings.LastIndex(loc, " +0x"); j >= 0 {
				loc = loc[:j]
			}
			loc = filepath.Base(loc) // no build paths in the output
			if k := strings.LastIndex(fn, "("); k > 0 {
				fn = fn[:k]
			}
			return fn + " at " + loc
		}
	}
	return "the stack trace from a debug build"
}
