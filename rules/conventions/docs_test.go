package conventions_test

import (
	"testing"

	"github.com/nixlint/nixlint/analysis/analysistest"
	"github.com/nixlint/nixlint/rules/conventions"
)

// TestDocs checks that every rule's documentation is complete, that its
// page says what it says, and that the documented violation is reported
// while the documented fix is not.
func TestDocs(t *testing.T) {
	for _, a := range conventions.Analyzers() {
		analysistest.DocExamples(t, a, "../../docs/rules", "modules/infrastructure/example.nix", nil)
	}
}
