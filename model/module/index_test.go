package module

import (
	"strings"
	"testing"
)

// refCovers is Index.Covers as it was first written, comparing dotted
// strings throughout: the trie must answer exactly as it does.
func refCovers(opts []*Option, p []string) bool {
	exact, prefixes := map[string]bool{}, map[string]bool{}
	var dynamic []*Option
	for _, o := range opts {
		if dynamicPath(o.Path) {
			dynamic = append(dynamic, o)
			continue
		}
		exact[PathString(o.Path)] = true
		for i := 1; i < len(o.Path); i++ {
			prefixes[PathString(o.Path[:i])] = true
		}
	}
	scan := func(opts []*Option) bool {
		for _, o := range opts {
			if HasPrefix(p, o.Path) || HasPrefix(o.Path, p) {
				return true
			}
		}
		return false
	}
	if dynamicPath(p) {
		all := append([]*Option(nil), dynamic...)
		for k := range exact {
			all = append(all, &Option{Path: strings.Split(k, ".")})
		}
		return scan(all)
	}
	var b strings.Builder
	for i, s := range p {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s)
		if exact[b.String()] {
			return true
		}
	}
	return prefixes[b.String()] || scan(dynamic)
}

func TestIndexMatchesStrings(t *testing.T) {
	segs := []string{"a", "b", "c", "a.b", `"a"`, "", "1x", "kea/hosts", Dynamic, "enable"}
	var paths [][]string
	var grow func(p []string)
	grow = func(p []string) {
		paths = append(paths, append([]string(nil), p...))
		if len(p) == 3 {
			return
		}
		for _, s := range segs {
			grow(append(p, s))
		}
	}
	grow(nil)
	optionSets := [][]*Option{
		{{Path: []string{"a", "b"}}, {Path: []string{"a", "1x", "c"}}},
		{{Path: []string{"a.b"}}, {Path: []string{"kea/hosts", "a"}}, {Path: nil}},
		{{Path: []string{"a", Dynamic, "c"}}, {Path: []string{"b", "c", "enable"}}, {Path: []string{""}}},
		{{Path: []string{`"a"`, "b"}}, {Path: []string{"a"}}},
		// Consecutive options sharing segments (NewIndex reuses the
		// previous option's nodes), some broken by non-identifiers.
		{{Path: []string{"a", "b", "c"}}, {Path: []string{"a", "b", "enable"}}, {Path: []string{"a", "b"}}, {Path: []string{"a", "c"}}},
		{{Path: []string{"a", "1x", "c"}}, {Path: []string{"a", "1x", "b"}}, {Path: []string{"a", "b", "c"}}, {Path: []string{"a", "b"}}},
		{{Path: []string{"b", "c"}}, {Path: []string{"b", Dynamic, "c"}}, {Path: []string{"b", "c", "enable"}}, {Path: nil}, {Path: []string{"b", "c", "a"}}},
		{{Path: []string{"a", "a.b", "c"}}, {Path: []string{"a", "a.b", "enable"}}, {Path: []string{"a", "b", "a"}}, {Path: []string{"c"}}, {Path: []string{"c", "a"}}},
	}
	for i, opts := range optionSets {
		ix := NewIndex(opts)
		for _, p := range paths {
			if got, want := ix.Covers(p), refCovers(opts, p); got != want {
				t.Errorf("options %d: Covers(%q) = %v, want %v", i, p, got, want)
			}
		}
	}
}
