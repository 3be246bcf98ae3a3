package printer_test

// The differential test that proves the parser and the printer equal to
// Nix 2.8: every file of testdata/parser/corpus must print exactly what
// `nix-instantiate --parse` printed for it (recorded in NAME.nix.expected
// by testdata/parser/update-expected.sh), every file of
// testdata/parser/invalid must be rejected, and, when nix-instantiate is
// installed, both hold against Nix run live.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"github.com/nixlint/nixlint/internal/testtool"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/ast"
	"github.com/nixlint/nixlint/parser/check"
	"github.com/nixlint/nixlint/parser/printer"
)

const (
	knownDiffs  = "../../testdata/parser/KNOWN_DIFFS.md"
	corpusDir   = "../../testdata/parser/corpus"
	invalidDir  = "../../testdata/parser/invalid"
	fixturesDir = "../../testdata/parser/fixtures"
)

// knownDiff reports whether file (in corpus/ or invalid/) is listed in
// KNOWN_DIFFS.md, a disagreement with Nix not fixed yet.
func knownDiff(t testing.TB, file string) bool {
	t.Helper()
	data, err := os.ReadFile(knownDiffs)
	if err != nil {
		t.Fatal(err)
	}
	key := "`" + filepath.Base(filepath.Dir(file)) + "/" + filepath.Base(file) + "`"
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "- `") && strings.Contains(line, key) {
			return true
		}
	}
	return false
}

// agree runs check, a comparison with Nix, honouring KNOWN_DIFFS.md: a
// listed file must still disagree, and is then skipped.
func agree(t *testing.T, file string, check func(t testing.TB) []string) {
	t.Helper()
	problems := check(t)
	if knownDiff(t, file) {
		if len(problems) == 0 {
			t.Fatalf("listed in KNOWN_DIFFS.md but now agrees with Nix: remove it from the list")
		}
		t.Skipf("known difference (KNOWN_DIFFS.md): %s", problems[0])
	}
	for _, p := range problems {
		t.Error(p)
	}
}

// parseAndCheck parses src and runs the checks Nix makes after parsing,
// returning the tree and every error.
func parseAndCheck(name string, src []byte, mode parser.Mode) (*token.FileSet, *ast.File, parser.ErrorList) {
	fset := token.NewFileSet()
	f, errs := parser.ParseFileMode(fset, name, src, mode)
	if len(errs) == 0 {
		errs = check.File(fset, f, nil)
	}
	return fset, f, errs
}

// canonical prints f as `nixlint parse --format nix` does for a file in dir.
func canonical(t testing.TB, fset *token.FileSet, f *ast.File, dir string) string {
	t.Helper()
	var b bytes.Buffer
	if err := (printer.Config{Dir: dir, Home: printer.HomeDir()}).Nix(&b, fset, f); err != nil {
		t.Fatalf("printing %s: %v", f.Name, err)
	}
	return b.String()
}

// placeholders replaces the machine-dependent directories as
// update-expected.sh does.
func placeholders(s, dir string) string {
	s = strings.ReplaceAll(s, dir, "@DIR@")
	if home := printer.HomeDir(); home != "" {
		s = strings.ReplaceAll(s, home, "@HOME@")
	}
	return s
}

func nixFiles(t testing.TB, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.nix"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no .nix files in %s (%v)", dir, err)
	}
	return files
}

func absDir(t testing.TB, dir string) string {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	// Nix resolves against the directory as given, without following
	// symlinks; EvalSymlinks keeps us equal to update-expected.sh's pwd -P.
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	return abs
}

