package architecture

import (
	"fmt"
	"path"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/model/layout"
	"github.com/nixlint/nixlint/model/module"
	"github.com/nixlint/nixlint/parser/ast"
)

// ModuleSelfEnable finds modules that activate themselves.
var ModuleSelfEnable = &analysis.Analyzer{
	Name: "module-self-enable",
	Doc: `module activates itself instead of waiting for a role to enable it

A module implements a capability behind an enable option; a role turns it
on. The rule reports, in modules: (a) an enable option whose default is
true; (b) a module that declares P.enable but defines configuration outside
a condition on it (the declaration may sit in a sibling file of the same
directory, such as options.nix beside service.nix); (c) a module that sets
its own P.enable; (d) a module without an enable option that turns
something on (services.openssh.enable = true): it takes effect merely by
being imported. Cases a-c are errors, d a warning. Aggregator files, which
only import, never trigger it; neither do definitions under a condition the
model cannot read.`,
	Severity: analysis.Warning,
	Requires: requires,
	Run:      runModuleSelfEnable,
	Docs: &analysis.Docs{
		Principle: "Modules define service capabilities, options, and detailed implementations. They handle their own internal configuration, including service-specific secret management and firewall rules (with toggle options), but don't enable themselves by default. (CONVENTIONS.md, \"Directory Purposes\"; Design Principle 2, \"Separation of implementation and activation\")",
		Bad: `# modules/security/ssh.nix
{ ... }:
{
  services.openssh.enable = true;
  services.openssh.settings.PasswordAuthentication = false;
}`,
		Good: `# modules/security/ssh.nix
{ config, lib, ... }:
let
  cfg = config.mares.security.ssh;
in
{
  options.mares.security.ssh.enable = lib.mkEnableOption "the SSH server";

  config = lib.mkIf cfg.enable {
    services.openssh.enable = true;
    services.openssh.settings.PasswordAuthentication = false;
  };
}

# roles/server.nix
{ mares.security.ssh.enable = true; }`,
		Tags: []string{"architecture"},
	},
}

const selfEnablePrinciple = `modules "don't enable themselves by default"`

func runModuleSelfEnable(pass *analysis.Pass) (any, error) {
	l, m := results(pass)
	if l == nil || m == nil || !l.Has[l.Folders.Modules] {
		return nil, nil
	}
	ns := &lazyNamespace{m: m, l: l}
	c := &unitCheck{m: m}    // reused from module to module, with its buffers
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
			c.reset(mod)
			checkSelfEnable(pass, l, mod, ns, c)
		}
	}
	return nil, nil
}

func checkSelfEnable(pass *analysis.Pass, l *layout.Layout, mod *module.Module, ns *lazyNamespace, c *unitCheck) {
	// (a) an enable option that defaults to true.
	for _, o := range mod.Options {
		if v, ok := o.DefaultBool(); ok && v && o.IsEnable() && !c.subFeature(o) {
			pos, end := o.Pos, o.End
			if o.Default != nil {
				pos, end = o.Default.Pos(), o.Default.End()
			}
			pass.Report(analysis.Diagnostic{
				Pos: pos, End: end, Severity: analysis.Error,
				Message: fmt.Sprintf("option %s defaults to true, so the module turns itself on when it is imported; %s: default it to false (lib.mkEnableOption) and set it to true from a role",
					module.PathString(o.Path), selfEnablePrinciple),
			})
		}
	}

	if !c.hasEnable() {
		checkActivation(pass, l, mod, ns)
		return
	}

	// (b) configuration outside the condition on the enable option. The
	// condition is tested first: it is the answer for nearly every
	// definition, and is shared by the definitions written under it.
	bad := func(d *module.Def) bool { return !c.guarded(d, nil) && !plumbing(d) && !c.own(d.Path) }
	anyBad := false // groupDefs needs calling only then: most modules are fine
	rest := c.rest[:0]
	for _, d := range mod.Defs {
		if e := c.enableAt(d.Path); e != nil {
			// (c) the module sets its own enable option.
			if v, ok := module.BoolLiteral(valueOf(d)); ok && v && !c.guarded(d, e) {
				pass.Report(analysis.Diagnostic{
					Pos: d.KeyPos(), End: d.End(), Severity: analysis.Error,
					Message: fmt.Sprintf("module sets its own option %s to true, so it is on wherever it is imported; %s: remove this and set %s = true; in a role",
						module.PathString(d.Path), selfEnablePrinciple, module.PathString(e.Path)),
				})
			}
			continue
		}
		rest = append(rest, d)
		anyBad = anyBad || bad(d)
	}
	c.rest = rest
	if !anyBad {
		return
	}
	var guardText string
	for i, g := range groupDefs(rest, bad) {
		if i == 0 {
			guardText = "config." + module.PathString(c.main().Path)
		}
		it, takes := "it", "it takes"
		if g.verb() == "are" {
			it, takes = "them", "they take"
		}
		pass.Report(analysis.Diagnostic{
			Pos: g.pos, End: g.end, Severity: analysis.Error,
			Message: fmt.Sprintf("%s %s defined outside the condition on %s, so %s effect whenever the module is imported; %s: move %s inside lib.mkIf cfg.enable",
				g.paths(), g.verb(), guardText, takes, selfEnablePrinciple, it),
		})
	}
}

