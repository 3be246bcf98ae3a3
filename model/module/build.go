package module

import (
	"go/token"
	"path"
	"slices"
	"strings"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/parser/ast"
	"github.com/nixlint/nixlint/parser/scope"
)

// maxDepth bounds the nesting the model follows; deeper structure is
// recorded as unknown. Module files are shallow; this only guards against
// hostile input.
const maxDepth = 200

// notConfig are the attributes of a module that are neither options nor
// config (lib/modules.nix, unifyModuleSyntax).
var notConfig = map[string]bool{
	"_file": true, "key": true, "disabledModules": true, "meta": true,
	"freeformType": true, "_class": true,
}

// Build reads one file as a module, resolving its scopes.
func Build(f *analysis.File) *Module { return BuildResolved(f, nil) }

// BuildResolved reads one file as a module, with its scopes already
// resolved by scope.Resolve (nil: Build resolves them when it needs them).
func BuildResolved(f *analysis.File, info *scope.Info) *Module {
	if f.AST == nil || f.AST.Expr == nil {
		return &Module{Path: f.Path, File: f, Opaque: true}
	}
	if len(f.Syntax) > 0 {
		// A partial tree would yield a partial model that looks complete:
		// the syntax-error rule reports the file, the model skips it.
		m := &Module{Path: f.Path, File: f, Opaque: true}
		m.Unknowns = append(m.Unknowns, Unknown{Pos: f.AST.Pos(), End: f.AST.End(), Reason: "the file has syntax errors"})
		return m
	}
	if info == nil {
		info = scope.Resolve(f.AST)
	}
	a := chunkPool.Get().(*chunks)
	// The module too is cut from the chunks, which are zero.
	m := a.module()
	m.Path, m.File, m.Expr = f.Path, f, f.AST.Expr
	// The builder and resolver are the pooled chunks' too: a new pair per
	// file was a fifth of the model's allocations, and the resolver's
	// scratch path grew again in each.
	r := &a.res
	*r = resolver{info: info, scratch: r.scratch[:0], memoSegs: r.memoSegs[:0]}
	b := &a.bld
	*b = builder{m: m, a: a, r: r, src: f.Src, base: baseOf(f), path: a.path[:0], keys: a.keyList[:0], defs: a.defList[:0], opts: a.optList[:0]}
	b.top(f.AST.Expr)
	b.finish()
	b.collectUses(f.AST.Expr)
	m.kind = m.scanKinds()
	// The scratch goes back without what it pointed at. Only what this
	// file wrote needs clearing: the rest was cleared before.
	clear(b.path[:b.high])
	clear(b.keys[:b.highKeys])
	clear(b.defs)
	clear(b.opts)
	a.path, a.keyList, a.defList, a.optList = b.path[:0], b.keys[:0], b.defs[:0], b.opts[:0]
	if cap(r.cands) > cap(a.cands) {
		a.cands = r.cands[:0] // positions: nothing to clear
	}
	clear(r.scratch[:cap(r.scratch)])
	clear(r.memoSegs)
	*r = resolver{scratch: r.scratch[:0], memoSegs: r.memoSegs[:0]}
	*b = builder{}
	chunkPool.Put(a)
	return m
}

type builder struct {
	m        *Module
	a        *chunks
	path     []string       // scratch: the path being walked (see names)
	keys     []ast.AttrName // scratch: its attribute names, for options
	defs     []*Def         // scratch: the definitions, until finish
	opts     []*Option      // scratch: the options, until finish
	high     int            // the longest path was, for clearing it
	highKeys int            // the longest keys were
	r        *resolver
	src      []byte
	base     int

	inlineDepth int // how many inline modules enclose this one
}

func baseOf(f *analysis.File) int {
	if f.AST != nil && f.AST.Tok != nil {
		return f.AST.Tok.Base()
	}
	return 0
}

