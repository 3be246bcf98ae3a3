package module

import (
	"sync"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/check"
	"github.com/nixlint/nixlint/parser/scope"
)

// PerFile is the shared analysis that resolves the scopes of every file
// once, and uses them, while they are at hand, for the two analyses that
// need them: the file's module, and the checks Nix makes after parsing
// (duplicate attributes, undefined variables; package parser/check). Its
// result is a *PerFileResult; the module analysis and rules/language's
// Checks read it.
//
// Resolving is the most expensive step of both, so it is done once; the
// scopes are dropped as soon as the file is done (their memory is reused
// for the next, see scope.Resolver.ResolveReuse), because those of a whole
// repository take more memory than its trees (about 900 MB for 40 000
// files) and no rule needs them afterwards. Files are independent, so they
// are processed in parallel.
var PerFile = &analysis.Analyzer{
	Name: "per-file",
	Doc:  "resolve each file's scopes once; build its module and run Nix's checks with them (shared analysis)",
	Run:  runPerFile,
}

// PerFileResult is the result of PerFile.
type PerFileResult struct {
	// Modules holds the module of every file, in the order of Pass.Files.
	Modules []*Module

	// Checks maps each file with check errors to them, sorted by position.
	// Files with syntax errors are not checked: their tree is partial and
	// resolving it would invent undefined variables.
	Checks map[*analysis.File]parser.ErrorList
}

func runPerFile(pass *analysis.Pass) (any, error) {
	res := &PerFileResult{
		Modules: make([]*Module, len(pass.Files)),
		Checks:  make(map[*analysis.File]parser.ErrorList),
	}
	index := make(map[*analysis.File]int, len(pass.Files))
	for i, f := range pass.Files {
		index[f] = i
	}
	var mu sync.Mutex // guards res.Checks; each Modules slot has one writer
	pass.ParallelForEachFile(func(f *analysis.File) {
		var info *scope.Info
		var rv *scope.Resolver
		if Resolvable(f) {
			// The Info lives in rv's memory until rv resolves another
			// file: nothing below keeps a pointer into it.
			rv = resolvers.Get().(*scope.Resolver)
			info = rv.ResolveReuse(f.AST)
			if errs := check.File(pass.Fset, f.AST, info); len(errs) > 0 {
				mu.Lock()
				res.Checks[f] = errs
				mu.Unlock()
			}
		}
		res.Modules[index[f]] = BuildResolved(f, info)
		if rv != nil {
			resolvers.Put(rv) // not after a panic: its state is unknown
		}
	})
	return res, nil
}

// resolvers keeps a Resolver per worker, whose Info ResolveReuse refills
// for every file instead of allocating one. The module builder looks
// references up with Info.BindingOf only, so the Info needs no Refs map
// (NoRefsMap: filling and clearing the map was a tenth of resolving).
var resolvers = sync.Pool{New: func() any { return &scope.Resolver{NoRefsMap: true} }}

// Resolvable reports whether f's scopes can be resolved: a file that was
// read and has no syntax errors. A partial tree would invent undefined
// variables, and Nix stops at the syntax error anyway.
func Resolvable(f *analysis.File) bool {
	return len(f.Syntax) == 0 && f.ReadErr == nil && f.AST != nil && f.AST.Expr != nil
}
