package engine

import (
	"context"
	"fmt"
	"go/token"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/config"
)

// runner runs the analyzers of a plan over the parsed repository.
type runner struct {
	fset  *token.FileSet
	root  string
	files []*analysis.File
	dirs  []string
	cfg   *config.Config
	plan  *plan

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

// runAll runs every analyzer of the plan once, requirements first. A panic
// or an error in one analyzer becomes an internal error; analyzers that
// require it are skipped (and say so), the others still run.
func (r *runner) runAll(ctx context.Context) {
	r.results = make(map[*analysis.Analyzer]any)
	r.failed = make(map[*analysis.Analyzer]bool)
	for _, a := range r.plan.order {
		if ctx.Err() != nil {
			return
		}
		if dep := r.failedRequirement(a); dep != nil {
			r.failed[a] = true
			if a.IsRule() {
				r.internal = append(r.internal, internalNote{
					msg: fmt.Sprintf("rule %s did not run: the analysis %s it requires failed", a.Name, dep.Name),
				})
			}
			continue
		}
		r.runOne(a)
	}
}

func (r *runner) failedRequirement(a *analysis.Analyzer) *analysis.Analyzer {
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
	for _, req := range a.Requires {
		pass.ResultOf[req] = r.results[req]
	}
	pass.Report = func(d analysis.Diagnostic) {
		mu.Lock()
		own = append(own, diag{a, d})
		mu.Unlock()
	}
	defer func() {
		// Findings reported before a failure are kept: they are real.
		mu.Lock()
		r.diags = append(r.diags, own...)
		mu.Unlock()
	}()
	defer func() {
		if v := recover(); v != nil {
			r.failed[a] = true
			file := ""
			where := ""
			if f := pass.Current(); f != nil {
				file = f.Path
				where = " while analysing " + f.Path
			}
			r.internal = append(r.internal, internalNote{
				file: file,
				msg:  fmt.Sprintf("rule %s panicked%s: %v (please report this bug, with %s)", a.Name, where, v, panicFrame()),
			})
		}
	}()
	if a.Run == nil {
		return
	}
	res, err := a.Run(pass)
	if err != nil {
		r.failed[a] = true
		file := ""
		if f := pass.Current(); f != nil {
			file = f.Path
		}
		r.internal = append(r.internal, internalNote{file: file, msg: fmt.Sprintf("rule %s failed: %v", a.Name, err)})
		return
	}
	r.results[a] = res
}

// panicFrame returns the function and line where a panic happened: the
// first frame of the stack below the runtime's panic machinery.
func panicFrame() string {
	lines := strings.Split(string(debug.Stack()), "\n")
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
