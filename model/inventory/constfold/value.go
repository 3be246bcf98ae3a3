// Package constfold computes the value of Nix expressions that are
// constants without evaluating anything: literals, let-bound constants of the
// same file, integer arithmetic, string concatenation and interpolation of
// constants, and attributes selected from constant attribute sets.
//
// Everything else is Unknown, with a Reason a user can read ("is a function
// call (lib.mkDefault)", "depends on the lambda argument `name`"). The VM
// inventory records such declarations as skipped: a value nixlint would have
// to guess is never reported on.
package constfold

import (
	"go/token"
	"strconv"
)

// Kind is the type of a folded value.
type Kind int

// The kinds of values. Unknown is the zero value: a Value that was not
// folded is never mistaken for a constant.
const (
	Unknown Kind = iota
	Int
	String
	Bool
	Null
)

var kindNames = [...]string{Unknown: "unknown", Int: "integer", String: "string", Bool: "boolean", Null: "null"}

// String returns the kind's name as messages write it ("integer").
func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Value is the result of folding an expression.
type Value struct {
	Kind Kind
	Int  int64
	Str  string
	Bool bool

	// Reason says why the value is Unknown, as a predicate that follows
	// the thing's name: "id " + Reason reads as a sentence.
	Reason string

	// Pos and End delimit the expression that was folded.
	Pos, End token.Pos
}

// Known reports whether the value was folded to a constant.
func (v Value) Known() bool { return v.Kind != Unknown }

// String formats the value as Nix would print it.
func (v Value) String() string {
	switch v.Kind {
	case Int:
		return strconv.FormatInt(v.Int, 10)
	case String:
		return strconv.Quote(v.Str)
	case Bool:
		return strconv.FormatBool(v.Bool)
	case Null:
		return "null"
	}
	return "<unknown: " + v.Reason + ">"
}

func unknown(pos, end token.Pos, reason string) Value {
	return Value{Kind: Unknown, Reason: reason, Pos: pos, End: end}
}
