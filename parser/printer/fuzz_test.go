package printer_test

import (
	"bytes"
	"encoding/json"
	"go/token"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/printer"
)

// maxFuzzInput bounds the inputs the fuzzer tries, so that each one runs
// quickly (Nix included) and a slow path shows up as a hang, not a big file.
const maxFuzzInput = 4 << 10

// FuzzNixParity feeds the parser and printers arbitrary input, seeded with
// the whole parser corpus. It always checks that nothing panics or hangs,
// that the canonical form is deterministic and that the JSON is valid.
// With NIXLINT_FUZZ_NIX=1 and nix-instantiate installed it also runs Nix on
// every input and requires the same verdict and, when accepted, the same
// output (inputs with a NUL byte are left out of that comparison, see
// KNOWN_DIFFS.md). Run it with, for instance:
//
//	go test ./parser/printer -run '^$' -fuzz FuzzNixParity -fuzztime 10m
//	NIXLINT_FUZZ_NIX=1 go test ./parser/printer -run '^$' -fuzz FuzzNixParity -fuzztime 10m
func FuzzNixParity(f *testing.F) {
	for _, dir := range []string{corpusDir, invalidDir, fixturesDir} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.nix"))
		for _, file := range files {
			if knownDiff(f, file) {
				continue // would fail the comparison with Nix at once
			}
			if src, err := os.ReadFile(file); err == nil && len(src) <= maxFuzzInput {
				f.Add(src)
			}
		}
	}
	var nix string
	if os.Getenv("NIXLINT_FUZZ_NIX") == "1" {
		nix = nixInstantiate(f)
	}
	tmp := f.TempDir()
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > maxFuzzInput {
			return
		}
		file := filepath.Join(tmp, "fuzz.nix")
		got, ok := nixlintWithin(t, file, src, 10*time.Second)
		if nix == "" || bytes.IndexByte(src, 0) >= 0 {
			return
		}
		if err := os.WriteFile(file, src, 0o644); err != nil {
			t.Fatal(err)
		}
		want, nixOK := runNix(t, nix, file)
		switch {
		case nixOK && !ok:
			t.Fatalf("Nix accepts, nixlint rejects:\n%q\nNix: %q", src, want)
		case !nixOK && ok:
			t.Fatalf("Nix rejects, nixlint accepts:\n%q\nnixlint: %q", src, got)
		case nixOK && got != want:
			t.Fatalf("output differs for\n%q\n nix: %q\ngot: %q", src, want, got)
		}
	})
}

// nixlintWithin parses and prints src as the file named file, failing the
// test on a hang. It returns the canonical form and whether the file was
// accepted.
func nixlintWithin(t *testing.T, file string, src []byte, limit time.Duration) (string, bool) {
	type result struct {
		out string
		ok  bool
	}
	done := make(chan result, 1)
	go func() {
		var r result
		defer func() { done <- r }()
		// The pipe operators must never break anything either.
		parser.ParseFileMode(token.NewFileSet(), file, src, parser.PipeOperators)
		fset, f, errs := parseAndCheck(file, src, 0)
		if len(errs) > 0 {
			for _, e := range errs {
				if !e.Pos.IsValid() || fset.File(e.Pos) == nil {
					t.Errorf("error without a valid position: %v", e)
				}
			}
			return
		}
		dir := filepath.Dir(file)
		var a, b, j bytes.Buffer
		cfg := printer.Config{Dir: dir, Home: "/home/fuzz"}
		if err := cfg.Nix(&a, fset, f); err != nil {
			t.Errorf("printing: %v", err)
			return
		}
		cfg.Nix(&b, fset, f)
		if a.String() != b.String() {
			t.Errorf("canonical form is not deterministic: %q then %q", a.String(), b.String())
		}
		if err := printer.JSON(&j, fset, f); err != nil || !json.Valid(j.Bytes()) {
			t.Errorf("invalid JSON (%v): %q", err, j.String())
		}
		// Compare with Nix using the real home directory.
		var c bytes.Buffer
		if err := (printer.Config{Dir: dir, Home: printer.HomeDir()}).Nix(&c, fset, f); err != nil {
			t.Errorf("printing: %v", err)
		}
		r = result{out: c.String(), ok: true}
	}()
	select {
	case r := <-done:
		return r.out, r.ok
	case <-time.After(limit):
		t.Fatalf("parsing and printing took more than %v on\n%q", limit, src)
	}
	return "", false
}
