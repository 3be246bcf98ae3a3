package registry

import (
	"github.com/nixlint/nixlint/config"
)

// Sources are the VM sources of a configuration, compiled once and indexed
// so that the definitions no source can match (nearly all of a
// repository's) are rejected by a map lookup of their first segment and a
// scan for the literals of the few sources not anchored at the root
// (**.nodes.<name>), before any pattern is tried.
//
// Sources are read-only once built: the registry and the inventory, which
// run in parallel, each build their own anyway.
type Sources struct {
	list []config.VMSource
	pats []*config.Pattern
	// first holds the distinct literal first segments of the anchored
	// sources (a handful: a scan beats hashing); anchored[i] says whether
	// source i is one.
	first    []string
	anchored []bool
	// floating lists the sources starting with ** or a placeholder;
	// lits holds every source's literal segments, which a path must hold
	// to match it.
	floating []int
	lits     [][]string
	filter   fileFilter // see MayMatchFile
}

// NewSources compiles the VM sources of conv.
func NewSources(conv *config.Conventions) *Sources {
	n := len(conv.VMSources)
	s := &Sources{list: conv.VMSources, pats: make([]*config.Pattern, n),
		anchored: make([]bool, n), lits: make([][]string, n)}
	for i, src := range conv.VMSources {
		p := src.Pattern()
		s.pats[i] = p
		s.lits[i] = p.Literals()
		if pre := p.Prefix(); len(pre) > 0 {
			if !holds(s.first, pre[0]) {
				s.first = append(s.first, pre[0])
			}
			s.anchored[i] = true
			continue
		}
		s.floating = append(s.floating, i)
	}
	s.filter = newFileFilter(s.lits)
	return s
}

// Len returns the number of sources.
func (s *Sources) Len() int { return len(s.list) }

// Source returns source i, in configuration order.
func (s *Sources) Source(i int) config.VMSource { return s.list[i] }

// Pattern returns the compiled path of source i.
func (s *Sources) Pattern(i int) *config.Pattern { return s.pats[i] }

// May reports whether source i could match a leading part of attrs. It
// only rejects what the source's pattern would reject too, so callers may
// skip the pattern when it is false.
func (s *Sources) May(i int, attrs []string) bool {
	if s.anchored[i] {
		return len(attrs) > 0 && attrs[0] == s.pats[i].Prefix()[0]
	}
	return s.Holds(i, attrs)
}

// Holds reports whether attrs holds every literal segment of source i.
func (s *Sources) Holds(i int, attrs []string) bool {
	for _, lit := range s.lits[i] {
		if !holds(attrs, lit) {
			return false
		}
	}
	return true
}

// Any reports whether some source could match a leading part of attrs
// (May of some source).
func (s *Sources) Any(attrs []string) bool {
	if len(attrs) > 0 && holds(s.first, attrs[0]) {
		return true
	}
	for _, i := range s.floating {
		if s.May(i, attrs) {
			return true
		}
	}
	return false
}

// anyExtended is Any of path followed by segments holding only extra,
// without building that path.
func (s *Sources) anyExtended(path []string, extra string) bool {
	head := extra
	if len(path) > 0 {
		head = path[0]
	}
	if holds(s.first, head) {
		return true
	}
next:
	for _, i := range s.floating {
		for _, lit := range s.lits[i] {
			if lit != extra && !holds(path, lit) {
				continue next
			}
		}
		return true
	}
	return false
}

// Match returns the first source, in configuration order, whose pattern
// matches a leading part of attrs, and what it matched.
func (s *Sources) Match(attrs []string) (int, config.SourceMatch, bool) {
	i, m, ok, _ := s.Lookup(attrs)
	return i, m, ok
}

// Lookup is Match that also reports Any(attrs), for callers that need both
// when nothing matches: most paths, which Any rejects, are then looked at
// once.
func (s *Sources) Lookup(attrs []string) (int, config.SourceMatch, bool, bool) {
	if !s.Any(attrs) {
		return -1, config.SourceMatch{}, false, false
	}
	for i, p := range s.pats {
		if !s.May(i, attrs) {
			continue
		}
		if m, ok := p.Match(attrs); ok {
			return i, m, true, true
		}
	}
	return -1, config.SourceMatch{}, false, true
}

func holds(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
