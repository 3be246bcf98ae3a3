package registry

import (
	"bytes"
	"sort"
	"strings"
)

// fileFilter tells, from a file's bytes alone, that none of the file's
// definitions can match a source, so that the inventory need not look at
// them one by one: in a repository of thousands of modules, a handful
// declare VMs.
//
// A definition matches a source only if its path holds every literal
// segment of the source's pattern; Expand extends a path only if it does,
// or if it holds a `nodes` segment. The segments of a module's paths are
// attribute names as the file spells them (or module.Dynamic), unless a
// string escape spells one otherwise: a file holding no backslash, and for
// each source one of its literals nowhere, nor `nodes`, has no definition
// any source can match. Folded names (Expand's `${name}`) come only from
// paths Expand extends.
type fileFilter struct {
	on bool
	// need[i] is the needle of source i; the last one is `nodes`.
	need    []int
	needles int
	// groups are the needles by the byte they are looked for by, the
	// rarest byte first: the scans for it are the fastest.
	groups []needleGroup
}

// needleGroup is the needles looked for by the byte c.
type needleGroup struct {
	c       byte
	needles []needle
}

// needle is a literal, looked for by its byte at k; i numbers it.
type needle struct {
	text []byte
	k, i int
}

func newFileFilter(lits [][]string) fileFilter {
	f := fileFilter{on: true}
	seen := map[string]int{}
	add := func(lit string) int {
		if i, ok := seen[lit]; ok {
			return i
		}
		n := needle{text: []byte(lit), k: rarestIn(lit), i: f.needles}
		seen[lit] = n.i
		f.needles++
		c := lit[n.k]
		g := 0
		for g < len(f.groups) && f.groups[g].c != c {
			g++
		}
		if g == len(f.groups) {
			f.groups = append(f.groups, needleGroup{c: c})
		}
		f.groups[g].needles = append(f.groups[g].needles, n)
		return n.i
	}
	for _, ls := range lits {
		// The literal with the rarest byte: the quickest to find absent.
		best := ""
		for _, lit := range ls {
			if !plainLiteral(lit) {
				return fileFilter{}
			}
			if best == "" || commonness(lit[rarestIn(lit)]) < commonness(best[rarestIn(best)]) {
				best = lit
			}
		}
		if best == "" {
			return fileFilter{} // a pattern of placeholders matches anything
		}
		f.need = append(f.need, add(best))
	}
	f.need = append(f.need, add("nodes"))
	sort.SliceStable(f.groups, func(i, j int) bool {
		return commonness(f.groups[i].c) < commonness(f.groups[j].c)
	})
	return f
}

// plainLiteral reports whether a pattern's literal segment is made of
// printable ASCII that attribute names hold as written (no quotes, $,
// escapes or white space), so that a name equal to it holds its bytes.
func plainLiteral(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || c == '\\' || c == '\'' || c == '"' || c == '$' {
			return false
		}
	}
	return true
}

// MayMatchFile reports whether a definition of a file with the bytes src
// may match one of the sources, or extend to one that does (Expand): when
// it is false, no definition of the file holds every literal of a source
// nor a `nodes` segment, so Expand returns the file's definitions as they
// are and neither Match nor Holds accepts any of them.
func (s *Sources) MayMatchFile(src []byte) bool {
	f := &s.filter
	if !f.on || bytes.IndexByte(src, '\\') >= 0 {
		return true
	}
	var buf [16]bool
	found := buf[:]
	if f.needles > len(buf) {
		found = make([]bool, f.needles)
	}
	for _, g := range f.groups {
		g.scan(src, found)
		for _, n := range f.need {
			if found[n] {
				return true
			}
		}
	}
	return false
}

// scan sets found for the needles of g that src holds.
func (g *needleGroup) scan(src []byte, found []bool) {
	left := len(g.needles)
	for at := 0; left > 0 && at < len(src); {
		j := bytes.IndexByte(src[at:], g.c)
		if j < 0 {
			return
		}
		p := at + j
		for _, n := range g.needles {
			if !found[n.i] && p >= n.k && bytes.HasPrefix(src[p-n.k:], n.text) {
				found[n.i] = true
				left--
			}
		}
		at = p + 1
	}
}

// rarestIn returns the index of the byte of s that is the least common in
// source text, going by byteOrder.
func rarestIn(s string) int {
	best := 0
	for i := 1; i < len(s); i++ {
		if commonness(s[i]) < commonness(s[best]) {
			best = i
		}
	}
	return best
}

// byteOrder lists the bytes of Nix source text from the most common to the
// less common: white space, then letters by their frequency in English
// (which names and comments are written in), with the punctuation of the
// language's syntax among them. Bytes not listed are rarer still.
const byteOrder = " \netaoinsrhl.=;\"dcumfp{}gywb-v_k[]()/:0123456789,xjqz"

func commonness(c byte) int {
	i := strings.IndexByte(byteOrder, c)
	if i < 0 {
		return 0
	}
	return len(byteOrder) - i
}
