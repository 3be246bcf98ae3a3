package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

// go-sarif v3 rather than v2: v3 is the maintained line (v2.3.3 of 2024 is
// the last v2), validates against the embedded SARIF schema, and
// CreateResultForRule sets ruleIndex. Its verbose defaults (empty arrays,
// index -1, rank -1) are stripped by cleanSARIF.

const (
	// sarifSchemaURI is the schema URI GitHub's and CodeQL's own examples
	// use; go-sarif's default points into a repository layout that moved.
	sarifSchemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

	// srcRoot is the uriBaseId of every result location. GitHub ignores
	// it (the uri itself is repository-relative); other viewers resolve
	// it through run.originalUriBaseIds.
	srcRoot = "%SRCROOT%"

	// fingerprintKey names nixlint's partial fingerprint. It is not
	// primaryLocationLineHash: GitHub's upload-sarif computes that one
	// itself, from the checked-out file, when it is missing (codeql-action
	// src/fingerprints.ts), and a value of ours under that name would
	// follow a different algorithm than the one GitHub uses for runs that
	// omit it, breaking alert matching. Finding.Fingerprint hashes the
	// rule, the file and the offending content, so it survives edits
	// elsewhere in the file — the same key the baseline matches on.
	fingerprintKey = "nixlint/v1"
)

// semverPattern matches a SemVer 2.0 version, for driver.semanticVersion.
var semverPattern = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)

// writeSARIF writes a SARIF 2.1.0 log with one run (several runs of one
// tool and category in one upload are deprecated by GitHub).
func writeSARIF(w io.Writer, res *Result, opts Options) error {
	rep := buildSARIF(res, opts)
	data, err := marshalSARIF(rep)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// buildSARIF builds the go-sarif report for res.
func buildSARIF(res *Result, opts Options) *sarif.Report {
	rep := sarif.NewReport() // what report.NewV210Report returns, without importing the v2.2 package
	rep.Schema = sarifSchemaURI

	tool := firstNonEmpty(res.Tool, "nixlint")
	run := sarif.NewRunWithInformationURI(tool, ProjectURL).WithColumnKind("utf16CodeUnits")
	if v := strings.TrimPrefix(res.Version, "v"); semverPattern.MatchString(v) {
		run.Tool.Driver.SemanticVersion = &v
	}
	run.Tool.Driver.WithVersion(sarifVersion(res.Version))

	base := sarif.NewArtifactLocation().
		WithDescription(sarif.NewTextMessage("The root of the repository nixlint analysed (the directory holding flake.nix)."))
	if path.IsAbs(res.Root) {
		base.WithURI(fileURI(res.Root))
	}
	// WithOriginalUriBaseIds: AddOriginalUriBaseId writes to a map that
	// NewRun leaves nil and panics, like AddPartialFingerprint.
	run.WithOriginalUriBaseIds(map[string]sarif.ArtifactLocation{srcRoot: *base})

	if opts.Category != "" {
		// GitHub takes the category to be everything before the last
		// "/"; codeql-action appends the slash to its category input the
		// same way.
		id := opts.Category
		if !strings.HasSuffix(id, "/") {
			id += "/"
		}
		run.WithAutomationDetails(sarif.NewRunAutomationDetails().WithID(id))
	}

	for _, r := range sarifRules(res) {
		addSARIFRule(run, &r)
	}

	keep := selectResults(res.Findings, maxSARIFResults)
	for _, i := range keep {
		addSARIFResult(run, &res.Findings[i])
	}
	addNotifications(run, res, len(res.Findings)-len(keep))

	rep.AddRun(run)
	return rep
}

// sarifVersion returns the driver version to report. The validator warns
// (SARIF2005) when there is none, or when it does not start with a digit,
// as Go's "(devel)" for an unreleased build does: those become
// "0.0.0-devel" or "0.0.0-unknown".
func sarifVersion(v string) string {
	v = strings.TrimPrefix(v, "v")
	if v != "" && v[0] >= '0' && v[0] <= '9' {
		return v
	}
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if isUnreserved(v[i]) && v[i] != '~' && v[i] != '_' {
			b.WriteByte(v[i])
		}
	}
	return "0.0.0-" + firstNonEmpty(b.String(), "unknown")
}

