package printer

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/nixlint/nixlint/parser/ast"
)

// shower prints lowered expressions exactly as the show methods of Nix 2.8
// (src/libexpr/nixexpr.cc) do. It writes to an outBuf, which never fails;
// the caller writes the result out once.
//
// show recurses over the tree; the parser bounds nesting, and a chain of
// binary operators a few hundred thousand long still fits Go's growable
// stack.
type shower struct {
	b    *outBuf
	syms *symtab
	num  [24]byte // scratch for formatting integers without allocating
}

func (p *shower) show(e nexpr) {
	b := p.b
	switch e := e.(type) {
	case *nInt:
		b.Write(strconv.AppendInt(p.num[:0], e.v, 10))
	case *nFloat:
		b.WriteString(formatFloat(e.v))
	case *nString:
		showString(b, e.s)
	case *nPath:
		b.WriteString(e.s)
	case *nVar:
		showID(b, e.name)
	case *nPos:
		b.WriteString("__curPos")
	case *nSelect:
		b.WriteString("(")
		p.show(e.e)
		b.WriteString(").")
		p.attrPath(e.path)
		if e.def != nil {
			b.WriteString(" or (")
			p.show(e.def)
			b.WriteString(")")
		}
	case *nHasAttr:
		b.WriteString("((")
		p.show(e.e)
		b.WriteString(") ? ")
		p.attrPath(e.path)
		b.WriteString(")")
	case *nAttrs:
		p.attrs(e)
	case *nList:
		b.WriteString("[ ")
		for _, x := range e.elems {
			b.WriteString("(")
			p.show(x)
			b.WriteString(") ")
		}
		b.WriteString("]")
	case *nLambda:
		p.lambda(e)
	case *nCall:
		b.WriteString("(")
		p.show(e.fun)
		for _, a := range e.args {
			b.WriteString(" ")
			p.show(a)
		}
		b.WriteString(")")
	case *nLet:
		p.let(e)
	case *nWith:
		b.WriteString("(with ")
		p.show(e.attrs)
		b.WriteString("; ")
		p.show(e.body)
		b.WriteString(")")
	case *nIf:
		b.WriteString("(if ")
		p.show(e.cond)
		b.WriteString(" then ")
		p.show(e.then)
		b.WriteString(" else ")
		p.show(e.els)
		b.WriteString(")")
	case *nAssert:
		// Nix prints no parentheses around assert.
		b.WriteString("assert ")
		p.show(e.cond)
		b.WriteString("; ")
		p.show(e.body)
	case *nNot:
		b.WriteString("(! ")
		p.show(e.e)
		b.WriteString(")")
	case *nBinOp:
		b.WriteString("(")
		p.show(e.a)
		b.WriteByte(' ')
		b.WriteString(e.op)
		b.WriteByte(' ')
		p.show(e.b)
		b.WriteString(")")
	case *nConcat:
		b.WriteString("(")
		for i, x := range e.parts {
			if i > 0 {
				b.WriteString(" + ")
			}
			p.show(x)
		}
		b.WriteString(")")
	}
}

func (p *shower) attrPath(path []nAttrName) {
	for i, n := range path {
		if i > 0 {
			p.b.WriteByte('.')
		}
		if n.expr == nil {
			showID(p.b, n.sym)
		} else {
			p.b.WriteString(`"${`)
			p.show(n.expr)
			p.b.WriteString(`}"`)
		}
	}
}

// attrs prints a set: static attributes sorted by name, then the dynamic
// ones in source order.
func (p *shower) attrs(a *nAttrs) {
	b := p.b
	if a.rec {
		b.WriteString("rec ")
	}
	b.WriteString("{ ")
	// Sorting in place is safe: lookups are over once printing starts.
	sortAttrs(a, strings.Compare)
	for _, entry := range a.attrs {
		n, def := entry.name, entry.def
		if def.inherited {
			b.WriteString("inherit ")
			showID(b, n)
			b.WriteString(" ; ")
			continue
		}
		showID(b, n)
		b.WriteString(" = ")
		p.show(def.e)
		b.WriteString("; ")
	}
	for _, d := range a.dynamic {
		b.WriteString(`"${`)
		p.show(d.name)
		b.WriteString(`}" = `)
		p.show(d.value)
		b.WriteString("; ")
	}
	b.WriteString("}")
}

// let prints a let; its bindings come in symbol order (see symbols.go).
func (p *shower) let(e *nLet) {
	b := p.b
	b.WriteString("(let ")
	sortAttrs(e.attrs, p.syms.cmp)
	for _, entry := range e.attrs.attrs {
		n, def := entry.name, entry.def
		if def.inherited {
			b.WriteString("inherit ")
			showID(b, n)
			b.WriteString("; ")
			continue
		}
		showID(b, n)
		b.WriteString(" = ")
		p.show(def.e)
		b.WriteString("; ")
	}
	b.WriteString("in ")
	p.show(e.body)
	b.WriteString(")")
}

// sortAttrs sorts a's static attributes, keeping its index valid.
func sortAttrs(a *nAttrs, cmp func(x, y string) int) {
	slices.SortFunc(a.attrs, func(x, y nAttrEntry) int { return cmp(x.name, y.name) })
	if a.index != nil {
		for i, e := range a.attrs {
			a.index[e.name] = i
		}
	}
}

func (p *shower) lambda(e *nLambda) {
	b := p.b
	b.WriteString("(")
	if e.formals != nil {
		b.WriteString("{ ")
		for i, f := range e.formals.formals {
			if i > 0 {
				b.WriteString(", ")
			}
			showID(b, f.name)
			if f.def != nil {
				b.WriteString(" ? ")
				p.show(f.def)
			}
		}
		if e.formals.ellipsis {
			if len(e.formals.formals) > 0 {
				b.WriteString(", ")
			}
			b.WriteString("...")
		}
		b.WriteString(" }")
		if e.arg != "" {
			b.WriteString(" @ ")
		}
	}
	if e.arg != "" {
		showID(b, e.arg)
	}
	b.WriteString(": ")
	p.show(e.body)
	b.WriteString(")")
}

// showString is Nix's showString (see ast.AppendQuoted).
func showString(b *outBuf, s string) { b.buf = ast.AppendQuoted(b.buf, s) }

// showID is Nix's showId (see ast.AppendName).
func showID(b *outBuf, s string) { b.buf = ast.AppendName(b.buf, s) }

// formatFloat prints f as a C++ ostream does by default: %g with six
// significant digits.
func formatFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	return strconv.FormatFloat(f, 'g', 6, 64)
}
