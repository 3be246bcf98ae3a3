package registry

import (
	"fmt"
	"strings"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/model/layout"
	reg "github.com/nixlint/nixlint/model/registry"
	"github.com/nixlint/nixlint/parser/ast"
)

// RoleExists reports registry role references with no role behind them.
var RoleExists = &analysis.Analyzer{
	Name:     "registry-role-exists",
	Severity: analysis.Error,
	Doc: `a node of the machine registry refers to a role that does not exist
The machine registry under modules/infrastructure/ assigns roles to nodes:
roles = [ config.flake.nixosModules.role-web ] (or self.nixosModules.role-web,
or a path such as ../../roles/web.nix). A reference to role-<x> needs the
role file roles/<x>.nix (or roles/<x>/default.nix), or an explicit
definition of the attribute role-<x> somewhere in the repository (a flake
part exporting it under another file name); a path must point at an
existing file. Otherwise the node's configuration does not evaluate. The
reference pattern (role-{name}) is configurable ([conventions]
role-reference). A module of another flake (inputs.<name>.nixosModules…)
is not checked. Runs only where the roles folder exists.`,
	Requires: []*analysis.Analyzer{reg.Analyzer, layout.Analyzer},
	Run:      runRoleExists,
	Docs: &analysis.Docs{
		Principle: `"Contains definitions of my environment's structure, primarily focusing on nodes and their associated roles. This defines which machines exist in my environment, what roles they have" — CONVENTIONS.md, "modules/infrastructure/"`,
		Bad: `# roles/ holds dns.nix and web.nix
mares.infrastructure.nodes.web-01.roles = [
  config.flake.nixosModules.role-webserver
];`,
		Good: `mares.infrastructure.nodes.web-01.roles = [
  config.flake.nixosModules.role-web
];`,
		Tags: []string{"registry"},
	},
}

func runRoleExists(pass *analysis.Pass) (any, error) {
	r, _ := pass.ResultOf[reg.Analyzer].(*reg.Registry)
	lay, _ := pass.ResultOf[layout.Analyzer].(*layout.Layout)
	if r == nil || lay == nil || !lay.Has[lay.Folders.Roles] {
		return nil, nil
	}
	roles := roleFiles(pass, lay)
	var defined map[string]bool // computed on the first reference without a file
	for _, n := range r.Nodes {
		for _, ref := range n.Roles {
			switch ref.Kind {
			case reg.RefModule:
				if _, ok := roles[ref.Name]; ok {
					continue
				}
				if defined == nil {
					defined = definedAttrs(pass)
				}
				if defined[ref.Attr] {
					continue
				}
				want := lay.Folders.Roles + "/" + ref.Name + ".nix"
				msg := fmt.Sprintf("node %s refers to %s, but %s does not exist and no file defines %s", nodeName(n), ref.Attr, want, ref.Attr)
				pass.Report(analysis.Diagnostic{Pos: ref.Pos, End: ref.End, Message: msg + "; " + advice(ref.Name, roles, want)})
			case reg.RefPath:
				if fileExists(pass, ref.Path) {
					continue
				}
				msg := fmt.Sprintf("node %s refers to %s, which does not exist", nodeName(n), ref.Path)
				pass.Report(analysis.Diagnostic{Pos: ref.Pos, End: ref.End, Message: msg + "; " + advice(pathRole(ref.Path), roles, ref.Path)})
			}
		}
	}
	return nil, nil
}

// advice says what to do about a missing role: the closest existing role,
// or the list of roles.
func advice(name string, roles map[string]string, want string) string {
	names := roleNames(roles)
	best, bestD := "", 1<<30
	for _, c := range names {
		if d := distance(name, c); d < bestD {
			best, bestD = c, d
		}
	}
	if best != "" && (bestD <= 2 || strings.HasPrefix(name, best) || strings.HasPrefix(best, name)) {
		return fmt.Sprintf("did you mean %s (%s)? Otherwise create %s", best, roles[best], want)
	}
	if len(names) == 0 {
		return "create " + want
	}
	return fmt.Sprintf("create %s, or use one of the roles: %s", want, strings.Join(names, ", "))
}

// definedAttrs returns every static attribute name defined in a binding of
// any file (`role-web = ../roles/webserver.nix;`, `nixosModules.role-web =
// …`), so that a role exported under another file name counts as existing.
func definedAttrs(pass *analysis.Pass) map[string]bool {
	out := map[string]bool{}
	for _, f := range pass.Files {
		if f.AST == nil {
			continue
		}
		ast.Inspect(f.AST, func(n ast.Node) bool {
			if d, ok := n.(*ast.AttrDef); ok && d.Path != nil {
				for _, name := range d.Path.Names {
					if s, ok := ast.StaticName(name); ok {
						out[s] = true
					}
				}
			}
			return true
		})
	}
	return out
}

func nodeName(n *reg.Node) string {
	if n.Name != "" {
		return n.Name
	}
	return "(dynamic name)"
}

// pathRole returns the role name a path to a role file suggests.
func pathRole(p string) string {
	base := p[strings.LastIndex(p, "/")+1:]
	if base == "default.nix" {
		d := strings.TrimSuffix(p, "/default.nix")
		return d[strings.LastIndex(d, "/")+1:]
	}
	return strings.TrimSuffix(base, ".nix")
}

// distance is the Levenshtein distance, bounded in cost by the short names
// it compares.
func distance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 1 << 30
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
