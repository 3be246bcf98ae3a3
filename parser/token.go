package parser

// tokKind is the kind of a lexical token, named after the terminals of Nix
// 2.8's grammar (parser.y) so error messages can use Nix's own names.
type tokKind uint8

// The token kinds. Single-character tokens that Nix's grammar uses as literal
// terminals have their own kind; any other character is tINVALID.
const (
	tEOF tokKind = iota
	tINVALID
	tID
	tINT
	tFLOAT
	tPATH
	tHPATH
	tSPATH
	tURI
	tSTR
	tIND_STR
	tDOLLAR_CURLY
	tIND_OPEN
	tIND_CLOSE
	tPATH_END
	tELLIPSIS
	tEQ
	tNEQ
	tLEQ
	tGEQ
	tAND
	tOR
	tIMPL
	tUPDATE
	tCONCAT
	tPIPE_INTO // |>
	tPIPE_FROM // <|
	tIF
	tTHEN
	tELSE
	tASSERT
	tWITH
	tLET
	tIN
	tREC
	tINHERIT
	tOR_KW
	tLBRACE   // {
	tRBRACE   // }
	tLBRACK   // [
	tRBRACK   // ]
	tLPAREN   // (
	tRPAREN   // )
	tSEMI     // ;
	tCOLON    // :
	tDOT      // .
	tCOMMA    // ,
	tAT       // @
	tASSIGN   // =
	tQUESTION // ?
	tNOT      // !
	tLT       // <
	tGT       // >
	tPLUS     // +
	tMINUS    // -
	tSTAR     // *
	tSLASH    // /
	tQUOTE    // "
	numTokKinds
)

// tokNames holds the names bison uses for each terminal in its messages.
var tokNames = [numTokKinds]string{
	tEOF:          "end of file",
	tINVALID:      "invalid token",
	tID:           "ID",
	tINT:          "INT",
	tFLOAT:        "FLOAT",
	tPATH:         "PATH",
	tHPATH:        "HPATH",
	tSPATH:        "SPATH",
	tURI:          "URI",
	tSTR:          "STR",
	tIND_STR:      "IND_STR",
	tDOLLAR_CURLY: "DOLLAR_CURLY",
	tIND_OPEN:     "IND_STRING_OPEN",
	tIND_CLOSE:    "IND_STRING_CLOSE",
	tPATH_END:     "PATH_END",
	tELLIPSIS:     "ELLIPSIS",
	tEQ:           "EQ",
	tNEQ:          "NEQ",
	tLEQ:          "LEQ",
	tGEQ:          "GEQ",
	tAND:          "AND",
	tOR:           "OR",
	tIMPL:         "IMPL",
	tUPDATE:       "UPDATE",
	tCONCAT:       "CONCAT",
	tPIPE_INTO:    "PIPE_INTO",
	tPIPE_FROM:    "PIPE_FROM",
	tIF:           "IF",
	tTHEN:         "THEN",
	tELSE:         "ELSE",
	tASSERT:       "ASSERT",
	tWITH:         "WITH",
	tLET:          "LET",
	tIN:           "IN",
	tREC:          "REC",
	tINHERIT:      "INHERIT",
	tOR_KW:        "OR_KW",
	tLBRACE:       "'{'",
	tRBRACE:       "'}'",
	tLBRACK:       "'['",
	tRBRACK:       "']'",
	tLPAREN:       "'('",
	tRPAREN:       "')'",
	tSEMI:         "';'",
	tCOLON:        "':'",
	tDOT:          "'.'",
	tCOMMA:        "','",
	tAT:           "'@'",
	tASSIGN:       "'='",
	tQUESTION:     "'?'",
	tNOT:          "'!'",
	tLT:           "'<'",
	tGT:           "'>'",
	tPLUS:         "'+'",
	tMINUS:        "'-'",
	tSTAR:         "'*'",
	tSLASH:        "'/'",
	tQUOTE:        "'\"'",
}

