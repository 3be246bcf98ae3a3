// Package module is the shared analysis that reads every .nix file as a
// NixOS module (DESIGN.md §3): its arguments, imports, option declarations
// and config definitions flattened to attribute paths, each with the chain
// of conditions around it. Architecture rules and the VM inventory query it
// instead of walking syntax trees themselves.
//
// The model never guesses: a construct it does not understand is recorded
// in Module.Unknowns, so that rules can stay quiet about it.
package module

import (
	"go/token"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/parser/ast"
)

// Analyzer computes the *Model of every file of the repository.
var Analyzer = &analysis.Analyzer{
	Name: "module",
	Doc:  "read every file as a NixOS module: arguments, imports, options and flattened config definitions",
	// The modules are built by PerFile, with the scopes it resolves once
	// for the checks too.
	Requires: []*analysis.Analyzer{PerFile},
	Run:      run,
}

// Dynamic is the Path segment recorded for an attribute name whose value is
// not known without evaluation (`${hostname}`); Def.Key keeps its node.
const Dynamic = "${…}"

// Model holds the module of every file.
type Model struct {
	modules []*Module
	byPath  map[string]*Module
	byDir   map[string][]*Module
	units   map[string]*dirUnits // per directory, for UnitOptions
}

// Module is what one file says as a NixOS module.
type Module struct {
	Path string         // repository-relative path of the file
	File *analysis.File // the file

	// Expr is the module's expression: the file's, or for an inline module
	// the value of its slot.
	Expr ast.Expr

	// Lambda is the module function, nil for a module written as a plain
	// attribute set. Args are the names of its formals, in order.
	Lambda *ast.Lambda
	Args   []string

	// Explicit is set for the `{ options = …; config = …; }` form; in the
	// shorthand form everything but imports and options is config.
	Explicit bool

	// Opaque is set when the file's value is not an attribute set the model
	// can read (a package, a library function, `import ./x.nix args`).
	Opaque bool

	kind kinds // see IsFlakePart and IsFormat; in the word of the flags above

	Imports  []Import
	Options  []*Option
	Defs     []*Def
	Unknowns []Unknown

	// Inline are the NixOS modules a flake-parts file defines inline
	// (flake.nixosModules.<name> = { config, ... }: { … };), each read as a
	// module of the same file; Slot is the path that holds one.
	Inline []*Module
	Slot   []string

	// Uses lists every attribute path of `config` the file refers to,
	// through aliases (`cfg = config.a.b;` makes `cfg.enable` the use
	// a.b.enable). A path is recorded at its longest static extent.
	Uses []Ref

	// unit caches UnitOptions: several rules ask for it, concurrently.
	unitOnce sync.Once
	unit     []*Option
}

// Import is one element of `imports`.
type Import struct {
	Expr ast.Expr
	// Path is the repository-relative path a relative path literal points
	// at (the file, or a directory meaning its default.nix); empty for
	// anything else.
	Path string
}

// Option is one option declaration.
type Option struct {
	Path     []string
	Keys     []ast.AttrName // the attribute names of Path, for positions and dynamic names
	Pos, End token.Pos      // the declaration's value
	KeyPos   token.Pos      // the first attribute name of the declaration's binding

	// Func is the declaring function: "mkEnableOption", "mkOption",
	// "mkPackageOption", or "" when the value is not understood (a custom
	// helper such as mkOpt): an option is declared, its default unknown.
	Func string

	// Default is the `default` expression, nil when absent or unknown.
	// DefaultKnown is set when the default is known: always for
	// mkEnableOption (false, unless overridden with `// { default = …; }`).
	Default      ast.Expr
	DefaultKnown bool
}

// Def is one config definition, flattened to its attribute path.
//
// A repository has a definition per leaf binding (nearly a million for
// 40 000 files), so Def keeps only what cannot be derived or shared: the
// attribute names and positions come from the tree of bindings the
// definitions share, and the conditions, list elements and priority
// wrappers are shared lists, held by pointer.
type Def struct {
	Path []string // Path[i] is Dynamic when Key(i) is not static

	// Value is the defined value, after the transparent priority functions
	// (mkDefault, mkForce, mkOverride n, …) listed by Mods. Nil for a name
	// brought in by `inherit`.
	Value ast.Expr

	// In is the binding that produced the definition; its parents are the
	// bindings the definition is written in: `config = { nix.settings = {
	// a = 1; }; }` gives a, inside nix.settings, inside config. A rule
	// reports a block once by grouping on them.
	In *Binding

	// info holds the conditions, priority wrappers and list elements;
	// nil when there are none. One pointer for the three keeps Def at 56
	// bytes: most definitions share their context's info, and only those
	// with a list value have one of their own.
	info *defInfo
}

