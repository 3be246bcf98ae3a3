// Package architecture holds the rules that enforce the design principles of
// CONVENTIONS.md ("Design Principles", "Directory Purposes"): domain
// folders, flat hierarchies, modules that never enable themselves, roles that
// only compose and are not tied to one machine, and firewall rules behind a
// toggle.
//
// Every rule reads the shared layout and module model and runs only where
// its folder exists, so a repository with another layout gets no noise.
// False positives are the worst bug: whenever the model marks something as
// unknown, the rules stay quiet about it.
package architecture

import (
	"fmt"
	"go/token"
	"path"
	"sort"
	"strings"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/model/layout"
	"github.com/nixlint/nixlint/model/module"
)

// Analyzers returns the rules of this package, sorted by id.
func Analyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		DomainFolders,
		FirewallToggle,
		FlatHierarchy,
		ModuleSelfEnable,
		RoleMachineAgnostic,
		RoleOnlyCompose,
	}
}

// requires is what every rule of the package reads.
var requires = []*analysis.Analyzer{layout.Analyzer, module.Analyzer}

func results(pass *analysis.Pass) (*layout.Layout, *module.Model) {
	l, _ := pass.ResultOf[layout.Analyzer].(*layout.Layout)
	m, _ := pass.ResultOf[module.Analyzer].(*module.Model)
	return l, m
}

// filesOfKind returns the modules of the files of the given kind that the
// rules can judge: parsed without syntax errors (the syntax-error rule
// reports those; a partial tree would mislead) and readable as modules.
func filesOfKind(pass *analysis.Pass, l *layout.Layout, m *module.Model, kind layout.Kind) []*module.Module {
	files, ok := l.FilesOf(kind)
	if !ok {
		files = pass.Files
	}
	var out []*module.Module
	for _, f := range files {
		if !ok && l.Kind(f.Path) != kind || f.AST == nil || len(f.Syntax) > 0 {
			continue
		}
		if mod := m.File(f.Path); mod != nil && !mod.Opaque {
			out = append(out, mod)
		}
	}
	return out
}

// isFlakePart reports whether a file placed among roles or modules is in
// fact a flake-parts module (it defines flake outputs), which the module
// rules must not judge as a NixOS module.
func isFlakePart(mod *module.Module) bool { return mod.IsFlakePart() }

// appendNixosModules appends to dst the NixOS modules a file holds: the
// file itself or, for a flake-parts file, the modules it defines inline
// (flake.nixosModules.role-web = { … }: { … };). The rules that go through
// thousands of files reuse one slice.
func appendNixosModules(dst []*module.Module, mod *module.Module) []*module.Module {
	if !isFlakePart(mod) {
		return append(dst, mod)
	}
	for _, in := range mod.Inline {
		dst = appendNixosModules(dst, in)
	}
	return dst
}

// isFormat reports whether a module is a nixos-generators format
// (it defines formatAttr): it is activated by building the image format,
// not by being imported into a machine, so the module rules do not apply.
func isFormat(mod *module.Module) bool { return mod.IsFormat() }

// plumbing reports whether a definition configures the module system
// itself (_module.args) or only checks the configuration (assertions,
// warnings): it activates nothing.
func plumbing(d *module.Def) bool {
	if len(d.Path) == 0 {
		return false
	}
	switch d.Path[0] {
	case "_module", "assertions", "warnings":
		return true
	}
	return false
}

// group is a set of offending definitions reported as one finding.
type group struct {
	pos, end token.Pos
	defs     []*module.Def
}

// groupDefs gathers the offending definitions by the block they were written
// in: each is reported with the outermost binding around it whose
// definitions all offend (`nix.gc = { automatic = true; dates = "weekly"; };`
// is one finding at nix.gc), so a block is one finding at its first line and
// an offending line among good ones is a finding of its own.
func groupDefs(defs []*module.Def, isBad func(*module.Def) bool) []group {
	type count struct{ all, bad int }
	bad := make([]bool, len(defs))
	anyBad := false
	for i, d := range defs {
		bad[i] = isBad(d)
		anyBad = anyBad || bad[i]
	}
	if !anyBad {
		return nil // the usual case: no chain needs counting
	}
	counts := make(map[token.Pos]*count)
	for i, d := range defs {
		for b := d.In; b != nil; b = b.Parent {
			c := counts[b.Pos()]
			if c == nil {
				c = &count{}
				counts[b.Pos()] = c
			}
			c.all++
			if bad[i] {
				c.bad++
			}
		}
	}
	var out []group
	byPos := make(map[token.Pos]int)
	for i, d := range defs {
		if !bad[i] {
			continue
		}
		// The outermost binding whose definitions all offend: walking
		// outwards, the last one found.
		at := d.KeyPos()
		for b := d.In; b != nil; b = b.Parent {
			if c := counts[b.Pos()]; c.all == c.bad {
				at = b.Pos()
			}
		}
		if k, ok := byPos[at]; ok {
			out[k].defs = append(out[k].defs, d)
			if d.End() > out[k].end {
				out[k].end = d.End()
			}
			continue
		}
		byPos[at] = len(out)
		out = append(out, group{pos: at, end: d.End(), defs: []*module.Def{d}})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].pos < out[j].pos })
	return out
}

