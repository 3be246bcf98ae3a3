package architecture

import (
	"strings"
	"testing"
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
