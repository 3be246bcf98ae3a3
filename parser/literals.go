package parser

import (
	"math"
	"strconv"

	"github.com/nixlint/nixlint/parser/ast"
)

// parseInt parses an INT token. Like Nix, a value beyond int64 is an error.
func (p *parser) parseInt() ast.Expr {
	t := p.tok
	lit := p.str[t.off:t.end]
	p.next()
	v, err := strconv.ParseInt(lit, 10, 64)
	if err != nil {
		p.errorAt(t.off, t.end, "invalid integer '"+lit+"'")
	}
	x := p.a.ints.alloc()
	*x = ast.Int{ValuePos: p.pos(t.off), Lit: lit, Value: v}
	return x
}

// parseFloat parses a FLOAT token. Nix rejects what strtod flags with
// ERANGE: overflow, and underflow to a subnormal number or to zero.
func (p *parser) parseFloat() ast.Expr {
	t := p.tok
	lit := p.str[t.off:t.end]
	p.next()
	v, err := strconv.ParseFloat(lit, 64)
	if err != nil || v != 0 && math.Abs(v) < 0x1p-1022 || v == 0 && nonZeroMantissa(lit) {
		p.errorAt(t.off, t.end, "invalid float '"+lit+"'")
	}
	return &ast.Float{ValuePos: p.pos(t.off), Lit: lit, Value: v}
}

// nonZeroMantissa reports whether a float literal has a non-zero digit
// before its exponent.
func nonZeroMantissa(lit string) bool {
	for i := 0; i < len(lit); i++ {
		switch c := lit[i]; {
		case c == 'e' || c == 'E':
			return false
		case c >= '1' && c <= '9':
			return true
		}
	}
	return false
}
