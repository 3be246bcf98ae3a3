package inventory_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/analysis/analysistest"
	"github.com/nixlint/nixlint/model/inventory"
)

// load runs the inventory over a fixture and returns it.
func load(t *testing.T, archive string) *inventory.Inventory {
	t.Helper()
	var got *inventory.Inventory
	capture := &analysis.Analyzer{
		Name:     "capture-inventory",
		Doc:      "test helper",
		Severity: analysis.Note,
		Requires: []*analysis.Analyzer{inventory.Analyzer},
		Run: func(p *analysis.Pass) (any, error) {
			got, _ = p.ResultOf[inventory.Analyzer].(*inventory.Inventory)
			return nil, nil
		},
	}
	analysistest.Lint(t, archive, capture)
	if got == nil {
		t.Fatal("the inventory did not run")
	}
	return got
}

func row(v *inventory.VM) string {
	name, id := "?", "-"
	if v.NameKnown {
		name = v.Name
	}
	if v.IDKnown {
		id = fmt.Sprint(v.ID)
	} else if v.HasID {
		id = "?"
	}
	tmpl := ""
	if v.TemplateKnown && v.Template {
		tmpl = " template"
	}
	return fmt.Sprintf("%s %s %s%s %s", name, id, v.Kind, tmpl, v.Where())
}

func TestSources(t *testing.T) {
	inv := load(t, "testdata/sources.txtar")
	var rows []string
	for _, v := range inv.VMs {
		rows = append(rows, row(v))
	}
	want := []string{
		"tmpl-01 1000 vm template modules/infrastructure/nodes.nix:20",
		"dns-01 100 vm modules/infrastructure/nodes.nix:11",
		"dns-02 102 vm modules/infrastructure/nodes.nix:17",
		"web-01 200 vm modules/infrastructure/nodes.nix:18",
		"db-01 220 vm modules/virtualisation/proxmox-ve.nix:2",
		"ha-01 280 vm terraform/bpg.nix:2",
		"nixos-tmpl 1001 vm template terraform/bpg.nix:3",
		"mqtt-01 281 container terraform/bpg.nix:5",
		"git-01 136 vm terraform/module-style.nix:3",
		"nfs-01 150 container terraform/module-style.nix:4",
		"mail-01 240 vm terraform/telmate.nix:2",
		"cache-01 222 container terraform/telmate.nix:3",
		"app-01 300 vm terraform/telmate.nix:4",
		"web-02 - vm hosts/web/default.nix:2",
		"mon-01 120 vm modules/infrastructure/more.nix:3",
		"docker-01 420 vm terraform/count.nix:3",
		"? 421 container terraform/count.nix:4",
		"optimized - vm template modules/virtualisation/format/proxmox-enhanced.nix:1",
		"proxmox-x86-optimized - vm template hosts/tpl/default.nix:1",
		"backup-01 140 vm modules/infrastructure/more.nix:4",
		"vm-a 157 vm terraform/computed.nix:3",
		"vm-b 158 vm terraform/computed.nix:4",
	}
	if got, w := sorted(rows), sorted(want); got != w {
		t.Errorf("VMs:\n%s\nwant:\n%s", got, w)
	}
	var skipped []string
	for _, s := range inv.Skipped {
		skipped = append(skipped, fmt.Sprintf("%s:%d %s %s: %s", s.File, s.Line, s.Set, s.What, s.Reason))
	}
	wantSkipped := []string{
		"hosts/other/default.nix:2 proxmox.qemuConf name: depends on the function argument `name`",
		"terraform/bpg.nix:8 resource.proxmox_virtual_environment_vm.unknown name: depends on the function argument `var`",
		"terraform/bpg.nix:8 resource.proxmox_virtual_environment_vm.unknown id: depends on the function argument `var`",
		"terraform/module-style.nix:5 proxmox.qemu.built declaration: is a function call (mkVM)",
		"terraform/generated.nix:4 resource.proxmox_vm_qemu declarations: is a function call (lib.mapAttrs)",
		"terraform/count.nix:2 resource.proxmox_vm_qemu.k3s declaration: declares several VMs through Terraform's count",
		"terraform/count.nix:4 resource.proxmox_lxc.tf name: is a Terraform expression (\"${var.name}\")",
		"terraform/count.nix:5 resource.proxmox_virtual_environment_vm.each declaration: declares several VMs through Terraform's for_each",
	}
	if got, w := sorted(skipped), sorted(wantSkipped); got != w {
		t.Errorf("skipped:\n%s\nwant:\n%s", got, w)
	}
	for _, v := range inv.VMs {
		if v.Name == "cache-01" && strings.Join(v.Tags, ",") != "cache,db" {
			t.Errorf("cache-01 tags = %v, want [cache db]", v.Tags)
		}
		if v.Name == "mon-01" && strings.Join(v.Tags, ",") != "obs" {
			t.Errorf("mon-01 tags = %v, want [obs]", v.Tags)
		}
	}
}

func sorted(s []string) string {
	c := append([]string(nil), s...)
	for i := range c {
		for j := i + 1; j < len(c); j++ {
			if c[j] < c[i] {
				c[i], c[j] = c[j], c[i]
			}
		}
	}
	return strings.Join(c, "\n")
}
