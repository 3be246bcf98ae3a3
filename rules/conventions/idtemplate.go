package conventions

import (
	"fmt"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/config"
)

// IDTemplate reports templates outside the template block and
// non-templates inside it.
var IDTemplate = &analysis.Analyzer{
	Name:     "vm-id-template",
	Severity: analysis.Warning,
	Doc: `a template's id is outside 1000-1999, or a VM that is not a template has an id inside it
CONVENTIONS.md keeps 1000-1999 for templates. A declaration flagged as a
template (template = true, as the bpg provider and the machine registry
write it, or a "template" tag) must have an id there, and a declaration
that says it is not a template must not. Sources with no template flag
(the Telmate provider, proxmox-nixos) are checked only through tags: an
absent flag there says nothing, and neither does a registry node without
one.`,
	Requires: requires,
	Run:      runIDTemplate,
	Docs: &analysis.Docs{
		Principle: `"1000-1999: Templates" — CONVENTIONS.md, "Proxmox VM ID Conventions"`,
		Bad: `resource.proxmox_virtual_environment_vm.nixos = {
  name = "nixos-template";
  vm_id = 9000;
  template = true;
};`,
		Good: `resource.proxmox_virtual_environment_vm.nixos = {
  name = "nixos-template";
  vm_id = 1000;
  template = true;
};`,
		Tags: []string{"conventions", "vm-id"},
	},
}

func runIDTemplate(pass *analysis.Pass) (any, error) {
	in := inv(pass)
	conv := in.Conv
	tb, ok := templateBlock(conv)
	if !ok {
		return nil, nil
	}
	next := nextFree(in)
	for _, v := range in.VMs {
		if !v.IDKnown || !v.TemplateKnown {
			continue
		}
		inBlock := tb.Contains(v.ID)
		switch {
		case v.Template && !inBlock:
			advice := "move it into " + rangeText(tb)
			if r, ok := firstUsable(conv, tb); ok {
				advice += ": " + next(r)
			}
			pass.Report(analysis.Diagnostic{
				Pos: v.IDPos, End: v.IDEnd,
				Message: fmt.Sprintf("template %s has id %d, outside %s; %s", label(v), v.ID, rangeText(tb), advice),
			})
		case !v.Template && inBlock:
			advice := "give it an id outside " + tb.Span().String()
			if _, rs, ok := purposeRanges(v, conv); ok {
				advice = "give it an id in the range of its purpose: " + next(rs[0])
			} else if r, ok := productionBlock(conv); ok {
				advice += ", in " + rangeText(r) + " for a production VM"
			}
			pass.Report(analysis.Diagnostic{
				Pos: v.IDPos, End: v.IDEnd,
				Message: fmt.Sprintf("%s %s is not a template but has id %d, inside %s, which is kept for templates; %s", v.Kind, label(v), v.ID, rangeText(tb), advice),
			})
		}
	}
	return nil, nil
}

// productionBlock returns the outermost range of the production class.
func productionBlock(conv *config.Conventions) (config.IDRange, bool) {
	for _, r := range conv.IDRanges {
		if r.Class != config.ClassProduction {
			continue
		}
		if outer, ok := conv.Block(r.Start); ok && outer.Start == r.Start && outer.End == r.End {
			return r, true
		}
	}
	return config.IDRange{}, false
}
