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
func (c Config) Nix(w io.Writer, fset *token.FileSet, f *ast.File) error {
	if f == nil || f.Expr == nil {
		return errors.New("printer: empty file")
	}
	size := 0
	if f.Tok != nil {
		size = f.Tok.Size()
	}
	syms := newSymtab(size)
	l := &lowerer{syms: syms, dir: c.Dir, home: c.Home}
	e := l.expr(f.Expr)
	out := outBufs.Get().(*outBuf)
	// The canonical form is usually a little longer than the source.
	out.buf = slices.Grow(out.buf[:0], size+size/2+64)
	p := &shower{b: out, syms: syms}
	p.show(e)
	out.WriteByte('\n')
	_, err := w.Write(out.buf)
	if cap(out.buf) <= maxPooled {
		outBufs.Put(out)
	}
	if err != nil {
		return fmt.Errorf("printer: writing %s: %w", f.Name, err)
	}
	return nil
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
