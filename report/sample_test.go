package report

// sampleResult is a hand-made run with findings of many rules: suppressed
// ones (in source and external), unicode before the span, a path with
// spaces and URI-special characters, a multi-line span, a fix, and a rule
// the run did not list.
func sampleResult() *Result {
	return &Result{
		Tool:    "nixlint",
		Version: "0.1.0",
		Root:    "/work/home lab",
		Rules: []RuleInfo{
			{ID: "syntax-error", Severity: "error", Summary: "The file is not valid Nix.", Description: "Nix rejects the file.", Help: "Fix the syntax error.", Tags: []string{"language"}},
			{ID: "duplicate-attr", Severity: "error", Summary: "An attribute is defined twice.", Description: "Nix rejects an attribute set that defines a name twice.", Help: "Remove one definition.", HelpMarkdown: "Remove **one** definition.", Tags: []string{"language", "correctness"}, Precision: "very-high"},
			{ID: "undefined-variable", Severity: "error", Summary: "A variable is not in scope.", Description: "Evaluation fails on an undefined variable.", Help: "Bind the variable or fix its name.", Tags: []string{"language"}},
			{ID: "module-self-enable", Severity: "warning", Summary: "A module enables itself.", Description: "Modules expose options; hosts decide.", Help: "Move the enable to the host."},
			{ID: "suppression-reason", Severity: "note", Summary: "A suppression has no reason.", Description: "Every suppression should say why.", Help: "Add -- reason."},
			{ID: "unused-suppression", Severity: "warning", Summary: "A suppression matched nothing.", Description: "Stale suppressions hide future findings.", Help: "Remove it."},
		},
		Findings: []Finding{
			{Rule: "syntax-error", Severity: "error", File: "hosts/my host/default.nix", Line: 3, Column: 7, EndLine: 3, EndColumn: 8, Message: "unexpected '}'", LineText: "  x = }", Fingerprint: "fp-syntax"},
			{Rule: "duplicate-attr", Severity: "error", File: "hosts/a#b%c.nix", Line: 2, Column: 17, EndLine: 2, EndColumn: 21, Message: "attribute \"name\" already defined at line 1", LineText: "  # 😀 日本 name = 1;", Fingerprint: "fp-dup", Fix: "remove one of the definitions"},
			{Rule: "undefined-variable", Severity: "error", File: "modules/ünï.nix", Line: 5, Column: 3, EndLine: 7, EndColumn: 2, Message: "undefined variable 'pkgz'", LineText: "  pkgz.hello", Fingerprint: "fp-undef"},
			{Rule: "module-self-enable", Severity: "warning", File: "modules/web.nix", Line: 10, Column: 5, EndLine: 10, EndColumn: 30, Message: "module enables itself", LineText: "    services.web.enable = true;", Fingerprint: "fp-self", Suppressed: true, Reason: "legacy module, tracked in #12", SuppressionKind: "inSource"},
			{Rule: "module-self-enable", Severity: "warning", File: "modules/db.nix", Line: 4, Column: 5, EndLine: 4, EndColumn: 20, Message: "module enables itself", LineText: "    db.enable = true;", Fingerprint: "fp-self2", Suppressed: true, Reason: "baseline", SuppressionKind: "external"},
			{Rule: "suppression-reason", Severity: "note", File: "modules/web.nix", Line: 9, Column: 5, EndLine: 9, EndColumn: 40, Message: "suppression without a reason", LineText: "    # nixlint:ignore module-self-enable", Fingerprint: "fp-reason"},
			{Rule: "unused-suppression", Severity: "warning", File: "flake.nix", Line: 1, Column: 1, EndLine: 1, EndColumn: 1, Message: "suppression of \"x\" matched nothing", Fingerprint: "fp-unused"},
			{Rule: "internal-error", Severity: "error", File: "flake.nix", Line: 1, Column: 1, Message: "rule \"x\" panicked: index out of range", Fingerprint: ""},
		},
		Summary: Summary{Files: 12, Skipped: 1, Errors: 4, Warnings: 1, Notes: 1, Suppressed: 2, Internal: 1},
	}
}
