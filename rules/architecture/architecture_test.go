package architecture_test

import (
	"testing"

	"github.com/nixlint/nixlint/analysis/analysistest"
	"github.com/nixlint/nixlint/rules/architecture"
)

func TestDomainFolders(t *testing.T) {
	analysistest.Run(t, "testdata/domain-folders.txtar", architecture.DomainFolders)
	analysistest.Run(t, "testdata/domain-folders-allowed.txtar", architecture.DomainFolders)
}

func TestFlatHierarchy(t *testing.T) {
	analysistest.Run(t, "testdata/flat-hierarchy.txtar", architecture.FlatHierarchy)
	analysistest.Run(t, "testdata/flat-hierarchy-exception.txtar", architecture.FlatHierarchy)
}

func TestModuleSelfEnable(t *testing.T) {
	analysistest.Run(t, "testdata/module-self-enable.txtar", architecture.ModuleSelfEnable)
}

func TestRoleOnlyCompose(t *testing.T) {
	analysistest.Run(t, "testdata/role-only-compose.txtar", architecture.RoleOnlyCompose)
	analysistest.Run(t, "testdata/role-only-compose-allow.txtar", architecture.RoleOnlyCompose)
}

func TestRoleMachineAgnostic(t *testing.T) {
	analysistest.Run(t, "testdata/role-machine-agnostic.txtar", architecture.RoleMachineAgnostic)
}

func TestFirewallToggle(t *testing.T) {
	analysistest.Run(t, "testdata/firewall-toggle.txtar", architecture.FirewallToggle)
}

// TestHomelab runs every architecture rule over a realistic repository
// written the way the conventions ask: nothing may be reported.
func TestHomelab(t *testing.T) {
	analysistest.Run(t, "testdata/homelab.txtar", architecture.Analyzers()...)
}

// TestHomelabViolations injects one violation of each rule into the same
// homelab: each must be found at its line, and nothing else.
func TestHomelabViolations(t *testing.T) {
	analysistest.Run(t, "testdata/homelab-violations.txtar", architecture.Analyzers()...)
}

// TestOtherLayout runs every rule over a repository with another layout:
// no folder the rules know exists, so nothing may be reported.
func TestOtherLayout(t *testing.T) {
	analysistest.Run(t, "testdata/other-layout.txtar", architecture.Analyzers()...)
}
