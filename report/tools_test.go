package report

import (
	"github.com/nixlint/nixlint/internal/testtool"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// requireTools reports whether tests must fail, rather than skip, when an
// external tool is missing (set in CI by .ci/run).
func requireTools() bool { return testtool.Required() }

// missingTool skips the test, or fails it under NIXLINT_REQUIRE_TOOLS=1.
func missingTool(t *testing.T, format string, args ...any) {
	t.Helper()
	if requireTools() {
		t.Fatalf(format, args...)
	}
	t.Skipf(format, args...)
}

// repoRoot returns the directory holding go.mod, above the package.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test directory")
		}
		dir = parent
	}
}

// sarifMultitool locates the SARIF validator: $NIXLINT_SARIF_MULTITOOL, or
// the npm install in <repo>/.tools (npm install --prefix .tools
// @microsoft/sarif-multitool).
func sarifMultitool(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("NIXLINT_SARIF_MULTITOOL"); p != "" {
		if _, err := exec.LookPath(p); err != nil {
			missingTool(t, "NIXLINT_SARIF_MULTITOOL=%s: %v", p, err)
		}
		return p
	}
	p := filepath.Join(repoRoot(t), ".tools", "node_modules", ".bin", "sarif-multitool")
	if _, err := os.Stat(p); err != nil {
		missingTool(t, "sarif-multitool not installed (npm install --prefix .tools @microsoft/sarif-multitool): %v", err)
	}
	if _, err := exec.LookPath("node"); err != nil {
		missingTool(t, "sarif-multitool needs node: %v", err)
	}
	return p
}
