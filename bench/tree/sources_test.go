package tree

import (
	"os"
	"path/filepath"
	"testing"
)

func TestReadSources(t *testing.T) {
	dir := t.TempDir()
	st, err := Generate(dir, 50)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not nix"), 0o644); err != nil {
		t.Fatal(err)
	}
	srcs, err := ReadSources(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) != st.Files {
		t.Fatalf("read %d sources, generated %d .nix files", len(srcs), st.Files)
	}
	var total int64
	seen := make(map[string]bool)
	for _, s := range srcs {
		total += int64(len(s.Src))
		if seen[s.Path] {
			t.Errorf("%s read twice", s.Path)
		}
		seen[s.Path] = true
		if filepath.Join(dir, filepath.FromSlash(s.Path)) != s.File {
			t.Errorf("Path %q and File %q disagree", s.Path, s.File)
		}
	}
	if total != st.Bytes {
		t.Errorf("read %d bytes, generated %d", total, st.Bytes)
	}
}
