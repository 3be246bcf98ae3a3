package language

import (
	"sync"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/model/module"
	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/scope"
)

// Scope is a shared analysis: it resolves the variables of every file
// without syntax errors. Its result is a ScopeResult. Files with syntax
// errors have no entry: their tree is partial and resolving it would invent
// undefined variables.
var Scope = &analysis.Analyzer{
	Name: "scope",
	Doc:  "resolve every variable reference to its binding (shared analysis)",
	Run:  runScope,
}

// ScopeResult maps each file without syntax errors to its resolved scopes.
type ScopeResult map[*analysis.File]*scope.Info

func runScope(pass *analysis.Pass) (any, error) {
	res := make(ScopeResult, len(pass.Files))
	var mu sync.Mutex
	pass.ParallelForEachFile(func(f *analysis.File) {
		if resolvable(f) {
			info := scope.Resolve(f.AST)
			mu.Lock()
			res[f] = info
			mu.Unlock()
		}
	})
	return res, nil
}

// Checks is a shared analysis: the checks Nix makes on a file after
// parsing it (duplicate attributes and formals, dynamic attributes in let
// and inherit, undefined variables). Its result is a ChecksResult.
//
// The checks need each file's resolved scopes, and so does the module
// model: module.PerFile resolves them once per file, runs the checks and
// builds the module with them, then drops them, because the resolved
// scopes of a whole repository take more memory than its trees (about
// 900 MB for 40 000 files). A rule that needs the scopes themselves
// requires Scope.
var Checks = &analysis.Analyzer{
	Name:     "checks",
	Doc:      "run the checks Nix makes after parsing (shared analysis)",
	Requires: []*analysis.Analyzer{module.PerFile},
	Run:      runChecks,
}

// ChecksResult maps each checked file to its errors, sorted by position.
type ChecksResult map[*analysis.File]parser.ErrorList

func runChecks(pass *analysis.Pass) (any, error) {
	return ChecksResult(pass.ResultOf[module.PerFile].(*module.PerFileResult).Checks), nil
}

// resolvable reports whether f's scopes can be resolved: a file without
// syntax errors. A partial tree would invent undefined variables, and Nix
// stops at the syntax error anyway.
func resolvable(f *analysis.File) bool { return module.Resolvable(f) }

// reportKinds reports the check errors of the given kinds.
func reportKinds(pass *analysis.Pass, kinds ...parser.ErrorKind) {
	errs := pass.ResultOf[Checks].(ChecksResult)
	pass.ForEachFile(func(f *analysis.File) {
		for _, e := range errs[f] {
			for _, k := range kinds {
				if e.Kind == k {
					pass.Reportf(e.Pos, e.End, "%s", e.Msg)
				}
			}
		}
	})
}
