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

func matchGlobSegs(pat, segs []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			// Collapse runs of "**" so the search stays linear in practice.
			for len(pat) > 1 && pat[1] == "**" {
				pat = pat[1:]
			}
			if len(pat) == 1 {
				return true
			}
			for i := 0; i <= len(segs); i++ {
				if matchGlobSegs(pat[1:], segs[i:]) {
					return true
				}
			}
			return false
		}
		if len(segs) == 0 {
			return false
		}
		if ok, err := path.Match(pat[0], segs[0]); err != nil || !ok {
			return false
		}
		pat, segs = pat[1:], segs[1:]
	}
	return len(segs) == 0
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
