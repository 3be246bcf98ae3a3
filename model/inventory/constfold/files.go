package constfold

import (
	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/parser/scope"
)

// Analyzer provides a Folder per file (*Files), so that the machine
// registry and the VM inventory resolve each file's variables once.
var Analyzer = &analysis.Analyzer{
	Name: "constfold",
	Doc:  "fold constant expressions (literals, let-bound constants, + - * and string interpolation) per file",
	Run: func(*analysis.Pass) (any, error) {
		return &Files{folders: map[*analysis.File]*Folder{}}, nil
	},
}

// Files hands out one Folder per file, resolving the file's scopes the
// first time the Folder folds something. Analyzers run one at a time, so it needs no lock.
type Files struct {
	folders map[*analysis.File]*Folder
}

// For returns the Folder of f.
func (fs *Files) For(f *analysis.File) *Folder {
	if fs == nil {
		return New(nil)
	}
	if fo, ok := fs.folders[f]; ok {
		return fo
	}
	fo := &Folder{active: map[*scope.Binding]bool{}}
	if f != nil {
		fo.lazy = f.AST
		fs.folders[f] = fo
	}
	return fo
}
