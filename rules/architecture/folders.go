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
	byDir := make(map[string]*[]*analysis.File)
	// The files of a directory mostly come one after the other: the list
	// of the last directory seen at each level is kept at hand.
	var last [4]struct {
		dir   string
		files *[]*analysis.File
	}
	prefix := root + "/"
	for _, f := range pass.Files {
		if !strings.HasSuffix(f.Path, ".nix") || !strings.HasPrefix(f.Path, prefix) {
			continue
		}
		level := 0
		for d := layout.Dir(f.Path); d != root && strings.HasPrefix(d, prefix); d = layout.Dir(d) {
			var files *[]*analysis.File
			if level < len(last) && last[level].files != nil && last[level].dir == d {
				files = last[level].files
			} else {
				files = byDir[d]
				if files == nil {
					files = new([]*analysis.File)
					byDir[d] = files
				}
				if level < len(last) {
					last[level].dir, last[level].files = d, files
				}
			}
			*files = append(*files, f)
			level++
		}
	}
	out := make([]folder, 0, len(byDir))
	for d, files := range byDir {
		fs := *files
		less := func(i, j int) bool { return fs[i].Path < fs[j].Path }
		if !sort.SliceIsSorted(fs, less) { // in the walk's order, they are
			sort.Slice(fs, less)
		}
		out = append(out, folder{dir: d, files: fs})
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