// addSARIFResult adds the result for f. Every result gets exactly one
// physical location with a file: GitHub rejects the whole upload when one
// result has none, and uses only the first of several (it accepts at most
// 1 000 per result, so one is always within the limit).
func addSARIFResult(run *sarif.Run, f *Finding) {
	s := spanOf(f)
	region := sarif.NewRegion().
		WithStartLine(s.Line).
		WithStartColumn(utf16Column(f.LineText, s.Column)).
		WithEndLine(s.EndLine)
	if s.EndLine == s.Line {
		region.WithEndColumn(utf16Column(f.LineText, s.EndColumn))
		if text, ok := regionText(f.LineText, s); ok {
			region.WithSnippet(sarif.NewArtifactContent().WithText(text))
		}
	} else {
		// Only the first line's text is known: the end column of a
		// multi-line span stays in bytes, exact for ASCII lines.
		region.WithEndColumn(s.EndColumn)
	}

	file := f.File
	if file == "" {
		// Engine bug guard: anchor on the flake rather than emit an
		// empty uri, which would make GitHub reject the whole file.
		file = "flake.nix"
	}
	loc := sarif.NewPhysicalLocation().
		WithArtifactLocation(sarif.NewSimpleArtifactLocation(relativeURI(file)).WithURIBaseID(srcRoot)).
		WithRegion(region)

	msg := firstNonEmpty(f.Message, ruleID(f))
	result := run.CreateResultForRule(ruleID(f)).
		WithLevel(sarifLevel(f.Severity)).
		WithMessage(sarif.NewTextMessage(msg)).
		AddLocation(sarif.NewLocationWithPhysicalLocation(loc)).
		// WithPartialFingerprints, not AddPartialFingerprint: in go-sarif
		// v3.3.1 NewResult leaves the map nil and AddPartialFingerprint
		// panics with "assignment to entry in nil map".
		WithPartialFingerprints(map[string]string{fingerprintKey: fingerprint(f)})

	if f.Suppressed {
		kind := "inSource"
		if f.SuppressionKind == "external" {
			kind = "external"
		}
		sup := sarif.NewSuppression().WithKind(kind)
		if f.Reason != "" {
			sup.WithJustification(f.Reason)
		}
		result.AddSuppression(sup)
	}
}

// fingerprint returns f.Fingerprint, or, if the engine left it empty, a hash
// of what identifies the finding without its line number.
func fingerprint(f *Finding) string {
	if f.Fingerprint != "" {
		return f.Fingerprint
	}
	h := sha256.New()
	for _, part := range []string{f.Rule, f.File, f.Message, strings.TrimSpace(f.LineText)} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// selectResults returns the indices of the findings to emit, in their
// original order: all of them, or, past GitHub's limit of n results per
// run, the n that matter most (unsuppressed first, then by severity).
func selectResults(fs []Finding, n int) []int {
	idx := make([]int, len(fs))
	for i := range idx {
		idx[i] = i
	}
	if len(fs) <= n {
		return idx
	}
	sort.SliceStable(idx, func(a, b int) bool {
		fa, fb := &fs[idx[a]], &fs[idx[b]]
		if fa.Suppressed != fb.Suppressed {
			return !fa.Suppressed
		}
		return severityRank(fa.Severity) < severityRank(fb.Severity)
	})
	idx = idx[:n]
	sort.Ints(idx)
	return idx
}

// addNotifications records, as tool execution notifications of a single
// invocation, what a reader of the SARIF alone would otherwise miss:
// results dropped to stay within GitHub's limit, and internal errors.
func addNotifications(run *sarif.Run, res *Result, dropped int) {
	var notes []*sarif.Notification
	if dropped > 0 {
		notes = append(notes, sarif.NewNotification().WithLevel(sarif.LevelWarning).WithMessage(sarif.NewTextMessage(fmt.Sprintf(
			"SARIF output truncated: %d of %d results omitted to stay within GitHub code scanning's limit of %d results per run (suppressed and less severe results first); run nixlint --format json for the full list.",
			dropped, len(res.Findings), maxSARIFResults))))
	}
	if res.Summary.Internal > 0 {
		notes = append(notes, sarif.NewNotification().WithLevel(sarif.LevelError).WithMessage(sarif.NewTextMessage(fmt.Sprintf(
			"%s: some rules did not complete; run nixlint --format text for details.", plural(res.Summary.Internal, "internal error")))))
	}
	if len(notes) == 0 {
		return
	}
	inv := sarif.NewInvocation().WithExecutionSuccessful(res.Summary.Internal == 0)
	for _, n := range notes {
		inv.AddToolExecutionNotification(n)
	}
	run.AddInvocation(inv)
}

// maxSnippetBytes bounds region snippets: a finding on a generated
// one-line file must not copy megabytes into the log.
const maxSnippetBytes = 400

// regionText returns the text of a one-line span, for region.snippet,
// which lets SARIF viewers show the code without the checkout. It reports
// false when the span is empty, runs past the line, or is too long.
func regionText(line string, s span) (string, bool) {
	from, to := s.Column-1, s.EndColumn-1
	if from >= to || to > len(line) || to-from > maxSnippetBytes {
		return "", false
	}
	return strings.ToValidUTF8(line[from:to], "\uFFFD"), true
}
