package parser

import (
	"go/token"

	"github.com/nixlint/nixlint/parser/ast"
)

// parseString parses src as a file named t.nix in a fresh file set.
func parseString(src string) (*ast.File, ErrorList) {
	return ParseFile(token.NewFileSet(), "t.nix", []byte(src))
}

func newFileSet() *token.FileSet { return token.NewFileSet() }
