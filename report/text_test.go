package report

import (
	"bytes"
	"strings"
	"testing"
)

func TestSnippet(t *testing.T) {
	tests := []struct {
		name        string
		f           Finding
		src, carets string
		ok          bool
	}{
		{
			name: "ascii span",
			f:    Finding{Line: 1, Column: 3, EndLine: 1, EndColumn: 6, LineText: "a = foo;"},
			src:  "a = foo;", carets: "  ^~~", ok: true,
		},
		{
			name: "tabs are copied",
			f:    Finding{Line: 1, Column: 7, EndLine: 1, EndColumn: 10, LineText: "\tx =\t\tfoo;"},
			src:  "\tx =\t\tfoo;", carets: "\t   \t\t^~~", ok: true,
		},
		{
			name: "multi-byte UTF-8 counts runes",
			// "é" is 2 bytes, "日本" 6, "😀" 4: "bad" is bytes 21-23,
			// column 22, the 14th character.
			f:   Finding{Line: 1, Column: 22, EndLine: 1, EndColumn: 25, LineText: "é 日本 😀 x = y bad;"},
			src: "é 日本 😀 x = y bad;", carets: "             ^~~", ok: true,
		},
		{
			name: "multi-line span underlined to the end of its first line",
			f:    Finding{Line: 2, Column: 5, EndLine: 4, EndColumn: 2, LineText: "x = {"},
			src:  "x = {", carets: "    ^", ok: true,
		},
		{
			name: "multi-line span from mid-line",
			f:    Finding{Line: 2, Column: 1, EndLine: 3, EndColumn: 2, LineText: "let a"},
			src:  "let a", carets: "^~~~~", ok: true,
		},
		{
			name: "span past the line end",
			f:    Finding{Line: 1, Column: 3, EndLine: 1, EndColumn: 40, LineText: "abcd"},
			src:  "abcd", carets: "  ^~", ok: true,
		},
		{
			name: "start just past the line end",
			f:    Finding{Line: 1, Column: 5, EndLine: 1, EndColumn: 6, LineText: "abcd"},
			src:  "abcd", carets: "    ^", ok: true,
		},
		{
			name: "start far past the line end",
			f:    Finding{Line: 1, Column: 50, EndLine: 1, EndColumn: 60, LineText: "ab"},
			src:  "ab", carets: "  ^", ok: true,
		},
		{
			name: "empty span gets one caret",
			f:    Finding{Line: 1, Column: 2, EndLine: 1, EndColumn: 2, LineText: "abc"},
			src:  "abc", carets: " ^", ok: true,
		},
		{
			name: "missing end and column",
			f:    Finding{Line: 1, LineText: "abc"},
			src:  "abc", carets: "^", ok: true,
		},
		{
			name: "control characters and invalid bytes shown as U+FFFD",
			f:    Finding{Line: 1, Column: 5, EndLine: 1, EndColumn: 6, LineText: "\x1b[\xffx!"},
			src:  "\uFFFD[\uFFFDx!", carets: "    ^", ok: true,
		},
		{
			name: "bidi controls shown as U+FFFD",
			f:    Finding{Line: 1, Column: 5, EndLine: 1, EndColumn: 6, LineText: "a\u202eb\u2066c"},
			src:  "a\uFFFDb\uFFFDc", carets: "  ^", ok: true, // column 5 is "b"
		},
		{
			name: "CRLF line ending dropped",
			f:    Finding{Line: 1, Column: 1, EndLine: 1, EndColumn: 9, LineText: "abc\r"},
			src:  "abc", carets: "^~~", ok: true,
		},
		{
			name: "empty LineText shows nothing",
			f:    Finding{Line: 1, Column: 1, EndLine: 1, EndColumn: 2},
			ok:   false,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, carets, ok := snippet(&tt.f)
			if ok != tt.ok || src != tt.src || carets != tt.carets {
				t.Errorf("snippet() =\n%q\n%q %v\nwant\n%q\n%q %v", src, carets, ok, tt.src, tt.carets, tt.ok)
			}
		})
	}
}

func TestSnippetLongLine(t *testing.T) {
	line := strings.Repeat("a", 1000) + "BAD" + strings.Repeat("b", 5000)
	f := Finding{Line: 1, Column: 1001, EndLine: 1, EndColumn: 1004, LineText: line}
	src, carets, ok := snippet(&f)
	if !ok {
		t.Fatal("no snippet")
	}
	wantSrc := "…" + strings.Repeat("a", snippetBefore) + "BAD" + strings.Repeat("b", maxSnippet-snippetBefore-3) + "…"
	wantCarets := strings.Repeat(" ", 1+snippetBefore) + "^~~"
	if src != wantSrc || carets != wantCarets {
		t.Errorf("snippet() =\n%q\n%q\nwant\n%q\n%q", src, carets, wantSrc, wantCarets)
	}
}

