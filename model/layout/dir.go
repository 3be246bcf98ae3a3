package layout

import (
	"path"
	"strings"
)

// Dir returns path.Dir(p). The paths of a repository's files are clean
// already, and the rules ask for the directories of thousands of them:
// Dir cuts such a path at its last slash instead of cleaning it again.
func Dir(p string) string {
	if !isClean(p) {
		return path.Dir(p)
	}
	i := strings.LastIndexByte(p, '/')
	if i < 0 {
		return "."
	}
	return p[:i]
}

// isClean reports whether path.Clean leaves the relative path p as it is:
// p is not empty, and its elements are neither empty nor "." nor "..".
// It says false for some clean paths (rooted ones), which Dir then cleans.
func isClean(p string) bool {
	start := 0
	for i := 0; i <= len(p); i++ {
		if i < len(p) && p[i] != '/' {
			continue
		}
		switch p[start:i] {
		case "", ".", "..":
			return false
		}
		start = i + 1
	}
	return true
}
