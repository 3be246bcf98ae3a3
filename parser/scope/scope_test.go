package scope_test

import (
	"fmt"
	"github.com/nixlint/nixlint/internal/testtool"
	"go/token"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/ast"
	"github.com/nixlint/nixlint/parser/scope"
)

// A resolution case lists where references resolve, as "NAME#I=TARGET":
// the I-th occurrence (from 1) of the word NAME in the source resolves to
// TARGET, which is one of
//
//	KIND#J     a let, rec, param or formal binding defined at the J-th occurrence of NAME
//	with#J     the with binding of the J-th `with` keyword
//	builtin    the base scope
//	undefined  nothing: listed in Info.Undefined
//	none       nothing, and not reported either (code Nix drops)
//
// Every undefined reference of a case must be listed.
var resolveCases = []struct {
	src  string
	want []string
}{
	// let
	{`let x = 1; in x`, []string{"x#2=let#1"}},
	{`let x = y; y = 1; in x`, []string{"y#1=let#2", "x#2=let#1"}},
	{`let f = x: y; y = 1; in f`, []string{"y#1=let#2", "x#1=none"}},
	{`let a.b = 1; a.c = a; in a`, []string{"a#3=let#1", "a#4=let#1"}},
	{`let a = 1; in let inherit a; in a`, []string{"a#2=let#1", "a#3=let#2"}},
	{`let inherit a; in 1`, []string{"a#1=undefined"}},
	{`let a = 1; inherit (a) b; in b`, []string{"a#2=let#1", "b#2=let#1"}},
	{`let s = { x = 1; }; inherit (s) x y; in x`, []string{"s#2=let#1", "x#3=let#2"}},
	{`let true = 1; in true`, []string{"true#2=let#1"}},
	{`let map = 1; in with {}; map`, []string{"map#2=let#1"}},
	{`let x = 1; in let x = 2; in x`, []string{"x#3=let#2"}},
	{`let inherit (x) a b; x = { }; in [ a b ]`, []string{"x#1=let#2", "a#2=let#1", "b#2=let#1"}},
	{`let y = 1; in let inherit y; inherit (z) w; z = { w = y; }; in w`, []string{"y#2=let#1", "z#1=let#2", "y#3=let#2", "w#3=let#1"}},
	// legacy let
	{`let { body = a; a = 1; }`, []string{"a#1=let#2"}},
	{`let { inherit a; body = 1; }`, []string{"a#1=undefined"}},
	{`let { body = body; }`, []string{"body#2=let#1"}},
	// rec and plain sets
	{`rec { a = 1; b = a; }`, []string{"a#2=rec#1"}},
	{`rec { a = 1; b = { c = a; }; }`, []string{"a#2=rec#1"}},
	{`{ a = 1; b = a; }`, []string{"a#2=undefined"}},
	{`{ a = 1; b = rec { c = a; }; }`, []string{"a#2=undefined"}},
	{`let a = 1; in rec { inherit a; b = a; }`, []string{"a#2=let#1", "a#3=rec#2"}},
	{`let a = 1; in { inherit a; }`, []string{"a#2=let#1"}},
	{`rec { inherit a; }`, []string{"a#1=undefined"}},
	{`rec { a.b = c; c = 1; }`, []string{"c#1=rec#2"}},
	{`rec { inherit (a) b; a = { b = 1; }; }`, []string{"a#1=rec#2"}},
	{`rec { inherit (s) a; s = { a = 1; }; b = a; }`, []string{"s#1=rec#2", "a#3=rec#1"}},
	{`let x = 1; in { a.b = x; c.d.e = { f = x; }; inherit x; }`, []string{"x#2=let#1", "x#3=let#1", "x#4=let#1"}},
	{`let x = 1; in { a.b = x; a.c = x; }`, []string{"x#2=let#1", "x#3=let#1"}},
	{`rec { a = "n"; ${a} = a; }`, []string{"a#2=rec#1", "a#3=rec#1"}},
	{`{ ${a} = 1; }`, []string{"a#1=undefined"}},
	{`x: { "${x}" = 1; "y${x}".z = x; }`, []string{"x#2=param#1", "x#3=param#1", "x#4=param#1"}},
	// Nix's merging of sets decides scopes.
	{`{ a = rec { b = 1; }; a.c = b; }`, []string{"b#2=rec#1"}},
	{`{ a = rec { b = 1; }; a = { c = b; }; }`, []string{"b#2=rec#1"}},
	{`let a = rec { b = 1; }; a.c = b; in a`, []string{"b#2=rec#1", "a#3=let#1"}},
	{`{ a = rec { b = 1; }; a.c = 2; a = { d = c; }; }`, []string{"c#2=rec#1"}},
	{`{ a = { b = 1; }; a = rec { c = 1; d = c; }; }`, []string{"c#2=undefined"}},
	{`{ a.b = 1; a = rec { c = 1; d = c; }; }`, []string{"c#2=undefined"}},
	{`{ a = { b = 1; }; a = { ${u} = 1; }; }`, []string{"u#1=none"}},
	{`{ a = { b = 1; }; a = { c = u; }; }`, []string{"u#1=undefined"}},
	// lambdas
	{`x: x`, []string{"x#2=param#1"}},
	{`x: x: x`, []string{"x#3=param#2"}},
	{`{ a, b ? a }: b`, []string{"a#2=formal#1", "b#2=formal#1"}},
	{`{ a ? b, b ? a }: a`, []string{"b#1=formal#2", "a#2=formal#1", "a#3=formal#1"}},
	{`args@{ a ? args }: a`, []string{"args#2=param#1", "a#2=formal#1"}},
	{`{ a ? args, ... }@args: a`, []string{"args#1=param#2", "a#2=formal#1"}},
	{`x: { a = x; }`, []string{"x#2=param#1"}},
	{`a@{ b }: c`, []string{"c#1=undefined"}},
	// with
	{`with {}; x`, []string{"x#1=with#1"}},
	{`x: with {}; x`, []string{"x#2=param#1"}},
	{`with {}; with {}; y`, []string{"y#1=with#2"}},
	{`with x; y`, []string{"x#1=undefined", "y#1=with#1"}},
	{`with {}; let y = z; in y`, []string{"z#1=with#1", "y#2=let#1"}},
	{`with { true = 1; }; true`, []string{"true#2=builtin"}},
	{`(with {}; x) + y`, []string{"x#1=with#1", "y#1=undefined"}},
	{`with {}; { inherit x; }`, []string{"x#1=with#1"}},
	{`with {}; rec { inherit x; y = x; }`, []string{"x#1=with#1", "x#2=rec#1"}},
	// builtins
	{`__typeOf 1`, []string{"__typeOf#1=builtin"}},
	{`typeOf 1`, []string{"typeOf#1=undefined"}},
	{`map toString [ builtins true false null ]`, []string{"map#1=builtin", "toString#1=builtin", "builtins#1=builtin", "true#1=builtin", "null#1=builtin"}},
	{`fetchTree`, []string{"fetchTree#1=builtin"}},
	{`__curPos`, []string{"__curPos#1=builtin"}},
	{`let __curPos = 1; in __curPos`, []string{"__curPos#2=builtin"}},
	{`let __curPos = 1; in { inherit __curPos; }`, []string{"__curPos#2=let#1"}},
	{`{ inherit __curPos; }`, []string{"__curPos#1=undefined"}},
	{`with {}; { inherit __curPos; }`, []string{"__curPos#1=with#1"}},
	{`{ or = 1; }.or`, []string{"or#1=none", "or#2=none"}},
	{`x: { inherit (x) or; }`, []string{"x#2=param#1", "or#1=none"}},
	{`__currentSystem`, []string{"__currentSystem#1=builtin"}},
	{`currentSystem`, []string{"currentSystem#1=undefined"}},
	// every expression form holds references; attribute names do not
	{`x: x.y.z`, []string{"x#2=param#1", "y#1=none", "z#1=none"}},
	{`x: x ? y`, []string{"x#2=param#1", "y#1=none"}},
	{`x: x.${y}`, []string{"y#1=undefined"}},
	{`x: x ? ${y}`, []string{"y#1=undefined"}},
	{`x: x.y or z`, []string{"z#1=undefined"}},
	{`x: x.y or x`, []string{"x#3=param#1"}},
	{`x: "${x} ${y}"`, []string{"x#2=param#1", "y#1=undefined"}},
	{"x: ''${x} ${y}''", []string{"x#2=param#1", "y#1=undefined"}},
	{`x: ./a/${x}`, []string{"x#2=param#1"}},
	{`assert a; b`, []string{"a#1=undefined", "b#1=undefined"}},
	{`if a then b else c`, []string{"a#1=undefined", "b#1=undefined", "c#1=undefined"}},
	{`[ a (b c) ]`, []string{"a#1=undefined", "b#1=undefined", "c#1=undefined"}},
	{`!a || - b < c // d ++ e`, []string{"a#1=undefined", "b#1=undefined", "c#1=undefined", "d#1=undefined", "e#1=undefined"}},
	{`x: x -> x`, []string{"x#2=param#1", "x#3=param#1"}},
}

