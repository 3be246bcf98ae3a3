// Package analysis is nixlint's rule framework, modelled on
// golang.org/x/tools/go/analysis: an Analyzer is a plain value with a name,
// documentation, the analyzers it requires and a Run function. Shared facts
// (the repository layout, the module model, the VM inventory) are computed
// once by analyzers that rules require, and reach them through
// Pass.ResultOf.
//
// Unlike go/analysis, which runs per package, a Pass covers the whole
// repository: architecture and registry rules need every file at once.
package analysis

import (
	"fmt"
	"go/token"
	"strings"
	"sync"

	"github.com/nixlint/nixlint/config"
	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/ast"
)

// An Analyzer is a rule, or a shared analysis that rules require.
type Analyzer struct {
	// Name is the rule id: kebab-case and stable, because it is the SARIF
	// ruleId and the name used in suppressions and configuration.
	Name string

	// Doc is the documentation: its first line is the one-line summary, the
	// rest the full description (which names the principle it enforces).
	Doc string

	// Severity is the default severity of the rule's findings. Shared
	// analyses, which report nothing, leave it Off.
	Severity Severity

	// Requires lists the analyzers whose results Run reads from
	// Pass.ResultOf. They run first, once per repository.
	Requires []*Analyzer

	// Run analyses the repository. Its result is made available to the
	// analyzers that require this one.
	Run func(*Pass) (any, error)

	// Options are the rule's configurable options, with their defaults.
	Options []Option

	// Docs holds the rule's long-form documentation (nil for shared
	// analyses).
	Docs *Docs
}

// Title returns the first line of Doc.
func (a *Analyzer) Title() string {
	title, _, _ := strings.Cut(a.Doc, "\n")
	return strings.TrimSpace(title)
}

// Description returns Doc without its first line.
func (a *Analyzer) Description() string {
	_, rest, _ := strings.Cut(a.Doc, "\n")
	return strings.TrimSpace(rest)
}

func (a *Analyzer) String() string { return a.Name }

// IsRule reports whether a is a rule, whose findings users see, rather than
// a shared analysis that only computes facts for other analyzers. A rule has
// documentation or a default severity; a rule that is off by default (opt-in)
// still has Docs.
func (a *Analyzer) IsRule() bool { return a.Severity != Off || a.Docs != nil }

// Docs is the documentation a rule ships with; `nixlint explain`, the SARIF
// help and docs/rules/<id>.md are generated from it.
type Docs struct {
	Principle string // the passage of CONVENTIONS.md the rule enforces, quoted
	Bad       string // a violation (Nix source, or a file tree)
	Good      string // the same construct written correctly
	Since     string // nixlint version that introduced the rule
	Tags      []string
}

// Option is a rule option settable in .nixlint.toml under [rules.<id>].
// Default's dynamic type (int, bool, string or []string) is the option's
// type.
type Option struct {
	Name    string
	Default any
	Doc     string
}

// File is one .nix file of the repository, parsed.
type File struct {
	Path   string           // relative to the repository root, forward slashes
	Src    []byte           // the file's content
	AST    *ast.File        // the tree; partial when Syntax is not empty; nil when the file could not be read
	Syntax parser.ErrorList // syntax errors found while parsing

	// Tok is the file's line table in Pass.Fset. It is set even when the
	// file could not be read (then with size 0), so that every file has
	// positions a diagnostic can point at.
	Tok *token.File

	// ReadErr is the error met reading the file, or nil. Such a file has no
	// Src and no AST; the syntax-error rule reports it.
	ReadErr error
}

// Start returns the position of the file's first byte.
func (f *File) Start() token.Pos { return token.Pos(f.Tok.Base()) }

// A Diagnostic is a finding reported by a rule.
type Diagnostic struct {
	Pos, End token.Pos // the offending range; End may be NoPos for a point
	Message  string

	// Severity overrides the analyzer's default severity for this finding
	// when set (a rule whose cases differ in gravity, such as
	// module-self-enable). A severity configured by the user still wins.
	Severity Severity

	// Fix describes, for a human, how to fix the finding; SuggestedFixes
	// hold machine-applicable edits when the rule can compute them.
	Fix            string
	SuggestedFixes []SuggestedFix
}

