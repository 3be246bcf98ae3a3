// Package layout is the shared analysis that classifies the files of a
// repository by the folder they live in (DESIGN.md §3): flake, flake-part,
// role, module, aggregator, infrastructure, package or other. Architecture
// rules consult it to run only where their folder exists, so a repository
// with another layout gets no noise from them.
package layout

import (
	"sort"
	"strings"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/config"
)

// Analyzer computes the *Layout of the repository.
var Analyzer = &analysis.Analyzer{
	Name: "layout",
	Doc:  "classify files by the repository layout (flake, roles, modules, packages, infrastructure)",
	Run:  run,
}

// Layout is the classified repository.
type Layout struct {
	// Folders are the configured folders, with defaults filled in.
	Folders config.Layout

	// Has reports which folders exist, keyed by the Folders value
	// (e.g. "roles"). Rules use it to stay silent in a repository with
	// another layout.
	Has map[string]bool

	// Domains are the directories directly below the modules folder,
	// sorted (e.g. "modules/networking").
	Domains []string

	kinds map[string]Kind
	dirs  []string
	files []string

	// ofKind lists the files of the pass that built the layout by kind, in
	// the pass's order; nil for a layout built by New.
	ofKind [][]*analysis.File
}

func run(pass *analysis.Pass) (any, error) {
	var cfg config.Layout
	if pass.Config != nil {
		cfg = pass.Config.Layout
	}
	paths := make([]string, 0, len(pass.Files))
	aggregators := make(map[string]bool)
	for _, f := range pass.Files {
		paths = append(paths, f.Path)
		if f.AST != nil && IsAggregator(f.AST.Expr) {
			aggregators[f.Path] = true
		}
	}
	l, kinds := newLayout(cfg, pass.Dirs, paths, aggregators)
	l.ofKind = make([][]*analysis.File, len(kindNames))
	for i, f := range pass.Files {
		l.ofKind[kinds[i]] = append(l.ofKind[kinds[i]], f)
	}
	return l, nil
}

// New builds a Layout from the configured folders, the repository's
// directories and files (relative, slash-separated) and the set of files
// whose content is only `imports`. It is exported for tests and for tools
// that classify paths without running the analysis.
func New(cfg config.Layout, dirs, files []string, aggregators map[string]bool) *Layout {
	l, _ := newLayout(cfg, dirs, files, aggregators)
	return l
}

// newLayout is New, which also returns the kind of each of files.
func newLayout(cfg config.Layout, dirs, files []string, aggregators map[string]bool) (*Layout, []Kind) {
	l := &Layout{
		Folders: withDefaults(cfg),
		Has:     make(map[string]bool),
		kinds:   make(map[string]Kind, len(files)),
		dirs:    append([]string(nil), dirs...),
		files:   append([]string(nil), files...),
	}
	sort.Strings(l.dirs)
	sort.Strings(l.files)

	present := make(map[string]bool, len(dirs))
	for _, d := range dirs {
		present[clean(d)] = true
	}
	// A folder exists when it is a directory, or when a file lives in it
	// (callers that pass no directory list still get a layout).
	// A directory walked from a file had its parents walked then too:
	// the files of a directory stop at it.
	walked := make(map[string]bool)
	for _, f := range files {
		for d := Dir(f); d != "." && d != "/" && !walked[d]; d = Dir(d) {
			walked[d], present[d] = true, true
		}
	}
	for _, folder := range l.folderList() {
		if folder != "" && present[folder] {
			l.Has[folder] = true
		}
	}

	if mods := l.Folders.Modules; l.Has[mods] {
		seen := make(map[string]bool)
		for d := range present {
			if rest, ok := under(d, mods); ok && rest != "" {
				dom := mods + "/" + firstSegment(rest)
				if !seen[dom] {
					seen[dom] = true
					l.Domains = append(l.Domains, dom)
				}
			}
		}
		sort.Strings(l.Domains)
	}

	kinds := make([]Kind, len(files))
	for i, f := range files {
		kinds[i] = l.classify(f, aggregators[f])
		l.kinds[f] = kinds[i]
	}
	return l, kinds
}

