package report

import "testing"

func TestUTF16Column(t *testing.T) {
	tests := []struct {
		line string
		col  int
		want int
	}{
		{"abc", 1, 1},
		{"abc", 0, 1},
		{"abc", -5, 1},
		{"abc", 3, 3},
		{"abc", 4, 4},   // just past the end
		{"abc", 10, 10}, // far past the end: one unit per byte
		{"é=x", 4, 3},   // é: 2 bytes, 1 unit
		{"日本=x", 8, 4},  // CJK: 3 bytes, 1 unit each
		{"😀=x", 5, 3},   // emoji: 4 bytes, a surrogate pair
		{"😀😀x", 9, 5},
		{"日x", 2, 2},        // inside 日: the character counts whole
		{"\xff\xfex", 3, 3}, // invalid bytes: 1 unit each
		{"", 3, 3},
	}
	for _, tt := range tests {
		if got := utf16Column(tt.line, tt.col); got != tt.want {
			t.Errorf("utf16Column(%q, %d) = %d, want %d", tt.line, tt.col, got, tt.want)
		}
	}
}

func TestRuneColumn(t *testing.T) {
	tests := []struct {
		line string
		col  int
		want int
	}{
		{"abc", 1, 0},
		{"abc", 3, 2},
		{"😀=x", 5, 1},
		{"日本=x", 8, 3},
		{"ab", 6, 5},
	}
	for _, tt := range tests {
		if got := runeColumn(tt.line, tt.col); got != tt.want {
			t.Errorf("runeColumn(%q, %d) = %d, want %d", tt.line, tt.col, got, tt.want)
		}
	}
}

func TestSpanOf(t *testing.T) {
	tests := []struct {
		f    Finding
		want span
	}{
		{Finding{Line: 2, Column: 3, EndLine: 2, EndColumn: 9}, span{2, 3, 2, 9}},
		{Finding{Line: 2, Column: 3, EndLine: 5, EndColumn: 1}, span{2, 3, 5, 1}},
		{Finding{}, span{1, 1, 1, 1}},
		{Finding{Line: 4, Column: 7}, span{4, 7, 4, 7}},                           // no end: empty range
		{Finding{Line: 4, Column: 7, EndLine: 4, EndColumn: 2}, span{4, 7, 4, 7}}, // end before start
		{Finding{Line: 4, Column: 7, EndLine: 3, EndColumn: 9}, span{4, 7, 4, 9}}, // end line before start
		{Finding{Line: 4, Column: 7, EndLine: 6, EndColumn: 0}, span{4, 7, 6, 1}},
	}
	for _, tt := range tests {
		if got := spanOf(&tt.f); got != tt.want {
			t.Errorf("spanOf(%+v) = %+v, want %+v", tt.f, got, tt.want)
		}
	}
}

func TestRelativeURI(t *testing.T) {
	tests := []struct{ in, want string }{
		{"hosts/a.nix", "hosts/a.nix"},
		{"my host/a b.nix", "my%20host/a%20b.nix"},
		{"a:b.nix", "a%3Ab.nix"}, // would otherwise read as scheme "a"
		{"x#y?z%w.nix", "x%23y%3Fz%25w.nix"},
		{"ünï/日.nix", "%C3%BCn%C3%AF/%E6%97%A5.nix"},
		{"new\nline.nix", "new%0Aline.nix"},
		{"back\\slash", "back%5Cslash"},
		{"~user/_-.nix", "~user/_-.nix"},
	}
	for _, tt := range tests {
		if got := relativeURI(tt.in); got != tt.want {
			t.Errorf("relativeURI(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got, want := fileURI("/work/home lab"), "file:///work/home%20lab/"; got != want {
		t.Errorf("fileURI = %q, want %q", got, want)
	}
}

func TestTruncateUTF16(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"abcdefghijk", 10, "abcdefghi…"},
		{"abcdefgh😀x", 10, "abcdefgh…"}, // the pair would need units 9-10
		{"\xffabc", 10, "\uFFFDabc"},
	}
	for _, tt := range tests {
		got := truncateUTF16(tt.in, tt.n)
		if got != tt.want {
			t.Errorf("truncateUTF16(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
		if utf16Len(got) > tt.n {
			t.Errorf("truncateUTF16(%q, %d) is %d units long", tt.in, tt.n, utf16Len(got))
		}
	}
}

func TestPascalCase(t *testing.T) {
	for in, want := range map[string]string{
		"module-self-enable": "ModuleSelfEnable",
		"syntax-error":       "SyntaxError",
		"x":                  "X",
		"":                   "",
	} {
		if got := pascalCase(in); got != want {
			t.Errorf("pascalCase(%q) = %q, want %q", in, got, want)
		}
	}
}
