package report

import (
	"fmt"
	"io"
	"testing"
)

// benchResult is a run with n findings over 50 files and 10 rules.
func benchResult(n int) *Result {
	res := &Result{Tool: "nixlint", Version: "0.1.0", Root: "/repo"}
	for i := range 10 {
		res.Rules = append(res.Rules, RuleInfo{ID: fmt.Sprintf("rule-%d", i), Severity: "warning", Summary: "s", Description: "d", Help: "h"})
	}
	for i := range n {
		res.Findings = append(res.Findings, Finding{
			Rule: fmt.Sprintf("rule-%d", i%10), Severity: "warning", File: fmt.Sprintf("modules/dir %d/file.nix", i%50),
			Line: i + 1, Column: 5, EndLine: i + 1, EndColumn: 20, Message: "something is wrong with this attribute",
			LineText: "    services.thing.enable = true; # 😀", Fingerprint: fmt.Sprintf("%032x", i),
		})
	}
	return res
}

func BenchmarkWrite(b *testing.B) {
	res := benchResult(5000)
	for _, format := range Formats() {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				if err := Write(io.Discard, format, res, Options{StepSummary: io.Discard}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
