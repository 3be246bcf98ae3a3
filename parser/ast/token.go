package ast

// Token is an operator or keyword of the Nix language, as used by Unary and
// Binary nodes and by the scanner.
type Token int

// The operator tokens, from loosest to tightest binding where it matters.
const (
	ILLEGAL Token = iota

	IMPL    // ->
	OR      // ||
	AND     // &&
	EQ      // ==
	NEQ     // !=
	LT      // <
	LEQ     // <=
	GT      // >
	GEQ     // >=
	UPDATE  // //
	NOT     // !
	ADD     // +
	SUB     // -
	MUL     // *
	DIV     // /
	CONCAT  // ++
	PIPE_R  // |>
	PIPE_L  // <|
	HASATTR // ?
)

var tokenStrings = [...]string{
	ILLEGAL: "ILLEGAL",
	IMPL:    "->",
	OR:      "||",
	AND:     "&&",
	EQ:      "==",
	NEQ:     "!=",
	LT:      "<",
	LEQ:     "<=",
	GT:      ">",
	GEQ:     ">=",
	UPDATE:  "//",
	NOT:     "!",
	ADD:     "+",
	SUB:     "-",
	MUL:     "*",
	DIV:     "/",
	CONCAT:  "++",
	PIPE_R:  "|>",
	PIPE_L:  "<|",
	HASATTR: "?",
}

// String returns the operator as written in Nix source.
func (t Token) String() string {
	if t >= 0 && int(t) < len(tokenStrings) {
		return tokenStrings[t]
	}
	return "ILLEGAL"
}
