// Package engine runs nixlint over a repository. Data flows one way:
//
//	discover files -> parse (in parallel) -> run analyzers ->
//	suppressions, exceptions, baseline -> sort -> report.Result
//
// No analyzer re-reads or re-parses a file: the engine hands every analyzer
// the same parsed files, and runs each shared analysis once.
//
// Paths below the root (pre-commit passes the staged files) only select
// which findings are reported; a .nixlint.toml or the root flake.lock among
// them selects every finding, since either can change any of them.
package engine

import (
	"context"
	"errors"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/config"
	"github.com/nixlint/nixlint/report"
)

// Options configures a run.
type Options struct {
	// Paths are the paths given on the command line; empty means ".". The
	// root is found from the first one. Paths other than the root restrict
	// the findings reported to those files and folders; the whole
	// repository is analysed regardless. A .nixlint.toml or the root
	// flake.lock among them (pre-commit passes the staged files) lifts the
	// restriction: a changed configuration or lock file can change any
	// finding.
	Paths []string

	// Config is the loaded configuration (see LoadConfig); nil means the
	// embedded default.
	Config *config.Config

	// Analyzers are the rules that may run (usually rules.All()). The
	// analyzers they require run too.
	Analyzers []*analysis.Analyzer

	// KnownRule reports whether a suppression may name id without being
	// reported as naming an unknown rule. Nil means: id is one of
	// Analyzers.
	KnownRule func(id string) bool

	// Enable and Disable force rules on or off, overriding the
	// configuration. A rule in both is off.
	Enable, Disable []string

	// Baseline is a baseline file whose findings are hidden.
	Baseline string

	// WriteBaseline, when set, records the run's unsuppressed findings in
	// this file; they are then reported as suppressed by the baseline.
	WriteBaseline string

	// Version is copied into the Result.
	Version string

	// Trace, when set, is called with the wall time of each phase and
	// analyzer ("walk", "parse", "analyzer scope", ...), for profiling.
	Trace func(phase string, d time.Duration)

	// Workers is the number of goroutines that parse files and run
	// analyzers; 0 means one per CPU.
	Workers int
}

// Run lints the repository holding opts.Paths[0].
func Run(ctx context.Context, opts Options) (*report.Result, error) {
	paths := opts.Paths
	if len(paths) == 0 {
		paths = []string{"."}
	}
	root, err := FindRoot(paths[0])
	if err != nil {
		return nil, err
	}
	only, err := restriction(root, paths)
	if err != nil {
		return nil, err
	}
	cfg := opts.Config
	if cfg == nil {
		cfg = config.Default()
	}
	plan, err := newPlan(opts.Analyzers, cfg, opts.Enable, opts.Disable)
	if err != nil {
		return nil, err
	}

	trace := opts.Trace
	if trace == nil {
		trace = func(string, time.Duration) {}
	}
	// The files are read and parsed while the walk goes on (see pathQueue).
	start := time.Now()
	fset := token.NewFileSet()
	gc := startPacer(os.Getenv("GOGC") != "", os.Getenv("GOMEMLIMIT") != "")
	defer gc.restore()
	q := newPathQueue()
	type loaded struct {
		files    []*analysis.File
		skipped  int
		internal []internalNote
	}
	done := make(chan loaded)
	go func() {
		var l loaded
		l.files, l.skipped, l.internal = load(ctx, fset, root, q, opts.Workers, gc)
		done <- l
	}()
	nfound := 0
	t, err := walk(root, cfg.Exclude, func(rel string) {
		q.push(rel)
		nfound++
		gc.found(nfound)
	})
	q.close()
	trace("walk", time.Since(start))
	l := <-done
	if err != nil {
		return nil, err
	}
	files, skipped, internal := l.files, l.skipped, l.internal
	gc.settle()
	trace("walk, read and parse", time.Since(start))
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	r := &runner{
		fset:    fset,
		root:    root,
		files:   files,
		dirs:    t.dirs,
		cfg:     cfg,
		plan:    plan,
		workers: opts.Workers,
		trace:   trace,
	}
	r.internal = append(r.internal, internal...)
	start = time.Now()
	r.runAll(ctx)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	trace("analyzers", time.Since(start))
	start = time.Now()

	known := opts.KnownRule
	if known == nil {
		names := make(map[string]bool)
		for _, a := range opts.Analyzers {
			names[a.Name] = true
		}
		known = func(id string) bool { return names[id] }
	}
	findings := r.findings()
	findings = r.suppress(findings, known)
	findings = restrict(findings, only)
	findings, err = applyBaseline(findings, opts.Baseline, opts.WriteBaseline, only, plan)
	if err != nil {
		return nil, err
	}
	sortFindings(findings)
	trace("suppress, baseline, sort", time.Since(start))

	res := &report.Result{
		Tool:     "nixlint",
		Version:  opts.Version,
		Root:     root,
		Findings: findings,
	}
	res.Rules = ruleInfos(plan, findings)
	res.Summary = summarize(findings)
	res.Summary.Files = len(files)
	res.Summary.Skipped = skipped + t.excluded
	return res, nil
}

// restriction turns the paths given into root-relative prefixes that
// findings must lie in; nil means everything. The configuration file given
// as a path (pre-commit passes changed files, .nixlint.toml among them)
// lifts the restriction, since changing it changes every finding; so does
// the root flake.lock, which pins the inputs every file sees.
func restriction(root string, paths []string) ([]string, error) {
	var only []string
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, fmt.Errorf("resolving %s: %w", p, err)
		}
		rel, err := filepath.Rel(root, abs)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return nil, fmt.Errorf("%s is outside the repository %s: lint one repository at a time", p, root)
		}
		if rel == "." || filepath.Base(rel) == ".nixlint.toml" || rel == "flake.lock" {
			return nil, nil
		}
		if _, err := filepath.EvalSymlinks(abs); err != nil {
			return nil, fmt.Errorf("%s: %w", p, unwrapPathError(err))
		}
		only = append(only, filepath.ToSlash(rel))
	}
	return only, nil
}

// restrict keeps the findings in the files and folders of only.
func restrict(fs []report.Finding, only []string) []report.Finding {
	if only == nil {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		if inOnly(f.File, only) {
			out = append(out, f)
		}
	}
	return out
}

func inOnly(file string, only []string) bool {
	if only == nil {
		return true
	}
	for _, o := range only {
		if file == o || strings.HasPrefix(file, o+"/") {
			return true
		}
	}
	return false
}

func sortFindings(fs []report.Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := &fs[i], &fs[j]
		switch {
		case a.File != b.File:
			return a.File < b.File
		case a.Line != b.Line:
			return a.Line < b.Line
		case a.Column != b.Column:
			return a.Column < b.Column
		case a.Rule != b.Rule:
			return a.Rule < b.Rule
		case a.EndLine != b.EndLine:
			return a.EndLine < b.EndLine
		case a.EndColumn != b.EndColumn:
			return a.EndColumn < b.EndColumn
		case a.Message != b.Message:
			return a.Message < b.Message
		}
		return a.Fix < b.Fix
	})
}

func summarize(fs []report.Finding) report.Summary {
	var s report.Summary
	for _, f := range fs {
		if f.Rule == InternalError.Name {
			s.Internal++
		}
		if f.Suppressed {
			s.Suppressed++
			continue
		}
		switch f.Severity {
		case "error":
			s.Errors++
		case "warning":
			s.Warnings++
		case "note":
			s.Notes++
		}
	}
	return s
}

// ErrUsage marks errors in the options (an unknown rule name): the CLI
// reports them as usage errors.
var ErrUsage = errors.New("usage")