// SuggestedFix is a set of edits that fix a diagnostic.
type SuggestedFix struct {
	Message string
	Edits   []TextEdit
}

// TextEdit replaces the source between Pos and End with NewText.
type TextEdit struct {
	Pos, End token.Pos
	NewText  []byte
}

// A Pass gives one analyzer everything it may read about the repository.
type Pass struct {
	Analyzer *Analyzer

	// Fset holds the positions of every file. Files are parsed in
	// parallel, so the order of their bases varies from run to run:
	// across files, order by File.Path, never by Pos.
	Fset     *token.FileSet
	Root     string   // absolute path of the repository root
	Files    []*File  // every .nix file, sorted by Path
	Dirs     []string // every directory below the root (relative, slash-separated, sorted), excluded ones omitted
	Config   *config.Config
	ResultOf map[*Analyzer]any

	// Report records a diagnostic. Set by the driver.
	Report func(Diagnostic)

	// current is the file being analysed by ForEachFile, for attributing
	// a panic to a file.
	current *File

	indexOnce sync.Once
	byTok     map[*token.File]*File
	byPath    map[string]*File
}

// Reportf reports a diagnostic over pos..end with a formatted message.
func (p *Pass) Reportf(pos, end token.Pos, format string, args ...any) {
	p.Report(Diagnostic{Pos: pos, End: end, Message: fmt.Sprintf(format, args...)})
}

// ForEachFile calls fn for every file, recording which file is being
// analysed so that a panic can be attributed to it.
func (p *Pass) ForEachFile(fn func(*File)) {
	for _, f := range p.Files {
		p.current = f
		fn(f)
	}
	p.current = nil
}

// Current returns the file ForEachFile is visiting, or nil.
func (p *Pass) Current() *File { return p.current }

// FileAt returns the file holding pos, or nil.
func (p *Pass) FileAt(pos token.Pos) *File {
	p.buildIndex()
	return p.byTok[p.Fset.File(pos)]
}

// FileByPath returns the file with the given repository-relative path, or nil.
func (p *Pass) FileByPath(path string) *File {
	p.buildIndex()
	return p.byPath[path]
}

// buildIndex indexes the files by line table and path, once per pass, so
// that FileAt and FileByPath cost a map lookup (rules call them per node).
func (p *Pass) buildIndex() {
	p.indexOnce.Do(func() {
		p.byTok = make(map[*token.File]*File, len(p.Files))
		p.byPath = make(map[string]*File, len(p.Files))
		for _, f := range p.Files {
			if f.Tok != nil {
				p.byTok[f.Tok] = f
			}
			p.byPath[f.Path] = f
		}
	})
}

// Option returns the configured value of the analyzer's option name, or its
// default. It panics if the analyzer declares no such option: that is a bug
// in the rule, caught by its tests.
func (p *Pass) Option(name string) any {
	if p.Config != nil {
		if v, ok := p.Config.RuleOption(p.Analyzer.Name, name); ok {
			return v
		}
	}
	for _, o := range p.Analyzer.Options {
		if o.Name == name {
			return o.Default
		}
	}
	panic(fmt.Sprintf("analyzer %s has no option %q", p.Analyzer.Name, name))
}

// IntOption returns an int option.
func (p *Pass) IntOption(name string) int {
	switch v := p.Option(name).(type) {
	case int:
		return v
	case int64:
		return int(v)
	}
	return 0
}

// BoolOption returns a bool option.
func (p *Pass) BoolOption(name string) bool {
	v, _ := p.Option(name).(bool)
	return v
}

// StringOption returns a string option.
func (p *Pass) StringOption(name string) string {
	v, _ := p.Option(name).(string)
	return v
}

// StringsOption returns a list-of-strings option.
func (p *Pass) StringsOption(name string) []string {
	switch v := p.Option(name).(type) {
	case []string:
		return v
	case []any:
		out := make([]string, 0, len(v))
		for _, s := range v {
			if s, ok := s.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}
