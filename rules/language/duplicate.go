package language

import (
	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/parser"
)

// DuplicateAttr reports what Nix rejects as defined twice: attributes
// (also through dotted paths and inherit), lambda formals and let bindings,
// and dynamic attributes where Nix forbids them (let, inherit).
var DuplicateAttr = &analysis.Analyzer{
	Name:     "duplicate-attr",
	Severity: analysis.Error,
	Doc: `an attribute, formal or let binding is defined twice
Nix rejects the whole file when an attribute set defines a name twice,
including through a dotted path ("a.b = 1; a = { b = 2; };") or inherit,
when a function's formals repeat a name, when a let block binds a name
twice, or when let or inherit use a dynamic name ("${x}"). Merge the two
definitions into one, or rename one of them.`,
	Requires: []*analysis.Analyzer{Checks},
	Run: func(pass *analysis.Pass) (any, error) {
		reportKinds(pass, parser.DuplicateAttr, parser.DuplicateFormal, parser.DynamicAttrInLet)
		return nil, nil
	},
	Docs: &analysis.Docs{
		Principle: "Every .nix file must be accepted by Nix: Nix rejects duplicate definitions at parse time.",
		Bad: `{
  services.nginx.enable = true;
  services.nginx = { enable = true; };
}`,
		Good: `{
  services.nginx = {
    enable = true;
  };
}`,
		Tags: []string{"language"},
	},
}
