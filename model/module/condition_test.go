package module

import (
	"reflect"
	"testing"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/bench/tree"
	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/ast"
	"github.com/nixlint/nixlint/parser/scope"

	"go/token"
)

// TestConditionOnConfigPath checks the shortcut condition takes for a
// condition that is a config path: the references and the text refs and
// render give it, for every expression of the generated repository and of
// the test data that denotes one, negated or not.
func TestConditionOnConfigPath(t *testing.T) {
	dir := t.TempDir()
	if _, err := tree.Generate(dir, 300); err != nil {
		t.Fatal(err)
	}
	extra := map[string]string{
		"paren": `{ config, ... }: let cfg = config.a; on = cfg.enable && cfg.x; in { x = (cfg.b); y = ((config)); z = config."q.r".s; w = on; }`,
	}
	checked := 0
	check := func(name string, src []byte) {
		fset := token.NewFileSet()
		tr, errs := parser.ParseFile(fset, name, src)
		f := &analysis.File{Path: name, Src: src, AST: tr, Syntax: errs, Tok: tr.Tok}
		if !Resolvable(f) {
			return
		}
		info := scope.Resolve(tr)
		b := &builder{m: &Module{}, a: new(chunks), r: &resolver{info: info}, src: src, base: baseOf(f)}
		ast.Inspect(tr.Expr, func(n ast.Node) bool {
			e, ok := n.(ast.Expr)
			if !ok {
				return true
			}
			p, ok := b.r.scratchConfigPath(e)
			if !ok {
				return true
			}
			p = append(Ref{}, p...) // as keepRef copies it: never nil
			checked++
			for _, negated := range []bool{false, true} {
				got := b.condition(MkIf, e, negated)
				text := b.render(e)
				if negated {
					text = "!(" + text + ")"
				}
				want := Cond{Kind: MkIf, Expr: e, Negated: negated, Refs: b.refs(e, 0), Text: text}
				want.Opaque = len(want.Refs) == 0
				if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(got.Refs, []Ref{p}) {
					t.Errorf("%s: %s: got %+v, want %+v", name, text, got, want)
				}
			}
			return true
		})
	}
	for name, src := range extra {
		check(name+".nix", []byte(src))
	}
	for _, root := range []string{dir, "../../testdata"} {
		srcs, err := tree.ReadSources(root)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range srcs {
			check(s.Path, s.Src)
		}
	}
	if checked == 0 {
		t.Fatal("no condition on a config path checked")
	}
}
