package parser

import (
	"github.com/nixlint/nixlint/parser/ast"
)

// parseExpr parses Nix's expr_function: lambdas, assert, with, let … in,
// if, and below them operator expressions.
func (p *parser) parseExpr() ast.Expr {
	switch p.tok.kind {
	case tID:
		if p.mayBeLambda() {
			switch p.s.peek().kind {
			case tCOLON:
				return p.parseSimpleLambda()
			case tAT:
				return p.parseAtLambda()
			}
		}
	case tLBRACE:
		if p.isFormals() {
			return p.parseFormalsLambda()
		}
		// `{ }` could still be empty formals: see emptySetEnd.
		p.exprBrace = p.tok.off
	case tASSERT:
		return p.parseAssert()
	case tWITH:
		return p.parseWith()
	case tLET:
		if p.s.peek().kind != tLBRACE {
			return p.parseLet()
		}
	case tIF:
		return p.parseIf()
	}
	return p.parseBinary(0)
}

// parseValue parses the expression of a binding, as parseExpr does.
//
// Most values are a simple expression and the binding's ';': an
// identifier, a string, a set or a list. Those are parsed at once, without
// the calls down the precedence levels from parseExpr, when nothing but
// parseSimple can apply: the token is not a prefix operator, does not
// start a lambda, an assert, a with, a let … in or an if, and the
// expression is not followed by a selection, an argument or an operator.
// Otherwise the precedence levels take over from the simple expression.
func (p *parser) parseValue() ast.Expr {
	switch p.tok.kind {
	case tID:
		if p.mayBeLambda() {
			return p.parseExpr()
		}
	case tINT, tFLOAT, tQUOTE, tIND_OPEN, tPATH, tHPATH, tSPATH, tURI, tLPAREN, tREC, tLBRACK:
	default:
		// '{' may open formals, `let` a let … in, and the other
		// tokens start no simple expression.
		return p.parseExpr()
	}
	x := p.parseSimple()
	if p.tok.kind == tSEMI {
		return x
	}
	if k := p.tok.kind; k == tDOT || k == tOR_KW {
		x = p.parseSelectFrom(x)
	}
	return p.parseBinaryPipe(0, 0, p.parseApp(x))
}

// mayBeLambda reports, at an identifier, whether the next token may be
// ':' or '@', by a look at the bytes after the identifier: unless a
// comment follows, that token starts at the first byte that is not
// whitespace, and ':' and '@' are tokens of one byte. Most identifiers
// are not parameters, and so need no peek at the next token.
func (p *parser) mayBeLambda() bool {
	src := p.s.src
	i := skipSpaces(src, p.tok.end)
	if i >= len(src) {
		return false
	}
	switch src[i] {
	case ':', '@', '#', '/':
		return true
	}
	return false
}

// parseSimpleLambda parses `x: body`.
func (p *parser) parseSimpleLambda() ast.Expr {
	if !p.enter(2) {
		return p.bad(p.tok.off, p.tok.off)
	}
	defer p.leave(2)
	param := p.ident()
	colon := p.tok.off
	p.next()
	body := p.parseExpr()
	lam := p.a.lambdas.alloc()
	*lam = ast.Lambda{Param: param, Colon: p.pos(colon), Body: body}
	return lam
}

// ident makes an Ident of the current ID or OR_KW token and advances.
func (p *parser) ident() *ast.Ident {
	id := p.a.idents.alloc()
	id.NamePos, id.Name = p.pos(p.tok.off), p.str[p.tok.off:p.tok.end]
	p.next()
	return id
}

// parseAtLambda parses `x @ { formals }: body`.
func (p *parser) parseAtLambda() ast.Expr {
	start := p.tok.off
	param := p.ident()
	p.next() // '@'
	if p.tok.kind != tLBRACE {
		p.unexpected(tLBRACE)
		return p.bad(start, p.tok.off)
	}
	formals := p.parseFormals(5)
	if !p.enter(6) {
		return p.bad(start, p.tok.off)
	}
	defer p.leave(6)
	lam := p.a.lambdas.alloc()
	*lam = ast.Lambda{Param: param, Formals: formals, AtFirst: true}
	colon, ok := p.expect(tCOLON)
	lam.Colon = p.pos(colon)
	if !ok {
		lam.Body = p.bad(colon, colon)
		return lam
	}
	lam.Body = p.parseExpr()
	return lam
}

