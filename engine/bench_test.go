package engine_test

import (
	"context"
	"os"
	"sync"
	"testing"

	"github.com/nixlint/nixlint/bench/tree"
	"github.com/nixlint/nixlint/engine"
	"github.com/nixlint/nixlint/rules"
)

var (
	benchOnce sync.Once
	benchDir  string
	benchSt   tree.Stats
	benchErr  error
)

// benchTree generates the benchmark repository once per test binary: 3 500
// files from realistic templates (modules, roles, packages, flake parts and
// a machine registry), about 5 MB.
func benchTree(b *testing.B) (string, tree.Stats) {
	benchOnce.Do(func() {
		benchDir, benchErr = os.MkdirTemp("", "nixlint-bench-")
		if benchErr == nil {
			benchSt, benchErr = tree.Generate(benchDir, 3500)
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDir, benchSt
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
