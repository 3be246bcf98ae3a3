package language

import (
	"github.com/nixlint/nixlint/analysis"
)

// SyntaxError reports every syntax error of every file, and files that
// could not be read.
var SyntaxError = &analysis.Analyzer{
	Name:     "syntax-error",
	Severity: analysis.Error,
	Doc: `a file is not valid Nix
Nix refuses to read a file with a syntax error, so nothing that imports it
evaluates. nixlint reports every syntax error of a file (Nix stops at the
first), with Nix's own wording, and keeps analysing the rest of the file as
far as it can. A NUL byte is an error too: Nix silently stops reading the
file there. A file that cannot be read at all is reported here as well.`,
	Run: runSyntax,
	Docs: &analysis.Docs{
		Principle: "Every .nix file of the repository must parse: a module that does not parse breaks every machine that imports it.",
		Bad: `{
  services.openssh.enable = true
  networking.firewall.enable = true;
}`,
		Good: `{
  services.openssh.enable = true;
  networking.firewall.enable = true;
}`,
		Tags: []string{"language"},
	},
}

func runSyntax(pass *analysis.Pass) (any, error) {
	pass.ForEachFile(func(f *analysis.File) {
		if f.ReadErr != nil {
			pass.Reportf(f.Start(), f.Start(), "%v", f.ReadErr)
			return
		}
		for i, e := range f.Syntax {
			// Recovery can yield several errors at one position (the
			// list is sorted); report the most specific one only.
			if i > 0 && f.Syntax[i-1].Pos == e.Pos {
				continue
			}
			best := e
			for _, o := range f.Syntax[i+1:] {
				if o.Pos != e.Pos {
					break
				}
				if len(o.Msg) > len(best.Msg) {
					best = o
				}
			}
			pass.Reportf(best.Pos, best.End, "%s", best.Msg)
		}
	})
	return nil, nil
}
