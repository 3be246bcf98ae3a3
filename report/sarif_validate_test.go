package report

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSARIFValidator runs the official SARIF validator with GitHub's rules
// over the SARIF of a run with findings of many rules (suppressed ones,
// unicode, spaces and URI-special characters in paths, a rule missing from
// Result.Rules, internal errors) and fails on any error or warning it
// reports. The validator always exits 0, so its output log is read.
func TestSARIFValidator(t *testing.T) {
	tool := sarifMultitool(t)

	res := sampleResult()
	dir := t.TempDir()
	in := filepath.Join(dir, "nixlint.sarif")
	out := filepath.Join(dir, "validation.sarif")
	var buf bytes.Buffer
	if err := Write(&buf, "sarif", res, Options{Category: "nixlint"}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	// The npm wrapper (bin.js) runs the native tool through a shell, where
	// an unquoted ";" ends the command: the rule kinds need inner quotes
	// there, and not when the native binary is called directly.
	ruleKind := "Sarif;Gh"
	level := "Error;Warning"
	if real, err := filepath.EvalSymlinks(tool); err == nil && strings.HasSuffix(real, ".js") {
		ruleKind = `"` + ruleKind + `"`
		level = `"` + level + `"`
		if strings.ContainsAny(dir, " \t'\"$;&|<>()`\\") {
			t.Skipf("temporary directory %q needs shell quoting, which the npm wrapper does not do", dir)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, tool, "validate", in,
		"--rule-kind", ruleKind, "--level", level,
		"--output", out, "--log", "ForceOverwrite")
	cmd.Dir = dir
	output, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", tool, err, output)
	}

	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("validator wrote no log (%v); its output:\n%s", err, output)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID  string `json:"ruleId"`
				Level   string `json:"level"`
				Message struct {
					Text      string   `json:"text"`
					ID        string   `json:"id"`
					Arguments []string `json:"arguments"`
				} `json:"message"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatalf("reading the validator's log: %v", err)
	}
	if len(log.Runs) == 0 {
		t.Fatalf("validator log has no run; its output:\n%s", output)
	}
	for _, run := range log.Runs {
		for _, r := range run.Results {
			level := r.Level
			if level == "" {
				level = "warning" // SARIF's default
			}
			if level == "error" || level == "warning" {
				t.Errorf("validator %s %s: %s %s %v", level, r.RuleID, r.Message.Text, r.Message.ID, r.Message.Arguments)
			}
		}
	}
	if t.Failed() {
		t.Logf("SARIF under test:\n%s", buf.Bytes())
	}
}
