package parser

import (
	"fmt"
	"go/token"
	"os"
	"testing"
)

// TestDebugParse is a tool for working on the parser, not a check: it
// prints the tree and errors of $NIXSRC (with the pipe operators when
// $NIXPIPES is set), e.g.
//
//	NIXSRC='a.b or c' go test -v -run TestDebugParse ./parser/
func TestDebugParse(t *testing.T) {
	src := os.Getenv("NIXSRC")
	if src == "" {
		t.Skip("set NIXSRC to a Nix expression to print its tree")
	}
	fset := token.NewFileSet()
	var mode Mode
	if os.Getenv("NIXPIPES") != "" {
		mode = PipeOperators
	}
	f, errs := ParseFileMode(fset, "t.nix", []byte(src), mode)
	fmt.Println(sexpr(f.Expr))
	for _, e := range errs {
		fmt.Println(e)
	}
}
