package report

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
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

	dir := t.TempDir()
	out := filepath.Join(dir, "validation.sarif")
	logs := map[string][]byte{}
	var inputs []string
	for _, c := range validatorCases() {
		var buf bytes.Buffer
		if err := Write(&buf, "sarif", c.res, c.opts); err != nil {
			t.Fatal(err)
		}
		in := filepath.Join(dir, c.name+".sarif")
		if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		logs[c.name] = buf.Bytes()
		inputs = append(inputs, in)
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
	args := append([]string{"validate"}, inputs...)
	args = append(args, "--rule-kind", ruleKind, "--level", level,
		"--output", out, "--log", "ForceOverwrite")
	cmd := exec.CommandContext(ctx, tool, args...)
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
	// Make sure it read every file, so that a log of a run that looked at
	// nothing cannot pass for a clean one.
	if m := regexp.MustCompile(`Done\. (\d+) files? scanned`).FindSubmatch(output); m == nil || string(m[1]) != strconv.Itoa(len(inputs)) {
		t.Errorf("validator did not scan the %d files; its output:\n%s", len(inputs), output)
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
		for name, data := range logs {
			t.Logf("%s.sarif:\n%s", name, data)
		}
		t.Logf("validator output:\n%s", output)
	}
}

type validatorCase struct {
	name string
	res  *Result
	opts Options
}

// validatorCases are the SARIF logs the official validator checks: the
// sample run with a category, an empty run, and degenerate input
// (no positions, no file, over-long descriptions, too many tags).
func validatorCases() []validatorCase {
	long := strings.Repeat("long description 😀 ", 100)
	var tags []string
	for i := range 25 {
		tags = append(tags, "t"+strings.Repeat("x", i))
	}
	return []validatorCase{
		{"sample", sampleResult(), Options{Category: "nixlint"}},
		{"empty", &Result{Tool: "nixlint", Version: "0.1.0"}, Options{}},
		{"degenerate", &Result{
			Version: "(devel)",
			Rules:   []RuleInfo{{ID: "odd rule/id", Summary: long, Description: long, Tags: tags}},
			Findings: []Finding{
				{Rule: "odd rule/id", Severity: "bogus", Message: "no file, no position"},
				{Rule: "", Severity: "note", File: "a b/c:d.nix", Line: 3, Column: 99, EndLine: 2, EndColumn: 1, Message: "end before start", LineText: "x\x00\xff", Suppressed: true},
			},
		}, Options{}},
	}
}
