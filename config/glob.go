package config

import (
	"fmt"
	"path"
	"strings"
)

// Globs are matched against paths relative to the repository root, with
// forward slashes. A pattern is anchored at the root; its segments use
// path.Match syntax (*, ?, [a-z], \ escapes) and a segment "**" matches any
// number of segments, zero included. A pattern that matches a folder
// matches everything below it.

// cleanGlob normalises a pattern as users write it: "./modules/" and
// "modules" mean the same folder.
func cleanGlob(g string) string {
	g = strings.TrimPrefix(g, "./")
	g = strings.TrimPrefix(g, "/")
	return strings.TrimSuffix(g, "/")
}

// checkGlob returns a message when g is not a valid pattern, or "".
func checkGlob(g string) string {
	c := cleanGlob(g)
	if c == "" {
		return fmt.Sprintf("glob %q matches nothing: use \"**\" for every file", g)
	}
	for _, seg := range strings.Split(c, "/") {
		if seg == "" {
			return fmt.Sprintf("glob %q has an empty segment (\"//\")", g)
		}
		if strings.Contains(seg, "**") && seg != "**" {
			return fmt.Sprintf("glob %q: \"**\" must be a whole segment, as in \"a/**/b\"", g)
		}
		if _, err := path.Match(seg, ""); err != nil {
			return fmt.Sprintf("glob %q: segment %q is malformed (%v)", g, seg, err)
		}
	}
	return ""
}

// matchGlob reports whether relpath, or one of the folders holding it, is
// matched by the pattern g.
func matchGlob(g, relpath string) bool {
	pat := strings.Split(cleanGlob(g), "/")
	segs := strings.Split(strings.Trim(strings.TrimPrefix(relpath, "./"), "/"), "/")
	for n := len(segs); n > 0; n-- {
		if matchGlobSegs(pat, segs[:n]) {
			return true
		}
	}
	return false
}

// matchGlobSegs matches a whole path against a whole pattern. "**" plays
// the part "*" plays in a wildcard match over characters, so the classic
// greedy algorithm with one backtracking point applies: it runs in
// O(len(pat) * len(segs)) whatever the pattern, where naive recursion on
// "a/**/a/**/a/**/b" is exponential.
func matchGlobSegs(pat, segs []string) bool {
	p, s := 0, 0
	star, mark := -1, 0 // last "**" seen, and the segment it was tried at
	for s < len(segs) {
		switch {
		case p < len(pat) && pat[p] == "**":
			star, mark = p, s
			p++
		case p < len(pat) && segMatch(pat[p], segs[s]):
			p++
			s++
		case star >= 0:
			// Let the last "**" swallow one more segment and retry.
			mark++
			p, s = star+1, mark
		default:
			return false
		}
	}
	for p < len(pat) && pat[p] == "**" {
		p++
	}
	return p == len(pat)
}

func segMatch(pat, seg string) bool {
	ok, err := path.Match(pat, seg)
	return err == nil && ok
}

// Excluded reports whether the file or folder at relpath (relative to the
// root, forward slashes) is matched by an exclude glob, directly or through
// a folder holding it.
func (c *Config) Excluded(relpath string) bool {
	for _, g := range c.Exclude {
		if matchGlob(g, relpath) {
			return true
		}
	}
	return false
}

// ExceptionFor returns the first [[exceptions]] entry for rule whose path
// matches relpath (a file or a folder; an exception for a folder covers
// everything in it), or nil.
func (c *Config) ExceptionFor(relpath, rule string) *Exception {
	for i := range c.Exceptions {
		e := &c.Exceptions[i]
		if e.Rule == rule && matchGlob(e.Path, relpath) {
			return e
		}
	}
	return nil
}
