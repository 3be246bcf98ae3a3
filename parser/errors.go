package parser

import (
	"fmt"
	"go/token"
	"sort"
)

// ErrorKind classifies the errors Nix reports when it reads a file.
type ErrorKind int

// The kinds of errors. Syntax errors come from the parser; the others from
// the checks Nix makes on the tree after parsing (package parser/check).
const (
	SyntaxError       ErrorKind = iota // the text is not Nix
	DuplicateAttr                      // an attribute defined twice
	DuplicateFormal                    // a lambda formal declared twice
	DynamicAttrInLet                   // a dynamic attribute in let or inherit
	UndefinedVariable                  // a variable bound nowhere, outside every with
)

// Error is one error found in a file, with its source range.
type Error struct {
	Kind     ErrorKind
	Pos, End token.Pos      // the offending range; End may equal Pos
	Position token.Position // Pos resolved to file:line:column
	Msg      string         // e.g. "unexpected '}', expecting ';'"
}

// Error formats the error as "file:line:col: message".
func (e *Error) Error() string {
	return fmt.Sprintf("%s: %s", e.Position, e.Msg)
}

// ErrorList is a list of errors, ordered by position once sorted.
type ErrorList []*Error

// Add appends an error at pos..end with the given message.
func (l *ErrorList) Add(kind ErrorKind, fset *token.FileSet, pos, end token.Pos, msg string) {
	*l = append(*l, &Error{Kind: kind, Pos: pos, End: end, Position: fset.Position(pos), Msg: msg})
}

// Sort orders the list by position.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool { return l[i].Pos < l[j].Pos })
}

// Err returns the list as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error returns the first error and a count of the others.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}
