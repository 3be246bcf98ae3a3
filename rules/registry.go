// Package rules lists every rule nixlint has. The rules themselves live in
// one package per family (rules/language, rules/hygiene, ...).
package rules

import (
	"sort"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/engine"
	"github.com/nixlint/nixlint/rules/architecture"
	"github.com/nixlint/nixlint/rules/conventions"
	"github.com/nixlint/nixlint/rules/hygiene"
	"github.com/nixlint/nixlint/rules/language"
	"github.com/nixlint/nixlint/rules/registry"
)

// All returns every rule, sorted by id. Shared analyses are not listed:
// they run when a rule requires them.
func All() []*analysis.Analyzer {
	all := []*analysis.Analyzer{
		engine.InternalError,
		engine.StaleBaseline,
		hygiene.SuppressionReason,
		hygiene.UnusedSuppression,
		language.DuplicateAttr,
		language.SyntaxError,
		language.UndefinedVariable,
	}
	all = append(all, architecture.Analyzers()...)
	all = append(all, conventions.Analyzers()...)
	all = append(all, registry.Analyzers()...)
	sort.Slice(all, func(i, j int) bool { return all[i].Name < all[j].Name })
	return all
}

// Lookup returns the rule with the given id, or nil.
func Lookup(id string) *analysis.Analyzer {
	for _, a := range All() {
		if a.Name == id {
			return a
		}
	}
	return nil
}
