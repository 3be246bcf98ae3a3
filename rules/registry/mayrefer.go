package registry

import (
	"bytes"
	"path"
	"strings"

	"github.com/nixlint/nixlint/analysis"
	reg "github.com/nixlint/nixlint/model/registry"
)

// referFilter tells, from a file's bytes alone, that the file cannot refer
// to a role, so that uses.file need not walk its tree: in a repository
// of thousands of modules a handful name roles.
//
// A file refers to a role through a name or string following the
// reference pattern, a string built from its prefix ("role-${n}"), or a
// path literal leading into the roles folder. The first two hold the
// pattern's prefix in their value, and so in the file's bytes, unless a
// string escape spells it (in Nix "ro\le-" is "role-"): a file holding
// neither the prefix nor a backslash has none. A relative path literal
// has no escapes, and resolves into the roles folder only if the folder's
// last name is in the literal or in the file's own path.
type referFilter struct {
	prefix []byte // the pattern's text before {name}
	roles  []byte // the last name of the roles folder
	on     bool   // the test is exact for this pattern and folder
}

func newReferFilter(reference, roles string) referFilter {
	before, _, _ := strings.Cut(reference, "{name}")
	base := path.Base(roles)
	return referFilter{
		prefix: []byte(before),
		roles:  []byte(base),
		// An empty prefix makes any name a reference; a prefix holding
		// what string syntax rewrites (quotes, $, whitespace, escapes)
		// may be spelt otherwise in the source.
		on: before != "" && plain(before) && base != "." && base != "/" && base != "..",
	}
}

// plain reports whether s is made of printable ASCII that Nix strings
// and indented strings hold as written.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || c == '\\' || c == '\'' || c == '"' || c == '$' {
			return false
		}
	}
	return true
}

// skip reports whether f cannot refer to a role.
func (r referFilter) skip(f *analysis.File) bool {
	if !r.on || f.Src == nil || strings.Contains(f.Path, string(r.roles)) || bytes.IndexByte(f.Src, '\\') >= 0 {
		return false
	}
	return !containsEither(f.Src, r.prefix, r.roles)
}

// containsEither reports whether src holds a or b. When they start alike
// ("role-" and "roles") it scans src once, for their common start.
func containsEither(src, a, b []byte) bool {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	if n < 3 {
		return bytes.Contains(src, a) || bytes.Contains(src, b)
	}
	common := a[:n]
	k := reg.RarestByte(string(common))
	for {
		i := reg.IndexAt(src, common, k)
		if i < 0 {
			return false
		}
		if bytes.HasPrefix(src[i:], a) || bytes.HasPrefix(src[i:], b) {
			return true
		}
		src = src[i+1:]
	}
}
