package report

import (
	"bytes"
	"strings"
	"testing"
)

func TestEscapeWorkflowCommand(t *testing.T) {
	tests := []struct{ in, data, prop string }{
		{"plain", "plain", "plain"},
		{"100%", "100%25", "100%25"},
		{"%0A literal", "%250A literal", "%250A literal"},
		{"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"k: v, w", "k: v, w", "k%3A v%2C w"},
		{"%:,\r\n", "%25:,%0D%0A", "%25%3A%2C%0D%0A"},
	}
	for _, tt := range tests {
		if got := escapeData(tt.in); got != tt.data {
			t.Errorf("escapeData(%q) = %q, want %q", tt.in, got, tt.data)
		}
		if got := escapeProperty(tt.in); got != tt.prop {
			t.Errorf("escapeProperty(%q) = %q, want %q", tt.in, got, tt.prop)
		}
	}
}

func TestGitHubAnnotations(t *testing.T) {
	res := &Result{
		Findings: []Finding{
			{Rule: "duplicate-attr", Severity: "error", File: "hosts/a,b:c%d.nix", Line: 3, Column: 3, EndLine: 3, EndColumn: 7, Message: "50% done: a, b\r\nnext line", LineText: "  name = 2;"},
			{Rule: "module-self-enable", Severity: "warning", File: "m.nix", Line: 1, Column: 1, EndLine: 1, EndColumn: 2, Message: "suppressed", Suppressed: true},
			{Rule: "undefined-variable", Severity: "warning", File: "dir with space/x.nix", Line: 5, Column: 9, EndLine: 8, EndColumn: 2, Message: "multi-line", LineText: "    x = {"},
			{Rule: "suppression-reason", Severity: "note", File: "n.nix", Line: 2, Column: 10, EndLine: 2, EndColumn: 13, Message: "note", LineText: "😀 日 abc", Fix: "add -- reason"},
		},
	}
	want := "::error file=hosts/a%2Cb%3Ac%25d.nix,line=3,endLine=3,col=3,endColumn=7,title=duplicate-attr::50%25 done: a, b%0D%0Anext line\n" +
		"::warning file=dir with space/x.nix,line=5,endLine=8,title=undefined-variable::multi-line\n" +
		// "😀 " is 5 bytes and 3 UTF-16 units, "日 " 4 bytes and 2 units:
		// byte columns 10-13 ("abc") are UTF-16 columns 6-9.
		"::notice file=n.nix,line=2,endLine=2,col=6,endColumn=9,title=suppression-reason::note%0AFix: add -- reason\n"
	var buf bytes.Buffer
	if err := Write(&buf, "github", res, Options{}); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != want {
		t.Errorf("github output:\n%s\nwant:\n%s", got, want)
	}
}

func TestGitHubStepSummary(t *testing.T) {
	res := &Result{
		Rules: []RuleInfo{{ID: "b-rule"}},
		Findings: []Finding{
			{Rule: "a-rule", Severity: "note", File: "a.nix", Line: 1, Column: 1, Message: "n1"},
			{Rule: "b-rule", Severity: "warning", File: "b.nix", Line: 9, Column: 1, Message: "w2"},
			{Rule: "b-rule", Severity: "warning", File: "b.nix", Line: 2, Column: 5, Message: "w1 | pipe `tick` *star* <b>x</b>\nsecond line"},
			{Rule: "c-rule", Severity: "error", File: "z|z.nix", Line: 4, Column: 2, Message: "e1", Fix: "do $x"},
			{Rule: "c-rule", Severity: "error", File: "s.nix", Line: 1, Column: 1, Message: "hidden", Suppressed: true},
			{Rule: "a-rule", Severity: "error", File: "a.nix", Line: 7, Column: 3, Message: "e0"},
		},
		Summary: Summary{Files: 4, Errors: 2, Warnings: 2, Notes: 1, Suppressed: 1},
	}
	want := "## nixlint\n\n" +
		"| Errors | Warnings | Notes | Suppressed | Files | Skipped | Internal errors |\n" +
		"| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n" +
		"| 2 | 2 | 1 | 1 | 4 | 0 | 0 |\n\n" +
		"| Severity | Location | Rule | Message |\n" +
		"| --- | --- | --- | --- |\n" +
		"| error | a.nix:7:3 | a-rule | e0 |\n" +
		"| error | z\\|z.nix:4:2 | c-rule | e1<br>Fix: do \\$x |\n" +
		"| warning | b.nix:2:5 | [b-rule](" + RuleDocsBaseURL + "b-rule.md) | w1 \\| pipe \\`tick\\` \\*star\\* \\<b\\>x\\</b\\><br>second line |\n" +
		"| warning | b.nix:9:1 | [b-rule](" + RuleDocsBaseURL + "b-rule.md) | w2 |\n" +
		"| note | a.nix:1:1 | a-rule | n1 |\n"
	var out, summary bytes.Buffer
	if err := Write(&out, "github", res, Options{StepSummary: &summary}); err != nil {
		t.Fatal(err)
	}
	if got := summary.String(); got != want {
		t.Errorf("step summary:\n%s\nwant:\n%s", got, want)
	}
}

func TestGitHubStepSummaryNoFindings(t *testing.T) {
	var out, summary bytes.Buffer
	if err := Write(&out, "github", &Result{Summary: Summary{Files: 3}}, Options{StepSummary: &summary}); err != nil {
		t.Fatal(err)
	}
	if out.Len() != 0 {
		t.Errorf("annotations for no findings: %q", out.String())
	}
	if !strings.HasSuffix(summary.String(), "| 0 | 0 | 0 | 0 | 3 | 0 | 0 |\n\nNo findings.\n") {
		t.Errorf("summary:\n%s", summary.String())
	}
}

func TestGitHubStepSummaryLimit(t *testing.T) {
	long := strings.Repeat("x", 2000)
	res := &Result{}
	for i := range 1000 {
		res.Findings = append(res.Findings, Finding{Rule: "r", Severity: "warning", File: "f.nix", Line: i + 1, Column: 1, Message: long})
	}
	var out, summary bytes.Buffer
	if err := Write(&out, "github", res, Options{StepSummary: &summary}); err != nil {
		t.Fatal(err)
	}
	if summary.Len() >= 1<<20 {
		t.Errorf("summary is %d bytes, GitHub's limit is 1 MiB", summary.Len())
	}
	rows := strings.Count(summary.String(), "| warning |")
	if rows == 0 || rows == 1000 {
		t.Fatalf("%d rows; want truncation", rows)
	}
	if !strings.Contains(summary.String(), "more findings are not listed") {
		t.Error("no truncation note")
	}
	if got := strings.Count(out.String(), "::warning "); got != 1000 {
		t.Errorf("%d annotations, want all 1000 (GitHub drops extras itself)", got)
	}
}

func TestGitHubNoSummaryWriter(t *testing.T) {
	var out bytes.Buffer
	if err := Write(&out, "github", sampleResult(), Options{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "| Severity |") {
		t.Error("summary written to the annotation stream")
	}
}
