package check

import (
	"go/token"
	"strings"

	"github.com/nixlint/nixlint/parser/ast"
	"github.com/nixlint/nixlint/parser/printer"
	"github.com/nixlint/nixlint/parser/scope"
)

// showPath renders an attribute path as Nix 2.8's showAttrPath does in its
// messages: static names as identifiers or quoted strings, a dynamic
// segment as "${EXPR}" with EXPR in Nix's canonical form (`"${b}"` is the
// expression `(b)` there).
func showPath(d *scope.Duplicate) string {
	if d.Path == nil {
		return d.Name
	}
	var b strings.Builder
	for i, n := range d.Path {
		if i > 0 {
			b.WriteByte('.')
		}
		if s, ok := scope.StaticName(n); ok {
			b.WriteString(scope.FormatName(s))
			continue
		}
		var e ast.Expr
		switch n := n.(type) {
		case *ast.Interp:
			e = n.X
		case *ast.String:
			e = n
		}
		shown, ok := show(e)
		if !ok {
			return d.Name
		}
		b.WriteString(`"${` + shown + `}"`)
	}
	return b.String()
}

// show prints e in Nix's canonical form. The printer expects a tree free of
// errors; a duplicate can sit in a file with syntax errors, so a failure
// there (even a panic) only costs the message its detail.
func show(e ast.Expr) (s string, ok bool) {
	if e == nil {
		return "", false
	}
	defer func() {
		if recover() != nil {
			s, ok = "", false
		}
	}()
	var b strings.Builder
	if err := (printer.Config{Dir: "/", Home: "/"}).Nix(&b, token.NewFileSet(), &ast.File{Name: "attr", Expr: e}); err != nil {
		return "", false
	}
	return strings.TrimSuffix(b.String(), "\n"), true
}
