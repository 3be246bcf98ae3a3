package language

import (
	"sync"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/check"
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
// It resolves each file's scopes itself and keeps only the errors, rather
// than requiring Scope: the resolved scopes of a whole repository take more
// memory than its trees (about 900 MB for 40 000 files), and no rule needs
// them once the checks are done. A rule that does need them requires Scope.
var Checks = &analysis.Analyzer{
	Name: "checks",
	Doc:  "run the checks Nix makes after parsing (shared analysis)",
	Run:  runChecks,
}

// ChecksResult maps each checked file to its errors, sorted by position.
type ChecksResult map[*analysis.File]parser.ErrorList

func runChecks(pass *analysis.Pass) (any, error) {
	res := make(ChecksResult)
	var mu sync.Mutex
	pass.ParallelForEachFile(func(f *analysis.File) {
		if !resolvable(f) {
			return
		}
		if errs := check.File(pass.Fset, f.AST, scope.Resolve(f.AST)); len(errs) > 0 {
			mu.Lock()
			res[f] = errs
			mu.Unlock()
		}
	})
	return res, nil
}

// resolvable reports whether f's scopes can be resolved: a file without
// syntax errors. A partial tree would invent undefined variables, and Nix
// stops at the syntax error anyway.
func resolvable(f *analysis.File) bool {
	return len(f.Syntax) == 0 && f.ReadErr == nil && f.AST.Expr != nil
}

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
