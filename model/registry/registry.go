// Package registry is the shared analysis that reads the machine registry
// (DESIGN.md §3): under the infrastructure folder, attribute sets named
// `nodes`, at any attribute path (`mares.infrastructure.nodes`) but never
// inside `options`, whose attributes are node definitions with `roles`,
// `host`, `tags` and a VM id.
//
// It reads the config definitions the module model flattened, so nodes
// written as one set, with dotted paths, under `mkIf` or through `let` are
// all found; option declarations are not config and so never count.
package registry

import (
	"go/token"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/config"
	"github.com/nixlint/nixlint/model/inventory/constfold"
	"github.com/nixlint/nixlint/model/layout"
	"github.com/nixlint/nixlint/model/module"
	"github.com/nixlint/nixlint/parser/ast"
)

// Analyzer computes the *Registry of the repository.
var Analyzer = &analysis.Analyzer{
	Name:     "registry",
	Doc:      "read the machine registry: nodes with roles, host, tags and VM id under the infrastructure folder",
	Requires: []*analysis.Analyzer{layout.Analyzer, module.Analyzer, constfold.Analyzer},
	Run:      run,
}

// IDAttrs are the attributes of a node that may hold its VM id, as real
// registries spell them.
var IDAttrs = []string{"vmid", "vmId", "vm_id"}

// Registry is the machine registry.
type Registry struct {
	// Nodes in file order, then source order.
	Nodes []*Node
	// Skipped lists registry content whose values are not constant.
	Skipped []Skipped
}

// Node is one machine of the registry.
type Node struct {
	File string   // repository-relative path of the file defining the node
	Set  []string // attribute path of the nodes set (`mares.infrastructure.nodes`)

	// Name is the node's attribute name; NameReason says why it is not
	// known when it is empty (a dynamic name depending on an argument).
	Name       string
	NameReason string
	NamePos    token.Pos
	NameEnd    token.Pos

	// Roles are the node's `roles` entries. RolesOpaque is set when part
	// of the list is not a literal (`commonRoles ++ [ … ]`).
	Roles       []RoleRef
	RolesOpaque bool

	Host    constfold.Value // the `host` attribute; Kind Unknown with no Reason when absent
	HasHost bool

	Tags []string

	ID     constfold.Value // the VM id; see HasID
	HasID  bool
	IDAttr string // which attribute held it

	// Opaque says why the node's definition could not be read (`web-01 =
	// mkNode { … };`), or is empty.
	Opaque string
}

// RefKind says how a node refers to a role.
type RefKind int

// The kinds of role references.
const (
	RefOther  RefKind = iota // anything else: not checked
	RefModule                // config.flake.nixosModules.role-web, self.nixosModules.role-web
	RefPath                  // ../../roles/web.nix
	RefString                // "web": a name only
)

// RoleRef is one entry of a node's `roles`.
type RoleRef struct {
	Kind     RefKind
	Name     string // the role's name (RefModule: "web" for role-web; RefString: the string)
	Attr     string // RefModule: the attribute as written ("role-web")
	Path     string // RefPath: the repository-relative path pointed at
	Pos, End token.Pos
}

// Skipped is registry content nixlint could not read without evaluation.
type Skipped struct {
	File   string
	Pos    token.Pos
	What   string // "id of node web-01", "name of a node"
	Reason string
}

func run(pass *analysis.Pass) (any, error) {
	lay, _ := pass.ResultOf[layout.Analyzer].(*layout.Layout)
	mods, _ := pass.ResultOf[module.Analyzer].(*module.Model)
	folds, _ := pass.ResultOf[constfold.Analyzer].(*constfold.Files)
	reg := &Registry{}
	if lay == nil || mods == nil {
		return reg, nil
	}
	infra := lay.Folders.Infrastructure
	if !lay.Has[infra] {
		return reg, nil
	}
	conv := Conventions(pass.Config)
	srcs := NewSources(conv)
	for _, mod := range mods.Modules() {
		if !layout.In(mod.Path, infra) {
			continue
		}
		reg.read(mod, folds.For(mod.File), conv, srcs)
	}
	return reg, nil
}

// Conventions returns the configured conventions, or the embedded default
// when the configuration has none (tests that build a Config by hand).
func Conventions(cfg *config.Config) *config.Conventions {
	if cfg != nil && (len(cfg.Conventions.IDRanges) > 0 || len(cfg.Conventions.Prefixes) > 0) {
		return &cfg.Conventions
	}
	def := config.Default().Conventions
	return &def
}

