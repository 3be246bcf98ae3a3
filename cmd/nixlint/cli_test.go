package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"syscall"
	"testing"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/config"
	"github.com/nixlint/nixlint/rules"
)

// nixlint runs the CLI in-process.
func nixlint(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

type jsonOut struct {
	Findings []struct {
		Rule, File, Message string
		Line                int
		Suppressed          bool
	}
	Summary struct{ Files, Skipped, Errors, Internal int }
}

func decode(t *testing.T, s string) jsonOut {
	t.Helper()
	var out jsonOut
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, s)
	}
	return out
}

func TestExitCodes(t *testing.T) {
	clean := t.TempDir()
	writeFiles(t, clean, map[string]string{"flake.nix": "{ outputs = _: { }; }\n"})
	broken := t.TempDir()
	writeFiles(t, broken, map[string]string{"flake.nix": "{ }\n", ".nixlint.toml": "[rules.syntax-error]\nseverity = \"loud\"\n"})
	badTOML := t.TempDir()
	writeFiles(t, badTOML, map[string]string{"flake.nix": "{ }\n", ".nixlint.toml": "exclude = [\n"})
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string // substring expected on stderr
	}{
		{"findings", []string{sampleDir}, exitFindings, ""},
		{"fail-on never", []string{sampleDir, "--fail-on", "never"}, exitOK, ""},
		{"fail-on error", []string{"--fail-on=error", sampleDir}, exitFindings, ""},
		{"clean", []string{clean}, exitOK, ""},
		{"disable the rules that find something", []string{"--disable", "syntax-error,unused-suppression", "--disable", "firewall-toggle,module-self-enable,role-only-compose,vm-id-range,vm-name-format,vm-id-category,vm-name-prefix,vm-name-sequence,vm-id-template,vm-name-unique,vm-id-unique,registry-role-exists,registry-unused-role,registry-duplicate-host,role-machine-agnostic,domain-folders,flat-hierarchy,vm-name-env-prefix,suppression-reason", "--fail-on", "note", clean}, exitOK, ""},
		{"unknown flag", []string{"--frobnicate", clean}, exitError, "frobnicate"},
		{"unknown format", []string{"--format", "xml", clean}, exitError, `unknown --format "xml"`},
		{"unknown fail-on", []string{"--fail-on", "sometimes", clean}, exitError, "--fail-on"},
		{"unknown rule", []string{"--enable", "no-such-rule", clean}, exitError, `unknown rule "no-such-rule"`},
		{"missing path", []string{filepath.Join(clean, "missing")}, exitError, "missing"},
		{"bad severity in .nixlint.toml", []string{broken}, exitError, ".nixlint.toml"},
		{"broken .nixlint.toml", []string{badTOML}, exitError, ".nixlint.toml"},
		{"missing --config", []string{"--config", filepath.Join(clean, "nope.toml"), clean}, exitError, "nope.toml"},
		{"version", []string{"--version"}, exitOK, ""},
		{"rules", []string{"rules"}, exitOK, ""},
		{"rules json", []string{"rules", "--format", "json"}, exitOK, ""},
		{"rules markdown", []string{"rules", "--format=markdown"}, exitOK, ""},
		{"rules bad format", []string{"rules", "--format", "yaml"}, exitError, "yaml"},
		{"explain", []string{"explain", "duplicate-attr"}, exitOK, ""},
		{"explain unknown", []string{"explain", "duplicate-atr"}, exitError, `did you mean "duplicate-attr"`},
		{"config --default", []string{"config", "--default"}, exitOK, ""},
		{"config without --default", []string{"config"}, exitError, "--default"},
		{"help", []string{"-h"}, exitOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Rule ids that do not exist yet would be usage errors.
			args := tt.args
			if tt.name == "disable the rules that find something" {
				args = onlyKnown(args)
			}
			code, _, stderr := nixlint(t, args...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q does not contain %q", stderr, tt.stderr)
			}
		})
	}
}

// onlyKnown drops the unknown ids from --disable lists.
func onlyKnown(args []string) []string {
	out := append([]string(nil), args...)
	for i := 1; i < len(out); i++ {
		if out[i-1] != "--disable" {
			continue
		}
		var keep []string
		for _, id := range strings.Split(out[i], ",") {
			if rules.Lookup(id) != nil {
				keep = append(keep, id)
			}
		}
		out[i] = strings.Join(keep, ",")
	}
	return out
}

