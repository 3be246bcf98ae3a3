package inventory

import (
	"go/token"
	"slices"
	"strconv"
	"strings"

	"github.com/nixlint/nixlint/config"
	"github.com/nixlint/nixlint/model/inventory/constfold"
	"github.com/nixlint/nixlint/model/module"
	"github.com/nixlint/nixlint/model/registry"
	"github.com/nixlint/nixlint/parser/ast"
)

// builder finds the VM declarations of one module.
type builder struct {
	srcs *registry.Sources
	inv  *Inventory
	conv *config.Conventions
	fset *token.FileSet
	mod  *module.Module
	fold *constfold.Folder
}

// decl is the definitions of one VM's attribute set, grouped by their path
// relative to the set ("vmid", "initialization.hostname"; "" for a value
// given to the set as a whole).
type decl struct {
	src   int
	set   []string
	keys  []ast.AttrName
	match config.SourceMatch
	attrs map[string][]*module.Def
	first *module.Def
}

func (b *builder) module() {
	var decls []*decl
	byKey := map[string]*decl{}
	var last *decl // the declaration of the last definition matched
	for _, d := range b.srcs.Expand(b.mod.Defs, b.fold) {
		if b.conv.HostnamesAsVMNames && isHostname(d.Path) {
			b.hostname(d)
		}
		// A definition belongs to one source: the first that matches, so
		// that users' extra sources can narrow a default one.
		si, m, ok, maybe := b.srcs.Lookup(d.Path)
		if !ok {
			if maybe { // opaqueSets looks only at paths Any accepts
				b.opaqueSets(d)
			}
			continue
		}
		n := len(m.Set)
		var dc *decl
		if last != nil && si == last.src && slices.Equal(m.Set, last.set) && !hasDynamic(m.Set) {
			// The declaration of the definition before, whose key this
			// is: a VM's attributes come one after the other.
			dc = last
		} else {
			key := strconv.Itoa(si) + "\x00" + strings.Join(m.Set, "\x00")
			for i := 0; i < n; i++ {
				if d.Path[i] == module.Dynamic {
					key += "\x00" + strconv.Itoa(int(d.Key(i).Pos()))
				}
			}
			dc = byKey[key]
			if dc == nil {
				dc = &decl{src: si, set: m.Set, keys: d.Keys()[:n:n], match: m, attrs: map[string][]*module.Def{}, first: d}
				byKey[key] = dc
				decls = append(decls, dc)
			}
		}
		last = dc
		rel := module.PathString(d.Path[n:])
		dc.attrs[rel] = append(dc.attrs[rel], d)
	}
	for _, dc := range decls {
		b.decl(dc)
	}
}

// hasDynamic reports whether a path has a segment whose name is computed:
// the key of its declaration holds the segment's position too.
func hasDynamic(p []string) bool {
	for _, s := range p {
		if s == module.Dynamic {
			return true
		}
	}
	return false
}

