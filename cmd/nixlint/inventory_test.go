package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// inventoryRepo is a small repository with VMs from three sources, one
// skipped declaration and one id outside the scheme.
var inventoryRepo = map[string]string{
	"flake.nix": `{ outputs = _: { }; }`,
	"modules/infrastructure/nodes.nix": `{ ... }:
let base = 100; in
{
  mares.infrastructure.nodes = {
    dns-01 = { vmid = base; host = "10.0.0.2"; };
    dns-02.vmid = base + 2;
    web-01.vmid = 3500;
  };
}`,
	"terraform/vms.nix": `{ var, ... }: {
  resource.proxmox_lxc.cache = { hostname = "cache-01"; vmid = 220; };
  resource.proxmox_vm_qemu.x = { name = var.name; vmid = var.id; };
}`,
	"hosts/web.nix": `{ ... }: { proxmox.qemuConf.name = "web-02"; }`,
}

func writeRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestInventoryText(t *testing.T) {
	dir := writeRepo(t, inventoryRepo)
	var out, errb bytes.Buffer
	if code := run([]string{"inventory", dir}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d, stderr: %s", code, errb.String())
	}
	want := `5 VMs and containers

NAME      ID    RANGE                     KIND       SOURCE
dns-01    100   100-109 DNS/DHCP          vm         modules/infrastructure/nodes.nix:5
dns-02    102   100-109 DNS/DHCP          vm         modules/infrastructure/nodes.nix:6
cache-01  220   220-239 Database Servers  container  terraform/vms.nix:2
web-01    3500  outside the scheme        vm         modules/infrastructure/nodes.nix:7
web-02    -     -                         vm         hosts/web.nix:1

Ranges in use (next: free ids after the highest in use, one id apart; see docs/conventions.md):
  100-109  DNS/DHCP          used: 100, 102  next: 104, 106, 108
  220-239  Database Servers  used: 220       next: 222, 224, 226
  Ranges not listed are empty: their first id is free (--all-ranges lists every range).
  Ids outside every range: 3500 (vm-id-range reports them)

2 skipped declarations: ids and names that are not constants, so no rule checks them
  terraform/vms.nix:3  resource.proxmox_vm_qemu.x  name depends on the function argument ` + "`var`" + `
  terraform/vms.nix:3  resource.proxmox_vm_qemu.x  id depends on the function argument ` + "`var`" + `
`
	if got := out.String(); got != want {
		t.Errorf("text output:\n%s\nwant:\n%s", got, want)
	}

	// Same repository, same bytes.
	var again bytes.Buffer
	run([]string{"inventory", dir}, &again, &errb)
	if again.String() != out.String() {
		t.Error("two runs printed different output")
	}
}

func TestInventoryJSON(t *testing.T) {
	dir := writeRepo(t, inventoryRepo)
	var out, errb bytes.Buffer
	if code := run([]string{"inventory", "--format", "json", "--all-ranges", dir}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d, stderr: %s", code, errb.String())
	}
	var doc struct {
		Version int `json:"version"`
		VMs     []struct {
			Name  *string `json:"name"`
			ID    *int    `json:"id"`
			Kind  string  `json:"kind"`
			File  string  `json:"file"`
			Line  int     `json:"line"`
			Range *struct {
				Start, End int
			} `json:"range"`
		} `json:"vms"`
		Ranges []struct {
			Start int   `json:"start"`
			End   int   `json:"end"`
			Used  []int `json:"used"`
			Next  []int `json:"next"`
		} `json:"ranges"`
		Outside []int `json:"outside"`
		Skipped []struct {
			What   string `json:"what"`
			Reason string `json:"reason"`
			Line   int    `json:"line"`
		} `json:"skipped"`
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out.String())
	}
	if doc.Version != 1 || len(doc.VMs) != 5 || len(doc.Skipped) != 2 {
		t.Fatalf("version %d, %d VMs, %d skipped; want 1, 5, 2", doc.Version, len(doc.VMs), len(doc.Skipped))
	}
	if v := doc.VMs[2]; v.Name == nil || *v.Name != "cache-01" || v.ID == nil || *v.ID != 220 || v.Kind != "container" || v.Range == nil || v.Range.Start != 220 {
		t.Errorf("third VM = %+v, want cache-01, 220, container, in 220-239", v)
	}
	if v := doc.VMs[4]; v.Name == nil || *v.Name != "web-02" || v.ID != nil {
		t.Errorf("last VM = %+v, want web-02 without id", v)
	}
	if len(doc.Outside) != 1 || doc.Outside[0] != 3500 {
		t.Errorf("outside = %v, want [3500]", doc.Outside)
	}
	var dns, reserved bool
	for _, r := range doc.Ranges {
		if r.Start == 100 && r.End == 109 {
			dns = len(r.Used) == 2 && len(r.Next) == 3 && r.Next[0] == 104
		}
		if r.Start == 900 {
			reserved = len(r.Next) == 0 && r.Used != nil
		}
	}
	if !dns || !reserved {
		t.Errorf("ranges: 100-109 with next 104… = %v, 900-999 without suggestions = %v", dns, reserved)
	}
	if !strings.Contains(doc.Skipped[1].Reason, "function argument") {
		t.Errorf("skipped reason = %q", doc.Skipped[1].Reason)
	}
}

func TestInventoryUsage(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"inventory", "--format", "sarif"}, &out, &errb); code != exitError {
		t.Errorf("--format sarif: exit %d, want %d", code, exitError)
	}
	if code := run([]string{"inventory", "-h"}, &out, &errb); code != exitOK || !strings.Contains(out.String(), "Usage: nixlint inventory") {
		t.Errorf("-h: exit %d, output %q", code, out.String())
	}
	dir := writeRepo(t, map[string]string{"flake.nix": "{ }", ".nixlint.toml": "[conventions]\nbogus = 1\n"})
	errb.Reset()
	if code := run([]string{"inventory", dir}, &out, &errb); code != exitError || !strings.Contains(errb.String(), "bogus") {
		t.Errorf("bad config: exit %d, stderr %q", code, errb.String())
	}
}
