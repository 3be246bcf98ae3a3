package conventions_test

import (
	"testing"

	"github.com/nixlint/nixlint/analysis/analysistest"
	"github.com/nixlint/nixlint/rules/conventions"
)

func TestIDRange(t *testing.T) {
	analysistest.Run(t, "testdata/vm-id-range.txtar", conventions.IDRange)
}

func TestIDCategory(t *testing.T) {
	analysistest.Run(t, "testdata/vm-id-category.txtar", conventions.IDCategory)
}

func TestIDUnique(t *testing.T) {
	analysistest.Run(t, "testdata/vm-id-unique.txtar", conventions.IDUnique)
}

func TestIDTemplate(t *testing.T) {
	analysistest.Run(t, "testdata/vm-id-template.txtar", conventions.IDTemplate)
}

func TestNameFormat(t *testing.T) {
	analysistest.Run(t, "testdata/vm-name-format.txtar", conventions.NameFormat)
}

func TestNamePrefix(t *testing.T) {
	analysistest.Run(t, "testdata/vm-name-prefix.txtar", conventions.NamePrefix)
}

func TestNameSequence(t *testing.T) {
	analysistest.Run(t, "testdata/vm-name-sequence.txtar", conventions.NameSequence)
}

func TestNameUnique(t *testing.T) {
	analysistest.Run(t, "testdata/vm-name-unique.txtar", conventions.NameUnique)
}

func TestNameEnvPrefix(t *testing.T) {
	analysistest.Run(t, "testdata/vm-name-env-prefix.txtar", conventions.NameEnvPrefix)
}

func TestHostnames(t *testing.T) {
	analysistest.Run(t, "testdata/hostnames.txtar", conventions.NameFormat, conventions.NamePrefix)
	analysistest.Run(t, "testdata/hostnames-off.txtar", conventions.Analyzers()...)
}

func TestExtendSources(t *testing.T) {
	analysistest.Run(t, "testdata/extend-sources.txtar", conventions.Analyzers()...)
}

func TestSources(t *testing.T) {
	analysistest.Run(t, "testdata/sources.txtar", conventions.Analyzers()...)
}