func (k tokKind) String() string {
	if k < numTokKinds {
		return tokNames[k]
	}
	return "invalid token"
}

// keyword returns the token of a reserved word. Flex prefers the keyword
// rules over ID when both match the same length. A switch on constant
// strings costs no hashing, unlike a map: this runs for every identifier.
func keyword(b []byte) (tokKind, bool) {
	switch string(b) {
	case "if":
		return tIF, true
	case "then":
		return tTHEN, true
	case "else":
		return tELSE, true
	case "assert":
		return tASSERT, true
	case "with":
		return tWITH, true
	case "let":
		return tLET, true
	case "in":
		return tIN, true
	case "rec":
		return tREC, true
	case "inherit":
		return tINHERIT, true
	case "or":
		return tOR_KW, true
	}
	return tID, false
}

// strSpecial reports the bytes that end or escape plain text in a
// "string": scanString handles them one by one.
var strSpecial = [256]bool{'"': true, '\\': true, '$': true, '\r': true}

// commentStart reports the bytes that may start a comment ('#' and '/').
var commentStart = [256]bool{'#': true, '/': true}

// kwFirst reports the first letters of the keywords, so that most
// identifiers are not compared with them.
var kwFirst = [256]bool{'i': true, 't': true, 'e': true, 'a': true, 'w': true, 'l': true, 'r': true, 'o': true}

// charToks maps the single characters Nix's grammar uses as terminals.
var charToks = [256]tokKind{
	'{': tLBRACE, '}': tRBRACE, '[': tLBRACK, ']': tRBRACK,
	'(': tLPAREN, ')': tRPAREN, ';': tSEMI, ':': tCOLON,
	'.': tDOT, ',': tCOMMA, '@': tAT, '=': tASSIGN,
	'?': tQUESTION, '!': tNOT, '<': tLT, '>': tGT,
	'+': tPLUS, '-': tMINUS, '*': tSTAR, '/': tSLASH,
	'"': tQUOTE,
}

// singleToks maps the characters that are a token of one character
// whatever follows them: no longer rule of lexer.l starts with them.
var singleToks = [256]tokKind{
	'{': tLBRACE, '}': tRBRACE, '[': tLBRACK, ']': tRBRACK,
	'(': tLPAREN, ')': tRPAREN, ';': tSEMI, ',': tCOMMA,
	'@': tAT, '?': tQUESTION, ':': tCOLON, '"': tQUOTE, '*': tSTAR,
}

// Character classes of Nix's lexer.
const (
	cID      = 1 << iota // [a-zA-Z0-9_'-]: ID continuation
	cIDStart             // [a-zA-Z_]
	cPath                // [a-zA-Z0-9._\-+]: PATH_CHAR
	cDigit               // [0-9]
	cURI                 // [a-zA-Z0-9%/?:@&=+$,\-_.!~*']: URI body
	cScheme              // [a-zA-Z0-9+\-.]: URI scheme continuation
	cLetter              // [a-zA-Z]
	cSpace               // [ \t\r\n]: whitespace between tokens
)

var class [256]uint8

func init() {
	for c := 0; c < 256; c++ {
		var m uint8
		isLetter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		isDigit := c >= '0' && c <= '9'
		if isLetter {
			m |= cLetter | cIDStart | cID | cPath | cURI | cScheme
		}
		if isDigit {
			m |= cDigit | cID | cPath | cURI | cScheme
		}
		switch c {
		case '_':
			m |= cIDStart | cID | cPath | cURI
		case '\'':
			m |= cID | cURI
		case '-':
			m |= cID | cPath | cURI | cScheme
		case '.':
			m |= cPath | cURI | cScheme
		case '+':
			m |= cPath | cURI | cScheme
		case '%', '/', '?', ':', '@', '&', '=', '$', ',', '!', '~', '*':
			m |= cURI
		case ' ', '\t', '\r', '\n':
			m |= cSpace
		}
		class[c] = m
	}
}

func is(c byte, m uint8) bool { return class[c]&m != 0 }
