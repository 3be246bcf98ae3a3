package parser

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// TestLexFastPathsMatchSlow checks scan's fast paths against lexSlow,
// which tries every rule of the lexer: at every token start of every
// input, both must find the same token. The inputs are lexed as code from
// end to end, strings included, so that many odd positions are tried.
func TestLexFastPathsMatchSlow(t *testing.T) {
	inputs := map[string]string{
		"dotted":      "a.b.c cfg.enable lib.mkIf x.y.z/w a.b:c a.b+c a+b a++b",
		"paths":       "a/b ./a.b a.b/c ~/x.y <a.b/c> a.b.${x} x.y/${z} _a.b/c _a.b:c",
		"uris":        "http://x.org a.b:c x+y.z:w _x:y a-b.c:d a.b.c.d.e:f",
		"keywords":    "if then else assert with let in rec inherit or orx or.a in.b",
		"numbers":     "1 1.5 .5 a.5 1e3 0.1e-2 a1.2 x.1",
		"punctuation": "{ } [ ] ( ) ; , @ ? : \" * = == != // ++ -> && || ... ${",
		"mixed":       "a'.b a-.b a_.b a-b.c-d.e/f a.b'.c x.y-z:w",
	}
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "parser", "corpus", "*.nix"))
	for _, fn := range files {
		src, err := os.ReadFile(fn)
		if err != nil {
			t.Fatal(err)
		}
		inputs[filepath.Base(fn)] = string(src)
	}
	inputs["synthetic"] = string(syntheticSource(1 << 14))
	// Random runs of names joined by the characters that decide between
	// identifiers, paths and URIs, so that the hints the fast path keeps
	// (no path or URI before some offset) meet every kind of run.
	rng := rand.New(rand.NewPCG(3, 4))
	names := []string{"a", "b9", "_c", "1", "d'", "e-f"}
	joins := []string{".", "+", "-", "_", ".", "."}
	ends := []string{":", "/", " ", "\n", ".", ":x", "/y", "${"}
	var random []byte
	for range 1 << 13 {
		for n := rng.IntN(5); n >= 0; n-- {
			random = append(random, names[rng.IntN(len(names))]...)
			if n > 0 {
				random = append(random, joins[rng.IntN(len(joins))]...)
			}
		}
		random = append(random, ends[rng.IntN(len(ends))]...)
	}
	inputs["random"] = string(random)
	for name, src := range inputs {
		t.Run(name, func(t *testing.T) {
			fast := scanner{src: []byte(src)}
			slow := scanner{src: []byte(src)}
			for {
				tok := fast.scan()
				i, fk, fn := tok.off, tok.kind, tok.end-tok.off
				if fk == tEOF {
					return
				}
				sk, sn := slow.lexSlow(i)
				if fk != sk || fn != sn {
					t.Fatalf("at offset %d (%.20q): fast path %v %d bytes, all rules %v %d bytes", i, src[i:], fk, fn, sk, sn)
				}
			}
		})
	}
}

// TestPeekKeepsComments checks that a token the parser peeked at and then
// scanned again (replayed from the scanner's cache) keeps the comments
// before it exactly once.
func TestPeekKeepsComments(t *testing.T) {
	tests := []struct {
		src  string
		want []string
	}{
		{"x # c\n: x", []string{"# c"}},
		{"x /* a */ @ /* b */ { y }: y", []string{"/* a */", "/* b */"}},
		{"{ /* a */ b /* c */, d }: b", []string{"/* a */", "/* c */"}},
		{"{ /* a */ } /* b */ : 1", []string{"/* a */", "/* b */"}},
		{"{ # a\n b = 1; }", []string{"# a"}},
		{"f /* a */ x", []string{"/* a */"}},
		{"let /* a */ { body = 1; }", []string{"/* a */"}},
	}
	for _, tt := range tests {
		f, errs := parseString(tt.src)
		if len(errs) > 0 {
			t.Errorf("%q: %v", tt.src, errs)
			continue
		}
		var got []string
		for _, c := range f.Comments {
			got = append(got, c.Text)
		}
		if len(got) != len(tt.want) {
			t.Errorf("%q: comments %q, want %q", tt.src, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%q: comments %q, want %q", tt.src, got, tt.want)
				break
			}
		}
	}
}

