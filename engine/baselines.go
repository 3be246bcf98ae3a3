package engine

import (
	"fmt"

	"github.com/nixlint/nixlint/engine/baseline"
	"github.com/nixlint/nixlint/report"
)

// applyBaseline writes the baseline file when asked, then hides the
// findings the baseline lists (Suppressed, kind "external", reason
// "baseline"). Entries that match no finding are reported by the
// stale-baseline rule (a note, when enabled), at line 1 of their file:
// the finding they recorded is gone and the entry should be removed by
// writing the baseline again. Entries for files outside the paths given on
// the command line are not judged.
func applyBaseline(fs []report.Finding, read, write string, only []string, p *plan) ([]report.Finding, error) {
	var b *baseline.Baseline
	if read != "" {
		var err error
		if b, err = baseline.Read(read); err != nil {
			return nil, err
		}
	}
	if write != "" {
		nb := &baseline.Baseline{Version: baseline.Version}
		for _, f := range fs {
			if !f.Suppressed && f.Rule != InternalError.Name && f.Rule != StaleBaseline.Name {
				nb.Entries = append(nb.Entries, baseline.Entry{Rule: f.Rule, File: f.File, Fingerprint: f.Fingerprint, Message: f.Message})
			}
		}
		if err := nb.Write(write); err != nil {
			return nil, err
		}
		b = nb // what was just recorded is hidden, and nothing is stale
	}
	if b == nil {
		return fs, nil
	}
	m := baseline.NewMatcher(b)
	for i := range fs {
		f := &fs[i]
		if f.Suppressed || f.Rule == InternalError.Name {
			continue
		}
		if m.Match(f.Rule, f.File, f.Fingerprint) {
			f.Suppressed, f.Reason, f.SuppressionKind = true, "baseline", "external"
		}
	}
	a := p.byName(StaleBaseline.Name)
	if a == nil {
		return fs, nil
	}
	for _, e := range m.Stale() {
		if !inOnly(e.File, only) {
			continue
		}
		fs = append(fs, report.Finding{
			Rule:      a.Name,
			Severity:  p.severity[a].String(),
			File:      e.File,
			Line:      1,
			Column:    1,
			EndLine:   1,
			EndColumn: 1,
			Message: fmt.Sprintf("baseline entry for %s no longer matches any finding (it recorded: %s); write the baseline again with --write-baseline to drop it",
				e.Rule, orUnknown(e.Message)),
			Fingerprint: e.Fingerprint,
		})
	}
	return fs, nil
}

func orUnknown(s string) string {
	if s == "" {
		return "no message"
	}
	return s
}
