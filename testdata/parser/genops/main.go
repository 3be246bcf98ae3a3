// Command genops writes the operator-pair part of the parser corpus: for
// every ordered pair of binary operators, `a OP1 b OP2 c` (precedence and
// associativity), and every unary operator against every binary one. Pairs
// of non-associative operators of the same level are syntax errors in Nix
// and go to the invalid folder.
//
// Run from the repository root:
//
//	go run ./testdata/parser/genops testdata/parser
//
// then testdata/parser/update-expected.sh to record what Nix prints.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

type op struct {
	tok, name string
	level     int  // for the non-associativity rule only
	nonassoc  bool // `a op b op c` with two operators of this level is an error
}

var binops = []op{
	{"->", "impl", 1, false},
	{"||", "or", 2, false},
	{"&&", "and", 3, false},
	{"==", "eq", 4, true},
	{"!=", "neq", 4, true},
	{"<", "lt", 5, true},
	{"<=", "leq", 5, true},
	{">", "gt", 5, true},
	{">=", "geq", 5, true},
	{"//", "update", 6, false},
	{"+", "add", 7, false},
	{"-", "sub", 7, false},
	{"*", "mul", 8, false},
	{"/", "div", 8, false},
	{"++", "concat", 9, false},
	{"?", "hasattr", 10, false},
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: genops DIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	for _, a := range binops {
		var ok []string
		for _, b := range binops {
			e := fmt.Sprintf("a %s b %s c", a.tok, b.tok)
			if a.nonassoc && b.nonassoc && a.level == b.level {
				write(filepath.Join(dir, "invalid", fmt.Sprintf("op-nonassoc-%s-%s.nix", a.name, b.name)), "with {}; "+e+"\n")
				continue
			}
			ok = append(ok, "("+e+")")
		}
		write(filepath.Join(dir, "corpus", "op-pair-"+a.name+".nix"), "with {}; [\n  "+strings.Join(ok, "\n  ")+"\n]\n")
	}
	var un []string
	for _, b := range binops {
		for _, f := range []string{"!a %s b", "-a %s b", "a %s !b", "a %s -b", "f a %s b", "a %s f b", "a.b %s c", "a.b or d %s c"} {
			if b.tok == "?" && strings.Contains(f, "%s ") && !strings.HasSuffix(f, "%s b") && !strings.HasSuffix(f, "%s c") {
				continue // the right of ? is an attribute path, not an expression
			}
			un = append(un, "("+fmt.Sprintf(f, b.tok)+")")
		}
	}
	write(filepath.Join(dir, "corpus", "op-unary-pairs.nix"), "with {}; [\n  "+strings.Join(un, "\n  ")+"\n]\n")
}

func write(path, s string) {
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