// checkActivation is case (d): a module with no enable option that turns
// something on unconditionally.
func checkActivation(pass *analysis.Pass, l *layout.Layout, mod *module.Module, ns *lazyNamespace) {
	for _, d := range mod.Defs {
		if len(d.Path) < 2 || d.Path[len(d.Path)-1] != "enable" || len(d.Conds()) > 0 {
			continue
		}
		if v, ok := module.BoolLiteral(valueOf(d)); !ok || !v {
			continue
		}
		what := module.PathString(d.Path[:len(d.Path)-1])
		pass.Report(analysis.Diagnostic{
			Pos: d.KeyPos(), End: d.End(),
			Message: fmt.Sprintf("module turns on %s when it is imported; declare an option %s and wrap this config in lib.mkIf cfg.enable, then enable it from a role (%s)",
				what, suggestedOption(ns.get(), l, mod.Path), selfEnablePrinciple),
		})
	}
}

// lazyNamespace is the repository's namespace, counted when a finding
// first needs it: counting looks at every option of the repository.
type lazyNamespace struct {
	m    *module.Model
	l    *layout.Layout
	done bool
	ns   string
}

func (n *lazyNamespace) get() string {
	if !n.done {
		n.ns, n.done = namespace(n.m, n.l), true
	}
	return n.ns
}

// valueOf returns a definition's value, nil for an inherited name.
func valueOf(d *module.Def) ast.Expr { return d.Value }

// unitCheck answers questions about the options of one module unit
// (Model.UnitOptions): the module's own options, then those of the
// siblings it is split from.
//
// Finding the siblings costs more than the check itself, and a module's
// own options nearly always settle the answer (its definitions sit under
// a condition on its own enable option), so the unit is looked up only
// when they do not: every question is an existence test, and an own
// option that answers it is the one the whole unit would have found
// first, since UnitOptions lists the module's own options first.
type unitCheck struct {
	m   *module.Model
	mod *module.Module

	// options and enables are the module's own until full is set, the
	// unit's after.
	full    bool
	options []*module.Option
	enables []*module.Option

	rest []*module.Def // checkSelfEnable's scratch

	// The last answer of condsGuard: the definitions written under the
	// same conditions share their slice, and come one after the other.
	last struct {
		conds  *module.Cond
		n      int
		except *module.Option
		guard  bool
	}
}

// reset makes c check mod, keeping its buffers.
func (c *unitCheck) reset(mod *module.Module) {
	c.mod, c.full, c.options = mod, false, mod.Options
	c.enables = enablesOf(c.enables[:0], mod.Options)
	c.last.conds, c.last.n, c.last.except, c.last.guard = nil, 0, nil, false
}

// enablesOf appends the enable options of opts to dst.
func enablesOf(dst, opts []*module.Option) []*module.Option {
	for _, o := range opts {
		if o.IsEnable() {
			dst = append(dst, o)
		}
	}
	return dst
}

// unit switches c to the whole unit's options.
func (c *unitCheck) unit() {
	if c.full {
		return
	}
	c.full = true
	c.options = c.m.UnitOptions(c.mod)
	c.enables = enablesOf(c.enables[:0], c.options)
}

