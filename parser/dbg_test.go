package parser

import (
	"fmt"
	"go/token"
	"os"
	"testing"
)

func TestDebugParse(t *testing.T) {
	src := os.Getenv("NIXSRC")
	if src == "" {
		t.Skip()
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