// top unwraps the module function and reads the module's attribute set.
func (b *builder) top(e ast.Expr) {
	for depth := 0; depth < maxDepth; depth++ {
		switch x := e.(type) {
		case *ast.Paren:
			e = x.X
		case *ast.Lambda:
			if b.m.Lambda != nil {
				// A function returning a function is not a module.
				b.m.Opaque = true
				return
			}
			b.m.Lambda = x
			if x.Formals != nil {
				b.m.Args = b.args(x.Formals.List)
			}
			e = x.Body
		case *ast.Let:
			e = x.Body
		case *ast.With:
			e = x.Body
		case *ast.Assert:
			e = x.Body
		case *ast.AttrSet:
			b.moduleSet(x)
			return
		default:
			b.m.Opaque = true
			return
		}
	}
	b.m.Opaque = true
}

// args returns the names of formals, nil if none, in a slice of their
// number cut from the chunks.
func (b *builder) args(formals []*ast.Formal) []string {
	n := 0
	for _, fo := range formals {
		if fo != nil && fo.Name != nil {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := b.a.strings(n)[:0]
	for _, fo := range formals {
		if fo != nil && fo.Name != nil {
			out = append(out, fo.Name.Name)
		}
	}
	return out
}

func (b *builder) moduleSet(s *ast.AttrSet) {
	for _, bd := range s.Bindings {
		if d, ok := bd.(*ast.AttrDef); ok && d.Path != nil && len(d.Path.Names) > 0 {
			if n, ok := ast.StaticName(d.Path.Names[0]); ok && (n == "config" || n == "options") {
				b.m.Explicit = true
			}
		}
	}
	for _, bd := range s.Bindings {
		switch d := bd.(type) {
		case *ast.AttrDef:
			if d.Path == nil || len(d.Path.Names) == 0 {
				continue
			}
			first, ok := ast.StaticName(d.Path.Names[0])
			switch {
			case !ok:
				b.unknown(d.Pos(), d.End(), nil, "dynamic attribute at the top of the module")
			case first == "imports" && len(d.Path.Names) == 1:
				b.imports(d.Value)
			case first == "options":
				p, keys := b.names(nil, nil, d.Path.Names[1:])
				b.options(d.Value, p, keys, d.Pos(), 0)
			case first == "config" && b.m.Explicit:
				b.config(d.Value, b.pathOf(nil, d.Path.Names[1:]), nil, b.binding(d.Path.Names, nil), 0)
			case notConfig[first]:
			default:
				b.config(d.Value, b.pathOf(nil, d.Path.Names), nil, b.binding(d.Path.Names, nil), 0)
			}
		case *ast.Inherit:
			for i, n := range d.Names {
				name, ok := ast.StaticName(n)
				if !ok || notConfig[name] || name == "imports" {
					continue
				}
				p := b.pathOf(nil, d.Names[i:i+1])
				def := b.def()
				*def = Def{Path: b.keepPath(p), In: b.binding(d.Names[i:i+1], nil)}
				b.addDef(def)
			}
		}
	}
}

// names appends the attribute names of an attribute path to a path p
// that names built (or nil), in the builder's scratch buffers: the paths
// of the sets walked through are only needed while walking, and the
// paths kept (keep) are copied out. Deeper calls write beyond the end of
// p only, so p stays valid while its bindings are read.
func (b *builder) names(p []string, keys []ast.AttrName, names []ast.AttrName) ([]string, []ast.AttrName) {
	if len(p)+len(names) == 0 {
		return nil, nil // as nil as the empty paths built before
	}
	np, nk := b.path[:len(p)], b.keys[:len(keys)]
	for _, n := range names {
		s, ok := ast.StaticName(n)
		if !ok {
			s = Dynamic
		}
		np = append(np, s)
		nk = append(nk, n)
	}
	b.path, b.keys = np, nk
	b.high = max(b.high, len(np))
	b.highKeys = max(b.highKeys, len(nk))
	return np, nk
}

// pathOf is names for config, which needs the path only: its attribute
// names are the bindings'.
func (b *builder) pathOf(p []string, names []ast.AttrName) []string {
	if len(p)+len(names) == 0 {
		return nil // as nil as the empty paths built before
	}
	np := b.path[:len(p)]
	for _, n := range names {
		s, ok := ast.StaticName(n)
		if !ok {
			s = Dynamic
		}
		np = append(np, s)
	}
	b.path = np
	b.high = max(b.high, len(np))
	return np
}

// keepPath copies a path built by names for a definition, into a slice of
// exactly its size cut from the builder's chunks.
func (b *builder) keepPath(p []string) []string {
	if len(p) == 0 {
		return nil
	}
	np := b.a.strings(len(p))
	copy(np, p)
	return np
}

// keep copies a path built by names for a definition or an option, into
// slices of exactly its size cut from the builder's chunks: a repository
// has a definition per leaf binding (nearly a million for 40 000 files),
// and each keeps its path.
func (b *builder) keep(p []string, keys []ast.AttrName) ([]string, []ast.AttrName) {
	if len(p) == 0 && len(keys) == 0 {
		return nil, nil
	}
	np := b.a.strings(len(p))
	copy(np, p)
	nk := b.a.keys(len(keys))
	copy(nk, keys)
	return np, nk
}

// def returns a new definition, cut from the builder's chunks.
func (b *builder) def() *Def { return b.a.def() }

// addDef adds a definition to the module. Definitions are gathered in
// scratch space and copied out at their number by finish: growing the
// module's slice by doubling copied them about twice and left a third of
// its capacity unused.
func (b *builder) addDef(d *Def) { b.defs = append(b.defs, d) }

// finish sets the module's definitions and options to those added (nil if
// none).
func (b *builder) finish() {
	if len(b.defs) > 0 {
		b.m.Defs = b.a.defPtrs(len(b.defs))
		copy(b.m.Defs, b.defs)
	}
	if len(b.opts) > 0 {
		b.m.Options = b.a.optPtrs(len(b.opts))
		copy(b.m.Options, b.opts)
	}
}

// binding returns the binding of names (not empty) inside parent. names
// is the tree's own slice: nothing is copied.
func (b *builder) binding(names []ast.AttrName, parent *Binding) *Binding {
	bd := b.a.binding()
	*bd = Binding{Parent: parent, Names: names}
	return bd
}

func (b *builder) unknown(pos, end token.Pos, p []string, reason string) {
	b.m.Unknowns = append(b.m.Unknowns, Unknown{Pos: pos, End: end, Path: append([]string(nil), p...), Reason: reason})
}

func (b *builder) imports(e ast.Expr) {
	list, ok := ast.Unparen(e).(*ast.List)
	if !ok {
		b.m.Imports = append(b.m.Imports, Import{Expr: e})
		return
	}
	dir := path.Dir(b.m.Path)
	for _, el := range list.Elems {
		imp := Import{Expr: el}
		if p, ok := ast.Unparen(el).(*ast.Path); ok && p.Kind == ast.PathRelative && len(p.Parts) == 1 {
			if t, ok := p.Parts[0].(*ast.Text); ok {
				imp.Path = path.Clean(path.Join(dir, t.Value))
			}
		}
		b.m.Imports = append(b.m.Imports, imp)
	}
}

// text returns the source of a node.
func (b *builder) text(n ast.Node) string {
	lo, hi := int(n.Pos())-b.base, int(n.End())-b.base
	if lo < 0 || hi > len(b.src) || lo > hi {
		return ""
	}
	return string(b.src[lo:hi])
}

// condition builds the Cond for a condition expression.
func (b *builder) condition(kind CondKind, e ast.Expr, negated bool) Cond {
	c := Cond{Kind: kind, Expr: e, Negated: negated}
	if p, ok := b.r.scratchConfigPath(e); ok {
		// Most conditions are a config path (`cfg.enable`): its only
		// reference, rendered from `config`; refs and render would each
		// resolve it again.
		c.Refs = b.a.refList(1)
		c.Refs[0] = b.keepRef(p)
		c.Text = configText(p, negated)
		return c
	}
	c.Refs = b.refs(e, 0)
	// A condition on nothing the model can name (a function argument, a
	// computed value) is opaque: rules must not judge what it guards.
	c.Opaque = len(c.Refs) == 0
	c.Text = b.render(e)
	if negated {
		c.Text = "!(" + c.Text + ")"
	}
	return c
}

// configText returns the text of a condition that is config path p, as
// render writes it, in one allocation.
func configText(p Ref, negated bool) string {
	n := len("config")
	for _, s := range p {
		n += 1 + len(s)
	}
	var sb strings.Builder
	if negated {
		sb.Grow(n + 3)
		sb.WriteString("!(")
	} else {
		sb.Grow(n)
	}
	sb.WriteString("config")
	for _, s := range p {
		sb.WriteByte('.')
		sb.WriteString(s)
	}
	if negated {
		sb.WriteByte(')')
	}
	return sb.String()
}

// refs returns the config paths an expression refers to, following let
// bindings of computed values (`on = cfg.enable && cfg.x;` then `mkIf on`).
// Each binding is followed once, so a chain of bindings that each use the
// previous one twice cannot blow up.
func (b *builder) refs(e ast.Expr, depth int) []Ref {
	var seen map[*scope.Binding]bool // made when a binding is followed: most conditions follow none
	return b.refsSeen(e, depth, &seen)
}

func (b *builder) refsSeen(e ast.Expr, depth int, seen *map[*scope.Binding]bool) []Ref {
	var out []Ref
	if depth > maxAlias {
		return nil
	}
	ast.Inspect(e, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.Ident, *ast.Select:
			if p, ok := b.r.scratchConfigPath(x.(ast.Expr)); ok {
				out = append(out, b.keepRef(p))
				return false
			}
			if id, ok := x.(*ast.Ident); ok {
				if bd := b.r.binding(id); bd != nil && (bd.Kind == scope.Let || bd.Kind == scope.Rec) && bd.Value != nil && !(*seen)[bd] {
					if *seen == nil {
						*seen = make(map[*scope.Binding]bool)
					}
					(*seen)[bd] = true
					out = append(out, b.refsSeen(bd.Value, depth+1, seen)...)
				}
			}
		case *ast.AttrPath:
			return false
		}
		return true
	})
	return out
}

