package architecture

import (
	"fmt"
	"strings"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/model/layout"
	"github.com/nixlint/nixlint/model/module"
)

// defaultAllow is what a role may set besides `imports` and the options the
// repository's own modules declare (DESIGN.md §4). Patterns are dotted
// attribute paths: `*` matches one segment, `**` any number (including none).
//
// Beyond DESIGN.md's list, the default admits what CONVENTIONS.md names as a
// role's job and the list left out: mount units and the ordering that ties
// a service to a mount ("connect services to required resources", "manage
// storage mounts"), disk layouts (disko) and pools (boot.zfs), and kernel
// parameters, initrd modules, file system support, the host platform and
// power management ("hardware requirements").
var defaultAllow = []string{
	"**.enable",
	"sops.**", "sops-vault.**", "age.**",
	"fileSystems.**", "swapDevices.**", "systemd.tmpfiles.**", "hardware.**",
	"boot.kernelModules", "boot.initrd.availableKernelModules", "boot.extraModulePackages",
	"boot.initrd.kernelModules", "boot.kernelParams", "boot.supportedFilesystems.**",
	"boot.initrd.supportedFilesystems.**",
	"systemd.mounts", "systemd.automounts", "disko.**", "boot.zfs.**",
	"nixpkgs.hostPlatform", "powerManagement.**",
	"systemd.services.*.after", "systemd.services.*.requires", "systemd.services.*.wants",
	"systemd.services.*.bindsTo", "systemd.services.*.unitConfig.RequiresMountsFor",
	"system.stateVersion",
}

// RoleOnlyCompose finds roles that implement instead of composing.
var RoleOnlyCompose = &analysis.Analyzer{
	Name: "role-only-compose",
	Doc: `role does more than compose modules

A role imports modules, enables them, sets their options, lists secrets and
manages storage and hardware; implementation belongs in a module under
modules/<domain>/ behind an option. The rule reports, in roles, option
declarations and definitions outside the allow-list: imports; the options
declared by the repository's own modules; any ….enable; secrets (sops.*,
sops-vault.*, age.*); storage and hardware (fileSystems, swapDevices,
systemd.tmpfiles, hardware.*, boot.kernelModules,
boot.initrd.availableKernelModules, boot.extraModulePackages, and the
kernel parameters, initrd modules, file system support, disko, boot.zfs,
nixpkgs.hostPlatform, powerManagement, mount units and the
after/requires/wants/bindsTo/RequiresMountsFor that tie a service to a
mount); system.stateVersion. The option allow replaces the default list
(networking.hostName is left to role-machine-agnostic).`,
	Severity: analysis.Warning,
	Requires: requires,
	Run:      runRoleOnlyCompose,
	Options: []analysis.Option{{
		Name:    "allow",
		Default: defaultAllow,
		Doc:     "attribute-path patterns a role may set besides imports and the repository's own options (`*` one segment, `**` any number)",
	}},
	Docs: &analysis.Docs{
		Principle: "Separation of implementation and activation: Modules implement services and their configuration options; Roles composite modules and set specific configuration values. Role integration: Roles enable required services, manage storage mounts and hardware requirements, connect services to required resources, and should provide an overview of functionality. (CONVENTIONS.md, \"Design Principles\" 2 and 4)",
		Bad: `# roles/builder.nix
{
  imports = [ ../modules/nix/builder.nix ];
  mares.nix.builder.enable = true;
  nix.settings.substituters = [ "https://cache.example.org" ];
}`,
		Good: `# modules/nix/builder.nix declares mares.nix.builder.substituters
# and sets nix.settings.substituters from it.

# roles/builder.nix
{
  imports = [ ../modules/nix/builder.nix ];
  mares.nix.builder = {
    enable = true;
    substituters = [ "https://cache.example.org" ];
  };
}`,
		Tags: []string{"architecture"},
	},
}

const composePrinciple = `roles "composite modules and set specific configuration values"`

func runRoleOnlyCompose(pass *analysis.Pass) (any, error) {
	l, m := results(pass)
	if l == nil || m == nil || !l.Has[l.Folders.Roles] {
		return nil, nil
	}
	allow := pass.StringsOption("allow")
	patterns := make([][]string, 0, len(allow))
	for _, pat := range allow {
		patterns = append(patterns, strings.Split(pat, "."))
	}
	byPattern := func(p []string) bool {
		if module.Equal(p, []string{"networking", "hostName"}) {
			return true // role-machine-agnostic's finding
		}
		for _, pat := range patterns {
			if matchPath(pat, p) {
				return true
			}
		}
		return false
	}
	var roles []*module.Module
	for _, file := range filesOfKind(pass, l, m, layout.Role) {
		roles = appendNixosModules(roles, file)
	}
	// The paths the repository's options must answer for.
	var asked [][]string
	for _, mod := range roles {
		for _, d := range mod.Defs {
			if !byPattern(d.Path) {
				asked = append(asked, d.Path)
			}
		}
	}
	index := module.NewIndex(repoOptions(m, l, asked))
	allowed := func(p []string) bool {
		// At or below a declared option, or a set of such options.
		return byPattern(p) || index.Covers(p)
	}
	for _, mod := range roles {
		checkCompose(pass, mod, allowed)
	}
	return nil, nil
}