// hasEnable reports whether the unit declares an enable option.
func (c *unitCheck) hasEnable() bool {
	if len(c.enables) == 0 {
		c.unit()
	}
	return len(c.enables) > 0
}

// main returns the unit's first enable option of the fewest segments, the
// one a finding names.
func (c *unitCheck) main() *module.Option {
	c.unit()
	main := c.enables[0]
	for _, e := range c.enables {
		if len(e.Path) < len(main.Path) {
			main = e
		}
	}
	return main
}

// enableAt returns the unit's enable option declared at p, or nil.
func (c *unitCheck) enableAt(p []string) *module.Option {
	if e := findEnable(c.enables, p); e != nil || c.full {
		return e
	}
	// An enable option's path ends in "enable": a path ending otherwise
	// (but for a dynamic segment, which matches anything) is none.
	if len(p) == 0 || p[len(p)-1] != "enable" && p[len(p)-1] != module.Dynamic {
		return nil
	}
	c.unit()
	return findEnable(c.enables, p)
}

func findEnable(enables []*module.Option, p []string) *module.Option {
	for _, e := range enables {
		if module.Equal(p, e.Path) {
			return e
		}
	}
	return nil
}

// subFeature reports whether an enable option switches a part of a module
// whose own enable option sits higher in the same namespace
// (a.b.tls.enable below a.b.enable): defaulting it to true turns nothing on
// while the module is off.
func (c *unitCheck) subFeature(o *module.Option) bool {
	c.unit()
	ns := o.Path[:len(o.Path)-1]
	for _, e := range c.enables {
		parent := e.Path[:len(e.Path)-1]
		if e != o && len(parent) < len(ns) && module.HasPrefix(ns, parent) {
			return true
		}
	}
	return false
}

// own reports whether p sets one of the unit's own options (its defaults,
// which do nothing while the module is off).
func (c *unitCheck) own(p []string) bool {
	if ownOf(c.options, p) {
		return true
	}
	if c.full {
		return false
	}
	c.unit()
	return ownOf(c.options, p)
}

func ownOf(opts []*module.Option, p []string) bool {
	for _, o := range opts {
		if module.HasPrefix(p, o.Path) {
			return true
		}
	}
	return false
}

// inNamespace reports whether a config path lies in the unit's namespace.
func (c *unitCheck) inNamespace(r module.Ref) bool {
	if inNamespaceOf(c.options, r) {
		return true
	}
	if c.full {
		return false
	}
	c.unit()
	return inNamespaceOf(c.options, r)
}

func inNamespaceOf(opts []*module.Option, r module.Ref) bool {
	for _, o := range opts {
		if len(o.Path) > 1 && module.HasPrefix(r, o.Path[:len(o.Path)-1]) {
			return true
		}
	}
	return false
}

// guarded reports whether a definition sits under a condition that keeps it
// off while the module is off: a condition on one of the unit's enable
// options (other than except), on something outside the unit (another
// module's state: not self-activation), or one the model cannot read.
func (c *unitCheck) guarded(d *module.Def, except *module.Option) bool {
	if c.condsGuard(d.Conds(), except) {
		return true
	}
	// `environment.systemPackages = lib.optionals cfg.enable [ … ];`
	if elems := d.Elems(); len(elems) > 0 {
		for _, e := range elems {
			if !c.condsGuard(e.Conds, except) {
				return false
			}
		}
		return true
	}
	return false
}

func (c *unitCheck) condsGuard(conds []module.Cond, except *module.Option) bool {
	if len(conds) == 0 {
		return false
	}
	l := &c.last
	if l.conds == &conds[0] && l.n == len(conds) && l.except == except {
		return l.guard
	}
	guard := c.condsGuardOf(conds, except)
	l.conds, l.n, l.except, l.guard = &conds[0], len(conds), except, guard
	return guard
}

// condsGuardOf is condsGuard, uncached.
func (c *unitCheck) condsGuardOf(conds []module.Cond, except *module.Option) bool {
	for _, cond := range conds {
		if cond.Opaque {
			return true
		}
		for _, r := range cond.Refs {
			if e := c.enableAt(r); e != nil && e != except {
				return true
			}
			if !c.inNamespace(r) {
				return true
			}
		}
	}
	return false
}
