package parser

import (
	"strings"
	"testing"
	"time"
)

// TestHostile feeds inputs meant to break a parser: each must give the
// expected verdict quickly, without a panic, with sane positions.
func TestHostile(t *testing.T) {
	const deep = 200000
	tests := []struct {
		name   string
		src    string
		errors bool
	}{
		{"deep parens", strings.Repeat("(", deep) + "1" + strings.Repeat(")", deep), true},
		{"deep lists", strings.Repeat("[", deep) + strings.Repeat("]", deep), true},
		{"deep sets", strings.Repeat("{ a = ", deep) + "1" + strings.Repeat("; }", deep), true},
		{"deep lets", strings.Repeat("let a = ", deep) + "1" + strings.Repeat("; in a", deep), true},
		{"deep let bodies", strings.Repeat("let a = 1; in ", deep) + "a", true},
		{"deep ifs", strings.Repeat("if a then ", deep) + "a" + strings.Repeat(" else a", deep), true},
		{"deep lambdas", strings.Repeat("a: ", deep) + "a", true},
		{"deep formals", strings.Repeat("{ a ? ", deep) + "1" + strings.Repeat(" }: a", deep), true},
		{"deep not", strings.Repeat("!", deep) + "a", true},
		{"deep negation", strings.Repeat("-", deep) + "a", true},
		{"deep implication", strings.Repeat("a -> ", deep) + "a", true},
		{"deep interpolation", strings.Repeat(`"${`, deep) + "a" + strings.Repeat(`}"`, deep), true},
		{"deep select defaults", strings.Repeat("a.b or ", deep) + "a", true},
		{"deep unclosed parens", strings.Repeat("(", deep), true},
		{"deep unclosed braces", strings.Repeat("{", deep), true},
		{"deep unclosed strings", strings.Repeat(`"${`, deep), true},
		{"long application", "f" + strings.Repeat(" a", deep), false},
		{"long sum", "a" + strings.Repeat(" + a", deep), false},
		{"long list", "[" + strings.Repeat(" 1", deep) + " ]", false},
		{"long select", "a" + strings.Repeat(".b", deep), false},
		{"huge line", `"` + strings.Repeat("x", 6<<20) + `"`, false},
		{"huge comment", "/*" + strings.Repeat("*", 6<<20) + "*/ 1", false},
		{"NUL in code", "1\x00garbage(", true},
		{"NUL in string", "\"a\x00b\"", true},
		{"invalid UTF-8 in string", "\"\xff\xfe\"", false},
		{"invalid UTF-8 in indented string", "''\xc3\x28''", false},
		{"invalid UTF-8 in comment", "# \xff\n1", false},
		{"invalid UTF-8 in block comment", "/* \xff */ 1", false},
		{"invalid UTF-8 in code", "\xff", true},
		{"UTF-8 in code", "é", true},
		{"unterminated string", `"abc`, true},
		{"unterminated indented string", "''abc", true},
		{"unterminated comment", "/* abc", true},
		{"unterminated interpolation", `"${a`, true},
		{"unterminated path interpolation", "./a/${b", true},
		{"binary junk", "\x01\x02\x03\x7f\x80", true},
		{"empty", "", true},
		{"only comment", "# x", true},
		{"only spaces", "  \n\t ", true},
		{"lone CR", "a:\ra", false},
		{"closing junk", strings.Repeat(")}]", 1000), true},
		{"many errors", strings.Repeat("{ a = ; ", 20000), true},
	}
	for _, tt := range tests {
		start := time.Now()
		f, errs := parseString(tt.src)
		if d := time.Since(start); d > 200*time.Millisecond {
			t.Logf("%s: slow, %v", tt.name, d)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: took %v", tt.name, d)
		}
		if f == nil || f.Tok == nil {
			t.Errorf("%s: nil file", tt.name)
			continue
		}
		if (len(errs) > 0) != tt.errors {
			t.Errorf("%s: errors %v, want errors: %v", tt.name, errs, tt.errors)
		}
		if len(tt.src) < 1<<20 {
			checkPositions(t, tt.name, f)
		}
		for _, e := range errs {
			if e.Msg == "" || int(e.Pos) < f.Tok.Base() || int(e.Pos) > f.Tok.Base()+f.Tok.Size() {
				t.Errorf("%s: bad error %+v", tt.name, e)
			}
		}
	}
}

// TestDepthLimit pins the nesting limit to Nix 2.8's: it accepts 9 997
// nested parentheses and 4 998 nested lists, and no more.
func TestDepthLimit(t *testing.T) {
	tests := []struct {
		open, close string
		max         int
	}{
		{"(", ")", 9997},
		{"[", "]", 4998},
	}
	for _, tt := range tests {
		for _, n := range []int{tt.max, tt.max + 1} {
			src := strings.Repeat(tt.open, n) + "1" + strings.Repeat(tt.close, n)
			if tt.open == "[" {
				src = strings.Repeat(tt.open, n) + strings.Repeat(tt.close, n)
			}
			_, errs := parseString(src)
			if got, want := len(errs) > 0, n > tt.max; got != want {
				t.Errorf("%d × %s: errors %v, want errors: %v", n, tt.open, errs, want)
			}
		}
	}
}
