package conventions

import (
	"fmt"
	"strconv"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/model/inventory"
)

// NameFormat reports VM names that are not {purpose}-{nn}.
var NameFormat = &analysis.Analyzer{
	Name:     "vm-name-format",
	Severity: analysis.Error,
	Doc: `a VM name is not {purpose}-{nn}: lowercase letters, digits and hyphens, a two-digit number from 01
CONVENTIONS.md names VMs {purpose}-{nn} (dns-01, k8s-01, db-01): lowercase
only, a two-digit number starting with 01. The name becomes the VM's
hostname, so it must also be a valid DNS label: at most 63 characters of
a-z, 0-9 and hyphens. CONVENTIONS.md also shows a colon form ("web:01",
"No special characters except colon") but asks to "Consider DNS
implications when naming": a colon is not valid in a hostname (RFC 1123),
so Proxmox, DHCP and DNS would reject or mangle web:01. nixlint therefore
takes the hyphen form, which every example of CONVENTIONS.md uses, and
reports the colon form with its fix (web:01 -> web-01). Templates are not
checked: their names describe an image.`,
	Requires: requires,
	Run:      runNameFormat,
	Docs: &analysis.Docs{
		Principle: `"Format: {purpose}-{nn} … Two-digit number starting with 01 … Use lowercase only … Consider DNS implications when naming" — CONVENTIONS.md, "VM Naming Convention"`,
		Bad: `mares.infrastructure.nodes = {
  "web:01" = { vmid = 200; };
  DB-1 = { vmid = 220; };
};`,
		Good: `mares.infrastructure.nodes = {
  web-01 = { vmid = 200; };
  db-01 = { vmid = 220; };
};`,
		Tags: []string{"conventions", "vm-name"},
	},
}

func runNameFormat(pass *analysis.Pass) (any, error) {
	in := inv(pass)
	for _, v := range checkedNames(in) {
		problem := formatProblem(hostLabel(v.Name))
		if problem == "" {
			continue
		}
		d := analysis.Diagnostic{
			Pos: v.NamePos, End: v.NameEnd,
			Message: fmt.Sprintf("%s name %s %s", v.Kind, quoted(v.Name), problem),
		}
		if fixed := fixName(hostLabel(v.Name)); fixed != "" {
			fixed += v.Name[len(hostLabel(v.Name)):] // keep the domain
			d.Message += "; rename it " + fixed
			d.Fix = "rename " + label(v) + " to " + fixed
			if edit, ok := renameEdit(pass, v, fixed); ok {
				d.SuggestedFixes = []analysis.SuggestedFix{{Message: d.Fix, Edits: []analysis.TextEdit{edit}}}
			}
		} else {
			d.Message += "; name it {purpose}-{nn}, e.g. " + example(v, in)
		}
		pass.Report(d)
	}
	return nil, nil
}

// example proposes a well-formed name for a VM whose name cannot be fixed
// mechanically.
func example(v *inventory.VM, in *inventory.Inventory) string {
	n := parseName(hostLabel(v.Name))
	if p, ok := purposeOf(hostLabel(v.Name), in.Conv); ok && validPurpose(p) {
		return p + "-01"
	}
	if validPurpose(n.Purpose) {
		return n.Purpose + "-01"
	}
	return "web-01"
}

// renameEdit replaces the VM's name where it is written, when it is written
// as one literal (an attribute name or a string without interpolation).
func renameEdit(pass *analysis.Pass, v *inventory.VM, fixed string) (analysis.TextEdit, bool) {
	if !v.NameLiteral || !v.NamePos.IsValid() {
		return analysis.TextEdit{}, false
	}
	f := pass.FileAt(v.NamePos)
	if f == nil || f.Tok == nil {
		return analysis.TextEdit{}, false
	}
	start := int(v.NamePos) - f.Tok.Base()
	end := int(v.NameEnd) - f.Tok.Base()
	if start < 0 || end > len(f.Src) || start >= end {
		return analysis.TextEdit{}, false
	}
	text := fixed
	if f.Src[start] == '"' {
		text = strconv.Quote(fixed)
	} else if f.Src[start] == '\'' {
		text = "''" + fixed + "''"
	}
	return analysis.TextEdit{Pos: v.NamePos, End: v.NameEnd, NewText: []byte(text)}, true
}
