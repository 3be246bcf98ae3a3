package engine

import (
	"fmt"
	"sort"
	"strings"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/report"
)

// InternalError is the rule under which the engine reports its own
// failures: a rule that panicked or returned an error, a parser crash. It
// cannot be disabled, and any such finding makes nixlint exit with code 2.
var InternalError = &analysis.Analyzer{
	Name:     "internal-error",
	Severity: analysis.Error,
	Doc: `nixlint failed internally while analysing the repository
A rule panicked or failed, or the parser crashed on a file. The other
rules' findings are still reported, but the run is incomplete, so nixlint
exits with code 2. The message names the rule and the file; please report
it with that file.`,
	Docs: &analysis.Docs{
		Principle: "A linter must never hide a failure behind a clean result.",
		Bad:       "(a bug in nixlint)",
		Good:      "(report it at the project's issue tracker with the file named in the message)",
	},
}

// StaleBaseline reports baseline entries that matched no finding.
var StaleBaseline = &analysis.Analyzer{
	Name:     "stale-baseline",
	Severity: analysis.Note,
	Doc: `a baseline entry matches no finding any more
The finding the baseline recorded has been fixed (or its code changed).
Write the baseline again with --write-baseline so that it lists only the
findings that remain, and a reintroduced problem is not hidden.`,
	Docs: &analysis.Docs{
		Principle: "Document any deviations from this scheme (CONVENTIONS.md): a baseline is such a record and must stay true.",
		Bad:       "nixlint --baseline .nixlint-baseline.json   # the baseline lists a finding fixed since",
		Good:      "nixlint --write-baseline .nixlint-baseline.json   # regenerate it",
	},
}

// HelpURI returns the address of a rule's documentation page.
func HelpURI(id string) string {
	return "https://github.com/nixlint/nixlint/blob/main/docs/rules/" + id + ".md"
}

// RuleInfo returns the metadata formatters show for a rule.
func RuleInfo(a *analysis.Analyzer) report.RuleInfo {
	ri := report.RuleInfo{
		ID:          a.Name,
		Severity:    a.Severity.String(),
		Summary:     a.Title(),
		Description: oneParagraph(a.Description()),
		HelpURI:     HelpURI(a.Name),
	}
	if ri.Description == "" {
		ri.Description = ri.Summary
	}
	var text, md strings.Builder
	fmt.Fprintf(&text, "%s\n\n%s\n", ri.Summary, ri.Description)
	fmt.Fprintf(&md, "**%s**\n\n%s\n", ri.Summary, ri.Description)
	if d := a.Docs; d != nil {
		ri.Tags = append(ri.Tags, d.Tags...)
		if d.Principle != "" {
			fmt.Fprintf(&text, "\nPrinciple: %s\n", d.Principle)
			fmt.Fprintf(&md, "\n> %s\n", d.Principle)
		}
		if d.Bad != "" {
			fmt.Fprintf(&text, "\nViolation:\n%s\n", indent(d.Bad))
			fmt.Fprintf(&md, "\nViolation:\n\n```nix\n%s\n```\n", strings.TrimSpace(d.Bad))
		}
		if d.Good != "" {
			fmt.Fprintf(&text, "\nFix:\n%s\n", indent(d.Good))
			fmt.Fprintf(&md, "\nFix:\n\n```nix\n%s\n```\n", strings.TrimSpace(d.Good))
		}
	}
	fmt.Fprintf(&text, "\nMore: %s\n", ri.HelpURI)
	fmt.Fprintf(&md, "\n[Documentation](%s)\n", ri.HelpURI)
	ri.Help, ri.HelpMarkdown = text.String(), md.String()
	return ri
}

// oneParagraph joins the hard-wrapped lines of each paragraph of s.
func oneParagraph(s string) string {
	paras := strings.Split(strings.TrimSpace(s), "\n\n")
	for i, p := range paras {
		paras[i] = strings.Join(strings.Fields(p), " ")
	}
	return strings.Join(paras, "\n\n")
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "    " + l
	}
	return strings.Join(lines, "\n")
}

// ruleInfos returns the metadata of every rule that ran, plus the engine's
// own rules when they produced findings, sorted by id.
func ruleInfos(p *plan, fs []report.Finding) []report.RuleInfo {
	seen := make(map[string]bool)
	var out []report.RuleInfo
	for a := range p.severity {
		seen[a.Name] = true
		ri := RuleInfo(a)
		ri.Severity = p.severity[a].String()
		out = append(out, ri)
	}
	for _, f := range fs {
		if f.Rule == InternalError.Name && !seen[f.Rule] {
			seen[f.Rule] = true
			out = append(out, RuleInfo(InternalError))
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
