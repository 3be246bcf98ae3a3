package registry

import (
	"fmt"
	"strings"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/config"
	"github.com/nixlint/nixlint/model/layout"
	reg "github.com/nixlint/nixlint/model/registry"
	"github.com/nixlint/nixlint/parser/ast"
)

// UnusedRole reports role files nothing refers to.
var UnusedRole = &analysis.Analyzer{
	Name:     "registry-unused-role",
	Severity: analysis.Note,
	Doc: `a role file is referenced by no node of the machine registry and nowhere else
Roles exist to be given to machines: a role no node of the registry lists
and nothing else refers to (a nixosConfigurations module list, an import,
a string naming it) is dead code or a machine missing from the registry.
Exporting the role (role-web = ../roles/web.nix in a flake part) is not a
use. The rule runs only when the registry assigns roles to nodes, and stays
silent when a role reference is built at evaluation time
(self.nixosModules."role-${name}"), since any role could be meant.`,
	Requires: []*analysis.Analyzer{reg.Analyzer, layout.Analyzer},
	Run:      runUnusedRole,
	Docs: &analysis.Docs{
		Principle: `"A machine can have multiple roles, but a role is not tied to a specific machine. Roles define state and functionality rather than machines themselves." — CONVENTIONS.md, "roles/"; the registry "defines which machines exist in my environment, what roles they have" — "modules/infrastructure/"`,
		Bad: `# roles/ holds dns.nix, web.nix and mail.nix; no node lists role-mail
mares.infrastructure.nodes = {
  dns-01.roles = [ config.flake.nixosModules.role-dns ];
  web-01.roles = [ config.flake.nixosModules.role-web ];
};`,
		Good: `mares.infrastructure.nodes = {
  dns-01.roles = [ config.flake.nixosModules.role-dns ];
  web-01.roles = [ config.flake.nixosModules.role-web config.flake.nixosModules.role-mail ];
};`,
		Tags: []string{"registry"},
	},
}

func runUnusedRole(pass *analysis.Pass) (any, error) {
	r, _ := pass.ResultOf[reg.Analyzer].(*reg.Registry)
	lay, _ := pass.ResultOf[layout.Analyzer].(*layout.Layout)
	if r == nil || lay == nil || !lay.Has[lay.Folders.Roles] {
		return nil, nil
	}
	conv := reg.Conventions(pass.Config)
	assigns := false
	used := map[string]bool{} // role names and file paths
	for _, n := range r.Nodes {
		for _, ref := range n.Roles {
			switch ref.Kind {
			case reg.RefModule:
				used[ref.Name], assigns = true, true
			case reg.RefPath:
				used[ref.Path], assigns = true, true
			case reg.RefString:
				used[ref.Name], assigns = true, true
				if name, ok := conv.RoleName(ref.Name); ok {
					used[name] = true
				}
			}
		}
		if n.RolesOpaque {
			// Part of a node's roles is computed: any role may be meant.
			return nil, nil
		}
	}
	if !assigns {
		return nil, nil
	}
	roles := roleFiles(pass, lay)
	isUsed := func(name string) bool {
		file := roles[name]
		return used[name] || used[file] || used[strings.TrimSuffix(file, "/default.nix")]
	}
	if allUsed(roles, isUsed) {
		// The registry gives every role to a node: the other files can
		// only add uses, or make the rule give up.
		return nil, nil
	}
	u := &uses{pass: pass, conv: conv, used: used, roles: lay.Folders.Roles}
	filter := newReferFilter(conv.RoleReference, lay.Folders.Roles)
	for _, f := range pass.Files {
		if f.AST != nil && !filter.skip(f) {
			u.file(f)
		}
		if u.dynamic {
			return nil, nil
		}
	}
	for _, name := range roleNames(roles) {
		file := roles[name]
		if isUsed(name) {
			continue
		}
		f := pass.FileByPath(file)
		if f == nil {
			continue
		}
		pos := f.Start()
		if f.AST != nil && f.AST.Expr != nil {
			pos = f.AST.Expr.Pos()
		}
		pass.Report(analysis.Diagnostic{
			Pos: pos,
			Message: fmt.Sprintf("role %s (%s) is referenced by no node of the machine registry and nowhere else; give it to a node (roles = [ … %s ]) or delete it",
				name, file, conv.RoleRef(name)),
		})
	}
	return nil, nil
}

// allUsed reports whether every role is used.
func allUsed(roles map[string]string, isUsed func(string) bool) bool {
	for name := range roles {
		if !isUsed(name) {
			return false
		}
	}
	return true
}

// uses collects the references to roles outside the registry.
type uses struct {
	pass    *analysis.Pass
	conv    *config.Conventions
	used    map[string]bool
	roles   string
	dynamic bool // a role reference is computed: give up
}

