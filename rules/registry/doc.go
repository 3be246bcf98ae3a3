// Package registry holds the rules about the machine registry under
// modules/infrastructure/ (CONVENTIONS.md, "modules/infrastructure/"):
// registry-role-exists, registry-unused-role and registry-duplicate-host.
// They read the registry model (model/registry).
package registry

import "github.com/nixlint/nixlint/analysis"

// Analyzers returns the rules of the package.
func Analyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{RoleExists, UnusedRole, DuplicateHost}
}
