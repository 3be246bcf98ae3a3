package engine_test

import (
	"context"
	"testing"

	"github.com/nixlint/nixlint/bench/tree"
	"github.com/nixlint/nixlint/engine"
	"github.com/nixlint/nixlint/rules"
)

// benchTree generates the benchmark repository: 3 500 files from realistic
// templates (modules, roles, packages, flake parts and a machine registry),
// about 5 MB.
func benchTree(b *testing.B) (string, tree.Stats) {
	dir := b.TempDir()
	st, err := tree.Generate(dir, 3500)
	if err != nil {
		b.Fatal(err)
	}
	return dir, st
}

// BenchmarkLint measures the whole pipeline (walk, read, parse, every rule,
// suppressions, sort) on the generated repository. bench/lint-vs-nix.sh
// compares the built binary with nix-instantiate --parse and cat.
func BenchmarkLint(b *testing.B) {
	dir, st := benchTree(b)
	all := rules.All()
	cfg, err := engine.LoadConfig(dir, "", all)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Bytes)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := engine.Run(context.Background(), engine.Options{Paths: []string{dir}, Config: cfg, Analyzers: all})
		if err != nil {
			b.Fatal(err)
		}
		if res.Summary.Files != st.Files {
			b.Fatalf("linted %d files, generated %d", res.Summary.Files, st.Files)
		}
	}
}
