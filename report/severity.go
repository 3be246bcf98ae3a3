package report

import "strconv"

// Severities, worst first, as Finding.Severity and RuleInfo.Severity spell
// them.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
	SeverityNote    = "note"
)

// severityRank orders severities worst first; unknown ones sort last.
func severityRank(s string) int {
	switch s {
	case SeverityError:
		return 0
	case SeverityWarning:
		return 1
	case SeverityNote:
		return 2
	}
	return 3
}

// normSeverity maps an unknown severity to warning, the SARIF default
// level, so every format shows something valid.
func normSeverity(s string) string {
	switch s {
	case SeverityError, SeverityWarning, SeverityNote:
		return s
	}
	return SeverityWarning
}

// plural returns "1 error" or "2 errors".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
