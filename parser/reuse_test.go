package parser

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/nixlint/nixlint/parser/ast"
)

// describe renders everything a parse returns that a caller can see: the
// tree, the comments, the line table and the errors.
func describe(f *ast.File, errs ErrorList) string {
	var b strings.Builder
	writeSexpr(&b, f.Expr)
	for _, c := range f.Comments {
		fmt.Fprintf(&b, "\ncomment %d %q", int(c.Start)-f.Tok.Base(), c.Text)
	}
	fmt.Fprintf(&b, "\nlines %d:", f.Tok.LineCount())
	for i := 1; i <= f.Tok.LineCount(); i++ {
		fmt.Fprint(&b, " ", f.Tok.Offset(f.Tok.LineStart(i)))
	}
	for _, e := range errs {
		fmt.Fprintf(&b, "\n%s", e)
	}
	return b.String()
}

// TestParserReuse checks that a Parser that parses files one after
// another, across generations, builds what a fresh parse builds, and that
// the trees it built stay intact while it goes on.
func TestParserReuse(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "parser", "corpus", "*.nix"))
	var srcs [][]byte
	for _, fn := range files {
		src, err := os.ReadFile(fn)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, src)
	}
	srcs = append(srcs, []byte("{ a = 1; # c\n b = [ x y ]; }"), []byte("let in"), []byte("x: { ${x} = \"a\\nb\"; }"),
		[]byte("/* unterminated"), []byte("{ a = ''\n  x\n ''; }\r\n"), syntheticSource(genBytes/4))
	fresh := make([]string, len(srcs))
	for i, src := range srcs {
		var p Parser
		fresh[i] = describe(p.ParseFile(token.NewFileSet(), "f.nix", src, 0))
	}
	ps := NewParser()
	fset := token.NewFileSet()
	type parsed struct {
		f    *ast.File
		errs ErrorList
		want string
	}
	var all []parsed
	// Several rounds, so that the Parser crosses generations.
	for round := 0; round < 6; round++ {
		for i, src := range srcs {
			f, errs := ps.ParseFile(fset, "f.nix", src, 0)
			if got := describe(f, errs); got != fresh[i] {
				t.Fatalf("round %d, file %d: reused Parser gives\n%s\nfresh Parser gives\n%s", round, i, got, fresh[i])
			}
			all = append(all, parsed{f, errs, fresh[i]})
		}
	}
	for i, x := range all {
		if got := describe(x.f, x.errs); got != x.want {
			t.Fatalf("tree %d changed after later parses:\n%s\nwant\n%s", i, got, x.want)
		}
	}
}

// TestParserMemoryBounded checks that the trees a Parser builds do not
// keep each other alive without end through the chunks they share: a
// program that parses many files and drops the trees gets the memory back
// (see genBytes).
func TestParserMemoryBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("parses 16 MB")
	}
	src := syntheticSource(64 << 10)
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	ps := NewParser()
	before := heap()
	n := (16 << 20) / len(src)
	for i := 0; i < n; i++ {
		ps.ParseFile(token.NewFileSet(), "f.nix", src, 0)
	}
	// Trees take about 9 bytes per byte of source: all of them would be
	// about 150 MB, a generation (2 MB of source) less than 20 MB.
	const bound = 48 << 20
	if grown := int64(heap()) - int64(before); grown > bound {
		t.Errorf("after parsing %d MB and dropping the trees, the heap grew by %d MB (at most %d MB expected)", n*len(src)>>20, grown>>20, bound>>20)
	}
	runtime.KeepAlive(ps)
}

// TestParseFileConcurrent checks that ParseFile, which takes Parsers from
// a pool, can be called from several goroutines at once (run it with
// -race), each getting what a fresh parse gives.
func TestParseFileConcurrent(t *testing.T) {
	srcs := [][]byte{
		[]byte("{ a = 1; # c\n b = [ x y ]; }"),
		[]byte("x: { ${x} = \"a\\nb\"; inherit (x) y z; }"),
		[]byte("let f = { a ? 1, ... }@args: a; in f { }"),
		syntheticSource(16 << 10),
	}
	want := make([]string, len(srcs))
	for i, src := range srcs {
		var p Parser
		want[i] = describe(p.ParseFile(token.NewFileSet(), "f.nix", src, 0))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := 0; round < 20; round++ {
				for i, src := range srcs {
					if got := describe(ParseFile(token.NewFileSet(), "f.nix", src)); got != want[i] {
						errs <- fmt.Sprintf("file %d: concurrent parse gives\n%s\nwant\n%s", i, got, want[i])
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
