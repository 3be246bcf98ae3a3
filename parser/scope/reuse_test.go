package scope_test

import (
	"fmt"
	"go/token"
	"slices"
	"strings"
	"testing"

	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/ast"
	"github.com/nixlint/nixlint/parser/scope"
)

// TestResolverReuse resolves the parser corpus (partial trees included)
// and the generated repository with one Resolver, in two orders, and
// checks every result against a Resolver used once: nothing of a file may
// leak into the next.
func TestResolverReuse(t *testing.T) {
	files := reuseFiles(t)
	want := freshDumps(files)
	orders := map[string][]int{"forward": {}, "backward": {}}
	for i := range files {
		orders["forward"] = append(orders["forward"], i)
	}
	orders["backward"] = slices.Clone(orders["forward"])
	slices.Reverse(orders["backward"])
	for name, order := range orders {
		var r scope.Resolver
		for _, i := range order {
			if got := dumpInfo(r.Resolve(files[i])); got != want[i] {
				t.Fatalf("%s: %s: reused Resolver differs:\n%s\nwant:\n%s", name, files[i].Name, got, want[i])
			}
		}
	}
}

// TestResolveReuse checks ResolveReuse against a Resolver used once, on
// the parser corpus (partial trees included) and the generated repository,
// with one Resolver reused in two orders and, in between, by its other
// methods: its Info must be Resolve's, whatever the Resolver did before.
func TestResolveReuse(t *testing.T) {
	files := reuseFiles(t)
	want := freshDumps(files)
	tests := []struct {
		name    string
		reverse bool
		between func(r *scope.Resolver, f *ast.File)
	}{
		{"forward", false, nil},
		{"backward", true, nil},
		{"with Resolve and Problems between", false, func(r *scope.Resolver, f *ast.File) {
			r.Resolve(f)
			r.Problems(f)
		}},
		{"after an empty file each", true, func(r *scope.Resolver, _ *ast.File) { r.ResolveReuse(&ast.File{}) }},
	}
	for _, tt := range tests {
		var r scope.Resolver
		for k := range files {
			i := k
			if tt.reverse {
				i = len(files) - 1 - k
			}
			if got := dumpInfo(r.ResolveReuse(files[i])); got != want[i] {
				t.Fatalf("%s: %s: ResolveReuse differs from Resolve:\n%s\nwant:\n%s", tt.name, files[i].Name, got, want[i])
			}
			if tt.between != nil {
				tt.between(&r, files[(i+1)%len(files)])
			}
		}
	}
}

// TestNoRefsMap checks that with NoRefsMap, ResolveReuse leaves Refs nil
// and BindingOf answers as Resolve's Refs do, for every reference, every
// undefined name and identifiers that are no reference, with one Resolver
// reused over the corpus and the generated repository.
func TestNoRefsMap(t *testing.T) {
	files := reuseFiles(t)
	r := scope.Resolver{NoRefsMap: true}
	for _, f := range files {
		want := new(scope.Resolver).Resolve(f)
		got := r.ResolveReuse(f)
		if got.Refs != nil {
			t.Fatalf("%s: NoRefsMap, yet Refs is %v", f.Name, got.Refs)
		}
		checkBindingOf(t, f, want, got)
	}
	if info := r.ResolveReuse(&ast.File{}); info.Refs != nil || info.BindingOf(&ast.Ident{}) != nil {
		t.Errorf("empty file: %#v", info)
	}
}

// TestResolveReuseEmpty checks that ResolveReuse leaves nothing of the
// previous file in the Info of an empty one, and that its lists are nil
// when empty, as Resolve's are.
func TestResolveReuseEmpty(t *testing.T) {
	var r scope.Resolver
	r.ResolveReuse(loadTree(t)[0])
	for _, f := range []*ast.File{nil, {}, {Name: "empty.nix"}} {
		info := r.ResolveReuse(f)
		if info == nil || info.Refs == nil {
			t.Fatalf("%v: ResolveReuse returned %#v", f, info)
		}
		if len(info.Refs)+len(info.Bindings)+len(info.Undefined)+len(info.Duplicates) > 0 {
			t.Errorf("%v: empty file resolved to %#v", f, info)
		}
	}
	info := r.ResolveReuse(&ast.File{Expr: &ast.Int{}})
	if info.Bindings != nil || info.Undefined != nil || info.Duplicates != nil {
		t.Errorf("a file without bindings resolved to non-nil empty lists: %#v", info)
	}
}