// verb returns "is" or "are" for the group's paths.
func (g group) verb() string {
	seen := make(map[string]bool)
	for _, d := range g.defs {
		seen[module.PathString(d.Path)] = true
	}
	if len(seen) == 1 {
		return "is"
	}
	return "are"
}

// paths names the definitions of a group: "a.b, a.c and 3 more".
func (g group) paths() string {
	var names []string
	seen := make(map[string]bool)
	for _, d := range g.defs {
		p := module.PathString(d.Path)
		if !seen[p] {
			seen[p] = true
			names = append(names, p)
		}
	}
	const show = 3
	if len(names) <= show {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:show], ", "), len(names)-show)
}

// namespace returns the repository's own option namespace: the first
// segment most of its modules declare options under (e.g. "mares"), or "".
func namespace(m *module.Model, l *layout.Layout) string {
	count := make(map[string]int)
	for _, mod := range m.Modules() {
		k := l.Kind(mod.Path)
		if k != layout.Module && k != layout.Infrastructure {
			continue
		}
		countNamespaces(count, mod)
	}
	best, n := "", 0
	for ns, c := range count {
		if c > n || c == n && ns < best {
			best, n = ns, c
		}
	}
	return best
}

// countNamespaces counts the first segments of the options a file
// declares, including in the modules it defines inline (those of
// declared, without gathering them).
func countNamespaces(count map[string]int, mod *module.Module) {
	for _, o := range mod.Options {
		if len(o.Path) > 1 && o.Path[0] != module.Dynamic && !upstreamTop[o.Path[0]] {
			count[o.Path[0]]++
		}
	}
	for _, in := range mod.Inline {
		countNamespaces(count, in)
	}
}

// upstreamTop are top-level NixOS option sets; a repository that declares
// options below them (services.myapp) has no namespace of its own there.
var upstreamTop = map[string]bool{
	"services": true, "programs": true, "networking": true, "systemd": true,
	"boot": true, "hardware": true, "environment": true, "users": true,
	"security": true, "virtualisation": true, "nix": true, "system": true,
	"flake": true, "perSystem": true, "_module": true,
}

// suggestedOption proposes the enable option a module should declare:
// <namespace>.<domain>.<name>.enable.
func suggestedOption(ns string, l *layout.Layout, file string) string {
	var parts []string
	if ns != "" {
		parts = append(parts, ns)
	}
	if dom := l.Domain(file); dom != "" {
		parts = append(parts, path.Base(dom))
	}
	name := strings.TrimSuffix(path.Base(file), ".nix")
	if name == "default" || name == "service" || name == "config" {
		name = path.Base(path.Dir(file))
	}
	if len(parts) == 0 || parts[len(parts)-1] != name {
		parts = append(parts, name)
	}
	return strings.Join(parts, ".") + ".enable"
}

// fileStart returns the position of a file's first byte: findings about a
// folder point there.
func fileStart(f *analysis.File) token.Pos { return f.Start() }

// nodeText returns the source of a node, whitespace collapsed, shortened for
// a message.
func nodeText(pass *analysis.Pass, n interface {
	Pos() token.Pos
	End() token.Pos
}) string {
	f := pass.FileAt(n.Pos())
	if f == nil || f.Tok == nil {
		return "…"
	}
	lo, hi := f.Tok.Offset(n.Pos()), f.Tok.Offset(n.End())
	if lo < 0 || hi > len(f.Src) || lo > hi {
		return "…"
	}
	s := strings.Join(strings.Fields(string(f.Src[lo:hi])), " ")
	if len(s) > 40 {
		s = s[:37] + "…"
	}
	return s
}
