package parser

import (
	"fmt"
	"go/token"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/nixlint/nixlint/parser/ast"
)

// errorTable lists malformed inputs with the first error Nix 2.8 reports
// for them (`nix-instantiate --parse`), as line:col: message.
var errorTable = []struct{ src, want string }{
	{"{ a = 1 }", "1:9: syntax error, unexpected '}', expecting ';'"},
	{"{ a = 1; b }", "1:12: syntax error, unexpected '}', expecting '.' or '='"},
	{"a == b == c", "1:8: syntax error, unexpected EQ"},
	{"a < b > c", "1:7: syntax error, unexpected '>'"},
	{"./a/", "1:1: path has a trailing slash"},
	{"x: ./a/${x}/", "1:12: path has a trailing slash"},
	{"/* abc", "1:1: syntax error, unexpected '/'"},
	{"\"abc", "1:2: syntax error, unexpected end of file, expecting '\"'"},
	{"''abc", "1:3: syntax error, unexpected end of file, expecting IND_STR or DOLLAR_CURLY or IND_STRING_CLOSE"},
	{"a |> b", "1:3: syntax error, unexpected invalid token, expecting end of file"},
	{"9223372036854775808", "1:1: invalid integer '9223372036854775808'"},
	{"1.0e400", "1:1: invalid float '1.0e400'"},
	{"{ ..., a }: 1", "1:6: syntax error, unexpected ',', expecting '}'"},
	{"{ a }", "1:5: syntax error, unexpected end of file, expecting ':' or '@'"},
	{"{ a, b }", "1:8: syntax error, unexpected end of file, expecting ':' or '@'"},
	{"x: x.", "1:5: syntax error, unexpected end of file, expecting ID or OR_KW or DOLLAR_CURLY or '\"'"},
	{"x: x. }", "1:7: syntax error, unexpected '}', expecting ID or OR_KW or DOLLAR_CURLY or '\"'"},
	{"{ a = 1;  ", "1:9: syntax error, unexpected end of file"},
	{"let a = 1; in", "1:12: syntax error, unexpected end of file"},
	{"\"\\", "1:2: syntax error, unexpected end of file, expecting '\"'"},
	{"\"${", "1:2: syntax error, unexpected end of file"},
	{"\"${x", "1:4: syntax error, unexpected end of file, expecting '}'"},
	{"x: \"${x}", "1:8: syntax error, unexpected end of file, expecting '\"'"},
	{"1 +", "1:3: syntax error, unexpected end of file"},
	{"[ 1 2", "1:5: syntax error, unexpected end of file"},
	{"( 1", "1:3: syntax error, unexpected end of file, expecting ')'"},
	{"x: x)", "1:5: syntax error, unexpected ')', expecting end of file"},
	{"x @ 1", "1:5: syntax error, unexpected INT, expecting '{'"},
	{"rec", "1:1: syntax error, unexpected end of file, expecting '{'"},
	{"if 1 then 2", "1:11: syntax error, unexpected end of file, expecting ELSE"},
	{"if 1 then 2 else", "1:13: syntax error, unexpected end of file"},
	{"assert 1 2", "1:10: syntax error, unexpected end of file, expecting ';'"},
	{"with 1 2", "1:8: syntax error, unexpected end of file, expecting ';'"},
	{"{ inherit (x) }", "1:15: syntax error, unexpected '}'"},
	{"{ inherit (x", "1:12: syntax error, unexpected end of file, expecting ')'"},
	{"let a = 1; } in 2", "1:12: syntax error, unexpected '}'"},
	{"\"abc$", "1:5: syntax error, unexpected STR, expecting '\"'"},
	{"[ 1 ; ]", "1:5: syntax error, unexpected ';'"},
	{"a ?", "1:3: syntax error, unexpected end of file, expecting ID or OR_KW or DOLLAR_CURLY or '\"'"},
	{"{ }then: 1", "1:4: syntax error, unexpected THEN, expecting ':' or '@'"},
	{"{ a = 1; = 2; }", "1:10: syntax error, unexpected '='"},
	{"{ a.b. = 1; }", "1:8: syntax error, unexpected '=', expecting ID or OR_KW or DOLLAR_CURLY or '\"'"},
	{"let { a = 1", "1:11: syntax error, unexpected end of file, expecting ';'"},
	{"f: f let a = 1; in a", "1:10: syntax error, unexpected ID, expecting '{'"},
	{"x: x: x ; ", "1:9: syntax error, unexpected ';', expecting end of file"},
	{"{ a ? 1 }", "1:9: syntax error, unexpected end of file, expecting ':' or '@'"},
	{"{ a @ b }: 1", "1:5: syntax error, unexpected '@', expecting '.' or '='"},
	{"a: { a, ... } @ 1: a", "1:17: syntax error, unexpected INT, expecting ID"},
	{"$x", "1:1: syntax error, unexpected invalid token"},
	{"x: x | x", "1:6: syntax error, unexpected invalid token, expecting end of file"},
	{"x: x & x", "1:6: syntax error, unexpected invalid token, expecting end of file"},
	{"x: `x`", "1:4: syntax error, unexpected invalid token"},
	{"x: x % 2", "1:6: syntax error, unexpected invalid token, expecting end of file"},
	{"'a'", "1:1: syntax error, unexpected invalid token"},
	{"~", "1:1: syntax error, unexpected invalid token"},
	{"<a", "1:1: syntax error, unexpected '<'"},
	{"<a/>", "1:1: syntax error, unexpected '<'"},
	{"./a/b/", "1:1: path has a trailing slash"},
	{"~/a/", "1:1: path has a trailing slash"},
	{"a/b/${x}/", "1:9: path has a trailing slash"},
	{"/a//b", "1:1: syntax error, unexpected PATH_END, expecting DOLLAR_CURLY"},
	{"/a//b ", "1:4: syntax error, unexpected PATH_END, expecting DOLLAR_CURLY"},
	{"[ /a/b//c ]", "1:8: syntax error, unexpected PATH_END, expecting DOLLAR_CURLY"},
	{"x: ./a//b.c", "1:4: syntax error, unexpected PATH_END, expecting DOLLAR_CURLY"},
	{"~/a//b", "1:1: syntax error, unexpected PATH_END, expecting DOLLAR_CURLY"},
	{"/a//b//c", "1:7: syntax error, unexpected STR, expecting DOLLAR_CURLY"},
	{"/a//b//c${x}", "1:7: syntax error, unexpected STR, expecting DOLLAR_CURLY"},
	{"/a//b/", "1:4: path has a trailing slash"},
	{"\u00e9", "1:1: syntax error, unexpected invalid token"},
	{"x: x \u00e9", "1:6: syntax error, unexpected invalid token, expecting end of file"},
	{"{ a = \"\u00e9\"; b = 1 c = 2; }", "1:21: syntax error, unexpected '=', expecting ';'"},
	{"x: x\n  +", "2:3: syntax error, unexpected end of file"},
	{"[ f -1 ]", "1:5: syntax error, unexpected '-'"},
	{"{\n  a = 1\n}\n", "3:1: syntax error, unexpected '}', expecting ';'"},
	{"let\n  a = 1;\n", "2:9: syntax error, unexpected end of file"},
	{"\"a\r\nb", "1:2: syntax error, unexpected end of file, expecting '\"'"},
	{"x: [~/${x}", "1:9: syntax error, unexpected end of file"},
	{"x: [./a", "1:4: syntax error, unexpected end of file"},
	{"1\x00garbage", "1:2: syntax error, unexpected NUL byte (Nix stops reading the file here)"},
}

