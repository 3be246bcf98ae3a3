package conventions

import (
	"fmt"
	"strings"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/model/inventory"
)

// NameUnique reports one name declared for two different VMs.
var NameUnique = &analysis.Analyzer{
	Name:     "vm-name-unique",
	Severity: analysis.Error,
	Doc: `the same name is declared for two different VMs
A VM's name is its hostname: two VMs named web-01 clash in DNS, in DHCP
and in Proxmox's own list. nixlint reports a name declared for two guests
that are certainly different: their ids differ, or they are two
declarations of the same kind (two terranix resources). The same VM
declared in two places (the registry and a terranix resource, with the same
id) is one VM and is not reported. Names are compared ignoring case, as DNS
does.`,
	Requires: requires,
	Run:      runNameUnique,
	Docs: &analysis.Docs{
		Principle: `"Names should be easily identifiable … Numbers allow for multiple instances" — CONVENTIONS.md, "VM Naming Convention", "Notes"`,
		Bad: `resource.proxmox_vm_qemu.web1 = { name = "web-01"; vmid = 200; };
resource.proxmox_vm_qemu.web2 = { name = "web-01"; vmid = 202; };`,
		Good: `resource.proxmox_vm_qemu.web1 = { name = "web-01"; vmid = 200; };
resource.proxmox_vm_qemu.web2 = { name = "web-02"; vmid = 202; };`,
		Tags: []string{"conventions", "vm-name"},
	},
}

func runNameUnique(pass *analysis.Pass) (any, error) {
	in := inv(pass)
	seen := map[string][]*inventory.VM{}
	used := usedNames(in)
	for _, v := range in.VMs {
		if !v.NameKnown || v.Kind == inventory.KindHost {
			continue
		}
		key := strings.ToLower(hostLabel(v.Name))
		var first *inventory.VM
		for _, s := range seen[key] {
			if distinct(s, v, false) {
				first = s
				break
			}
		}
		seen[key] = append(seen[key], v)
		if first == nil {
			continue
		}
		advice := "rename one of them"
		if n := parseName(hostLabel(v.Name)); wellFormed(hostLabel(v.Name)) {
			advice = "rename this one: " + nextName(n.Purpose, used) + " is free"
		}
		ids := ""
		if v.IDKnown && first.IDKnown {
			ids = fmt.Sprintf(" (ids %d and %d)", first.ID, v.ID)
		}
		pass.Report(analysis.Diagnostic{
			Pos: v.NamePos, End: v.NameEnd,
			Message: fmt.Sprintf("%s name %s is already the name of another %s, declared at %s%s; two guests cannot share a hostname: %s",
				v.Kind, quoted(v.Name), first.Kind, at(first), ids, advice),
		})
	}
	return nil, nil
}

// usedNames returns the names in use, lowercased.
func usedNames(in *inventory.Inventory) map[string]bool {
	used := map[string]bool{}
	for _, v := range in.VMs {
		if v.NameKnown {
			used[strings.ToLower(hostLabel(v.Name))] = true
		}
	}
	return used
}

// nextName returns the first name of the purpose's numbering not in use.
func nextName(purpose string, used map[string]bool) string {
	for n := 1; n < 1000; n++ {
		name := fmt.Sprintf("%s-%02d", purpose, n)
		if !used[name] {
			return name
		}
	}
	return purpose + "-NN"
}
