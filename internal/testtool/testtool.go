// Package testtool gives tests the external tools they compare nixlint with
// (nix-instantiate, sarif-multitool, action-validator, pre-commit), with one
// policy: a missing tool skips the test, unless NIXLINT_REQUIRE_TOOLS=1 (set
// by .ci/run after installing them), in which case the test fails.
package testtool

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// Required reports whether missing tools must fail tests rather than skip
// them.
func Required() bool { return os.Getenv("NIXLINT_REQUIRE_TOOLS") == "1" }

// Path returns the path of the tool name, looked up on PATH and then in
// the repository's .tools/node_modules/.bin (where .ci/run installs the npm
// tools). A missing tool skips t, or fails it when Required.
func Path(t testing.TB, name string) string {
	t.Helper()
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	if root := RepoRoot(); root != "" {
		local := filepath.Join(root, ".tools", "node_modules", ".bin", name)
		if _, err := os.Stat(local); err == nil {
			return local
		}
	}
	Missing(t, name)
	return ""
}

// Missing skips t because tool is not installed, or fails it when
// Required.
func Missing(t testing.TB, tool string) {
	t.Helper()
	if Required() {
		t.Fatalf("%s is not installed, and NIXLINT_REQUIRE_TOOLS=1 requires it", tool)
	}
	t.Skipf("%s is not installed: skipping (set NIXLINT_REQUIRE_TOOLS=1 to fail instead)", tool)
}

// RepoRoot returns the root of the nixlint repository (the directory
// holding go.mod above this package's source), or "" if unknown.
func RepoRoot() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return ""
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// NixVerdict is what `nix-instantiate --parse` says of one source: whether
// it accepts it and, if not, its error message (the text after "error: ",
// first line only).
type NixVerdict struct {
	OK  bool
	Msg string
}

// NixParseAll runs `nix-instantiate --parse` on every source, a few at a
// time since each call mostly waits for Nix to start. Each source is
// written to case.nix in a temporary directory of its own, which is also
// HOME, with an empty NIX_PATH.
func NixParseAll(t *testing.T, srcs []string) []NixVerdict {
	t.Helper()
	nix := Path(t, "nix-instantiate")
	out := make([]NixVerdict, len(srcs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for i, src := range srcs {
		dir := t.TempDir()
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			v, err := nixParse(nix, dir, src)
			if err != nil {
				t.Error(err)
			}
			out[i] = v
		}()
	}
	wg.Wait()
	return out
}

func nixParse(nix, dir, src string) (NixVerdict, error) {
	file := filepath.Join(dir, "case.nix")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		return NixVerdict{}, fmt.Errorf("writing %s: %w", file, err)
	}
	cmd := exec.Command(nix, "--parse", file)
	cmd.Env = append(os.Environ(), "NIX_PATH=", "HOME="+dir)
	out, err := cmd.CombinedOutput()
	if err == nil {
		return NixVerdict{OK: true}, nil
	}
	if _, isExit := err.(*exec.ExitError); !isExit {
		return NixVerdict{}, fmt.Errorf("running nix-instantiate: %w", err)
	}
	text := string(out)
	if i := strings.Index(text, "error: "); i >= 0 {
		text = text[i+len("error: "):]
	}
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	return NixVerdict{Msg: strings.TrimSpace(text)}, nil
}