// TestResolverInfoStaysValid checks that an Info is unchanged by later
// calls of the Resolver that returned it, and by the package's Resolve.
func TestResolverInfoStaysValid(t *testing.T) {
	files := append(corpusFiles(t), loadTree(t)[:300]...)
	var r scope.Resolver
	infos := make([]*scope.Info, len(files))
	want := make([]string, len(files))
	for i, f := range files {
		infos[i] = r.Resolve(f)
		want[i] = dumpInfo(infos[i])
	}
	for _, f := range files {
		r.Resolve(f)
		r.ResolveReuse(f)
		scope.Resolve(f)
	}
	for i, info := range infos {
		if got := dumpInfo(info); got != want[i] {
			t.Fatalf("%s: Info changed by later calls:\n%s\nwant:\n%s", files[i].Name, got, want[i])
		}
	}
}

// TestResolverEmpty checks the files without an expression, before and
// after real ones.
func TestResolverEmpty(t *testing.T) {
	var r scope.Resolver
	for _, f := range []*ast.File{nil, {}, loadTree(t)[0], {Name: "empty.nix"}} {
		info := r.Resolve(f)
		if info == nil || info.Refs == nil {
			t.Fatalf("%v: Resolve returned %#v", f, info)
		}
		if f == nil || f.Expr == nil {
			if len(info.Refs)+len(info.Bindings)+len(info.Undefined)+len(info.Duplicates) > 0 {
				t.Errorf("%v: empty file resolved to %#v", f, info)
			}
		}
	}
}

// TestResolveConcurrent resolves files from several goroutines at once:
// Resolve's pool must hand each call a Resolver of its own. Run it with
// -race.
func TestResolveConcurrent(t *testing.T) {
	files := corpusFiles(t)
	want := freshDumps(files)
	const workers = 4
	errs := make(chan string, workers)
	for w := range workers {
		go func() {
			for k := range files {
				i := (k + w*len(files)/workers) % len(files)
				if got := dumpInfo(scope.Resolve(files[i])); got != want[i] {
					errs <- files[i].Name
					return
				}
			}
			errs <- ""
		}()
	}
	for range workers {
		if name := <-errs; name != "" {
			t.Errorf("%s: concurrent Resolve differs from a fresh Resolver", name)
		}
	}
}

// TestResolverAfterHugeFile resolves a file whose work memory the
// Resolver drops rather than keeps, then small ones.
func TestResolverAfterHugeFile(t *testing.T) {
	var b strings.Builder
	b.WriteString("let\n")
	for i := range 70000 {
		fmt.Fprintf(&b, "  a%d = { x%d = a%d; y = [ b%d ]; };\n", i, i, max(i-1, 0), i)
	}
	b.WriteString("in with {}; [ a0 a69999 ]\n")
	huge, errs := parser.ParseFile(token.NewFileSet(), "huge.nix", []byte(b.String()))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var r scope.Resolver
	r.Resolve(huge)
	for _, f := range append(corpusFiles(t), huge) {
		if got, want := dumpInfo(r.Resolve(f)), dumpInfo(new(scope.Resolver).Resolve(f)); got != want {
			t.Fatalf("%s: reused Resolver differs:\n%.2000s\nwant:\n%.2000s", f.Name, got, want)
		}
	}
	// The same with the memory of ResolveReuse: its Refs maps and index.
	for _, noMap := range []bool{false, true} {
		r := scope.Resolver{NoRefsMap: noMap}
		r.ResolveReuse(huge)
		for _, f := range append(corpusFiles(t)[:50], huge) {
			want := new(scope.Resolver).Resolve(f)
			got := r.ResolveReuse(f)
			if noMap {
				checkBindingOf(t, f, want, got)
			} else if g, w := dumpInfo(got), dumpInfo(want); g != w {
				t.Fatalf("%s: ResolveReuse after a huge file differs:\n%.2000s\nwant:\n%.2000s", f.Name, g, w)
			}
		}
	}
}