// decl turns one declaration into a VM, or into skipped entries.
func (b *builder) decl(dc *decl) {
	src := b.conv.VMSources[dc.src]
	// A pattern that starts with ** (the registry's **.nodes.<name>) could
	// match sets that are not VMs at all (a cluster's node list): such a
	// set counts only when it defines a VM id.
	anchored := !strings.HasPrefix(src.Path, "**")
	idAttr := ""
	for _, a := range src.ID {
		if len(dc.attrs[a]) > 0 {
			idAttr = a
			break
		}
	}
	if !anchored && idAttr == "" {
		return
	}
	if len(src.ID) == 0 && len(dc.attrs[src.Name]) == 0 {
		// A source of names only (proxmox.qemuConf) that sets no name
		// here: nothing to check.
		return
	}
	vm := &VM{Kind: src.Kind, Source: src.Path, Set: dc.set, File: b.mod.Path, Pos: dc.first.KeyPos()}
	if vm.Kind == "" {
		vm.Kind = config.KindVM
	}
	setPath := "" // spelled out for the first skipped entry: most VMs have none
	skip := func(what string, pos token.Pos, reason string) {
		if setPath == "" {
			setPath = module.PathString(dc.set)
		}
		b.inv.Skipped = append(b.inv.Skipped, Skipped{
			File: b.mod.Path, Pos: pos, Line: b.line(pos), VM: vm.nameIfKnown(), Set: setPath,
			What: what, Reason: reason, Source: src.Path,
		})
	}
	if whole := dc.attrs[""]; len(whole) > 0 && whole[0].Value != nil {
		// `proxmox.qemu.web = mkVM { … };`: the set is not written out.
		reason := b.fold.Eval(whole[0].Value).Reason
		if reason == "" {
			reason = "is not an attribute set"
		}
		b.name(vm, dc, src)
		skip("declaration", whole[0].Pos(), reason)
		return
	}

	for _, meta := range []string{"count", "for_each"} {
		// Terraform's count and for_each make one resource many VMs:
		// their names and ids are computed by Terraform.
		defs := dc.attrs[meta]
		if len(defs) == 0 {
			continue
		}
		if v, _, _ := b.value(defs); meta == "count" && v.Kind == constfold.Int && v.Int == 1 {
			continue
		}
		b.name(vm, dc, src)
		skip("declaration", defs[0].Pos(), "declares several VMs through Terraform's "+meta)
		return
	}

	b.name(vm, dc, src)
	if !vm.NameKnown && vm.NamePos.IsValid() {
		skip("name", vm.NamePos, vm.nameReason)
	}
	if idAttr != "" {
		vm.HasID = true
		v, pos, end := b.value(dc.attrs[idAttr])
		vm.IDPos, vm.IDEnd = pos, end
		switch {
		case v.Kind == constfold.Int && v.Int <= 0:
			// The Telmate provider reads 0 as "the next free id".
			skip("id", pos, "is "+v.String()+", which lets Proxmox pick the next free id")
		case v.Kind == constfold.Int && v.Int <= 1<<31:
			vm.ID, vm.IDKnown = int(v.Int), true
		case v.Kind == constfold.String && strings.Contains(v.Str, "${"):
			skip("id", pos, terraformExpr(v.Str))
		case v.Kind == constfold.String && isDigits(v.Str):
			// Terraform converts a numeric string to the number it
			// spells.
			if n, err := strconv.Atoi(v.Str); err == nil {
				vm.ID, vm.IDKnown = n, true
			}
		case v.Known():
			skip("id", pos, "is a "+v.Kind.String()+" ("+v.String()+"), not a VM id")
		default:
			skip("id", pos, v.Reason)
		}
	}
	if src.Template != "" {
		// A provider's flag defaults to false, so its absence says "not a
		// template"; a registry's node may simply not say.
		vm.TemplateKnown = anchored
		if defs := dc.attrs[src.Template]; len(defs) > 0 {
			vm.TemplateKnown = true
			v, pos, _ := b.value(defs)
			switch v.Kind {
			case constfold.Bool:
				vm.Template = v.Bool
			case constfold.Unknown:
				vm.TemplateKnown = false
				skip("template flag", pos, v.Reason)
			}
		}
	}
	if defs := dc.attrs["tags"]; len(defs) > 0 {
		vm.Tags, _ = registry.Strings(defs[0], b.fold)
		for _, t := range vm.Tags {
			if t == "template" {
				vm.Template, vm.TemplateKnown = true, true
			}
		}
	}
	if len(src.ID) == 0 && vm.NameKnown && imageName(vm.Name, b.mod.Path) {
		vm.Template, vm.TemplateKnown = true, true
	}
	if vm.NamePos.IsValid() && dc.match.Name != "" {
		vm.Pos = vm.NamePos
	}
	vm.Line = b.line(vm.Pos)
	if !vm.NameKnown && !vm.IDKnown {
		// Nothing a rule could check: the skipped entries say why.
		return
	}
	b.inv.VMs = append(b.inv.VMs, vm)
}

