package conventions

import (
	"fmt"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/config"
	"github.com/nixlint/nixlint/model/inventory"
)

// IDRange reports VM ids outside the id scheme, in the range reserved for
// the cluster, or in a block kept for future use.
var IDRange = &analysis.Analyzer{
	Name:     "vm-id-range",
	Severity: analysis.Error,
	Doc: `a VM id is reserved for the cluster, outside the id scheme, or in a block kept for future use
CONVENTIONS.md divides Proxmox VM ids into blocks: 1-99 reserved for
cluster/system use, 100-999 production VMs, 1000-1999 templates, 2000-2999
development/test VMs and 9000-9999 temporary/clone VMs. An id in 1-99, or
outside every block (3000-8999, 10000 and above), is an error; an id in a
block kept for future use (900-999, 1500-1999) is a warning. The message
says which range the VM belongs in, by the purpose of its name, and the next
free id there. The scheme is configurable ([conventions] id-ranges).`,
	Requires: requires,
	Run:      runIDRange,
	Docs: &analysis.Docs{
		Principle: `"1-99: Reserved for cluster/system use · 100-999: Production VMs · 1000-1999: Templates · 2000-2999: Development/Test VMs · 9000-9999: Temporary/Clone VMs" — CONVENTIONS.md, "Proxmox VM ID Conventions"`,
		Bad: `mares.infrastructure.nodes = {
  web-01 = { vmid = 3500; roles = [ config.flake.nixosModules.role-web ]; };
  dns-01 = { vmid = 42; roles = [ config.flake.nixosModules.role-dns ]; };
};`,
		Good: `mares.infrastructure.nodes = {
  web-01 = { vmid = 200; roles = [ config.flake.nixosModules.role-web ]; };
  dns-01 = { vmid = 100; roles = [ config.flake.nixosModules.role-dns ]; };
};`,
		Tags: []string{"conventions", "vm-id"},
	},
}

func runIDRange(pass *analysis.Pass) (any, error) {
	in := inv(pass)
	conv := in.Conv
	next := nextFree(in)
	for _, v := range in.VMs {
		if !v.IDKnown {
			continue
		}
		what := fmt.Sprintf("%s %s has id %d", v.Kind, label(v), v.ID)
		inner, ok := conv.Range(v.ID)
		switch {
		case !ok:
			pass.Report(analysis.Diagnostic{
				Pos: v.IDPos, End: v.IDEnd,
				Message: fmt.Sprintf("%s, outside every range of the id scheme (%s); %s", what, blocks(conv), suggestRange(v, conv, next)),
			})
		case inner.Class == config.ClassSystem:
			pass.Report(analysis.Diagnostic{
				Pos: v.IDPos, End: v.IDEnd,
				Message: fmt.Sprintf("%s, in %s, which is reserved for cluster/system use; %s", what, inner.Span(), suggestRange(v, conv, next)),
			})
		case inner.Class == config.ClassReserved:
			pass.Report(analysis.Diagnostic{
				Pos: v.IDPos, End: v.IDEnd, Severity: analysis.Warning,
				Message: fmt.Sprintf("%s, in %s, kept for future use; %s", what, rangeText(inner), suggestRange(v, conv, next)),
			})
		}
	}
	return nil, nil
}

// suggestRange says where the VM belongs: the range of its purpose, the
// template block for a template, or the production block.
func suggestRange(v *inventory.VM, conv *config.Conventions, next func(config.IDRange) string) string {
	if v.TemplateKnown && v.Template {
		if tb, ok := templateBlock(conv); ok {
			if r, ok := firstUsable(conv, tb); ok {
				return fmt.Sprintf("a template belongs in %s: %s", rangeText(tb), next(r))
			}
		}
	}
	if p, rs, ok := purposeRanges(v, conv); ok {
		return fmt.Sprintf("the purpose %s belongs in %s: %s", p, spans(rs), next(rs[0]))
	}
	for _, r := range conv.IDRanges {
		if r.Class == config.ClassProduction {
			return fmt.Sprintf("pick an id in the range of the VM's purpose inside %s (nixlint inventory lists the next free ids)", rangeText(r))
		}
	}
	return "pick an id inside the scheme (nixlint inventory lists the next free ids)"
}
