package engine

import (
	"bytes"
	"context"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/nixlint/nixlint/analysis"
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
// skipped, and internal errors.
func load(ctx context.Context, fset *token.FileSet, root string, paths []string, workers int) ([]*analysis.File, int, []internalNote) {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	type result struct {
		file     *analysis.File
		crypt    bool
		internal *internalNote
	}
	results := make([]result, len(paths))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				f, crypt, note := loadFile(fset, root, paths[i])
				results[i] = result{f, crypt, note}
			}
		}()
	}
	for i := range paths {
		if ctx.Err() != nil {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()

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

// loadFile reads and parses one file. A parser panic (a bug) is recovered:
// the file is kept without a tree and the panic becomes an internal error.
func loadFile(fset *token.FileSet, root, rel string) (f *analysis.File, crypt bool, note *internalNote) {
	src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return unreadable(fset, rel, fmt.Errorf("cannot read file: %w", unwrapPathError(err))), false, nil
	}
	if bytes.HasPrefix(src, gitCryptMagic) {
		return nil, true, nil
	}
	defer func() {
		if v := recover(); v != nil {
			f = unreadable(fset, rel, fmt.Errorf("cannot parse file: parser failed"))
			note = &internalNote{file: rel, msg: fmt.Sprintf("the parser panicked on %s: %v", rel, v)}
		}
	}()
	tree, errs := parser.ParseFile(fset, rel, src)
	if tree == nil {
		// Defensive: the parser always returns a tree.
		tf := fset.AddFile(rel, -1, len(src))
		tf.SetLinesForContent(src)
		tree = &ast.File{Name: rel, Tok: tf}
	}
	return &analysis.File{Path: rel, Src: src, AST: tree, Syntax: errs, Tok: tree.Tok}, false, nil
}

// unreadable returns a File for a file whose content could not be had: an
// empty tree and line table, so rules can point at it.
func unreadable(fset *token.FileSet, rel string, err error) *analysis.File {
	tf := fset.AddFile(rel, -1, 0)
	return &analysis.File{Path: rel, AST: &ast.File{Name: rel, Tok: tf}, Tok: tf, ReadErr: err}
}
