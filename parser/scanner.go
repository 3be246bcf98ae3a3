package parser

import (
	"bytes"
	"encoding/binary"
	"math/bits"
)

// An item is one lexeme: its kind and its byte range in the source. It
// is three words, passed in registers.
type item struct {
	kind tokKind
	// flag qualifies text tokens; one field serves both kinds so that an
	// item stays small:
	//   - tIND_STR: the token is a text run, which takes part in
	//     indentation stripping (Nix's hasIndentation), not an escape;
	//   - tSTR in a "string": the text holds a backslash or a CR, which
	//     unescape must decode; other text is its own value.
	flag     bool
	off, end int
}

// scanner splits Nix source into tokens the way Nix 2.8's flex lexer does:
// at each position every rule of the current start condition is tried, the
// longest match wins and ties go to the rule written first in lexer.l.
//
// Unlike flex, the scanner keeps no state stack: the parser knows whether it
// is inside a string, an indented string or an interpolated path and calls
// the matching scan method, which mirrors the flex start conditions.
type scanner struct {
	src      []byte
	off      int  // next byte to read
	pipes    bool // lex |> and <| (PipeOperators mode)
	nulEnd   bool // src was cut at a NUL byte
	comments []comment
	// lastStart is the start of the last thing flex matched (token,
	// whitespace run or comment): Nix reports "unexpected end of file"
	// there, because its location is not updated at end of input.
	lastStart int
	// prevStart is the lastStart before the last match. When a path
	// ends at the end of input, Nix restores its location to it.
	prevStart int
	// Scanning a long run of path (or URI scheme) characters for the
	// '/' (or ':') that would make it a path (or URI) would be repeated
	// at every token inside the run, quadratic on `-------a` or
	// `a.b.c.…`. noPathUntil and noURIUntil remember that no path and no
	// URI can start before those offsets, and noCommentEnd that no "*/"
	// follows.
	noPathUntil, noURIUntil int
	noCommentEnd            bool
	// The parser peeks at the token after an identifier or a '{' to
	// choose between readings, and then scans it again. peek remembers
	// the token it scanned (ahead), the state it scanned from (aheadFrom)
	// and to (aheadTo) and the comments it skipped (aheadComments), so
	// that a scan from that same state replays it instead of lexing it
	// again. The scan is a function of that state: the no…Until hints
	// only ever save work.
	ahead         item
	aheadFrom     scanState
	aheadTo       scanState
	aheadComments []comment
	hasAhead      bool
}

// mark records that flex matched something starting at off.
func (s *scanner) mark(off int) {
	s.prevStart, s.lastStart = s.lastStart, off
}

// comment is a comment's byte range; the parser turns it into ast.Comment.
type comment struct{ off, end int }

// skipSpace skips whitespace and comments, recording the comments.
func (s *scanner) skipSpace() {
	src := s.src
	i := s.off
	for i < len(src) {
		switch c := src[i]; c {
		case ' ', '\t', '\r', '\n':
			start := i
			for i < len(src) && is(src[i], cSpace) {
				i++
			}
			s.mark(start)
		case '#':
			start := i
			for i < len(src) && src[i] != '\n' && src[i] != '\r' {
				i++
			}
			s.comments = append(s.comments, comment{start, i})
			s.mark(start)
		case '/':
			if i+1 >= len(src) || src[i+1] != '*' {
				s.off = i
				return
			}
			// An unterminated /* is not a comment for flex: the rule
			// does not match and '/' is returned as a token.
			k := -1
			if !s.noCommentEnd {
				k = bytes.Index(src[i+2:], []byte("*/"))
			}
			if k < 0 {
				s.noCommentEnd = true
				s.off = i
				return
			}
			start := i
			i += 2 + k + 2
			s.comments = append(s.comments, comment{start, i})
			s.mark(start)
		default:
			s.off = i
			return
		}
	}
	s.off = i
}

