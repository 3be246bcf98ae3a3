// Package inventory is the shared analysis that lists every VM and
// container the repository declares (DESIGN.md §3): the machine registry's
// nodes, proxmox-nixos VMs, terranix resources of the Telmate and bpg
// providers, the terranix proxmox module style and nixpkgs' Proxmox image.
//
// Sources are attribute-path patterns (config.VMSource) matched against the
// config definitions the module model flattened, so users add the shape
// their repository uses in .nixlint.toml. Ids and names are folded from
// constants (package constfold); a declaration whose id or name is not a
// constant is recorded in Skipped with the reason, never guessed.
package inventory

import (
	"go/token"
	"sort"
	"strconv"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/config"
	"github.com/nixlint/nixlint/model/inventory/constfold"
	"github.com/nixlint/nixlint/model/module"
	"github.com/nixlint/nixlint/model/registry"
)

// Analyzer computes the *Inventory of the repository.
var Analyzer = &analysis.Analyzer{
	Name:     "inventory",
	Doc:      "list every VM and container the repository declares, with name, id, kind, template flag, tags and source",
	Requires: []*analysis.Analyzer{module.Analyzer, constfold.Analyzer},
	Run:      run,
}

// KindHost is the Kind of a name taken from networking.hostName (with
// hostnames-as-vm-names): a machine that may or may not be a VM.
const KindHost = "host"

// HostnameSource is the Source of names taken from networking.hostName.
const HostnameSource = "networking.hostName"

// Inventory is every VM and container found, and what was skipped.
type Inventory struct {
	VMs     []*VM     // sorted by file and position
	Skipped []Skipped // sorted by file and position
	Conv    *config.Conventions
}

// VM is one VM or container declaration.
type VM struct {
	// Name is the VM's name when NameKnown. NamePos/NameEnd delimit the
	// attribute name or the string holding it; NameLiteral is set when the
	// name is written as one plain string or attribute name, so a fix can
	// replace it.
	Name             string
	NameKnown        bool
	NamePos, NameEnd token.Pos
	NameLiteral      bool
	nameReason       string

	// ID is the VM id when IDKnown. HasID is set when an id attribute is
	// defined at all.
	ID           int
	IDKnown      bool
	HasID        bool
	IDPos, IDEnd token.Pos

	Kind string // config.KindVM, config.KindContainer or KindHost

	// Template is the template flag; TemplateKnown is set when the source
	// has one (an absent flag then means false) or a tag says "template".
	Template      bool
	TemplateKnown bool

	Tags []string

	Source string   // the source's path pattern, e.g. "proxmox.qemu.<name>"
	Set    []string // the matched attribute path of the VM's set
	File   string   // repository-relative path
	Pos    token.Pos
	Line   int
}

// Skipped is a declaration, or part of one, whose value is not constant.
type Skipped struct {
	File   string
	Pos    token.Pos
	Line   int
	VM     string // the VM's name when known
	Set    string // the attribute path of the declaration
	What   string // "id", "name", "declaration", "template flag"
	Reason string // "is a function call (mkVM)"
	Source string
}

// Where returns "file:line" for v.
func (v *VM) Where() string { return v.File + ":" + strconv.Itoa(v.Line) }

// Label names the VM in messages: its name, or its attribute path.
func (v *VM) Label() string {
	if v.NameKnown {
		return v.Name
	}
	return module.PathString(v.Set)
}

func run(pass *analysis.Pass) (any, error) {
	mods, _ := pass.ResultOf[module.Analyzer].(*module.Model)
	folds, _ := pass.ResultOf[constfold.Analyzer].(*constfold.Files)
	conv := registry.Conventions(pass.Config)
	inv := &Inventory{Conv: conv}
	if mods == nil {
		return inv, nil
	}
	srcs := registry.NewSources(conv)
	for _, mod := range mods.Modules() {
		if len(mod.Defs) == 0 {
			continue // a package, a function: nothing to look at
		}
		if !conv.HostnamesAsVMNames && mod.File != nil && !srcs.MayMatchFile(mod.File.Src) {
			// No definition of the file can match a source: nearly
			// every file, told apart by its bytes.
			continue
		}
		b := &builder{srcs: srcs, inv: inv, conv: conv, fset: pass.Fset, mod: mod, fold: folds.For(mod.File)}
		b.module()
	}
	sort.SliceStable(inv.VMs, func(i, j int) bool {
		a, b := inv.VMs[i], inv.VMs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Pos < b.Pos
	})
	sort.SliceStable(inv.Skipped, func(i, j int) bool {
		a, b := inv.Skipped[i], inv.Skipped[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Pos != b.Pos {
			return a.Pos < b.Pos
		}
		return a.What < b.What
	})
	return inv, nil
}

func (v *VM) nameIfKnown() string {
	if v.NameKnown {
		return v.Name
	}
	return ""
}
