package registry

import (
	"path"
	"sort"
	"strings"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/model/layout"
)

// roleFiles returns the roles of the repository: name -> file, for every
// .nix file directly in the roles folder (but default.nix) and every
// directory there holding a default.nix.
func roleFiles(pass *analysis.Pass, lay *layout.Layout) map[string]string {
	roles := lay.Folders.Roles
	out := map[string]string{}
	for _, f := range pass.Files {
		rest, ok := strings.CutPrefix(f.Path, roles+"/")
		if !ok {
			continue
		}
		switch {
		case !strings.Contains(rest, "/") && strings.HasSuffix(rest, ".nix") && rest != "default.nix":
			out[strings.TrimSuffix(rest, ".nix")] = f.Path
		case strings.Count(rest, "/") == 1 && path.Base(rest) == "default.nix":
			out[path.Dir(rest)] = f.Path
		}
	}
	return out
}

// roleNames returns the role names, sorted, for messages.
func roleNames(roles map[string]string) []string {
	out := make([]string, 0, len(roles))
	for n := range roles {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// fileExists reports whether the repository holds p as a .nix file, or as
// a directory with a default.nix.
func fileExists(pass *analysis.Pass, p string) bool {
	if pass.FileByPath(p) != nil || pass.FileByPath(p+"/default.nix") != nil {
		return true
	}
	if !strings.HasSuffix(p, ".nix") {
		for _, d := range pass.Dirs {
			if d == p {
				return true
			}
		}
	}
	return false
}
