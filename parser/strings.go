package parser

import (
	"go/token"
	"strings"

	"github.com/nixlint/nixlint/parser/ast"
)

// parseInterp parses the expression and closing '}' of an interpolation
// whose "${" (at offset dollar) the scanner has just consumed. It leaves
// the '}' as the last token consumed without reading past it, because what
// follows is lexed in the caller's mode (string, path or code). complete is
// false when no '}' was found (end of input).
func (p *parser) parseInterp(dollar int) (in *ast.Interp, complete bool) {
	in = p.a.interps.alloc()
	in.Dollar = p.pos(dollar)
	if !p.enter(1) {
		in.X = p.bad(dollar, dollar)
		in.Rbrace = p.pos(dollar)
		return in, false
	}
	defer p.leave(1)
	p.prevEnd = dollar + 2
	p.next()
	in.X = p.parseExpr()
	if p.tok.kind != tRBRACE {
		p.unexpected(tRBRACE)
		p.skipTo(func(k tokKind) bool { return k == tRBRACE })
		if p.tok.kind != tRBRACE {
			in.Rbrace = p.pos(p.missingClose(dollar))
			return in, false
		}
	}
	in.Rbrace = p.pos(p.tok.off)
	p.prevEnd = p.tok.end
	return in, true
}

// parseAttrInterp parses `${e}` used as an attribute name, in code.
func (p *parser) parseAttrInterp() *ast.Interp {
	in, complete := p.parseInterp(p.tok.off)
	if complete {
		p.next()
	}
	return in
}

// eofTok makes the current token EOF after a construct ran off the end.
func (p *parser) eofTok() {
	n := len(p.s.src)
	p.s.off = n
	p.prevEnd = n
	p.tok = item{kind: tEOF, off: n, end: n}
}

// parseString parses a "double-quoted string" at the current '"'.
func (p *parser) parseString() *ast.String {
	open := p.tok.off
	t := p.s.scanString()
	var next item
	hasNext := false
	if t.kind == tSTR {
		next, hasNext = p.s.scanString(), true
		if next.kind == tQUOTE {
			// Most strings are text alone: the string, its part and
			// its text are made at once.
			one := p.a.oneStrs.alloc()
			one.parts[0] = p.text(t)
			one.str.Parts = one.parts[:]
			one.str.Open, one.str.Close = p.pos(open), p.pos(next.end)
			p.tok = next
			p.next()
			return &one.str
		}
	}
	// The parts collect on a stack shared by nested strings and paths,
	// copied out once at their exact size.
	base := len(p.partStack)
	end := p.parseStringParts(t, next, hasNext)
	var str *ast.String
	if len(p.partStack) == base+1 {
		// Most strings have one part: it is allocated with the string.
		one := p.a.oneStrs.alloc()
		one.parts[0] = p.partStack[base]
		p.partStack = p.partStack[:base]
		one.str.Parts = one.parts[:]
		str = &one.str
	} else {
		str = p.a.strs.alloc()
		str.Parts = p.partsFrom(base)
	}
	str.Open, str.Close = p.pos(open), end
	return str
}

// text makes the Text of a STR token of a "string".
func (p *parser) text(t item) *ast.Text {
	value := p.str[t.off:t.end]
	if t.flag {
		value = p.unescape(value)
	}
	txt := p.a.texts.alloc()
	*txt = ast.Text{Start: p.pos(t.off), Stop: p.pos(t.end), Value: value}
	return txt
}

// parseStringParts pushes the parts of a "string" on partStack and
// returns the position of its end. Its first token, t, is scanned, and so
// is the one after it, next, when hasNext is set.
func (p *parser) parseStringParts(t, next item, hasNext bool) token.Pos {
	// Bison holds '"' below an interpolation: charged here, refunded
	// before each return.
	p.depth++
	interpolated := false
	prevSTR := false
	for {
		switch t.kind {
		case tSTR:
			if prevSTR && !interpolated {
				// Only at EOF: flex returns a trailing '$' or '\' as
				// a separate STR, which the grammar rejects.
				p.unexpectedTok(t, tQUOTE)
			}
			p.partStack = append(p.partStack, p.text(t))
			prevSTR = true
		case tDOLLAR_CURLY:
			interpolated = true
			prevSTR = false
			in, complete := p.parseInterp(t.off)
			p.partStack = append(p.partStack, in)
			if !complete {
				p.eofTok()
				p.depth--
				return in.End()
			}
		case tQUOTE:
			p.tok = t
			p.next()
			p.depth--
			return p.pos(t.end)
		default:
			p.unexpectedTok(t, tQUOTE)
			p.eofTok()
			p.depth--
			return p.pos(len(p.s.src))
		}
		if hasNext {
			t, hasNext = next, false
		} else {
			t = p.s.scanString()
		}
	}
}

// partsFrom copies out and pops the string parts stacked since base.
func (p *parser) partsFrom(base int) []ast.StringPart {
	parts := p.a.parts.copyOf(p.partStack[base:])
	p.partStack = p.partStack[:base]
	return parts
}

