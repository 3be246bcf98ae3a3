package readfile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	cases := map[string][]byte{
		"empty.nix": nil,
		"small.nix": []byte("{ a = 1; }\n"),
		"big.nix":   bytes.Repeat([]byte("x = 1;\n"), 100000),
	}
	for name, content := range cases {
		if err := os.WriteFile(filepath.Join(dir, name), content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, want := range cases {
		for _, buf := range [][]byte{nil, make([]byte, 0, 16), make([]byte, 0, 1<<20)} {
			got, err := Read(filepath.Join(dir, name), buf)
			if err != nil {
				t.Fatalf("%s (buffer of %d): %v", name, cap(buf), err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s (buffer of %d): read %d bytes, want %d", name, cap(buf), len(got), len(want))
			}
		}
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := Read(filepath.Join(dir, "missing.nix"), nil)
	var pe *fs.PathError
	if !errors.As(err, &pe) || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: got %v, want a *fs.PathError for a missing file", err)
	}
	if _, err := Read(dir, nil); err == nil {
		t.Errorf("reading a directory: no error")
	}
}
