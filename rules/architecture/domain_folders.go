package architecture

import (
	"fmt"
	"path"
	"regexp"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/model/layout"
)

// DomainFolders checks the domain folders below modules/.
var DomainFolders = &analysis.Analyzer{
	Name: "domain-folders",
	Doc: `modules are not organized in domain folders named by purpose

Modules live in domain folders under modules/, named for what they are for
(networking, media, storage), not for what kind of code they hold. The rule
reports a .nix file directly in modules/ (other than default.nix); a domain
named by technical classification (lib, utils, helpers, common, misc,
options, types, config, …; services and infrastructure are purpose names in
CONVENTIONS.md); a domain name that is not lowercase kebab-case; and, with
the option allowed-domains set, a domain not in that list. Findings about a
folder point at a file inside it and can be suppressed with [[exceptions]].`,
	Severity: analysis.Warning,
	Requires: requires,
	Run:      runDomainFolders,
	Options: []analysis.Option{{
		Name:    "allowed-domains",
		Default: []string{},
		Doc:     "when not empty, the only domain folder names allowed below modules/",
	}, {
		Name:    "technical-names",
		Default: technicalNames,
		Doc:     "folder names that classify code technically rather than by purpose",
	}},
	Docs: &analysis.Docs{
		Principle: "Domain-based organization: Group related functionality by purpose. Each domain directory groups related functionality based on purpose rather than technical classification. (CONVENTIONS.md, \"Design Principles\" 1 and \"Directory Purposes\", modules/[domain]/)",
		Bad: `modules/
├── default.nix
├── jellyfin.nix          # a module directly in modules/
└── utils/                # a technical classification
    └── backup.nix`,
		Good: `modules/
├── default.nix
├── media/
│   └── jellyfin.nix
└── storage/
    └── backup.nix`,
		Tags: []string{"architecture"},
	},
}

var technicalNames = []string{
	"lib", "libs", "utils", "util", "utilities", "helpers", "helper", "common",
	"misc", "options", "types", "config", "configs", "shared", "generic",
	"other", "others", "stuff", "extra", "extras", "modules", "nixos",
}

var kebab = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

const domainPrinciple = `domains "group related functionality based on purpose rather than technical classification"`

func runDomainFolders(pass *analysis.Pass) (any, error) {
	l, _ := results(pass)
	if l == nil || !l.Has[l.Folders.Modules] {
		return nil, nil
	}
	mods := l.Folders.Modules
	for _, f := range pass.Files {
		if layout.Dir(f.Path) == mods && path.Ext(f.Path) == ".nix" && path.Base(f.Path) != "default.nix" {
			pass.Report(analysis.Diagnostic{
				Pos: fileStart(f), End: fileStart(f),
				Message: fmt.Sprintf("%s sits directly in %s/; %s: move it into a domain folder named for its purpose, e.g. %s/<domain>/%s",
					f.Path, mods, domainPrinciple, mods, path.Base(f.Path)),
			})
		}
	}
	technical := make(map[string]bool)
	for _, n := range pass.StringsOption("technical-names") {
		technical[n] = true
	}
	allowed := make(map[string]bool)
	for _, n := range pass.StringsOption("allowed-domains") {
		allowed[n] = true
	}
	for _, fo := range folders(pass, mods) {
		if depth(fo.dir, mods) != 1 {
			continue
		}
		anchor := fo.anchor()
		if anchor == nil {
			continue
		}
		name := path.Base(fo.dir)
		var msg string
		switch {
		case technical[name]:
			msg = fmt.Sprintf("domain %s/ is named by technical classification; %s: move its modules into the domains they serve (networking, media, storage, …)", fo.dir, domainPrinciple)
		case !kebab.MatchString(name):
			msg = fmt.Sprintf("domain %s/ is not lowercase kebab-case; rename it (e.g. %s/%s)", fo.dir, mods, kebabCase(name))
		case len(allowed) > 0 && !allowed[name]:
			msg = fmt.Sprintf("domain %s/ is not among the allowed-domains of the configuration; move its modules into an allowed domain or add %q to allowed-domains", fo.dir, name)
		default:
			continue
		}
		pass.Report(analysis.Diagnostic{Pos: fileStart(anchor), End: fileStart(anchor), Message: msg})
	}
	return nil, nil
}

// kebabCase suggests a kebab-case spelling of a folder name.
func kebabCase(s string) string {
	var out []rune
	for i, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			if i > 0 && len(out) > 0 && out[len(out)-1] != '-' {
				out = append(out, '-')
			}
			out = append(out, r+'a'-'A')
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			out = append(out, r)
		default:
			if len(out) > 0 && out[len(out)-1] != '-' {
				out = append(out, '-')
			}
		}
	}
	for len(out) > 0 && out[len(out)-1] == '-' {
		out = out[:len(out)-1]
	}
	if len(out) == 0 {
		return "domain"
	}
	return string(out)
}
