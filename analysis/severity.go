package analysis

import "fmt"

// Severity is how serious a finding is. The zero value, Off, disables a rule.
type Severity int

// The severities, in increasing order.
const (
	Off Severity = iota
	Note
	Warning
	Error
)

var severityNames = [...]string{Off: "off", Note: "note", Warning: "warning", Error: "error"}

// String returns "off", "note", "warning" or "error".
func (s Severity) String() string {
	if s >= 0 && int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// ParseSeverity parses a severity name as written in the configuration.
func ParseSeverity(name string) (Severity, error) {
	for s, n := range severityNames {
		if n == name {
			return Severity(s), nil
		}
	}
	return Off, fmt.Errorf("unknown severity %q (want error, warning, note or off)", name)
}