func TestConfigDefaultPrintsEmbedded(t *testing.T) {
	_, out, _ := nixlint(t, "config", "--default")
	if out != config.DefaultTOML() {
		t.Error("nixlint config --default differs from the embedded default")
	}
}

func TestFlagsAfterPathsAndOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report.json")
	code, stdout, stderr := nixlint(t, sampleDir, "--format", "json", "--output", out, "--fail-on", "never")
	if code != exitOK || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if res := decode(t, string(data)); len(res.Findings) == 0 {
		t.Error("no findings in the --output file")
	}
}

func TestOnlyGivenFilesReported(t *testing.T) {
	file := filepath.Join(sampleDir, "packages", "homelab-backup", "package.nix")
	code, stdout, _ := nixlint(t, "--format", "json", file, filepath.Join(sampleDir, "roles", "dns.nix"))
	res := decode(t, stdout)
	if code != exitFindings || len(res.Findings) == 0 {
		t.Fatalf("exit %d, findings %+v", code, res.Findings)
	}
	for _, f := range res.Findings {
		if f.File != "packages/homelab-backup/package.nix" && f.File != "roles/dns.nix" {
			t.Errorf("finding in %s, which was not given", f.File)
		}
	}
	if res.Summary.Files < 20 {
		t.Errorf("only %d files analysed: the whole repository must be", res.Summary.Files)
	}
}

func TestTextHasNoColourWhenNotATerminal(t *testing.T) {
	_, out, _ := nixlint(t, sampleDir)
	if strings.Contains(out, "\x1b[") {
		t.Error("colour escapes in output to a buffer")
	}
}

// boom panics on every file: an internal error must give exit code 2 and
// keep the other rules' findings.
var boom = &analysis.Analyzer{
	Name:     "boom",
	Severity: analysis.Warning,
	Doc:      "test rule that panics",
	Run: func(pass *analysis.Pass) (any, error) {
		pass.ForEachFile(func(f *analysis.File) { panic("kaboom") })
		return nil, nil
	},
}

func TestInternalErrorExit2(t *testing.T) {
	old := registry
	registry = func() []*analysis.Analyzer { return append(rules.All(), boom) }
	defer func() { registry = old }()
	code, stdout, stderr := nixlint(t, "--format", "json", sampleDir)
	if code != exitError {
		t.Errorf("exit %d, want 2", code)
	}
	res := decode(t, stdout)
	var internal, syntax bool
	for _, f := range res.Findings {
		internal = internal || f.Rule == "internal-error" && strings.Contains(f.Message, "boom") && strings.Contains(f.Message, "kaboom")
		syntax = syntax || f.Rule == "syntax-error"
	}
	if !internal || !syntax {
		t.Errorf("internal error reported: %v, other findings kept: %v", internal, syntax)
	}
	if !strings.Contains(stderr, "internal error") {
		t.Errorf("stderr %q does not mention the internal error", stderr)
	}
}