// isFormals decides, at a '{' in expression position, whether it opens a
// lambda's formals rather than an attribute set. Nix's GLR parser follows
// both readings until one fails; a few tokens of lookahead settle it.
func (p *parser) isFormals() bool {
	// The first token is peeked, so that it is lexed once.
	t1 := p.s.peek()
	save := p.s.save()
	defer p.s.restore(save)
	p.s.scan()
	switch t1.kind {
	case tELLIPSIS:
		return true
	case tRBRACE:
		t2 := p.s.scan()
		return t2.kind == tCOLON || t2.kind == tAT
	case tID:
		t2 := p.s.scan()
		switch t2.kind {
		case tCOMMA, tQUESTION, tRBRACE:
			return true
		}
	}
	return false
}

// skipSpaces returns the offset of the first byte from i on that is not
// whitespace.
func skipSpaces(src []byte, i int) int {
	for i < len(src) && class[src[i]]&cSpace != 0 {
		i++
	}
	return i
}

// parseFormals parses `{ a, b ? e, ... }` at the current '{'.
//
// Nesting is charged only in defaults (cost, the stack entries bison holds
// before one) since formals do not nest otherwise.
func (p *parser) parseFormals(cost int) *ast.Formals {
	lbrace := p.tok.off
	fs := p.a.formals.alloc()
	fs.Lbrace = p.pos(lbrace)
	// The formals collect on a stack shared by nested formals (in
	// defaults), copied out once at their exact size.
	base := len(p.formalStack)
	defer func() {
		fs.List = p.a.formalPtr.copyOf(p.formalStack[base:])
		p.formalStack = p.formalStack[:base]
	}()
	p.next()
	for {
		switch p.tok.kind {
		case tRBRACE:
			fs.Rbrace = p.pos(p.tok.off)
			p.next()
			return fs
		case tELLIPSIS:
			fs.Ellipsis = p.pos(p.tok.off)
			p.next()
			if p.tok.kind != tRBRACE {
				p.unexpected(tRBRACE)
				fs.Rbrace = p.pos(p.missingClose(lbrace))
				return fs
			}
			fs.Rbrace = p.pos(p.tok.off)
			p.next()
			return fs
		case tID:
			f := p.a.formal.alloc()
			f.Name = p.ident()
			if p.tok.kind == tQUESTION {
				f.Question = p.pos(p.tok.off)
				p.next()
				if !p.enter(cost) {
					f.Default = p.bad(p.tok.off, p.tok.off)
					return fs
				}
				f.Default = p.parseExpr()
				p.leave(cost)
			}
			p.formalStack = append(p.formalStack, f)
			switch p.tok.kind {
			case tCOMMA:
				p.next()
				continue
			case tRBRACE:
				continue
			}
			// Bison's default reductions leave only '}' expected.
			p.unexpected(tRBRACE)
		default:
			p.unexpected(tRBRACE)
		}
		// Error: give up on the formals at the closing brace.
		p.skipTo(func(k tokKind) bool { return k == tRBRACE })
		if p.tok.kind != tRBRACE {
			fs.Rbrace = p.pos(p.missingClose(lbrace))
			return fs
		}
		fs.Rbrace = p.pos(p.tok.off)
		p.next()
		return fs
	}
}

// parseFormalsLambda parses `{ formals }: body` and `{ formals } @ x: body`.
func (p *parser) parseFormalsLambda() ast.Expr {
	start := p.tok.off
	lam := p.a.lambdas.alloc()
	lam.Formals = p.parseFormals(3)
	cost := 4 // '{' formals '}' ':'
	if p.tok.kind == tAT {
		cost = 6
	}
	if !p.enter(cost) {
		return p.bad(start, p.tok.off)
	}
	defer p.leave(cost)
	if p.tok.kind == tAT {
		p.next()
		if p.tok.kind != tID {
			p.unexpected(tID)
			lam.Colon = p.pos(p.tok.off)
			lam.Body = p.bad(p.tok.off, p.tok.off)
			return lam
		}
		lam.Param = p.ident()
		colon, ok := p.expect(tCOLON)
		lam.Colon = p.pos(colon)
		if !ok {
			lam.Body = p.bad(colon, colon)
			return lam
		}
	} else {
		colon := p.tok.off
		lam.Colon = p.pos(colon)
		if p.tok.kind != tCOLON {
			p.unexpected(tCOLON, tAT)
			lam.Body = p.bad(colon, colon)
			return lam
		}
		p.next()
	}
	lam.Body = p.parseExpr()
	return lam
}