// TestCorpusExpected compares nixlint's canonical form of every accepted
// file with what Nix printed for it. It needs no Nix.
func TestCorpusExpected(t *testing.T) {
	dir := absDir(t, corpusDir)
	for _, file := range nixFiles(t, dir) {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(file + ".expected")
			if err != nil {
				t.Fatalf("missing expectation (run testdata/parser/update-expected.sh): %v", err)
			}
			agree(t, file, func(t testing.TB) []string {
				fset, f, errs := parseAndCheck(file, src, 0)
				if len(errs) > 0 {
					return []string{fmt.Sprintf("Nix accepts this file, nixlint rejects it: %v", errs)}
				}
				got := placeholders(canonical(t, fset, f, dir), dir)
				if got != string(want) {
					return []string{fmt.Sprintf("canonical form differs from Nix\n nix: %q\ngot: %q", want, got)}
				}
				return nil
			})
		})
	}
}

// TestInvalidRejected checks that every file Nix rejects is rejected.
func TestInvalidRejected(t *testing.T) {
	for _, file := range nixFiles(t, invalidDir) {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			agree(t, file, func(t testing.TB) []string {
				if _, _, errs := parseAndCheck(file, src, 0); len(errs) == 0 {
					return []string{"Nix rejects this file, nixlint accepts it"}
				}
				return nil
			})
		})
	}
}

// TestFixtures checks syntax Nix 2.8 lacks (the pipe operators) against
// expectations written by hand (see testdata/parser/fixtures/README.md).
func TestFixtures(t *testing.T) {
	dir := absDir(t, fixturesDir)
	for _, file := range nixFiles(t, dir) {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(file + ".expected")
			if err != nil {
				t.Fatal(err)
			}
			fset, f, errs := parseAndCheck(file, src, parser.PipeOperators)
			if len(errs) > 0 {
				t.Fatalf("unexpected errors: %v", errs)
			}
			if got := placeholders(canonical(t, fset, f, dir), dir); got != string(want) {
				t.Errorf("got %q, want %q", got, want)
			}
			if _, _, errs := parseAndCheck(file, src, 0); len(errs) == 0 {
				t.Errorf("accepted without parser.PipeOperators, Nix 2.8 rejects it")
			}
		})
	}
}

// nixInstantiate returns the path of nix-instantiate, skipping the test
// when it is absent unless NIXLINT_REQUIRE_TOOLS=1.
func nixInstantiate(t testing.TB) string {
	t.Helper()
	return testtool.Path(t, "nix-instantiate")
}

// runNix runs `nix-instantiate --parse file` and returns its output and
// whether Nix accepted the file. A crash (Nix 2.8 segfaults on a few
// malformed inputs) or a hang counts as a rejection.
func runNix(t testing.TB, nix, file string) (string, bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, nix, "--parse", file)
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	err := cmd.Run()
	if err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			t.Fatalf("running %s: %v", nix, err)
		}
		return "", false
	}
	return stdout.String(), true
}

// TestNixLive runs Nix itself over both folders and compares.
func TestNixLive(t *testing.T) {
	nix := nixInstantiate(t)
	for _, folder := range []string{corpusDir, invalidDir} {
		dir := absDir(t, folder)
		for _, file := range nixFiles(t, dir) {
			t.Run(filepath.Base(folder)+"/"+filepath.Base(file), func(t *testing.T) {
				t.Parallel() // most of the time is spent waiting for Nix
				src, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				want, nixOK := runNix(t, nix, file)
				agree(t, file, func(t testing.TB) []string {
					fset, f, errs := parseAndCheck(file, src, 0)
					switch {
					case nixOK && len(errs) > 0:
						return []string{fmt.Sprintf("Nix accepts, nixlint rejects: %v", errs)}
					case !nixOK && len(errs) == 0:
						return []string{"Nix rejects, nixlint accepts"}
					case nixOK:
						if got := canonical(t, fset, f, dir); got != want {
							return []string{fmt.Sprintf("differs from Nix\n nix: %q\ngot: %q", want, got)}
						}
					}
					return nil
				})
				if folder == corpusDir && !nixOK {
					t.Errorf("file in corpus/ rejected by Nix: move it to invalid/")
				}
				if folder == invalidDir && nixOK {
					t.Errorf("file in invalid/ accepted by Nix: move it to corpus/")
				}
			})
		}
	}
}
