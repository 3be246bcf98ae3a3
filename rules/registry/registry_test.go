package registry_test

import (
	"testing"

	"github.com/nixlint/nixlint/analysis/analysistest"
	"github.com/nixlint/nixlint/rules/registry"
)

func TestRoleExists(t *testing.T) {
	analysistest.Run(t, "testdata/registry-role-exists.txtar", registry.RoleExists)
}

func TestUnusedRole(t *testing.T) {
	analysistest.Run(t, "testdata/registry-unused-role.txtar", registry.UnusedRole)
	analysistest.Run(t, "testdata/registry-unused-role-dynamic.txtar", registry.UnusedRole)
	analysistest.Run(t, "testdata/registry-unused-role-generated.txtar", registry.UnusedRole)
}

func TestDuplicateHost(t *testing.T) {
	analysistest.Run(t, "testdata/registry-duplicate-host.txtar", registry.DuplicateHost)
	analysistest.Run(t, "testdata/registry-duplicate-host-hypervisor.txtar", registry.DuplicateHost)
}