// defContext is what the constructs around definitions give them: the
// conditions and the priority wrappers.
type defContext struct {
	conds []Cond
	mods  []string

	// plain is the info of the definitions written under the context
	// whose value is not a list: they all point at it.
	plain defInfo
}

// newContext returns a context of conds and mods.
func newContext(conds []Cond, mods []string) *defContext {
	ctx := &defContext{conds: conds, mods: mods}
	ctx.plain.ctx = ctx
	return ctx
}

// defInfo is what a definition has beyond its path, value and binding.
type defInfo struct {
	ctx   *defContext // see Conds and Mods; nil when there are none
	elems []Elem      // see Elems; nil when the value is not a list
}

// info returns the info of a definition under ctx whose value is not a
// list.
func (ctx *defContext) info() *defInfo {
	if ctx == nil {
		return nil
	}
	return &ctx.plain
}

// Binding is a binding definitions are written in. The bindings of a file
// form a tree, shared by its definitions.
type Binding struct {
	Parent *Binding // the enclosing binding, nil at the top of the module

	// Names are the binding's attribute names (those of `a.b = …;`; the
	// name of an `inherit`), never empty. They are the last segments of
	// the path of its definitions, but for the leading `config` of the
	// explicit form.
	Names []ast.AttrName
}

// Pos returns the position of the binding: its first attribute name.
func (b *Binding) Pos() token.Pos {
	if len(b.Names) == 0 || b.Names[0] == nil {
		return token.NoPos // not built by the model: no names
	}
	return b.Names[0].Pos()
}

// NewDef returns a definition for tools that derive definitions from the
// model's (the registry reads `nodes = { a = { … }; }` through let-bound
// sets): path and value as given, written in binding in.
func NewDef(path []string, value ast.Expr, in *Binding, conds []Cond, elems []Elem) *Def {
	d := &Def{Path: path, Value: value, In: in}
	var ctx *defContext
	if conds != nil {
		ctx = newContext(conds, nil)
	}
	d.info = ctx.info()
	if elems != nil {
		d.info = &defInfo{ctx: ctx, elems: elems}
	}
	return d
}

// Conds returns the conditions around the definition, outermost first.
// Definitions under the same conditions share the slice: callers must not
// modify it.
func (d *Def) Conds() []Cond {
	if d.info == nil || d.info.ctx == nil {
		return nil
	}
	return d.info.ctx.conds
}

// Elems returns the elements of a list value (a literal list, `++`
// concatenations, `optionals c [ … ]`, `optional c x`), each with the
// extra conditions inside the value; nil when the value is not a list.
func (d *Def) Elems() []Elem {
	if d.info == nil {
		return nil
	}
	return d.info.elems
}

// Keys returns the attribute name of each segment of the path, in a new
// slice.
func (d *Def) Keys() []ast.AttrName {
	out := make([]ast.AttrName, len(d.Path))
	for i := range out {
		out[i] = d.Key(i)
	}
	return out
}

// Key returns the attribute name of segment i of the path, or nil. The
// path's segments are the last names of the bindings around the
// definition: a leading `config` is not one.
func (d *Def) Key(i int) ast.AttrName {
	if i < 0 || i >= len(d.Path) {
		return nil
	}
	end := len(d.Path)
	for b := d.In; b != nil; b = b.Parent {
		start := end - len(b.Names)
		if i >= start {
			return b.Names[i-start]
		}
		end = start
	}
	return nil
}

// lastKey returns the attribute name of the last segment, or nil.
func (d *Def) lastKey() ast.AttrName {
	for b := d.In; b != nil; b = b.Parent {
		if len(b.Names) > 0 {
			return b.Names[len(b.Names)-1]
		}
	}
	return nil
}

// KeyPos returns the position of the binding that produced the definition
// (its first attribute name).
func (d *Def) KeyPos() token.Pos {
	if d.In == nil {
		return token.NoPos
	}
	return d.In.Pos()
}

// Pos returns the start of the definition's value (of the name, for an
// inherited one).
func (d *Def) Pos() token.Pos {
	if d.Value != nil {
		return d.Value.Pos()
	}
	if k := d.lastKey(); k != nil {
		return k.Pos()
	}
	return token.NoPos
}

// End returns the end of the definition's value (of the name, for an
// inherited one).
func (d *Def) End() token.Pos {
	if d.Value != nil {
		return d.Value.End()
	}
	if k := d.lastKey(); k != nil {
		return k.End()
	}
	return token.NoPos
}

