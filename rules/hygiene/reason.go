package hygiene

import (
	"strings"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/engine/suppress"
)

// SuppressionReason reports suppression comments that give no reason.
var SuppressionReason = &analysis.Analyzer{
	Name:     "suppression-reason",
	Severity: analysis.Warning,
	Doc: `a suppression comment gives no reason
A "# nixlint:ignore rule" or "# nixlint:ignore-file rule" comment must say
why the rule does not apply, after " -- ". The suppression still applies
without one; this rule makes the missing explanation visible.`,
	Run: runReason,
	Docs: &analysis.Docs{
		Principle: `"Document any deviations from this scheme" and "Document any exceptions" (CONVENTIONS.md).`,
		Bad:       `services.openssh.enable = true; # nixlint:ignore module-self-enable`,
		Good:      `services.openssh.enable = true; # nixlint:ignore module-self-enable -- every machine needs ssh for deployment`,
		Tags:      []string{"hygiene"},
	},
}

func runReason(pass *analysis.Pass) (any, error) {
	pass.ForEachFile(func(f *analysis.File) {
		for _, d := range suppress.Parse(f.AST, f.Src) {
			if d.Bad != "" || d.HasReason() {
				continue
			}
			verb := "ignore"
			if d.Kind == suppress.File {
				verb = "ignore-file"
			}
			pass.Report(analysis.Diagnostic{
				Pos: d.Pos, End: d.End,
				Message: "suppression of " + strings.Join(d.Rules, ", ") + " gives no reason: say why after \" -- \"",
				Fix:     "# nixlint:" + verb + " " + strings.Join(d.Rules, ",") + " -- <why the rule does not apply here>",
			})
		}
	})
	return nil, nil
}
