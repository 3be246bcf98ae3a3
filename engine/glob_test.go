package engine

import "testing"

func TestMatchGlob(t *testing.T) {
	tests := []struct {
		pattern, name string
		want          bool
	}{
		{"vendor", "vendor/a.nix", true},
		{"vendor/", "vendor/a/b.nix", true},
		{"./vendor/**", "vendor/a.nix", true},
		{"vendor", "vendored/a.nix", false},
		{"**/generated.nix", "a/b/generated.nix", true},
		{"**/generated.nix", "generated.nix", true},
		{"modules/*/hw.nix", "modules/x/hw.nix", true},
		{"modules/*/hw.nix", "modules/x/y/hw.nix", false},
		{"modules/**/hw.nix", "modules/x/y/hw.nix", true},
		{"*.nix", "a.nix", true},
		{"*.nix", "d/a.nix", false},
		{"[", "a", false},
		{"", "a", false},
	}
	for _, tt := range tests {
		if got := matchGlob(tt.pattern, tt.name); got != tt.want {
			t.Errorf("matchGlob(%q, %q) = %v, want %v", tt.pattern, tt.name, got, tt.want)
		}
	}
}
