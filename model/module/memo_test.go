package module

import (
	"fmt"
	"go/token"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/ast"
	"github.com/nixlint/nixlint/parser/scope"
)

// answer is what the resolver says about one expression.
type answer struct {
	path   string // the config path dotted, "-" when there is none
	lib    string // the lib function, "" when there is none
	libSet bool
}

// ask returns r's answers about exprs, in the order of order.
func ask(r *resolver, exprs []ast.Expr, order []int) []answer {
	out := make([]answer, len(exprs))
	for _, i := range order {
		e := exprs[i]
		a := answer{path: "-"}
		if p, ok := r.scratchConfigPath(e); ok {
			a.path = strings.Join(p, ".")
		}
		a.lib = r.libFunc(e)
		a.libSet = r.isLib(e)
		out[i] = a
	}
	return out
}

// TestMemoSameAsFresh checks that a resolver that remembers bindings
// answers every question as a new resolver does, in source order and in
// reverse order (a chain first entered deep, then shallow, and the other
// way round), chains longer than the depth limit and cycles included.
func TestMemoSameAsFresh(t *testing.T) {
	cases := map[string]string{
		"plain":     `{ config, lib, ... }: let cfg = config.a.b; inherit (lib) mkIf; in { x = mkIf cfg.enable { y = cfg.c; }; z = lib.mkIf cfg.d 1; }`,
		"inherit":   `{ config, lib, ... }: let inherit (config.a) x; inherit (config) y; l = lib; inherit (l) mkIf; in { p = x.q; r = y.s; t = mkIf x 1; }`,
		"chain":     chain(45, "config.a", "c%d = c%d.x;"),
		"libchain":  chain(45, "lib", "c%d = c%d;"),
		"funchain":  chain(45, "lib.mkIf", "c%d = c%d;"),
		"cycle":     `{ config, ... }: rec { a = b.x; b = a.y; c = a; d = config.k; e = d.f; }`,
		"notconfig": `{ config, pkgs, ... }: let p = pkgs.x; q = p.y; f = import ./f.nix; in { a = q.z; b = f.g; }`,
		"longcycle": longCycle(),
		"manylets":  manyLets(),
	}
	for name, src := range cases {
		fset := token.NewFileSet()
		tr, errs := parser.ParseFile(fset, name+".nix", []byte(src))
		if len(errs) > 0 {
			t.Fatalf("%s: %v", name, errs)
		}
		info := scope.Resolve(tr)
		var exprs []ast.Expr
		ast.Inspect(tr.Expr, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.Ident:
				exprs = append(exprs, x)
			case *ast.Select:
				exprs = append(exprs, x)
			}
			return true
		})
		forward := make([]int, len(exprs))
		for i := range forward {
			forward[i] = i
		}
		backward := slices.Clone(forward)
		slices.Reverse(backward)
		// A new resolver per question remembers nothing of the others.
		want := make([]answer, len(exprs))
		for i := range exprs {
			want[i] = ask(&resolver{info: info}, exprs, []int{i})[i]
		}
		for _, order := range [][]int{forward, backward} {
			got := ask(&resolver{info: info}, exprs, order)
			if !reflect.DeepEqual(got, want) {
				for i := range got {
					if got[i] != want[i] {
						t.Errorf("%s: %s: got %+v, a new resolver says %+v", name, src[exprs[i].Pos()-tr.Pos():exprs[i].End()-tr.Pos()], got[i], want[i])
					}
				}
			}
		}
	}
}

// chain returns a module with n let bindings, each defined from the
// previous one (format's two numbers), the first from first, and a use of
// each.
func chain(n int, first, format string) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "{ config, lib, ... }: let c0 = %s;", first)
	for i := 1; i < n; i++ {
		fmt.Fprintf(&sb, " "+format, i, i-1)
	}
	sb.WriteString(" in {")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sb, " u%d = c%d.y; v%d = c%d;", i, i, i, i)
	}
	sb.WriteString(" }")
	return sb.String()
}
