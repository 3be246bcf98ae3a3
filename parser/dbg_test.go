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
	f, errs := ParseFile(fset, "t.nix", []byte(src))
	fmt.Println(sexpr(f.Expr))
	for _, e := range errs {
		fmt.Println(e)
	}
}
