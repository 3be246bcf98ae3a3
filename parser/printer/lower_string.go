package printer

import (
	"strings"

	"github.com/nixlint/nixlint/parser/ast"
)

// str lowers a string. A double-quoted string without interpolation is an
// ExprString; with one it is an ExprConcatStrings of all its pieces. An
// indented string keeps every piece Nix's lexer produced (one ast.Text per
// IND_STR token, possibly empty after indentation stripping), and is an
// ExprString only when it is a single piece of text.
func (l *lowerer) str(s *ast.String) nexpr {
	l.syms.alloc(costString)
	if !s.Indented {
		hasInterp := false
		for _, p := range s.Parts {
			if _, ok := p.(*ast.Interp); ok {
				hasInterp = true
			}
		}
		if !hasInterp {
			var b strings.Builder
			for _, p := range s.Parts {
				b.WriteString(p.(*ast.Text).Value)
			}
			return l.newString(b.String())
		}
		// One piece per token of Nix's lexer, as the parser keeps them.
		c := l.concats.alloc()
		c.parts = l.parts(s.Parts)
		return c
	}
	if len(s.Parts) == 0 {
		return &nString{}
	}
	parts := l.parts(s.Parts)
	if len(parts) == 1 {
		if _, ok := parts[0].(*nString); ok {
			return parts[0]
		}
	}
	c := l.concats.alloc()
	c.parts = parts
	return c
}

// parts lowers string pieces in order, one expression per piece.
func (l *lowerer) parts(ps []ast.StringPart) []nexpr {
	out := l.exprs.make(len(ps))
	for _, p := range ps {
		switch p := p.(type) {
		case *ast.Text:
			if n := len(p.Value); n > 15 {
				// A std::string past the small-string buffer.
				l.syms.alloc((n + 1 + 8 + 15) &^ 15)
			}
			out = append(out, l.newString(p.Value))
		case *ast.Interp:
			out = append(out, l.expr(p.X))
		}
	}
	return out
}

// path lowers a path literal as Nix's path_start and SPATH rules do.
func (l *lowerer) path(p *ast.Path) nexpr {
	if p.Kind == ast.PathSearch {
		var name string
		if len(p.Parts) > 0 {
			if t, ok := p.Parts[0].(*ast.Text); ok {
				name = t.Value
			}
		}
		return l.builtin("__findFile", l.newVar(l.syms.create("__nixPath")), l.newString(name))
	}
	// Nix's lexer can cut a path into adjacent pieces (`./a/${x}//b` is
	// ./a/, x, "/" and "/b"); the parser keeps them, and so does Nix.
	parts := l.parts(p.Parts)
	if len(parts) == 0 {
		return &nPath{s: "/"}
	}
	first, ok := parts[0].(*nString)
	if !ok {
		return &nConcat{parts: parts}
	}
	start := &nPath{s: l.resolve(p.Kind, first.s)}
	if len(parts) == 1 {
		return start
	}
	parts[0] = start
	return &nConcat{parts: parts}
}

// resolve turns the first segment of a path literal into the absolute path
// Nix stores: relative to the file's directory, or the home directory, and
// canonical (except ~/ paths, which Nix 2.8 does not canonicalise).
func (l *lowerer) resolve(kind ast.PathKind, text string) string {
	if kind == ast.PathHome || strings.HasPrefix(text, "~") {
		return l.home + strings.TrimPrefix(text, "~")
	}
	s := absPath(text, l.dir)
	// Nix adds back the trailing slash of a first segment followed by an
	// interpolation (`./a/${b}`).
	if len(text) > 1 && text[len(text)-1] == '/' {
		s += "/"
	}
	return s
}

// absPath is Nix's absPath: path made absolute against dir, canonicalised.
func absPath(path, dir string) string {
	if !strings.HasPrefix(path, "/") {
		path = dir + "/" + path
	}
	return canonPath(path)
}

// canonPath is Nix's canonPath without symlink resolution: it removes empty
// components, `.`, and `..` together with the component before it.
func canonPath(path string) string {
	var out []int // start offsets of the components in str, for `..`
	str := ""
	for {
		for len(path) > 0 && path[0] == '/' {
			path = path[1:]
		}
		if path == "" {
			break
		}
		switch {
		case path == "." || strings.HasPrefix(path, "./"):
			path = path[1:]
		case path == ".." || strings.HasPrefix(path, "../"):
			if len(out) > 0 {
				str = str[:out[len(out)-1]]
				out = out[:len(out)-1]
			}
			path = path[2:]
		default:
			out = append(out, len(str))
			i := strings.IndexByte(path, '/')
			if i < 0 {
				i = len(path)
			}
			str += "/" + path[:i]
			path = path[i:]
		}
	}
	if str == "" {
		return "/"
	}
	return str
}