func TestTextFormat(t *testing.T) {
	res := &Result{
		Findings: []Finding{
			{Rule: "duplicate-attr", Severity: "error", File: "hosts/a.nix", Line: 3, Column: 3, EndLine: 3, EndColumn: 7, Message: "attribute \"name\" already defined", LineText: "  name = 2;", Fix: "remove one definition"},
			{Rule: "module-self-enable", Severity: "warning", File: "modules/x.nix", Line: 1, Column: 1, EndLine: 1, EndColumn: 2, Message: "hidden", LineText: "x", Suppressed: true, Reason: "r"},
			{Rule: "undefined-variable", Severity: "note", File: "evil\nname.nix", Line: 2, Column: 1, EndLine: 4, EndColumn: 1, Message: "bad\x1b[31m\tthing", LineText: "\tfoo {"},
			{Rule: "x", Severity: "bogus", File: "f.nix", Line: 0, Column: 0, Message: "no text", Fix: "line one\nline two\n"},
		},
		Summary: Summary{Files: 3, Errors: 1, Warnings: 1, Notes: 1, Suppressed: 1},
	}
	want := `hosts/a.nix:3:3: error: attribute "name" already defined [duplicate-attr]
      name = 2;
      ^~~~
    fix: remove one definition
evil\nname.nix:2:1: note: bad\x1b[31m\tthing [undefined-variable]
    	foo {
    ^~~~~~
f.nix:1:1: warning: no text [x]
    fix: line one
         line two

1 error, 1 warning, 1 note (1 suppressed) in 3 files
`
	var buf bytes.Buffer
	if err := Write(&buf, "text", res, Options{}); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != want {
		t.Errorf("text output:\n%s\nwant:\n%s\n(quoted: %q)", got, want, got)
	}
}

func TestTextColor(t *testing.T) {
	res := &Result{
		Findings: []Finding{
			{Rule: "r", Severity: "error", File: "a.nix", Line: 1, Column: 1, EndLine: 1, EndColumn: 2, Message: "m", LineText: "x", Fix: "f"},
			{Rule: "r", Severity: "warning", File: "a.nix", Line: 2, Column: 1, Message: "w"},
			{Rule: "r", Severity: "note", File: "a.nix", Line: 3, Column: 1, Message: "n"},
		},
		Summary: Summary{Files: 1, Errors: 1, Warnings: 1, Notes: 1},
	}
	want := "\x1b[1ma.nix:1:1:\x1b[22m \x1b[31;1merror:\x1b[0;22m m \x1b[2m[r]\x1b[22m\n" +
		"    x\n" +
		"    \x1b[32;1m^\x1b[0;22m\n" +
		"    \x1b[32mfix:\x1b[0m f\n" +
		"\x1b[1ma.nix:2:1:\x1b[22m \x1b[33;1mwarning:\x1b[0;22m w \x1b[2m[r]\x1b[22m\n" +
		"\x1b[1ma.nix:3:1:\x1b[22m \x1b[36;1mnote:\x1b[0;22m n \x1b[2m[r]\x1b[22m\n" +
		"\n" +
		"\x1b[1m1 error, 1 warning, 1 note in 1 file\x1b[22m\n"
	var buf bytes.Buffer
	if err := Write(&buf, "text", res, Options{Color: true}); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != want {
		t.Errorf("coloured text output:\n%q\nwant:\n%q", got, want)
	}

	buf.Reset()
	if err := Write(&buf, "text", res, Options{Color: false}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "\x1b") {
		t.Errorf("colour off but output has escape sequences:\n%q", buf.String())
	}
}

func TestSummaryLine(t *testing.T) {
	tests := []struct {
		s    Summary
		want string
	}{
		{Summary{}, "0 errors, 0 warnings, 0 notes in 0 files"},
		{Summary{Files: 1, Errors: 1, Warnings: 1, Notes: 1}, "1 error, 1 warning, 1 note in 1 file"},
		{Summary{Files: 9, Errors: 2, Warnings: 3, Notes: 4, Suppressed: 5, Skipped: 2, Internal: 1}, "2 errors, 3 warnings, 4 notes (5 suppressed) in 9 files, 2 skipped; 1 internal error"},
		{Summary{Files: 2, Internal: 3}, "0 errors, 0 warnings, 0 notes in 2 files; 3 internal errors"},
	}
	for _, tt := range tests {
		if got := summaryLine(&tt.s); got != tt.want {
			t.Errorf("summaryLine(%+v) = %q, want %q", tt.s, got, tt.want)
		}
	}
}
