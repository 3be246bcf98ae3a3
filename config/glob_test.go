package config

import (
	"strings"
	"testing"
)

func TestExcluded(t *testing.T) {
	tests := []struct {
		globs []string
		path  string
		want  bool
	}{
		{[]string{"vendor"}, "vendor", true},
		{[]string{"vendor"}, "vendor/a/b.nix", true}, // a folder pattern excludes its subtree
		{[]string{"vendor/"}, "vendor/a.nix", true},
		{[]string{"./vendor"}, "vendor/a.nix", true},
		{[]string{"vendor"}, "src/vendor/a.nix", false}, // anchored at the root
		{[]string{"**/vendor"}, "src/vendor/a.nix", true},
		{[]string{"**/vendor"}, "vendor/a.nix", true}, // ** matches zero segments
		{[]string{"*.nix"}, "a.nix", true},
		{[]string{"*.nix"}, "modules/a.nix", false}, // * stays within a segment
		{[]string{"**/*.nix"}, "modules/x/a.nix", true},
		{[]string{"modules/**/generated-*.nix"}, "modules/a/b/generated-x.nix", true},
		{[]string{"modules/**/generated-*.nix"}, "modules/generated-x.nix", true},
		{[]string{"modules/**/generated-*.nix"}, "modules/a/b/x.nix", false},
		{[]string{"modules/*/secret.nix"}, "modules/a/secret.nix", true},
		{[]string{"modules/*/secret.nix"}, "modules/a/b/secret.nix", false},
		{[]string{"hosts/[ab]*"}, "hosts/alpha/x.nix", true},
		{[]string{"hosts/[ab]*"}, "hosts/charlie/x.nix", false},
		{[]string{"**"}, "anything/at/all.nix", true},
		{[]string{"a", "b/**"}, "b/c.nix", true},
		{[]string{"a/**/**/b"}, "a/x/y/b", true},
		{nil, "a.nix", false},
		{[]string{"modules"}, "modulesx/a.nix", false},
		{[]string{"modules/legacy"}, "./modules/legacy/a.nix", true},
	}
	for _, tt := range tests {
		c := &Config{Exclude: tt.globs}
		if got := c.Excluded(tt.path); got != tt.want {
			t.Errorf("Excluded(%q) with %q = %v, want %v", tt.path, tt.globs, got, tt.want)
		}
	}
}

func TestExceptionFor(t *testing.T) {
	c := &Config{Exceptions: []Exception{
		{Path: "modules/legacy", Rule: "flat-hierarchy", Reason: "old", Line: 3},
		{Path: "modules/**/default.nix", Rule: "module-self-enable", Reason: "aggregators", Line: 8},
		{Path: "roles/*.nix", Rule: "role-only-compose", Reason: "first", Line: 12},
		{Path: "roles/web.nix", Rule: "role-only-compose", Reason: "second", Line: 17},
	}}
	tests := []struct {
		path, rule string
		wantLine   int // 0: no exception
	}{
		{"modules/legacy", "flat-hierarchy", 3}, // the folder itself
		{"modules/legacy/a/b.nix", "flat-hierarchy", 3},
		{"modules/legacy/a/b.nix", "domain-folders", 0}, // other rule
		{"modules/legacy2/a.nix", "flat-hierarchy", 0},
		{"modules/x/y/default.nix", "module-self-enable", 8},
		{"modules/default.nix", "module-self-enable", 8},
		{"modules/x/y/other.nix", "module-self-enable", 0},
		{"roles/web.nix", "role-only-compose", 12}, // the first matching entry wins
		{"roles/sub/web.nix", "role-only-compose", 0},
	}
	for _, tt := range tests {
		e := c.ExceptionFor(tt.path, tt.rule)
		got := 0
		if e != nil {
			got = e.Line
		}
		if got != tt.wantLine {
			t.Errorf("ExceptionFor(%q, %q) = line %d, want %d", tt.path, tt.rule, got, tt.wantLine)
		}
	}
}

func TestCheckGlob(t *testing.T) {
	good := []string{"a", "a/b", "**", "**/x.nix", "a/**/b", "a/*.nix", "[a-c]?", `a\*b`, "./a/", "/a"}
	for _, g := range good {
		if msg := checkGlob(g); msg != "" {
			t.Errorf("checkGlob(%q) = %q, want ok", g, msg)
		}
	}
	bad := []string{"", "/", "./", "a//b", "a/**b", "***", "[", "a/[z-", `a\`}
	for _, g := range bad {
		if checkGlob(g) == "" {
			t.Errorf("checkGlob(%q) accepted a bad glob", g)
		}
	}
}

// A pattern with many "**" against a deep path must not take exponential
// time.
func TestGlobManyStars(t *testing.T) {
	pat := strings.Repeat("**/a/", 12) + "b"
	path := strings.Repeat("a/", 60) + "c"
	c := &Config{Exclude: []string{pat}}
	if c.Excluded(path) {
		t.Errorf("matched")
	}
	if !c.Excluded(strings.Repeat("a/", 20) + "b") {
		t.Errorf("did not match")
	}
}
