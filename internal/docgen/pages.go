package docgen

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/nixlint/nixlint/analysis"
)

// IndexName is the file name of the rule index in docs/rules.
const IndexName = "README.md"

// Pages returns every file of docs/rules by file name: <id>.md for each
// rule and the index.
func Pages(rules []*analysis.Analyzer) map[string][]byte {
	pages := make(map[string][]byte, len(rules)+1)
	for _, a := range rules {
		pages[a.Name+".md"] = Page(a)
	}
	pages[IndexName] = Index(rules)
	return pages
}

// Index renders docs/rules/README.md: every rule by family.
func Index(rules []*analysis.Analyzer) []byte {
	byFamily := map[string][]*analysis.Analyzer{}
	for _, a := range rules {
		f := Family(a)
		byFamily[f] = append(byFamily[f], a)
	}
	families := make([]string, 0, len(byFamily))
	for f := range byFamily {
		families = append(families, f)
	}
	sort.Strings(families)

	var b strings.Builder
	b.WriteString(header)
	b.WriteString("# Rules\n\n")
	fmt.Fprintf(&b, "nixlint has %d rules. Each page gives the principle the rule enforces, what it reports, its options, a violation and its fix, and how to suppress a finding. `nixlint rules` lists them in the terminal and `nixlint explain RULE` prints one.\n", len(rules))
	for _, f := range families {
		fmt.Fprintf(&b, "\n## %s\n\n| Rule | Default severity | Summary |\n|---|---|---|\n", f)
		list := byFamily[f]
		sort.Slice(list, func(i, j int) bool { return list[i].Name < list[j].Name })
		for _, a := range list {
			fmt.Fprintf(&b, "| [`%s`](%s.md) | %s | %s |\n", a.Name, a.Name, a.Severity, cell(a.Title()))
		}
	}
	return []byte(b.String())
}

// Write writes pages into dir and removes the other .md files there (the
// pages of rules that no longer exist), so dir holds exactly pages.
func Write(dir string, pages map[string][]byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("docgen: %w", err)
	}
	old, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		return fmt.Errorf("docgen: %w", err)
	}
	for _, p := range old {
		if _, ok := pages[filepath.Base(p)]; !ok {
			if err := os.Remove(p); err != nil {
				return fmt.Errorf("docgen: removing a stale page: %w", err)
			}
		}
	}
	names := make([]string, 0, len(pages))
	for n := range pages {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), pages[n], 0o644); err != nil {
			return fmt.Errorf("docgen: %w", err)
		}
	}
	return nil
}
