package architecture

import (
	"strings"
	"testing"

	"github.com/nixlint/nixlint/model/module"
)

func TestMachineAddress(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" for not a machine address
	}{
		{"192.168.1.10", "192.168.1.10"},
		{"10.0.0.5:8080", "10.0.0.5"},
		{"[fd00::5]:53", "fd00::5"},
		{"https://172.16.0.9/api", "172.16.0.9"},
		{"10.0.0.7/24", "10.0.0.7"},
		{"100.101.102.103", "100.101.102.103"},
		{"192.0.2.4", "192.0.2.4"},
		{"10.0.0.0/24", ""},
		{"fd00::/8", ""},
		{"127.0.0.1", ""},
		{"::1", ""},
		{"0.0.0.0", ""},
		{"::", ""},
		{"1.1.1.1", ""},
		{"224.0.0.251", ""},
		{"169.254.1.1", ""},
		{"http://localhost:8080", ""},
		{"nas-01:/export/media", ""},
		{"v1.2.3", ""},
		{"", ""},
		{"fd00::5", "fd00::5"},
		{"fdab::1", "fdab::1"},
		{"[fdab::1]:80", "fdab::1"},
		{"http://10.0.0.9", "10.0.0.9"},
		{"/srv/data", ""},
		{"ext4", ""},
	}
	for _, tt := range tests {
		got, ok := machineAddress(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("machineAddress(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestMatchPath(t *testing.T) {
	tests := []struct {
		pat, path string
		want      bool
	}{
		{"**.enable", "services.nginx.enable", true},
		{"**.enable", "enable", true},
		{"**.enable", "services.nginx.enableACME", false},
		{"sops.**", "sops", true},
		{"sops.**", "sops.secrets.a.owner", true},
		{"sops.**", "sopsx.a", false},
		{"systemd.services.*.after", "systemd.services.jellyfin.after", true},
		{"systemd.services.*.after", "systemd.services.a.b.after", false},
		{"system.stateVersion", "system.stateVersion", true},
		{"system.stateVersion", "system.stateVersion.x", false},
	}
	for _, tt := range tests {
		if got := matchPath(strings.Split(tt.pat, "."), strings.Split(tt.path, ".")); got != tt.want {
			t.Errorf("matchPath(%s, %s) = %v, want %v", tt.pat, tt.path, got, tt.want)
		}
	}
}

func TestKebabCase(t *testing.T) {
	for in, want := range map[string]string{
		"HomeAutomation": "home-automation",
		"media_server":   "media-server",
		"Net":            "net",
		"__":             "domain",
	} {
		if got := kebabCase(in); got != want {
			t.Errorf("kebabCase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFlattened(t *testing.T) {
	for _, tt := range []struct{ file, dir, want string }{
		{"modules/virtualisation/format/proxmox-enhanced.nix", "modules/virtualisation/format", "modules/virtualisation/proxmox-enhanced.nix"},
		{"modules/media/jellyfin/default.nix", "modules/media/jellyfin", "modules/media/jellyfin.nix"},
		{"roles/media/a/b.nix", "roles/media", "roles/b.nix"},
	} {
		if got := flattened(tt.file, tt.dir); got != tt.want {
			t.Errorf("flattened(%s) = %s, want %s", tt.file, got, tt.want)
		}
	}
}

func TestMentionsFirewall(t *testing.T) {
	for _, seg := range []string{
		"", "firewall", "openFirewall", "FIREWALL", "firewal", "fire_wall",
		"allowedTCPPorts", "myFireWallToggle", "xfirewalx", "firewallfirewall",
		"öffneFirewall", "fİrewall", "FİREWALL", "ﬁrewall", "ＦＩＲＥＷＡＬＬ",
	} {
		want := strings.Contains(strings.ToLower(seg), "firewall")
		if got := mentionsFirewall(seg); got != want {
			t.Errorf("mentionsFirewall(%q) = %v, want %v", seg, got, want)
		}
	}
}

// TestRelevantOptions checks that an index of the options relevantOptions
// keeps answers Covers as the index of all of them does, for every path
// asked, over paths made of a few segments that share starts, with
// dynamic segments, segments that are not identifiers and dotted ones.
func TestRelevantOptions(t *testing.T) {
	segs := []string{"a", "b", "c", module.Dynamic, "x.y", "x", "y", "1st", "b-2"}
	var all [][]string
	for _, p := range [][]string{nil} {
		all = append(all, p)
	}
	last := [][]string{nil}
	for n := 0; n < 3; n++ {
		var next [][]string
		for _, p := range last {
			for _, s := range segs {
				next = append(next, append(append([]string(nil), p...), s))
			}
		}
		all = append(all, next...)
		last = next
	}
	var plain [][]string // the paths of identifiers, which Covers walks by
	for _, p := range all {
		if identPath(p) {
			plain = append(plain, p)
		}
	}
	state := uint32(7)
	pickFrom := func(from [][]string, k int) [][]string {
		var out [][]string
		for i := 0; i < k; i++ {
			state = state*1664525 + 1013904223
			out = append(out, from[int(state>>8)%len(from)])
		}
		return out
	}
	pick := func(k int) [][]string { return pickFrom(all, k) }
	// The shapes that matter, then random ones.
	cases := []struct{ opts, asked [][]string }{
		{[][]string{{"a"}, {"b", "c"}}, [][]string{{"a", "b"}}},
		{[][]string{{"a", "x.y"}, {"b", "c"}}, [][]string{{"a"}}},
		{[][]string{{"a", "b", "c"}, {"a", "c"}, {"b"}}, [][]string{{"a", "b"}, {"c"}}},
		{[][]string{{"a", module.Dynamic}, {"b", "c"}}, [][]string{{"a", "c", "c"}, {}}},
		{[][]string{{module.Dynamic}, {"b", "c"}}, [][]string{{"c"}}},
		{[][]string{{"x", module.Dynamic}, {"b", "c"}}, [][]string{{}, {"b"}}},
		{[][]string{{"a", module.Dynamic, "c"}}, [][]string{{"a", "b", "c"}}},
	}
	dropped := 0
	for trial := 0; trial < 300+len(cases); trial++ {
		var opts []*module.Option
		var asked [][]string
		if trial < len(cases) {
			for _, p := range cases[trial].opts {
				opts = append(opts, &module.Option{Path: p})
			}
			asked = cases[trial].asked
		} else {
			for _, p := range pick(1 + trial%40) {
				opts = append(opts, &module.Option{Path: p})
			}
			asked = pick(1 + trial%7)
			if trial%3 != 0 {
				asked = pickFrom(plain, 1+trial%7)
			}
		}
		full := module.NewIndex(opts)
		kept := relevantOptions(append([]*module.Option(nil), opts...), asked)
		some := module.NewIndex(kept)
		if len(kept) < len(opts) {
			dropped++
		}
		for _, p := range asked {
			if got, want := some.Covers(p), full.Covers(p); got != want {
				t.Fatalf("Covers(%q) = %v with %d options kept, want %v with all %d", p, got, len(kept), want, len(opts))
			}
		}
	}
	if dropped < 50 {
		t.Errorf("options left out in %d trials of 300: the test tries too little", dropped)
	}
}
