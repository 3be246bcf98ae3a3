package ast

import "testing"

func TestFormatName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a", "a"},
		{"a-b'c_1", "a-b'c_1"},
		{"_x", "_x"},
		{"", `""`},
		{"if", `"if"`},   // the one keyword Nix 2.8 quotes
		{"then", "then"}, // the others it prints bare (a FIXME in Nix)
		{"1a", `"1a"`},
		{"a b", `"a b"`},
		{"a.b", `"a.b"`},
		{`q"$\`, `"q\"\$\\"`},
		{"tab\there\nnl\rcr", `"tab\there\nnl\rcr"`},
		{"é", `"é"`},
	}
	for _, tc := range tests {
		if got := FormatName(tc.in); got != tc.want {
			t.Errorf("FormatName(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
