package report

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"
)

// FuzzWrite feeds one arbitrary finding to every format: none may panic,
// the machine-readable ones must stay valid JSON, and the text and
// annotation formats must keep one line per record.
func FuzzWrite(f *testing.F) {
	f.Add("a.nix", "msg", "  x = 1;", "error", 1, 3, 1, 4, "fix", false)
	f.Add("d i r/ü.nix", "50%\r\n:,", "\t😀 日本\x00\xff", "note", 0, -3, 9, 1<<30, "", true)
	f.Add("", "", "", "", -1, 0, -1, 0, "a\nb", false)
	f.Add("x\n::error::y", "\x1b[2J", strings.Repeat("é", 300), "warning", 5, 200, 5, 7, "", false)
	f.Fuzz(func(t *testing.T, file, msg, lineText, sev string, line, col, endLine, endCol int, fix string, suppressed bool) {
		res := &Result{
			Rules: []RuleInfo{{ID: "r", Summary: msg, Description: lineText, Tags: []string{file}}},
			Findings: []Finding{{
				Rule: "r", Severity: sev, File: file, Line: line, Column: col, EndLine: endLine, EndColumn: endCol,
				Message: msg, LineText: lineText, Fix: fix, Suppressed: suppressed, Reason: msg,
			}},
		}
		for _, format := range Formats() {
			var buf bytes.Buffer
			if err := Write(&buf, format, res, Options{StepSummary: io.Discard, Category: file}); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			out := buf.String()
			switch format {
			case "json", "sarif":
				if !json.Valid(buf.Bytes()) {
					t.Fatalf("%s output is not JSON:\n%s", format, out)
				}
			case "github":
				if want := map[bool]int{false: 1, true: 0}[suppressed]; strings.Count(out, "\n") != want || strings.ContainsRune(strings.TrimSuffix(out, "\n"), '\r') {
					t.Fatalf("annotation is not one line: %q", out)
				}
			case "text":
				if strings.ContainsRune(out, '\x1b') || strings.ContainsRune(out, '\r') {
					t.Fatalf("text output carries control characters: %q", out)
				}
			}
		}
	})
}
