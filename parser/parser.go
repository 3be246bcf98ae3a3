// Package parser reads Nix source into the syntax tree of package ast.
//
// The lexer and the grammar follow Nix 2.8's lexer.l and parser.y so that
// nixlint accepts exactly the files Nix accepts and builds the same tree,
// with Nix's precedence and associativity. Syntax errors are worded as
// bison words them ("syntax error, unexpected '}', expecting ';'"), and the
// parser recovers at binding boundaries so one file yields all its errors.
package parser

import (
	"bytes"
	"go/token"
	"sync"
	"unsafe"

	"github.com/nixlint/nixlint/parser/ast"
)

// Mode selects optional language features.
type Mode uint

// The parser modes.
const (
	// PipeOperators enables the |> and <| operators of newer Nix. Nix 2.8
	// rejects them, so they are off by default.
	PipeOperators Mode = 1 << iota

	// SharedSource promises that the caller never modifies src after
	// the call. The tree's names and text are then substrings of src
	// itself rather than of a copy, which saves a copy of every source
	// for a program that keeps them all (nixlint's engine keeps each
	// file's bytes for the whole run).
	SharedSource
)

// maxDepth bounds nesting. It approximates the 10 000-entry parser stack of
// Nix 2.8 (bison's YYMAXDEPTH), which reports "memory exhausted" past it:
// each construct is charged the stack entries bison holds for it, so for
// instance 9 997 nested parentheses and 4 998 nested lists still parse, as
// in Nix, and a deeper file gets an error instead of a stack overflow.
const maxDepth = 9997

// ParseFile parses src as the Nix file filename, registering it in fset
// (fset.AddFile(filename, -1, len(src)) and its line table). It always
// returns a non-nil *ast.File (Tok set; Expr partial or nil) and every
// syntax error found, sorted by position.
func ParseFile(fset *token.FileSet, filename string, src []byte) (*ast.File, ErrorList) {
	return ParseFileMode(fset, filename, src, 0)
}

// ParseFileMode is ParseFile with optional language features enabled.
//
// It parses with a Parser from a pool, so that the files a program parses
// one after another share chunks of nodes (see Parser).
func ParseFileMode(fset *token.FileSet, filename string, src []byte, mode Mode) (*ast.File, ErrorList) {
	ps := parsers.Get().(*Parser)
	f, errs := ps.ParseFile(fset, filename, src, mode)
	// Not deferred: a Parser that panicked (a bug) is left to the
	// collector rather than reused in an unknown state.
	parsers.Put(ps)
	return f, errs
}

var parsers = sync.Pool{New: func() any { return NewParser() }}

// A Parser parses files one after another. Its nodes come from chunks that
// continue from one file to the next, and its scratch space is reused, so
// that a program parsing many files allocates little more than their
// trees. The trees stay valid for ever: a chunk is never reused, only
// filled on. As chunks are shared, a tree the caller keeps also keeps
// alive the trees parsed around it, about 2 MB of source's worth (see
// genBytes). A Parser is not safe for concurrent use; use one per
// goroutine.
type Parser struct {
	p   parser
	gen int // bytes of source parsed in the current generation
}

// NewParser returns a Parser.
func NewParser() *Parser { return new(Parser) }

// ParseFile is the package's ParseFileMode, parsing with ps's state.
func (ps *Parser) ParseFile(fset *token.FileSet, filename string, src []byte, mode Mode) (*ast.File, ErrorList) {
	p := &ps.p
	if ps.gen >= genBytes {
		ps.gen = 0
		p.a.drop()
		p.clearScratch()
	}
	ps.gen += len(src)
	p.reset()
	tf := fset.AddFile(filename, -1, len(src))
	tf.SetLines(lineStarts(&p.a.lines, src))
	p.fset, p.base, p.src, p.mode = fset, tf.Base(), src, mode
	// Names and undecoded text are substrings of the source, so they
	// cost no allocation: of a copy, so that a caller may still reuse
	// src, unless it promised not to.
	if mode&SharedSource != 0 {
		p.str = unsafe.String(unsafe.SliceData(src), len(src))
	} else {
		p.str = string(src)
	}
	text := src
	if i := bytes.IndexByte(src, 0); i >= 0 {
		// Nix 2.8 reads the file as a C string and silently stops at
		// the first NUL; nixlint reports it and parses what Nix sees.
		p.errors.Add(SyntaxError, fset, p.pos(i), p.pos(i+1), "syntax error, unexpected NUL byte (Nix stops reading the file here)")
		text = src[:i]
	}
	p.s.src, p.s.pipes, p.s.nulEnd = text, mode&PipeOperators != 0, len(text) < len(src)
	// One allocation fewer per file: the File comes from a slab too.
	f := p.a.files.alloc()
	*f = ast.File{Name: filename, Tok: tf}
	p.next()
	f.Expr = p.parseExpr()
	if p.tok.kind != tEOF {
		p.unexpected(tEOF)
	}
	if n := len(p.s.comments); n > 0 {
		cs := p.a.comments.make(n)
		f.Comments = p.a.commentPs.make(n)
		for i, c := range p.s.comments {
			cs[i] = ast.Comment{Start: p.pos(c.off), Text: p.str[c.off:c.end]}
			f.Comments[i] = &cs[i]
		}
	} else {
		f.Comments = []*ast.Comment{}
	}
	p.errors.Sort()
	errs := p.errors
	// The tree and the errors are the caller's; the scratch space keeps
	// no reference to them beyond its capacity.
	p.src, p.str, p.s.src, p.errors = nil, "", nil, nil
	return f, errs
}