var wantRE = regexp.MustCompile(`^([^#]+)#(\d+)=(\w+)(?:#(\d+))?$`)

func TestResolve(t *testing.T) {
	for _, tc := range resolveCases {
		t.Run(tc.src, func(t *testing.T) {
			fset := token.NewFileSet()
			f, errs := parser.ParseFile(fset, "case.nix", []byte(tc.src))
			if len(errs) > 0 {
				t.Fatalf("parse: %v", errs)
			}
			info := scope.Resolve(f)
			base := f.Tok.Base()
			wantUndef := map[token.Pos]bool{}
			for _, w := range tc.want {
				m := wantRE.FindStringSubmatch(w)
				if m == nil {
					t.Fatalf("bad expectation %q", w)
				}
				name, target := m[1], m[3]
				i, _ := strconv.Atoi(m[2])
				pos := token.Pos(base + nth(t, tc.src, name, i))
				id := identAt(info, pos)
				b := info.Refs[id]
				got := describe(tc.src, base, b)
				switch target {
				case "undefined":
					wantUndef[pos] = true
					if b != nil || !undefinedAt(info, pos) {
						t.Errorf("%s: got %s, want undefined", w, got)
					}
					continue
				case "none":
					if b != nil || undefinedAt(info, pos) {
						t.Errorf("%s: got %s (undefined: %v), want no binding", w, got, undefinedAt(info, pos))
					}
					continue
				}
				want := target
				if m[4] != "" {
					want += "#" + m[4]
				}
				if got != want {
					t.Errorf("%s: resolves to %s, want %s", w, got, want)
				}
				if b != nil && !containsIdent(b.Uses, id) {
					t.Errorf("%s: reference missing from the binding's Uses", w)
				}
			}
			for _, id := range info.Undefined {
				if !wantUndef[id.Pos()] {
					t.Errorf("unexpected undefined %q at %s", id.Name, fset.Position(id.Pos()))
				}
			}
		})
	}
}

