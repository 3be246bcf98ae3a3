package report

import (
	"sort"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

// ProjectURL is nixlint's home page, the SARIF driver's informationUri.
const ProjectURL = "https://github.com/nixlint/nixlint"

// RuleDocsBaseURL is where docs/rules/<id>.md is published; a rule's
// helpUri defaults to RuleDocsBaseURL + id + ".md".
const RuleDocsBaseURL = ProjectURL + "/blob/main/docs/rules/"

// GitHub code scanning limits (docs: sarif-limits) and SARIF field limits.
const (
	maxSARIFResults     = 25000 // results per run
	maxSARIFRules       = 25000 // rules per run
	maxSARIFTags        = 20    // tags per rule
	maxSARIFDescription = 1024  // shortDescription and fullDescription
	maxSARIFRuleName    = 255
)

// ruleHelpURI returns the documentation URL of a rule.
func ruleHelpURI(r *RuleInfo) string {
	if r.HelpURI != "" {
		return r.HelpURI
	}
	return RuleDocsBaseURL + relativeURI(r.ID) + ".md"
}

// sarifRules returns the rules to describe in tool.driver.rules: every rule
// of the run, in the engine's order, then a stub for any rule id a finding
// uses that the run did not list (an internal-error pseudo-rule, say), so
// every result has a ruleIndex and GitHub finds help for it.
func sarifRules(res *Result) []RuleInfo {
	seen := make(map[string]bool)
	var rules []RuleInfo
	for _, r := range res.Rules {
		if r.ID == "" || seen[r.ID] {
			continue
		}
		seen[r.ID] = true
		rules = append(rules, r)
	}
	var extra []string
	for i := range res.Findings {
		id := ruleID(&res.Findings[i])
		if !seen[id] {
			seen[id] = true
			extra = append(extra, id)
		}
	}
	sort.Strings(extra)
	for _, id := range extra {
		rules = append(rules, RuleInfo{ID: id, Severity: SeverityWarning})
	}
	if len(rules) > maxSARIFRules {
		rules = rules[:maxSARIFRules]
	}
	return rules
}

// ruleID is the SARIF ruleId of a finding: its rule, or "unknown" when the
// engine left it empty (an empty id would not match any rule).
func ruleID(f *Finding) string {
	if f.Rule == "" {
		return "unknown"
	}
	return f.Rule
}

// addSARIFRule describes r in run with everything GitHub shows or requires:
// short and full description (at most 1024 characters each), help as text
// and Markdown, helpUri, default level, precision, problem.severity and at
// most 20 tags.
func addSARIFRule(run *sarif.Run, r *RuleInfo) {
	id := r.ID
	short := firstNonEmpty(r.Summary, r.Description, "Findings of the nixlint rule "+id+".")
	full := firstNonEmpty(r.Description, short)
	helpURI := ruleHelpURI(r)
	helpText := strings.TrimSpace(firstNonEmpty(r.Help, full))
	if !strings.Contains(helpText, helpURI) {
		helpText += "\n\nDocumentation: " + helpURI
	}
	helpMD := strings.TrimSpace(firstNonEmpty(r.HelpMarkdown, markdownParagraphs(firstNonEmpty(r.Help, full))))
	if !strings.Contains(helpMD, helpURI) {
		helpMD += "\n\n[Documentation](" + helpURI + ")"
	}
	sev := r.Severity
	level := sarifLevel(sev)
	if sev == "off" {
		level = sarif.LevelNone
	}

	props := sarif.NewPropertyBag().
		Add("precision", firstNonEmpty(r.Precision, "high")).
		Add("problem.severity", problemSeverity(sev))
	seen := make(map[string]bool)
	for _, t := range r.Tags {
		if t == "" || seen[t] || len(props.Tags) >= maxSARIFTags {
			continue
		}
		seen[t] = true
		props.AddTag(t)
	}

	rule := run.AddRule(id)
	// SARIF1001: a name identical to the id (ignoring case) must be left out.
	if name := truncateUTF16(pascalCase(id), maxSARIFRuleName); name != "" && !strings.EqualFold(name, id) {
		rule.WithName(name)
	}
	rule.WithShortDescription(sarif.NewMultiformatMessageString().WithText(truncateUTF16(oneLine(short), maxSARIFDescription))).
		WithFullDescription(sarif.NewMultiformatMessageString().WithText(truncateUTF16(full, maxSARIFDescription))).
		WithHelp(sarif.NewMultiformatMessageString().WithText(helpText).WithMarkdown(helpMD)).
		WithHelpURI(helpURI).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(level)).
		WithProperties(props)
}

// sarifLevel maps a severity to a SARIF level; unknown ones are warnings,
// SARIF's default.
func sarifLevel(sev string) string {
	switch sev {
	case SeverityError:
		return sarif.LevelError
	case SeverityNote:
		return sarif.LevelNote
	}
	return sarif.LevelWarning
}

// problemSeverity maps a severity to GitHub's properties.problem.severity,
// which calls a note a "recommendation".
func problemSeverity(sev string) string {
	switch sev {
	case SeverityError:
		return "error"
	case SeverityNote, "off":
		return "recommendation"
	}
	return "warning"
}

// oneLine returns the first line of s, trimmed: GitHub shows the short
// description on one line.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' || s[i] == '\r' {
			return s[:i]
		}
	}
	return s
}