// scan returns the next token in the default start condition (code).
//
// It is the scanner's hot path, once per token: whitespace, which
// precedes most tokens, is skipped here, and comments, rarer, by
// skipSpace. The most frequent tokens are lexed here too, without a call,
// when no longer rule can match: punctuation, identifiers and keywords not
// followed by a character that could extend them into a path or URI, '='
// and the '.' of a dotted name. lexSlow, which tries every rule, does the
// rest.
func (s *scanner) scan() item {
	// The offset first: it differs but right after a peek.
	if s.off == s.aheadFrom.off && s.hasAhead && s.save() == s.aheadFrom {
		if len(s.aheadComments) > 0 {
			s.comments = append(s.comments, s.aheadComments...)
		}
		s.off, s.lastStart, s.prevStart = s.aheadTo.off, s.aheadTo.lastStart, s.aheadTo.prevStart
		return s.ahead
	}
	src := s.src
	i := s.off
	// The starts of the last matches (see mark) are kept in registers
	// and stored once.
	prev, last := s.prevStart, s.lastStart
	if i < len(src) {
		c := src[i]
		if class[c]&cSpace != 0 {
			start := i
			for i++; i < len(src) && class[src[i]]&cSpace != 0; i++ {
			}
			prev, last = last, start
			c = 0
			if i < len(src) {
				c = src[i]
			}
		}
		if commentStart[c] {
			// Perhaps a comment, and more whitespace and comments
			// after it.
			s.off, s.prevStart, s.lastStart = i, prev, last
			s.skipSpace()
			i, prev, last = s.off, s.prevStart, s.lastStart
		}
	}
	if i >= len(src) {
		s.off, s.prevStart, s.lastStart = i, prev, last
		if s.nulEnd {
			// Bison takes the NUL token for the end of input, and its
			// location is the NUL's.
			s.mark(i)
		}
		return item{kind: tEOF, off: i, end: i}
	}
	s.prevStart, s.lastStart = last, i
	c := src[i]
	if kind := singleToks[c]; kind != 0 {
		// Punctuation, a third of the tokens.
		s.off = i + 1
		return item{kind: kind, off: i, end: i + 1}
	}
	kind, j := tID, i+1
	switch {
	case class[c]&cIDStart != 0:
		for j < len(src) && class[src[j]]&cID != 0 {
			j++
		}
		if j < len(src) {
			switch src[j] {
			case '.', '+':
				// Inside a dotted name (a.b.c), once the run is known
				// to hold no path and no URI, this is an identifier.
				if !s.noPathOrURI(i) {
					return s.slow(i)
				}
			case '/', ':':
				return s.slow(i)
			}
		}
		if j-i <= 7 && kwFirst[c] {
			kind, _ = keyword(src[i:j])
		}
	case c == '=' && (j >= len(src) || src[j] != '='):
		kind = tASSIGN
	case c == '.' && i < s.noPathUntil && j < len(src) && class[src[j]]&cIDStart != 0:
		// Not "...", not a float, and no path in this run.
		kind = tDOT
	default:
		return s.slow(i)
	}
	s.off = j
	return item{kind: kind, off: i, end: j}
}

// slow returns the token at i as lexSlow finds it.
func (s *scanner) slow(i int) item {
	kind, n := s.lexSlow(i)
	s.off = i + n
	return item{kind: kind, off: i, end: i + n}
}

// scanState is a saved scanner position, for lookahead.
type scanState struct{ off, lastStart, prevStart, ncomments int }

func (s *scanner) save() scanState {
	return scanState{s.off, s.lastStart, s.prevStart, len(s.comments)}
}

func (s *scanner) restore(st scanState) {
	s.off, s.lastStart, s.prevStart, s.comments = st.off, st.lastStart, st.prevStart, s.comments[:st.ncomments]
}

// peek returns the token after the current position without consuming it.
func (s *scanner) peek() item {
	st := s.save()
	t := s.scan()
	s.ahead, s.aheadFrom, s.aheadTo, s.hasAhead = t, st, s.save(), true
	s.aheadComments = s.aheadComments[:0]
	if len(s.comments) > st.ncomments {
		s.aheadComments = append(s.aheadComments, s.comments[st.ncomments:]...)
	}
	s.restore(st)
	return t
}

// noPathOrURI reports whether no path and no URI can start at i, at the
// start of an identifier. It settles the question for the whole run of
// path (or scheme) characters at once, as lexSlow does, but without trying
// the other rules: a run that is not followed by '/' holds no path, and a
// scheme run not followed by ':' no URI.
func (s *scanner) noPathOrURI(i int) bool {
	src := s.src
	pathDone, uriDone := i < s.noPathUntil, i < s.noURIUntil
	if pathDone && uriDone {
		return true
	}
	// Scheme characters are path characters too: the path run goes on
	// from the end of the scheme run, which is scanned once for both.
	k := i + 1
	scheme := !uriDone && is(src[i], cLetter)
	if scheme {
		for k < len(src) && is(src[k], cScheme) {
			k++
		}
	}
	schemeEnd := k
	if !pathDone {
		for k < len(src) && is(src[k], cPath) {
			k++
		}
		if k < len(src) && src[k] == '/' {
			return false
		}
		s.noPathUntil = k
	}
	if !uriDone {
		if !scheme || schemeEnd < len(src) && src[schemeEnd] == ':' {
			return false
		}
		s.noURIUntil = schemeEnd
	}
	return true
}

