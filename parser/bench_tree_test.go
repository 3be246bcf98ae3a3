package parser

import (
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/nixlint/nixlint/bench/tree"
)

// BenchmarkParseTree parses a generated 3 500-file repository one file at
// a time, as nixlint does: many files of about 1.5 KB, unlike
// BenchmarkParse's one large source, so per-file costs count.
func BenchmarkParseTree(b *testing.B) {
	dir := b.TempDir()
	if _, err := tree.Generate(dir, 3500); err != nil {
		b.Fatal(err)
	}
	var names []string
	var srcs [][]byte
	total := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".nix" {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		names = append(names, path)
		srcs = append(srcs, src)
		total += len(src)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	sort.Sort(byName{names, srcs})
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		fset := token.NewFileSet()
		for i, src := range srcs {
			if _, errs := ParseFile(fset, names[i], src); len(errs) > 0 {
				b.Fatal(errs)
			}
		}
	}
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
