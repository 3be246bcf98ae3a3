package config

import (
	"fmt"
	"sort"
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
	best, bestDist := "", -1
	sorted := append([]string(nil), candidates...)
	sort.Strings(sorted) // ties resolve the same way on every run
	for _, c := range sorted {
		d := editDistance(strings.ToLower(name), strings.ToLower(c))
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	// Allow roughly one edit per three characters: "sevrity" -> "severity",
	// but not "foo" -> "bar".
	limit := len(name) / 3
	if limit < 1 {
		limit = 1
	}
	if best == "" || bestDist > limit {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// editDistance is the Levenshtein distance between a and b, counting a
// transposition of neighbours as one edit (so "sevreity" is close to
// "severity").
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		// Long keys are not typos of our short names; skip the quadratic work.
		if a == b {
			return 0
		}
		return len(ra) + len(rb)
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
