package conventions_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/analysis/analysistest"
	"github.com/nixlint/nixlint/rules/conventions"
)

// TestDocs checks that every rule is documented, that docs/rules/<id>.md
// says what the rule's documentation says, and that the documented
// violation is reported while the documented fix is not.
func TestDocs(t *testing.T) {
	for _, a := range conventions.Analyzers() {
		checkDocs(t, a, nil)
	}
}

// checkDocs runs the checks of TestDocs for one rule; extra are files the
// examples need beside them (roles, for the registry rules).
func checkDocs(t *testing.T, a *analysis.Analyzer, extra map[string]string) {
	t.Helper()
	if a.Docs == nil || a.Docs.Principle == "" || a.Docs.Bad == "" || a.Docs.Good == "" || a.Title() == "" || a.Description() == "" {
		t.Errorf("%s: incomplete documentation", a.Name)
		return
	}
	md, err := os.ReadFile(filepath.Join("..", "..", "docs", "rules", a.Name+".md"))
	if err != nil {
		t.Errorf("%s: %v", a.Name, err)
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
		b.WriteString("-- modules/infrastructure/example.nix --\n{ config, self, ... }:\n{\n" + ex.src + "\n}\n")
		for name, content := range extra {
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