func TestErrors(t *testing.T) {
	for _, tt := range errorTable {
		_, errs := parseString(tt.src)
		if len(errs) == 0 {
			t.Errorf("%q: no error, want %s", tt.src, tt.want)
			continue
		}
		e := errs[0]
		got := fmt.Sprintf("%d:%d: %s", e.Position.Line, e.Position.Column, e.Msg)
		if got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
		}
		if e.Kind != SyntaxError {
			t.Errorf("%q: kind %v, want SyntaxError", tt.src, e.Kind)
		}
	}
}

// TestErrorsMatchNix checks that the error table is what Nix says, so the
// table cannot drift from the reference.
func TestErrorsMatchNix(t *testing.T) {
	nix := requireNix(t)
	dir := t.TempDir()
	for _, tt := range errorTable {
		if strings.Contains(tt.src, "\x00") {
			continue // Nix 2.8 accepts what precedes a NUL; see KNOWN_DIFFS.md
		}
		r := runNix(t, nix, dir, tt.src)
		if r.ok || !r.syntax {
			t.Errorf("%q: Nix accepts it or reports no syntax error: %+v", tt.src, r)
			continue
		}
		if got := fmt.Sprintf("%d:%d: %s", r.line, r.col, r.msg); got != tt.want {
			t.Errorf("%q: Nix says %s, table says %s", tt.src, got, tt.want)
		}
	}
}

