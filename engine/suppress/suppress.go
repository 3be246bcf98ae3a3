// Package suppress parses nixlint's in-source suppression directives and
// matches findings against them.
//
// Two directives exist, written in a comment:
//
//	# nixlint:ignore rule-a,rule-b -- reason
//	# nixlint:ignore-file rule -- reason
//
// An ignore comment that follows code on its line applies to that line. An
// ignore comment alone on its line applies to the next line that holds code:
// blank lines and other comment lines in between are skipped, so several
// directives may be stacked above one line. It covers findings that start on
// that line; it does not extend to the rest of the expression that begins
// there (a finding spanning a whole attribute set is suppressed from the line
// where it starts). An ignore-file comment, anywhere in the file, applies to
// every finding of the named rules in the file.
//
// Rule names are separated by commas and/or spaces. The reason follows " -- "
// (two dashes); a directive without one still applies, and the
// suppression-reason rule reports it. Both `#` and `/* */` comments may hold a
// directive; the directive must start the comment's text.
package suppress

import (
	"go/token"
	"strings"

	"github.com/nixlint/nixlint/parser/ast"
)

// Prefix introduces every directive.
const Prefix = "nixlint:"

// Kind distinguishes line and file directives.
type Kind int

// The kinds of directive.
const (
	Line Kind = iota // nixlint:ignore
	File             // nixlint:ignore-file
)

// A Directive is one suppression comment.
type Directive struct {
	Kind    Kind
	Rules   []string  // rule ids as written, in order
	Reason  string    // text after " -- ", trimmed; empty when missing
	Pos     token.Pos // the comment's position
	End     token.Pos
	Line    int // line of the comment
	Target  int // line the directive applies to (Line kind); 0 for File
	Comment *ast.Comment

	// Bad is set when the directive is malformed (an unknown verb such as
	// "nixlint:ignore-line", or no rule named); it then suppresses nothing.
	Bad string
}

// HasReason reports whether the directive gives a reason.
func (d *Directive) HasReason() bool { return d.Reason != "" }

// Parse returns the directives in the comments of f, in source order. src is
// the file's content, used to tell a trailing comment from one alone on its
// line and to find the next line holding code.
func Parse(f *ast.File, src []byte) []*Directive {
	if f == nil || f.Tok == nil {
		return nil
	}
	var out []*Directive
	for i, c := range f.Comments {
		text, ok := directiveText(c)
		if !ok {
			continue
		}
		d := parseDirective(text)
		d.Comment = c
		d.Pos, d.End = c.Pos(), c.End()
		d.Line = f.Tok.Line(c.Pos())
		if d.Kind == Line {
			if codeBefore(f.Tok, src, c.Pos()) {
				d.Target = d.Line
			} else {
				d.Target = nextCodeLine(f, src, i)
			}
		}
		out = append(out, d)
	}
	return out
}

// directiveText returns the comment's text without delimiters when it is a
// directive.
func directiveText(c *ast.Comment) (string, bool) {
	t := c.Text
	switch {
	case strings.HasPrefix(t, "#"):
		t = t[1:]
	case strings.HasPrefix(t, "/*"):
		t = strings.TrimSuffix(t[2:], "*/")
	default:
		return "", false
	}
	t = strings.TrimSpace(t)
	if !strings.HasPrefix(t, Prefix) {
		return "", false
	}
	return t[len(Prefix):], true
}

// parseDirective parses the text after "nixlint:".
func parseDirective(text string) *Directive {
	d := &Directive{}
	verb, rest, _ := strings.Cut(text, " ")
	verb = strings.TrimSpace(verb)
	// "nixlint:ignore\trule" is also accepted.
	if i := strings.IndexAny(verb, "\t"); i >= 0 {
		verb, rest = verb[:i], verb[i+1:]+" "+rest
	}
	switch verb {
	case "ignore":
		d.Kind = Line
	case "ignore-file":
		d.Kind = File
	default:
		d.Bad = "unknown directive nixlint:" + verb + " (want nixlint:ignore or nixlint:ignore-file)"
		return d
	}
	names := rest
	if i := strings.Index(rest, "--"); i >= 0 {
		names, d.Reason = rest[:i], strings.TrimSpace(rest[i+2:])
	}
	for _, n := range strings.FieldsFunc(names, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		d.Rules = append(d.Rules, n)
	}
	if len(d.Rules) == 0 {
		d.Bad = "suppression names no rule (write nixlint:" + verb + " RULE -- reason)"
	}
	return d
}

// codeBefore reports whether the line holding pos has anything but blanks
// before pos.
func codeBefore(tf *token.File, src []byte, pos token.Pos) bool {
	off := tf.Offset(pos)
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	return strings.TrimSpace(string(src[start:off])) != ""
}

// nextCodeLine returns the first line after comment i that holds something
// other than blanks and comments; 0 if none.
func nextCodeLine(f *ast.File, src []byte, i int) int {
	tf := f.Tok
	c := f.Comments[i]
	// Start scanning after the comment; skip following comments wholesale.
	off := tf.Offset(c.End())
	next := i + 1
	for off < len(src) {
		if next < len(f.Comments) && tf.Offset(f.Comments[next].Pos()) == off {
			off = tf.Offset(f.Comments[next].End())
			next++
			continue
		}
		switch src[off] {
		case ' ', '\t', '\r', '\n':
			off++
			continue
		}
		return tf.Line(tf.Pos(off))
	}
	return 0
}
