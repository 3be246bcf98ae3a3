package layout

import (
	"path"
	"testing"
)

func TestDir(t *testing.T) {
	for _, p := range []string{
		"", ".", "..", "/", "//", "a", "a.nix", "a/b.nix", "modules/media/jellyfin/default.nix",
		"/a/b", "a//b", "a/./b", "a/../b", "./a", "../a", "a/", "a/.", "a/..", ".a/b", "a/..b/c",
		"a/b/", "...", "a/.../b", "modules/x", "x/y/z/w.nix",
	} {
		if got, want := Dir(p), path.Dir(p); got != want {
			t.Errorf("Dir(%q) = %q, want %q", p, got, want)
		}
	}
}
