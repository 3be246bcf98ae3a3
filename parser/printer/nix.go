// Package printer prints a parsed Nix file: in the canonical form Nix 2.8's
// `nix-instantiate --parse` prints (Nix), which is how nixlint's parser is
// proven equal to Nix's, and as JSON for other tools (JSON).
package printer

import (
	"errors"
	"fmt"
	"go/token"
	"io"
	"os"
	"os/user"
	"slices"
	"sync"

	"github.com/nixlint/nixlint/parser/ast"
)

// Config holds what the canonical form depends on besides the file.
type Config struct {
	// Dir is the absolute directory of the file; relative paths are
	// resolved against it.
	Dir string
	// Home is the directory `~/` paths start from.
	Home string
}

// Nix writes the line `nix-instantiate --parse` prints for f, followed by a
// newline. dir is the absolute directory of the file; `~/` paths are
// resolved against $HOME as Nix does (see HomeDir).
//
// The file must be free of syntax and check errors: Nix prints nothing for
// a file it rejects, and neither does nixlint. On such a tree Nix prints
// something without failing, but what it prints means nothing.
func Nix(w io.Writer, fset *token.FileSet, f *ast.File, dir string) error {
	return Config{Dir: dir, Home: HomeDir()}.Nix(w, fset, f)
}

// Nix writes the canonical form of f, like the function Nix, using c's
// directories.
func (c Config) Nix(w io.Writer, fset *token.FileSet, f *ast.File) (err error) {
	if f == nil || f.Expr == nil {
		return errors.New("printer: empty file")
	}
	size := 0
	if f.Tok != nil {
		size = f.Tok.Size()
	}
	p := printers.Get().(*printer)
	p.reset(c, f.Expr, size)
	defer func() {
		// A tree the parser never makes could trip the printer; it says
		// so rather than take the process down.
		if r := recover(); r != nil {
			err = fmt.Errorf("printer: %s: internal error: %v", f.Name, r)
		}
		p.release()
	}()
	p.expr(f.Expr)
	p.b = append(p.b, '\n')
	if _, err := w.Write(p.b); err != nil {
		return fmt.Errorf("printer: writing %s: %w", f.Name, err)
	}
	return nil
}

// printers holds printers between files; one per worker is enough.
var printers = sync.Pool{New: func() any { return new(printer) }}

// maxPooled bounds the memory a pooled printer keeps: what a huge file
// needed is left to the collector rather than held for the process' life.
const (
	maxPooled     = 4 << 20 // output bytes
	maxPooledSets = 1 << 12 // sets, and attributes of large sets
)

// reset prepares p for printing root, of a file of size bytes. What
// scratch space holds of earlier files is never read again.
func (p *printer) reset(c Config, root ast.Expr, size int) {
	// The canonical form is usually a little longer than the source.
	p.b = slices.Grow(p.b[:0], size+size/2+64)
	p.syms.reset(root)
	p.dir, p.home = c.Dir, c.Home
	p.sets = p.sets[:0]
	p.index.reset()
	p.formals, p.lets, p.keys = p.formals[:0], p.lets[:0], p.keys[:0]
}

// release returns p to printers unless it grew too large, dropping its
// references to the tree.
func (p *printer) release() {
	p.syms.root = nil
	if cap(p.b) > maxPooled || cap(p.sets) > maxPooledSets || len(p.index.slots) > maxPooledSets {
		return
	}
	printers.Put(p)
}

// HomeDir returns the home directory as Nix 2.8's getHome finds it: $HOME,
// or the user database when it is unset.
func HomeDir() string {
	if h, ok := os.LookupEnv("HOME"); ok {
		return h
	}
	if u, err := user.Current(); err == nil {
		return u.HomeDir
	}
	return ""
}
