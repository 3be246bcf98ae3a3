package main

import (
	"bytes"
	"github.com/nixlint/nixlint/internal/testtool"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
)

// requireTool skips the test when name is not installed, and fails it when
// NIXLINT_REQUIRE_TOOLS=1 (as in CI).
func requireTool(t *testing.T, name string) string {
	t.Helper()
	return testtool.Path(t, name)
}

// TestLanguageFindingsMatchNix lints the parser corpus (valid and invalid
// files) as one repository and checks that the language rules report
// exactly the files `nix-instantiate --parse` rejects: syntax errors,
// duplicate attributes, undefined variables and the other checks Nix makes
// while reading a file. Files listed in testdata/parser/KNOWN_DIFFS.md are
// left out, as in the parser's own differential test.
func TestLanguageFindingsMatchNix(t *testing.T) {
	nix := requireTool(t, "nix-instantiate")
	corpus := filepath.Join("..", "..", "testdata", "parser")
	known, err := os.ReadFile(filepath.Join(corpus, "KNOWN_DIFFS.md"))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	var names []string
	for _, dir := range []string{"corpus", "invalid"} {
		files, _ := filepath.Glob(filepath.Join(corpus, dir, "*.nix"))
		for _, f := range files {
			rel := dir + "/" + filepath.Base(f)
			if bytes.Contains(known, []byte("`"+rel+"`")) {
				continue
			}
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			name := dir + "-" + filepath.Base(f)
			if err := os.WriteFile(filepath.Join(root, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		t.Skip("no parser corpus")
	}
	sort.Strings(names)

	_, stdout, stderr := nixlint(t, "--format", "json", "--fail-on", "never",
		"--disable", strings.Join(nonLanguageRules(), ","), root)
	res := decode(t, stdout)
	flagged := map[string]bool{}
	for _, f := range res.Findings {
		switch f.Rule {
		case "syntax-error", "duplicate-attr", "undefined-variable":
			flagged[f.File] = true
		case "internal-error":
			t.Errorf("%s: internal error: %s (stderr %s)", f.File, f.Message, stderr)
		}
	}
	if len(flagged) == 0 {
		t.Fatal("no language finding at all: the invalid corpus must give some")
	}
	state := t.TempDir()
	type verdict struct {
		rejected bool
		out      []byte
	}
	parse := func(name string) verdict {
		cmd := exec.Command(nix, "--parse", name)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "NIX_STATE_DIR="+state, "NIX_PATH=nixpkgs=/nonexistent")
		out, err := cmd.CombinedOutput()
		return verdict{err != nil, out}
	}
	verdicts := make([]verdict, len(names))
	// The first run creates Nix's state directory; concurrent first runs
	// race on its symlinks ("creating symlink … File exists"), so it runs
	// alone.
	verdicts[0] = parse(names[0])
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.NumCPU())
	for i, name := range names[1:] {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			verdicts[i+1] = parse(name)
		}()
	}
	wg.Wait()
	rejected := 0
	for i, name := range names {
		v := verdicts[i]
		if v.rejected {
			rejected++
		}
		if v.rejected != flagged[name] {
			t.Errorf("%s: Nix rejects it: %v; nixlint's language rules report it: %v\nnix says: %s", name, v.rejected, flagged[name], firstLine(v.out))
		}
	}
	t.Logf("%d files, %d rejected by Nix, %d reported by nixlint", len(names), rejected, len(flagged))
}

// nonLanguageRules returns the ids of every rule but the language ones.
func nonLanguageRules() []string {
	var out []string
	for _, a := range registry() {
		switch a.Name {
		case "syntax-error", "duplicate-attr", "undefined-variable", "internal-error":
		default:
			out = append(out, a.Name)
		}
	}
	return out
}

func firstLine(b []byte) string {
	s := strings.TrimSpace(string(b))
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
