package engine_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/config"
	"github.com/nixlint/nixlint/engine"
	"github.com/nixlint/nixlint/report"
	"github.com/nixlint/nixlint/rules/hygiene"
	"github.com/nixlint/nixlint/rules/language"
)

// writeTree writes files (path -> content) below a new temporary root.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// ownRules are the rules of this issue; the tests do not use rules.All(),
// whose other rules would add findings as they are written.
var ownRules = []*analysis.Analyzer{
	engine.InternalError, engine.StaleBaseline,
	hygiene.SuppressionReason, hygiene.UnusedSuppression,
	language.DuplicateAttr, language.SyntaxError, language.UndefinedVariable,
}

func lint(t *testing.T, opts engine.Options) *report.Result {
	t.Helper()
	if opts.Analyzers == nil {
		opts.Analyzers = ownRules
	}
	res, err := engine.Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// brief renders findings as "file:line: rule" (suppressed ones marked).
func brief(res *report.Result) []string {
	var out []string
	for _, f := range res.Findings {
		s := f.File + ":" + strconv.Itoa(f.Line) + ": " + f.Rule
		if f.Suppressed {
			s += " (suppressed: " + f.Reason + ")"
		}
		out = append(out, s)
	}
	return out
}

func TestWalkSkipsHostileEntries(t *testing.T) {
	root := writeTree(t, map[string]string{
		"flake.nix":                "{ outputs = _: { }; }\n",
		"modules/a.nix":            "{ a = ; }\n",
		".git/x.nix":               "{ a = ; }\n",
		"node_modules/x.nix":       "{ a = ; }\n",
		".direnv/x.nix":            "{ a = ; }\n",
		"result-bin/x.nix":         "{ a = ; }\n",
		"results.nix":              "{ }\n",
		"dir.nix/inner.nix":        "{ }\n",
		"vendor/skip.nix":          "{ a = ; }\n",
		"crypt.nix":                "\x00GITCRYPT\x00\x01\x02binary",
		"space name.nix":           "{ a = ; }\n",
		"new\nline.nix":            "{ }\n",
		"modules/empty/.keep":      "",
		"modules/not-nix/file.txt": "{ a = ; }",
	})
	must(t, os.Symlink("..", filepath.Join(root, "modules", "loop")))
	must(t, os.Symlink("missing.nix", filepath.Join(root, "dangling.nix")))
	must(t, os.Symlink("modules/a.nix", filepath.Join(root, "link.nix")))
	must(t, syscall.Mkfifo(filepath.Join(root, "fifo.nix"), 0o644))
	cfg := config.Default()
	cfg.Exclude = append(cfg.Exclude, "vendor")
	res := lint(t, engine.Options{Paths: []string{root}, Config: cfg})
	got := brief(res)
	want := []string{
		"link.nix:1: syntax-error",
		"modules/a.nix:1: syntax-error",
		"space name.nix:1: syntax-error",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings:\n got %q\nwant %q", got, want)
	}
	// flake.nix, modules/a.nix, results.nix, dir.nix/inner.nix,
	// space name.nix, new\nline.nix, link.nix.
	if res.Summary.Files != 7 {
		t.Errorf("Files = %d, want 7", res.Summary.Files)
	}
	if res.Summary.Skipped != 2 { // crypt.nix and the excluded vendor folder
		t.Errorf("Skipped = %d, want 2", res.Summary.Skipped)
	}
}

func TestFindRoot(t *testing.T) {
	root := writeTree(t, map[string]string{"flake.nix": "{ }", "modules/x/y.nix": "{ }"})
	for _, p := range []string{root, filepath.Join(root, "modules", "x"), filepath.Join(root, "modules", "x", "y.nix")} {
		got, err := engine.FindRoot(p)
		if err != nil || got != root {
			t.Errorf("FindRoot(%s) = %q, %v; want %q", p, got, err, root)
		}
	}
	bare := writeTree(t, map[string]string{"a.nix": "{ }"})
	if got, _ := engine.FindRoot(bare); got != bare {
		t.Errorf("FindRoot without flake.nix = %q, want the path itself %q", got, bare)
	}
	if _, err := engine.FindRoot(filepath.Join(bare, "missing")); err == nil {
		t.Error("FindRoot of a missing path: no error")
	}
}

// panicky panics on one file, after reporting on another.
var panicky = &analysis.Analyzer{
	Name:     "panicky",
	Severity: analysis.Warning,
	Doc:      "test rule that panics",
	Run: func(pass *analysis.Pass) (any, error) {
		pass.ForEachFile(func(f *analysis.File) {
			if f.Path == "b.nix" {
				var m map[string]int
				m["x"]++ // nil map write: a real panic
			}
			pass.Reportf(f.Start(), f.Start(), "visited")
		})
		return nil, nil
	},
}

func TestPanicIsInternalError(t *testing.T) {
	root := writeTree(t, map[string]string{"flake.nix": "{ }\n", "a.nix": "{ }\n", "b.nix": "{ x = ; }\n"})
	res := lint(t, engine.Options{Paths: []string{root}, Analyzers: []*analysis.Analyzer{panicky, language.SyntaxError}})
	got := brief(res)
	want := []string{"a.nix:1: panicky", "b.nix:1: internal-error", "b.nix:1: syntax-error"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("findings:\n got %q\nwant %q", got, want)
	}
	msg := res.Findings[1].Message
	if !strings.Contains(msg, "rule panicky panicked while analysing b.nix") || !strings.Contains(msg, "nil map") {
		t.Errorf("internal error message %q lacks the rule, the file or the panic", msg)
	}
	if res.Summary.Internal != 1 {
		t.Errorf("Summary.Internal = %d, want 1", res.Summary.Internal)
	}
}

func TestRestrictToGivenFiles(t *testing.T) {
	root := writeTree(t, map[string]string{
		"flake.nix": "{ }\n", "a.nix": "{ x = ; }\n", "m/b.nix": "{ x = ; }\n", "m/c.nix": "{ x = ; }\n",
		"flake.lock": "{}\n", ".nixlint.toml": "", "m/flake.lock": "{}\n",
	})
	all := []string{"a.nix:1: syntax-error", "m/b.nix:1: syntax-error", "m/c.nix:1: syntax-error"}
	cases := []struct {
		paths []string
		want  []string
	}{
		{[]string{root}, all},
		{[]string{filepath.Join(root, "m", "b.nix")}, []string{"m/b.nix:1: syntax-error"}},
		{[]string{filepath.Join(root, "m")}, []string{"m/b.nix:1: syntax-error", "m/c.nix:1: syntax-error"}},
		{[]string{filepath.Join(root, "a.nix"), filepath.Join(root, "m", "c.nix")}, []string{"a.nix:1: syntax-error", "m/c.nix:1: syntax-error"}},
		// A changed configuration or root lock file can change any finding.
		{[]string{filepath.Join(root, "m", "b.nix"), filepath.Join(root, ".nixlint.toml")}, all},
		{[]string{filepath.Join(root, "m", "b.nix"), filepath.Join(root, "flake.lock")}, all},
		{[]string{filepath.Join(root, "flake.lock")}, all},
		// A lock file below the root is not the flake's.
		{[]string{filepath.Join(root, "m", "b.nix"), filepath.Join(root, "m", "flake.lock")}, []string{"m/b.nix:1: syntax-error"}},
	}
	for _, c := range cases {
		got := brief(lint(t, engine.Options{Paths: c.paths}))
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("paths %q:\n got %q\nwant %q", c.paths, got, c.want)
		}
	}
}

