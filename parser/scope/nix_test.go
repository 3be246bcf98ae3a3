package scope_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// nixParse runs `nix-instantiate --parse` on src and returns whether Nix
// accepts it and, if not, its error message (the text after "error: ").
// It skips the test when nix-instantiate is missing, unless
// NIXLINT_REQUIRE_TOOLS=1 asks for the tool, in which case it fails.
func nixParse(t *testing.T, dir, src string) (ok bool, msg string) {
	t.Helper()
	bin, err := exec.LookPath("nix-instantiate")
	if err != nil {
		if os.Getenv("NIXLINT_REQUIRE_TOOLS") == "1" {
			t.Fatalf("nix-instantiate not found and NIXLINT_REQUIRE_TOOLS=1: %v", err)
		}
		t.Skip("nix-instantiate not found: skipping the comparison with Nix")
	}
	file := filepath.Join(dir, "case.nix")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatalf("writing %s: %v", file, err)
	}
	cmd := exec.Command(bin, "--parse", file)
	cmd.Env = append(os.Environ(), "NIX_PATH=", "HOME="+dir)
	out, err := cmd.CombinedOutput()
	if err == nil {
		return true, ""
	}
	if _, isExit := err.(*exec.ExitError); !isExit {
		t.Fatalf("running nix-instantiate: %v", err)
	}
	text := string(out)
	if i := strings.Index(text, "error: "); i >= 0 {
		text = text[i+len("error: "):]
	}
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	return false, strings.TrimSpace(text)
}
