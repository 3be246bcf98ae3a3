package engine

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"go/token"
	"path/filepath"
	"runtime"
	"slices"
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

// load reads and parses the files the walk pushes to q, in parallel, one
// worker per CPU, while the walk goes on. It returns the parsed files in
// the walk's order (path order), the number of git-crypt files skipped,
// and internal errors. Each worker reads a file and parses it, so that one's
// system calls overlap with the other's parsing; the pacer learns the size
// of each file read (see pacer).
func load(ctx context.Context, fset *token.FileSet, root string, q *pathQueue, workers int, gc *pacer) ([]*analysis.File, int, []internalNote) {
	// result is the outcome for the file at index i of the queue. Each
	// worker keeps its own list; they are merged in index order at the end,
	// since the total is not known while the walk goes on.
	type result struct {
		i        int
		file     *analysis.File
		crypt    bool
		internal *internalNote
	}
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	var next atomic.Int64
	own := make([][]result, workers)
	var wg sync.WaitGroup
	for w := range own {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				path, ok := q.get(i)
				if !ok {
					return
				}
				r := result{i: i}
				src, err := readfile.Read(filepath.Join(root, filepath.FromSlash(path)), nil)
				switch {
				case err != nil:
					r.file = unreadable(fset, path, fmt.Errorf("cannot read file: %w", unwrapPathError(err)))
				case bytes.HasPrefix(src, gitCryptMagic):
					r.crypt = true
				default:
					gc.add(int64(len(src)))
					r.file, r.internal = parseFile(fset, path, src)
				}
				own[w] = append(own[w], r)
			}
		}()
	}
	wg.Wait()

	var all []result
	for _, rs := range own {
		all = append(all, rs...)
	}
	slices.SortFunc(all, func(a, b result) int { return cmp.Compare(a.i, b.i) })
	var files []*analysis.File
	var skipped int
	var notes []internalNote
	for _, r := range all {
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