// repoOptions returns the options the repository's modules (all but the
// roles) declare, or those of them that Index.Covers may need to answer
// for the paths asked.
//
// A repository declares thousands of options, and indexing them costs
// more than the rest of the rule, while roles set a few namespaces. When
// every path asked is made of identifier segments, Covers walks its trie
// by them: the options that can change an answer for p are those with a
// dynamic segment (scanned), and those starting with p[0] that are one
// segment long, or that start with p[:2], or, for a p of one segment,
// start with it. The other options are left out.
func repoOptions(m *module.Model, l *layout.Layout, asked [][]string) []*module.Option {
	f := newOptionFilter(asked)
	var out []*module.Option
	for _, mod := range m.Modules() {
		// Most files declare nothing: their kind need not be looked up.
		if (len(mod.Options) > 0 || len(mod.Inline) > 0) && l.Kind(mod.Path) != layout.Role {
			out = f.appendKept(out, mod)
		}
	}
	return out
}

// relevantOptions returns the options of all that Index.Covers may need to
// answer for the paths asked (see repoOptions).
func relevantOptions(all []*module.Option, asked [][]string) []*module.Option {
	f := newOptionFilter(asked)
	var out []*module.Option
	for _, o := range all {
		if f.keep(o) {
			out = append(out, o)
		}
	}
	return out
}

// optionFilter tells the options Index.Covers may need to answer for some
// paths from those it does not (see repoOptions).
//
// An option is looked at by its first two segments only: one with a
// dynamic segment further on matches a path, as one without does, only if
// those match it.
type optionFilter struct {
	on    bool
	empty bool // an empty path is asked: any dynamic option covers it
	// first holds, for each p[0] asked, whether p is one segment long,
	// and the p[1] of the longer paths.
	first map[string]*pathStart
}

type pathStart struct {
	whole  bool
	second map[string]bool
}

func newOptionFilter(asked [][]string) *optionFilter {
	f := &optionFilter{on: true, first: map[string]*pathStart{}}
	for _, p := range asked {
		if !identPath(p) {
			return &optionFilter{} // Covers compares such paths as dotted strings
		}
		if len(p) == 0 {
			f.empty = true
			continue
		}
		st := f.first[p[0]]
		if st == nil {
			st = &pathStart{second: map[string]bool{}}
			f.first[p[0]] = st
		}
		if len(p) == 1 {
			st.whole = true
		} else {
			st.second[p[1]] = true
		}
	}
	return f
}

// keep reports whether o may change an answer.
func (f *optionFilter) keep(o *module.Option) bool {
	switch {
	case !f.on, f.empty && dynamicPath(o.Path):
		return true
	case len(o.Path) == 0:
		return false
	case o.Path[0] == module.Dynamic:
		return true
	}
	st := f.first[o.Path[0]]
	return st != nil && (len(o.Path) == 1 || st.whole || o.Path[1] == module.Dynamic || st.second[o.Path[1]])
}

// appendKept appends to dst the options mod declares, including those of
// the modules it defines inline, that f keeps.
func (f *optionFilter) appendKept(dst []*module.Option, mod *module.Module) []*module.Option {
	for _, o := range mod.Options {
		if f.keep(o) {
			dst = append(dst, o)
		}
	}
	for _, in := range mod.Inline {
		dst = f.appendKept(dst, in)
	}
	return dst
}

// identPath reports whether every segment of p is a plain identifier
// (letters, digits, _, ' and -, not starting with a digit, ' or -): a
// path Index.Covers compares segment by segment.
func identPath(p []string) bool {
	for _, s := range p {
		if !module.IsIdent(s) {
			return false
		}
	}
	return true
}

// dynamicPath reports whether a path has a segment whose name is computed.
func dynamicPath(p []string) bool {
	for _, s := range p {
		if s == module.Dynamic {
			return true
		}
	}
	return false
}

func checkCompose(pass *analysis.Pass, mod *module.Module, allowed func([]string) bool) {
	for _, o := range mod.Options {
		pass.Report(analysis.Diagnostic{
			Pos: o.KeyPos, End: o.End,
			Message: fmt.Sprintf("role declares option %s; %s: declare options in a module under modules/<domain>/ and set them here",
				module.PathString(o.Path), composePrinciple),
		})
	}
	for _, g := range groupDefs(mod.Defs, func(d *module.Def) bool { return !allowed(d.Path) }) {
		pass.Report(analysis.Diagnostic{
			Pos: g.pos, End: g.end,
			Message: fmt.Sprintf("role sets %s; %s: move it into a module under modules/<domain>/ behind an option, and set that option here",
				g.paths(), composePrinciple),
		})
	}
}

// matchPath matches a dotted pattern against a path: `*` matches one
// segment, `**` any number of segments.
func matchPath(pat, p []string) bool {
	if len(pat) == 0 {
		return len(p) == 0
	}
	if pat[0] == "**" {
		for i := 0; i <= len(p); i++ {
			if matchPath(pat[1:], p[i:]) {
				return true
			}
		}
		return false
	}
	if len(p) == 0 {
		return false
	}
	if pat[0] != "*" && pat[0] != p[0] {
		return false
	}
	return matchPath(pat[1:], p[1:])
}
