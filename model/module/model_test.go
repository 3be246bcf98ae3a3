package module

import (
	"fmt"
	"go/token"
	"strings"
	"testing"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/bench/tree"
	"github.com/nixlint/nixlint/parser"
)

// build parses src as the file at path and reads it as a module.
func build(t *testing.T, fset *token.FileSet, path, src string) *Module {
	t.Helper()
	f, errs := parser.ParseFile(fset, path, []byte(src))
	if len(errs) > 0 {
		t.Fatalf("%s: %v", path, errs)
	}
	return Build(&analysis.File{Path: path, Src: []byte(src), AST: f})
}

// defs renders the definitions as "path [conds] =value" lines.
func defs(m *Module) []string {
	var out []string
	for _, d := range m.Defs {
		var conds []string
		for _, c := range d.Conds() {
			conds = append(conds, c.Kind.String()+" "+c.Text)
		}
		s := PathString(d.Path)
		if len(conds) > 0 {
			s += " [" + strings.Join(conds, "; ") + "]"
		}
		if len(d.Mods()) > 0 {
			s += " {" + strings.Join(d.Mods(), ",") + "}"
		}
		out = append(out, s)
	}
	return out
}

func TestDefs(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"shorthand", `{ services.openssh.enable = true; networking = { hostName = "x"; firewall.enable = false; }; }`,
			[]string{"services.openssh.enable", "networking.hostName", "networking.firewall.enable"}},
		{"explicit mkIf alias", `{ config, lib, ... }: let cfg = config.mares.ssh; in {
  options.mares.ssh.enable = lib.mkEnableOption "ssh";
  config = lib.mkIf cfg.enable { services.openssh.enable = true; };
}`, []string{"services.openssh.enable [mkIf config.mares.ssh.enable]"}},
		{"with lib and mkMerge", `{ config, lib, ... }: with lib; let cfg = config.a.b; in {
  config = mkIf cfg.enable (mkMerge [
    { services.x.enable = true; }
    (mkIf cfg.openFirewall { networking.firewall.allowedTCPPorts = [ 80 ]; })
  ]);
}`, []string{"services.x.enable [mkIf config.a.b.enable]",
			"networking.firewall.allowedTCPPorts [mkIf config.a.b.enable; mkIf config.a.b.openFirewall]"}},
		{"inherit lib functions", `{ config, lib, ... }: let inherit (lib) mkIf mkDefault; cfg = config.a; in {
  config = mkIf cfg.enable { services.y.port = mkDefault 80; };
}`, []string{"services.y.port [mkIf config.a.enable] {mkDefault}"}},
		{"if then else", `{ config, ... }: { config = if config.a.enable then { x.y = 1; } else { x.z = 2; }; }`,
			[]string{"x.y [if config.a.enable]", "x.z [if !(config.a.enable)]"}},
		{"value if is a leaf", `{ config, ... }: { x.port = if config.a.tls then 443 else 80; }`,
			[]string{"x.port"}},
		{"optionalAttrs and update", `{ config, lib, ... }: { x = { a = 1; } // lib.optionalAttrs config.b.c { d = 2; }; }`,
			[]string{"x.a", "x.d [optionalAttrs config.b.c]"}},
		{"inherit from alias", `{ config, ... }: let inherit (config.mares) web; in { config = { services.z.enable = web.enable; }; }`,
			[]string{"services.z.enable"}},
		{"meta and imports are not config", `{ imports = [ ./a.nix ]; meta.maintainers = [ ]; x = 1; }`,
			[]string{"x"}},
		{"config dotted", `{ config.services.a = { enable = true; port = 1; }; options.b = 1; }`,
			[]string{"services.a.enable", "services.a.port"}},
		{"dynamic name", `let hostname = "web-01"; in { proxmox.qemu.${hostname}.vmid = 200; }`,
			[]string{"proxmox.qemu.${…}.vmid"}},
		{"mkOverride", `{ lib, ... }: { boot.x = lib.mkOverride 50 true; }`,
			[]string{"boot.x {mkOverride}"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := build(t, token.NewFileSet(), "modules/a/x.nix", tt.src)
			got := defs(m)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("defs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestCondRefsThroughAlias(t *testing.T) {
	m := build(t, token.NewFileSet(), "modules/a/x.nix", `{ config, lib, ... }:
let cfg = config.mares.dns; on = cfg.enable; in {
  config = lib.mkIf (on && cfg.openFirewall) { x = 1; };
}`)
	if len(m.Defs) != 1 || len(m.Defs[0].Conds()) != 1 {
		t.Fatalf("defs = %v", defs(m))
	}
	c := m.Defs[0].Conds()[0]
	var refs []string
	for _, r := range c.Refs {
		refs = append(refs, r.String())
	}
	if got := strings.Join(refs, ","); got != "mares.dns.enable,mares.dns.openFirewall" {
		t.Errorf("refs = %s", got)
	}
	if c.Opaque {
		t.Error("condition on config marked opaque")
	}
}

func TestOpaqueCondition(t *testing.T) {
	m := build(t, token.NewFileSet(), "modules/a/x.nix", `{ lib, withFoo ? false, ... }: { config = lib.mkIf withFoo { x = 1; }; }`)
	if len(m.Defs) != 1 || !m.Defs[0].Conds()[0].Opaque {
		t.Fatalf("want one def under an opaque condition, got %v", defs(m))
	}
}

func TestShadowedMkIfIsNotACondition(t *testing.T) {
	// A function argument named mkIf is not lib.mkIf: the model must not
	// take it for one.
	m := build(t, token.NewFileSet(), "modules/a/x.nix", `{ mkIf, c, ... }: { config = { x = mkIf c { y = 1; }; }; }`)
	if got := strings.Join(defs(m), ";"); got != "x" {
		t.Errorf("defs = %s, want the opaque value x", got)
	}
}

func TestElems(t *testing.T) {
	m := build(t, token.NewFileSet(), "modules/a/x.nix", `{ config, lib, ... }: let cfg = config.s; in {
  networking.firewall.allowedTCPPorts = [ 22 ] ++ lib.optionals cfg.openFirewall [ 80 443 ] ++ cfg.extra ++ lib.optional cfg.tls 8443;
}`)
	if len(m.Defs) != 1 {
		t.Fatalf("defs = %v", defs(m))
	}
	var got []string
	for _, e := range m.Defs[0].Elems() {
		s := "?"
		if !e.Opaque {
			s = strings.TrimSpace(string(m.File.Src[int(e.Value.Pos())-1 : int(e.Value.End())-1]))
		}
		for _, c := range e.Conds {
			s += " " + c.Kind.String() + "(" + c.Text + ")"
		}
		got = append(got, s)
	}
	want := "22|80 optionals(config.s.openFirewall)|443 optionals(config.s.openFirewall)|?|8443 optional(config.s.tls)"
	if strings.Join(got, "|") != want {
		t.Errorf("elems = %s\nwant    %s", strings.Join(got, "|"), want)
	}
}

func TestOptions(t *testing.T) {
	m := build(t, token.NewFileSet(), "modules/a/x.nix", `{ lib, ... }: with lib; {
  options.mares.a = {
    enable = mkEnableOption "a";
    on.enable = lib.mkEnableOption "on" // { default = true; };
    port = mkOption { type = types.port; default = 80; };
    open = lib.mkOption { type = types.bool; default = false; };
    custom = mkOpt types.str "x";
  };
  options.mares.b.enable = mkOption { default = true; };
}`)
	type row struct {
		path  string
		fn    string
		v, ok bool
	}
	want := []row{
		{"mares.a.enable", "mkEnableOption", false, true},
		{"mares.a.on.enable", "mkEnableOption", true, true},
		{"mares.a.port", "mkOption", false, false},
		{"mares.a.open", "mkOption", false, true},
		{"mares.a.custom", "", false, false},
		{"mares.b.enable", "mkOption", true, true},
	}
	if len(m.Options) != len(want) {
		t.Fatalf("got %d options, want %d", len(m.Options), len(want))
	}
	for i, o := range m.Options {
		v, ok := o.DefaultBool()
		got := row{PathString(o.Path), o.Func, v, ok}
		if got != want[i] {
			t.Errorf("option %d = %+v, want %+v", i, got, want[i])
		}
	}
}

func TestUnknownsAndOpaque(t *testing.T) {
	fset := token.NewFileSet()
	if m := build(t, fset, "packages/x/package.nix", `{ stdenv }: stdenv.mkDerivation { name = "x"; }`); !m.Opaque {
		t.Error("a package is not a module")
	}
	m := build(t, fset, "modules/a/x.nix", `{ lib, ... }: { config = lib.mapAttrs (n: v: v) { }; }`)
	if len(m.Unknowns) != 1 || len(m.Defs) != 0 {
		t.Errorf("want one unknown and no defs, got %d unknowns, defs %v", len(m.Unknowns), defs(m))
	}
}

func TestUnitOptionsAcrossSiblings(t *testing.T) {
	fset := token.NewFileSet()
	opts := build(t, fset, "modules/media/jellyfin/options.nix", `{ lib, ... }: { options.mares.media.jellyfin.enable = lib.mkEnableOption "jellyfin"; }`)
	svc := build(t, fset, "modules/media/jellyfin/service.nix", `{ config, lib, ... }: let cfg = config.mares.media.jellyfin; in {
  config = lib.mkIf cfg.enable { services.jellyfin.enable = true; };
}`)
	other := build(t, fset, "modules/media/jellyfin/other.nix", `{ ... }: { services.other.enable = true; }`)
	// A module beside another, reading one of its settings: not one unit.
	full := build(t, fset, "modules/media/arr.nix", `{ config, lib, ... }: {
  options.mares.media.arr.enable = lib.mkEnableOption "arr";
  config = lib.mkIf config.mares.media.arr.enable { services.sonarr.enable = true; };
}`)
	reader := build(t, fset, "modules/media/reader.nix", `{ config, ... }: { services.x.dir = config.mares.media.arr.dir; }`)
	tester := build(t, fset, "modules/media/tester.nix", `{ config, lib, ... }: { config = lib.mkIf config.mares.media.arr.enable { services.y.enable = true; }; }`)
	model := New(opts, svc, other, full, reader, tester)
	if got := model.UnitOptions(reader); len(got) != 0 {
		t.Errorf("reader.nix only reads arr's settings, got %d unit options", len(got))
	}
	if got := model.UnitOptions(tester); len(got) != 1 {
		t.Errorf("tester.nix tests arr's enable option, got %d unit options", len(got))
	}
	if got := model.UnitOptions(svc); len(got) != 1 || PathString(got[0].Path) != "mares.media.jellyfin.enable" {
		t.Errorf("service.nix unit options = %d", len(got))
	}
	if got := model.UnitOptions(other); len(got) != 0 {
		t.Errorf("other.nix shares no namespace, got %d unit options", len(got))
	}
	if got := model.DirOptions("modules/media/jellyfin"); len(got) != 1 {
		t.Errorf("dir options = %d", len(got))
	}
}

func TestImports(t *testing.T) {
	m := build(t, token.NewFileSet(), "modules/default.nix", `{ imports = [ ./media ./networking/dns.nix (import ./x.nix) ]; }`)
	var got []string
	for _, i := range m.Imports {
		got = append(got, i.Path)
	}
	if strings.Join(got, ",") != "modules/media,modules/networking/dns.nix," {
		t.Errorf("imports = %q", got)
	}
}

func TestHostileNesting(t *testing.T) {
	src := "{ config = " + strings.Repeat("{ a = ", 300) + "1" + strings.Repeat("; }", 300) + "; }"
	fset := token.NewFileSet()
	f, _ := parser.ParseFile(fset, "x.nix", []byte(src))
	m := Build(&analysis.File{Path: "x.nix", Src: []byte(src), AST: f})
	if len(m.Unknowns) == 0 && len(m.Defs) == 0 {
		t.Error("deep nesting gave neither a definition nor an unknown")
	}
}

func TestInlineModules(t *testing.T) {
	m := build(t, token.NewFileSet(), "roles/web.nix", `{ config, ... }: {
  flake.nixosModules.role-web = { config, lib, ... }: {
    options.a.enable = lib.mkEnableOption "a";
    config = lib.mkIf config.a.enable { services.nginx.enable = true; };
  };
  flake.modules.nixos.other = { x = 1; };
  flake.nixosModules.path = ./web.nix;
}`)
	if len(m.Inline) != 2 {
		t.Fatalf("got %d inline modules, want 2", len(m.Inline))
	}
	in := m.Inline[0]
	if PathString(in.Slot) != "flake.nixosModules.role-web" || len(in.Options) != 1 {
		t.Errorf("inline slot %v, %d options", in.Slot, len(in.Options))
	}
	if got := strings.Join(defs(in), ";"); got != "services.nginx.enable [mkIf config.a.enable]" {
		t.Errorf("inline defs = %s", got)
	}
	if got := strings.Join(defs(m.Inline[1]), ";"); got != "x" {
		t.Errorf("second inline defs = %s", got)
	}
}

func TestCondRefsThroughComputedLet(t *testing.T) {
	m := build(t, token.NewFileSet(), "modules/a/x.nix", `{ config, lib, ... }:
let cfg = config.s; open = cfg.enable && cfg.openFirewall; in {
  config = lib.mkIf open { x = 1; };
}`)
	c := m.Defs[0].Conds()[0]
	if len(c.Refs) != 2 || c.Refs[1].String() != "s.openFirewall" || c.Opaque {
		t.Errorf("refs = %v, opaque %v", c.Refs, c.Opaque)
	}
}

// TestCorpusNoPanic reads every file of the parser corpus (valid and
// invalid Nix) as a module: the model must never panic.
func TestCorpusNoPanic(t *testing.T) {
	srcs, err := tree.ReadSources("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range srcs {
		f, errs := parser.ParseFile(token.NewFileSet(), s.File, s.Src)
		Build(&analysis.File{Path: s.File, Src: s.Src, AST: f, Syntax: errs})
	}
	if len(srcs) == 0 {
		t.Skip("no corpus found")
	}
}

// TestExponentialLetChain: each binding uses the previous one twice; a
// naive expansion would take 2^n steps. Within the alias bound the
// reference is found; beyond it the condition is opaque, never slow.
func TestExponentialLetChain(t *testing.T) {
	for _, n := range []int{20, 200} {
		var b strings.Builder
		b.WriteString("{ config, lib, ... }: let a0 = config.x.enable;\n")
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&b, "a%d = a%d && a%d;\n", i, i-1, i-1)
		}
		fmt.Fprintf(&b, "in { config = lib.mkIf a%d { y = 1; }; }", n)
		m := build(t, token.NewFileSet(), "modules/a/x.nix", b.String())
		if len(m.Defs) != 1 {
			t.Fatalf("n=%d: defs = %v", n, defs(m))
		}
		c := m.Defs[0].Conds()[0]
		if n < maxAlias && (len(c.Refs) == 0 || c.Refs[0].String() != "x.enable") {
			t.Errorf("n=%d: refs = %v", n, c.Refs)
		}
		if n > maxAlias && !c.Opaque && c.Refs[0].String() != "x.enable" {
			t.Errorf("n=%d: refs = %v", n, c.Refs)
		}
	}
}

func TestIndex(t *testing.T) {
	opts := []*Option{
		{Path: []string{"mares", "media", "jellyfin", "enable"}},
		{Path: []string{"mares", "infrastructure", "nodes"}},
		{Path: []string{"mares", Dynamic, "port"}},
	}
	ix := NewIndex(opts)
	for _, tt := range []struct {
		path string
		want bool
	}{
		{"mares.media.jellyfin.enable", true},
		{"mares.media.jellyfin", true},                   // a set of options
		{"mares.infrastructure.nodes.dns-01.host", true}, // inside an attrs option
		{"mares.web.port", true},                         // matches the dynamic declaration
		{"mares.media.jellyfin.port", false},
		{"services.nginx.enable", false},
		{"mares.${…}.jellyfin.enable", true},
		{"mares.${…}.enable", false},
	} {
		if got := ix.Covers(strings.Split(tt.path, ".")); got != tt.want {
			t.Errorf("Covers(%s) = %v, want %v", tt.path, got, tt.want)
		}
	}
}