// maxScratch bounds the scratch stacks a Parser keeps between files, so
// that one huge file does not pin its scratch space for ever.
const maxScratch = 1 << 12

// reset prepares p for a new file, keeping its allocation state and the
// storage of its scratch stacks.
func (p *parser) reset() {
	p.fileState = fileState{
		bindStack:   keep(p.bindStack),
		elemStack:   keep(p.elemStack),
		nameStack:   keep(p.nameStack),
		partStack:   keep(p.partStack),
		formalStack: keep(p.formalStack),
		indStack:    keep(p.indStack),
		stripBuf:    keep(p.stripBuf),
		s: scanner{
			comments:      keep(p.s.comments),
			aheadComments: keep(p.s.aheadComments),
		},
		// No '{' is at offset -1.
		exprBrace:   -1,
		emptySetEnd: -1,
	}
}

// clearScratch clears the scratch stacks up to their capacity: what a
// stack held is not to keep an older generation alive.
func (p *parser) clearScratch() {
	clear(p.bindStack[:cap(p.bindStack)])
	clear(p.elemStack[:cap(p.elemStack)])
	clear(p.nameStack[:cap(p.nameStack)])
	clear(p.partStack[:cap(p.partStack)])
	clear(p.formalStack[:cap(p.formalStack)])
	clear(p.indStack[:cap(p.indStack)])
}

// keep returns s emptied for reuse, or nil when it has grown too large to
// keep.
func keep[T any](s []T) []T {
	if cap(s) > maxScratch {
		return nil
	}
	return s[:0]
}

// lineStarts returns the offsets at which lines start. Like Nix, a lone CR
// ends a line as well as LF and CR LF.
//
// The table comes from the arena a: token.File keeps it, and appends to
// it only through AddLine, which would copy a full arena window.
func lineStarts(a *arena[int], src []byte) []int {
	if bytes.IndexByte(src, '\r') < 0 {
		// The common case, with fast searches for LF: counted first,
		// so that the table is allocated once at its exact size. A
		// final LF starts no line: token.File accepts only line
		// starts inside the file.
		n := 1 + bytes.Count(src, []byte{'\n'})
		if len(src) > 0 && src[len(src)-1] == '\n' {
			n--
		}
		lines := a.make(n)
		for i, l := 0, 1; l < n; l++ {
			i += bytes.IndexByte(src[i:], '\n') + 1
			lines[l] = i
		}
		return lines
	}
	lines := make([]int, 1, 1+len(src)/32)
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			lines = append(lines, i+1)
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			lines = append(lines, i+1)
		}
	}
	if n := len(lines); n > 1 && lines[n-1] >= len(src) {
		// token.File accepts only line starts inside the file.
		lines = lines[:n-1]
	}
	return a.copyOf(lines)
}

// parser holds the state of one parse.
type parser struct {
	a allocs // outlives the file (see Parser)
	fileState
}

// fileState is the part of a parser's state that reset starts afresh for
// each file. It is apart from the allocation state, which is large (a
// slab per node type): reset then writes only what it must.
type fileState struct {
	fset *token.FileSet
	base int
	src  []byte
	str  string // src as a string, for substrings
	mode Mode
	s    scanner
	// bindStack and elemStack collect the bindings and list elements
	// being parsed, for all nesting levels (see parseBinds).
	bindStack []ast.Binding
	elemStack []ast.Expr
	// nameStack, partStack, formalStack and indStack do the same for
	// attribute paths and inherits, string and path parts, formals and
	// the tokens of indented strings.
	nameStack   []ast.AttrName
	partStack   []ast.StringPart
	formalStack []*ast.Formal
	indStack    []indPart
	stripBuf    []byte // scratch space of stripIndentation
	tok         item   // current token (lookahead)
	// prevEnd is the end of the last token consumed.
	prevEnd int
	errors  ErrorList
	// syncing is set by a syntax error and cleared when the parser has
	// resynchronised (at a binding boundary); errors in between are
	// consequences of the first and are not reported.
	syncing bool
	// exprBrace is the offset of a '{' met in expr_function position that
	// did not open formals, and emptySetEnd the offset of the token after
	// such a `{ }`. There Nix's GLR parser still follows the empty-formals
	// reading, whose error ("expecting ':' or '@'") it reports when both
	// readings fail on that token.
	exprBrace, emptySetEnd int
	depth                  int
	bailed                 bool // nesting limit hit: the rest of the input is skipped
}

