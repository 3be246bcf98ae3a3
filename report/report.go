// Package report turns the findings of a lint run into text, JSON, SARIF and
// GitHub workflow commands. Formatters know rules only through RuleInfo
// metadata; they never run analyses or read files.
package report

// Finding is one diagnostic, ready to print. Positions are 1-based; columns
// are byte columns (formatters that need another unit, such as SARIF's
// UTF-16 code units, convert with LineText).
type Finding struct {
	Rule      string // rule id, e.g. "module-self-enable"
	Severity  string // "error", "warning" or "note"
	File      string // path relative to the repository root, forward slashes
	Line      int
	Column    int
	EndLine   int
	EndColumn int // exclusive
	Message   string

	// LineText is the full text of line Line (without the newline), for the
	// caret display and column conversion. Empty when unknown.
	LineText string

	// Fingerprint identifies the finding independently of its line number
	// (rule, file and the offending content); used for the baseline and for
	// SARIF partialFingerprints.
	Fingerprint string

	Suppressed bool
	Reason     string // the suppression's reason, when Suppressed
	// SuppressionKind says where the suppression came from: "inSource" for
	// a # nixlint:ignore comment, "external" for [[exceptions]] or a baseline.
	SuppressionKind string

	// Fix is a human-readable suggested fix, if the rule offers one.
	Fix string
}

// RuleInfo is the metadata of a rule that formatters may show.
type RuleInfo struct {
	ID           string
	Severity     string // default severity
	Summary      string // one line
	Description  string // full description, plain text
	Help         string // plain-text help: principle, violation and fix
	HelpMarkdown string
	HelpURI      string
	Tags         []string

	// Precision is the SARIF precision of the rule's findings: "very-high",
	// "high", "medium" or "low". Empty means "high".
	Precision string
}

// Summary counts the findings of a run.
type Summary struct {
	Files      int // .nix files analysed
	Skipped    int // files skipped (git-crypt encrypted, excluded)
	Errors     int // unsuppressed findings by severity
	Warnings   int
	Notes      int
	Suppressed int
	Internal   int // internal errors (a rule panicked)
}

// Result is everything a formatter needs about one run.
type Result struct {
	Tool     string // "nixlint"
	Version  string
	Root     string // absolute repository root
	Rules    []RuleInfo
	Findings []Finding // sorted by file, line, column, rule
	Summary  Summary
}
