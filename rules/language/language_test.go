package language_test

import (
	"testing"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/analysis/analysistest"
	"github.com/nixlint/nixlint/rules/language"
)

func TestRules(t *testing.T) {
	tests := []struct {
		fixture string
		rule    *analysis.Analyzer
	}{
		{"testdata/syntax-error.txtar", language.SyntaxError},
		{"testdata/duplicate-attr.txtar", language.DuplicateAttr},
		{"testdata/undefined-variable.txtar", language.UndefinedVariable},
	}
	for _, tt := range tests {
		t.Run(tt.rule.Name, func(t *testing.T) {
			analysistest.Run(t, tt.fixture, tt.rule)
		})
	}
}