// TestProblems checks that Problems finds the undefined references and the
// duplicates Resolve finds, in the same order, on the corpus and the
// generated repository, with one Resolver reused between both methods.
func TestProblems(t *testing.T) {
	files := append(corpusFiles(t), loadTree(t)...)
	var r scope.Resolver
	withProblems := 0
	for _, f := range files {
		full := new(scope.Resolver).Resolve(f)
		got := r.Problems(f)
		if len(full.Undefined)+len(full.Duplicates) > 0 {
			withProblems++
		}
		if !slices.Equal(got.Undefined, full.Undefined) {
			t.Errorf("%s: Problems finds undefined %v, Resolve %v", f.Name, got.Undefined, full.Undefined)
		}
		if len(got.Duplicates) != len(full.Duplicates) {
			t.Errorf("%s: Problems finds %d duplicates, Resolve %d", f.Name, len(got.Duplicates), len(full.Duplicates))
			continue
		}
		for i, d := range got.Duplicates {
			if w := full.Duplicates[i]; d.Name != w.Name || d.Pos != w.Pos || d.Prev != w.Prev {
				t.Errorf("%s: duplicate %d: Problems %q at %d, Resolve %q at %d", f.Name, i, d.Name, d.Pos, w.Name, w.Pos)
			}
		}
		if got.Refs != nil || got.Bindings != nil {
			t.Errorf("%s: Problems built references or bindings", f.Name)
		}
		r.Resolve(f) // the same Resolver serves both
	}
	if withProblems == 0 {
		t.Fatal("no file of the corpus has a problem: the test checks nothing")
	}
}

// checkBindingOf checks that got, an Info without Refs, answers BindingOf
// as want, Resolve's Info of f, does with its Refs.
func checkBindingOf(t *testing.T, f *ast.File, want, got *scope.Info) {
	t.Helper()
	// dumpInfo lists the references of Refs: rebuild it with BindingOf,
	// for the identifiers of the tree (each resolution makes its own
	// for a quoted inherit name, which only Uses lists).
	inTree := map[*ast.Ident]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			inTree[id] = true
		}
		return true
	})
	rebuilt, trimmed := *got, *want
	rebuilt.Refs, trimmed.Refs = map[*ast.Ident]*scope.Binding{}, map[*ast.Ident]*scope.Binding{}
	for id, b := range want.Refs {
		if inTree[id] {
			rebuilt.Refs[id], trimmed.Refs[id] = got.BindingOf(id), b
		}
	}
	if g, w := dumpInfo(&rebuilt), dumpInfo(&trimmed); g != w {
		t.Fatalf("%s: BindingOf differs from Resolve's Refs:\n%s\nwant:\n%s", f.Name, g, w)
	}
	others := append([]*ast.Ident{nil, {Name: "x"}}, want.Undefined...)
	for _, b := range want.Bindings {
		if id, ok := b.Def.(*ast.Ident); ok && want.Refs[id] == nil {
			others = append(others, id)
		}
	}
	for _, id := range others {
		if b := got.BindingOf(id); b != nil {
			t.Fatalf("%s: BindingOf(%v) = %v, want nil", f.Name, id, b)
		}
	}
}

// reuseFiles returns the trees the reuse tests resolve: the parser corpus
// (partial trees included) and the generated repository, or the first 400
// of them with -short.
func reuseFiles(t *testing.T) []*ast.File {
	files := append(corpusFiles(t), loadTree(t)...)
	if testing.Short() {
		files = files[:400]
	}
	return files
}

// freshDumps returns the dump of each file's Info from a Resolver used
// once: what a reused one must give.
func freshDumps(files []*ast.File) []string {
	want := make([]string, len(files))
	for i, f := range files {
		want[i] = dumpInfo(new(scope.Resolver).Resolve(f))
	}
	return want
}
