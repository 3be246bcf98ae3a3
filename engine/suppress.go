package engine

import (
	"fmt"
	"github.com/nixlint/nixlint/internal/didyoumean"
	"sort"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/engine/suppress"
	"github.com/nixlint/nixlint/report"
)

// UnusedSuppression is the id of the rule the engine itself evaluates once
// all other findings are known: a suppression that suppressed nothing. Its
// Analyzer (package rules/hygiene) only carries the documentation and the
// severity.
const UnusedSuppression = "unused-suppression"

// suppress applies the in-source directives and the configuration's
// [[exceptions]] to fs, then adds the unused-suppression findings (when
// that rule is enabled), which directives apply to as well.
func (r *runner) suppress(fs []report.Finding, known func(string) bool) []report.Finding {
	sets := make(map[string]*suppress.Set, len(r.files))
	for _, f := range r.files {
		if ds := suppress.Parse(f.AST, f.Src); len(ds) > 0 {
			sets[f.Path] = suppress.NewSet(ds)
		}
	}
	apply := func(fs []report.Finding) {
		for i := range fs {
			f := &fs[i]
			if f.Suppressed || f.Rule == InternalError.Name {
				continue
			}
			if d, ok := sets[f.File].Match(f.Rule, f.Line); ok {
				f.Suppressed, f.Reason, f.SuppressionKind = true, d.Reason, "inSource"
				continue
			}
			for _, e := range r.cfg.Exceptions {
				if e.Rule == f.Rule && matchGlob(e.Path, f.File) {
					f.Suppressed, f.Reason, f.SuppressionKind = true, e.Reason, "external"
					break
				}
			}
		}
	}
	apply(fs)

	a := r.plan.byName(UnusedSuppression)
	if a == nil {
		return fs
	}
	var unused []report.Finding
	paths := make([]string, 0, len(sets))
	for p := range sets {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		set := sets[p]
		f := r.fileByPath(p)
		for _, d := range set.Directives {
			for _, msg := range r.unusedMessages(set, d, known) {
				unused = append(unused, r.newFinding(a.Name, r.plan.severity[a], f, d.Pos, d.End, msg, ""))
			}
		}
	}
	apply(unused)
	return append(fs, unused...)
}

// unusedMessages explains what is wrong with directive d, if anything.
func (r *runner) unusedMessages(set *suppress.Set, d *suppress.Directive, known func(string) bool) []string {
	if d.Bad != "" {
		return []string{d.Bad}
	}
	var out []string
	for _, rule := range d.Rules {
		switch {
		case rule == UnusedSuppression:
			// Naming this rule silences it; it is not itself "unused".
		case !known(rule):
			msg := fmt.Sprintf("suppression names unknown rule %q, so it suppresses nothing", rule)
			if s := closest(rule, r.plan.names); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			out = append(out, msg+"; nixlint rules lists the rule ids")
		case !r.plan.enabled(rule):
			// The rule did not run: the directive cannot be judged.
		case set.Used(d, rule):
		case d.Kind == suppress.File:
			out = append(out, fmt.Sprintf("suppression of %s matched no finding in this file: remove it", rule))
		case d.Target == 0:
			out = append(out, fmt.Sprintf("suppression of %s is followed by no code line it could apply to: remove it", rule))
		default:
			out = append(out, fmt.Sprintf("suppression of %s matched no finding on line %d: remove it", rule, d.Target))
		}
	}
	return out
}

func (r *runner) fileByPath(p string) *analysis.File {
	for _, f := range r.files {
		if f.Path == p {
			return f
		}
	}
	return nil
}

// byName returns the enabled analyzer named name, or nil.
func (p *plan) byName(name string) *analysis.Analyzer {
	for a := range p.severity {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// closest returns the known rule id nearest to s, if close enough to be a
// typo.
func closest(s string, names []string) string {
	best, _ := didyoumean.Typo(s, names)
	return best
}