// parseAssert parses `assert cond; body`.
func (p *parser) parseAssert() ast.Expr {
	if !p.enter(3) {
		return p.bad(p.tok.off, p.tok.off)
	}
	defer p.leave(3)
	x := &ast.Assert{AssertPos: p.pos(p.tok.off)}
	p.next()
	x.Cond = p.parseExpr()
	semi, ok := p.expect(tSEMI)
	x.Semi = p.pos(semi)
	if !ok {
		x.Body = p.bad(semi, semi)
		return x
	}
	x.Body = p.parseExpr()
	return x
}

// parseWith parses `with env; body`.
func (p *parser) parseWith() ast.Expr {
	if !p.enter(3) {
		return p.bad(p.tok.off, p.tok.off)
	}
	defer p.leave(3)
	x := p.a.withs.alloc()
	x.WithPos = p.pos(p.tok.off)
	p.next()
	x.Env = p.parseExpr()
	semi, ok := p.expect(tSEMI)
	x.Semi = p.pos(semi)
	if !ok {
		x.Body = p.bad(semi, semi)
		return x
	}
	x.Body = p.parseExpr()
	return x
}

// parseLet parses `let bindings in body`.
func (p *parser) parseLet() ast.Expr {
	if !p.enter(2) {
		return p.bad(p.tok.off, p.tok.off)
	}
	defer p.leave(2)
	x := p.a.lets.alloc()
	x.LetPos = p.pos(p.tok.off)
	p.next()
	x.Bindings = p.parseBinds(tIN)
	in := p.tok.off
	x.In = p.pos(in)
	if p.tok.kind != tIN {
		// The bindings could go on with many tokens: bison lists none.
		p.unexpected()
		x.Body = p.bad(in, in)
		return x
	}
	p.next()
	if !p.enter(1) {
		x.Body = p.bad(p.tok.off, p.tok.off)
		return x
	}
	x.Body = p.parseExpr()
	p.leave(1)
	return x
}

// parseIf parses `if cond then a else b`. Its nesting cost grows along
// the construct as bison's stack does: IF; IF expr THEN; then ELSE too.
func (p *parser) parseIf() ast.Expr {
	off := p.tok.off
	if !p.enter(1) {
		return p.bad(off, off)
	}
	charged := 1
	defer func() { p.leave(charged) }()
	x := p.a.ifs.alloc()
	x.IfPos = p.pos(off)
	p.next()
	x.Cond = p.parseExpr()
	if off, ok := p.expect(tTHEN); !ok {
		x.Then, x.Else = p.bad(off, off), p.bad(off, off)
		return x
	}
	charged += 2
	if !p.enter(2) {
		x.Then, x.Else = p.bad(p.tok.off, p.tok.off), p.bad(p.tok.off, p.tok.off)
		return x
	}
	x.Then = p.parseExpr()
	if off, ok := p.expect(tELSE); !ok {
		x.Else = p.bad(off, off)
		return x
	}
	charged += 2
	if !p.enter(2) {
		x.Else = p.bad(p.tok.off, p.tok.off)
		return x
	}
	x.Else = p.parseExpr()
	return x
}

// Operator precedences of parser.y, loosest first. NOT and NEGATE are the
// prefix operators; '?' is postfix (its right side is an attribute path).
//
// The pipe operators (PipeOperators mode) bind more loosely than `->`:
// `|>` to the left, `<|` to the right. As in RFC 148, which introduced
// them, they do not mix without parentheses: `a |> f <| b` is an error.
const (
	precPipe = 1 + iota
	precImpl
	precOr
	precAnd
	precEq
	precCmp
	precUpdate
	precNot
	precAdd
	precMul
	precConcat
	precHasAttr
	precNegate
)