// maxShared is how many options keepRef compares a path with: a file
// declaring hundreds would compare each of its references with each.
const maxShared = 64

// keepRef copies a config path built in the resolver's scratch, into a
// slice of exactly its size cut from the builder's chunks (an empty one
// for `config` itself, not nil, as before). A module mostly refers to its
// own options (`mkIf cfg.enable`, `cfg.port`): the path of the option
// declared so far that is the same is shared instead.
func (b *builder) keepRef(p Ref) Ref {
	if len(p) == 0 {
		return make(Ref, 0)
	}
	if len(b.opts) <= maxShared {
		for _, o := range b.opts {
			if slices.Equal(o.Path, p) {
				return o.Path
			}
		}
	}
	return Ref(b.keepPath(p))
}

// render prints an expression with config references spelled out from
// `config`, so that a condition on `cfg.enable` reads
// "config.a.b.enable".
func (b *builder) render(e ast.Expr) string {
	var sb strings.Builder
	// Room for the text and a config path spelled out: one allocation
	// for most conditions.
	sb.Grow(max(int(e.End()-e.Pos()), 0) + 32)
	b.renderTo(&sb, e, 0)
	return sb.String()
}

func (b *builder) renderTo(sb *strings.Builder, e ast.Expr, depth int) {
	if depth > 64 {
		sb.WriteString("…")
		return
	}
	if p, ok := b.r.scratchConfigPath(e); ok {
		sb.WriteString("config")
		for _, s := range p {
			sb.WriteString(".")
			sb.WriteString(s)
		}
		return
	}
	switch x := e.(type) {
	case *ast.Paren:
		sb.WriteString("(")
		b.renderTo(sb, x.X, depth+1)
		sb.WriteString(")")
	case *ast.Unary:
		sb.WriteString(x.Op.String())
		b.renderTo(sb, x.X, depth+1)
	case *ast.Binary:
		b.renderTo(sb, x.X, depth+1)
		sb.WriteString(" " + x.Op.String() + " ")
		b.renderTo(sb, x.Y, depth+1)
	default:
		sb.WriteString(strings.Join(strings.Fields(b.text(e)), " "))
	}
}
