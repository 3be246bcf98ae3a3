package report

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// maxStepSummary is the size the job summary stays under: GitHub refuses a
// step summary over 1 MiB (with an error annotation). The margin leaves
// room for the truncation note and anything else the step writes.
const maxStepSummary = 1<<20 - 16<<10

// writeStepSummary writes the Markdown job summary: a table of counts and
// the full list of unsuppressed findings, worst first (errors, warnings,
// notes; then by file, line, column and rule), because the annotations
// GitHub shows stop at 10 per type and step.
func writeStepSummary(w io.Writer, res *Result) error {
	var b strings.Builder
	sm := &res.Summary
	tool := firstNonEmpty(res.Tool, "nixlint")
	fmt.Fprintf(&b, "## %s\n\n", markdownCell(tool))
	b.WriteString("| Errors | Warnings | Notes | Suppressed | Files | Skipped | Internal errors |\n")
	b.WriteString("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	fmt.Fprintf(&b, "| %d | %d | %d | %d | %d | %d | %d |\n\n",
		sm.Errors, sm.Warnings, sm.Notes, sm.Suppressed, sm.Files, sm.Skipped, sm.Internal)

	list := worstFirst(res.Findings)
	if len(list) == 0 {
		b.WriteString("No findings.\n")
		return writeAll(w, b.String())
	}

	helpURI := make(map[string]string, len(res.Rules))
	for i := range res.Rules {
		helpURI[res.Rules[i].ID] = ruleHelpURI(&res.Rules[i])
	}
	b.WriteString("| Severity | Location | Rule | Message |\n")
	b.WriteString("| --- | --- | --- | --- |\n")
	for n, f := range list {
		row := summaryRow(f, helpURI)
		if b.Len()+len(row) > maxStepSummary {
			fmt.Fprintf(&b, "\n%d more findings are not listed: GitHub limits a job summary to 1 MiB. Run nixlint with `--format json` for the full list.\n", len(list)-n)
			return writeAll(w, b.String())
		}
		b.WriteString(row)
	}
	return writeAll(w, b.String())
}

// summaryRow is one table row for f.
func summaryRow(f *Finding, helpURI map[string]string) string {
	s := spanOf(f)
	rule := markdownCell(ruleID(f))
	if u, ok := helpURI[f.Rule]; ok {
		rule = "[" + rule + "](" + u + ")"
	}
	msg := f.Message
	if f.Fix != "" {
		msg += "\nFix: " + f.Fix
	}
	return fmt.Sprintf("| %s | %s | %s | %s |\n",
		normSeverity(f.Severity),
		markdownCell(fmt.Sprintf("%s:%d:%d", f.File, s.Line, s.Column)),
		rule,
		markdownCell(msg))
}

// worstFirst returns the unsuppressed findings sorted by severity (worst
// first), file, line, column and rule; ties keep the engine's order.
func worstFirst(fs []Finding) []*Finding {
	var list []*Finding
	for i := range fs {
		if !fs[i].Suppressed {
			list = append(list, &fs[i])
		}
	}
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if ra, rb := severityRank(normSeverity(a.Severity)), severityRank(normSeverity(b.Severity)); ra != rb {
			return ra < rb
		}
		if a.File != b.File {
			return a.File < b.File
		}
		sa, sb := spanOf(a), spanOf(b)
		if sa.Line != sb.Line {
			return sa.Line < sb.Line
		}
		if sa.Column != sb.Column {
			return sa.Column < sb.Column
		}
		return a.Rule < b.Rule
	})
	return list
}

func writeAll(w io.Writer, s string) error {
	_, err := io.WriteString(w, s)
	return err
}
