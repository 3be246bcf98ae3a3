package architecture

import (
	"fmt"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/model/layout"
	"github.com/nixlint/nixlint/model/module"
)

// FirewallToggle finds firewall openings in modules that no toggle guards.
var FirewallToggle = &analysis.Analyzer{
	Name: "firewall-toggle",
	Doc: `module opens firewall ports without a toggle option

A module handles its own firewall rules, behind a toggle option the role
decides on. The rule reports, in modules, networking.firewall.allowedTCPPorts,
allowedUDPPorts and their Ranges (also per interface) defined without a
condition on a firewall toggle (mkIf cfg.openFirewall, optionals
cfg.openFirewall [ … ], if cfg.openFirewall then … else …), and an upstream
openFirewall = true (services.<name>.openFirewall,
services.prometheus.exporters.<name>.openFirewall, programs.<name>.…)
hard-coded instead of wired to the module's own toggle. A condition that
mentions a firewall option of any module counts as a toggle; a condition
the model cannot read is left alone.`,
	Severity: analysis.Warning,
	Requires: requires,
	Run:      runFirewallToggle,
	Docs: &analysis.Docs{
		Principle: "Service encapsulation: Services handle their own implementation details, including detailed configuration, how to integrate secrets, and firewall rules (with toggle options). (CONVENTIONS.md, \"Design Principles\" 3)",
		Bad: `{ config, lib, ... }:
let cfg = config.mares.media.jellyfin; in
{
  options.mares.media.jellyfin.enable = lib.mkEnableOption "Jellyfin";
  config = lib.mkIf cfg.enable {
    services.jellyfin.enable = true;
    networking.firewall.allowedTCPPorts = [ 8096 ];
  };
}`,
		Good: `{ config, lib, ... }:
let cfg = config.mares.media.jellyfin; in
{
  options.mares.media.jellyfin = {
    enable = lib.mkEnableOption "Jellyfin";
    openFirewall = lib.mkEnableOption "the Jellyfin port in the firewall";
  };
  config = lib.mkIf cfg.enable {
    services.jellyfin.enable = true;
    networking.firewall.allowedTCPPorts = lib.optionals cfg.openFirewall [ 8096 ];
  };
}`,
		Tags: []string{"architecture"},
	},
}

const firewallPrinciple = `modules handle "firewall rules (with toggle options)"`

func runFirewallToggle(pass *analysis.Pass) (any, error) {
	l, m := results(pass)
	if l == nil || m == nil || !l.Has[l.Folders.Modules] {
		return nil, nil
	}
	var buf []*module.Module // the NixOS modules of a file
	for _, mod := range filesOfKind(pass, l, m, layout.Module) {
		if path.Base(mod.Path) == "default.nix" && path.Dir(mod.Path) == l.Folders.Modules {
			continue
		}
		buf = appendNixosModules(buf[:0], mod)
		for _, mod := range buf {
			if isFormat(mod) {
				continue
			}
			// The unit's options are indexed only for a module that sets
			// an openFirewall: most set none.
			var own *module.Index
			covered := func(p []string) bool {
				if own == nil {
					own = module.NewIndex(m.UnitOptions(mod))
				}
				return own.Covers(p)
			}
			for _, d := range mod.Defs {
				switch {
				case isFirewallPorts(d.Path):
					checkPorts(pass, d)
				case isUpstreamOpenFirewall(d.Path) && !covered(d.Path):
					if v, ok := module.BoolLiteral(d.Value); ok && v && !firewallGuarded(d.Conds()) {
						pass.Report(analysis.Diagnostic{
							Pos: d.KeyPos(), End: d.End(),
							Message: fmt.Sprintf("%s is hard-coded to true; %s: declare an option openFirewall in this module and write %s = cfg.openFirewall;",
								module.PathString(d.Path), firewallPrinciple, module.PathString(d.Path)),
						})
					}
				}
			}
		}
	}
	return nil, nil
}

// isFirewallPorts matches networking.firewall.allowed{TCP,UDP}Port{s,Ranges},
// also below networking.firewall.interfaces.<name>.
func isFirewallPorts(p []string) bool {
	if len(p) < 3 || p[0] != "networking" || p[1] != "firewall" {
		return false
	}
	switch len(p) {
	case 3:
	case 5:
		if p[2] != "interfaces" {
			return false
		}
	default:
		return false
	}
	last := p[len(p)-1]
	return strings.HasPrefix(last, "allowed") && strings.Contains(last, "Port")
}

// isUpstreamOpenFirewall matches the openFirewall switch of a NixOS
// service or program: services.jellyfin.openFirewall,
// services.prometheus.exporters.node.openFirewall,
// programs.steam.remotePlay.openFirewall.
func isUpstreamOpenFirewall(p []string) bool {
	return len(p) >= 3 && p[len(p)-1] == "openFirewall"
}

// firewallGuarded reports whether a condition chain contains a firewall
// toggle: a condition referring to an option whose name mentions the
// firewall (openFirewall, firewall.enable), or one the model cannot read.
func firewallGuarded(conds []module.Cond) bool {
	for _, c := range conds {
		if c.Opaque {
			return true
		}
		for _, r := range c.Refs {
			for _, seg := range r {
				if mentionsFirewall(seg) {
					return true
				}
			}
		}
	}
	return false
}

func checkPorts(pass *analysis.Pass, d *module.Def) {
	if firewallGuarded(d.Conds()) || len(d.Elems()) == 0 {
		// Guarded, or a value that is not a literal list (cfg.ports): the
		// role decides what goes in it.
		return
	}
	var open []string
	for _, e := range d.Elems() {
		if e.Opaque || firewallGuarded(e.Conds) {
			continue
		}
		open = append(open, nodeText(pass, e.Value))
	}
	if len(open) == 0 {
		return
	}
	pass.Report(analysis.Diagnostic{
		Pos: d.KeyPos(), End: d.End(),
		Message: fmt.Sprintf("%s opens %s without a firewall toggle; %s: declare an option openFirewall and write lib.optionals cfg.openFirewall [ … ] (or wrap it in lib.mkIf cfg.openFirewall)",
			module.PathString(d.Path), strings.Join(open, " "), firewallPrinciple),
	})
}

// mentionsFirewall reports whether seg, lowercased, holds "firewall". The
// segment is searched as ASCII without building its lowercase copy, which
// strings.ToLower allocates for a name like openFirewall: an ASCII match
// is one in the copy too. Only a segment with other bytes, which ToLower
// may turn into letters of the word, is lowercased when none is found.
func mentionsFirewall(seg string) bool {
	const word = "firewall"
	ascii := true
	for i := 0; i < len(seg); i++ {
		c := seg[i]
		if c >= utf8.RuneSelf {
			ascii = false
			continue
		}
		if c|0x20 == 'f' && i+len(word) <= len(seg) && equalFoldASCII(seg[i:i+len(word)], word) {
			return true
		}
	}
	return !ascii && strings.Contains(strings.ToLower(seg), word)
}

// equalFoldASCII reports whether s lowercased as ASCII is lower.
func equalFoldASCII(s, lower string) bool {
	for j := 0; j < len(lower); j++ {
		if lowerASCII(s[j]) != lower[j] {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
