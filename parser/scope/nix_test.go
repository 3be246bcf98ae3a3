package scope_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// nixVerdict is what `nix-instantiate --parse` says of one source: whether
// it accepts it and, if not, its error message (the text after "error: ").
type nixVerdict struct {
	ok  bool
	msg string
}

// nixParseAll runs `nix-instantiate --parse` on every source, a few at a
// time since each call mostly waits for Nix to start. It skips the test
// when nix-instantiate is missing, unless NIXLINT_REQUIRE_TOOLS=1 asks for
// the tool, in which case it fails.
func nixParseAll(t *testing.T, srcs []string) []nixVerdict {
	t.Helper()
	if _, err := exec.LookPath("nix-instantiate"); err != nil {
		if os.Getenv("NIXLINT_REQUIRE_TOOLS") == "1" {
			t.Fatalf("nix-instantiate not found and NIXLINT_REQUIRE_TOOLS=1: %v", err)
		}
		t.Skip("nix-instantiate not found: skipping the comparison with Nix")
	}
	out := make([]nixVerdict, len(srcs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for i, src := range srcs {
		dir := t.TempDir()
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			v, err := runNix(dir, src)
			if err != nil {
				t.Error(err)
			}
			out[i] = v
		}()
	}
	wg.Wait()
	return out
}

// runNix runs nix-instantiate --parse on src written to dir/case.nix.
func runNix(dir, src string) (nixVerdict, error) {
	file := filepath.Join(dir, "case.nix")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		return nixVerdict{}, fmt.Errorf("writing %s: %w", file, err)
	}
	cmd := exec.Command("nix-instantiate", "--parse", file)
	cmd.Env = append(os.Environ(), "NIX_PATH=", "HOME="+dir)
	out, err := cmd.CombinedOutput()
	if err == nil {
		return nixVerdict{ok: true}, nil
	}
	if _, isExit := err.(*exec.ExitError); !isExit {
		return nixVerdict{}, fmt.Errorf("running nix-instantiate: %w", err)
	}
	text := string(out)
	if i := strings.Index(text, "error: "); i >= 0 {
		text = text[i+len("error: "):]
	}
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	return nixVerdict{msg: strings.TrimSpace(text)}, nil
}
