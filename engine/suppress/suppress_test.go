package suppress_test

import (
	"go/token"
	"reflect"
	"testing"

	"github.com/nixlint/nixlint/engine/suppress"
	"github.com/nixlint/nixlint/parser"
)

func TestParse(t *testing.T) {
	tests := []struct {
		src  string
		want []suppress.Directive // Kind, Rules, Reason, Line, Target, Bad
	}{
		{"{\n  a = 1; # nixlint:ignore x-y -- why\n}\n",
			[]suppress.Directive{{Kind: suppress.Line, Rules: []string{"x-y"}, Reason: "why", Line: 2, Target: 2}}},
		{"{\n  # nixlint:ignore a,b c\n\n  # other\n  a = 1;\n}\n",
			[]suppress.Directive{{Kind: suppress.Line, Rules: []string{"a", "b", "c"}, Line: 2, Target: 5}}},
		{"# nixlint:ignore-file r -- generated\n{ }\n",
			[]suppress.Directive{{Kind: suppress.File, Rules: []string{"r"}, Reason: "generated", Line: 1}}},
		{"{ a = /* nixlint:ignore r -- inline */ 1; }\n",
			[]suppress.Directive{{Kind: suppress.Line, Rules: []string{"r"}, Reason: "inline", Line: 1, Target: 1}}},
		{"{ a = 1; } # nixlint:ignore\n",
			[]suppress.Directive{{Kind: suppress.Line, Line: 1, Target: 1, Bad: "suppression names no rule (write nixlint:ignore RULE -- reason)"}}},
		{"{ a = 1; } # nixlint:disable r\n",
			[]suppress.Directive{{Kind: suppress.Line, Line: 1, Target: 1, Bad: "unknown directive nixlint:disable (want nixlint:ignore or nixlint:ignore-file)"}}},
		{"{ a = \"# nixlint:ignore r\"; } # just a comment\n", nil},
		{"{ }\n# nixlint:ignore r -- nothing follows\n",
			[]suppress.Directive{{Kind: suppress.Line, Rules: []string{"r"}, Reason: "nothing follows", Line: 2, Target: 0}}},
	}
	for _, tt := range tests {
		fset := token.NewFileSet()
		f, _ := parser.ParseFile(fset, "x.nix", []byte(tt.src))
		var got []suppress.Directive
		for _, d := range suppress.Parse(f, []byte(tt.src)) {
			got = append(got, suppress.Directive{Kind: d.Kind, Rules: d.Rules, Reason: d.Reason, Line: d.Line, Target: d.Target, Bad: d.Bad})
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Parse(%q):\n got %+v\nwant %+v", tt.src, got, tt.want)
		}
	}
}