// shapes maps inputs to the compact rendering of their tree (sexpr_test.go).
var shapes = []struct{ src, want string }{
	// literals
	{"1", "1"}, {"007", "7"}, {"1.5", "1.5"}, {"1.", "1."}, {".5", ".5"}, {"1.5e3", "1.5e3"}, {"0.5E-2", "0.5E-2"},
	{"00.5", "(app 0 .5)"}, {"1e10", "(app 1 e10)"}, {"x.0", "(app x .0)"}, {"2.5.3", "(app 2.5 .3)"},
	{"a-b", "a-b"}, {"a'", "a'"}, {"_x", "_x"}, {"__curPos", "__curPos"}, {"x-1", "x-1"},
	{"a->b", "(> a- b)"}, {"a - b", "(- a b)"},
	// paths and URIs
	{"./a", `(path0 "./a")`}, {"../a/b.nix", `(path0 "../a/b.nix")`}, {"a/b", `(path0 "a/b")`},
	{"a.b/c", `(path0 "a.b/c")`}, {"/etc/x", `(path1 "/etc/x")`}, {"~/x", `(path2 "~/x")`},
	{"<nixpkgs>", `(path3 "nixpkgs")`}, {"<a/b.c>", `(path3 "a/b.c")`}, {"-1/2", `(path0 "-1/2")`},
	{"./a/${b}", `(path0 "./a/" ${b})`}, {"./a${b}c", `(path0 "./a" ${b} "c")`}, {"~/${x}/y", `(path2 "~/" ${x} "/y")`},
	{"a/b/${x}.nix", `(path0 "a/b/" ${x} ".nix")`}, {"./${a}${b}", `(path0 "./" ${a} ${b})`},
	{"a //b", "(// a b)"}, {"a /b", `(app a (path1 "/b"))`}, {"a/ b", "(/ a b)"}, {"a<b", "(< a b)"}, {"a <b> c", `(app (app a (path3 "b")) c)`},
	{"x:x", "(uri x:x)"}, {"https://e.org/a?b=c&d", "(uri https://e.org/a?b=c&d)"}, {"x: x", "(fn x x)"},
	// strings
	{`"a\nb"`, `(str "a\nb")`}, {`"${a}"`, "(str ${a})"}, {`"a${b}c"`, `(str "a" ${b} "c")`}, {`""`, "(str)"},
	{`"$${a}"`, `(str "$${a}")`}, {`"a$"`, `(str "a$")`}, {"''a''$b''", `(istr "a" "$" "b")`}, {"''''", "(istr)"},
	{"''\n  a\n    b\n''", `(istr "a\n  b\n")`}, {"''x''\\n''", `(istr "x" "\n")`}, {"''x'''y''", `(istr "x" "''" "y")`},
	// sets, lets
	{"{ }", "(set)"}, {"rec { a = 1; }", "(rec (= a 1))"}, {"{ a.b.c = 1; }", "(set (= a.b.c 1))"},
	{`{ "a b" = 1; ${c} = 2; "${d}" = 3; or = 4; }`, `(set (= (str "a b") 1) (= ${c} 2) (= (str ${d}) 3) (= or 4))`},
	{"{ inherit a or; inherit (b) c \"d\"; }", `(set (inherit a or) (inherit (from b) c (str "d")))`},
	{"let a = 1; in a", "(let (= a 1) in a)"}, {"let in 1", "(let in 1)"}, {"let { body = 1; }", "(let{ (= body 1))"},
	{"let { }.x", "(. (let{) x)"}, {"f let { }", "(app f (let{))"},
	// lambdas
	{"{ }: 1", "(fn {} 1)"}, {"{ ... }: 1", "(fn {...} 1)"}, {"{ a, }: a", "(fn {a} a)"},
	{"{ a, b ? 1, ... }: a", "(fn {a,b?1,...} a)"}, {"x @ { a }: a", "(fn x@{a} a)"}, {"{ a } @ x: a", "(fn {a}@x a)"},
	{"a: b: c", "(fn a (fn b c))"}, {"{ a ? x: x }: a", "(fn {a?(fn x x)} a)"},
	// control
	{"if a then b else c", "(if a b c)"}, {"with a; b", "(with a b)"}, {"assert a; b", "(assert a b)"},
	{"if a then b else c + d", "(if a b (+ c d))"},
	// select, or, has-attr
	{"a.b.c", "(. a b.c)"}, {"a.b or c", "(. a b or c)"}, {"a.b or c.d or e", "(. a b or (. c d or e))"},
	{"f or", "(app f or)"}, {"f a or", "(app f (app a or))"}, {"a.or", "(. a or)"}, {`a."b".${c}`, `(. a (str "b").${c})`},
	{"a ? b.c", "(? a b.c)"}, {"a ? b ? c", "(? (? a b) c)"}, {"-a ? b", "(? (neg a) b)"}, {"!a ? b", "(! (? a b))"},
	// operators
	{"a + b * c", "(+ a (* b c))"}, {"a - b - c", "(- (- a b) c)"}, {"a ++ b ++ c", "(++ a (++ b c))"},
	{"a // b // c", "(// a (// b c))"}, {"a -> b -> c", "(-> a (-> b c))"}, {"!a && b", "(&& (! a) b)"},
	{"!a + b", "(! (+ a b))"}, {"-a + b", "(+ (neg a) b)"}, {"f -1", "(- f 1)"},
	{"[ a b.c (d e) ]", "[a (. b c) (paren (app d e))]"}, {"a < b == c", "(== (< a b) c)"},
	{"a || b && c", "(|| a (&& b c))"}, {"a == b -> c", "(-> (== a b) c)"},
}

