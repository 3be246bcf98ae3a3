package scope

import (
	"strings"

	"github.com/nixlint/nixlint/parser/ast"
)

// StaticName returns the name of an attribute path segment or inherit name
// when Nix 2.8 knows it at parse time, and reports whether it does.
//
// It follows Nix's grammar more closely than ast.StaticName: a plain string
// is static when it has no interpolation; an interpolation is static when its
// expression is a string Nix parses to a literal. An indented string is such
// a literal only when it is empty or made of a single part, which Nix's
// stripIndentation then returns as is; so the name
//
//	${''${"a"}''}
//
// is the static name "a".
func StaticName(n ast.AttrName) (string, bool) {
	switch n := n.(type) {
	case *ast.Ident:
		if n != nil {
			return n.Name, true
		}
	case *ast.String:
		if n != nil {
			return literalString(n)
		}
	case *ast.Interp:
		if n != nil {
			return literalExpr(n.X)
		}
	}
	return "", false
}

// literalExpr returns the value of e when Nix parses it to a string literal.
// Parentheses leave no trace in Nix's tree.
func literalExpr(e ast.Expr) (string, bool) {
	s, ok := ast.Unparen(e).(*ast.String)
	if !ok || s == nil {
		return "", false
	}
	return literalString(s)
}

// literalString returns the value of s when Nix parses it to a literal.
// Nested indented strings are followed in a loop, not by recursion.
func literalString(s *ast.String) (string, bool) {
	for {
		if !s.Indented {
			// The usual `"name"`: its one part is the value, no copy.
			if len(s.Parts) == 1 {
				if t, ok := s.Parts[0].(*ast.Text); ok && t != nil {
					return t.Value, true
				}
			}
			var b strings.Builder
			for _, p := range s.Parts {
				t, ok := p.(*ast.Text)
				if !ok || t == nil {
					return "", false
				}
				b.WriteString(t.Value)
			}
			return b.String(), true
		}
		switch len(s.Parts) {
		case 0:
			return "", true
		case 1:
		default:
			return "", false
		}
		switch p := s.Parts[0].(type) {
		case *ast.Text:
			if p == nil {
				return "", false
			}
			return p.Value, true
		case *ast.Interp:
			if p == nil {
				return "", false
			}
			inner, ok := ast.Unparen(p.X).(*ast.String)
			if !ok || inner == nil {
				return "", false
			}
			s = inner
		default:
			return "", false
		}
	}
}

// FormatName renders a name as Nix 2.8's printIdentifier does in its error
// messages (attribute names, undefined variables); see ast.FormatName.
func FormatName(s string) string { return ast.FormatName(s) }

// formatPath renders an attribute path for a message, as Nix's
// showAttrPath does. Nix prints a dynamic segment's expression inside
// "${…}"; this does for a variable and elides anything longer.
func formatPath(names []ast.AttrName) string {
	var b strings.Builder
	for i, n := range names {
		if i > 0 {
			b.WriteByte('.')
		}
		if s, ok := StaticName(n); ok {
			b.WriteString(FormatName(s))
		} else if i, ok := n.(*ast.Interp); ok && i != nil {
			if id, ok := i.X.(*ast.Ident); ok && id != nil {
				b.WriteString(`"${` + id.Name + `}"`)
			} else {
				b.WriteString(`"${…}"`)
			}
		} else {
			b.WriteString(`"${…}"`)
		}
	}
	return b.String()
}