// TestHostileTree runs nixlint over inputs meant to break it: it must end
// quickly with exit 0 or 1, report a syntax-error in every malformed file
// and nothing in the others.
func TestHostileTree(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 36 MB of files")
	}
	root := t.TempDir()
	big := make([]byte, 0, 30<<20)
	big = append(big, "[\n"...)
	for len(big) < 30<<20 {
		big = append(big, "  { name = \"x\"; value = 12345; }\n"...)
	}
	big = append(big, "]\n"...)
	line := "[" + strings.Repeat(" \"abcdefgh\"", 6<<20/11) + " ]"
	malformed := map[string]string{
		"nul.nix":              "{ a = 1;\x00 b = 2; }",
		"binary.nix":           "\x7fELF\x02\x01\x01\x00\x00\xff\xfe",
		"empty.nix":            "",
		"deep.nix":             strings.Repeat("(", 100000),
		"unterminated-str.nix": "{ a = \"abc",
		"unterminated-ind.nix": "{ a = ''abc",
		"unterminated-cmt.nix": "{ a = 1; /* never closed",
		"unterminated-int.nix": "{ a = \"${ b",
		"space name.nix":       "{ a = ; }",
		"new\nline.nix":        "{ a = ; }",
		"dir.nix/inner.nix":    "{",
		"invalid-utf8.nix":     "{ a\xff = 1; }",
	}
	valid := map[string]string{
		"flake.nix":     "{ outputs = _: { }; }\n",
		"big.nix":       string(big),
		"line.nix":      line,
		"utf8-str.nix":  "{ a = \"caf\xc3\xa9 \xff\"; }\n",
		"crlf.nix":      "{\r\n  a = 1;\r\n}\r\n",
		"crypt.nix":     "\x00GITCRYPT\x00\x00\x01",
		"deep-ok.nix":   strings.Repeat("[", 1000) + strings.Repeat("]", 1000),
		"plain/ok.nix":  "x: x",
		"result/no.nix": "{",
	}
	writeFiles(t, root, malformed)
	writeFiles(t, root, valid)
	for _, l := range []struct{ target, name string }{{"..", "loop"}, {"missing.nix", "dangling.nix"}, {".", "self"}} {
		if err := os.Symlink(l.target, filepath.Join(root, "plain", l.name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(root, "fifo.nix"), 0o644); err != nil {
		t.Fatal(err)
	}
	// No timing assertion here (machines are shared and noisy): a hang is
	// caught by go test's own timeout, speed by the benchmarks.
	code, stdout, stderr := nixlint(t, "--format", "json", root)
	if code != exitFindings {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, stderr)
	}
	res := decode(t, stdout)
	got := map[string]bool{}
	for _, f := range res.Findings {
		if f.Rule != "syntax-error" {
			t.Errorf("unexpected %s finding in %q: %s", f.Rule, f.File, f.Message)
		}
		got[f.File] = true
	}
	var want, have []string
	for name := range malformed {
		want = append(want, name)
	}
	for name := range got {
		have = append(have, name)
	}
	sort.Strings(want)
	sort.Strings(have)
	if !reflect.DeepEqual(have, want) {
		t.Errorf("files with syntax errors:\n got %q\nwant %q", have, want)
	}
	if res.Summary.Skipped != 1 {
		t.Errorf("skipped %d, want 1 (the git-crypt file)", res.Summary.Skipped)
	}
	t.Logf("hostile tree: %d files", res.Summary.Files)
}

func TestUnreadableFileIsReported(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads files whatever their mode")
	}
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"flake.nix": "{ }\n", "secret.nix": "{ }\n"})
	if err := os.Chmod(filepath.Join(root, "secret.nix"), 0); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := nixlint(t, "--format", "json", root)
	res := decode(t, stdout)
	if code != exitFindings || len(res.Findings) != 1 || res.Findings[0].Rule != "syntax-error" || !strings.Contains(res.Findings[0].Message, "cannot read") {
		t.Errorf("exit %d, findings %+v", code, res.Findings)
	}
}

func TestGitHubStepSummary(t *testing.T) {
	summary := filepath.Join(t.TempDir(), "summary.md")
	t.Setenv("GITHUB_STEP_SUMMARY", summary)
	code, stdout, _ := nixlint(t, "--format", "github", sampleDir)
	if code != exitFindings || !strings.Contains(stdout, "::error file=") {
		t.Errorf("exit %d, annotations:\n%s", code, stdout)
	}
	data, err := os.ReadFile(summary)
	if err != nil || !strings.Contains(string(data), "syntax-error") {
		t.Errorf("step summary %q: %v", data, err)
	}
}

func TestWriteBaselineThenClean(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"flake.nix": "{ }\n", "a.nix": "{ x = ; }\n"})
	bl := filepath.Join(t.TempDir(), "baseline.json")
	if code, _, stderr := nixlint(t, "--write-baseline", bl, root); code != exitOK {
		t.Fatalf("--write-baseline: exit %d, %s", code, stderr)
	}
	if code, _, _ := nixlint(t, root, "--baseline", bl); code != exitOK {
		t.Errorf("--baseline: exit %d, want 0", code)
	}
	writeFiles(t, root, map[string]string{"b.nix": "{ y = ; }\n"})
	if code, _, _ := nixlint(t, root, "--baseline", bl); code != exitFindings {
		t.Errorf("new finding with --baseline: exit %d, want 1", code)
	}
	if code, _, stderr := nixlint(t, root, "--baseline", filepath.Join(root, "a.nix")); code != exitError || !strings.Contains(stderr, "baseline") {
		t.Errorf("invalid baseline file: exit %d, stderr %q", code, stderr)
	}
}
