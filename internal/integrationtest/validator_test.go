package integrationtest

import (
	"os"
	"path/filepath"
	"testing"
)

// TestActionValidator validates action.yml and every workflow with
// action-validator (npm @action-validator/cli), which checks them against
// GitHub's schemas: as an action for a path ending in action.yml, as a
// workflow otherwise.
func TestActionValidator(t *testing.T) {
	av := tool(t, "action-validator")
	root := repoRoot(t)
	files := append([]string{filepath.Join(root, "action.yml")}, workflowPaths(t)...)
	for _, f := range files {
		rel, _ := filepath.Rel(root, f)
		t.Run(rel, func(t *testing.T) {
			out, code := run(t, root, cleanEnv(), av, f)
			if code != 0 {
				t.Errorf("action-validator %s: exit %d\n%s", rel, code, out)
			}
		})
	}
}

// TestActionValidatorRejects makes sure the validator run above can fail:
// an action without a description is invalid (INTEGRATIONS.md §4).
func TestActionValidatorRejects(t *testing.T) {
	av := tool(t, "action-validator")
	dir := t.TempDir()
	bad := filepath.Join(dir, "action.yml")
	if err := os.WriteFile(bad, []byte("name: x\nruns:\n  using: composite\n  steps:\n    - run: echo\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, code := run(t, dir, cleanEnv(), av, bad); code == 0 {
		t.Errorf("action-validator accepted an action without description and shell:\n%s", out)
	}
}
