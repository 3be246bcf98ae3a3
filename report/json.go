package report

import (
	"encoding/json"
	"io"
)

// JSONVersion is the version of the JSON output schema (docs/output.md).
// It changes only when a field is removed or changes meaning; new fields
// may appear without a bump.
const JSONVersion = 1

// jsonOutput is the top-level JSON document. Struct fields, not maps, so the
// key order is fixed and the bytes are deterministic.
type jsonOutput struct {
	Version  int           `json:"version"`
	Findings []jsonFinding `json:"findings"`
	Summary  jsonSummary   `json:"summary"`
}

type jsonFinding struct {
	Rule            string `json:"rule"`
	Severity        string `json:"severity"`
	File            string `json:"file"`
	Line            int    `json:"line"`
	Column          int    `json:"column"`
	EndLine         int    `json:"endLine"`
	EndColumn       int    `json:"endColumn"`
	Message         string `json:"message"`
	Suppressed      bool   `json:"suppressed"`
	Reason          string `json:"reason,omitempty"`
	SuppressionKind string `json:"suppressionKind,omitempty"`
	Fix             string `json:"fix,omitempty"`
	Fingerprint     string `json:"fingerprint"`
}

type jsonSummary struct {
	Files      int `json:"files"`
	Skipped    int `json:"skipped"`
	Errors     int `json:"errors"`
	Warnings   int `json:"warnings"`
	Notes      int `json:"notes"`
	Suppressed int `json:"suppressed"`
	Internal   int `json:"internal"`
}

// writeJSON writes every finding, suppressed ones included (with
// "suppressed": true), so scripts can audit suppressions.
func writeJSON(w io.Writer, res *Result, _ Options) error {
	out := jsonOutput{
		Version:  JSONVersion,
		Findings: make([]jsonFinding, 0, len(res.Findings)),
		Summary: jsonSummary{
			Files:      res.Summary.Files,
			Skipped:    res.Summary.Skipped,
			Errors:     res.Summary.Errors,
			Warnings:   res.Summary.Warnings,
			Notes:      res.Summary.Notes,
			Suppressed: res.Summary.Suppressed,
			Internal:   res.Summary.Internal,
		},
	}
	for i := range res.Findings {
		f := &res.Findings[i]
		s := spanOf(f)
		jf := jsonFinding{
			Rule:        f.Rule,
			Severity:    normSeverity(f.Severity),
			File:        f.File,
			Line:        s.Line,
			Column:      s.Column,
			EndLine:     s.EndLine,
			EndColumn:   s.EndColumn,
			Message:     f.Message,
			Suppressed:  f.Suppressed,
			Fix:         f.Fix,
			Fingerprint: f.Fingerprint,
		}
		if f.Suppressed {
			jf.Reason = f.Reason
			jf.SuppressionKind = f.SuppressionKind
		}
		out.Findings = append(out.Findings, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // messages quote Nix code: keep <, > and & readable
	enc.SetIndent("", "  ")
	return enc.Encode(out) // Encode ends with the trailing newline
}
