package check_test

import (
	"fmt"
	"github.com/nixlint/nixlint/internal/testtool"
	"go/token"
	"regexp"
	"strings"
	"testing"

	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/check"
)

// checkCases lists, for each source, every error File must report as
// "LINE:COL: message". The source is parsed as case.nix. An empty list is
// the correct form that must not be reported.
var checkCases = []struct {
	src  string
	want []string
}{
	// Duplicate attributes.
	{`{ a = 1; a = 2; }`, []string{"1:10: attribute 'a' already defined at case.nix:1:3"}},
	{`{ a = 1; a = 2; a = 3; }`, []string{
		"1:10: attribute 'a' already defined at case.nix:1:3",
		"1:17: attribute 'a' already defined at case.nix:1:3"}},
	{`{ a.b = 1; a.b = 2; }`, []string{"1:12: attribute 'a.b' already defined at case.nix:1:3"}},
	{`{ a = { b = 1; }; a.b = 2; }`, []string{"1:19: attribute 'a.b' already defined at case.nix:1:9"}},
	{`{ a = 1; a.c = 1; }`, []string{"1:10: attribute 'a.c' already defined at case.nix:1:3"}},
	{`{ a = {}; a = 1; }`, []string{"1:11: attribute 'a' already defined at case.nix:1:3"}},
	{`{ a = let x = 1; in { b = 1; }; a.c = 1; }`, []string{"1:33: attribute 'a.c' already defined at case.nix:1:3"}},
	{`{ a = let { body = {}; }; a.b = 1; }`, []string{"1:27: attribute 'a.b' already defined at case.nix:1:3"}},
	{`{ a.b = 1; a.b.c = 1; }`, []string{"1:12: attribute 'a.b.c' already defined at case.nix:1:3"}},
	{`{ a.b = 1; a.b.c.d = 1; }`, []string{"1:12: attribute 'a.b.c.d' already defined at case.nix:1:3"}},
	{`{ a.b.c = 1; a.b = 2; }`, []string{"1:14: attribute 'a.b' already defined at case.nix:1:3"}},
	{`x: { a = 1; a.${x} = 2; }`, []string{`1:13: attribute 'a."${x}"' already defined at case.nix:1:6`}},
	{`x: { a = 1; a."${x}" = 2; }`, []string{`1:13: attribute 'a."${(x)}"' already defined at case.nix:1:6`}},
	{`x: { a = 1; a.${x + "b"}.c = 2; }`, []string{`1:13: attribute 'a."${(x + "b")}".c' already defined at case.nix:1:6`}},
	{`x: { a = 1; a."p${x}q".c = 2; }`, []string{`1:13: attribute 'a."${("p" + x + "q")}".c' already defined at case.nix:1:6`}},
	// Merging two sets: the clash is on the inner name. Nix reports it at
	// the earlier definition; nixlint at the later one.
	{`{ a.c = 2; a = { c = 1; }; }`, []string{"1:18: attribute 'c' already defined at case.nix:1:3"}},
	{`{ a = { b = 1; }; a = { b = 1; }; }`, []string{"1:25: attribute 'b' already defined at case.nix:1:9"}},
	{`{ a = { b = 1; }; a = { ${"b"} = 1; }; }`, []string{"1:25: attribute 'b' already defined at case.nix:1:9"}},
	{`{ a = { b = {}; }; a = { b.c = 1; }; }`, []string{"1:26: attribute 'b' already defined at case.nix:1:9"}},
	{`{ a.b = { d = 1; }; a.b = { d = 1; }; }`, []string{"1:29: attribute 'd' already defined at case.nix:1:11"}},
	{`{ a = { ${"b"} = 1; }; a.b = 2; }`, []string{"1:24: attribute 'a.b' already defined at case.nix:1:9"}},
	// inherit
	{`a: { inherit a; inherit a; }`, []string{"1:25: attribute 'a' already defined at case.nix:1:14"}},
	{`a: { inherit a a; }`, []string{"1:16: attribute 'a' already defined at case.nix:1:14"}},
	{`x: { inherit (x) a a; }`, []string{"1:20: attribute 'a' already defined at case.nix:1:18"}},
	{`a: { a = 1; inherit a; }`, []string{"1:21: attribute 'a' already defined at case.nix:1:6"}},
	{`a: { inherit a; a.b = 1; }`, []string{"1:17: attribute 'a.b' already defined at case.nix:1:14"}},
	{`x: { inherit (x) a; a = {}; }`, []string{"1:21: attribute 'a' already defined at case.nix:1:18"}},
	{`x: { a = {}; inherit (x) a; }`, []string{"1:26: attribute 'a' already defined at case.nix:1:6"}},
	{`a: { a = { inherit a; }; a.a = 1; }`, []string{"1:26: attribute 'a.a' already defined at case.nix:1:20"}},
	// let, rec, legacy let
	{`rec { a = 1; a = 2; }`, []string{"1:14: attribute 'a' already defined at case.nix:1:7"}},
	{`let a = 1; a = 2; in a`, []string{"1:12: attribute 'a' already defined at case.nix:1:5"}},
	{`a: let a = 1; inherit a; in a`, []string{"1:23: attribute 'a' already defined at case.nix:1:8"}},
	{`let a = { b = 1; }; a = { b = 2; }; in a`, []string{"1:27: attribute 'b' already defined at case.nix:1:11"}},
	{`let { a = 1; a = 2; body = a; }`, []string{"1:14: attribute 'a' already defined at case.nix:1:7"}},
	{`let { body = 1; body = 2; }`, []string{"1:17: attribute 'body' already defined at case.nix:1:7"}},
	// names: quoted, ${"…"}, as Nix prints them
	{`{ "a" = 1; a = 2; }`, []string{"1:12: attribute 'a' already defined at case.nix:1:3"}},
	{`{ ${"a"} = 1; a = 1; }`, []string{"1:15: attribute 'a' already defined at case.nix:1:3"}},
	{`{ a = 1; ${("a")} = 2; }`, []string{"1:10: attribute 'a' already defined at case.nix:1:3"}},
	{"{ a = 1; ${''a''} = 2; }", []string{"1:10: attribute 'a' already defined at case.nix:1:3"}},
	{"{ a = 1; ${''${\"a\"}''} = 2; }", []string{"1:10: attribute 'a' already defined at case.nix:1:3"}},
	{`{ "" = 1; ${""} = 2; }`, []string{`1:11: attribute '""' already defined at case.nix:1:3`}},
	{`{ "a b".c = 1; "a b".c = 2; }`, []string{`1:16: attribute '"a b".c' already defined at case.nix:1:3`}},
	{`{ "if" = 1; "if" = 2; }`, []string{`1:13: attribute '"if"' already defined at case.nix:1:3`}},
	{`{ "let" = 1; "let" = 2; }`, []string{"1:14: attribute 'let' already defined at case.nix:1:3"}},
	{`{ "a$b\n" = 1; "a$b\n" = 2; }`, []string{`1:16: attribute '"a\$b\n"' already defined at case.nix:1:3`}},
	{`{ "a'" = 1; "a'" = 2; }`, []string{"1:13: attribute 'a'' already defined at case.nix:1:3"}},
	// Indented strings as names: static only when Nix's stripIndentation
	// leaves a single part.
	{"{ ab = 1; ${''  ab''} = 2; }", []string{"1:11: attribute 'ab' already defined at case.nix:1:3"}},
	{"{ \"\" = 1; ${''\n''} = 2; }", []string{`1:11: attribute '""' already defined at case.nix:1:3`}},
	{"{ a = 1; ${''${''${\"a\"}''}''} = 2; }", []string{"1:10: attribute 'a' already defined at case.nix:1:3"}},
	{"{ a = 1; ${''\n${\"a\"}''} = 2; }", []string{"1:10: attribute 'a' already defined at case.nix:1:3"}},
	{"{ a = 1; ${''  ${\"a\"}''} = 2; }", nil},
	{"{ a = 1; ${''${\"a\"}  ''} = 2; }", nil},
	{"{ \"a''b\" = 1; ${''a'''b''} = 2; }", nil},
	{"{ \"a\\nb\" = 1; ${''a''\\nb''} = 2; }", nil},
	{`{ ab = 1; "a${""}b" = 2; }`, nil},
	{"let ${''a'''b''} = 1; in 1", []string{"1:5: dynamic attributes not allowed in let"}},
	{"let ${''  ${\"a\"}''} = 1; in 1", []string{"1:5: dynamic attributes not allowed in let"}},
	{"{ inherit ${''a'''b''}; }", []string{"1:11: dynamic attributes not allowed in inherit"}},
	// Sets large enough to be indexed.
	{`{ a1 = 1; a2 = 2; a3 = 3; a4 = 4; a5 = 5; a6 = 6; a7 = 7; a8 = 8; a9 = 9; a10 = 10; a.b = 1; a.c = 2; a5 = 1; a.b = 3; }`, []string{
		"1:103: attribute 'a5' already defined at case.nix:1:35",
		"1:111: attribute 'a.b' already defined at case.nix:1:85"}},
	{`rec { a1 = 1; a2 = 2; a3 = 3; a4 = 4; a5 = 5; a6 = 6; a7 = 7; a8 = 8; a9 = 9; a10 = a1 + a9 + b; }`, []string{
		"1:95: undefined variable 'b'"}},
	// The correct forms.
	{`{ a.b = 1; a.c = 2; }`, nil},
	{`{ a = { b = 1; }; a.c = 2; }`, nil},
	{`let a.b = 1; a.c = 2; in a`, nil},
	{`let a = {}; a.c = 2; in a`, nil},
	{`{ a = ({ b = 1; }); a.c = 2; }`, nil},
	{`{ a = rec { b = 1; }; a.c = 2; }`, nil},
	{`{ a.c = 2; a = { b = 1; }; }`, nil},
	{`{ a.c = 2; a = rec { b = 1; }; }`, nil},
	{`{ a = { b = 1; }; a = { c = 1; }; }`, nil},
	{`{ a = { b = 1; }; a = ({ c = 1; }); }`, nil},
	{`{ a = {}; a.c.d = 1; a.c.e = 2; }`, nil},
	{`{ a.b.c = 1; a.b = { d = 1; }; }`, nil},
	{`{ a.b = { d = 1; }; a.b.c = 1; }`, nil},
	{`{ a = { b = 1; }; a = { c = { d = 1; }; }; a.c.e = 1; }`, nil},
	{`{ ${"a"}.b = 1; a.c = 1; }`, nil},
	{`{ "a".b = 1; a.c = 1; }`, nil},
	{`x: { ${x} = 1; ${x} = 2; }`, nil},
	{`x: { ${x}.a = 1; ${x}.a = 2; }`, nil},
	{`x: { a.${x} = 1; a.${x} = 2; }`, nil},
	{`{ a = { "${"b"}" = 1; }; a.b = 2; }`, nil},
	{`{ a = 1; "${("a")}" = 2; }`, nil},
	{`x: { a = { b = 1; }; a = { ${x} = 1; }; }`, nil},
	{`{ "a\$b" = 1; "a\${b}" = 2; }`, nil},
	{`let a = 1; in let inherit a; in a`, nil},
	{`x: { a = { inherit x; }; b = { inherit x; }; }`, nil},
	{`a: rec { b = { inherit a; }; c = { inherit a; }; }`, nil},
	{`x: { inherit (x) a; b = { inherit (x) a; }; }`, nil},
	{`{ a = { b = 1; }; a = { ${u} = 1; }; }`, nil},

	// Duplicate formals.
	{`{ a, a }: a`, []string{"1:6: duplicate formal function argument 'a'"}},
	{`{ a, b, a, b }: a`, []string{
		"1:9: duplicate formal function argument 'a'",
		"1:12: duplicate formal function argument 'b'"}},
	{`{ a ? 1, a ? 2 }: a`, []string{"1:10: duplicate formal function argument 'a'"}},
	{`{ a }@a: a`, []string{"1:7: duplicate formal function argument 'a'"}},
	{`a@{ a }: a`, []string{"1:1: duplicate formal function argument 'a'"}},
	// Past smallFormals formals, names are looked up in a map.
	{`{ a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, a }: a`, []string{"1:54: duplicate formal function argument 'a'"}},
	{`{ a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q }@q: q`, []string{"1:55: duplicate formal function argument 'q'"}},
	{`{ a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q }@r: r`, nil},
	{`{ a, b }@c: a`, nil},
	{`a@{ b ? a }: b`, nil},
	{`a: { a }: a`, nil},

	// Dynamic attributes in let and inherit.
	{`let ${"a"} = 1; in a`, nil},
	{`let "a" = 1; in a`, nil},
	{"let ${''a''} = 1; in a", nil},
	{`let "${"a"}" = 1; in a`, []string{"1:5: dynamic attributes not allowed in let", "1:22: undefined variable 'a'"}},
	{`x: let ${x} = 1; in 1`, []string{"1:8: dynamic attributes not allowed in let"}},
	{`x: let ${x}.a = 1; in 1`, []string{"1:8: dynamic attributes not allowed in let"}},
	{`x: let a = 1; "${x}" = 2; in 1`, []string{"1:15: dynamic attributes not allowed in let"}},
	{`x: let a.${x} = 1; in a`, nil},
	{`x: let a."${x}" = 1; in a`, nil},
	{`let { ${"x"} = 1; body = 1; }`, nil},
	{`x: let { ${x} = 1; body = 1; }`, nil},
	{`a: { inherit "a"; }`, nil},
	{`a: { inherit ${"a"}; }`, nil},
	{`a: let inherit "a"; in a`, nil},
	{"a: { inherit ${''a''}; }", nil},
	{`{ inherit "${"a"}"; }`, []string{"1:11: dynamic attributes not allowed in inherit"}},
	{`x: { inherit ${x}; }`, []string{"1:14: dynamic attributes not allowed in inherit"}},
	{`x: let inherit ${x}; in 1`, []string{"1:16: dynamic attributes not allowed in inherit"}},
	{`x: { inherit (x) "${x}"; }`, []string{"1:18: dynamic attributes not allowed in inherit"}},

	// Undefined variables.
	{`x: y`, []string{"1:4: undefined variable 'y'"}},
	{`{ inherit a; }`, []string{"1:11: undefined variable 'a'"}},
	{`{ inherit "a b"; }`, []string{`1:11: undefined variable '"a b"'`}},
	{`{ inherit "if"; }`, []string{`1:11: undefined variable '"if"'`}},
	{`with {}; x`, nil},
	{"x:\n  y\n    z", []string{"2:3: undefined variable 'y'", "3:5: undefined variable 'z'"}},

	// Several kinds at once: Nix stops at the first, nixlint reports all.
	{`{ a = 1; a = 2; b = c; }`, []string{
		"1:10: attribute 'a' already defined at case.nix:1:3",
		"1:21: undefined variable 'c'"}},
	{`{ a, a }: let ${"x"} = b; "${a}" = 1; in { c = 1; c = 2; }`, []string{
		"1:6: duplicate formal function argument 'a'",
		"1:24: undefined variable 'b'",
		"1:27: dynamic attributes not allowed in let",
		"1:51: attribute 'c' already defined at case.nix:1:44"}},
}

