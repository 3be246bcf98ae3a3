package conventions

import (
	"fmt"
	"strings"

	"github.com/nixlint/nixlint/analysis"
)

// NamePrefix reports VM names whose purpose is not in the prefix
// vocabulary.
var NamePrefix = &analysis.Analyzer{
	Name:     "vm-name-prefix",
	Severity: analysis.Warning,
	Doc: `a VM name's purpose is not in the prefix vocabulary
CONVENTIONS.md lists the purpose prefixes of VM names (dns, dhcp, fw, proxy,
mon, backup, nfs, git, ldap, vpn, build, web, app, db, cache, mail, ci,
docker, k8s, mqtt, nas, san, store, archive, plex, ha, cam, media, pi) and
asks to "Be consistent with abbreviations". A purpose outside the list is
reported with the prefix it most likely means (hass -> ha, postgres -> db).
Add your own prefixes in .nixlint.toml ([conventions.prefixes] hass = "Home
Assistant"). Environment words (dev-, -prod) are left to
vm-name-env-prefix, and a purpose whose first word is a known prefix
(web-frontend-01) is accepted.`,
	Requires: requires,
	Run:      runNamePrefix,
	Docs: &analysis.Docs{
		Principle: `"Purpose Prefixes … Be consistent with abbreviations … Purpose should be clear from the name" — CONVENTIONS.md, "VM Naming Convention"`,
		Bad:       `mares.infrastructure.nodes.hass-01 = { vmid = 280; };`,
		Good: `mares.infrastructure.nodes.ha-01 = { vmid = 280; };

# or, to keep the name, in .nixlint.toml:
# [conventions.prefixes]
# hass = "Home Assistant"`,
		Tags: []string{"conventions", "vm-name"},
	},
}

func runNamePrefix(pass *analysis.Pass) (any, error) {
	in := inv(pass)
	conv := in.Conv
	if len(conv.Prefixes) == 0 {
		return nil, nil
	}
	for _, v := range checkedNames(in) {
		p, ok := purposeOf(hostLabel(v.Name), conv)
		if !ok || p == "" || !validPurpose(strings.ToLower(p)) {
			// No number, or a purpose vm-name-format already rejects.
			continue
		}
		if _, ok := knownPurpose(p, conv); ok {
			continue
		}
		msg := fmt.Sprintf("%s name %s has the purpose %q, which is not in the prefix vocabulary", v.Kind, quoted(v.Name), p)
		fix := ""
		if s := didYouMean(p, conv); s != "" {
			n := parseName(hostLabel(v.Name))
			renamed := strings.Replace(strings.ToLower(hostLabel(v.Name)), p, s, 1)
			if n.Number != "" && wellFormed(renamed) {
				fix = "rename it " + renamed
			}
			msg += fmt.Sprintf("; did you mean %q (%s)?", s, conv.Prefixes[s])
			if fix != "" {
				msg += " " + strings.ToUpper(fix[:1]) + fix[1:] + ","
			}
			msg += fmt.Sprintf(" or add %s = \"…\" under [conventions.prefixes] in .nixlint.toml", p)
		} else {
			msg += fmt.Sprintf("; use one of its prefixes (%s) or add %s = \"…\" under [conventions.prefixes] in .nixlint.toml", strings.Join(conv.PrefixNames(), ", "), p)
		}
		pass.Report(analysis.Diagnostic{Pos: v.NamePos, End: v.NameEnd, Message: msg, Fix: fix})
	}
	return nil, nil
}
