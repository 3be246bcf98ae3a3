package scope_test

import (
	"go/token"
	"os"
	"sync"
	"testing"

	"github.com/nixlint/nixlint/bench/tree"
	"github.com/nixlint/nixlint/internal/cputime"
	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/ast"
	"github.com/nixlint/nixlint/parser/scope"
)

// treeFiles is the generated 3 500-file repository, parsed once: the
// workload of a full lint, shared by the benchmarks and the tests that
// compare Resolver with Resolve.
var treeFiles = sync.OnceValues(func() ([]*ast.File, error) {
	dir, err := os.MkdirTemp("", "scope-tree-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if _, err := tree.Generate(dir, 3500); err != nil {
		return nil, err
	}
	srcs, err := tree.ReadSources(dir)
	fset := token.NewFileSet()
	var files []*ast.File
	for _, s := range srcs {
		if f, errs := parser.ParseFile(fset, s.Path, s.Src); len(errs) == 0 {
			files = append(files, f)
		}
	}
	return files, err
})

func loadTree(tb testing.TB) []*ast.File {
	tb.Helper()
	files, err := treeFiles()
	if err != nil {
		tb.Fatal(err)
	}
	return files
}

func treeBytes(files []*ast.File) int64 {
	var n int64
	for _, f := range files {
		if f.Tok != nil {
			n += int64(f.Tok.Size())
		}
	}
	return n
}

// BenchmarkResolveTree resolves every file of the generated repository
// with a fresh Resolve per file, as callers did before Resolver.
func BenchmarkResolveTree(b *testing.B) {
	files := loadTree(b)
	b.SetBytes(treeBytes(files))
	b.ReportAllocs()
	start := cputime.Now()
	for b.Loop() {
		for _, f := range files {
			scope.Resolve(f)
		}
	}
	cputime.Report(b, start)
}

// BenchmarkResolverTree resolves every file of the generated repository
// with one Resolver, as a worker of a lint does.
func BenchmarkResolverTree(b *testing.B) {
	benchResolver(b, scope.Resolver{}, func(r *scope.Resolver, f *ast.File) { r.Resolve(f) })
}

// BenchmarkResolveReuseTree resolves every file of the generated
// repository with one Resolver's ResolveReuse.
func BenchmarkResolveReuseTree(b *testing.B) {
	benchResolver(b, scope.Resolver{}, func(r *scope.Resolver, f *ast.File) { r.ResolveReuse(f) })
}

// BenchmarkResolveReuseNoMapTree is BenchmarkResolveReuseTree with
// NoRefsMap (references indexed for BindingOf, without Info.Refs), as
// module.PerFile does.
func BenchmarkResolveReuseNoMapTree(b *testing.B) {
	benchResolver(b, scope.Resolver{NoRefsMap: true}, func(r *scope.Resolver, f *ast.File) { r.ResolveReuse(f) })
}

// benchResolver resolves every file of the generated repository with r,
// through resolve.
func benchResolver(b *testing.B, r scope.Resolver, resolve func(*scope.Resolver, *ast.File)) {
	files := loadTree(b)
	b.SetBytes(treeBytes(files))
	b.ReportAllocs()
	start := cputime.Now()
	for b.Loop() {
		for _, f := range files {
			resolve(&r, f)
		}
	}
	cputime.Report(b, start)
}
