package conventions

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/model/inventory"
)

// NameSequence reports numbering with holes or not starting at 01.
var NameSequence = &analysis.Analyzer{
	Name:     "vm-name-sequence",
	Severity: analysis.Note,
	Doc: `the VMs of one purpose are not numbered 01, 02, 03… without holes
CONVENTIONS.md numbers VMs with "Two-digit number starting with 01" and asks
to "Use sequential numbering". Among the well-formed names sharing a
purpose of the vocabulary (dns-01, dns-03), a missing number is reported on
the VM after the hole, and a first number above 01 on the lowest one; a VM
declared in several places counts once. A hole left by a
retired VM is legitimate: suppress the note with the reason
(# nixlint:ignore vm-name-sequence -- dns-02 retired in 2024).`,
	Requires: requires,
	Run:      runNameSequence,
	Docs: &analysis.Docs{
		Principle: `"Two-digit number starting with 01 … Use sequential numbering" — CONVENTIONS.md, "VM Naming Convention"`,
		Bad: `mares.infrastructure.nodes = {
  dns-01 = { vmid = 100; };
  dns-03 = { vmid = 102; };
};`,
		Good: `mares.infrastructure.nodes = {
  dns-01 = { vmid = 100; };
  dns-02 = { vmid = 102; };
};`,
		Tags: []string{"conventions", "vm-name"},
	},
}

func runNameSequence(pass *analysis.Pass) (any, error) {
	in := inv(pass)
	type member struct {
		n  int
		vm *inventory.VM
	}
	groups := map[string][]member{}
	var order []string
	seen := map[string]bool{}
	for _, v := range checkedNames(in) {
		name := hostLabel(v.Name)
		if !wellFormed(name) || seen[name] || !in.Conv.IsPrefix(parseName(name).Purpose) {
			// Only well-formed names of a known purpose: a wrong prefix is
			// vm-name-prefix's finding, and its numbering would be noise.
			// The same VM declared twice counts once, where it is first
			// declared.
			continue
		}
		seen[name] = true
		n := parseName(name)
		num, err := strconv.Atoi(n.Number)
		if err != nil {
			continue
		}
		if _, ok := groups[n.Purpose]; !ok {
			order = append(order, n.Purpose)
		}
		groups[n.Purpose] = append(groups[n.Purpose], member{num, v})
	}
	for _, p := range order {
		ms := groups[p]
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].n < ms[j].n })
		width := len(parseName(ms[0].vm.Name).Number)
		numbered := func(n int) string { return fmt.Sprintf("%s-%0*d", p, width, n) }
		if ms[0].n > 1 {
			v := ms[0].vm
			pass.Report(analysis.Diagnostic{
				Pos: v.NamePos, End: v.NameEnd,
				Message: fmt.Sprintf("the %s VMs start at %s; numbering starts at %s (rename it %s, or note why with a suppression)",
					p, label(v), numbered(1), numbered(1)),
			})
		}
		for i := 1; i < len(ms); i++ {
			prev, cur := ms[i-1], ms[i]
			if cur.n <= prev.n+1 {
				continue
			}
			var missing []string
			for k := prev.n + 1; k < cur.n && len(missing) < 3; k++ {
				missing = append(missing, numbered(k))
			}
			if cur.n-prev.n-1 > len(missing) {
				missing = append(missing, "…")
			}
			pass.Report(analysis.Diagnostic{
				Pos: cur.vm.NamePos, End: cur.vm.NameEnd,
				Message: fmt.Sprintf("%s follows %s: %s missing; number sequentially (rename it %s), or note why with a suppression",
					cur.vm.Name, prev.vm.Name, strings.Join(missing, ", ")+isAre(cur.n-prev.n-1), numbered(prev.n+1)),
			})
		}
	}
	return nil, nil
}

func isAre(n int) string {
	if n == 1 {
		return " is"
	}
	return " are"
}
