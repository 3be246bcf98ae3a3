package docgen_test

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/internal/docgen"
	"github.com/nixlint/nixlint/rules"
)

const rulesDir = "../../docs/rules"

// TestPagesUpToDate fails when a page of docs/rules is missing, stale, or
// belongs to no rule. Fix it with `go generate ./internal/docgen`.
func TestPagesUpToDate(t *testing.T) {
	want := docgen.Pages(rules.All())
	for name, content := range want {
		got, err := os.ReadFile(filepath.Join(rulesDir, name))
		if err != nil {
			t.Errorf("docs/rules/%s is missing (run go generate ./internal/docgen): %v", name, err)
			continue
		}
		if string(got) != string(content) {
			t.Errorf("docs/rules/%s is stale: run go generate ./internal/docgen\n%s", name, firstDiff(string(got), string(content)))
		}
	}
	files, err := filepath.Glob(filepath.Join(rulesDir, "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if _, ok := want[filepath.Base(f)]; !ok {
			t.Errorf("docs/rules/%s documents no rule: remove it (go generate ./internal/docgen does)", filepath.Base(f))
		}
	}
}

// TestPageHasEveryDoc checks that a page carries everything the rule's
// documentation holds, on a rule made up for the test.
func TestPageHasEveryDoc(t *testing.T) {
	a := &analysis.Analyzer{
		Name:     "made-up",
		Severity: analysis.Warning,
		Doc:      "a made-up rule | with a pipe\n\nIt reports what it reports.",
		Options: []analysis.Option{
			{Name: "zeta", Default: []string{"a", "b"}, Doc: "a list"},
			{Name: "alpha", Default: 3, Doc: "a number"},
			{Name: "flag", Default: true, Doc: "a bool"},
		},
		Docs: &analysis.Docs{
			Principle: "Keep it\nsimple.",
			Bad:       "{ x = 1; }",
			Good:      "modules/\n└── media/",
			Since:     "0.2.0",
			Tags:      []string{"architecture", "extra-tag"},
		},
	}
	page := string(docgen.Page(a))
	for _, want := range []string{
		"# made-up\n\nA made-up rule | with a pipe.\n",
		"- Default severity: `warning`\n",
		"- Family: architecture\n",
		"- Tags: `extra-tag`\n",
		"- Since: nixlint 0.2.0\n",
		"## Principle\n\n> Keep it simple.\n",
		"## What it reports\n\nIt reports what it reports.\n",
		"| `alpha` | `3` | a number |\n| `flag` | `true` | a bool |\n| `zeta` | `[\"a\", \"b\"]` | a list |\n",
		"[rules.made-up]\nalpha = 3\nflag = true\nzeta = [\"a\", \"b\"]\n",
		"## Violation\n\n```nix\n{ x = 1; }\n```\n",
		"## Fix\n\n```text\nmodules/\n└── media/\n```\n",
		"# nixlint:ignore made-up -- why this is an exception",
		"rule = \"made-up\"",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q\n%s", want, page)
		}
	}
}

// TestEveryRulePageComplete checks the real rules: every documented field
// of every rule appears on its page.
func TestEveryRulePageComplete(t *testing.T) {
	for _, a := range rules.All() {
		page := string(docgen.Page(a))
		if !strings.Contains(page, "- Default severity: `"+a.Severity.String()+"`") {
			t.Errorf("%s: no severity", a.Name)
		}
		for _, o := range a.Options {
			if !strings.Contains(page, "| `"+o.Name+"` |") {
				t.Errorf("%s: option %s missing", a.Name, o.Name)
			}
		}
		if d := a.Docs; d != nil {
			for what, s := range map[string]string{"bad": d.Bad, "good": d.Good} {
				if s != "" && !strings.Contains(page, strings.Trim(s, "\n")) {
					t.Errorf("%s: %s example missing", a.Name, what)
				}
			}
			if d.Since != "" && !strings.Contains(page, d.Since) {
				t.Errorf("%s: since missing", a.Name)
			}
		}
	}
}

// TestIndexListsEveryRule checks the index links every page.
func TestIndexListsEveryRule(t *testing.T) {
	all := rules.All()
	index := string(docgen.Index(all))
	var missing []string
	for _, a := range all {
		if !strings.Contains(index, "]("+a.Name+".md)") {
			missing = append(missing, a.Name)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("index does not link %v", missing)
	}
}

// TestWriteRemovesStalePages checks that Write leaves exactly the pages.
func TestWriteRemovesStalePages(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "gone-rule.md"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := docgen.Write(dir, map[string][]byte{"a.md": []byte("a")}); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) != 1 || filepath.Base(files[0]) != "a.md" {
		t.Errorf("files after Write = %v, want only a.md", files)
	}
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n  have: " + gl + "\n  want: " + wl
		}
	}
	return ""
}