// name finds the VM's name: the <name> segment of the path, or the
// source's name attribute.
func (b *builder) name(vm *VM, dc *decl, src config.VMSource) {
	if i := nameIndex(src.Path, dc.set, dc.match.Name); i >= 0 {
		k := dc.keys[i]
		vm.NamePos, vm.NameEnd = k.Pos(), k.End()
		v := terraform(b.fold.Name(k))
		if v.Kind == constfold.String {
			vm.Name, vm.NameKnown = v.Str, true
			vm.NameLiteral = isLiteralName(k)
			if vm.Set[i] == module.Dynamic {
				// Show proxmox.qemu.${hostname} as proxmox.qemu.git-01.
				vm.Set = append(append(append([]string(nil), vm.Set[:i]...), v.Str), vm.Set[i+1:]...)
			}
		} else {
			vm.nameReason = v.Reason
		}
		return
	}
	if src.Name == "" {
		return
	}
	defs := dc.attrs[src.Name]
	if len(defs) == 0 {
		return
	}
	v, pos, end := b.value(defs)
	v = terraform(v)
	vm.NamePos, vm.NameEnd = pos, end
	switch v.Kind {
	case constfold.String:
		vm.Name, vm.NameKnown = v.Str, true
		if len(defs) == 1 {
			if s, ok := ast.Unparen(defs[0].Value).(*ast.String); ok {
				_, vm.NameLiteral = s.StaticValue()
			}
		}
	case constfold.Unknown:
		vm.nameReason = v.Reason
	default:
		vm.nameReason = "is a " + v.Kind.String() + ", not a name"
	}
}

// hostname records a networking.hostName as a name to check.
func (b *builder) hostname(d *module.Def) {
	vm := &VM{Kind: KindHost, Source: HostnameSource, Set: d.Path, File: b.mod.Path, Pos: d.Pos()}
	v, pos, end := b.value([]*module.Def{d})
	vm.NamePos, vm.NameEnd = pos, end
	vm.Line = b.line(pos)
	if v.Kind != constfold.String {
		reason := v.Reason
		if reason == "" {
			reason = "is not a string"
		}
		b.inv.Skipped = append(b.inv.Skipped, Skipped{File: b.mod.Path, Pos: pos, Line: vm.Line, Set: HostnameSource, What: "name", Reason: reason, Source: HostnameSource})
		return
	}
	vm.Name, vm.NameKnown = v.Str, true
	if s, ok := ast.Unparen(d.Value).(*ast.String); ok {
		_, vm.NameLiteral = s.StaticValue()
	}
	b.inv.VMs = append(b.inv.VMs, vm)
}

// value folds an attribute of a VM. Definitions of the same attribute
// under different conditions (the two branches of an if) must agree.
func (b *builder) value(defs []*module.Def) (constfold.Value, token.Pos, token.Pos) {
	d := defs[0]
	if d.Value == nil {
		return constfold.Value{Reason: "is inherited from the enclosing scope"}, d.Pos(), d.End()
	}
	v := b.fold.Eval(d.Value)
	for _, o := range defs[1:] {
		if o.Value == nil {
			return constfold.Value{Reason: "is defined more than once"}, d.Pos(), d.End()
		}
		w := b.fold.Eval(o.Value)
		if !w.Known() {
			return w, o.Pos(), o.End()
		}
		if v.Known() && (w.Kind != v.Kind || w.String() != v.String()) {
			return constfold.Value{Reason: "is defined more than once, with different values (" + v.String() + " and " + w.String() + ")"}, d.Pos(), d.End()
		}
	}
	return v, d.Pos(), d.End()
}

func (b *builder) line(p token.Pos) int {
	if !p.IsValid() || b.fset == nil {
		return 0
	}
	return b.fset.Position(p).Line
}

// nameIndex returns the index in set of the segment matched by <name>, or
// -1 when the pattern has none.
func nameIndex(pattern string, set []string, name string) int {
	pat := strings.Split(pattern, ".")
	pi := -1
	for i, s := range pat {
		if s == "<name>" {
			pi = i
		}
	}
	if pi < 0 {
		return -1
	}
	starsBefore, starsAfter := false, false
	for i, s := range pat {
		if s == "**" {
			if i < pi {
				starsBefore = true
			} else {
				starsAfter = true
			}
		}
	}
	switch {
	case !starsBefore:
		return pi
	case !starsAfter:
		return len(set) - (len(pat) - pi)
	}
	for i := len(set) - 1; i >= 0; i-- {
		if set[i] == name {
			return i
		}
	}
	return -1
}

