package registry

import (
	"go/token"
	"strings"
	"testing"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/config"
	"github.com/nixlint/nixlint/parser"
)

// TestReferFilter checks that the byte test skips the files it should,
// and never a file whose walk records a use of a role or gives up on a
// dynamic reference: skipping must not change what the rule finds.
func TestReferFilter(t *testing.T) {
	tests := []struct {
		name, path, src string
		skip            bool
	}{
		{"no reference", "modules/a.nix", `{ services.nginx.enable = true; }`, true},
		{"path elsewhere", "modules/a.nix", `{ imports = [ ./b.nix ../c ]; }`, true},
		{"module reference", "modules/a.nix", `{ self, ... }: { imports = [ self.nixosModules.role-web ]; }`, false},
		{"variable", "modules/a.nix", `{ imports = with self.nixosModules; [ role-web ]; }`, false},
		{"string", "modules/a.nix", `{ x = "role-web"; }`, false},
		{"escaped string", "modules/a.nix", `{ x = "ro\le-web"; }`, false},
		{"escaped indented string", "modules/a.nix", `{ x = ''ro''\le-web''; }`, false},
		{"quoted attribute", "modules/a.nix", `{ x = self.nixosModules."ro\le-web"; }`, false},
		{"dynamic string", "modules/a.nix", `n: { x = self.nixosModules."role-${n}"; }`, false},
		{"path into roles", "hosts/a/default.nix", `{ imports = [ ../../roles/web.nix ]; }`, false},
		{"role importing a role", "roles/web.nix", `{ imports = [ ./db ]; }`, false},
		{"roles in a comment", "modules/a.nix", "# roles\n{ }", false},
	}
	conv := config.Default().Conventions
	filter := newReferFilter(conv.RoleReference, "roles")
	if !filter.on {
		t.Fatalf("filter off for the default pattern %q", conv.RoleReference)
	}
	// What the rule looks up at the end, for roles web and db.
	watched := []string{"web", "db", "roles/web.nix", "roles/db/default.nix", "roles/db"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fset := token.NewFileSet()
			src := []byte(tt.src)
			f, errs := parser.ParseFile(fset, tt.path, src)
			if len(errs) > 0 {
				t.Fatalf("parse: %v", errs)
			}
			file := &analysis.File{Path: tt.path, Src: src, AST: f}
			if got := filter.skip(file); got != tt.skip {
				t.Errorf("skip = %v, want %v", got, tt.skip)
			}
			u := &uses{conv: &conv, used: map[string]bool{}, roles: "roles"}
			u.file(file)
			recorded := u.dynamic
			for _, k := range watched {
				recorded = recorded || u.used[k]
			}
			if filter.skip(file) && recorded {
				t.Errorf("skipped a file that refers to a role: used %v, dynamic %v", u.used, u.dynamic)
			}
		})
	}
}

// TestReferFilterOff checks the patterns and folders for which a byte test
// would not be exact.
func TestReferFilterOff(t *testing.T) {
	tests := []struct {
		reference, roles string
		on               bool
	}{
		{"role-{name}", "roles", true},
		{"role-{name}", "nix/roles", true},
		{"{name}", "roles", false},
		{"{name}-role", "roles", false},
		{"r$-{name}", "roles", false},
		{"r'-{name}", "roles", false},
		{`r\-{name}`, "roles", false},
		{"role {name}", "roles", false},
		{"role-{name}", ".", false},
		{"role-{name}", "", false},
	}
	for _, tt := range tests {
		f := newReferFilter(tt.reference, tt.roles)
		if f.on != tt.on {
			t.Errorf("newReferFilter(%q, %q).on = %v, want %v", tt.reference, tt.roles, f.on, tt.on)
		}
		if !f.on && f.skip(&analysis.File{Path: "a.nix", Src: []byte("{ }")}) {
			t.Errorf("newReferFilter(%q, %q) skips while off", tt.reference, tt.roles)
		}
	}
}

func TestContainsEither(t *testing.T) {
	tests := []struct{ src, a, b string }{
		{"", "role-", "roles"},
		{"role", "role-", "roles"},
		{"roleX role-web", "role-", "roles"},
		{"rolroles", "role-", "roles"},
		{"xx role", "role-", "role"},
		{"machines", "role-", "machines"},
		{"a role-web", "role-", "machines"},
		{"rol-e roless", "role-", "roles"},
		{"rolee", "role-", "roles"},
	}
	for _, tt := range tests {
		want := strings.Contains(tt.src, tt.a) || strings.Contains(tt.src, tt.b)
		if got := containsEither([]byte(tt.src), []byte(tt.a), []byte(tt.b)); got != want {
			t.Errorf("containsEither(%q, %q, %q) = %v, want %v", tt.src, tt.a, tt.b, got, want)
		}
	}
}
