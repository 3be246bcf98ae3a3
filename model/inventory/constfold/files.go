package constfold

import (
	"sync"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/parser/scope"
)

// Analyzer provides a Folder per file (*Files), so that the machine
// registry and the VM inventory resolve each file's variables once.
var Analyzer = &analysis.Analyzer{
	Name: "constfold",
	Doc:  "fold constant expressions (literals, let-bound constants, + - * and string interpolation) per file",
	Run: func(*analysis.Pass) (any, error) {
		return &Files{scopes: map[*analysis.File]*lazyScope{}}, nil
	},
}

// Files hands out Folders for the files of a repository. The registry and
// the inventory run in parallel and may fold the same file, so Files is
// safe for concurrent use: each file's scopes are resolved once, the first
// time anything in it is folded, and shared; the Folders themselves (which
// track the fold in progress) are never shared.
type Files struct {
	mu     sync.Mutex
	scopes map[*analysis.File]*lazyScope
}

// lazyScope resolves a file's scopes on first use: most files hold no VM,
// and resolving costs as much as parsing.
type lazyScope struct {
	once sync.Once
	file *analysis.File
	info *scope.Info
}

func (l *lazyScope) get() *scope.Info {
	l.once.Do(func() {
		if l.file != nil && l.file.AST != nil {
			l.info = scope.Resolve(l.file.AST)
		} else {
			l.info = &scope.Info{}
		}
	})
	return l.info
}

// For returns a new Folder for f, for use by one goroutine. It costs an
// allocation: the file's scopes are looked up on the Folder's first fold,
// which for most files never comes.
func (fs *Files) For(f *analysis.File) *Folder {
	if fs == nil || f == nil {
		return New(nil)
	}
	return &Folder{files: fs, file: f}
}

// scope returns the scopes of f, resolving them the first time.
func (fs *Files) scope(f *analysis.File) *scope.Info {
	fs.mu.Lock()
	l, ok := fs.scopes[f]
	if !ok {
		l = &lazyScope{file: f}
		fs.scopes[f] = l
	}
	fs.mu.Unlock()
	return l.get()
}