// lexSlow is lexCode's general case: it tries every rule.
func (s *scanner) lexSlow(i int) (tokKind, int) {
	src := s.src
	c := src[i]
	var c1 byte
	if i+1 < len(src) {
		c1 = src[i+1]
	}
	kind, n := tINVALID, 0
	better := func(k tokKind, m int) {
		if m > n {
			kind, n = k, m
		}
	}
	// Rules in lexer.l order; better keeps the first of equal lengths.
	switch c {
	case '.':
		if c1 == '.' && i+2 < len(src) && src[i+2] == '.' {
			better(tELLIPSIS, 3)
		}
	case '=':
		if c1 == '=' {
			better(tEQ, 2)
		}
	case '!':
		if c1 == '=' {
			better(tNEQ, 2)
		}
	case '<':
		if c1 == '=' {
			better(tLEQ, 2)
		} else if c1 == '|' && s.pipes {
			better(tPIPE_FROM, 2)
		}
	case '>':
		if c1 == '=' {
			better(tGEQ, 2)
		}
	case '&':
		if c1 == '&' {
			better(tAND, 2)
		}
	case '|':
		if c1 == '|' {
			better(tOR, 2)
		} else if c1 == '>' && s.pipes {
			better(tPIPE_INTO, 2)
		}
	case '-':
		if c1 == '>' {
			better(tIMPL, 2)
		}
	case '/':
		if c1 == '/' {
			better(tUPDATE, 2)
		}
	case '+':
		if c1 == '+' {
			better(tCONCAT, 2)
		}
	}
	if is(c, cIDStart) {
		j := i + 1
		for j < len(src) && is(src[j], cID) {
			j++
		}
		k := tID
		if j-i <= 7 {
			if kw, ok := keyword(src[i:j]); ok {
				k = kw
			}
		}
		better(k, j-i)
	}
	if is(c, cDigit) {
		j := i + 1
		for j < len(src) && is(src[j], cDigit) {
			j++
		}
		better(tINT, j-i)
	}
	if is(c, cDigit) || c == '.' {
		better(tFLOAT, floatLen(src, i))
	}
	switch c {
	case '$':
		if c1 == '{' {
			better(tDOLLAR_CURLY, 2)
		}
	case '\'':
		if c1 == '\'' {
			j := i + 2
			for j < len(src) && src[j] == ' ' {
				j++
			}
			if j < len(src) && src[j] == '\n' {
				better(tIND_OPEN, j+1-i)
			} else {
				better(tIND_OPEN, 2)
			}
		}
	}
	if (is(c, cPath) && i >= s.noPathUntil) || c == '/' {
		if c != '/' {
			// If the run of path characters is not followed by '/',
			// no path starts anywhere inside it.
			j := i + 1
			for j < len(src) && is(src[j], cPath) {
				j++
			}
			if j >= len(src) || src[j] != '/' {
				s.noPathUntil = j
			}
		}
		// {PATH_SEG}\$\{ precedes {PATH} in lexer.l; it rescans as a
		// PATH token of just the segment, which starts an interpolated path.
		if m := pathSegLen(src, i); m > 0 && m+1 < len(src)-i && src[i+m] == '$' && src[i+m+1] == '{' && m+2 > n {
			kind, n = tPATH, m+2
		}
		better(tPATH, pathLen(src, i))
	}
	if c == '~' && c1 == '/' {
		if i+3 < len(src) && src[i+2] == '$' && src[i+3] == '{' {
			better(tHPATH, 4)
		}
		if m := pathLen(src, i+1); m > 0 {
			better(tHPATH, m+1)
		}
	}
	if c == '<' {
		better(tSPATH, spathLen(src, i))
	}
	if is(c, cLetter) && i >= s.noURIUntil {
		m := uriLen(src, i)
		if m == 0 {
			// The scheme run has no ':' (or nothing after it): no URI
			// starts inside it either.
			j := i + 1
			for j < len(src) && is(src[j], cScheme) {
				j++
			}
			s.noURIUntil = j
		}
		better(tURI, m)
	}
	if n == 0 {
		// The single-character rules, and flex's catch-all {ANY}.
		if kind = charToks[c]; kind == 0 {
			kind = tINVALID
		}
		return kind, 1
	}
	if (kind == tPATH || kind == tHPATH) && n >= 2 && src[i+n-1] == '{' && src[i+n-2] == '$' {
		// PATH_START: the token is the segment without "${".
		n -= 2
	}
	return kind, n
}

