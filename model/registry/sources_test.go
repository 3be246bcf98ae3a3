package registry

import (
	"reflect"
	"testing"

	"github.com/nixlint/nixlint/config"
	"github.com/nixlint/nixlint/model/module"
)

// testSources are the default sources and a few shapes the default lacks:
// a pattern starting with a placeholder, one that is only **, one with a
// literal after a placeholder.
func testSources() *config.Conventions {
	conv := config.Default().Conventions
	conv.VMSources = append(conv.VMSources,
		config.VMSource{Path: "<x>.vms.<name>", ID: []string{"id"}},
		config.VMSource{Path: "**.machines.**.<name>", ID: []string{"id"}},
		config.VMSource{Path: "proxmox.<k>.extra", Name: "name"},
		// Nix names never hold NUL, but a configuration may: the
		// extension relevant matches with must stay exact.
		config.VMSource{Path: "<k>.\x00.<name>", ID: []string{"id"}},
		config.VMSource{Path: "**.qemu.\x00", Name: "name"},
		config.VMSource{Path: "\x00.<name>", ID: []string{"id"}},
		config.VMSource{Path: "**", Name: "name"},
	)
	return &conv
}

// paths returns every path of up to n segments over alphabet.
func paths(alphabet []string, n int) [][]string {
	out := [][]string{nil}
	last := [][]string{nil}
	for i := 0; i < n; i++ {
		var next [][]string
		for _, p := range last {
			for _, s := range alphabet {
				next = append(next, append(append([]string(nil), p...), s))
			}
		}
		out = append(out, next...)
		last = next
	}
	return out
}

var testAlphabet = []string{"services", "proxmox-ve", "vms", "resource", "proxmox_lxc", "nodes",
	"proxmox", "qemu", "machines", "x", "\x00", module.Dynamic}

// TestSourcesMatch checks the indexed match against trying every source in
// order, with and without the catch-all ** source.
func TestSourcesMatch(t *testing.T) {
	full := testSources()
	noStar := *full
	noStar.VMSources = noStar.VMSources[:len(noStar.VMSources)-1]
	for _, conv := range []*config.Conventions{full, &noStar} {
		s := NewSources(conv)
		for _, p := range paths(testAlphabet, 4) {
			gi, gm, gok := s.Match(p)
			wi, wm, wok := -1, config.SourceMatch{}, false
			for i, src := range conv.VMSources {
				if m, ok := src.Match(p); ok {
					wi, wm, wok = i, m, true
					break
				}
			}
			if gi != wi || gok != wok || !reflect.DeepEqual(gm, wm) {
				t.Fatalf("Match(%q) = %d %+v %v, want %d %+v %v", p, gi, gm, gok, wi, wm, wok)
			}
			li, lm, lok, lany := s.Lookup(p)
			if li != wi || lok != wok || !reflect.DeepEqual(lm, wm) || lany != s.Any(p) {
				t.Fatalf("Lookup(%q) = %d %+v %v %v, want %d %+v %v %v", p, li, lm, lok, lany, wi, wm, wok, s.Any(p))
			}
			for i := range conv.VMSources {
				if _, ok := conv.VMSources[i].Match(p); ok && !s.May(i, p) {
					t.Fatalf("May(%d, %q) = false, but source %q matches", i, p, conv.VMSources[i].Path)
				}
			}
		}
	}
}

// TestRelevant checks the single match on the extended path against
// matching the path and the paths one and two segments longer, for all
// the sources together and for each alone.
func TestRelevant(t *testing.T) {
	all := testSources()
	all.VMSources = all.VMSources[:len(all.VMSources)-1] // ** makes everything relevant
	convs := []*config.Conventions{all}
	for _, src := range all.VMSources {
		one := *all
		one.VMSources = []config.VMSource{src}
		convs = append(convs, &one)
	}
	relevant := 0
	long, short := paths(testAlphabet, 4), paths(testAlphabet, 3)
	for i, conv := range convs {
		s := NewSources(conv)
		var ext []string
		ps := short // each source alone: shorter paths keep -race quick
		if i == 0 {
			ps = long
		}
		for _, p := range ps {
			want := nodesIndex(p) >= 0
			e := append([]string(nil), p...)
			for k := 0; k <= 2 && !want; k++ {
				for _, src := range conv.VMSources {
					if _, ok := src.Match(e); ok {
						want = true
					}
				}
				e = append(e, "\x00")
			}
			if got := s.relevant(p, &ext); got != want {
				t.Fatalf("sources %d: relevant(%q) = %v, want %v", len(conv.VMSources), p, got, want)
			}
			if want {
				relevant++
			}
		}
	}
	if relevant == 0 {
		t.Fatalf("no path relevant: the test tests nothing")
	}
}
