package tree

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Source is a .nix file read from a directory.
type Source struct {
	Path string // relative to the directory, with forward slashes
	File string // the path it was read from (the directory joined with Path)
	Src  []byte
}

// ReadSources reads every .nix file below dir, in filepath.WalkDir's
// order (deterministic: lexical within each directory): the
// workload the benchmarks and the tests that compare two implementations
// over a tree share.
func ReadSources(dir string) ([]Source, error) {
	var out []Source
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".nix") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		out = append(out, Source{Path: filepath.ToSlash(rel), File: p, Src: src})
		return nil
	})
	return out, err
}
