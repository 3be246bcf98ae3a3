package conventions

import (
	"fmt"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/config"
)

// IDCategory reports production VMs whose id lies outside the ranges of
// their purpose.
var IDCategory = &analysis.Analyzer{
	Name:     "vm-id-category",
	Severity: analysis.Warning,
	Doc: `a production VM's id is outside the ranges of the purpose its name gives
CONVENTIONS.md splits the production ids (100-999) by purpose: 100-109
DNS/DHCP, 220-239 database servers, 280-299 home automation, and so on; the
VM's name gives its purpose ({purpose}-{nn}). CONVENTIONS.md lists the
prefixes and the ranges but not the link between them: nixlint's default
mapping (docs/conventions.md, [conventions.purposes]) links them, e.g. db ->
220-239 and cache -> 220-239 or 380-399. A VM whose purpose has no mapping,
or whose id is not a production id, is not checked here (vm-id-range checks
the blocks).`,
	Requires: requires,
	Run:      runIDCategory,
	Docs: &analysis.Docs{
		Principle: `"Production VMs (100-999) … 100-109: DNS/DHCP … 220-239: Database Servers" — CONVENTIONS.md, "Proxmox VM ID Conventions"; "Purpose should be clear from the name" — "VM Naming Convention"`,
		Bad: `mares.infrastructure.nodes.db-01 = {
  vmid = 105; # 100-109 is DNS/DHCP
  roles = [ config.flake.nixosModules.role-postgres ];
};`,
		Good: `mares.infrastructure.nodes.db-01 = {
  vmid = 220; # 220-239: Database Servers
  roles = [ config.flake.nixosModules.role-postgres ];
};`,
		Tags: []string{"conventions", "vm-id"},
	},
}

func runIDCategory(pass *analysis.Pass) (any, error) {
	in := inv(pass)
	conv := in.Conv
	next := nextFree(in)
	for _, v := range in.VMs {
		if !v.IDKnown || isTemplate(v, conv) {
			continue
		}
		block, ok := conv.Block(v.ID)
		inner, _ := conv.Range(v.ID)
		if !ok || block.Class != config.ClassProduction || inner.Class == config.ClassReserved {
			continue
		}
		p, rs, ok := purposeRanges(v, conv)
		if !ok {
			continue
		}
		inside := false
		for _, r := range rs {
			if r.Contains(v.ID) {
				inside = true
			}
		}
		if inside {
			continue
		}
		purpose := p
		if meaning := conv.Prefixes[p]; meaning != "" {
			purpose += " (" + meaning + ")"
		}
		pass.Report(analysis.Diagnostic{
			Pos: v.IDPos, End: v.IDEnd,
			Message: fmt.Sprintf("%s %s has id %d in %s, but the purpose %s belongs in %s; %s",
				v.Kind, label(v), v.ID, rangeText(inner), purpose, spans(rs), next(rs[0])),
		})
	}
	return nil, nil
}
