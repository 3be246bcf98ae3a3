package check_test

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/nixlint/nixlint/bench/tree"
	"github.com/nixlint/nixlint/internal/cputime"
	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/ast"
	"github.com/nixlint/nixlint/parser/check"
	"github.com/nixlint/nixlint/parser/scope"
)

// parsedFiles is a set of files parsed into one FileSet.
type parsedFiles struct {
	fset  *token.FileSet
	files []*ast.File
}

// parseDir parses every .nix file below dir, named relative to it; files
// with syntax errors are kept only when partial is set.
func parseDir(dir string, partial bool) (parsedFiles, error) {
	pf := parsedFiles{fset: token.NewFileSet()}
	srcs, err := tree.ReadSources(dir)
	for _, s := range srcs {
		if f, errs := parser.ParseFile(pf.fset, s.Path, s.Src); partial || len(errs) == 0 {
			pf.files = append(pf.files, f)
		}
	}
	return pf, err
}

// treeFiles is the generated 3 500-file repository, parsed once: the
// workload of a full lint.
var treeFiles = sync.OnceValues(func() (parsedFiles, error) {
	dir, err := os.MkdirTemp("", "check-tree-")
	if err != nil {
		return parsedFiles{}, err
	}
	defer os.RemoveAll(dir)
	if _, err := tree.Generate(dir, 3500); err != nil {
		return parsedFiles{}, err
	}
	return parseDir(dir, false)
})

func loadTree(tb testing.TB) parsedFiles {
	tb.Helper()
	pf, err := treeFiles()
	if err != nil {
		tb.Fatal(err)
	}
	return pf
}

// BenchmarkResolveCheckTree resolves and checks every file of the
// generated repository, as the per-file analysis of a lint does.
func BenchmarkResolveCheckTree(b *testing.B) {
	pf := loadTree(b)
	b.ReportAllocs()
	start := cputime.Now()
	for b.Loop() {
		for _, f := range pf.files {
			check.File(pf.fset, f, scope.Resolve(f))
		}
	}
	cputime.Report(b, start)
}

// BenchmarkResolveReuseCheckTree resolves every file of the generated
// repository with one Resolver's ResolveReuse, without a Refs map, and
// checks it, as module.PerFile does.
func BenchmarkResolveReuseCheckTree(b *testing.B) {
	pf := loadTree(b)
	b.ReportAllocs()
	r := scope.Resolver{NoRefsMap: true}
	start := cputime.Now()
	for b.Loop() {
		for _, f := range pf.files {
			check.File(pf.fset, f, r.ResolveReuse(f))
		}
	}
	cputime.Report(b, start)
}

// BenchmarkCheckTree checks every file of the generated repository, its
// scopes resolved beforehand.
func BenchmarkCheckTree(b *testing.B) {
	pf := loadTree(b)
	infos := make([]*scope.Info, len(pf.files))
	for i, f := range pf.files {
		infos[i] = scope.Resolve(f)
	}
	b.ReportAllocs()
	start := cputime.Now()
	for b.Loop() {
		for i, f := range pf.files {
			check.File(pf.fset, f, infos[i])
		}
	}
	cputime.Report(b, start)
}

// TestDumpErrors writes the errors of every corpus and generated file to
// the file named by CHECK_DUMP, to compare two versions of the package.
func TestDumpErrors(t *testing.T) {
	out := os.Getenv("CHECK_DUMP")
	if out == "" {
		t.Skip("CHECK_DUMP not set")
	}
	corpus, err := parseDir(filepath.Join("..", "..", "testdata", "parser"), true)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, pf := range []parsedFiles{corpus, loadTree(t)} {
		for _, f := range pf.files {
			fmt.Fprintf(&b, "== %s\n", f.Name)
			for _, e := range check.File(pf.fset, f, nil) {
				fmt.Fprintf(&b, "%d %d-%d %s: %s\n", e.Kind, e.Pos, e.End, e.Position, e.Msg)
			}
		}
	}
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
