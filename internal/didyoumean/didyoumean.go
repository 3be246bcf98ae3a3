// Package didyoumean suggests the name a user probably meant: a rule id in
// a suppression or on the command line, a key in .nixlint.toml, a VM name
// prefix. One measure everywhere, so suggestions agree across nixlint.
package didyoumean

import (
	"sort"
	"strings"
)

// maxLen bounds the inputs compared: long strings are not typos of the
// short names nixlint suggests, and the work is quadratic.
const maxLen = 64

// Distance is the optimal-string-alignment edit distance between a and b:
// insertions, deletions, substitutions and transpositions of neighbours
// each cost 1, so "sevrity" and "sevreity" are both 1 from "severity".
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > maxLen || len(rb) > maxLen {
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

// Closest returns the candidate nearest to name, ignoring case, when it is
// at most maxDist edits away; ties go to the candidate that sorts first,
// so the answer is the same on every run.
func Closest(name string, candidates []string, maxDist int) (string, bool) {
	sorted := append([]string(nil), candidates...)
	sort.Strings(sorted)
	lower := strings.ToLower(name)
	best, bestDist := "", maxDist+1
	for _, c := range sorted {
		if d := Distance(lower, strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best, best != ""
}

// Typo returns the candidate nearest to name when it is close enough to be
// a plausible typo: about one edit per three characters, at least one
// ("sevrity" -> "severity", but not "foo" -> "bar").
func Typo(name string, candidates []string) (string, bool) {
	return Closest(name, candidates, max(1, len(name)/3))
}
