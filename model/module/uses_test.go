package module

import (
	"fmt"
	"go/token"
	"reflect"
	"strings"
	"testing"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/bench/tree"
	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/ast"
	"github.com/nixlint/nixlint/parser/scope"
)

// collectUsesInspect is the generic walk collectUses replaced; tests compare the two. It records every config path the file refers to.
func (b *builder) collectUsesInspect(root ast.Expr) {
	if b.a.seen == nil {
		b.a.seen = make(map[string]bool)
	}
	seen := b.a.seen
	clear(seen)
	var key []byte // the path dotted, looked up without allocating
	ast.Inspect(root, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.Ident, *ast.Select:
			if p, ok := b.r.scratchConfigPath(x.(ast.Expr)); ok {
				if len(p) == 0 {
					return false
				}
				key = key[:0]
				for i, s := range p {
					if i > 0 {
						key = append(key, '.')
					}
					key = append(key, s...)
				}
				if !seen[string(key)] {
					seen[string(key)] = true
					b.m.Uses = append(b.m.Uses, append(make(Ref, 0, len(p)), p...))
				}
				return false
			}
		case *ast.AttrPath:
			// Attribute names are not references.
			return false
		}
		return true
	})
}

// usesOf builds src's module and returns its Uses as collectUses and as
// the generic walk it replaced find them, inline modules included.
func usesOf(t *testing.T, name string, src []byte) (got, want [][]Ref) {
	t.Helper()
	fset := token.NewFileSet()
	tr, errs := parser.ParseFile(fset, name, src)
	f := &analysis.File{Path: name, Src: src, AST: tr, Syntax: errs, Tok: tr.Tok}
	if !Resolvable(f) {
		return nil, nil
	}
	info := scope.Resolve(tr)
	m := BuildResolved(f, info)
	var walk func(m *Module)
	walk = func(m *Module) {
		got = append(got, m.Uses)
		old := &builder{m: &Module{}, a: new(chunks), r: &resolver{info: info}}
		if m.Expr != nil {
			old.collectUsesInspect(m.Expr)
		}
		want = append(want, old.m.Uses)
		for _, in := range m.Inline {
			walk(in)
		}
	}
	walk(m)
	return got, want
}

func TestCollectUsesSameAsInspect(t *testing.T) {
	cases := map[string]string{
		"plain":      `{ config, lib, ... }: { x = config.a.b; y = lib.mkIf config.c.enable { z = config.a.b; }; }`,
		"alias":      `{ config, ... }: let cfg = config.a; c2 = (cfg); in { x = c2.b; y = "${cfg.s}"; }`,
		"inherit":    `{ config, ... }: let inherit (config.a) x; inherit (config) y; in { p = x.q; r = y.s; }`,
		"plaininh":   `{ config, ... }: let cfg = config.a; in let inherit cfg; in { x = cfg.b; inherit cfg; }`,
		"dynamic":    `{ config, n, ... }: { x = config.${n}; y = config.a.${n}.b; z = config.a."q"; }`,
		"names":      `{ config, ... }: { ${config.a} = 1; "${config.b}" = 2; x.${config.c} = config.d; }`,
		"default":    `{ config, ... }: { x = config.a or config.b; y = config.a.b or null; }`,
		"hasattr":    `{ config, ... }: { x = config ? a; y = config.b ? c.d; }`,
		"shadow":     `{ config, ... }: { f = config: config.a; g = { config }: config.b; h = x@{ config, ... }: config.c; }`,
		"param":      `config: { x = config.a; }`,
		"rec":        `{ config, ... }: rec { cfg = config.a; x = cfg.b; y = x.c; }`,
		"cycle":      `{ config, ... }: let a = b.x; b = a.y; in { z = a.q; w = config.k; }`,
		"with":       `{ config, lib, ... }: with lib; { x = mkIf config.a.enable { y = config.b; }; }`,
		"none":       `{ lib, pkgs, ... }: { x = lib.mkIf true { y = pkgs.hello; }; }`,
		"inline":     `{ config, ... }: { flake.nixosModules.m = { config, ... }: { x = config.i; }; y = config.o; }`,
		"interp":     `{ config, pkgs, ... }: { x = ''${pkgs.a}/${config.b} ${toString config.c}''; p = ./a/${config.d}; }`,
		"lists":      `{ config, lib, ... }: { x = [ 1 config.a (config.b) ] ++ lib.optional config.c 2; }`,
		"legacylet":  `{ config, ... }: let { body = config.a; }`,
		"formaldef":  `{ config, ... }: { f = { a ? config.x }: a; g = { b ? 1 }@config: config.y; }`,
		"configonly": `{ config, ... }: { x = config; y = (config); z = [ config ]; }`,
		"assert":     `{ config, ... }: assert config.a; if config.b then { } else { c = config.d; }`,
		"dots":       `{ config, ... }: { x = config."a.b"; y = config.a.b; z = config.a."b.c"; w = config."a.b".c; v = config."".a; u = config.".a"; }`,
		"sparse":     `{ config, n, ... }: let p = 1; q = config.v; r = 2; in { a = 1; b = config.x; c = [ 1 2 config.y 3 (4) ]; ${config.z} = 1; d = { e = 2; f = config.w; g = q; }; h = 3; inherit (config) i; inherit n; j = [ ]; k = { }; }`,
		"many":       manyUses(),
		"manylets":   manyLets(),
		"longcycle":  longCycle(),
	}
	for name, src := range cases {
		got, want := usesOf(t, name+".nix", []byte(src))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: collectUses = %v, the generic walk finds %v", name, got, want)
		}
	}
}

