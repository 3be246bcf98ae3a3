package hygiene_test

import (
	"testing"

	"github.com/nixlint/nixlint/analysis/analysistest"
	"github.com/nixlint/nixlint/rules/hygiene"
	"github.com/nixlint/nixlint/rules/language"
)

func TestSuppressionReason(t *testing.T) {
	analysistest.Run(t, "testdata/suppression-reason.txtar", hygiene.SuppressionReason, language.UndefinedVariable)
}

func TestUnusedSuppression(t *testing.T) {
	analysistest.Run(t, "testdata/unused-suppression.txtar", hygiene.UnusedSuppression, language.UndefinedVariable, language.DuplicateAttr)
}