// Outer returns the positions of the bindings the definition is written
// in, outermost first, its own last.
func (d *Def) Outer() []token.Pos {
	n := 0
	for b := d.In; b != nil; b = b.Parent {
		n++
	}
	out := make([]token.Pos, n)
	for b := d.In; b != nil; b = b.Parent {
		n--
		out[n] = b.Pos()
	}
	return out
}

// Top returns the position of the outermost binding around the definition.
func (d *Def) Top() token.Pos {
	b := d.In
	for b != nil && b.Parent != nil {
		b = b.Parent
	}
	if b == nil {
		return token.NoPos
	}
	return b.Pos()
}

// Mods returns the priority functions the value was wrapped in, outermost
// first (mkDefault, mkForce, …). Callers must not modify the result.
func (d *Def) Mods() []string {
	if d.info == nil || d.info.ctx == nil {
		return nil
	}
	return d.info.ctx.mods
}

// Elem is an element of a list value.
type Elem struct {
	Value ast.Expr
	Conds []Cond // conditions inside the value, beyond the Def's own
	// Opaque marks a part of the concatenation that is not a literal list
	// (`cfg.extraPorts`): its elements are not known.
	Opaque bool
}

// CondKind says which construct a condition comes from.
type CondKind int

// The kinds of conditions.
const (
	MkIf          CondKind = iota // mkIf c …
	OptionalAttrs                 // optionalAttrs c { … }
	Optionals                     // optionals c [ … ]
	Optional                      // optional c x
	IfThenElse                    // if c then … else …
)

var condNames = [...]string{MkIf: "mkIf", OptionalAttrs: "optionalAttrs", Optionals: "optionals", Optional: "optional", IfThenElse: "if"}

// String returns the construct's name.
func (k CondKind) String() string {
	if k >= 0 && int(k) < len(condNames) {
		return condNames[k]
	}
	return "?"
}

// Cond is a condition around a definition.
type Cond struct {
	Kind    CondKind
	Expr    ast.Expr
	Negated bool // the else branch of an if

	// Text is the condition with config references resolved through
	// aliases: "config.a.b.enable", "!config.a.b.enable && x".
	Text string

	// Refs are the config paths the condition refers to. Opaque is set
	// when it refers to something else the model cannot follow (a function
	// argument, a let binding that is not a config alias).
	Refs   []Ref
	Opaque bool
}

// Ref is an attribute path below `config`.
type Ref []string

// String returns the path dotted.
func (r Ref) String() string { return strings.Join(r, ".") }

// Unknown records a construct the model did not understand.
type Unknown struct {
	Pos, End token.Pos
	Path     []string // the config path reached so far
	Reason   string
}

// PathString returns a path dotted, as users write it: a segment that is
// not an identifier is quoted (environment.etc."kea/hosts".text).
func PathString(p []string) string {
	var b strings.Builder
	for i, s := range p {
		if i > 0 {
			b.WriteByte('.')
		}
		if s == Dynamic || IsIdent(s) {
			b.WriteString(s)
			continue
		}
		b.WriteString(strconv.Quote(s))
	}
	return b.String()
}

// IsIdent reports whether s is a Nix identifier (letters, digits, _, '
// and -, not starting with a digit, ' or -), which an attribute path
// spells without quotes.
func IsIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		case i > 0 && (c >= '0' && c <= '9' || c == '\'' || c == '-'):
		default:
			return false
		}
	}
	return true
}

// HasPrefix reports whether p starts with prefix.
func HasPrefix(p, prefix []string) bool {
	if len(prefix) > len(p) {
		return false
	}
	for i := range prefix {
		if p[i] != prefix[i] && p[i] != Dynamic && prefix[i] != Dynamic {
			return false
		}
	}
	return true
}

// Equal reports whether two paths are equal; a Dynamic segment matches any.
func Equal(a, b []string) bool { return len(a) == len(b) && HasPrefix(a, b) }

func run(pass *analysis.Pass) (any, error) {
	return New(pass.ResultOf[PerFile].(*PerFileResult).Modules...), nil
}