func runCheck(t *testing.T, name, src string) (parser.ErrorList, parser.ErrorList) {
	t.Helper()
	fset := token.NewFileSet()
	f, syntax := parser.ParseFile(fset, name, []byte(src))
	return syntax, check.File(fset, f, nil)
}

func TestFile(t *testing.T) {
	for _, tc := range checkCases {
		t.Run(tc.src, func(t *testing.T) {
			syntax, errs := runCheck(t, "case.nix", tc.src)
			if len(syntax) > 0 {
				t.Fatalf("parse: %v", syntax)
			}
			var got []string
			for _, e := range errs {
				got = append(got, fmt.Sprintf("%d:%d: %s", e.Position.Line, e.Position.Column, e.Msg))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
			for _, e := range errs {
				if want := kindOf(e.Msg); e.Kind != want {
					t.Errorf("%s: kind %d, want %d", e.Msg, e.Kind, want)
				}
			}
		})
	}
}

func kindOf(msg string) parser.ErrorKind {
	switch {
	case strings.HasPrefix(msg, "attribute "):
		return parser.DuplicateAttr
	case strings.HasPrefix(msg, "duplicate formal"):
		return parser.DuplicateFormal
	case strings.HasPrefix(msg, "dynamic attributes"):
		return parser.DynamicAttrInLet
	case strings.HasPrefix(msg, "undefined variable"):
		return parser.UndefinedVariable
	}
	return parser.SyntaxError
}

// alreadyAt strips the location from "already defined at FILE:L:C", which
// differs between Nix and nixlint (Nix swaps the two locations when merging
// sets, and puts an inherit one column early).
var alreadyAt = regexp.MustCompile(` already defined at \S+`)

// TestFileAgreesWithNix checks, for every case, that Nix rejects the file
// exactly when File reports an error, and that Nix's error is among those
// File reports.
func TestFileAgreesWithNix(t *testing.T) {
	srcs := make([]string, len(checkCases))
	for i, tc := range checkCases {
		srcs[i] = tc.src
	}
	verdicts := testtool.NixParseAll(t, srcs)
	for i, tc := range checkCases {
		syntax, errs := runCheck(t, "case.nix", tc.src)
		if len(syntax) > 0 {
			t.Errorf("%s: parse: %v", tc.src, syntax)
			continue
		}
		v := verdicts[i]
		if v.OK != (len(errs) == 0) {
			t.Errorf("%s: Nix accepts: %v (%s); nixlint reports %d errors: %v", tc.src, v.OK, v.Msg, len(errs), errs)
			continue
		}
		if v.OK {
			continue
		}
		norm := alreadyAt.ReplaceAllString(v.Msg, " already defined")
		found := false
		for _, e := range errs {
			if alreadyAt.ReplaceAllString(e.Msg, " already defined") == norm {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: Nix says %q, nixlint does not: %v", tc.src, v.Msg, errs)
		}
	}
}
