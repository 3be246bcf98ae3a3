package module_test

import (
	"fmt"
	"go/token"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"testing"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/bench/tree"
	"github.com/nixlint/nixlint/model/module"
	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/scope"
)

// parsedRepo is bench/tree's generated repository of n files, parsed and
// resolved: the input of the module model.
func parsedRepo(tb testing.TB, dir string, n int) ([]*analysis.File, []*scope.Info) {
	tb.Helper()
	if _, err := tree.Generate(dir, n); err != nil {
		tb.Fatal(err)
	}
	fset := token.NewFileSet()
	var files []*analysis.File
	var infos []*scope.Info
	srcs, err := tree.ReadSources(dir)
	if err != nil {
		tb.Fatal(err)
	}
	for _, s := range srcs {
		t, errs := parser.ParseFile(fset, s.Path, s.Src)
		f := &analysis.File{Path: s.Path, Src: s.Src, AST: t, Syntax: errs, Tok: t.Tok}
		var info *scope.Info
		if module.Resolvable(f) {
			info = scope.Resolve(t)
		}
		files = append(files, f)
		infos = append(infos, info)
	}
	return files, infos
}

// BenchmarkBuild measures building the module model of the generated
// 3 500-file repository from parsed and resolved files (what PerFile does
// after resolving, and module.New).
func BenchmarkBuild(b *testing.B) {
	files, infos := parsedRepo(b, b.TempDir(), 3500)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		mods := make([]*module.Module, len(files))
		for j, f := range files {
			mods[j] = module.BuildResolved(f, infos[j])
		}
		module.New(mods...)
	}
}

// TestLiveHeap reports the heap the module model of a large generated
// repository keeps alive. It is a measurement, not a check: set
// NIXLINT_MODEL_HEAP=40000 to run it on that many files.
func TestLiveHeap(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("NIXLINT_MODEL_HEAP"))
	if n <= 0 {
		t.Skip("set NIXLINT_MODEL_HEAP=<files> to measure the model's live heap")
	}
	files, infos := parsedRepo(t, t.TempDir(), n)
	before := liveHeap()
	mods := make([]*module.Module, len(files))
	for j, f := range files {
		mods[j] = module.BuildResolved(f, infos[j])
	}
	m := module.New(mods...)
	after := liveHeap()
	defs := 0
	for _, mod := range m.Modules() {
		defs += len(mod.Defs)
		for _, in := range mod.Inline {
			defs += len(in.Defs)
		}
	}
	fmt.Printf("%d files: %d definitions; model live heap %.1f MB\n", len(files), defs, float64(after-before)/1e6)
	if out := os.Getenv("NIXLINT_MODEL_HEAPPROF"); out != "" {
		// The live objects, with the model still in use.
		f, err := os.Create(out)
		if err != nil {
			t.Fatal(err)
		}
		if err := pprof.WriteHeapProfile(f); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	runtime.KeepAlive(files)
	runtime.KeepAlive(infos)
	runtime.KeepAlive(m)
}

func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// BenchmarkUnitOptions measures computing the unit of every module of the
// generated repository (module-self-enable and firewall-toggle ask for
// it), on modules built afresh for each iteration, since the result is
// cached.
func BenchmarkUnitOptions(b *testing.B) {
	files, infos := parsedRepo(b, b.TempDir(), 3500)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		mods := make([]*module.Module, len(files))
		for j, f := range files {
			mods[j] = module.BuildResolved(f, infos[j])
		}
		m := module.New(mods...)
		b.StartTimer()
		for _, mod := range mods {
			m.UnitOptions(mod)
		}
	}
}