// floatLen matches FLOAT at i:
// (([1-9][0-9]*\.[0-9]*)|(0?\.[0-9]+))([Ee][+-]?[0-9]+)?
func floatLen(src []byte, i int) int {
	j := i
	digits := func() int {
		k := j
		for j < len(src) && is(src[j], cDigit) {
			j++
		}
		return j - k
	}
	switch c := src[i]; {
	case c >= '1' && c <= '9':
		digits()
		if j >= len(src) || src[j] != '.' {
			return 0
		}
		j++
		digits()
	default: // '0' or '.'
		if c == '0' {
			j++
		}
		if j >= len(src) || src[j] != '.' {
			return 0
		}
		j++
		if digits() == 0 {
			return 0
		}
	}
	if j < len(src) && (src[j] == 'e' || src[j] == 'E') {
		k := j
		j++
		if j < len(src) && (src[j] == '+' || src[j] == '-') {
			j++
		}
		if digits() == 0 {
			j = k
		}
	}
	return j - i
}

// pathLen matches PATH at i: {PATH_CHAR}*(\/{PATH_CHAR}+)+\/? and returns
// its length, or 0.
func pathLen(src []byte, i int) int {
	j := i
	for j < len(src) && is(src[j], cPath) {
		j++
	}
	segs := 0
	for j+1 < len(src) && src[j] == '/' && is(src[j+1], cPath) {
		j += 2
		for j < len(src) && is(src[j], cPath) {
			j++
		}
		segs++
	}
	if segs == 0 {
		return 0
	}
	if j < len(src) && src[j] == '/' {
		j++
	}
	return j - i
}

// pathSegLen matches PATH_SEG at i: {PATH_CHAR}*\/ and returns its
// length, or 0.
func pathSegLen(src []byte, i int) int {
	j := i
	for j < len(src) && is(src[j], cPath) {
		j++
	}
	if j < len(src) && src[j] == '/' {
		return j + 1 - i
	}
	return 0
}

// spathLen matches SPATH at i: \<{PATH_CHAR}+(\/{PATH_CHAR}+)*\>.
func spathLen(src []byte, i int) int {
	j := i + 1
	k := j
	for j < len(src) && is(src[j], cPath) {
		j++
	}
	if j == k {
		return 0
	}
	for j+1 < len(src) && src[j] == '/' && is(src[j+1], cPath) {
		j += 2
		for j < len(src) && is(src[j], cPath) {
			j++
		}
	}
	if j < len(src) && src[j] == '>' {
		return j + 1 - i
	}
	return 0
}

// uriLen matches URI at i:
// [a-zA-Z][a-zA-Z0-9\+\-\.]*\:[a-zA-Z0-9\%\/\?\:\@\&\=\+\$\,\-\_\.\!\~\*\']+
func uriLen(src []byte, i int) int {
	j := i + 1
	for j < len(src) && is(src[j], cScheme) {
		j++
	}
	if j >= len(src) || src[j] != ':' {
		return 0
	}
	j++
	k := j
	for j < len(src) && is(src[j], cURI) {
		j++
	}
	if j == k {
		return 0
	}
	return j - i
}

// scanPath returns the next token inside an interpolated path (flex states
// INPATH and INPATH_SLASH): DOLLAR_CURLY, a STR segment, or PATH_END
// (empty) when the path is over.
func (s *scanner) scanPath() item {
	src := s.src
	i := s.off
	if i+1 < len(src) && src[i] == '$' && src[i+1] == '{' {
		s.off = i + 2
		s.mark(i)
		return item{kind: tDOLLAR_CURLY, off: i, end: i + 2}
	}
	n := pathLen(src, i)
	if m := pathSegLen(src, i); m > n {
		n = m
	}
	j := i
	for j < len(src) && is(src[j], cPath) {
		j++
	}
	if j-i > n {
		n = j - i
	}
	if n == 0 {
		return item{kind: tPATH_END, off: i, end: i}
	}
	s.off = i + n
	s.mark(i)
	return item{kind: tSTR, off: i, end: i + n}
}

