package parser

import (
	"go/token"
	"sort"
	"testing"

	"github.com/nixlint/nixlint/bench/tree"
	"github.com/nixlint/nixlint/parser/ast"
)

// BenchmarkParseTree parses a generated 3 500-file repository one file at
// a time, as nixlint does: many files of about 1.5 KB, unlike
// BenchmarkParse's one large source, so per-file costs count. The trees
// are dropped as soon as they are built.
func BenchmarkParseTree(b *testing.B) {
	benchmarkParseTree(b, false)
}

// BenchmarkParseTreeKeep is BenchmarkParseTree keeping every tree of an
// iteration alive until its end, as nixlint keeps them for the analyzers:
// the collector then marks them all, as it does in a lint run.
func BenchmarkParseTreeKeep(b *testing.B) {
	benchmarkParseTree(b, true)
}

func benchmarkParseTree(b *testing.B, keep bool) {
	names, srcs, total := generatedTree(b)
	b.SetBytes(int64(total))
	b.ReportAllocs()
	trees := make([]*ast.File, len(srcs))
	for b.Loop() {
		fset := token.NewFileSet()
		for i, src := range srcs {
			f, errs := ParseFile(fset, names[i], src)
			if len(errs) > 0 {
				b.Fatal(errs)
			}
			if keep {
				trees[i] = f
			}
		}
		clear(trees)
	}
}

// generatedTree writes a generated repository of 3 500 files and returns
// their names and contents, sorted by name, and their total size.
func generatedTree(b *testing.B) (names []string, srcs [][]byte, total int) {
	dir := b.TempDir()
	if _, err := tree.Generate(dir, 3500); err != nil {
		b.Fatal(err)
	}
	sources, err := tree.ReadSources(dir)
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range sources {
		names = append(names, s.File)
		srcs = append(srcs, s.Src)
		total += len(s.Src)
	}
	sort.Sort(byName{names, srcs})
	return names, srcs, total
}

// byName sorts file names and their sources together.
type byName struct {
	names []string
	srcs  [][]byte
}

func (s byName) Len() int           { return len(s.names) }
func (s byName) Less(i, j int) bool { return s.names[i] < s.names[j] }
func (s byName) Swap(i, j int) {
	s.names[i], s.names[j] = s.names[j], s.names[i]
	s.srcs[i], s.srcs[j] = s.srcs[j], s.srcs[i]
}