func TestShapes(t *testing.T) {
	for _, tt := range shapes {
		f, errs := parseString(tt.src)
		if len(errs) > 0 {
			t.Errorf("%q: %v", tt.src, errs)
			continue
		}
		if got := sexpr(f.Expr); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

// TestShapesAcceptedByNix checks that Nix accepts every input of the shape
// table, so the table only holds valid Nix.
func TestShapesAcceptedByNix(t *testing.T) {
	nix := requireNix(t)
	dir := t.TempDir()
	for _, tt := range shapes {
		if r := runNix(t, nix, dir, "with {}; "+tt.src); !r.ok && r.syntax {
			t.Errorf("%q: Nix rejects it: %s", tt.src, r.msg)
		}
	}
}

func TestPipeOperators(t *testing.T) {
	tests := []struct{ src, want string }{
		{"a |> f", "(|> a f)"},
		{"a |> f b |> g", "(|> (|> a (app f b)) g)"},
		{"f <| g <| a", "(<| f (<| g a))"},
		{"a + b |> f", "(|> (+ a b) f)"},
		{"a -> b |> f", "(|> (-> a b) f)"},
		{"a |> b -> c", "(|> a (-> b c))"},
		{"(a |> f) <| b", "(<| (paren (|> a f)) b)"},
	}
	for _, tt := range tests {
		f, errs := ParseFileMode(token.NewFileSet(), "t.nix", []byte(tt.src), PipeOperators)
		if len(errs) > 0 {
			t.Errorf("%q: %v", tt.src, errs)
			continue
		}
		if got := sexpr(f.Expr); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
		}
		// Nix 2.8 has no pipe operators: without the mode they are errors.
		if _, errs := parseString(tt.src); len(errs) == 0 {
			t.Errorf("%q: accepted without PipeOperators", tt.src)
		}
	}
	for _, src := range []string{"a |> f <| b", "f <| a |> g"} {
		if _, errs := ParseFileMode(token.NewFileSet(), "t.nix", []byte(src), PipeOperators); len(errs) == 0 {
			t.Errorf("%q: mixed pipe operators accepted", src)
		}
	}
}

// TestRecovery checks that one file yields one error per broken binding,
// and a partial tree with the good bindings.
func TestRecovery(t *testing.T) {
	tests := []struct {
		src   string
		errs  []string // line:col of each error
		shape string
	}{
		{"{\n  a = 1\n  b = 2;\n  c = 3;\n  d = ;\n  e = 5;\n}", []string{"3:5", "5:7"}, "(set (= a (app 1 b)) (= c 3) (= d BAD) (= e 5))"},
		{"let\n  a = {\n    b = 1\n  };\n  c = [ 1 2 ;\n  d = 4;\nin a", []string{"4:3", "5:13"}, "(let (= a (set (= b 1))) (= c [1 2]) (= d 4) in a)"},
		{"{ a = 1; = 2; b = 3; inherit (x; c = 4; }", []string{"1:10", "1:32"}, "(set (= a 1) (= b 3) (= c 4))"},
		{"{ a = \"x${\"; b = 1; }", []string{"1:12"}, ""},
		{"[ (1 + ) 2 ]", []string{"1:8"}, ""},
	}
	for _, tt := range tests {
		f, errs := parseString(tt.src)
		var got []string
		for _, e := range errs {
			got = append(got, fmt.Sprintf("%d:%d", e.Position.Line, e.Position.Column))
		}
		if strings.Join(got, " ") != strings.Join(tt.errs, " ") {
			t.Errorf("%q: errors at %v, want %v (%v)", tt.src, got, tt.errs, errs)
		}
		if tt.shape != "" {
			if s := sexpr(f.Expr); s != tt.shape {
				t.Errorf("%q:\n got %s\nwant %s", tt.src, s, tt.shape)
			}
		}
		checkPositions(t, tt.src, f)
	}
}

func TestComments(t *testing.T) {
	src := "# head\n{ /* a */ a = 1; # tail\n  b = /* x\n y */ 2;\r\n} # end"
	f, errs := parseString(src)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := []string{"1:1 # head", "2:3 /* a */", "2:18 # tail", "3:7 /* x\n y */", "5:3 # end"}
	var got []string
	for _, c := range f.Comments {
		p := f.Tok.Position(c.Pos())
		got = append(got, fmt.Sprintf("%d:%d %s", p.Line, p.Column, c.Text))
		if src[f.Tok.Offset(c.Pos()):f.Tok.Offset(c.End())] != c.Text {
			t.Errorf("comment %q: range does not match the source", c.Text)
		}
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("comments:\n got %q\nwant %q", got, want)
	}
}

// TestPositions checks the exact ranges of a few nodes.
func TestPositions(t *testing.T) {
	src := "{\n  a.b = \"x${y}\";\n  c = ./p/${q}.nix;\n  d = f x.y or z;\n}"
	f, errs := parseString(src)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var got []string
	ast.Inspect(f.Expr, func(n ast.Node) bool {
		if n == nil {
			return true
		}
		from, to := f.Tok.Offset(n.Pos()), f.Tok.Offset(n.End())
		got = append(got, fmt.Sprintf("%T:%s", n, src[from:to]))
		return true
	})
	want := []string{
		"*ast.AttrSet:" + src,
		"*ast.AttrDef:a.b = \"x${y}\";", "*ast.AttrPath:a.b", "*ast.Ident:a", "*ast.Ident:b",
		"*ast.String:\"x${y}\"", "*ast.Text:x", "*ast.Interp:${y}", "*ast.Ident:y",
		"*ast.AttrDef:c = ./p/${q}.nix;", "*ast.AttrPath:c", "*ast.Ident:c",
		"*ast.Path:./p/${q}.nix", "*ast.Text:./p/", "*ast.Interp:${q}", "*ast.Ident:q", "*ast.Text:.nix",
		"*ast.AttrDef:d = f x.y or z;", "*ast.AttrPath:d", "*ast.Ident:d",
		"*ast.Apply:f x.y or z", "*ast.Ident:f", "*ast.Select:x.y or z", "*ast.Ident:x",
		"*ast.AttrPath:y", "*ast.Ident:y", "*ast.Ident:z",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("positions:\n got %q\nwant %q", got, want)
	}
	pos := f.Tok.Position(f.Expr.(*ast.AttrSet).Bindings[2].Pos())
	if pos.Line != 4 || pos.Column != 3 {
		t.Errorf("binding d at %v, want 4:3", pos)
	}
}

// checkPositions checks that every node of f lies inside the file and has
// Pos <= End, and that children lie inside their parents.
func checkPositions(t *testing.T, src string, f *ast.File) {
	t.Helper()
	base, size := f.Tok.Base(), f.Tok.Size()
	var stack []ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		p, e := int(n.Pos()), int(n.End())
		if p > e || p < base || e > base+size {
			t.Errorf("%q: %T at [%d,%d) outside file [%d,%d] or reversed", src, n, p-base, e-base, 0, size)
		}
		stack = append(stack, n)
		return true
	})
	for _, c := range f.Comments {
		if int(c.Pos()) < base || int(c.End()) > base+size {
			t.Errorf("%q: comment outside file", src)
		}
	}
}

