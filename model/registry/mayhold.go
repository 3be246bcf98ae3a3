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
	// What a path must hold to match each source, and to be extended.
	sets := append(lits[:len(lits):len(lits)], []string{"nodes"})
	for _, ls := range sets {
		if len(ls) == 0 {
			return fileFilter{} // a pattern of placeholders matches anything
		}
		for _, lit := range ls {
			if !plainLiteral(lit) {
				return fileFilter{}
			}
		}
	}
	f := fileFilter{on: true, need: make([]int, len(sets))}
	seen := map[string]int{}
	// Each byte looked for costs a scan of the file: the bytes are chosen
	// so that few cover every source (all of proxmox_lxc, proxmox-ve,
	// proxmox… hold an x), rare ones first, as a scan for a common byte
	// stops at every one.
	covered := make([]bool, len(sets))
	for left := len(sets); left > 0; {
		c := coverByte(sets, covered)
		g := needleGroup{c: c}
		for i, ls := range sets {
			if covered[i] {
				continue
			}
			for _, lit := range ls {
				k := strings.IndexByte(lit, c)
				if k < 0 {
					continue
				}
				n, ok := seen[lit]
				if !ok {
					n = f.needles
					seen[lit] = n
					f.needles++
					g.needles = append(g.needles, needle{text: []byte(lit), k: k, i: n})
				}
				f.need[i], covered[i] = n, true
				left--
				break
			}
		}
		f.groups = append(f.groups, g)
	}
	sort.SliceStable(f.groups, func(i, j int) bool {
		return commonness(f.groups[i].c) < commonness(f.groups[j].c)
	})
	return f
}

// coverByte returns the byte to look for next: held by a literal of the
// most sets not yet covered, preferring bytes rarer than 'l', then the
// rarest.
func coverByte(sets [][]string, covered []bool) byte {
	rare := func(c int) bool { return commonness(byte(c)) < commonness('l') }
	best, bestN := -1, 0
	for c := 0; c < 256; c++ {
		n := 0
		for i, ls := range sets {
			if covered[i] {
				continue
			}
			for _, lit := range ls {
				if strings.IndexByte(lit, byte(c)) >= 0 {
					n++
					break
				}
			}
		}
		switch {
		case n == 0:
		case best < 0,
			rare(c) && !rare(best),
			rare(c) == rare(best) && (n > bestN || n == bestN && commonness(byte(c)) < commonness(byte(best))):
			best, bestN = c, n
		}
	}
	return byte(best)
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