// TestResolveAgreesWithNix checks that a case is rejected by Nix exactly
// when the resolver finds an undefined variable.
func TestResolveAgreesWithNix(t *testing.T) {
	srcs := make([]string, len(resolveCases))
	for i, tc := range resolveCases {
		srcs[i] = tc.src
	}
	verdicts := testtool.NixParseAll(t, srcs)
	for i, tc := range resolveCases {
		fset := token.NewFileSet()
		f, errs := parser.ParseFile(fset, "case.nix", []byte(tc.src))
		if len(errs) > 0 {
			t.Errorf("%s: parse: %v", tc.src, errs)
			continue
		}
		info := scope.Resolve(f)
		v := verdicts[i]
		switch {
		case v.OK && len(info.Undefined) > 0:
			t.Errorf("%s: Nix accepts it, the resolver finds %q undefined", tc.src, info.Undefined[0].Name)
		case !v.OK && len(info.Undefined) == 0:
			t.Errorf("%s: Nix rejects it (%s), the resolver finds nothing undefined", tc.src, v.Msg)
		case !v.OK && !strings.HasPrefix(v.Msg, "undefined variable"):
			t.Errorf("%s: Nix says %q, want an undefined variable", tc.src, v.Msg)
		}
	}
}

// nth returns the offset of the i-th whole-word occurrence of name in src.
func nth(t *testing.T, src, name string, i int) int {
	t.Helper()
	re := regexp.MustCompile(`(^|[^A-Za-z0-9_'-])(` + regexp.QuoteMeta(name) + `)($|[^A-Za-z0-9_'-])`)
	n := 0
	for off := 0; off <= len(src); {
		loc := re.FindStringSubmatchIndex(src[off:])
		if loc == nil {
			break
		}
		n++
		if n == i {
			return off + loc[4]
		}
		off += loc[5]
	}
	t.Fatalf("%q has no occurrence %d of %q", src, i, name)
	return 0
}

// identAt finds the reference at pos among the resolved and undefined ones.
func identAt(info *scope.Info, pos token.Pos) *ast.Ident {
	for id := range info.Refs {
		if id.Pos() == pos {
			return id
		}
	}
	return nil
}

func undefinedAt(info *scope.Info, pos token.Pos) bool {
	for _, id := range info.Undefined {
		if id.Pos() == pos {
			return true
		}
	}
	return false
}

func containsIdent(ids []*ast.Ident, id *ast.Ident) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// describe renders a binding in the notation of resolveCases.
func describe(src string, base int, b *scope.Binding) string {
	if b == nil {
		return "nothing"
	}
	switch b.Kind {
	case scope.Builtin:
		return "builtin"
	case scope.With:
		return fmt.Sprintf("with#%d", occurrence(src, "with", int(b.With.Pos())-base))
	}
	return fmt.Sprintf("%s#%d", b.Kind, occurrence(src, b.Name, int(b.Def.Pos())-base))
}

// occurrence returns which whole-word occurrence of name starts at off.
func occurrence(src, name string, off int) int {
	re := regexp.MustCompile(`(^|[^A-Za-z0-9_'-])(` + regexp.QuoteMeta(name) + `)($|[^A-Za-z0-9_'-])`)
	n := 0
	for o := 0; o <= len(src); {
		loc := re.FindStringSubmatchIndex(src[o:])
		if loc == nil {
			break
		}
		n++
		if o+loc[4] == off {
			return n
		}
		o += loc[5]
	}
	return -1
}

var _ = sort.Strings