func TestLineStarts(t *testing.T) {
	tests := []struct {
		src  string
		want []int
	}{
		{"", []int{0}},
		{"a", []int{0}},
		{"a\n", []int{0}},
		{"a\nb\n\nc", []int{0, 2, 4, 5}},
		{"a\r\nb\rc\n", []int{0, 3, 5}},
		{"\r\r\n\n", []int{0, 1, 3}},
		{"\n", []int{0}},
		{"\n\n", []int{0, 1}},
		{"a\nb", []int{0, 2}},
	}
	var a arena[int]
	for _, tt := range tests {
		got := lineStarts(&a, []byte(tt.src))
		if fmt.Sprint(got) != fmt.Sprint(tt.want) || cap(got) != len(got) {
			t.Errorf("lineStarts(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
	// Random short lines, with bytes close to LF, against a table made
	// byte by byte.
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte{'a', '\n', '\x0b', '\x09', '\x00', '\x01', '\x8a', ' '}
	for trial := 0; trial < 2000; trial++ {
		src := make([]byte, rng.IntN(40))
		for i := range src {
			src[i] = alphabet[rng.IntN(len(alphabet))]
		}
		want := []int{0}
		for i, c := range src {
			if c == '\n' && i+1 < len(src) {
				want = append(want, i+1)
			}
		}
		if got := lineStarts(&a, src); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("lineStarts(%q) = %v, want %v", src, got, want)
		}
	}
}
