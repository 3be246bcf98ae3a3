package language

import (
	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/parser"
)

// UndefinedVariable reports variables bound nowhere outside every with.
var UndefinedVariable = &analysis.Analyzer{
	Name:     "undefined-variable",
	Severity: analysis.Error,
	Doc: `a variable is bound nowhere
Nix rejects a file that refers to a variable that no let, function
argument, rec set or builtin binds, unless the reference is inside a
"with" (whose attributes are only known when it is evaluated). A typo in a
name, or a module argument missing from the function's formals, is the
usual cause: add the argument ("{ config, lib, pkgs, ... }:") or fix the
name.`,
	Requires: []*analysis.Analyzer{Checks},
	Run: func(pass *analysis.Pass) (any, error) {
		reportKinds(pass, parser.UndefinedVariable)
		return nil, nil
	},
	Docs: &analysis.Docs{
		Principle: "Every .nix file must be accepted by Nix: Nix rejects undefined variables at parse time.",
		Bad: `{ config, ... }:
{
  environment.systemPackages = [ pkgs.htop ];
}`,
		Good: `{ config, pkgs, ... }:
{
  environment.systemPackages = [ pkgs.htop ];
}`,
		Tags: []string{"language"},
	},
}
