package rules_test

import (
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/bench/tree"
	"github.com/nixlint/nixlint/config"
	"github.com/nixlint/nixlint/engine"
	"github.com/nixlint/nixlint/model/module"
	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/rules"
)

// benchRepo is bench/tree's generated repository, parsed, with every shared
// analysis computed: what the rules read.
type benchRepo struct {
	fset    *token.FileSet
	root    string
	files   []*analysis.File
	dirs    []string
	all     []*analysis.Analyzer
	order   []*analysis.Analyzer // every analyzer, requirements first
	results map[*analysis.Analyzer]any
}

func loadBenchRepo(b *testing.B, n int) *benchRepo {
	b.Helper()
	dir := b.TempDir()
	if _, err := tree.Generate(dir, n); err != nil {
		b.Fatal(err)
	}
	r := &benchRepo{fset: token.NewFileSet(), root: dir, all: rules.All(), results: make(map[*analysis.Analyzer]any)}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel != "." {
				r.dirs = append(r.dirs, rel)
			}
			return nil
		}
		if !strings.HasSuffix(rel, ".nix") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		tree, errs := parser.ParseFile(r.fset, rel, src)
		r.files = append(r.files, &analysis.File{Path: rel, Src: src, AST: tree, Syntax: errs, Tok: tree.Tok})
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	sort.Slice(r.files, func(i, j int) bool { return r.files[i].Path < r.files[j].Path })
	sort.Strings(r.dirs)
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, req := range a.Requires {
			visit(req)
		}
		r.order = append(r.order, a)
	}
	for _, a := range r.all {
		visit(a)
	}
	return r
}

// run runs one analyzer with the results computed so far and records its
// result; findings are counted.
func (r *benchRepo) run(b *testing.B, a *analysis.Analyzer, cfg *config.Config) int {
	n := 0
	pass := &analysis.Pass{
		Analyzer: a, Fset: r.fset, Root: r.root, Files: r.files, Dirs: r.dirs, Config: cfg,
		ResultOf: make(map[*analysis.Analyzer]any),
		Report:   func(analysis.Diagnostic) { n++ },
	}
	for _, req := range a.Requires {
		pass.ResultOf[req] = r.results[req]
	}
	if a.Run == nil {
		return 0
	}
	res, err := a.Run(pass)
	if err != nil {
		b.Fatalf("%s: %v", a.Name, err)
	}
	r.results[a] = res
	return n
}

// BenchmarkRules measures the rules that run after parsing on the generated
// 3 500-file repository, each on a freshly built module model (so that no
// rule profits from caches a previous iteration filled). The per-rule
// times are reported as metrics (ms-<rule>); allocs/op covers every rule,
// not the model.
func BenchmarkRules(b *testing.B) {
	r := loadBenchRepo(b, 3500)
	cfg, err := engine.LoadConfig(r.root, "", r.all)
	if err != nil {
		b.Fatal(err)
	}
	shared := map[string]bool{module.PerFile.Name: true, module.Analyzer.Name: true}
	spent := make(map[string]time.Duration)
	var findings int
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		findings = 0
		for _, a := range r.order {
			if shared[a.Name] {
				r.run(b, a, cfg)
			}
		}
		b.StartTimer()
		for _, a := range r.order {
			if shared[a.Name] {
				continue
			}
			start := time.Now()
			findings += r.run(b, a, cfg)
			spent[a.Name] += time.Since(start)
		}
	}
	b.StopTimer()
	names := make([]string, 0, len(spent))
	for n := range spent {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if ms := float64(spent[n].Microseconds()) / 1000 / float64(b.N); ms >= 0.5 {
			b.ReportMetric(ms, "ms-"+n)
		}
	}
	b.ReportMetric(float64(findings), "findings")
}