// Kind returns the kind of the file at the given repository-relative path.
func (l *Layout) Kind(file string) Kind {
	if k, ok := l.kinds[file]; ok {
		return k
	}
	return l.classify(file, false)
}

// FilesOf returns the files of the given kind, in the order of the
// analysis pass that computed the layout, and true; or false for a layout
// built by New, which has no files. Rules that look at the files of one
// kind ask for them here instead of classifying every file again.
func (l *Layout) FilesOf(kind Kind) ([]*analysis.File, bool) {
	if l.ofKind == nil {
		return nil, false
	}
	if kind < 0 || int(kind) >= len(l.ofKind) {
		return nil, true
	}
	return l.ofKind[kind], true
}

// Files returns the repository's files, sorted.
func (l *Layout) Files() []string { return l.files }

// Dirs returns the repository's directories, sorted.
func (l *Layout) Dirs() []string { return l.dirs }

// Domain returns the domain folder of a path below the modules folder
// ("modules/networking" for "modules/networking/dns.nix"), or "" for a path
// that is not inside a domain (including files directly in modules/).
func (l *Layout) Domain(p string) string {
	rest, ok := under(p, l.Folders.Modules)
	if !ok || !strings.Contains(rest, "/") {
		return ""
	}
	return l.Folders.Modules + "/" + firstSegment(rest)
}

// In reports whether p lies inside folder (or is folder itself).
func In(p, folder string) bool {
	_, ok := under(p, folder)
	return ok
}

func (l *Layout) classify(f string, aggregator bool) Kind {
	fl := l.Folders
	switch {
	case f == "flake.nix":
		return Flake
	case !strings.HasSuffix(f, ".nix"):
		return Other
	}
	// The path is compared first: a folder's presence is looked up only
	// for the folder a file is in.
	var k Kind
	switch {
	case In(f, fl.Flake) && l.Has[fl.Flake]:
		k = FlakePart
	case In(f, fl.Roles) && l.Has[fl.Roles]:
		k = Role
	case In(f, fl.Infrastructure) && l.Has[fl.Infrastructure]:
		k = Infrastructure
	case In(f, fl.Modules) && l.Has[fl.Modules]:
		k = Module
	case In(f, fl.Packages) && l.Has[fl.Packages]:
		return Package
	default:
		return Other
	}
	if aggregator {
		return Aggregator
	}
	return k
}

func (l *Layout) folderList() []string {
	fl := l.Folders
	return []string{fl.Flake, fl.Roles, fl.Modules, fl.Packages, fl.Infrastructure}
}

func withDefaults(c config.Layout) config.Layout {
	def := func(v, d string) string {
		if v = clean(v); v == "" {
			return d
		}
		return v
	}
	return config.Layout{
		Flake:          def(c.Flake, "flake"),
		Roles:          def(c.Roles, "roles"),
		Modules:        def(c.Modules, "modules"),
		Packages:       def(c.Packages, "packages"),
		Infrastructure: def(c.Infrastructure, "modules/infrastructure"),
	}
}

// clean normalises a configured folder: forward slashes, no "./" prefix and
// no trailing slash.
func clean(p string) string {
	p = strings.ReplaceAll(p, "\\", "/")
	p = strings.TrimPrefix(p, "./")
	p = strings.TrimSuffix(p, "/")
	if p == "." {
		return ""
	}
	return p
}

// under returns p relative to folder when p is folder or lies below it.
func under(p, folder string) (string, bool) {
	if folder == "" {
		return "", false
	}
	if p == folder {
		return "", true
	}
	if strings.HasPrefix(p, folder+"/") {
		return p[len(folder)+1:], true
	}
	return "", false
}

func firstSegment(p string) string {
	s, _, _ := strings.Cut(p, "/")
	return s
}
