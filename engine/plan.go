package engine

import (
	"fmt"
	"sort"
	"strings"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/config"
)

// plan is the set of analyzers to run, in dependency order, with each
// rule's effective severity.
type plan struct {
	order    []*analysis.Analyzer                     // every analyzer to run, requirements first
	severity map[*analysis.Analyzer]analysis.Severity // enabled rules only
	userSet  map[string]bool                          // rules whose severity the user configured
	names    []string                                 // every rule id that exists, sorted, for did-you-mean
}

// newPlan decides which rules run. A rule runs when its effective severity
// is not off: the configured severity if any, else its default; --disable
// turns it off, --enable on (at its default severity, or warning for a rule
// that is off by default). A rule named in both is off.
func newPlan(all []*analysis.Analyzer, cfg *config.Config, enable, disable []string) (*plan, error) {
	byName := make(map[string]*analysis.Analyzer)
	for _, a := range all {
		byName[a.Name] = a
	}
	for _, n := range append(append([]string(nil), enable...), disable...) {
		if a, ok := byName[n]; !ok || !a.IsRule() {
			return nil, fmt.Errorf("%w: unknown rule %q (nixlint rules lists them)", ErrUsage, n)
		}
	}
	p := &plan{
		severity: make(map[*analysis.Analyzer]analysis.Severity),
		userSet:  make(map[string]bool),
	}
	for _, a := range all {
		if !a.IsRule() {
			continue
		}
		p.names = append(p.names, a.Name)
		sev := a.Severity
		if rc, ok := cfg.Rules[a.Name]; ok && rc.Severity != "" {
			s, err := analysis.ParseSeverity(rc.Severity)
			if err != nil {
				return nil, fmt.Errorf("%s: rules.%s.severity: %w", configName(cfg), a.Name, err)
			}
			sev = s
			p.userSet[a.Name] = true
		}
		if contains(enable, a.Name) && sev == analysis.Off {
			sev = a.Severity
			if sev == analysis.Off {
				sev = analysis.Warning
			}
		}
		if contains(disable, a.Name) {
			sev = analysis.Off
		}
		if sev != analysis.Off {
			p.severity[a] = sev
		}
	}
	sort.Strings(p.names)
	// Order: depth-first over requirements, rules in name order, so the run
	// is the same every time.
	var roots []*analysis.Analyzer
	for a := range p.severity {
		roots = append(roots, a)
	}
	sort.Slice(roots, func(i, j int) bool { return roots[i].Name < roots[j].Name })
	state := make(map[*analysis.Analyzer]int) // 1 visiting, 2 done
	var visit func(a *analysis.Analyzer, path []string) error
	visit = func(a *analysis.Analyzer, path []string) error {
		switch state[a] {
		case 1:
			return fmt.Errorf("analyzers require each other in a cycle: %s", strings.Join(append(path, a.Name), " -> "))
		case 2:
			return nil
		}
		state[a] = 1
		for _, r := range a.Requires {
			if err := visit(r, append(path, a.Name)); err != nil {
				return err
			}
		}
		state[a] = 2
		p.order = append(p.order, a)
		return nil
	}
	for _, a := range roots {
		if err := visit(a, nil); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// enabled reports whether the rule named name runs.
func (p *plan) enabled(name string) bool {
	for a := range p.severity {
		if a.Name == name {
			return true
		}
	}
	return false
}

func configName(cfg *config.Config) string {
	if cfg.File == "" {
		return "configuration"
	}
	return cfg.File
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