// scanString returns the next token inside a "string" (flex state STRING):
// STR, DOLLAR_CURLY, the closing '"', or EOF.
func (s *scanner) scanString() item {
	src := s.src
	i := s.off
	if i >= len(src) {
		return item{kind: tEOF, off: i, end: i}
	}
	s.mark(i)
	switch {
	case src[i] == '"':
		s.off = i + 1
		return item{kind: tQUOTE, off: i, end: i + 1}
	case src[i] == '$' && i+1 < len(src) && src[i+1] == '{':
		s.off = i + 2
		return item{kind: tDOLLAR_CURLY, off: i, end: i + 2}
	}
	j := i
	esc := false
loop:
	for j < len(src) {
		// Plain text, most of it, is skipped without the switch, eight
		// bytes at a time while they last.
		if j+8 <= len(src) {
			m := strSpecialMask(binary.LittleEndian.Uint64(src[j:]))
			if m == 0 {
				j += 8
				continue
			}
			j += bits.TrailingZeros64(m) >> 3
		} else if !strSpecial[src[j]] {
			j++
			continue
		}
		switch src[j] {
		case '"':
			break loop
		case '\r':
			esc = true
			j++
		case '\\':
			esc = true
			if j+1 >= len(src) {
				// At EOF flex returns a lone backslash as its own STR.
				if j == i {
					j++
				}
				break loop
			}
			j += 2
		case '$':
			if j+1 >= len(src) {
				if j == i {
					j++
				}
				break loop
			}
			switch src[j+1] {
			case '{':
				break loop
			case '"':
				j++ // (...)*\$/\" : the '$' belongs to the text
				break loop
			case '\\':
				esc = true
				if j+2 >= len(src) {
					if j == i {
						j += 2
					}
					break loop
				}
				j += 3
			default:
				if src[j+1] == '\r' {
					esc = true
				}
				j += 2
			}
		default:
			j++
		}
	}
	s.off = j
	return item{kind: tSTR, off: i, end: j, flag: esc}
}

// strSpecialMask returns a word whose lowest set bit is the high bit of
// the first byte of w (in memory order) that strSpecial reports, or 0 if
// there is none. (A byte is flagged when it is zero after one of the XORs,
// or after a zero byte below it: the lowest flagged byte is exact, those
// above it need not be.)
func strSpecialMask(w uint64) uint64 {
	const ones, hi = 0x0101010101010101, 0x8080808080808080
	q := w ^ ('"' * ones)
	b := w ^ ('\\' * ones)
	d := w ^ ('$' * ones)
	r := w ^ ('\r' * ones)
	return ((q-ones)&^q | (b-ones)&^b | (d-ones)&^d | (r-ones)&^r) & hi
}

// scanIndString returns the next token inside an ”indented string” (flex
// state IND_STRING): IND_STR, DOLLAR_CURLY, IND_STRING_CLOSE or EOF.
func (s *scanner) scanIndString() item {
	src := s.src
	i := s.off
	if i >= len(src) {
		return item{kind: tEOF, off: i, end: i}
	}
	s.mark(i)
	tok := func(k tokKind, n int, ind bool) item {
		s.off = i + n
		return item{kind: k, off: i, end: i + n, flag: ind}
	}
	c := src[i]
	var c1, c2 byte
	if i+1 < len(src) {
		c1 = src[i+1]
	}
	if i+2 < len(src) {
		c2 = src[i+2]
	}
	switch {
	case c == '\'' && c1 == '\'':
		switch {
		case c2 == '$' || c2 == '\'':
			return tok(tIND_STR, 3, false)
		case c2 == '\\' && i+3 < len(src):
			return tok(tIND_STR, 4, false)
		}
		return tok(tIND_CLOSE, 2, false)
	case c == '$' && c1 == '{':
		return tok(tDOLLAR_CURLY, 2, false)
	}
	// ([^$']|\$[^{']|'[^'$])+
	j := i
loop:
	for j < len(src) {
		switch src[j] {
		case '$':
			if j+1 >= len(src) || src[j+1] == '{' || src[j+1] == '\'' {
				break loop
			}
			j += 2
		case '\'':
			if j+1 >= len(src) || src[j+1] == '\'' || src[j+1] == '$' {
				break loop
			}
			j += 2
		default:
			j++
		}
	}
	if j > i {
		return tok(tIND_STR, j-i, true)
	}
	// A lone '$' or '\''.
	return tok(tIND_STR, 1, false)
}