// file records the references of one file: selections and variables named
// by the pattern (self.nixosModules.role-web), strings equal to a
// reference, and path literals to a role file from any file but the roles
// folder's index (roles/default.nix), unless the path is the value of the
// role's own export (role-web = ../roles/web.nix).
func (u *uses) file(f *analysis.File) {
	before, _, _ := strings.Cut(u.conv.RoleReference, "{name}")
	// The roles folder's default.nix importing every role is an index, not
	// a use; a role importing another role (imports = [ ./base.nix ]) is.
	index := f.Path == u.roles+"/default.nix"
	// exports are the values that define rather than use a reference; a
	// file has few, and most files none, so the map is made on demand.
	var exports map[ast.Node]bool
	export := func(n ast.Node) {
		if exports == nil {
			exports = make(map[ast.Node]bool)
		}
		exports[n] = true
	}
	// The names of a binding's attribute path are definitions too. Their
	// nodes are the children of the binding's path, which Inspect visits
	// right after the binding: parents holds, for each node whose
	// children are being visited, whether it is such a path, so that a
	// name is told by its parent instead of being looked up.
	var buf [32]bool
	parents := buf[:0]
	defPath := func() bool { return len(parents) > 0 && parents[len(parents)-1] }
	var pending *ast.AttrPath // the path of the binding just visited
	ast.Inspect(f.AST, func(n ast.Node) bool {
		if n == nil {
			parents = parents[:len(parents)-1]
			return true
		}
		if u.visit(n, before, index, f.Path, defPath(), exports, export, &pending) {
			path, _ := n.(*ast.AttrPath)
			parents = append(parents, path != nil && path == pending)
			if path != nil && path == pending {
				pending = nil
			}
			return true
		}
		return false
	})
}

// visit is file's visitor for one node; inDefPath is set when n is a name
// of a binding's attribute path.
func (u *uses) visit(n ast.Node, before string, index bool, file string, inDefPath bool,
	exports map[ast.Node]bool, export func(ast.Node), pending **ast.AttrPath) bool {
	switch x := n.(type) {
	case *ast.AttrDef:
		// An export: its name follows the pattern; its value (a path)
		// is not a use, and a dynamic name is a definition too.
		if x.Path != nil && len(x.Path.Names) > 0 {
			last := x.Path.Names[len(x.Path.Names)-1]
			if s, ok := ast.StaticName(last); ok {
				if _, ok := u.conv.RoleName(s); ok {
					export(ast.Unparen(x.Value))
				}
			}
			*pending = x.Path
			// mapAttrs' (n: _: { name = "role-${n}"; value = …; }):
			// the name of an export built at evaluation.
			if s, ok := ast.StaticName(last); ok && s == "name" {
				export(ast.Unparen(x.Value))
			}
		}
	case *ast.Apply:
		// nameValuePair "role-${n}" …: an export built at evaluation.
		if fn, ok := x.Fun.(*ast.Apply); ok && strings.HasSuffix(lastName(fn.Fun), "nameValuePair") {
			export(ast.Unparen(fn.Arg))
		}
	case *ast.Select:
		if x.Path != nil && len(x.Path.Names) > 0 {
			last := x.Path.Names[len(x.Path.Names)-1]
			if s, ok := ast.StaticName(last); ok {
				if name, ok := u.conv.RoleName(s); ok {
					u.used[name] = true
				}
			} else if prefixed(last, before) {
				u.dynamic = true
			}
		}
	case *ast.Ident:
		if inDefPath || exports[x] {
			return true
		}
		if name, ok := u.conv.RoleName(x.Name); ok {
			u.used[name] = true
		}
	case *ast.String:
		if inDefPath || exports[x] {
			return false
		}
		if s, ok := x.StaticValue(); ok {
			if name, ok := u.conv.RoleName(s); ok {
				u.used[name] = true
			}
		} else if before != "" && prefixed(x, before) {
			u.dynamic = true
		}
	case *ast.Path:
		if index || exports[x] {
			return true
		}
		if p, ok := reg.ResolvePath(x, file); ok {
			u.used[p] = true
		}
	}
	return true
}

// prefixed reports whether a dynamic attribute name or string starts with
// the literal text before, then interpolates ("role-${name}").
func prefixed(n ast.Node, before string) bool {
	var s *ast.String
	switch x := n.(type) {
	case *ast.String:
		s = x
	case *ast.Interp:
		return before == ""
	default:
		return false
	}
	if len(s.Parts) < 2 {
		return false
	}
	t, ok := s.Parts[0].(*ast.Text)
	return ok && strings.HasPrefix(t.Value, before)
}

// lastName returns the last segment of a function expression's dotted
// name (describe's text after its last dot), without building the name.
func lastName(e ast.Expr) string {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return x.Name
	case *ast.Select:
		if x.Path == nil || len(x.Path.Names) == 0 {
			return ""
		}
		s, _ := ast.StaticName(x.Path.Names[len(x.Path.Names)-1])
		return s
	}
	return ""
}