// read collects the nodes a module defines.
func (reg *Registry) read(mod *module.Module, fold *constfold.Folder, conv *config.Conventions, srcs *Sources) {
	byKey := map[string]*Node{}
	var (
		last    *Node // the node of the last definition read, and its key:
		lastSet []string
		lastPos token.Pos
	)
	for _, d := range srcs.Expand(mod.Defs, fold) {
		i := nodesIndex(d.Path)
		if i < 0 {
			continue
		}
		if i+1 == len(d.Path) {
			// `nodes = mkNodes …;`: a registry nixlint cannot read.
			v := fold.Eval(d.Value)
			if d.Value != nil && !v.Known() {
				reg.Skipped = append(reg.Skipped, Skipped{File: mod.Path, Pos: d.Pos(), What: "the nodes of " + module.PathString(d.Path), Reason: v.Reason})
			}
			continue
		}
		nameKey := d.Key(i + 1)
		dynamic := d.Path[i+1] == module.Dynamic
		if last != nil && slices.Equal(d.Path[:i+2], lastSet) && (!dynamic || nameKey.Pos() == lastPos) {
			// The node of the definition before, whose key this is: a
			// node's definitions come one after the other.
			last.add(d, d.Path[i+2:], fold, conv, mod.Path)
			continue
		}
		key := strings.Join(d.Path[:i+2], "\x00")
		if dynamic {
			key += "\x00" + strconv.Itoa(int(nameKey.Pos()))
		}
		n := byKey[key]
		last, lastSet, lastPos = n, d.Path[:i+2], nameKey.Pos()
		if n == nil {
			n = &Node{File: mod.Path, Set: d.Path[: i+1 : i+1], NamePos: nameKey.Pos(), NameEnd: nameKey.End()}
			if v := fold.Name(nameKey); v.Known() {
				n.Name = v.Str
			} else {
				n.NameReason = v.Reason
				reg.Skipped = append(reg.Skipped, Skipped{File: mod.Path, Pos: nameKey.Pos(), What: "the name of a node of " + module.PathString(n.Set), Reason: v.Reason})
			}
			byKey[key] = n
			reg.Nodes = append(reg.Nodes, n)
			last = n
		}
		n.add(d, d.Path[i+2:], fold, conv, mod.Path)
	}
}

// add records one definition inside a node.
func (n *Node) add(d *module.Def, attr []string, fold *constfold.Folder, conv *config.Conventions, file string) {
	switch strings.Join(attr, ".") {
	case "":
		if d.Value != nil {
			if v := fold.Eval(d.Value); !v.Known() {
				n.Opaque = v.Reason
			}
		}
	case "roles":
		n.Roles, n.RolesOpaque = roleRefs(d, fold, conv, file)
	case "host":
		n.Host, n.HasHost = fold.Eval(d.Value), true
	case "tags":
		n.Tags, _ = Strings(d, fold)
	case "vmid", "vmId", "vm_id":
		if !n.HasID {
			n.ID, n.HasID, n.IDAttr = fold.Eval(d.Value), true, attr[0]
		}
	}
}

// Strings returns the constant strings of a list definition, and whether
// every element was one.
func Strings(d *module.Def, fold *constfold.Folder) ([]string, bool) {
	if d.Elems() == nil {
		v := fold.Eval(d.Value)
		if v.Kind == constfold.String {
			return splitTags(v.Str), true
		}
		return nil, false
	}
	all := true
	var out []string
	for _, el := range d.Elems() {
		values := []ast.Expr{el.Value}
		if el.Opaque {
			elems, v := fold.List(el.Value)
			if v.Reason != "" {
				all = false
				continue
			}
			values = elems
		}
		for _, e := range values {
			v := fold.Eval(e)
			if v.Kind != constfold.String {
				all = false
				continue
			}
			out = append(out, v.Str)
		}
	}
	return out, all
}

// splitTags splits the tag string of the Telmate provider ("a;b") and of
// Proxmox itself ("a,b" or "a b").
func splitTags(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' || r == ' ' })
	sort.Strings(f)
	return f
}

// nodesIndex returns the index of the first `nodes` segment of p, or -1.
func nodesIndex(p []string) int {
	for i, s := range p {
		if s == "nodes" {
			return i
		}
	}
	return -1
}