// binOps describes the binary operators: precedence, associativity and
// the ast token. Right-associative operators have right set; the
// non-associative ones nonassoc.
var binOps = [numTokKinds]struct {
	prec     int
	right    bool
	nonassoc bool
	op       ast.Token
}{
	tPIPE_FROM: {precPipe, true, false, ast.PIPE_L},
	tPIPE_INTO: {precPipe, false, false, ast.PIPE_R},
	tIMPL:      {precImpl, true, false, ast.IMPL},
	tOR:        {precOr, false, false, ast.OR},
	tAND:       {precAnd, false, false, ast.AND},
	tEQ:        {precEq, false, true, ast.EQ},
	tNEQ:       {precEq, false, true, ast.NEQ},
	tLT:        {precCmp, false, true, ast.LT},
	tGT:        {precCmp, false, true, ast.GT},
	tLEQ:       {precCmp, false, true, ast.LEQ},
	tGEQ:       {precCmp, false, true, ast.GEQ},
	tUPDATE:    {precUpdate, true, false, ast.UPDATE},
	tPLUS:      {precAdd, false, false, ast.ADD},
	tMINUS:     {precAdd, false, false, ast.SUB},
	tSTAR:      {precMul, false, false, ast.MUL},
	tSLASH:     {precMul, false, false, ast.DIV},
	tCONCAT:    {precConcat, true, false, ast.CONCAT},
	tQUESTION:  {precHasAttr, false, false, ast.HASATTR},
}

// parseBinary parses an expr_op whose binary operators all bind at least
// as tightly as minPrec, by precedence climbing.
func (p *parser) parseBinary(minPrec int) ast.Expr {
	return p.parseBinaryPipe(minPrec, 0, nil)
}

// parseBinaryPipe is parseBinary inside the right operand of the pipe
// operator pipe (0 if none), where the other pipe operator may not follow.
// When x is not nil, it is the first operand, already parsed (see
// parseValue).
func (p *parser) parseBinaryPipe(minPrec int, pipe tokKind, x ast.Expr) ast.Expr {
	// The prefix operators `!` and `-`, or an application. Every
	// operand passes here: this is not a function of its own, to save a
	// call per operand; the rare operator case, with its deferred leave,
	// is.
	if x != nil {
	} else if k := p.tok.kind; k == tNOT || k == tMINUS {
		x = p.parsePrefix()
	} else {
		x = p.parseApp(nil)
	}
	lastNonassoc := 0
	for {
		k := p.tok.kind
		info := binOps[k]
		if info.prec == 0 || info.prec < minPrec {
			return x
		}
		if info.prec == precPipe {
			if pipe != 0 && k != pipe {
				p.unexpected()
				return x
			}
			pipe = k
		}
		if info.nonassoc && info.prec == lastNonassoc {
			// `a == b == c`: bison's %nonassoc makes this an error.
			p.unexpected()
			return x
		}
		opOff := p.tok.off
		p.next()
		if info.op == ast.HASATTR {
			x = &ast.HasAttr{From: x.Pos(), X: x, Question: p.pos(opOff), Path: p.parseAttrPath()}
			lastNonassoc = 0
			continue
		}
		next := info.prec + 1
		if info.right {
			next = info.prec
		}
		if !p.enter(2) {
			return x
		}
		var y ast.Expr
		if info.prec == precPipe {
			y = p.parseBinaryPipe(next, k, nil)
		} else {
			y = p.parseBinary(next)
		}
		p.leave(2)
		b := p.a.binaries.alloc()
		*b = ast.Binary{From: x.Pos(), X: x, OpPos: p.pos(opOff), Op: info.op, Y: y}
		x = b
		lastNonassoc = 0
		if info.nonassoc {
			lastNonassoc = info.prec
		}
	}
}

// parsePrefix parses `!x` or `-x` at the current operator.
func (p *parser) parsePrefix() ast.Expr {
	op, prec := ast.NOT, precNot
	if p.tok.kind == tMINUS {
		op, prec = ast.SUB, precNegate
	}
	off := p.tok.off
	if !p.enter(1) {
		return p.bad(off, off)
	}
	defer p.leave(1)
	p.next()
	x := p.parseBinary(prec + 1)
	u := p.a.unaries.alloc()
	*u = ast.Unary{OpPos: p.pos(off), Op: op, X: x}
	return u
}

