package printer

import (
	"strings"

	"github.com/nixlint/nixlint/parser/ast"
)

// path prints a path literal as Nix's path_start and SPATH rules make it:
// `<p>` is a call of __findFile (printed by call), others an absolute path,
// concatenated with the rest when Nix's lexer cut the literal into pieces
// (`./a/${x}//b` is ./a/, x, "/" and "/b"; the parser keeps them, and so
// does Nix).
func (p *printer) path(x *ast.Path) {
	n := loweredParts(x.Parts)
	if n == 0 {
		p.b = append(p.b, '/')
		return
	}
	var first ast.StringPart
	for _, part := range x.Parts {
		switch part.(type) {
		case *ast.Text, *ast.Interp:
			first = part
		}
		if first != nil {
			break
		}
	}
	start, ok := partString(first)
	if !ok {
		p.concat(x.Parts)
		return
	}
	if n == 1 {
		p.resolve(x.Kind, start)
		return
	}
	p.b = append(p.b, '(')
	p.resolve(x.Kind, start)
	seen := false
	for _, part := range x.Parts {
		switch part.(type) {
		case *ast.Text, *ast.Interp:
		default:
			continue
		}
		if !seen {
			seen = true // the first piece, printed above
			continue
		}
		p.b = append(p.b, " + "...)
		p.part(part)
	}
	p.b = append(p.b, ')')
}

// searchName is the name in `<name>`.
func searchName(x *ast.Path) string {
	if len(x.Parts) > 0 {
		if t, ok := x.Parts[0].(*ast.Text); ok {
			return t.Value
		}
	}
	return ""
}

// resolve prints the first segment of a path literal as the absolute path
// Nix stores: relative to the file's directory, or the home directory, and
// canonical (except ~/ paths, which Nix 2.8 does not canonicalise).
func (p *printer) resolve(kind ast.PathKind, text string) {
	if kind == ast.PathHome || strings.HasPrefix(text, "~") {
		p.b = append(p.b, p.home...)
		p.b = append(p.b, strings.TrimPrefix(text, "~")...)
		return
	}
	p.b, p.comps = appendAbsPath(p.b, text, p.dir, p.comps[:0])
	// Nix adds back the trailing slash of a first segment followed by an
	// interpolation (`./a/${b}`).
	if len(text) > 1 && text[len(text)-1] == '/' {
		p.b = append(p.b, '/')
	}
}

// appendAbsPath appends Nix's absPath of path: made absolute against dir,
// canonicalised. comps is scratch space, returned for reuse.
func appendAbsPath(dst []byte, path, dir string, comps []int) ([]byte, []int) {
	start := len(dst)
	if !strings.HasPrefix(path, "/") {
		// Canonicalising dir + "/" + path is canonicalising dir, then
		// path from there: components are cut at slashes either way.
		dst, comps = appendCanon(dst, dir, comps)
	}
	dst, comps = appendCanon(dst, path, comps)
	if len(dst) == start {
		dst = append(dst, '/')
	}
	return dst, comps
}

// appendCanon is Nix's canonPath without symlink resolution, continuing
// the path in dst from its components comps (their start offsets in dst,
// for `..`): it removes empty components, `.`, and `..` together with the
// component before it. An empty result stands for "/", which the caller
// writes.
func appendCanon(dst []byte, path string, comps []int) ([]byte, []int) {
	for {
		for len(path) > 0 && path[0] == '/' {
			path = path[1:]
		}
		if path == "" {
			return dst, comps
		}
		switch {
		case path == "." || strings.HasPrefix(path, "./"):
			path = path[1:]
		case path == ".." || strings.HasPrefix(path, "../"):
			if len(comps) > 0 {
				dst = dst[:comps[len(comps)-1]]
				comps = comps[:len(comps)-1]
			}
			path = path[2:]
		default:
			comps = append(comps, len(dst))
			i := strings.IndexByte(path, '/')
			if i < 0 {
				i = len(path)
			}
			dst = append(dst, '/')
			dst = append(dst, path[:i]...)
			path = path[i:]
		}
	}
}