// New returns a Model of the given modules (for tests and tools).
func New(mods ...*Module) *Model {
	m := &Model{
		modules: make([]*Module, 0, len(mods)),
		byPath:  make(map[string]*Module, len(mods)),
	}
	// The directories' lists are made at their size: grown by appending,
	// a repository's took twice the memory.
	dirs := make([]string, len(mods))
	count := make(map[string]int)
	for i, mod := range mods {
		dirs[i] = path.Dir(mod.Path)
		count[dirs[i]]++
	}
	m.byDir = make(map[string][]*Module, len(count))
	for i, mod := range mods {
		m.modules = append(m.modules, mod)
		m.byPath[mod.Path] = mod
		d := dirs[i]
		list := m.byDir[d]
		if list == nil {
			list = make([]*Module, 0, count[d])
		}
		m.byDir[d] = append(list, mod)
	}
	// Sorted once here, so that Dir, which rules call per module, need
	// not sort.
	m.units = make(map[string]*dirUnits, len(m.byDir))
	for d, list := range m.byDir {
		sort.SliceStable(list, func(i, j int) bool { return list[i].Path < list[j].Path })
		m.units[d] = &dirUnits{}
	}
	return m
}

// Modules returns every module, in file order.
func (m *Model) Modules() []*Module { return m.modules }

// File returns the module of the file at path, or nil.
func (m *Model) File(path string) *Module { return m.byPath[path] }

// Dir returns the modules of the files directly in dir, sorted by path.
func (m *Model) Dir(dir string) []*Module {
	return append([]*Module(nil), m.byDir[dir]...)
}

// DirOptions returns the union of the options declared by the files
// directly in dir: a module split across default.nix, options.nix and
// service.nix is one unit.
func (m *Model) DirOptions(dir string) []*Option {
	var out []*Option
	for _, mod := range m.Dir(dir) {
		out = append(out, mod.Options...)
	}
	return out
}

// UnitOptions returns the options of mod's unit: those it declares, and
// those of the files of its directory it is split from. A sibling belongs
// to the unit when mod uses its namespace and either the sibling only
// declares options (the options.nix of a module whose config sits in
// service.nix) or mod's conditions test one of the sibling's enable
// options. Files of one directory that merely read each other's settings
// (arr.nix reading jellyfin's mediaDir) or ignore each other (dns.nix and
// dhcp.nix side by side) stay separate units.
//
// The result is computed once per module and shared: callers must not
// modify it (its capacity is its length, so appending to it copies).
func (m *Model) UnitOptions(mod *Module) []*Option {
	if m.byPath[mod.Path] != mod {
		return m.unitOptions(mod) // not this model's: nothing to cache
	}
	mod.unitOnce.Do(func() {
		u := m.unitOptions(mod)
		mod.unit = u[:len(u):len(u)]
	})
	return mod.unit
}

func (m *Model) unitOptions(mod *Module) []*Option {
	out := append([]*Option(nil), mod.Options...)
	var conds []Ref
	dir := path.Dir(mod.Path)
	sibs := m.byDir[dir]
	// The siblings mod may use, found from its uses: a directory of n
	// modules would otherwise compare n² pairs. Each is then checked as
	// any sibling was.
	var maybe []bool
	if du := m.units[dir]; du != nil {
		maybe = du.candidates(sibs, mod)
	}
	for i, sib := range sibs {
		if sib == mod || len(sib.Options) == 0 || maybe != nil && !maybe[i] {
			continue
		}
		used := false
		var tried []string // the last namespace found unused
		for _, o := range sib.Options {
			// A module's options mostly share a namespace: test each
			// one once.
			if len(o.Path) == 0 || (tried != nil && slices.Equal(o.Path[:len(o.Path)-1], tried)) {
				continue
			}
			if mod.uses(o) {
				used = true
				break
			}
			tried = o.Path[:len(o.Path)-1]
		}
		if !used {
			continue
		}
		if conds == nil {
			conds = mod.condRefs()
		}
		if len(sib.Defs) == 0 || testsEnable(conds, sib.Options) {
			out = append(out, sib.Options...)
		}
	}
	return out
}

// dirUnits indexes the namespaces of the options of a directory's modules
// by hash, built on first use.
type dirUnits struct {
	once sync.Once
	// byNS maps the hash of an option's namespace (its path without the
	// last segment) to the indexes of the modules declaring one there.
	byNS map[uint64][]int32
	// dynamic is set when a namespace has a Dynamic segment: hashes
	// cannot tell what it matches.
	dynamic bool
	longest int // the most segments of a namespace
}

// candidates returns, for each of sibs, whether mod may use one of its
// options' namespaces (false is certain), or nil when the index cannot
// tell.
func (du *dirUnits) candidates(sibs []*Module, mod *Module) []bool {
	du.once.Do(func() { du.build(sibs) })
	if du.dynamic {
		return nil
	}
	maybe := make([]bool, len(sibs))
	for _, u := range mod.Uses {
		h := hashStart
		for k, s := range u {
			if s == Dynamic {
				return nil
			}
			if k >= du.longest {
				// No namespace is this long; the rest of u only matters
				// for a Dynamic segment.
				continue
			}
			h = hashSegment(h, s)
			for _, i := range du.byNS[h] {
				maybe[i] = true
			}
		}
	}
	return maybe
}

