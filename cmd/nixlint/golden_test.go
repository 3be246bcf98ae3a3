package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden (read every diff before committing it)")

// sampleDir is the sample repository the README runs nixlint on.
const sampleDir = "../../testdata/sample"

// TestGolden runs nixlint on the sample repository in every format and
// compares the bytes with testdata/golden/sample.<ext>. The absolute root,
// which SARIF carries, is replaced by /SAMPLE so the files do not depend on
// where the repository is checked out.
func TestGolden(t *testing.T) {
	t.Setenv("GITHUB_STEP_SUMMARY", "")
	t.Setenv("NO_COLOR", "")
	root, err := filepath.Abs(sampleDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ format, ext string }{
		{"text", "txt"}, {"json", "json"}, {"sarif", "sarif"}, {"github", "github"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run([]string{"--format", tc.format, sampleDir}, &stdout, &stderr)
			if code != exitFindings {
				t.Errorf("exit code %d, want %d (stderr: %s)", code, exitFindings, stderr.String())
			}
			got := []byte(strings.ReplaceAll(stdout.String(), root, "/SAMPLE"))
			path := filepath.Join("testdata", "golden", "sample."+tc.ext)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGolden -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s (run with -update and read the diff):\n%s", path, firstDiff(string(want), string(got)))
			}
		})
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n want: " + w + "\n  got: " + g
		}
	}
	return "(same lines, different bytes)"
}
