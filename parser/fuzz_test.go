package parser

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse checks that no input makes the parser panic or hang, and that
// every node lies inside the file with Pos <= End. The seeds are the tables
// of these tests and the parser corpus under testdata/.
func FuzzParse(f *testing.F) {
	for _, tt := range shapes {
		f.Add(tt.src)
	}
	for _, tt := range errorTable {
		f.Add(tt.src)
	}
	for _, s := range stringTable {
		f.Add(s)
	}
	for _, dir := range []string{"corpus", "invalid", "fixtures"} {
		files, _ := filepath.Glob(filepath.Join("..", "testdata", "parser", dir, "*.nix"))
		for _, fn := range files {
			if b, err := os.ReadFile(fn); err == nil && len(b) < 1<<16 {
				f.Add(string(b))
			}
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		fl, errs := parseString(src)
		if fl == nil || fl.Tok == nil {
			t.Fatal("nil file")
		}
		checkPositions(t, src, fl)
		// The pooled Parser, which parsed other inputs before, must
		// build what a fresh one builds. The comparison costs two
		// parses: it is made on small inputs, most of the fuzzer's, so
		// that large ones still minimize quickly (TestParserReuse
		// covers the large files).
		if len(src) <= 4096 {
			var fresh Parser
			if got, want := describe(fl, errs), describe(fresh.ParseFile(newFileSet(), "t.nix", []byte(src), 0)); got != want {
				t.Fatalf("reused Parser gives\n%s\nfresh Parser gives\n%s", got, want)
			}
		}
		for i, e := range errs {
			if i > 0 && errs[i-1].Pos > e.Pos {
				t.Fatalf("errors not sorted: %v", errs)
			}
		}
		// The pipe mode must be as robust.
		fp, _ := ParseFileMode(newFileSet(), "t.nix", []byte(src), PipeOperators)
		checkPositions(t, src, fp)
	})
}
