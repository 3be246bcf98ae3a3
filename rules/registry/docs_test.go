package registry_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nixlint/nixlint/analysis/analysistest"
	"github.com/nixlint/nixlint/rules/registry"
)

// TestDocs checks that every rule is documented, that docs/rules/<id>.md
// is up to date, and that the documented violation is reported while the
// documented fix is not.
func TestDocs(t *testing.T) {
	roles := map[string]string{
		"roles/dns.nix":  "{ ... }: { }",
		"roles/web.nix":  "{ ... }: { }",
		"roles/mail.nix": "{ ... }: { }",
	}
	for _, a := range registry.Analyzers() {
		if a.Docs == nil || a.Docs.Principle == "" || a.Docs.Bad == "" || a.Docs.Good == "" || a.Description() == "" {
			t.Errorf("%s: incomplete documentation", a.Name)
			continue
		}
		md, err := os.ReadFile(filepath.Join("..", "..", "docs", "rules", a.Name+".md"))
		if err != nil {
			t.Error(err)
		} else {
			for _, want := range []string{a.Docs.Principle, a.Docs.Bad, a.Docs.Good, "`" + a.Severity.String() + "`"} {
				if !strings.Contains(string(md), want) {
					t.Errorf("docs/rules/%s.md is out of date: it lacks %q", a.Name, want)
				}
			}
		}
		for _, ex := range []struct {
			kind, src string
			want      bool
		}{{"Bad", a.Docs.Bad, true}, {"Good", a.Docs.Good, false}} {
			var b strings.Builder
			b.WriteString("-- flake.nix --\n{ outputs = _: { }; }\n")
			b.WriteString("-- modules/infrastructure/example.nix --\n{ config, ... }:\n{\n" + ex.src + "\n}\n")
			for name, content := range roles {
				b.WriteString("-- " + name + " --\n" + content + "\n")
			}
			res := analysistest.Lint(t, b.String(), a)
			found := 0
			for _, f := range res.Findings {
				if f.Rule == a.Name && !f.Suppressed {
					found++
				}
			}
			if (found > 0) != ex.want {
				t.Errorf("%s: the documented %s example gives %d findings", a.Name, ex.kind, found)
			}
		}
	}
}