func (p *parser) pos(off int) token.Pos { return token.Pos(p.base + off) }

// next advances to the next token of code. Once the parser has bailed
// out (see enter), the scanner is at the end of the input and returns
// EOF for ever.
func (p *parser) next() {
	p.prevEnd = p.tok.end
	p.tok = p.s.scan()
}

// errorAt records a syntax error unless the parser is resynchronising.
func (p *parser) errorAt(off, end int, msg string) {
	if p.syncing {
		return
	}
	p.syncing = true
	p.errors.Add(SyntaxError, p.fset, p.pos(off), p.pos(end), msg)
}

// unexpected reports the current token as bison does, listing the
// expected tokens when there are at most four of them.
func (p *parser) unexpected(expected ...tokKind) {
	p.unexpectedTok(p.tok, expected...)
}

func (p *parser) unexpectedTok(t item, expected ...tokKind) {
	if t.off == p.emptySetEnd {
		expected = []tokKind{tCOLON, tAT}
	}
	msg := "syntax error, unexpected " + t.kind.String()
	if len(expected) > 0 && len(expected) <= 4 {
		for i, k := range expected {
			if i == 0 {
				msg += ", expecting "
			} else {
				msg += " or "
			}
			msg += k.String()
		}
	}
	off, end := t.off, t.end
	if t.kind == tEOF {
		// Nix's location is not updated at end of input: it points at
		// the last thing the lexer matched.
		off, end = p.s.lastStart, p.s.lastStart
		if off > len(p.s.src) {
			off = len(p.s.src)
		}
		end = off
	}
	p.errorAt(off, end, msg)
}

// expect consumes a token of kind k and returns its offset, or reports an
// error (naming k as the only expected token) and returns the current
// offset without consuming anything.
func (p *parser) expect(k tokKind) (int, bool) {
	off := p.tok.off
	if p.tok.kind != k {
		p.unexpected(k)
		return off, false
	}
	p.next()
	return off, true
}

// enter charges cost to the nesting budget; it reports false (and the
// caller returns at once) when the budget is exhausted.
//
// It is called for most nodes: the rare bail-out is a function of its
// own, so that enter is inlined.
func (p *parser) enter(cost int) bool {
	p.depth += cost
	if p.depth > maxDepth && !p.bailed {
		p.bail()
	}
	return !p.bailed
}

// bail reports the nesting limit and skips the rest of the input.
func (p *parser) bail() {
	off := p.tok.off
	p.syncing = false
	p.errorAt(off, off, "memory exhausted: expression nested too deeply")
	p.bailed = true
	p.s.off = len(p.s.src)
	p.tok = item{kind: tEOF, off: len(p.s.src), end: len(p.s.src)}
}

func (p *parser) leave(cost int) { p.depth -= cost }

// bad returns a placeholder for an expression that could not be parsed.
func (p *parser) bad(from, to int) *ast.BadExpr {
	if to < from {
		to = from
	}
	return &ast.BadExpr{From: p.pos(from), To: p.pos(to)}
}

// skipTo skips tokens up to, not including, the first one at bracket depth
// 0 for which stop reports true, or an unmatched closing bracket, or EOF.
// Strings and paths are skipped as wholes so their text is not lexed as
// code.
func (p *parser) skipTo(stop func(tokKind) bool) {
	depth := 0
	for p.tok.kind != tEOF {
		k := p.tok.kind
		if depth == 0 && stop(k) {
			return
		}
		switch k {
		case tLBRACE, tLPAREN, tLBRACK, tDOLLAR_CURLY:
			depth++
		case tRBRACE, tRPAREN, tRBRACK:
			if depth == 0 {
				return
			}
			depth--
		case tQUOTE:
			p.parseString()
			continue
		case tIND_OPEN:
			p.parseIndString()
			continue
		case tPATH, tHPATH:
			p.parsePath()
			continue
		}
		p.next()
	}
}
