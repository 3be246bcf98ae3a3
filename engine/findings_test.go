package engine_test

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"github.com/nixlint/nixlint/engine"
)

// TestManyFindingsOnOneLine checks that the findings of one long line
// share one copy of its text: a generated file with thousands of findings
// on a line of megabytes once took gigabytes and minutes, one copy per
// finding.
func TestManyFindingsOnOneLine(t *testing.T) {
	const n = 2000
	var b strings.Builder
	b.WriteString("{ ")
	for i := range n {
		fmt.Fprintf(&b, "p%d.q = { s = p%d; }; ", i, i)
	}
	b.WriteString("}")
	line := b.String()
	root := writeTree(t, map[string]string{"long.nix": line + "\n"})
	res := lint(t, engine.Options{Paths: []string{root}})
	if len(res.Findings) != n {
		t.Fatalf("got %d findings, want %d undefined variables", len(res.Findings), n)
	}
	first := unsafe.StringData(res.Findings[0].LineText)
	prints := make(map[string]bool)
	for _, f := range res.Findings {
		if f.LineText != line {
			t.Fatalf("finding at column %d has line text of %d bytes, want the line's %d", f.Column, len(f.LineText), len(line))
		}
		if unsafe.StringData(f.LineText) != first {
			t.Fatalf("finding at column %d has its own copy of the line", f.Column)
		}
		prints[f.Fingerprint] = true
	}
	if len(prints) != n {
		t.Errorf("%d distinct fingerprints for %d findings", len(prints), n)
	}

}
