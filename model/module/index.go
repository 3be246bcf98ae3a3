package module

import (
	"strings"
	"sync"
)

// Index answers, for many paths, whether a set of options covers them,
// without scanning every option for every path.
//
// Options are kept in a trie of their segments, one map for the whole
// trie, so that neither building nor querying it joins strings. Paths are
// compared as dotted strings (PathString), which for identifier segments
// is the same as comparing segments; the rare paths with other segments
// (quoted, or holding dots) take the string comparison, built on first
// use.
type Index struct {
	children map[edge]int32 // the trie: node and segment to child node
	exact    []bool         // per node: an option's path ends there
	dynamic  []*Option      // options with a dynamic segment, scanned

	opts []*Option // every option, for the string comparison

	strOnce sync.Once
	str     *stringIndex
}

// edge is a trie edge: the parent node (0 is the root) and a segment.
type edge struct {
	parent int32
	seg    string
}

// stringIndex compares paths as dotted strings.
type stringIndex struct {
	exact    map[string]bool // the options' paths, dotted
	prefixes map[string]bool // every proper prefix of an option's path
}

// NewIndex indexes options.
func NewIndex(opts []*Option) *Index {
	ix := &Index{children: make(map[edge]int32, len(opts)), exact: []bool{false}, opts: opts}
	// Options come a module at a time and a module's share a namespace:
	// the nodes of the previous option's path are reused for the segments
	// it shares, instead of looking each up again.
	var prev []string
	var prevNodes []int32 // prevNodes[i]: the node of prev[:i+1]
	for _, o := range opts {
		if dynamicPath(o.Path) {
			ix.dynamic = append(ix.dynamic, o)
			continue
		}
		// The identifier segments that start the path are, dotted, the
		// path's dotted prefixes: they go in the trie; a path that is all
		// identifiers is an option's path there too.
		node := int32(0)
		plain := true
		shared := 0
		for shared < len(prevNodes) && shared < len(o.Path) && o.Path[shared] == prev[shared] {
			shared++
		}
		if shared > 0 {
			node = prevNodes[shared-1]
		}
		prevNodes = prevNodes[:shared]
		for _, s := range o.Path[shared:] {
			if !IsIdent(s) {
				plain = false
				break
			}
			e := edge{node, s}
			next, ok := ix.children[e]
			if !ok {
				next = int32(len(ix.exact))
				ix.children[e] = next
				ix.exact = append(ix.exact, false)
			}
			node = next
			prevNodes = append(prevNodes, node)
		}
		prev = o.Path
		if plain && len(o.Path) > 0 {
			ix.exact[node] = true
		}
	}
	return ix
}

// strings returns the string comparison, building it on first use.
func (ix *Index) strings() *stringIndex {
	ix.strOnce.Do(func() {
		s := &stringIndex{exact: make(map[string]bool), prefixes: make(map[string]bool)}
		for _, o := range ix.opts {
			if dynamicPath(o.Path) {
				continue
			}
			s.exact[PathString(o.Path)] = true
			for i := 1; i < len(o.Path); i++ {
				s.prefixes[PathString(o.Path[:i])] = true
			}
		}
		ix.str = s
	})
	return ix.str
}

// Covers reports whether p is an option's path, lies below one (a value
// inside an attrs option), or is a set of options (a proper prefix of one).
func (ix *Index) Covers(p []string) bool {
	if dynamicPath(p) {
		return ix.scan(p, ix.all())
	}
	if !plainPath(p) {
		return ix.coversString(p)
	}
	node := int32(0)
	found := true
	for _, s := range p {
		next, ok := ix.children[edge{node, s}]
		if !ok {
			found = false
			break
		}
		if ix.exact[next] {
			return true
		}
		node = next
	}
	if found && len(p) > 0 {
		return true // a proper prefix of an option's path
	}
	return ix.scan(p, ix.dynamic)
}

// coversString is Covers comparing dotted strings, for paths with segments
// that are not identifiers.
func (ix *Index) coversString(p []string) bool {
	str := ix.strings()
	var b strings.Builder
	for i, s := range p {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s)
		if str.exact[b.String()] {
			return true
		}
	}
	if str.prefixes[b.String()] {
		return true
	}
	return ix.scan(p, ix.dynamic)
}

func (ix *Index) all() []*Option {
	out := append([]*Option(nil), ix.dynamic...)
	for k := range ix.strings().exact {
		out = append(out, &Option{Path: strings.Split(k, ".")})
	}
	return out
}

func (ix *Index) scan(p []string, opts []*Option) bool {
	for _, o := range opts {
		if HasPrefix(p, o.Path) || HasPrefix(o.Path, p) {
			return true
		}
	}
	return false
}

// plainPath reports whether every segment of p is an identifier, so that
// comparing it by segments is comparing it dotted.
func plainPath(p []string) bool {
	for _, s := range p {
		if !IsIdent(s) {
			return false
		}
	}
	return true
}

func dynamicPath(p []string) bool {
	for _, s := range p {
		if s == Dynamic {
			return true
		}
	}
	return false
}
