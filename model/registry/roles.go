package registry

import (
	"path"
	"strings"

	"github.com/nixlint/nixlint/config"
	"github.com/nixlint/nixlint/model/inventory/constfold"
	"github.com/nixlint/nixlint/model/module"
	"github.com/nixlint/nixlint/parser/ast"
)

// roleRefs reads the entries of a node's `roles` list.
func roleRefs(d *module.Def, fold *constfold.Folder, conv *config.Conventions, file string) ([]RoleRef, bool) {
	if d.Elems() == nil {
		return nil, true
	}
	var out []RoleRef
	opaque := false
	for _, el := range d.Elems() {
		if el.Opaque {
			// `common ++ [ … ]`: a let-bound list is still readable.
			elems, v := fold.List(el.Value)
			if v.Reason != "" {
				opaque = true
				continue
			}
			for _, e := range elems {
				out = append(out, ParseRoleRef(e, fold, conv, file))
			}
			continue
		}
		out = append(out, ParseRoleRef(el.Value, fold, conv, file))
	}
	return out, opaque
}

// ParseRoleRef reads one reference to a role: a module reference whose last
// attribute follows the configured pattern (`config.flake.nixosModules.role-web`,
// `self.nixosModules.role-web`, or `role-web` under `with
// self.nixosModules;`), a path (`../../roles/web.nix`), or a string.
func ParseRoleRef(e ast.Expr, fold *constfold.Folder, conv *config.Conventions, file string) RoleRef {
	ref := RoleRef{Pos: e.Pos(), End: e.End()}
	switch x := ast.Unparen(e).(type) {
	case *ast.Select:
		path := fold.Unalias(x)
		if len(path) < 2 || external(path) {
			return ref
		}
		last := path[len(path)-1]
		if name, ok := conv.RoleName(last); ok {
			ref.Kind, ref.Name, ref.Attr = RefModule, name, last
		}
	case *ast.Ident:
		if name, ok := conv.RoleName(x.Name); ok {
			ref.Kind, ref.Name, ref.Attr = RefModule, name, x.Name
		}
	case *ast.Path:
		if p, ok := ResolvePath(x, file); ok {
			ref.Kind, ref.Path = RefPath, p
		}
	case *ast.String:
		if v := fold.Eval(x); v.Kind == constfold.String {
			ref.Kind, ref.Name = RefString, v.Str
		}
	}
	return ref
}

// ResolvePath returns the repository-relative path a relative path literal
// of file points at, or false for a path that is absolute, interpolated or
// outside the repository.
func ResolvePath(p *ast.Path, file string) (string, bool) {
	if p.Kind != ast.PathRelative {
		return "", false
	}
	var b strings.Builder
	for _, part := range p.Parts {
		t, ok := part.(*ast.Text)
		if !ok {
			return "", false
		}
		b.WriteString(t.Value)
	}
	rel := path.Clean(path.Join(path.Dir(file), b.String()))
	if rel == ".." || strings.HasPrefix(rel, "../") || strings.HasPrefix(rel, "/") {
		return "", false
	}
	return rel, true
}

// external reports whether a module path comes from another flake
// (inputs.hardware.nixosModules.role-x): its roles are not in this
// repository. inputs.self is this flake.
func external(path []string) bool {
	return path[0] == "inputs" && (len(path) < 2 || path[1] != "self")
}
