package registry_test

import (
	"testing"

	"github.com/nixlint/nixlint/analysis/analysistest"
	"github.com/nixlint/nixlint/rules/registry"
)

// TestDocs checks that every rule's documentation is complete, that its
// page says what it says, and that the documented violation is reported
// while the documented fix is not. The roles the examples name exist.
func TestDocs(t *testing.T) {
	roles := map[string]string{
		"roles/dns.nix":  "{ ... }: { }",
		"roles/web.nix":  "{ ... }: { }",
		"roles/mail.nix": "{ ... }: { }",
	}
	for _, a := range registry.Analyzers() {
		analysistest.DocExamples(t, a, "../../docs/rules", "modules/infrastructure/example.nix", roles)
	}
}
