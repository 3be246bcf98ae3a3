package printer_test

import (
	"bytes"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/ast"
	"github.com/nixlint/nixlint/parser/check"
	"github.com/nixlint/nixlint/parser/printer"
)

// benchCorpus returns the accepted corpus files' contents, less the stress
// files (nest-*, symbols-*) whose thousands of nested parentheses or
// formals say nothing of real code. Set NIXLINT_BENCH_DIR to measure
// another tree instead (for instance one made by `go run ./bench/gentree
// DIR`).
func benchCorpus(b *testing.B) [][]byte {
	b.Helper()
	dir := os.Getenv("NIXLINT_BENCH_DIR")
	var files []string
	if dir == "" {
		for _, f := range nixFiles(b, corpusDir) {
			base := filepath.Base(f)
			if !strings.HasPrefix(base, "nest-") && !strings.HasPrefix(base, "symbols-") {
				files = append(files, f)
			}
		}
	} else {
		filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && filepath.Ext(path) == ".nix" {
				files = append(files, path)
			}
			return nil
		})
	}
	var srcs [][]byte
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src)
	}
	return srcs
}

func totalBytes(srcs [][]byte) int64 {
	var n int64
	for _, s := range srcs {
		n += int64(len(s))
	}
	return n
}

// BenchmarkParse measures parsing alone, in MB/s of source.
func BenchmarkParse(b *testing.B) {
	srcs := benchCorpus(b)
	b.SetBytes(totalBytes(srcs))
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range srcs {
			parser.ParseFile(token.NewFileSet(), "bench.nix", src)
		}
	}
}

// BenchmarkParseCheckPrint measures what `nixlint parse --format nix` does
// per file: parse, Nix's checks, canonical printing.
func BenchmarkParseCheckPrint(b *testing.B) {
	srcs := benchCorpus(b)
	b.SetBytes(totalBytes(srcs))
	b.ReportAllocs()
	cfg := printer.Config{Dir: "/bench", Home: "/home/bench"}
	var buf bytes.Buffer
	for b.Loop() {
		for _, src := range srcs {
			fset := token.NewFileSet()
			f, errs := parser.ParseFile(fset, "bench.nix", src)
			if len(errs) == 0 && len(check.File(fset, f, nil)) == 0 {
				buf.Reset()
				cfg.Nix(&buf, fset, f)
			}
		}
	}
	io.Discard.Write(buf.Bytes())
}

// BenchmarkPrint measures the canonical printer alone.
func BenchmarkPrint(b *testing.B) {
	srcs := benchCorpus(b)
	fsets := make([]*token.FileSet, 0, len(srcs))
	trees := make([]*ast.File, 0, len(srcs))
	for _, src := range srcs {
		fset := token.NewFileSet()
		f, errs := parser.ParseFile(fset, "bench.nix", src)
		if len(errs) == 0 {
			fsets = append(fsets, fset)
			trees = append(trees, f)
		}
	}
	b.SetBytes(totalBytes(srcs))
	cfg := printer.Config{Dir: "/bench", Home: "/home/bench"}
	var buf bytes.Buffer
	for b.Loop() {
		for i, t := range trees {
			buf.Reset()
			cfg.Nix(&buf, fsets[i], t)
		}
	}
}
