package integrationtest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestActionSARIFValid validates the SARIF the action uploads, after its
// URIs were prefixed for a flake in a subfolder, with sarif-multitool's
// SARIF and GitHub rules (INTEGRATIONS.md §7: the tool exits 0 whatever it
// finds, so its output log is read).
func TestActionSARIFValid(t *testing.T) {
	if testing.Short() {
		t.Skip("builds nixlint; skipped with -short")
	}
	mt := tool(t, "sarif-multitool")
	tool(t, "jq")
	ws := t.TempDir()
	writeFixture(t, "dirty", filepath.Join(ws, "infra"))
	res := newRunner(t, ws, map[string]string{"path": "infra", "upload-sarif": "true", "fail-on": "never"}).run()
	sarif := res.outputs["sarif-file"]
	if res.failed || sarif == "" {
		t.Fatalf("the action failed or wrote no SARIF\n%s", res.log)
	}
	out := filepath.Join(t.TempDir(), "validation.sarif")
	// The npm wrapper runs the tool through a shell: the ; must be quoted.
	log, code := run(t, ws, cleanEnv(), mt, "validate", sarif, "--rule-kind", `"Sarif;Gh"`,
		"--output", out, "--log", "ForceOverwrite")
	if code != 0 {
		t.Fatalf("sarif-multitool: exit %d\n%s", code, log)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("sarif-multitool wrote no log: %v\n%s", err, log)
	}
	var v struct {
		Runs []struct {
			Results []struct {
				RuleID  string `json:"ruleId"`
				Level   string `json:"level"`
				Message struct {
					Text string `json:"text"`
				} `json:"message"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	for _, r := range v.Runs {
		for _, res := range r.Results {
			if res.Level == "error" {
				t.Errorf("%s: %s", res.RuleID, res.Message.Text)
			}
		}
	}
}