func (du *dirUnits) build(sibs []*Module) {
	// A module declares options under one namespace or a few.
	du.byNS = make(map[uint64][]int32, len(sibs))
	for i, sib := range sibs {
		var last uint64
		var lastNS []string // the namespace hashed to last
		for j, o := range sib.Options {
			if len(o.Path) < 2 {
				continue // no namespace: Module.uses is false
			}
			ns := o.Path[:len(o.Path)-1]
			h := last
			if !slices.Equal(ns, lastNS) {
				h = hashStart
				for _, s := range ns {
					if s == Dynamic {
						du.dynamic = true
					}
					h = hashSegment(h, s)
				}
			}
			lastNS = ns
			du.longest = max(du.longest, len(o.Path)-1)
			if j > 0 && h == last {
				continue // the usual case: options share a namespace
			}
			last = h
			if l := du.byNS[h]; len(l) == 0 || l[len(l)-1] != int32(i) {
				du.byNS[h] = append(l, int32(i))
			}
		}
	}
}

// hashStart and hashSegment hash a path segment by segment: FNV-1a over
// the bytes, each segment followed by a byte no UTF-8 text holds.
const hashStart uint64 = 14695981039346656037

func hashSegment(h uint64, s string) uint64 {
	const prime = 1099511628211
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= prime
	}
	h ^= 0xff
	return h * prime
}

// condRefs returns the config paths the module's conditions refer to.
func (mod *Module) condRefs() []Ref {
	out := []Ref{}
	add := func(conds []Cond) {
		for _, c := range conds {
			out = append(out, c.Refs...)
		}
	}
	for _, d := range mod.Defs {
		add(d.Conds())
		for _, e := range d.Elems() {
			add(e.Conds)
		}
	}
	return out
}

// testsEnable reports whether one of refs is an enable option of opts.
func testsEnable(refs []Ref, opts []*Option) bool {
	for _, o := range opts {
		if !o.IsEnable() {
			continue
		}
		for _, r := range refs {
			if Equal(r, o.Path) {
				return true
			}
		}
	}
	return false
}

// uses reports whether the module refers to the namespace of option o (the
// path without its last segment) or to o itself.
func (mod *Module) uses(o *Option) bool {
	if len(o.Path) == 0 {
		return false
	}
	ns := o.Path[:len(o.Path)-1]
	for _, u := range mod.Uses {
		if len(u) >= len(ns) && len(ns) > 0 && HasPrefix(u, ns) {
			return true
		}
	}
	return false
}

// DefaultBool returns the option's default when it is a boolean literal.
func (o *Option) DefaultBool() (value, ok bool) {
	if !o.DefaultKnown {
		return false, false
	}
	if o.Default == nil {
		return false, o.Func == "mkEnableOption"
	}
	return BoolLiteral(o.Default)
}

// IsEnable reports whether the option is an `enable` switch.
func (o *Option) IsEnable() bool { return len(o.Path) > 0 && o.Path[len(o.Path)-1] == "enable" }

// BoolLiteral returns the value of `true` or `false` (in parentheses or not).
func BoolLiteral(e ast.Expr) (value, ok bool) {
	if id, isIdent := ast.Unparen(e).(*ast.Ident); isIdent {
		switch id.Name {
		case "true":
			return true, true
		case "false":
			return false, true
		}
	}
	return false, false
}

// kinds are facts about a module's definitions that rules ask about for
// every module, computed once when the module is built.
type kinds struct {
	known     bool // set by the builder; a Module built by hand is scanned
	flakePart bool
	format    bool
}

func (mod *Module) scanKinds() kinds {
	k := kinds{known: true}
	for _, d := range mod.Defs {
		if len(d.Path) == 0 {
			continue
		}
		switch d.Path[0] {
		case "flake", "perSystem":
			k.flakePart = true
		case "formatAttr", "fileExtension":
			k.format = k.format || len(d.Path) == 1
		}
	}
	return k
}

func (mod *Module) kinds() kinds {
	if mod.kind.known {
		return mod.kind
	}
	return mod.scanKinds()
}

// IsFlakePart reports whether the module defines flake outputs (`flake.…`
// or `perSystem.…`): it is a flake-parts module, whatever folder it is in.
func (mod *Module) IsFlakePart() bool { return mod.kinds().flakePart }

// IsFormat reports whether the module is a nixos-generators format: it
// defines formatAttr or fileExtension.
func (mod *Module) IsFormat() bool { return mod.kinds().format }
