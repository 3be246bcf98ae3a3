package printer

import (
	"strings"

	"github.com/nixlint/nixlint/parser/ast"
)

// Nix's parser makes a double-quoted string without interpolation an
// ExprString; with one, an ExprConcatStrings of all its pieces (one per
// token of its lexer, as the parser keeps them). An indented string keeps
// every piece (one ast.Text per IND_STR token, possibly empty after
// indentation stripping) and is an ExprString only when it is a single
// piece that is one.

// hasInterp reports whether s has an interpolation.
func hasInterp(s *ast.String) bool {
	for _, p := range s.Parts {
		if _, ok := p.(*ast.Interp); ok {
			return true
		}
	}
	return false
}

// staticString reports whether Nix's parser makes e an ExprString, and
// its value: what may then be an attribute name known without evaluation.
func staticString(e ast.Expr) (string, bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.URI:
		return e.Value, true
	case *ast.String:
		if !e.Indented {
			if hasInterp(e) {
				return "", false
			}
			return textOf(e.Parts), true
		}
		switch len(e.Parts) {
		case 0:
			return "", true
		case 1:
			return partString(e.Parts[0])
		}
	}
	return "", false
}

// partString reports whether a string piece is an ExprString once parsed,
// and its value.
func partString(p ast.StringPart) (string, bool) {
	switch p := p.(type) {
	case *ast.Text:
		return p.Value, true
	case *ast.Interp:
		return staticString(p.X)
	}
	return "", false
}

// textOf concatenates pieces that are all text; most strings are one piece,
// returned without copying.
func textOf(ps []ast.StringPart) string {
	if len(ps) == 1 {
		if t, ok := ps[0].(*ast.Text); ok {
			return t.Value
		}
	}
	var b strings.Builder
	for _, p := range ps {
		if t, ok := p.(*ast.Text); ok {
			b.WriteString(t.Value)
		}
	}
	return b.String()
}

// loweredParts is the number of pieces Nix's parser keeps of ps: text and
// interpolations.
func loweredParts(ps []ast.StringPart) int {
	n := 0
	for _, p := range ps {
		switch p.(type) {
		case *ast.Text, *ast.Interp:
			n++
		}
	}
	return n
}

// str prints a string literal as Nix shows the expression its parser made
// of it.
func (p *printer) str(s *ast.String) {
	if !s.Indented {
		if !hasInterp(s) {
			p.quoteText(s.Parts)
			return
		}
		p.concat(s.Parts)
		return
	}
	if len(s.Parts) == 0 {
		p.b = append(p.b, `""`...)
		return
	}
	if loweredParts(s.Parts) == 1 {
		for _, part := range s.Parts {
			if v, ok := partString(part); ok {
				p.b = ast.AppendQuoted(p.b, v)
				return
			}
		}
	}
	p.concat(s.Parts)
}

// quoteText prints the concatenation of text pieces as one string. Nix's
// escapes are of single bytes, so quoting piece by piece is the same.
func (p *printer) quoteText(ps []ast.StringPart) {
	if len(ps) == 1 {
		if t, ok := ps[0].(*ast.Text); ok {
			p.b = ast.AppendQuoted(p.b, t.Value)
			return
		}
	}
	p.b = append(p.b, '"')
	for _, part := range ps {
		if t, ok := part.(*ast.Text); ok {
			// Quote, then drop the quotes.
			n := len(p.b)
			p.b = ast.AppendQuoted(p.b, t.Value)
			p.b = append(p.b[:n], p.b[n+1:len(p.b)-1]...)
		}
	}
	p.b = append(p.b, '"')
}

// concat prints pieces as an ExprConcatStrings: each in parentheses-free
// form, joined by +.
func (p *printer) concat(ps []ast.StringPart) {
	p.b = append(p.b, '(')
	first := true
	for _, part := range ps {
		switch part.(type) {
		case *ast.Text, *ast.Interp:
		default:
			continue
		}
		if !first {
			p.b = append(p.b, " + "...)
		}
		first = false
		p.part(part)
	}
	p.b = append(p.b, ')')
}

// part prints one string piece.
func (p *printer) part(part ast.StringPart) {
	switch part := part.(type) {
	case *ast.Text:
		p.b = ast.AppendQuoted(p.b, part.Value)
	case *ast.Interp:
		p.expr(part.X)
	}
}
