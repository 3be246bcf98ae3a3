package integrationtest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// userDocs are the pages this package's integrations are documented in.
var userDocs = []string{
	"README.md",
	"docs/README.md",
	"docs/quickstart.md",
	"docs/github-action.md",
	"docs/pre-commit.md",
	"docs/editors.md",
}

var codeSpan = regexp.MustCompile("`([a-z-]+)`")

var mdLink = regexp.MustCompile(`\]\(([^)\s]+)\)`)

// TestDocLinks checks that the relative links of the user documentation
// and of the generated rule pages lead to files that exist.
func TestDocLinks(t *testing.T) {
	root := repoRoot(t)
	pages := append([]string(nil), userDocs...)
	rulePages, err := filepath.Glob(filepath.Join(root, "docs", "rules", "*.md"))
	if err != nil || len(rulePages) == 0 {
		t.Fatalf("no rule pages: %v", err)
	}
	for _, p := range rulePages {
		pages = append(pages, "docs/rules/"+filepath.Base(p))
	}
	for _, page := range pages {
		data, err := os.ReadFile(filepath.Join(root, page))
		if err != nil {
			t.Errorf("%s: %v", page, err)
			continue
		}
		for _, m := range mdLink.FindAllStringSubmatch(string(data), -1) {
			target, _, _ := strings.Cut(m[1], "#")
			if target == "" || strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			p := filepath.Join(root, filepath.Dir(page), filepath.FromSlash(target))
			if _, err := os.Stat(p); err != nil {
				t.Errorf("%s links to %s, which does not exist", page, m[1])
			}
		}
	}
}

// TestActionDocumented checks that docs/github-action.md documents every
// input and output of action.yml, and names no other.
func TestActionDocumented(t *testing.T) {
	root := repoRoot(t)
	var a actionFile
	loadYAML(t, filepath.Join(root, "action.yml"), &a)
	data, err := os.ReadFile(filepath.Join(root, "docs/github-action.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	documented := map[string]bool{}
	// The first cell of each table row names one or more inputs or outputs.
	for _, line := range strings.Split(doc, "\n") {
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		cell, _, _ := strings.Cut(line[1:], "|")
		for _, m := range codeSpan.FindAllStringSubmatch(cell, -1) {
			documented[m[1]] = true
		}
	}
	for name := range a.Inputs {
		if !documented[name] {
			t.Errorf("input %s is not in the inputs table of docs/github-action.md", name)
		}
		delete(documented, name)
	}
	for name := range a.Outputs {
		if !documented[name] {
			t.Errorf("output %s is not in the outputs table of docs/github-action.md", name)
		}
		delete(documented, name)
	}
	for name := range documented {
		t.Errorf("docs/github-action.md documents %s, which action.yml does not have", name)
	}
}

// TestHooksDocumented checks that docs/pre-commit.md names every hook.
func TestHooksDocumented(t *testing.T) {
	root := repoRoot(t)
	var hooks []hookManifest
	loadYAML(t, filepath.Join(root, ".pre-commit-hooks.yaml"), &hooks)
	data, err := os.ReadFile(filepath.Join(root, "docs/pre-commit.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hooks {
		if !strings.Contains(string(data), "| `"+h.ID+"` |") {
			t.Errorf("hook %s is not in the table of docs/pre-commit.md", h.ID)
		}
	}
}
