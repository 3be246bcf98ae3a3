package integrationtest

import (
	"github.com/nixlint/nixlint/internal/testtool"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// repoRoot is the root of the nixlint repository: the action's source.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "action.yml")); err != nil {
		t.Fatalf("repository root not found: %v", err)
	}
	return root
}

// tool returns the path of an external tool, looked up on PATH and in the
// repository's .tools/node_modules/.bin (where .ci/run installs the npm
// tools). A missing tool skips the test, or fails it when
// NIXLINT_REQUIRE_TOOLS=1.
func tool(t *testing.T, name string) string {
	t.Helper()
	return testtool.Path(t, name)
}

// fixture writes the files of testdata/<name>.txtar into a new folder.
func fixture(t *testing.T, name string) string {
	t.Helper()
	dir := t.TempDir()
	writeFixture(t, name, dir)
	return dir
}

// writeFixture writes the files of testdata/<name>.txtar into dir.
func writeFixture(t *testing.T, name, dir string) {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// cleanEnv is the test process's environment without the variables that
// would change what the tools under test do: git's (pre-commit 3.0.4 leaks
// them into `go install`, INTEGRATIONS.md §5), GitHub's and the action's.
func cleanEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "GIT_") || strings.HasPrefix(k, "GITHUB_") ||
			strings.HasPrefix(k, "RUNNER_") || strings.HasPrefix(k, "NIXLINT_") ||
			strings.HasPrefix(k, "PRE_COMMIT") {
			continue
		}
		env = append(env, kv)
	}
	return append(env, extra...)
}

// run runs a command and returns its combined output and exit code; it
// fails the test only when the command cannot start.
func run(t *testing.T, dir string, env []string, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return string(out), ee.ExitCode()
		}
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out), 0
}
