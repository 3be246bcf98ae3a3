package parser

import (
	"bytes"
	"fmt"
	"github.com/nixlint/nixlint/internal/testtool"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// requireNix returns the path of nix-instantiate, skipping the test when it
// is absent, or failing it when NIXLINT_REQUIRE_TOOLS=1.
func requireNix(t *testing.T) string {
	t.Helper()
	return testtool.Path(t, "nix-instantiate")
}

// nixResult is what `nix-instantiate --parse` made of a file.
type nixResult struct {
	out       string // printed expression, when ok
	ok        bool
	msg       string // first line of the error, without "error: "
	line, col int
	syntax    bool // the error is a syntax error (not a semantic check)
}

var nixErrRe = regexp.MustCompile(`(?s)error: (.*?)\n.*?at [^\n]*?:(\d+):(\d+):`)

// semanticRe matches the errors Nix raises after (or while) building the
// tree rather than for the syntax: they are package check's business.
var semanticRe = regexp.MustCompile(`undefined variable|already defined|dynamic attributes|duplicate formal`)

// runNix parses src with Nix, writing it to a file in dir.
func runNix(t *testing.T, nix, dir, src string) nixResult {
	t.Helper()
	fn := filepath.Join(dir, "t.nix")
	if err := os.WriteFile(fn, []byte(src), 0o644); err != nil {
		t.Fatalf("writing %s: %v", fn, err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(nix, "--parse", fn)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err == nil {
		return nixResult{out: strings.TrimSpace(stdout.String()), ok: true}
	}
	r := nixResult{msg: strings.TrimSpace(stderr.String())}
	if m := nixErrRe.FindStringSubmatch(stderr.String()); m != nil {
		r.msg = m[1]
		fmt.Sscan(m[2], &r.line)
		fmt.Sscan(m[3], &r.col)
	}
	r.syntax = !semanticRe.MatchString(r.msg)
	return r
}

// shapeTable holds inputs whose trees exercise precedence, associativity
// and the grammar's corners; they are compared with Nix's own tree. Every
// variable is bound by the lambdas the test wraps around them.
var shapeTable = []string{
	"a + b * c", "a * b + c", "a - b - c", "a / b / c", "a ++ b ++ c", "a // b // c",
	"a -> b -> c", "a || b || c", "a && b && c", "a || b && c", "a && b || c",
	"a == b && c != d", "a < b == c", "a == b < c", "a <= b || c >= d", "a > b",
	"!a", "!a + b", "!a == b", "!a && b", "!!a", "a + !b + c", "a * !b + c",
	"-a", "-a + b", "- a * b", "-a ? b", "!a ? b", "- - a", "-!a", "!-a", "a - -b", "f -1", "f - 1",
	"a ? b", "a ? b.c", "a ? b ? c", "a + b ? c", "a ? b + c", "a ++ b ? c", "a ? or",
	"f a b", "f a.b c", "f a.b or c d", "a.b or c.d or d", "f or", "f a or", "a or b",
	"(a - b) c", "(-a) b", "(a b) c", "(a < b) c", "(a > b) c",
	"a.b.c", "a.or", "a.or.b or c", "f a.b.c or d",
	"a: b", "a: b: a b", "if a then b else c", "if a then b else c: d",
	"with a; b", "assert a; b", "assert a; with b; c", "a -> b || c", "a || b -> c",
	"a // b + c", "a + b // c", "a == b -> c", "a: a -> b", "f (a: b) c",
	"a ++ b * c", "a * b ++ c", "a // b ++ c", "a ? b -> c",
	"(f a) or", "(a - b) or", "(f a) or b", "f (a or)", "(-a) or", "a.b or c or",
}

// stringTable holds strings and indented strings, compared with Nix's
// tree: escapes, interpolation, and indentation stripping.
var stringTable = []string{
	`""`, `"a"`, `"a\nb\tc\rd\"e\\f\qg"`, `"${a}"`, `"a${b}c"`, `"$${a}"`, `"$"`, `"a$"`, `"$\{a}"`,
	`"\${a}"`, `"$$"`, "\"a\r\nb\rc\"", "\"\\\r\n\"", `"${a}${b}"`, `"${"${a}"}"`, `"{}"`, `"a'b"`,
	"''''", "'''a'''", "''\n  a\n  b\n''", "''\n  a\n    b\n  c''", "''  a\n  b''", "'' a\n\n  b\n''",
	"''\n  ${a}\n  b\n''", "''\n    a\n  ${b}\n''", "''a''$b''", "''a'''b''", "''a''\\nb''", "''a''\\tb''",
	"''\n  ''\\ a\n  b\n''", "''\n  ''$a\n   b''", "''\n\ta\n\tb\n''", "''\n  a\n  \n  b\n  ''",
	"''${a}''", "'' ${a}''", "''\n  ${a} \n  ''", "''a$''", "''$''", "''a'b''", "''a'$b''", "''$'a''",
	"''\n  a\n ''", "''\n  a\n   ''", "''  \n  a''", "''   \n  a\n''", "''\r\n  a\r\n  b''",
	"''\n  ''\\\n  a''", "''\n  a${b}\n  c''", "''\n  $${a}\n''", "''\n  ''${a}\n''", "''$${''",
	"''\n  a\n  ''\\\n''", "''\n  \n  \n''", "''\n  x\n\n''", "''\n  a\n  ${b}''", "''\n  a\n  ${b}  ''",
	"''\n  ''\\  a\n    b''", "''\n   a\n  ''$\n''",
}

// lambdaWrap binds the variables the shape inputs use.
const lambdaWrap = "a: b: c: d: f: "

func TestShapesMatchNix(t *testing.T) {
	nix := requireNix(t)
	dir := t.TempDir()
	inputs := append([]string(nil), shapeTable...)
	inputs = append(inputs, stringTable...)
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 60; i++ {
		inputs = append(inputs, genExpr(r, 0))
	}
	for _, in := range inputs {
		src := lambdaWrap + in
		want := runNix(t, nix, dir, src)
		f, errs := parseString(src)
		if !want.ok {
			if want.syntax && len(errs) == 0 {
				t.Errorf("%q: Nix rejects it (%s), nixlint accepts it", in, want.msg)
			}
			continue
		}
		if len(errs) > 0 {
			t.Errorf("%q: Nix accepts it, nixlint says %v", in, errs)
			continue
		}
		got, ok := nixShow(f.Expr)
		if !ok {
			t.Errorf("%q: outside the test printer's subset", in)
			continue
		}
		if got != want.out {
			t.Errorf("%q:\n got %s\nwant %s", in, got, want.out)
		}
	}
}

// genExpr generates a random expression of the printer's subset.
func genExpr(r *rand.Rand, depth int) string {
	vars := []string{"a", "b", "c", "d", "f"}
	v := func() string { return vars[r.Intn(len(vars))] }
	if depth > 4 {
		return v()
	}
	ops := []string{"->", "||", "&&", "==", "!=", "<", "<=", ">", ">=", "//", "+", "-", "*", "/", "++"}
	var operand func() string
	operand = func() string {
		var s string
		switch r.Intn(9) {
		case 0:
			s = "(" + genExpr(r, depth+1) + ")"
		case 1:
			s = "!" + operand()
		case 2:
			s = "-" + operand()
		case 3:
			s = v() + "." + v()
		case 4:
			s = v() + "." + v() + " or " + v()
		case 5:
			s = v() + " " + v()
		case 6:
			s = fmt.Sprint(r.Intn(10))
		default:
			s = v()
		}
		return s
	}
	switch r.Intn(10) {
	case 0:
		return v() + ": " + genExpr(r, depth+1)
	case 1:
		return "if " + genExpr(r, depth+1) + " then " + genExpr(r, depth+1) + " else " + genExpr(r, depth+1)
	case 2:
		return "with " + v() + "; " + genExpr(r, depth+1)
	}
	s := operand()
	for n := r.Intn(4); n > 0; n-- {
		if r.Intn(6) == 0 {
			s += " ? " + v()
			continue
		}
		s += " " + ops[r.Intn(len(ops))] + " " + operand()
	}
	return s
}