// startsSimple reports whether k can begin an expr_simple, and so an
// argument of a function application or a list element.
func startsSimple(k tokKind) bool {
	switch k {
	case tID, tINT, tFLOAT, tQUOTE, tIND_OPEN, tPATH, tHPATH, tSPATH, tURI,
		tLPAREN, tLET, tREC, tLBRACE, tLBRACK:
		return true
	}
	return false
}

// parseApp parses a function application `f a b`, left-associative.
//
// It calls parseSimple and parseSelectFrom itself, as parseSelect does,
// rather than parseSelect: a call less for every operand. When x is not
// nil, it is the function, already parsed (see parseValue).
func (p *parser) parseApp(x ast.Expr) ast.Expr {
	if x == nil {
		x = p.parseSimple()
		if k := p.tok.kind; k == tDOT || k == tOR_KW {
			x = p.parseSelectFrom(x)
		}
	}
	for startsSimple(p.tok.kind) && !p.bailed {
		if !p.enter(1) {
			return x
		}
		y := p.parseSimple()
		if k := p.tok.kind; k == tDOT || k == tOR_KW {
			y = p.parseSelectFrom(y)
		}
		p.leave(1)
		app := p.a.applies.alloc()
		*app = ast.Apply{From: x.Pos(), Fun: x, Arg: y}
		x = app
	}
	return x
}

// parseSelect parses expr_select: `x.a.b`, `x.a.b or default`, and the
// backwards-compatible `x or`, which applies x to a variable named `or`.
// Most simple expressions select nothing: that case does not pay for the
// selection's code.
func (p *parser) parseSelect() ast.Expr {
	x := p.parseSimple()
	if k := p.tok.kind; k == tDOT || k == tOR_KW {
		return p.parseSelectFrom(x)
	}
	return x
}

// parseSelectFrom parses the rest of an expr_select after x, at a '.' or
// OR_KW.
func (p *parser) parseSelectFrom(x ast.Expr) ast.Expr {
	if p.tok.kind == tOR_KW {
		or := &ast.Ident{NamePos: p.pos(p.tok.off), Name: "or"}
		p.next()
		return &ast.Apply{From: x.Pos(), Fun: x, Arg: or, LegacyOr: true}
	}
	p.next()
	sel := p.a.selects.alloc()
	sel.X, sel.Path = x, p.parseAttrPath()
	if p.tok.kind == tOR_KW {
		if !p.enter(4) {
			return sel
		}
		sel.OrPos = p.pos(p.tok.off)
		p.next()
		sel.Default = p.parseSelect()
		p.leave(4)
	}
	return sel
}

// parseSimple parses expr_simple: identifiers, literals, strings, paths,
// parenthesised expressions, attribute sets, legacy let and lists.
func (p *parser) parseSimple() ast.Expr {
	t := p.tok
	switch t.kind {
	case tID:
		return p.ident()
	case tINT:
		return p.parseInt()
	case tFLOAT:
		return p.parseFloat()
	case tQUOTE:
		return p.parseString()
	case tIND_OPEN:
		return p.parseIndString()
	case tPATH, tHPATH:
		return p.parsePath()
	case tSPATH:
		p.next()
		txt := p.a.texts.alloc()
		*txt = ast.Text{Start: p.pos(t.off + 1), Stop: p.pos(t.end - 1), Value: p.str[t.off+1 : t.end-1]}
		path := p.a.paths.alloc()
		*path = ast.Path{Start: p.pos(t.off), Stop: p.pos(t.end), Kind: ast.PathSearch, Parts: p.a.oneText(txt)}
		return path
	case tURI:
		p.next()
		return &ast.URI{ValuePos: p.pos(t.off), Value: p.str[t.off:t.end]}
	case tLPAREN:
		return p.parseParen(t)
	case tLET:
		return p.parseLegacyLet(t)
	case tREC, tLBRACE:
		return p.parseSet(t)
	case tLBRACK:
		return p.parseList()
	}
	p.unexpected()
	return p.bad(t.off, t.off)
}

