package engine

import (
	"path"
	"strings"
)

// matchGlob reports whether the slash-separated relative path name matches
// pattern. Patterns are relative to the repository root and use path.Match
// syntax per segment, plus `**` for any number of segments (zero included).
// A pattern that matches a directory matches everything below it, so
// `vendor` and `vendor/**` both exclude the whole folder. A leading "./" or
// "/" is ignored; a malformed pattern matches nothing (config validation
// reports it).
func matchGlob(pattern, name string) bool {
	pattern = strings.TrimPrefix(strings.TrimPrefix(pattern, "./"), "/")
	pattern = strings.TrimSuffix(pattern, "/")
	if pattern == "" {
		return false
	}
	ps := strings.Split(pattern, "/")
	ns := strings.Split(name, "/")
	// Try every prefix of name, so a matching directory covers its contents.
	for n := 1; n <= len(ns); n++ {
		if matchSegments(ps, ns[:n]) {
			return true
		}
	}
	return false
}

// matchSegments matches pattern segments against name segments.
func matchSegments(ps, ns []string) bool {
	for len(ps) > 0 {
		if ps[0] == "**" {
			// Collapse repeated ** and try every split.
			for len(ps) > 0 && ps[0] == "**" {
				ps = ps[1:]
			}
			if len(ps) == 0 {
				return true
			}
			for i := 0; i <= len(ns); i++ {
				if matchSegments(ps, ns[i:]) {
					return true
				}
			}
			return false
		}
		if len(ns) == 0 {
			return false
		}
		ok, err := path.Match(ps[0], ns[0])
		if err != nil || !ok {
			return false
		}
		ps, ns = ps[1:], ns[1:]
	}
	return len(ns) == 0
}