func TestSeverities(t *testing.T) {
	root := writeTree(t, map[string]string{"flake.nix": "{ }\n", "a.nix": "{ x = ; y = z; }\n"})
	cfg := config.Default()
	cfg.Rules = map[string]config.RuleConfig{"syntax-error": {Severity: "note"}}
	res := lint(t, engine.Options{Paths: []string{root}, Config: cfg})
	if len(res.Findings) != 1 || res.Findings[0].Severity != "note" {
		t.Errorf("configured severity not applied: %+v", res.Findings)
	}
	res = lint(t, engine.Options{Paths: []string{root}, Disable: []string{"syntax-error"}})
	if len(res.Findings) != 0 {
		t.Errorf("--disable: findings %q", brief(res))
	}
	if _, err := engine.Run(context.Background(), engine.Options{Paths: []string{root}, Analyzers: ownRules, Enable: []string{"no-such-rule"}}); err == nil {
		t.Error("--enable of an unknown rule: no error")
	}
}

func TestUnknownRuleInSuppression(t *testing.T) {
	root := writeTree(t, map[string]string{
		"flake.nix": "{ }\n",
		"a.nix":     "{\n  x = 1; # nixlint:ignore duplicate-atr -- typo\n}\n",
	})
	res := lint(t, engine.Options{Paths: []string{root}})
	if len(res.Findings) != 1 {
		t.Fatalf("findings %q, want one unused-suppression", brief(res))
	}
	f := res.Findings[0]
	if f.Rule != "unused-suppression" || !strings.Contains(f.Message, `unknown rule "duplicate-atr"`) || !strings.Contains(f.Message, `did you mean "duplicate-attr"`) {
		t.Errorf("finding %+v", f)
	}
}