// TestCollectUsesSameAsInspectTree compares the two walks on every file of
// a generated repository and of the repository's test data.
func TestCollectUsesSameAsInspectTree(t *testing.T) {
	dir := t.TempDir()
	if _, err := tree.Generate(dir, 400); err != nil {
		t.Fatal(err)
	}
	n := 0
	check := func(root string) {
		srcs, err := tree.ReadSources(root)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range srcs {
			got, want := usesOf(t, s.File, s.Src)
			n++
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: collectUses = %v, the generic walk finds %v", s.File, got, want)
			}
		}
	}
	check(dir)
	check("../../testdata")
	if n < 400 {
		t.Fatalf("compared %d files, want at least 400", n)
	}
}

// manyUses is a module referring to more paths than seenBefore compares
// one by one, each twice, some dotted alike.
func manyUses() string {
	var sb strings.Builder
	sb.WriteString("{ config, ... }: { x = [")
	for i := 0; i < 3*maxScan; i++ {
		fmt.Fprintf(&sb, " config.a%d.b config.\"a%d.b\" config.a%d", i%50, i%40, i)
	}
	sb.WriteString(" ]; }")
	return sb.String()
}

func TestDottedEqual(t *testing.T) {
	tests := []struct {
		a, b []string
		want bool
	}{
		{nil, nil, true},
		{[]string{"a"}, []string{"a"}, true},
		{[]string{"a"}, []string{"b"}, false},
		{[]string{"a", "b"}, []string{"a.b"}, true},
		{[]string{"a.b", "c"}, []string{"a", "b.c"}, true},
		{[]string{"a.b", "c"}, []string{"a", "b", "c"}, true},
		{[]string{"a.b", "c"}, []string{"a", "bc"}, false},
		{[]string{"", "a"}, []string{".a"}, true},
		{[]string{"a", ""}, []string{"a."}, true},
		{[]string{""}, nil, true}, // both dot to ""
		{[]string{"", ""}, []string{"."}, true},
		{[]string{"ab"}, []string{"a", "b"}, false},
	}
	for _, tt := range tests {
		want := strings.Join(tt.a, ".") == strings.Join(tt.b, ".")
		if want != tt.want {
			t.Fatalf("bad case %q %q", tt.a, tt.b)
		}
		if got := dottedEqual(tt.a, tt.b); got != tt.want {
			t.Errorf("dottedEqual(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := dottedEqual(tt.b, tt.a); got != tt.want {
			t.Errorf("dottedEqual(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

// manyLets is a module with more let bindings than mayBeConfig's memo
// holds in its list, chained to config and used out of order.
func manyLets() string {
	var sb strings.Builder
	sb.WriteString("{ config, lib, ... }: let inherit (lib) f0 f1 f2 f3 f4 f5 f6 f7 f8 f9 f10 f11 f12 f13 f14 f15 f16 f17 f18 f19; c0 = config.a;")
	for i := 1; i < 40; i++ {
		fmt.Fprintf(&sb, " c%d = c%d.x%d;", i, i-1, i)
	}
	sb.WriteString(" in { ")
	for i := 39; i >= 0; i -= 3 {
		fmt.Fprintf(&sb, "v%d = c%d.y; w%d = f%d c%d; ", i, i, i, i%20, i)
	}
	sb.WriteString("}")
	return sb.String()
}

// longCycle is a chain of let bindings ending in a cycle entered past the
// bindings mayBeConfig's memo holds in its list: following it must end.
func longCycle() string {
	var sb strings.Builder
	sb.WriteString("{ config, ... }: let")
	for i := 0; i < 39; i++ {
		fmt.Fprintf(&sb, " a%d = a%d.x;", i, i+1)
	}
	sb.WriteString(" a39 = a30.x; in { z = a5.q; w = config.k; }")
	return sb.String()
}

// TestRefsShareOptionPaths checks that a reference to one of the module's
// own options (a use, a condition) shares the option's path, and that the
// others are copies of their own.
func TestRefsShareOptionPaths(t *testing.T) {
	src := `{ config, lib, ... }: let cfg = config.a.b; in {
  options.a.b = { enable = lib.mkEnableOption "b"; port = lib.mkOption { default = 1; }; };
  config = lib.mkIf cfg.enable { x = cfg.port; y = config.c.d; };
}`
	fset := token.NewFileSet()
	tr, errs := parser.ParseFile(fset, "m.nix", []byte(src))
	f := &analysis.File{Path: "m.nix", Src: []byte(src), AST: tr, Syntax: errs, Tok: tr.Tok}
	m := Build(f)
	opt := map[string]*Option{}
	for _, o := range m.Options {
		opt[Ref(o.Path).String()] = o
	}
	shared := func(r Ref) bool {
		o := opt[r.String()]
		return o != nil && len(r) > 0 && &r[0] == &o.Path[0]
	}
	want := map[string]bool{"a.b": false, "a.b.enable": true, "a.b.port": true, "c.d": false}
	if len(m.Uses) != len(want) {
		t.Fatalf("uses %v, want %d", m.Uses, len(want))
	}
	for _, u := range m.Uses {
		if shared(u) != want[u.String()] {
			t.Errorf("use %s: shared %v, want %v", u, shared(u), want[u.String()])
		}
	}
	conds := 0
	for _, d := range m.Defs {
		for _, c := range d.Conds() {
			conds++
			if len(c.Refs) != 1 || !shared(c.Refs[0]) {
				t.Errorf("condition %s: refs %v do not share the option's path", c.Text, c.Refs)
			}
		}
	}
	if conds == 0 {
		t.Fatal("no condition")
	}
}
