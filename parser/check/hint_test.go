package check_test

import (
	"fmt"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/ast"
	"github.com/nixlint/nixlint/parser/check"
	"github.com/nixlint/nixlint/parser/scope"
)

// hintCases hide a repeated formal or a forbidden dynamic name in the
// places the resolver reaches only through its model of sets: merged
// sets, rejected definitions, dynamic attributes, inherit sources.
var hintCases = []string{
	`{ a = { }; a = { f = { z, z }: 1; }; }`,
	`{ a.b = 1; a = { c = { d, d }: 1; }; }`,
	`{ a = { b = x: x; }; a.c = { y, y }: y; }`,
	`let a = 1; a = ({ q, q }: 1); in a`,
	`{ ${x} = { p, p }: 1; }`,
	`{ a.${x}.b = { p, p }: 1; }`,
	`let inherit ({ r, r }: { }) k; in k`,
	`with ({ s, s }: 1); 1`,
	`let { body = let ${x} = 1; in 1; }`,
	`{ a = let inherit ${x}; in 1; }`,
	`x@{ x, ... }: 1`,
	`{ a = { ${"b"} = ({ e, e }: 1); }; a.c = 1; }`,
	`{ a = rec { x = y: { t, t }: 1; }; a.b = 2; }`,
	`rec { inherit (a) ${b}; a = { }; b = "c"; }`,
	`{ a = { inherit ${x}; }; a.b = 1; }`,
	`let a = { b = let ${c} = 1; in 1; }; a.d = 1; c = "e"; in a`,
	`{ a = 1; a = { b = let ${x} = 1; in 1; }; }`,
	`[ ({ a, a }: 1) (let ${y} = 1; in 1) ]`,
	`{ a, b }: { c = a; }`,
}

// TestNameErrorsHint checks that File finds what its walk finds when the
// resolver says the walk can be skipped, on the cases above, the parser
// corpus (partial trees included) and the generated repository.
func TestNameErrorsHint(t *testing.T) {
	corpus, err := parseDir(filepath.Join("..", "..", "testdata", "parser"), true)
	if err != nil {
		t.Fatal(err)
	}
	cases := parsedFiles{fset: token.NewFileSet()}
	for i, src := range hintCases {
		f, errs := parser.ParseFile(cases.fset, fmt.Sprint("case", i, ".nix"), []byte(src))
		if len(errs) > 0 {
			t.Fatalf("%s: %v", src, errs)
		}
		cases.files = append(cases.files, f)
	}
	skipped := 0
	for _, pf := range []parsedFiles{cases, corpus, loadTree(t)} {
		for _, f := range pf.files {
			info := scope.Resolve(f)
			// An Info this package did not make: File walks the tree.
			walked := &scope.Info{Refs: info.Refs, Bindings: info.Bindings, Undefined: info.Undefined, Duplicates: info.Duplicates}
			got, want := check.File(pf.fset, f, info), check.File(pf.fset, f, walked)
			if dump(got) != dump(want) {
				t.Errorf("%s: File finds\n%v\nwith the walk:\n%v", f.Name, got, want)
			}
			if !info.NameErrorsPossible() {
				skipped++
			}
		}
	}
	for _, f := range cases.files[:len(hintCases)-1] {
		if !scope.Resolve(f).NameErrorsPossible() {
			t.Errorf("%s: no name error possible, says the resolver", f.Name)
		}
	}
	if !walkedNothing(cases.files[len(hintCases)-1]) || skipped == 0 {
		t.Errorf("the walk is never skipped")
	}
}

func walkedNothing(f *ast.File) bool { return !scope.Resolve(f).NameErrorsPossible() }

// dump renders every field of every error.
func dump(l parser.ErrorList) string {
	var b strings.Builder
	for _, e := range l {
		fmt.Fprintf(&b, "%d %d-%d %s: %s\n", e.Kind, e.Pos, e.End, e.Position, e.Msg)
	}
	return b.String()
}
