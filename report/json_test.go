package report

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestJSONFormat(t *testing.T) {
	res := &Result{
		Findings: []Finding{
			{Rule: "duplicate-attr", Severity: "error", File: "hosts/a b.nix", Line: 3, Column: 3, EndLine: 3, EndColumn: 7, Message: "x <y> & \"z\"", LineText: "  name = 2;", Fingerprint: "abc", Fix: "remove one"},
			{Rule: "module-self-enable", Severity: "warning", File: "m.nix", Line: 1, Column: 1, EndLine: 2, EndColumn: 4, Message: "m", Suppressed: true, Reason: "legacy", SuppressionKind: "external", Fingerprint: "def"},
			{Rule: "r", Severity: "note", File: "n.nix", Message: "no position", Reason: "ignored: not suppressed"},
		},
		Summary: Summary{Files: 3, Skipped: 1, Errors: 1, Notes: 1, Suppressed: 1, Internal: 2},
	}
	want := `{
  "version": 1,
  "findings": [
    {
      "rule": "duplicate-attr",
      "severity": "error",
      "file": "hosts/a b.nix",
      "line": 3,
      "column": 3,
      "endLine": 3,
      "endColumn": 7,
      "message": "x <y> & \"z\"",
      "suppressed": false,
      "fix": "remove one",
      "fingerprint": "abc"
    },
    {
      "rule": "module-self-enable",
      "severity": "warning",
      "file": "m.nix",
      "line": 1,
      "column": 1,
      "endLine": 2,
      "endColumn": 4,
      "message": "m",
      "suppressed": true,
      "reason": "legacy",
      "suppressionKind": "external",
      "fingerprint": "def"
    },
    {
      "rule": "r",
      "severity": "note",
      "file": "n.nix",
      "line": 1,
      "column": 1,
      "endLine": 1,
      "endColumn": 1,
      "message": "no position",
      "suppressed": false,
      "fingerprint": ""
    }
  ],
  "summary": {
    "files": 3,
    "skipped": 1,
    "errors": 1,
    "warnings": 0,
    "notes": 1,
    "suppressed": 1,
    "internal": 2
  }
}
`
	var buf bytes.Buffer
	if err := Write(&buf, "json", res, Options{}); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != want {
		t.Errorf("json output:\n%s\nwant:\n%s", got, want)
	}
}

func TestJSONEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, "json", nil, Options{}); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if f, ok := doc["findings"].([]any); !ok || len(f) != 0 {
		t.Errorf("findings = %#v, want an empty array (not null)", doc["findings"])
	}
}

func TestJSONDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := Write(&a, "json", sampleResult(), Options{}); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, "json", sampleResult(), Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two runs on the same result differ")
	}
}