// unescape decodes the escapes of a "string" text as Nix's unescapeStr:
// \n \r \t, any other \c is c, and a raw CR or CR LF becomes LF. Text
// without escapes is returned as it is, sharing its memory.
func unescape(b string) string {
	i := escapeIndex(b)
	if i == len(b) {
		return b
	}
	return string(appendUnescaped(make([]byte, 0, len(b)), b, i))
}

// unescape is the package's unescape with the decoded text in p's byte
// arena: one allocation per chunk rather than per string.
func (p *parser) unescape(b string) string {
	i := escapeIndex(b)
	if i == len(b) {
		return b
	}
	p.stripBuf = appendUnescaped(p.stripBuf[:0], b, i)
	return p.a.str(p.stripBuf)
}

// escapeIndex returns the offset of the first byte of b that unescape
// decodes, or len(b).
func escapeIndex(b string) int {
	i := 0
	for i < len(b) && b[i] != '\\' && b[i] != '\r' {
		i++
	}
	return i
}

// appendUnescaped appends to dst b decoded, b[:i] having no escapes.
func appendUnescaped(dst []byte, b string, i int) []byte {
	dst = append(dst, b[:i]...)
	for ; i < len(b); i++ {
		c := b[i]
		switch c {
		case '\\':
			if i+1 >= len(b) {
				// Only at EOF; Nix would read the terminating NUL.
				continue
			}
			i++
			switch c = b[i]; c {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			}
			dst = append(dst, c)
		case '\r':
			dst = append(dst, '\n')
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// indPart is one token of an indented string before indentation stripping.
type indPart struct {
	off, end int
	ind      bool   // a text run (hasIndentation)
	value    string // the text of an escape token (ind false)
	interp   *ast.Interp
}

// parseIndString parses an ”indented string” at the current
// IND_STRING_OPEN.
func (p *parser) parseIndString() *ast.String {
	open := p.tok.off
	str := p.a.strs.alloc()
	str.Open, str.Indented = p.pos(open), true
	// Bison holds IND_STRING_OPEN and the parts below an interpolation.
	p.depth += 2
	defer func() { p.depth -= 2 }()
	// The tokens collect on a stack shared by nested indented strings.
	base := len(p.indStack)
	defer func() { p.indStack = p.indStack[:base] }()
	for {
		t := p.s.scanIndString()
		switch t.kind {
		case tIND_STR:
			part := indPart{off: t.off, end: t.end, ind: t.flag}
			if !t.flag {
				part.value = p.indEscape(p.str[t.off:t.end])
			}
			p.indStack = append(p.indStack, part)
			continue
		case tDOLLAR_CURLY:
			in, complete := p.parseInterp(t.off)
			p.indStack = append(p.indStack, indPart{off: t.off, interp: in})
			if !complete {
				str.Close = in.End()
				str.Parts = p.stripIndentation(p.indStack[base:])
				p.eofTok()
				return str
			}
			continue
		case tIND_CLOSE:
			str.Close = p.pos(t.end)
			str.Parts = p.stripIndentation(p.indStack[base:])
			p.tok = t
			p.next()
			return str
		}
		p.unexpectedTok(t, tIND_STR, tDOLLAR_CURLY, tIND_CLOSE)
		str.Close = p.pos(len(p.s.src))
		str.Parts = p.stripIndentation(p.indStack[base:])
		p.eofTok()
		return str
	}
}

// indEscape returns the value of an IND_STR token that is not a text run:
// ”$ is "$", ”' is "”", ”\c is unescaped c, and a lone $ or ' is itself.
func (p *parser) indEscape(b string) string {
	switch {
	case len(b) == 1:
		return b
	case b[2] == '$':
		return "$"
	case b[2] == '\'':
		return "''"
	}
	return p.unescape(b[2:])
}

// stripIndentation removes the common indentation of an indented string's
// parts exactly as Nix 2.8's stripIndentation does, keeping one part per
// token as Nix's ExprConcatStrings does.
func (p *parser) stripIndentation(parts []indPart) []ast.StringPart {
	if len(parts) == 0 {
		return nil
	}
	src := p.s.src
	// Minimum indentation, over the text runs only.
	atStartOfLine := true
	minIndent := 1000000
	curIndent := 0
	for _, part := range parts {
		if !part.ind {
			if atStartOfLine {
				atStartOfLine = false
				if curIndent < minIndent {
					minIndent = curIndent
				}
			}
			continue
		}
		for _, c := range src[part.off:part.end] {
			if atStartOfLine {
				switch c {
				case ' ':
					curIndent++
				case '\n':
					curIndent = 0
				default:
					atStartOfLine = false
					if curIndent < minIndent {
						minIndent = curIndent
					}
				}
			} else if c == '\n' {
				atStartOfLine = true
				curIndent = 0
			}
		}
	}
	// Strip, over every string part (escapes included, as Nix does). A
	// part that loses no indentation keeps its source text (or escape
	// value) as it is; the others are copied once, at their exact size.
	out := p.a.parts.make(len(parts))
	atStartOfLine = true
	curDropped := 0
	buf := p.stripBuf[:0]
	for i, part := range parts {
		if part.interp != nil {
			atStartOfLine = false
			curDropped = 0
			out[i] = part.interp
			continue
		}
		text := part.value
		if part.ind {
			text = p.str[part.off:part.end]
		}
		buf = buf[:0]
		dropped := false
		for k := 0; k < len(text); k++ {
			c := text[k]
			if atStartOfLine {
				switch c {
				case ' ':
					if curDropped >= minIndent {
						buf = append(buf, c)
					} else {
						dropped = true
					}
					curDropped++
				case '\n':
					curDropped = 0
					buf = append(buf, c)
				default:
					atStartOfLine = false
					curDropped = 0
					buf = append(buf, c)
				}
			} else {
				buf = append(buf, c)
				if c == '\n' {
					atStartOfLine = true
				}
			}
		}
		s := text
		if dropped {
			s = p.a.str(buf)
		}
		if i == len(parts)-1 {
			// Remove the last line if it is empty and only spaces.
			if k := strings.LastIndexByte(s, '\n'); k >= 0 && strings.Trim(s[k+1:], " ") == "" {
				s = s[:k+1]
			}
		}
		txt := p.a.texts.alloc()
		*txt = ast.Text{Start: p.pos(part.off), Stop: p.pos(part.end), Value: s}
		out[i] = txt
	}
	p.stripBuf = buf
	return out
}

// parsePath parses a PATH or HPATH token and, when the path goes on with
// interpolations (flex states INPATH and INPATH_SLASH), the rest of it.
func (p *parser) parsePath() *ast.Path {
	t := p.tok
	src := p.s.src
	kind := ast.PathRelative
	switch {
	case t.kind == tHPATH:
		kind = ast.PathHome
	case src[t.off] == '/':
		kind = ast.PathAbsolute
	}
	path := p.a.paths.alloc()
	path.Start, path.Kind = p.pos(t.off), kind
	txt := p.a.texts.alloc()
	*txt = ast.Text{Start: p.pos(t.off), Stop: p.pos(t.end), Value: p.str[t.off:t.end]}
	// The parts collect on the stack shared with strings.
	base := len(p.partStack)
	p.partStack = append(p.partStack, txt)
	defer func() { path.Parts = p.partsFrom(base) }()
	segStart := t.off
	slash := src[t.end-1] == '/'
	// Bison holds path_start below an interpolation.
	p.depth++
	defer func() { p.depth-- }()
	end := t.end
	// Nix's grammar is `path_start PATH_END` or `path_start
	// string_parts_interpolated PATH_END`, and the latter must hold an
	// interpolation, at most one STR before it: `/a//b` (a PATH, then
	// the STR `/b`) is a syntax error, `/a//${b}` is not.
	interpolated, strs := false, 0
	prevSegStart := t.off
	for {
		c := p.s.scanPath()
		switch c.kind {
		case tDOLLAR_CURLY:
			interpolated = true
			in, complete := p.parseInterp(c.off)
			p.partStack = append(p.partStack, in)
			if !complete {
				path.Stop = in.End()
				p.eofTok()
				return path
			}
			end = int(in.End()) - p.base
			slash = false
			continue
		case tSTR:
			if !interpolated {
				strs++
				if strs == 2 {
					p.errorAt(c.off, c.end, "syntax error, unexpected STR, expecting DOLLAR_CURLY")
				}
			}
			prevSegStart = segStart
			seg := p.a.texts.alloc()
			*seg = ast.Text{Start: p.pos(c.off), Stop: p.pos(c.end), Value: p.str[c.off:c.end]}
			p.partStack = append(p.partStack, seg)
			segStart = c.off
			slash = src[c.end-1] == '/'
			end = c.end
			continue
		}
		break
	}
	path.Stop = p.pos(end)
	if !interpolated && strs == 1 && !slash {
		// PATH_END where bison wants DOLLAR_CURLY. Flex locates it at the
		// last segment, or at end of input one match earlier.
		at := segStart
		if end >= len(src) {
			at = prevSegStart
		}
		p.errorAt(at, at, "syntax error, unexpected PATH_END, expecting DOLLAR_CURLY")
	}
	if !slash && end >= len(src) {
		// Flex's INPATH <<EOF>> rule puts the location back to before
		// the last match, where an "unexpected end of file" then points.
		p.s.lastStart = p.s.prevStart
	}
	if slash {
		// Flex fails on the character after the path, or, at the end of
		// input, where its location last was: the segment's start.
		at := end
		if end >= len(src) {
			at = segStart
		}
		p.errorAt(at, at, "path has a trailing slash")
	}
	p.tok = item{kind: tPATH, off: segStart, end: end}
	p.next()
	return path
}
