package hygiene

import (
	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/engine"
)

// UnusedSuppression reports suppression comments that suppress nothing.
// Which suppressions matched a finding is only known once every other rule
// has run, so the engine evaluates this rule itself after them; the
// Analyzer carries its id, severity and documentation, and enabling or
// disabling it works as for any rule.
var UnusedSuppression = &analysis.Analyzer{
	Name:     engine.UnusedSuppression,
	Severity: analysis.Note,
	Doc: `a suppression comment suppresses nothing
A "# nixlint:ignore" comment that matched no finding is stale: the problem
was fixed, or the comment sits on the wrong line, or it names a rule that
does not exist (a typo). Remove it, or move it to the line of the finding
(the line it ends, or the line just below it when it stands alone). A
suppression naming a rule that is disabled is not reported.`,
	Docs: &analysis.Docs{
		Principle: `"Document any exceptions" (CONVENTIONS.md): a documented exception that no longer exists misleads the reader.`,
		Bad: `# nixlint:ignore duplicate-atr -- kept for compatibility
networking.hostName = "dns-01";`,
		Good: `networking.hostName = "dns-01";`,
		Tags: []string{"hygiene"},
	},
}