// parseParen parses `( expr )` at the current '('. The constructs with
// a deferred leave have functions of their own: a defer in parseSimple
// would slow down every simple expression.
func (p *parser) parseParen(t item) ast.Expr {
	if !p.enter(1) {
		return p.bad(t.off, t.off)
	}
	defer p.leave(1)
	p.next()
	x := p.parseExpr()
	if p.tok.kind != tRPAREN {
		p.unexpected(tRPAREN)
		p.skipTo(func(k tokKind) bool { return k == tRPAREN })
		if p.tok.kind != tRPAREN {
			return &ast.Paren{Lparen: p.pos(t.off), X: x, Rparen: p.pos(p.missingClose(t.off))}
		}
	}
	r := p.tok.off
	p.next()
	paren := p.a.parens.alloc()
	*paren = ast.Paren{Lparen: p.pos(t.off), X: x, Rparen: p.pos(r)}
	return paren
}

// parseLegacyLet parses `let { bindings }` at the current LET.
func (p *parser) parseLegacyLet(t item) ast.Expr {
	if !p.enter(3) {
		return p.bad(t.off, t.off)
	}
	defer p.leave(3)
	p.next()
	if p.tok.kind != tLBRACE {
		p.unexpected(tLBRACE)
		return p.bad(t.off, p.tok.off)
	}
	x := &ast.LegacyLet{LetPos: p.pos(t.off), Lbrace: p.pos(p.tok.off)}
	p.next()
	x.Bindings = p.parseBinds(tRBRACE)
	x.Rbrace = p.pos(p.closeBrace(t.off))
	return x
}

// parseSet parses `{ bindings }` and `rec { bindings }`.
func (p *parser) parseSet(t item) ast.Expr {
	cost := 2 // '{' binds; REC too for rec
	if t.kind == tREC {
		cost = 3
	}
	if !p.enter(cost) {
		return p.bad(t.off, t.off)
	}
	x := p.a.sets.alloc()
	if t.kind == tREC {
		x.Rec = p.pos(t.off)
		p.next()
		if p.tok.kind != tLBRACE {
			p.unexpected(tLBRACE)
			p.leave(cost)
			return p.bad(t.off, p.tok.off)
		}
	}
	x.Lbrace = p.pos(p.tok.off)
	p.next()
	x.Bindings = p.parseBinds(tRBRACE)
	x.Rbrace = p.pos(p.closeBrace(t.off))
	if t.off == p.exprBrace && len(x.Bindings) == 0 {
		p.emptySetEnd = p.tok.off
	}
	p.leave(cost)
	return x
}

// closeBrace expects the '}' closing a set opened at offset open and
// returns its offset.
func (p *parser) closeBrace(open int) int {
	off := p.tok.off
	if p.tok.kind == tRBRACE {
		p.next()
		return off
	}
	p.unexpected()
	return p.missingClose(open)
}

// missingClose returns the offset to record for a closing bracket that is
// missing: the last byte consumed, so that the partial node still ends
// inside the file, and never before the node's opening offset open.
func (p *parser) missingClose(open int) int {
	off := p.prevEnd - 1
	if off < open {
		off = open
	}
	return off
}

// parseList parses `[ elems ]`; elements are expr_select.
func (p *parser) parseList() ast.Expr {
	lb := p.tok.off
	if !p.enter(2) {
		return p.bad(lb, lb)
	}
	p.next()
	x := p.a.lists.alloc()
	x.Lbrack = p.pos(lb)
	// The elements collect on a stack shared by nested lists, copied out
	// once at their exact size.
	base := len(p.elemStack)
	x.Rbrack = p.pos(p.listElems(lb))
	x.Elems = p.a.exprs.copyOf(p.elemStack[base:])
	p.elemStack = p.elemStack[:base]
	p.leave(2)
	return x
}

// listElems pushes the elements of the list opened at offset lb on
// elemStack and consumes its ']'. It returns the offset of the ']', or the
// one to record when it is missing.
func (p *parser) listElems(lb int) int {
	for p.tok.kind != tRBRACK && p.tok.kind != tEOF {
		if startsSimple(p.tok.kind) {
			p.elemStack = append(p.elemStack, p.parseSelect())
			continue
		}
		p.unexpected()
		switch p.tok.kind {
		case tRBRACE, tRPAREN, tSEMI, tIN:
			return p.missingClose(lb)
		}
		p.next()
	}
	if p.tok.kind != tRBRACK {
		p.unexpected()
		return p.missingClose(lb)
	}
	r := p.tok.off
	p.next()
	return r
}
