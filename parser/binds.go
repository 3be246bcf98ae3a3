package parser

import "github.com/nixlint/nixlint/parser/ast"

// parseBinds parses the bindings of a set, a let or a legacy let, up to but
// not including the token term ('}' or IN). It is the parser's main
// recovery point: after an error in a binding it skips to the binding's
// ';' (or to the end of the bindings) and goes on with the next one, so
// each broken binding costs one error.
func (p *parser) parseBinds(term tokKind) []ast.Binding {
	// Bindings accumulate on a stack shared by the nested sets, and are
	// copied out once, to an exact-size slice (see bindsFrom).
	base := len(p.bindStack)
	for p.tok.kind != term && p.tok.kind != tEOF {
		var b ast.Binding
		ok := false
		switch p.tok.kind {
		case tINHERIT:
			b, ok = p.parseInherit()
		case tID, tOR_KW, tQUOTE, tDOLLAR_CURLY:
			b, ok = p.parseAttrDef()
		default:
			p.unexpected()
			switch p.tok.kind {
			case tRBRACE, tRPAREN, tRBRACK, tIN:
				// Probably the end of an enclosing construct.
				return p.bindsFrom(base)
			}
		}
		if b != nil {
			p.bindStack = append(p.bindStack, b)
		}
		if !ok {
			start := p.tok.off
			p.skipTo(func(k tokKind) bool { return k == tSEMI || k == term })
			if p.tok.kind == tSEMI {
				p.next()
			} else if p.tok.off == start && p.tok.kind != term && p.tok.kind != tEOF {
				// An unmatched closing bracket: leave it to the caller.
				return p.bindsFrom(base)
			}
		}
		if p.tok.kind != tEOF {
			// Resynchronised at a ';' or at the end of the bindings.
			p.syncing = false
		}
	}
	return p.bindsFrom(base)
}

// bindsFrom copies out and pops the bindings stacked since base.
//
// The parser does without defer on its hot paths (a deferred call costs
// more than the call), so every function that pushes on a stack or
// charges the nesting budget pops or refunds it before each return. A
// panic leaves the state inconsistent, and the Parser is then dropped (see
// ParseFileMode).
func (p *parser) bindsFrom(base int) []ast.Binding {
	var out []ast.Binding
	if len(p.bindStack) > base {
		out = p.a.bindings.copyOf(p.bindStack[base:])
	}
	p.bindStack = p.bindStack[:base]
	return out
}

// parseAttrDef parses `attrpath = expr;`. ok reports that the binding was
// complete, up to its ';'.
func (p *parser) parseAttrDef() (b ast.Binding, ok bool) {
	path := p.parseAttrPath()
	if p.tok.kind != tASSIGN {
		p.unexpected(tDOT, tASSIGN)
		return nil, false
	}
	eq := p.tok.off
	def := p.a.attrDefs.alloc()
	def.Path, def.Eq = path, p.pos(eq)
	if !p.enter(2) {
		return nil, false
	}
	p.next()
	def.Value = p.parseValue()
	p.leave(2)
	if p.tok.kind != tSEMI {
		p.unexpected(tSEMI)
		def.Semi = p.pos(p.missingClose(eq))
		return def, false
	}
	def.Semi = p.pos(p.tok.off)
	p.next()
	return def, true
}

// parseInherit parses `inherit names;` and `inherit (from) names;`.
func (p *parser) parseInherit() (b ast.Binding, ok bool) {
	in := p.a.inherits.alloc()
	in.InheritPos = p.pos(p.tok.off)
	start := p.tok.off
	p.next()
	if p.tok.kind == tLPAREN {
		if !p.enter(2) {
			return nil, false
		}
		p.next()
		in.From = p.parseExpr()
		p.leave(2)
		if p.tok.kind != tRPAREN {
			p.unexpected(tRPAREN)
			return nil, false
		}
		p.next()
	}
	// The names collect on the stack shared with attribute paths.
	base := len(p.nameStack)
	for {
		switch p.tok.kind {
		case tID, tOR_KW, tQUOTE, tDOLLAR_CURLY:
			name := p.parseAttrName()
			p.nameStack = append(p.nameStack, name)
			continue
		case tSEMI:
			in.Names = p.namesFrom(base)
			in.Semi = p.pos(p.tok.off)
			p.next()
			return in, true
		}
		in.Names = p.namesFrom(base)
		p.unexpected()
		in.Semi = p.pos(p.missingClose(start))
		return in, false
	}
}

// parseAttrPath parses a dotted attribute path `a.b."c".${d}`.
func (p *parser) parseAttrPath() *ast.AttrPath {
	// Most names are identifiers, made without the call to
	// parseAttrName.
	var first ast.AttrName
	if k := p.tok.kind; k == tID || k == tOR_KW {
		first = p.ident()
	} else {
		first = p.parseAttrName()
	}
	if p.tok.kind != tDOT {
		// Most paths: the path and its name list are one allocation
		// (see onePath), made here, in the caller, which saves a call
		// per binding.
		one := p.a.onePaths.alloc()
		one.names[0] = first
		one.path.Names = one.names[:]
		return &one.path
	}
	// Longer paths collect on a stack shared by nested paths (in
	// interpolations), copied out once at their exact size.
	base := len(p.nameStack)
	p.nameStack = append(p.nameStack, first)
	for p.tok.kind == tDOT {
		p.next()
		var name ast.AttrName
		if k := p.tok.kind; k == tID || k == tOR_KW {
			name = p.ident()
		} else {
			name = p.parseAttrName()
		}
		p.nameStack = append(p.nameStack, name)
	}
	path := p.a.attrPaths.alloc()
	path.Names = p.namesFrom(base)
	return path
}

// namesFrom copies out and pops the names stacked since base.
func (p *parser) namesFrom(base int) []ast.AttrName {
	names := p.a.names.copyOf(p.nameStack[base:])
	p.nameStack = p.nameStack[:base]
	return names
}

// parseAttrName parses one attribute name: ID, `or`, a string or `${e}`.
// On error it returns an empty-named Ident so the path stays well-formed.
func (p *parser) parseAttrName() ast.AttrName {
	switch p.tok.kind {
	case tID, tOR_KW:
		return p.ident()
	case tQUOTE:
		return p.parseString()
	case tDOLLAR_CURLY:
		return p.parseAttrInterp()
	}
	p.unexpected(tID, tOR_KW, tDOLLAR_CURLY, tQUOTE)
	return &ast.Ident{NamePos: p.pos(p.tok.off)}
}
