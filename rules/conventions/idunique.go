package conventions

import (
	"fmt"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/model/inventory"
)

// IDUnique reports two VMs or containers sharing an id.
var IDUnique = &analysis.Analyzer{
	Name:     "vm-id-unique",
	Severity: analysis.Error,
	Doc: `two VMs or containers share a Proxmox id
Proxmox gives VMs and containers one id space: a second guest with an id in
use cannot be created (or, with terraform, replaces the first). nixlint
reports an id declared for two guests that are certainly different: their
names differ, or they are two declarations of the same kind (two terranix
resources). The same VM declared twice (in the machine registry and in a
terranix resource, with the same name and id) is one VM and is not
reported. The message gives the next free id in the range of the second
guest's purpose.`,
	Requires: requires,
	Run:      runIDUnique,
	Docs: &analysis.Docs{
		Principle: `"Critical infrastructure VMs (like storage, backup) should maintain existing IDs if already established" — CONVENTIONS.md, "Proxmox VM ID Conventions", "Notes": an id names exactly one guest.`,
		Bad: `resource.proxmox_vm_qemu.web = { name = "web-01"; vmid = 200; };
resource.proxmox_lxc.cache = { hostname = "cache-01"; vmid = 200; };`,
		Good: `resource.proxmox_vm_qemu.web = { name = "web-01"; vmid = 200; };
resource.proxmox_lxc.cache = { hostname = "cache-01"; vmid = 220; };`,
		Tags: []string{"conventions", "vm-id"},
	},
}

func runIDUnique(pass *analysis.Pass) (any, error) {
	in := inv(pass)
	next := nextFree(in)
	seen := map[int][]*inventory.VM{}
	for _, v := range in.VMs {
		if !v.IDKnown {
			continue
		}
		var first *inventory.VM
		for _, s := range seen[v.ID] {
			if distinct(s, v, true) {
				first = s
				break
			}
		}
		seen[v.ID] = append(seen[v.ID], v)
		if first == nil {
			continue
		}
		advice := "give it a free id"
		if _, rs, ok := purposeRanges(v, in.Conv); ok {
			advice = "give it another: " + next(rs[0])
		} else if r, ok := in.Conv.Range(v.ID); ok {
			advice = "give it another: " + next(r)
		}
		pass.Report(analysis.Diagnostic{
			Pos: v.IDPos, End: v.IDEnd,
			Message: fmt.Sprintf("%s %s has id %d, already the id of %s %s (%s); Proxmox has one id space for VMs and containers, so %s",
				v.Kind, label(v), v.ID, first.Kind, label(first), at(first), advice),
		})
	}
	return nil, nil
}