func TestBaseline(t *testing.T) {
	root := writeTree(t, map[string]string{
		"flake.nix": "{ }\n",
		"a.nix":     "{\n  x = y;\n  z = w;\n}\n",
	})
	bl := filepath.Join(t.TempDir(), "baseline.json")
	res := lint(t, engine.Options{Paths: []string{root}, WriteBaseline: bl})
	if res.Summary.Errors != 0 || res.Summary.Suppressed != 2 {
		t.Fatalf("after --write-baseline: %+v", res.Summary)
	}
	data, err := os.ReadFile(bl)
	must(t, err)
	again := lint(t, engine.Options{Paths: []string{root}, WriteBaseline: bl})
	data2, _ := os.ReadFile(bl)
	if string(data) != string(data2) || again.Summary.Suppressed != 2 {
		t.Error("writing the baseline twice gave different bytes")
	}

	// Edits elsewhere (lines added above) keep the entries matched.
	must(t, os.WriteFile(filepath.Join(root, "a.nix"), []byte("# header\n\n{\n  x = y;\n  z = w;\n}\n"), 0o644))
	res = lint(t, engine.Options{Paths: []string{root}, Baseline: bl})
	if res.Summary.Errors != 0 || res.Summary.Suppressed != 2 {
		t.Errorf("after moving lines: %q", brief(res))
	}
	// Fixing one finding makes its entry stale; a new one is reported.
	must(t, os.WriteFile(filepath.Join(root, "a.nix"), []byte("{ y, ... }:\n{\n  x = y;\n  z = w;\n  q = v;\n}\n"), 0o644))
	res = lint(t, engine.Options{Paths: []string{root}, Baseline: bl})
	got := brief(res)
	want := []string{
		"a.nix:1: stale-baseline",
		"a.nix:4: undefined-variable (suppressed: baseline)",
		"a.nix:5: undefined-variable",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings:\n got %q\nwant %q", got, want)
	}
}

func TestDeterministic(t *testing.T) {
	files := map[string]string{"flake.nix": "{ }\n"}
	for i := 0; i < 50; i++ {
		files["m/f"+strconv.Itoa(i)+".nix"] = "{ a = x; a = 2; b = ; }\n"
	}
	root := writeTree(t, files)
	first := lint(t, engine.Options{Paths: []string{root}})
	for i := 0; i < 3; i++ {
		if next := lint(t, engine.Options{Paths: []string{root}}); !reflect.DeepEqual(first, next) {
			t.Fatal("two runs gave different results")
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// parPanicky panics in ParallelForEachFile on one file.
var parPanicky = &analysis.Analyzer{
	Name:     "par-panicky",
	Severity: analysis.Warning,
	Doc:      "test rule that panics in a parallel loop",
	Run: func(pass *analysis.Pass) (any, error) {
		pass.ParallelForEachFile(func(f *analysis.File) {
			if f.Path == "b.nix" {
				panic("parallel boom")
			}
		})
		return nil, nil
	},
}

func TestParallelPanicIsAttributed(t *testing.T) {
	files := map[string]string{"flake.nix": "{ }\n", "b.nix": "{ }\n"}
	for i := 0; i < 20; i++ {
		files["m/f"+strconv.Itoa(i)+".nix"] = "{ }\n"
	}
	root := writeTree(t, files)
	res := lint(t, engine.Options{Paths: []string{root}, Analyzers: []*analysis.Analyzer{parPanicky}})
	if got := brief(res); !reflect.DeepEqual(got, []string{"b.nix:1: internal-error"}) {
		t.Fatalf("findings %q", got)
	}
	msg := res.Findings[0].Message
	if !strings.Contains(msg, "par-panicky panicked while analysing b.nix: parallel boom") || !strings.Contains(msg, "engine_test.go") {
		t.Errorf("message %q lacks the rule, file, value or the frame of the panic", msg)
	}
}

// graded reports every file with a per-diagnostic severity of error.
var graded = &analysis.Analyzer{
	Name:     "graded",
	Severity: analysis.Warning,
	Doc:      "test rule with a per-diagnostic severity",
	Run: func(pass *analysis.Pass) (any, error) {
		pass.ForEachFile(func(f *analysis.File) {
			pass.Report(analysis.Diagnostic{Pos: f.Start(), Message: "graded", Severity: analysis.Error})
		})
		return nil, nil
	},
}

func TestDiagnosticSeverityOverride(t *testing.T) {
	root := writeTree(t, map[string]string{"flake.nix": "{ }\n"})
	res := lint(t, engine.Options{Paths: []string{root}, Analyzers: []*analysis.Analyzer{graded}})
	if len(res.Findings) != 1 || res.Findings[0].Severity != "error" {
		t.Errorf("rule's override not applied: %+v", res.Findings)
	}
	cfg := config.Default()
	cfg.Rules = map[string]config.RuleConfig{"graded": {Severity: "note"}}
	res = lint(t, engine.Options{Paths: []string{root}, Analyzers: []*analysis.Analyzer{graded}, Config: cfg})
	if len(res.Findings) != 1 || res.Findings[0].Severity != "note" {
		t.Errorf("user's severity must win over the rule's override: %+v", res.Findings)
	}
}