// isLiteralName reports whether an attribute name is written as a plain
// name or a string without interpolation, so a fix can rewrite it.
func isLiteralName(n ast.AttrName) bool {
	switch n := n.(type) {
	case *ast.Ident:
		return true
	case *ast.String:
		_, ok := n.StaticValue()
		return ok
	}
	return false
}

func isDigits(s string) bool {
	if s == "" || len(s) > 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// opaqueSets records as skipped a definition that would hold VM
// declarations if it were written out: `resource.proxmox_vm_qemu =
// lib.mapAttrs mkVM vms;` gives the sets of a source at evaluation time.
func (b *builder) opaqueSets(d *module.Def) {
	if d.Value == nil || len(d.Path) == 0 || !b.srcs.Any(d.Path) {
		return
	}
	// The path of one VM's set: d.Path and a segment only placeholders
	// and ** match.
	ext := append(append(make([]string, 0, len(d.Path)+1), d.Path...), "\x00")
	for si := 0; si < b.srcs.Len(); si++ {
		// The literals must be in d.Path itself, not matched by the
		// extra segment.
		if !b.srcs.May(si, d.Path) || !b.srcs.Holds(si, d.Path) {
			continue
		}
		src := b.srcs.Source(si)
		m, ok := b.srcs.Pattern(si).Match(ext)
		if !ok || len(m.Set) != len(d.Path)+1 {
			continue
		}
		v := b.fold.Eval(d.Value)
		if v.Known() || v.Reason == "" || strings.HasPrefix(v.Reason, "is an attribute set") {
			return
		}
		b.inv.Skipped = append(b.inv.Skipped, Skipped{
			File: b.mod.Path, Pos: d.Pos(), Line: b.line(d.Pos()), Set: module.PathString(d.Path),
			What: "declarations", Reason: v.Reason, Source: src.Path,
		})
		return
	}
}

// isHostname reports whether path is networking.hostName (HostnameSource),
// without rendering it.
func isHostname(path []string) bool {
	return len(path) == 2 && path[0] == "networking" && path[1] == "hostName"
}

// imageWords mark a name, or a folder, as an image or template rather than
// a running VM.
var imageWords = map[string]bool{
	"template": true, "templates": true, "tmpl": true, "image": true, "images": true,
	"base": true, "golden": true, "format": true, "formats": true, "generators": true,
	"packages": true,
}

// imageName reports whether a name from a source of names only (nixpkgs'
// proxmox.qemuConf, the image builder) names an image: such images are
// imported as templates (CONVENTIONS.md, "Proxmox VM Templates"), whose
// names describe the image (proxmox-x86-optimized), not a {purpose}-{nn}
// VM. A name with a word such as "template", or starting with "proxmox-"
// or "nixos-" (nixpkgs' default), or declared in a folder of packages,
// templates, images or formats, is taken as an image.
func imageName(name, file string) bool {
	lower := strings.ToLower(name)
	if strings.HasPrefix(lower, "proxmox-") || strings.HasPrefix(lower, "nixos-") {
		return true
	}
	for _, w := range strings.FieldsFunc(lower, func(r rune) bool { return r == '-' || r == '_' || r == '.' || r == ':' }) {
		if imageWords[w] {
			return true
		}
	}
	dirs := strings.Split(file, "/")
	for _, d := range dirs[:len(dirs)-1] {
		if imageWords[strings.ToLower(d)] {
			return true
		}
	}
	return false
}

// terraform turns a string holding a Terraform interpolation (written
// "\${count.index}" in Nix, so a constant to Nix) into Unknown: Terraform
// computes its value.
func terraform(v constfold.Value) constfold.Value {
	if v.Kind == constfold.String && strings.Contains(v.Str, "${") {
		return constfold.Value{Reason: terraformExpr(v.Str), Pos: v.Pos, End: v.End}
	}
	return v
}

func terraformExpr(s string) string {
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return "is a Terraform expression (" + strconv.Quote(s) + ")"
}
