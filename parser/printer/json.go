package printer

import (
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/nixlint/nixlint/parser/ast"
)

// JSON writes f as one JSON document followed by a newline. The shape is
// documented in docs/ast-json.md: every node is an object with "type" (the
// Go type name in package ast), "pos" and "end" (objects with line, column
// and byte offset), and one member per field of the node, named as the Go
// field in lowerCamelCase. Output is deterministic.
func JSON(w io.Writer, fset *token.FileSet, f *ast.File) error {
	if f == nil {
		return fmt.Errorf("printer: nil file")
	}
	e := &jsonEncoder{fset: fset}
	e.file(f)
	e.b.WriteByte('\n')
	if _, err := io.WriteString(w, e.b.String()); err != nil {
		return fmt.Errorf("printer: writing JSON for %s: %w", f.Name, err)
	}
	return nil
}

type jsonEncoder struct {
	b    strings.Builder
	fset *token.FileSet
}

var (
	posType      = reflect.TypeOf(token.Pos(0))
	tokenType    = reflect.TypeOf(ast.Token(0))
	pathKindType = reflect.TypeOf(ast.PathKind(0))
)

func (e *jsonEncoder) file(f *ast.File) {
	e.b.WriteString(`{"type":"File","name":`)
	e.str(f.Name)
	e.b.WriteString(`,"expr":`)
	if f.Expr == nil {
		e.b.WriteString("null")
	} else {
		e.node(f.Expr)
	}
	e.b.WriteString(`,"comments":[`)
	for i, c := range f.Comments {
		if i > 0 {
			e.b.WriteByte(',')
		}
		e.node(c)
	}
	e.b.WriteString("]}")
}

// node writes one node: type, range, then its fields in declaration order.
func (e *jsonEncoder) node(n ast.Node) {
	v := reflect.ValueOf(n)
	if !v.IsValid() || (v.Kind() == reflect.Pointer && v.IsNil()) {
		e.b.WriteString("null")
		return
	}
	s := v.Elem()
	t := s.Type()
	e.b.WriteString(`{"type":`)
	e.str(t.Name())
	e.b.WriteString(`,"pos":`)
	e.pos(n.Pos())
	e.b.WriteString(`,"end":`)
	e.pos(n.End())
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		e.b.WriteByte(',')
		e.str(lowerFirst(f.Name))
		e.b.WriteByte(':')
		e.value(s.Field(i))
	}
	e.b.WriteByte('}')
}

func (e *jsonEncoder) value(v reflect.Value) {
	switch v.Type() {
	case posType:
		e.pos(token.Pos(v.Int()))
		return
	case tokenType:
		e.str(ast.Token(v.Int()).String())
		return
	case pathKindType:
		e.str(pathKindName(ast.PathKind(v.Int())))
		return
	}
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			e.b.WriteString("null")
			return
		}
		if n, ok := v.Interface().(ast.Node); ok {
			e.node(n)
			return
		}
		e.value(v.Elem())
	case reflect.Slice:
		e.b.WriteByte('[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				e.b.WriteByte(',')
			}
			e.value(v.Index(i))
		}
		e.b.WriteByte(']')
	case reflect.String:
		e.str(v.String())
	case reflect.Bool:
		e.b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.b.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if math.IsInf(f, 0) || math.IsNaN(f) {
			e.str(formatFloat(f)) // JSON has no infinities; Lit keeps the source
			return
		}
		e.b.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
	default:
		e.b.WriteString("null")
	}
}

// pos writes a position as {"line","column","offset"}, or null for NoPos.
// Columns count bytes from 1, as go/token does.
func (e *jsonEncoder) pos(p token.Pos) {
	if !p.IsValid() || e.fset == nil || e.fset.File(p) == nil {
		e.b.WriteString("null")
		return
	}
	ps := e.fset.Position(p)
	fmt.Fprintf(&e.b, `{"line":%d,"column":%d,"offset":%d}`, ps.Line, ps.Column, ps.Offset)
}

// str writes s as a JSON string. Invalid UTF-8 (which Nix keeps in strings
// and comments) is replaced by U+FFFD, since JSON text must be UTF-8.
func (e *jsonEncoder) str(s string) {
	buf, err := json.Marshal(s)
	if err != nil {
		e.b.WriteString(`""`)
		return
	}
	e.b.Write(buf)
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

func pathKindName(k ast.PathKind) string {
	switch k {
	case ast.PathRelative:
		return "relative"
	case ast.PathAbsolute:
		return "absolute"
	case ast.PathHome:
		return "home"
	case ast.PathSearch:
		return "search"
	}
	return "unknown"
}
