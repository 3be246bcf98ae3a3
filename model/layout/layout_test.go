package layout

import (
	"go/token"
	"testing"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/config"
	"github.com/nixlint/nixlint/parser"
)

func TestKinds(t *testing.T) {
	files := []string{
		"flake.nix",
		"flake/default.nix",
		"flake/packages.nix",
		"roles/web.nix",
		"modules/default.nix",
		"modules/media/jellyfin.nix",
		"modules/infrastructure/default.nix",
		"packages/tool/package.nix",
		"hosts/x.nix",
		"README.md",
	}
	l := New(config.Layout{}, nil, files, map[string]bool{"modules/default.nix": true, "flake/default.nix": true})
	want := map[string]Kind{
		"flake.nix":                          Flake,
		"flake/default.nix":                  Aggregator,
		"flake/packages.nix":                 FlakePart,
		"roles/web.nix":                      Role,
		"modules/default.nix":                Aggregator,
		"modules/media/jellyfin.nix":         Module,
		"modules/infrastructure/default.nix": Infrastructure,
		"packages/tool/package.nix":          Package,
		"hosts/x.nix":                        Other,
		"README.md":                          Other,
	}
	for f, k := range want {
		if got := l.Kind(f); got != k {
			t.Errorf("Kind(%s) = %v, want %v", f, got, k)
		}
	}
	if got := l.Domain("modules/media/jellyfin.nix"); got != "modules/media" {
		t.Errorf("Domain = %q", got)
	}
	if got := l.Domain("modules/default.nix"); got != "" {
		t.Errorf("Domain of a file directly in modules/ = %q", got)
	}
	if len(l.Domains) != 2 || l.Domains[0] != "modules/infrastructure" || l.Domains[1] != "modules/media" {
		t.Errorf("Domains = %v", l.Domains)
	}
}

func TestConfiguredFolders(t *testing.T) {
	cfg := config.Layout{Roles: "./profiles/", Modules: "nixos", Infrastructure: "nixos/registry"}
	l := New(cfg, []string{"profiles", "nixos", "nixos/registry"}, []string{"profiles/a.nix", "nixos/x/b.nix", "nixos/registry/nodes.nix", "roles/c.nix"}, nil)
	for f, k := range map[string]Kind{
		"profiles/a.nix":           Role,
		"nixos/x/b.nix":            Module,
		"nixos/registry/nodes.nix": Infrastructure,
		"roles/c.nix":              Other,
	} {
		if got := l.Kind(f); got != k {
			t.Errorf("Kind(%s) = %v, want %v", f, got, k)
		}
	}
	if l.Has["flake"] || l.Has["packages"] || !l.Has["profiles"] {
		t.Errorf("Has = %v", l.Has)
	}
}

func TestIsAggregator(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{`{ imports = [ ./a.nix ]; }`, true},
		{`{ ... }: { imports = [ ./a.nix ./b ]; }`, true},
		{`{ lib, ... }: let files = [ ./a.nix ]; in { imports = files; }`, true},
		{`{ imports = [ ./a.nix ]; services.x.enable = true; }`, false},
		{`{ }`, false},
		{`{ config, ... }: { imports = [ ]; options.a = 1; }`, false},
		{`x: x`, false},
	}
	for _, tt := range tests {
		f, errs := parser.ParseFile(token.NewFileSet(), "x.nix", []byte(tt.src))
		if len(errs) > 0 {
			t.Fatalf("%s: %v", tt.src, errs)
		}
		if got := IsAggregator(f.Expr); got != tt.want {
			t.Errorf("IsAggregator(%s) = %v, want %v", tt.src, got, tt.want)
		}
	}
}

// TestFilesOf checks that the layout computed by the analysis lists each
// file under its kind, in the pass's order, and that one built by New says
// it has no files.
func TestFilesOf(t *testing.T) {
	fset := token.NewFileSet()
	var files []*analysis.File
	for _, p := range []string{"roles/b.nix", "modules/media/x.nix", "roles/a.nix", "hosts/h.nix", "modules/default.nix"} {
		src := []byte("{ a = 1; }")
		if p == "modules/default.nix" {
			src = []byte("{ imports = [ ./media/x.nix ]; }")
		}
		tree, _ := parser.ParseFile(fset, p, src)
		files = append(files, &analysis.File{Path: p, Src: src, AST: tree, Tok: tree.Tok})
	}
	res, err := Analyzer.Run(&analysis.Pass{Analyzer: Analyzer, Fset: fset, Files: files})
	if err != nil {
		t.Fatal(err)
	}
	l := res.(*Layout)
	for k := range kindNames {
		got, ok := l.FilesOf(Kind(k))
		var want []*analysis.File
		for _, f := range files {
			if l.Kind(f.Path) == Kind(k) {
				want = append(want, f)
			}
		}
		if !ok || len(got) != len(want) {
			t.Fatalf("FilesOf(%v) = %d files, %v; want %d", Kind(k), len(got), ok, len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("FilesOf(%v)[%d] = %s, want %s", Kind(k), i, got[i].Path, want[i].Path)
			}
		}
	}
	if roles, _ := l.FilesOf(Role); len(roles) != 2 || roles[0].Path != "roles/b.nix" {
		t.Errorf("FilesOf(Role) not in the pass's order")
	}
	if _, ok := New(config.Layout{}, nil, []string{"roles/a.nix"}, nil).FilesOf(Role); ok {
		t.Errorf("FilesOf of a layout built by New: ok")
	}
}
