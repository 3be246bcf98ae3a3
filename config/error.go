package config

import (
	"fmt"
	"github.com/nixlint/nixlint/internal/didyoumean"
	"strings"
)

// Error is a configuration error: a TOML syntax error, an unknown key, a
// value of the wrong type or a bad value. It names the file, the position
// and the key so the user can go straight to the mistake; the CLI prints it
// and exits with code 2.
type Error struct {
	File   string // path of the configuration file, as given to Load
	Line   int    // 1-based; 0 when the error is about the whole file
	Column int    // 1-based byte column; 0 when unknown
	Key    string // dotted key, e.g. "rules.vm-id-range.severity" or "exceptions[0].reason"; may be empty
	Msg    string // what is wrong and, where possible, how to fix it
	Err    error  // underlying error (e.g. from reading the file), if any
}

// Error formats the error as FILE:LINE:COL: key "a.b": message, leaving out
// the parts that are unknown.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	b.WriteString(": ")
	if e.Key != "" {
		fmt.Fprintf(&b, "key %q: ", e.Key)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the underlying error, so errors.Is(err, fs.ErrNotExist)
// works for a missing file.
func (e *Error) Unwrap() error { return e.Err }

// didYouMean returns ` (did you mean "x"?)` when one of candidates is close
// enough to name to be a plausible typo, or "" otherwise.
func didYouMean(name string, candidates []string) string {
	best, ok := didyoumean.Typo(name, candidates)
	if !ok {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}
