package architecture

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/model/layout"
)

// folder is a directory of the repository with the .nix files of its
// subtree, for the rules about folders: their findings point at a file
// inside the folder (the first one, preferring files directly in it).
type folder struct {
	dir   string
	files []*analysis.File // .nix files in the subtree, sorted by path
}

// anchor returns the file a finding about the folder points at: the first
// .nix file directly in it, else the first in its subtree.
func (f folder) anchor() *analysis.File {
	for _, file := range f.files {
		if layout.Dir(file.Path) == f.dir {
			return file
		}
	}
	if len(f.files) > 0 {
		return f.files[0]
	}
	return nil
}

// folders returns every directory below root (root excluded) holding .nix
// files in its subtree, sorted by path.
func folders(pass *analysis.Pass, root string) []folder {
	byDir := make(map[string][]*analysis.File)
	prefix := root + "/"
	for _, f := range pass.Files {
		if !strings.HasSuffix(f.Path, ".nix") || !strings.HasPrefix(f.Path, prefix) {
			continue
		}
		for d := layout.Dir(f.Path); d != root && strings.HasPrefix(d, prefix); d = layout.Dir(d) {
			byDir[d] = append(byDir[d], f)
		}
	}
	out := make([]folder, 0, len(byDir))
	for d, files := range byDir {
		sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
		out = append(out, folder{dir: d, files: files})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].dir < out[j].dir })
	return out
}

// depth returns how many directories dir lies below root.
func depth(dir, root string) int {
	rest := strings.TrimPrefix(dir, root+"/")
	return strings.Count(rest, "/") + 1
}

// otherFiles counts the regular files other than .nix files (scripts,
// templates, patches, data) in dir and in the directories below it that
// the walk kept: they are related files of a module too, and a module with
// its assets is a fair reason for a folder. Hidden files do not count.
// Only directory entries are listed; no file is read.
func otherFiles(pass *analysis.Pass, dir string) int {
	if pass.Root == "" {
		return 0
	}
	n := 0
	for _, d := range pass.Dirs {
		if d != dir && !strings.HasPrefix(d, dir+"/") {
			continue
		}
		entries, err := os.ReadDir(filepath.Join(pass.Root, filepath.FromSlash(d)))
		if err != nil {
			continue
		}
		for _, e := range entries {
			name := e.Name()
			if e.Type().IsRegular() && !strings.HasPrefix(name, ".") && !strings.HasSuffix(name, ".nix") {
				n++
			}
		}
	}
	return n
}