// TestStringEscFlag checks that the scanner flags every STR token of a
// "string" that unescape would change: the parser skips unescape for the
// others.
func TestStringEscFlag(t *testing.T) {
	inputs := []string{
		`"abc"`, `"a\nb"`, `"a\\"`, "\"a\rb\"", "\"a\r\nb\"", "\"$\r\"", "\"$\\\r\"",
		`"$a$\\b"`, "\"x$\"", `"${a}b\${c}"`, "\"a\\", "\"a$", "\"a$\\", "\"\\\r$x\r\"",
	}
	for _, in := range inputs {
		s := scanner{src: []byte(in), off: 1}
		for {
			tok := s.scanString()
			if tok.kind != tSTR {
				if tok.kind == tDOLLAR_CURLY {
					// Skip to the interpolation's end.
					k := bytes.IndexByte(s.src[s.off:], '}')
					if k < 0 {
						break
					}
					s.off += k + 1
					continue
				}
				break
			}
			text := in[tok.off:tok.end]
			if !tok.flag && unescape(text) != text {
				t.Errorf("%q: STR %q not flagged, but unescape changes it", in, text)
			}
		}
	}
}

// TestMayBeLambda checks mayBeLambda, which looks at the bytes after an
// identifier, against the token that follows it: when it reports false,
// that token is neither ':' nor '@'.
func TestMayBeLambda(t *testing.T) {
	inputs := []string{
		"x: x", "x : x", "x\n:\nx", "x @ { }: x", "x@{ }: x", "x # c\n: x", "x /* c */ : x", "x /* c */ @ { }: x",
		"x", "x ", "x;", "f x y", "x // y", "x / y", "x/y", "x.y", "x:y", "x ? y", "x == y", "x /* c", "x #",
	}
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "parser", "*", "*.nix"))
	for _, fn := range files {
		src, err := os.ReadFile(fn)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(src))
	}
	decided := 0
	for _, src := range inputs {
		p := new(parser)
		p.reset()
		p.s = scanner{src: []byte(src)}
		for p.next(); p.tok.kind != tEOF; p.next() {
			if p.tok.kind != tID || p.mayBeLambda() {
				continue
			}
			decided++
			if k := p.s.peek().kind; k == tCOLON || k == tAT {
				t.Errorf("%.40q at offset %d: mayBeLambda false, but %v follows", src[p.tok.off:], p.tok.off, k)
			}
		}
	}
	if decided == 0 {
		t.Error("mayBeLambda decided nothing")
	}
}

// TestStrSpecialMask checks strSpecialMask against strSpecial: the lowest
// flagged byte of a word is its first special byte. The words mix the
// special bytes with their neighbours, and with bytes whose high bit is
// set, which the mask arithmetic borrows from and carries into.
func TestStrSpecialMask(t *testing.T) {
	alphabet := []byte{'"', '\\', '$', '\r', '!', '#', '[', ']', '#', '%', '\f', '\x0e', 0, 1, 0x7f, 0x80, 0xa2, 0xdc, 0xff, 'a'}
	rng := rand.New(rand.NewPCG(5, 6))
	var w [8]byte
	for trial := 0; trial < 200000; trial++ {
		for k := range w {
			w[k] = alphabet[rng.IntN(len(alphabet))]
			if rng.IntN(3) == 0 {
				w[k] = 'a'
			}
		}
		want := 8
		for k, c := range w {
			if strSpecial[c] {
				want = k
				break
			}
		}
		got := 8
		if m := strSpecialMask(binary.LittleEndian.Uint64(w[:])); m != 0 {
			got = bits.TrailingZeros64(m) >> 3
		}
		if got != want {
			t.Fatalf("strSpecialMask(%q): first special byte at %d, want %d", w, got, want)
		}
	}
}
