package config

import (
	"reflect"
	"strings"
	"testing"
)

func TestRangeAccessors(t *testing.T) {
	c := Default().Conventions
	tests := []struct {
		id               int
		inner, block     string // names; "" when outside the scheme
		innerCl, blockCl string
		depth            int
	}{
		{1, "Reserved for cluster/system use", "Reserved for cluster/system use", ClassSystem, ClassSystem, 1},
		{105, "DNS/DHCP", "Production VMs", ClassProduction, ClassProduction, 3},
		{225, "Database Servers", "Production VMs", ClassProduction, ClassProduction, 3},
		{950, "Future Use/Expansion", "Production VMs", ClassReserved, ClassProduction, 2},
		{1042, "Linux Distribution Templates", "Templates", ClassTemplate, ClassTemplate, 2},
		{1600, "Reserved for Future Templates", "Templates", ClassReserved, ClassTemplate, 2},
		{2500, "Staging Environment", "Development/Test VMs", ClassDevelopment, ClassDevelopment, 2},
		{9950, "Emergency/Recovery", "Temporary/Clone VMs", ClassTemporary, ClassTemporary, 2},
		{0, "", "", "", "", 0},
		{3000, "", "", "", "", 0},
		{8999, "", "", "", "", 0},
		{10000, "", "", "", "", 0},
	}
	for _, tt := range tests {
		r, ok := c.Range(tt.id)
		b, okb := c.Block(tt.id)
		if ok != (tt.inner != "") || okb != ok || r.Name != tt.inner || b.Name != tt.block ||
			r.Class != tt.innerCl || b.Class != tt.blockCl || len(c.RangesAt(tt.id)) != tt.depth {
			t.Errorf("id %d: Range = %+v %v, Block = %+v, depth %d", tt.id, r, ok, b, len(c.RangesAt(tt.id)))
		}
	}
}

// TestRangeAccessorsAgree checks that Range and Block, which scan the ranges
// without gathering them, answer what RangesAt's last and first elements
// say, over every id of the default scheme and past its ends.
func TestRangeAccessorsAgree(t *testing.T) {
	c := Default().Conventions
	for id := -1; id <= 10001; id++ {
		all := c.RangesAt(id)
		r, ok := c.Range(id)
		b, okb := c.Block(id)
		if ok != (len(all) > 0) || okb != ok {
			t.Fatalf("id %d: Range ok %v, Block ok %v, RangesAt %d ranges", id, ok, okb, len(all))
		}
		if ok && (r != all[len(all)-1] || b != all[0]) {
			t.Fatalf("id %d: Range = %+v, Block = %+v, RangesAt = %+v", id, r, b, all)
		}
	}
}

func TestPurposeRanges(t *testing.T) {
	c := Default().Conventions
	names := func(p string) []string {
		var out []string
		for _, r := range c.PurposeRanges(p) {
			out = append(out, r.Name)
		}
		return out
	}
	tests := map[string][]string{
		"db":     {"Database Servers"},
		"backup": {"Backup Services", "Backup Storage"},
		"app":    {"Applications"},
		"cam":    {"Home Automation", "IoT Services"},
		"nope":   nil,
	}
	for p, want := range tests {
		if got := names(p); !reflect.DeepEqual(got, want) {
			t.Errorf("PurposeRanges(%q) = %q, want %q", p, got, want)
		}
	}
}

func TestRoleReference(t *testing.T) {
	c := Conventions{RoleReference: "role-{name}"}
	if got := c.RoleRef("web"); got != "role-web" {
		t.Errorf("RoleRef = %q", got)
	}
	tests := []struct {
		ref, name string
		ok        bool
	}{
		{"role-web", "web", true},
		{"role-web-proxy", "web-proxy", true},
		{"role-", "", false},
		{"web", "", false},
		{"profile-web", "", false},
	}
	for _, tt := range tests {
		if name, ok := c.RoleName(tt.ref); name != tt.name || ok != tt.ok {
			t.Errorf("RoleName(%q) = %q %v", tt.ref, name, ok)
		}
	}
	suffix := Conventions{RoleReference: "{name}Role"}
	if name, ok := suffix.RoleName("webRole"); name != "web" || !ok {
		t.Errorf("suffix pattern: %q %v", name, ok)
	}
}

func TestEnvironmentsAndPrefixes(t *testing.T) {
	c := Default().Conventions
	for _, w := range []string{"dev", "prod", "staging", "test", "qa"} {
		if !c.IsEnvironment(w) {
			t.Errorf("%q is not an environment", w)
		}
	}
	if c.IsEnvironment("web") || c.IsPrefix("hass") || !c.IsPrefix("ha") {
		t.Errorf("environment/prefix lookup wrong")
	}
	if c.HostnamesAsVMNames {
		t.Errorf("hostnames-as-vm-names is on by default")
	}
}

func TestVMSourceMatch(t *testing.T) {
	srcs := map[string]VMSource{}
	for _, s := range Default().Conventions.VMSources {
		srcs[s.Path] = s
	}
	tests := []struct {
		path, attrs string
		set, name   string
		ok          bool
	}{
		{"**.nodes.<name>", "mares.infrastructure.nodes.dns-01.vmid", "mares.infrastructure.nodes.dns-01", "dns-01", true},
		{"**.nodes.<name>", "nodes.web-01.vmId", "nodes.web-01", "web-01", true},
		{"**.nodes.<name>", "mares.infrastructure.hosts.web-01.vmid", "", "", false},
		{"services.proxmox-ve.vms.<name>", "services.proxmox-ve.vms.db-01.vmid", "services.proxmox-ve.vms.db-01", "db-01", true},
		{"resource.proxmox_lxc.<r>", "resource.proxmox_lxc.web.hostname", "resource.proxmox_lxc.web", "", true},
		{"resource.proxmox_virtual_environment_container.<r>", "resource.proxmox_virtual_environment_container.c1.initialization.hostname", "resource.proxmox_virtual_environment_container.c1", "", true},
		{"proxmox.qemuConf", "proxmox.qemuConf.name", "proxmox.qemuConf", "", true},
		{"proxmox.qemu.<name>", "proxmox.lxc.web-01.vmid", "", "", false},
		{"proxmox.qemu.<name>", "proxmox.qemu", "", "", false},
	}
	for _, tt := range tests {
		s, ok := srcs[tt.path]
		if !ok {
			t.Fatalf("no default source %q", tt.path)
		}
		m, ok := s.Match(strings.Split(tt.attrs, "."))
		if ok != tt.ok || strings.Join(m.Set, ".") != tt.set || m.Name != tt.name {
			t.Errorf("%s on %s = %+v %v, want set %q name %q %v", tt.path, tt.attrs, m, ok, tt.set, tt.name, tt.ok)
		}
	}
}

func TestCheckAttrPattern(t *testing.T) {
	good := []string{"a.b", "<x>.<name>", "**.nodes.<name>", "resource.proxmox_lxc.<r>"}
	for _, p := range good {
		if msg := checkAttrPattern(p); msg != "" {
			t.Errorf("checkAttrPattern(%q) = %q", p, msg)
		}
	}
	bad := []string{"", "a..b", ".a", "a.", "<name>.<name>", "a.*", "a<b>", "**.**.**.x", `a."b"`}
	for _, p := range bad {
		if checkAttrPattern(p) == "" {
			t.Errorf("checkAttrPattern(%q) accepted", p)
		}
	}
}
