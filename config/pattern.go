package config

import (
	"strings"
	"sync"
	"sync/atomic"
)

// Pattern is a VMSource path pattern split into its segments once, with
// what a path must hold to match it: the inventory and the registry match
// every definition of a repository against every source, and most
// definitions are rejected by a string comparison or two this way.
//
// A Pattern is immutable, so it may be shared between goroutines.
type Pattern struct {
	path string
	segs []string
	// prefix is the run of literal segments the pattern starts with: a
	// matching path starts with them.
	prefix []string
	// lits are the literal segments after the first ** (a matching path
	// holds each of them somewhere), for patterns with a **.
	lits []string
	// min is the number of segments that are not **: the length of the
	// shortest path the pattern can match.
	min   int
	stars bool
	// tail holds the segments after the ** of a pattern that starts with
	// its only ** (**.nodes.<name>): a path matches it where its last
	// len(tail) segments match tail, which Match tests without trying
	// every place the ** could end.
	tail []string
}

// CompilePattern splits a VMSource path pattern. Any string compiles; a
// pattern that checkAttrPattern would reject simply matches what its
// segments say.
func CompilePattern(path string) *Pattern {
	p := &Pattern{path: path, segs: strings.Split(path, ".")}
	anchored := true
	for _, seg := range p.segs {
		switch {
		case seg == "**":
			p.stars = true
			anchored = false
			continue
		case isPlaceholder(seg):
			anchored = false
		case anchored:
			p.prefix = append(p.prefix, seg)
		case p.stars:
			p.lits = append(p.lits, seg)
		}
		p.min++
	}
	if len(p.segs) > 0 && p.segs[0] == "**" && !contains(p.segs[1:], "**") {
		p.tail = p.segs[1:]
	}
	return p
}

// String returns the pattern as written.
func (p *Pattern) String() string { return p.path }

// Segments returns the pattern's segments. The caller must not modify
// them.
func (p *Pattern) Segments() []string { return p.segs }

// Prefix returns the literal segments the pattern starts with (none when
// it starts with ** or a placeholder): every path it matches starts with
// them. The caller must not modify them.
func (p *Pattern) Prefix() []string { return p.prefix }

// Literals returns every literal segment of the pattern, in order: a path
// it matches holds each of them.
func (p *Pattern) Literals() []string {
	out := make([]string, 0, p.min)
	for _, seg := range p.segs {
		if seg != "**" && !isPlaceholder(seg) {
			out = append(out, seg)
		}
	}
	return out
}

// Match is VMSource.Match with a compiled pattern.
func (p *Pattern) Match(attrs []string) (SourceMatch, bool) {
	if !p.mayMatch(attrs) {
		return SourceMatch{}, false
	}
	if !p.stars {
		// Each segment matches exactly one attribute: only the prefix of
		// the pattern's length can match.
		n := len(p.segs)
		if name, ok := matchSegments(p.segs, attrs[:n]); ok {
			return SourceMatch{Set: attrs[:n:n], Name: name}, true
		}
		return SourceMatch{}, false
	}
	for n := p.min; n <= len(attrs); n++ {
		var name string
		var ok bool
		if p.tail != nil {
			// Without a ** of its own, tail matches exactly len(tail)
			// segments: the ** takes the others.
			name, ok = matchSegments(p.tail, attrs[n-len(p.tail):n])
		} else {
			name, ok = matchSegments(p.segs, attrs[:n])
		}
		if ok {
			return SourceMatch{Set: attrs[:n:n], Name: name}, true
		}
	}
	return SourceMatch{}, false
}

// mayMatch reports whether some leading part of attrs could match: it is
// long enough, starts with the literal prefix, and holds the literals that
// follow a **. It is exact for what it rejects, and cheap.
func (p *Pattern) mayMatch(attrs []string) bool {
	if len(attrs) < p.min {
		return false
	}
	for i, seg := range p.prefix {
		if attrs[i] != seg {
			return false
		}
	}
	rest := attrs[len(p.prefix):]
	for _, lit := range p.lits {
		if !contains(rest, lit) {
			return false
		}
	}
	return true
}

// Pattern returns the source's Path compiled. Compiled patterns are
// cached by path, so calling Match in a loop splits each path once.
func (s VMSource) Pattern() *Pattern {
	if p, ok := patternCache.Load(s.Path); ok {
		return p.(*Pattern)
	}
	p := CompilePattern(s.Path)
	// Configurations hold a handful of sources: the bound only keeps a
	// program that builds paths on the fly from growing the cache forever.
	if patternCount.Load() < maxCachedPatterns {
		if q, loaded := patternCache.LoadOrStore(s.Path, p); loaded {
			return q.(*Pattern)
		}
		patternCount.Add(1)
	}
	return p
}

// maxCachedPatterns bounds the cache of compiled source paths.
const maxCachedPatterns = 1024

var (
	patternCache sync.Map // Path -> *Pattern
	patternCount atomic.Int32
)
