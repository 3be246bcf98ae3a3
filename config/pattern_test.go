package config

import (
	"reflect"
	"strings"
	"sync"
	"testing"
)

// matchNaive is Match as first written: every leading part of attrs tried
// against the split pattern. Pattern.Match must agree with it everywhere.
func matchNaive(path string, attrs []string) (SourceMatch, bool) {
	pat := strings.Split(path, ".")
	for n := 0; n <= len(attrs); n++ {
		if name, ok := matchSegments(pat, attrs[:n]); ok {
			return SourceMatch{Set: attrs[:n:n], Name: name}, true
		}
	}
	return SourceMatch{}, false
}

// TestPatternMatchesNaive compares the compiled match with the naive one on
// every path of up to five segments over a small alphabet, for patterns
// with and without **, placeholders at either end, and the default
// sources.
func TestPatternMatchesNaive(t *testing.T) {
	patterns := []string{
		"a", "a.b", "a.<name>", "<x>.a", "<x>.<name>", "**", "**.a", "a.**",
		"**.nodes.<name>", "a.**.b.<name>", "**.a.**.b", "<x>.b.**.a.<name>",
		"a.<r>.b", "a.\x00", "<>.a", "", "a..b",
		"**.<name>.<name>", "**.<x>.b.<name>", "**.<name>", "**.**", "**.a.**",
	}
	for _, s := range Default().Conventions.VMSources {
		patterns = append(patterns, s.Path)
	}
	alphabet := []string{"a", "b", "nodes", "\x00", "", "<>"}
	var paths [][]string
	var gen func(prefix []string)
	gen = func(prefix []string) {
		paths = append(paths, append([]string(nil), prefix...))
		if len(prefix) == 5 {
			return
		}
		for _, s := range alphabet {
			gen(append(prefix, s))
		}
	}
	gen(nil)
	for _, pat := range patterns {
		p := CompilePattern(pat)
		for _, attrs := range paths {
			got, gok := p.Match(attrs)
			want, wok := matchNaive(pat, attrs)
			if gok != wok || !reflect.DeepEqual(got, want) {
				t.Fatalf("pattern %q on %q: got %+v %v, want %+v %v", pat, attrs, got, gok, want, wok)
			}
		}
	}
}

func TestPatternParts(t *testing.T) {
	tests := []struct {
		path          string
		prefix, lits  []string
		literals      []string
		min           int
		stars         bool
		segs          int
		wantString    string
		wantSegsFirst string
	}{
		{"resource.proxmox_lxc.<r>", []string{"resource", "proxmox_lxc"}, nil, []string{"resource", "proxmox_lxc"}, 3, false, 3, "resource.proxmox_lxc.<r>", "resource"},
		{"**.nodes.<name>", nil, []string{"nodes"}, []string{"nodes"}, 2, true, 3, "**.nodes.<name>", "**"},
		{"<x>.a.**.b", nil, []string{"b"}, []string{"a", "b"}, 3, true, 4, "<x>.a.**.b", "<x>"},
		{"proxmox.qemuConf", []string{"proxmox", "qemuConf"}, nil, []string{"proxmox", "qemuConf"}, 2, false, 2, "proxmox.qemuConf", "proxmox"},
	}
	for _, tt := range tests {
		p := CompilePattern(tt.path)
		if !reflect.DeepEqual(p.Prefix(), tt.prefix) || !reflect.DeepEqual(p.lits, tt.lits) ||
			!reflect.DeepEqual(p.Literals(), tt.literals) || p.min != tt.min || p.stars != tt.stars ||
			len(p.Segments()) != tt.segs || p.String() != tt.wantString || p.Segments()[0] != tt.wantSegsFirst {
			t.Errorf("CompilePattern(%q) = %+v", tt.path, p)
		}
	}
}

// TestVMSourcePatternShared checks that concurrent callers get one
// compiled pattern per path (run with -race).
func TestVMSourcePatternShared(t *testing.T) {
	s := VMSource{Path: "test.shared.<name>"}
	var wg sync.WaitGroup
	got := make([]*Pattern, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = s.Pattern()
			if _, ok := s.Match([]string{"test", "shared", "x"}); !ok {
				t.Errorf("no match")
			}
		}()
	}
	wg.Wait()
	for _, p := range got {
		if p != got[0] {
			t.Fatalf("patterns differ: %p %p", p, got[0])
		}
	}
}
