package layout

import (
	"go/token"
	"testing"

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
