package engine

import (
	"bytes"
	"context"
	"fmt"
	"go/token"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/internal/readfile"
	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/ast"
)

// gitCryptMagic starts every file encrypted by git-crypt. Such files stay
// encrypted in CI checkouts; they are skipped, not reported as syntax errors.
var gitCryptMagic = []byte("\x00GITCRYPT\x00")

// internalNote is an internal error met outside any rule (a parser panic).
type internalNote struct {
	file string // relative path, or ""
	msg  string
}

// load reads and parses the files in parallel, one worker per CPU. It
// returns the parsed files in path order, the number of git-crypt files
// skipped, and internal errors. Each worker reads a file and parses it, so
// that one's system calls overlap with the other's parsing; the pacer
// learns the size of each file read (see pacer).
func load(ctx context.Context, fset *token.FileSet, root string, paths []string, workers int, gc *pacer) ([]*analysis.File, int, []internalNote) {
	type result struct {
		file     *analysis.File
		crypt    bool
		internal *internalNote
	}
	results := make([]result, len(paths))
	parallel(ctx, len(paths), workers, func(i int) {
		r := &results[i]
		src, err := readfile.Read(filepath.Join(root, filepath.FromSlash(paths[i])), nil)
		switch {
		case err != nil:
			r.file = unreadable(fset, paths[i], fmt.Errorf("cannot read file: %w", unwrapPathError(err)))
		case bytes.HasPrefix(src, gitCryptMagic):
			r.crypt = true
		default:
			gc.add(int64(len(src)))
			r.file, r.internal = parseFile(fset, paths[i], src)
		}
	})

	var files []*analysis.File
	var skipped int
	var notes []internalNote
	for _, r := range results {
		if r.internal != nil {
			notes = append(notes, *r.internal)
		}
		switch {
		case r.crypt:
			skipped++
		case r.file != nil:
			files = append(files, r.file)
		}
	}
	return files, skipped, notes
}

// parallel calls do(i) for every i in [0, n) on up to workers goroutines
// (0: one per CPU), and stops handing out indexes once ctx is done. The
// workers take the next index from a counter rather than from a channel
// fed by another goroutine, which would have to be scheduled in between.
func parallel(ctx context.Context, n, workers int, do func(i int)) {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < min(workers, n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				do(i)
			}
		}()
	}
	wg.Wait()
}

// parseFile parses one file's source. A parser panic (a bug) is recovered:
// the file is kept without a tree and the panic becomes an internal error.
func parseFile(fset *token.FileSet, rel string, src []byte) (f *analysis.File, note *internalNote) {
	defer func() {
		if v := recover(); v != nil {
			f = unreadable(fset, rel, fmt.Errorf("cannot parse file: parser failed"))
			note = &internalNote{file: rel, msg: fmt.Sprintf("the parser panicked on %s: %v", rel, v)}
		}
	}()
	// The engine never modifies a source it has read.
	tree, errs := parser.ParseFileMode(fset, rel, src, parser.SharedSource)
	if tree == nil {
		// Defensive: the parser always returns a tree.
		tf := fset.AddFile(rel, -1, len(src))
		tf.SetLinesForContent(src)
		tree = &ast.File{Name: rel, Tok: tf}
	}
	return &analysis.File{Path: rel, Src: src, AST: tree, Syntax: errs, Tok: tree.Tok}, nil
}

// unreadable returns a File for a file whose content could not be had: an
// empty tree and line table, so rules can point at it.
func unreadable(fset *token.FileSet, rel string, err error) *analysis.File {
	tf := fset.AddFile(rel, -1, 0)
	return &analysis.File{Path: rel, AST: &ast.File{Name: rel, Tok: tf}, Tok: tf, ReadErr: err}
}
