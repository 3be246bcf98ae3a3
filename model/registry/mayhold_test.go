package registry

import (
	"go/token"
	"testing"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/config"
	"github.com/nixlint/nixlint/model/inventory/constfold"
	"github.com/nixlint/nixlint/model/module"
	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/scope"
)

// TestMayMatchFile checks that the byte test rejects the files it should,
// and never one with a definition that a source matches, or that Expand
// extends: rejecting must not change the inventory.
func TestMayMatchFile(t *testing.T) {
	tests := []struct {
		name, src string
		may       bool
	}{
		{"service", `{ systemd.services.web.serviceConfig.ProtectHome = true; }`, false},
		{"nothing", `{ }`, false},
		{"options", `{ lib, ... }: { options.mares.web.enable = lib.mkEnableOption "web"; }`, false},
		{"interpolated names", `let n = "web"; in { services.${n}.enable = true; "${n}-x".y = 1; }`, false},
		{"registry", `{ mares.infrastructure.nodes.dns-01.vmid = 100; }`, true},
		{"nodes in a string", `{ x = "nodes"; }`, true},
		{"proxmox-nixos", `{ services.proxmox-ve.vms.web-01.vmid = 101; }`, true},
		{"terranix", `{ resource.proxmox_vm_qemu.web = { name = "web-01"; vmid = 101; }; }`, true},
		{"proxmox module", `{ proxmox.qemu.web-01.vmid = 101; }`, true},
		{"image", `{ proxmox.qemuConf.name = "img"; }`, true},
		{"quoted", `{ "proxmox".qemu."web-01".vmid = 101; }`, true},
		{"static interpolation", `{ ${"proxmox"}.qemu.web-01.vmid = 101; }`, true},
		{"escaped", `{ "pro\xmox".lxc.web-01.vmid = 101; }`, true},
		{"escaped elsewhere", `{ x = "\n"; }`, true},
		{"let-bound set", `let vms = { web-01.vmid = 101; }; in { proxmox.qemu = vms; }`, true},
		{"let-bound nodes", `let n = { dns-01.vmid = 100; }; in { nodes = n; }`, true},
		{"some literals", `{ services.vms.web.vmid = 1; resource.lxc = 1; }`, false},
	}
	conv := config.Default().Conventions
	srcs := NewSources(&conv)
	if !srcs.filter.on {
		t.Fatal("filter off for the default sources")
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			may := srcs.MayMatchFile(src)
			if may != tt.may {
				t.Errorf("MayMatchFile = %v, want %v", may, tt.may)
			}
			fset := token.NewFileSet()
			tree, errs := parser.ParseFile(fset, "a.nix", src)
			if len(errs) > 0 {
				t.Fatalf("parse: %v", errs)
			}
			mod := module.Build(&analysis.File{Path: "a.nix", Src: src, AST: tree, Tok: tree.Tok})
			defs := srcs.Expand(mod.Defs, constfold.New(scope.Resolve(tree)))
			matched := len(defs) != len(mod.Defs)
			for _, d := range defs {
				if _, _, ok := srcs.Match(d.Path); ok {
					matched = true
				}
				for i := 0; i < srcs.Len(); i++ {
					matched = matched || srcs.Holds(i, d.Path)
				}
			}
			if !may && matched {
				t.Errorf("rejected a file with a definition a source matches")
			}
		})
	}
}

// TestFileFilterOff checks the sources for which a byte test would not be
// exact.
func TestFileFilterOff(t *testing.T) {
	tests := []struct {
		path string
		on   bool
	}{
		{"proxmox.qemu.<name>", true},
		{"**.machines.<name>", true},
		{"<k>.<name>", false},
		{"**", false},
		{"a b.<name>", false},
		{`a\b.<name>`, false},
		{"a$b.<name>", false},
		{"\x00.<name>", false},
		{"\"a\".<name>", false},
	}
	for _, tt := range tests {
		conv := config.Conventions{VMSources: []config.VMSource{{Path: tt.path}}}
		s := NewSources(&conv)
		if s.filter.on != tt.on {
			t.Errorf("%q: filter on = %v, want %v", tt.path, s.filter.on, tt.on)
		}
		if !tt.on && !s.MayMatchFile([]byte("{ }")) {
			t.Errorf("%q: MayMatchFile false while off", tt.path)
		}
	}
}

// TestMayMatchFileManyNeedles checks a configuration with more literals
// than MayMatchFile's buffer holds.
func TestMayMatchFileManyNeedles(t *testing.T) {
	var conv config.Conventions
	for _, w := range []string{"a1", "b2", "c3", "d4", "e5", "f6", "g7", "h8", "i9", "j10", "k11", "l12", "m13", "n14", "o15", "p16", "q17", "r18"} {
		conv.VMSources = append(conv.VMSources, config.VMSource{Path: w + ".<name>"})
	}
	s := NewSources(&conv)
	if s.MayMatchFile([]byte("{ x = 1; }")) || !s.MayMatchFile([]byte("{ r18.x = 1; }")) {
		t.Errorf("MayMatchFile wrong with %d needles", s.filter.needles)
	}
}
