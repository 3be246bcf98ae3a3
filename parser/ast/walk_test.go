package ast_test

import (
	"fmt"
	"go/token"
	"strings"
	"testing"

	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/ast"
)

// walkSources cover every node type Children knows.
var walkSources = []struct{ name, src string }{
	{"module", `{ config, lib, pkgs ? import <nixpkgs> {}, ... }@args:
let cfg = config.services.x; inherit (lib) mkIf; in {
  options.services.x.enable = lib.mkEnableOption "x";
  config = mkIf cfg.enable { a.b = [ 1 "s${toString 2}" ./p/${cfg.n} ]; "${cfg.k}" = -1; };
}`},
	{"operators", `assert a ? b.c; with x; if !a && b || c -> d then y.z or (q: q) else f a b + 1 // { inherit c; }`},
	{"param first", `args@{ a, b }: a`},
	{"legacy let", `let { body = 1; }`},
	{"indented", "''\n  a ${b} c\n''"},
}

// reference is the traversal Inspect documents, written recursively over
// Children.
func reference(n ast.Node, f func(ast.Node) bool) {
	if !f(n) {
		return
	}
	for _, c := range ast.Children(n) {
		reference(c, f)
	}
	f(nil)
}

// trace records the calls f receives, skipping the children of every node
// of the type skip names.
func trace(walk func(ast.Node, func(ast.Node) bool), root ast.Node, skip string) []string {
	var out []string
	walk(root, func(n ast.Node) bool {
		if n == nil {
			out = append(out, "end")
			return false
		}
		t := fmt.Sprintf("%T", n)
		out = append(out, fmt.Sprintf("%s@%d", t, n.Pos()))
		return t != skip
	})
	return out
}

func TestInspectOrder(t *testing.T) {
	for _, tc := range walkSources {
		for _, skip := range []string{"", "*ast.Select", "*ast.AttrSet", "*ast.Lambda"} {
			t.Run(tc.name+"/"+skip, func(t *testing.T) {
				f, errs := parser.ParseFile(token.NewFileSet(), "x.nix", []byte(tc.src))
				if len(errs) > 0 {
					t.Fatalf("parse: %v", errs)
				}
				got := trace(ast.Inspect, f, skip)
				want := trace(reference, f, skip)
				if strings.Join(got, " ") != strings.Join(want, " ") {
					t.Errorf("Inspect visits\n%v\nwant\n%v", got, want)
				}
				if len(got) < 3 {
					t.Errorf("only %d calls", len(got))
				}
			})
		}
	}
}

func TestInspectAllocates(t *testing.T) {
	src := walkSources[0].src
	f, _ := parser.ParseFile(token.NewFileSet(), "x.nix", []byte(src))
	nodes := 0
	allocs := testing.AllocsPerRun(20, func() {
		nodes = 0
		ast.Inspect(f, func(n ast.Node) bool { nodes++; return true })
	})
	if allocs != 0 {
		t.Errorf("Inspect allocates %v times per walk of %d calls, want 0", allocs, nodes)
	}
}

// TestInspectDeep walks chains far deeper than the goroutine stack would
// allow recursively: a left-nested chain of operators is as deep as the
// source is long, whatever the parser's nesting limit.
func TestInspectDeep(t *testing.T) {
	const n = 200000
	src := "a" + strings.Repeat(" + a", n)
	f, errs := parser.ParseFile(token.NewFileSet(), "x.nix", []byte(src))
	if len(errs) > 0 {
		t.Fatalf("parse: %v", errs[0])
	}
	idents, ends := 0, 0
	ast.Inspect(f, func(n ast.Node) bool {
		switch n.(type) {
		case nil:
			ends++
		case *ast.Ident:
			idents++
		}
		return true
	})
	if idents != n+1 {
		t.Errorf("visited %d identifiers, want %d", idents, n+1)
	}
	if ends != 2*n+2 { // every Binary and Ident, and the File
		t.Errorf("f(nil) called %d times, want %d", ends, 2*n+2)
	}
}
