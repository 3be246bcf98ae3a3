package engine

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// FindRoot returns the repository root for path: the nearest directory,
// from path (or the directory holding it) upwards, that holds a flake.nix;
// when there is none, path itself (or its directory, for a file).
func FindRoot(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("resolving %s: %w", path, err)
	}
	info, err := os.Stat(abs)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	start := abs
	if !info.IsDir() {
		start = filepath.Dir(abs)
	}
	for dir := start; ; {
		if fi, err := os.Stat(filepath.Join(dir, "flake.nix")); err == nil && fi.Mode().IsRegular() {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return start, nil
		}
		dir = parent
	}
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// skipName reports whether a directory entry is never part of the
// repository: version control, Nix build result links, direnv caches and
// JavaScript dependencies. `result` and `result-*` (what nix build creates)
// are skipped, not every name starting with "result": a module named
// results.nix is the user's code.
func skipName(name string) bool {
	switch name {
	case ".git", ".direnv", "node_modules", "result":
		return true
	}
	return strings.HasPrefix(name, "result-")
}

// tree is what the walk found.
type tree struct {
	files    []string // .nix regular files, relative, slash-separated, sorted
	dirs     []string // directories below the root, same form
	excluded int      // .nix files skipped by exclude globs, and unreadable directories

	found func(rel string) // called with each file as it is appended to files
}

// walk lists the repository below root without following directory
// symlinks, and calls found with each .nix file as soon as it is listed. A symlink to a regular file is followed (it is a file of the
// repository); links to directories, dangling links, FIFOs, sockets and
// devices are skipped, as are directories named like a .nix file.
func walk(root string, exclude []string, found func(rel string)) (*tree, error) {
	t := &tree{found: found}
	if err := t.walkDir(root, "", exclude); err != nil {
		return nil, err
	}
	return t, nil
}

func (t *tree) walkDir(abs, rel string, exclude []string) error {
	entries, err := os.ReadDir(abs)
	if err != nil {
		if rel == "" {
			return fmt.Errorf("reading %s: %w", abs, unwrapPathError(err))
		}
		// An unreadable folder below the root is skipped, not fatal.
		t.excluded++
		return nil
	}
	for _, e := range entries { // ReadDir sorts by name
		name := e.Name()
		if skipName(name) {
			continue
		}
		r := name
		if rel != "" {
			r = rel + "/" + name
		}
		if excluded(exclude, r) {
			if e.IsDir() || strings.HasSuffix(name, ".nix") {
				t.excluded++
			}
			continue
		}
		mode := e.Type()
		if mode&fs.ModeSymlink != 0 {
			fi, err := os.Stat(filepath.Join(abs, name))
			if err != nil || !fi.Mode().IsRegular() {
				continue // dangling, a loop, or a link to a folder: not followed
			}
			mode = 0
		}
		switch {
		case mode.IsDir():
			t.dirs = append(t.dirs, r)
			if err := t.walkDir(filepath.Join(abs, name), r, exclude); err != nil {
				return err
			}
		case mode.IsRegular() && strings.HasSuffix(name, ".nix"):
			t.files = append(t.files, r)
			t.found(r)
		}
	}
	return nil
}

func excluded(globs []string, rel string) bool {
	for _, g := range globs {
		if matchGlob(g, rel) {
			return true
		}
	}
	return false
}
