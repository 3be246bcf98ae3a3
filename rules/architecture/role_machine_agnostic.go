package architecture

import (
	"fmt"
	"net/netip"
	"net/url"
	"strings"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/model/layout"
	"github.com/nixlint/nixlint/model/module"
	"github.com/nixlint/nixlint/model/registry"
	"github.com/nixlint/nixlint/parser/ast"
)

// RoleMachineAgnostic finds roles tied to one machine.
var RoleMachineAgnostic = &analysis.Analyzer{
	Name: "role-machine-agnostic",
	Doc: `role is tied to a specific machine

A machine can have several roles, and a role must fit any machine. The rule
reports, in roles, networking.hostName set to a string, a literal IP address
of a machine of the lab (a private, overlay-network or documentation-range
IPv4 or IPv6 address, also in a CIDR, host:port or URL; networks such as 10.0.0.0/24, loopback,
unspecified and public addresses such as the resolver 1.1.1.1 are not tied
to a machine and are fine) and a string
equal to the name of a node of the machine registry (the nodes attribute
sets of the infrastructure folder). Host names and addresses belong in the
registry or in the machine's own configuration.`,
	Severity: analysis.Warning,
	Requires: append([]*analysis.Analyzer{registry.Analyzer}, requires...),
	Run:      runRoleMachineAgnostic,
	Docs: &analysis.Docs{
		Principle: "A machine can have multiple roles, but a role is not tied to a specific machine. Roles define state and functionality rather than machines themselves. (CONVENTIONS.md, \"Directory Purposes\", roles/)",
		Bad: `# roles/dns.nix
{
  mares.networking.dns.enable = true;
  networking.hostName = "dns-01";
  mares.networking.dns.listenAddress = "192.168.1.10";
}`,
		Good: `# roles/dns.nix
{ config, ... }:
{
  mares.networking.dns.enable = true;
  # the address comes from the machine registry, not from the role
  mares.networking.dns.listenAddress = config.mares.infrastructure.self.host;
}`,
		Tags: []string{"architecture"},
	},
}

const agnosticPrinciple = `"a role is not tied to a specific machine"`

func runRoleMachineAgnostic(pass *analysis.Pass) (any, error) {
	l, m := results(pass)
	if l == nil || m == nil || !l.Has[l.Folders.Roles] {
		return nil, nil
	}
	nodes := registryNodes(pass)
	var buf []*module.Module // the NixOS modules of a file
	for _, file := range filesOfKind(pass, l, m, layout.Role) {
		buf = appendNixosModules(buf[:0], file)
		for _, mod := range buf {
			checkAgnostic(pass, l, mod, nodes)
		}
	}
	return nil, nil
}

func checkAgnostic(pass *analysis.Pass, l *layout.Layout, mod *module.Module, nodes map[string]bool) {
	type span struct{ pos, end int }
	var reported []span
	for _, d := range mod.Defs {
		// A host name computed from the registry or an argument is the
		// machine's, not the role's: only a written one ties the role.
		if _, isString := ast.Unparen(valueOrNil(d)).(*ast.String); isString && module.Equal(d.Path, []string{"networking", "hostName"}) {
			pass.Report(analysis.Diagnostic{
				Pos: d.KeyPos(), End: d.End(),
				Message: fmt.Sprintf("role sets networking.hostName; %s: set the host name in the machine's own configuration or the registry under %s",
					agnosticPrinciple, l.Folders.Infrastructure),
			})
			reported = append(reported, span{int(d.KeyPos()), int(d.End())})
		}
	}
	inReported := func(n ast.Node) bool {
		for _, s := range reported {
			if int(n.Pos()) >= s.pos && int(n.End()) <= s.end {
				return true
			}
		}
		return false
	}
	ast.Inspect(mod.Expr, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.AttrPath:
			return false // attribute names are not values
		case *ast.String:
			s, ok := x.StaticValue()
			if !ok || inReported(x) {
				return true
			}
			if addr, ok := machineAddress(s); ok {
				pass.Report(analysis.Diagnostic{
					Pos: x.Pos(), End: x.End(),
					Message: fmt.Sprintf("role contains the IP address %s; %s: take addresses from the machine registry or the machine's configuration, or make them an option the machine sets",
						addr, agnosticPrinciple),
				})
			} else if nodes[s] {
				pass.Report(analysis.Diagnostic{
					Pos: x.Pos(), End: x.End(),
					Message: fmt.Sprintf("role names the machine %q of the registry; %s: refer to machines through the registry (e.g. by role or tag) instead of by name",
						s, agnosticPrinciple),
				})
			}
			return false
		}
		return true
	})
}

// machineAddress returns the IP address a string holds when it is one
// machine's address: a bare address, host:port, a URL host, or an address
// in CIDR notation that is not the network itself. Only addresses a homelab
// gives its own machines count: private ones (10/8, 172.16/12, 192.168/16,
// fc00::/7) and the shared space overlay networks use (100.64/10). Loopback,
// unspecified, multicast and link-local addresses are not tied to a
// machine, and public ones are almost always a service outside the lab
// (the resolvers 1.1.1.1 and 9.9.9.9, an NTP server): reporting them would
// be noise.
func machineAddress(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 3 || len(s) > 100 || !strings.ContainsAny(s, ".:") {
		// Every form below holds a dot or a colon (an IPv4 address, an
		// IPv6 one, a port, a URL's scheme): most strings are none, and
		// failing to parse them costs an error each.
		return "", false
	}
	var addr netip.Addr
	if a, err := netip.ParseAddr(s); err == nil {
		addr = a
	} else if ap, err := netip.ParseAddrPort(s); err == nil {
		addr = ap.Addr()
	} else if pf, err := netip.ParsePrefix(s); err == nil {
		if pf.Addr() == pf.Masked().Addr() && pf.Bits() < pf.Addr().BitLen() {
			return "", false // a network, not a machine
		}
		addr = pf.Addr()
	} else if u, err := url.Parse(s); err == nil && u.Scheme != "" && u.Host != "" {
		a, err := netip.ParseAddr(strings.Trim(u.Hostname(), "[]"))
		if err != nil {
			return "", false
		}
		addr = a
	} else {
		return "", false
	}
	addr = addr.Unmap()
	if !addr.IsValid() || !labAddress(addr) {
		return "", false
	}
	return addr.String(), true
}

// labRanges are the address ranges a lab gives its machines besides the
// private ones: the shared space (RFC 6598) Tailscale and other overlay
// networks use, and the documentation ranges (RFC 5737, RFC 3849), which
// examples use for machines and which are never a real outside service.
var labRanges = []netip.Prefix{
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.2.0/24"),
	netip.MustParsePrefix("198.51.100.0/24"),
	netip.MustParsePrefix("203.0.113.0/24"),
	netip.MustParsePrefix("2001:db8::/32"),
}

func labAddress(a netip.Addr) bool {
	if a.IsPrivate() {
		return true
	}
	for _, p := range labRanges {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// registryNodes returns the names of the machines of the registry.
func registryNodes(pass *analysis.Pass) map[string]bool {
	names := make(map[string]bool)
	reg, _ := pass.ResultOf[registry.Analyzer].(*registry.Registry)
	if reg == nil {
		return names
	}
	for _, n := range reg.Nodes {
		// A one-letter name would match too many ordinary strings.
		if len(n.Name) > 1 {
			names[n.Name] = true
		}
	}
	return names
}

func valueOrNil(d *module.Def) ast.Expr {
	if d.Value == nil {
		return &ast.BadExpr{}
	}
	return d.Value
}
