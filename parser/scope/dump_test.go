package scope_test

import (
	"cmp"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nixlint/nixlint/bench/tree"
	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/ast"
	"github.com/nixlint/nixlint/parser/scope"
)

// dumpInfo renders everything an Info holds as text, bindings named by
// their index in Info.Bindings (or by kind and name for with and builtin
// bindings), so that two Infos of the same tree can be compared whatever
// their pointers.
func dumpInfo(info *scope.Info) string {
	var b strings.Builder
	index := make(map[*scope.Binding]int, len(info.Bindings))
	for i, bd := range info.Bindings {
		index[bd] = i
	}
	name := func(bd *scope.Binding) string {
		if bd == nil {
			return "nil"
		}
		if i, ok := index[bd]; ok {
			return fmt.Sprint("#", i)
		}
		w := token.NoPos
		if bd.With != nil {
			w = bd.With.Pos()
		}
		return fmt.Sprintf("%s:%q@%d", bd.Kind, bd.Name, w)
	}
	pos := func(n ast.Node) string {
		if ast.IsNil(n) {
			return "-"
		}
		return fmt.Sprintf("%T@%d-%d", n, n.Pos(), n.End())
	}
	idents := func(ids []*ast.Ident) string {
		var s []string
		for _, id := range ids {
			s = append(s, fmt.Sprintf("%q@%d", id.Name, id.Pos()))
		}
		return strings.Join(s, " ")
	}
	describe := func(bd *scope.Binding) {
		fmt.Fprintf(&b, "  %s %s %q def=%s value=%s from=%s scope=%s formal=%s inherits=%s with=%s inherited=%v\n",
			name(bd), bd.Kind, bd.Name, pos(bd.Def), pos(bd.Value), pos(bd.From), pos(bd.Scope), pos(bd.Formal), name(bd.Inherits), pos(bd.With), bd.Inherited())
		var decls []string
		for _, d := range bd.Decls {
			decls = append(decls, pos(d))
		}
		fmt.Fprintf(&b, "    decls: %s\n    uses: %s\n", strings.Join(decls, " "), idents(bd.Uses))
	}
	b.WriteString("bindings:\n")
	for _, bd := range info.Bindings {
		describe(bd)
	}
	refs := make([]*ast.Ident, 0, len(info.Refs))
	for id := range info.Refs {
		refs = append(refs, id)
	}
	slices.SortFunc(refs, func(x, y *ast.Ident) int {
		return cmp.Or(cmp.Compare(x.Pos(), y.Pos()), strings.Compare(x.Name, y.Name))
	})
	b.WriteString("refs:\n")
	others := map[*scope.Binding]bool{}
	for _, id := range refs {
		bd := info.Refs[id]
		fmt.Fprintf(&b, "  %q@%d -> %s (BindingOf %s)\n", id.Name, id.Pos(), name(bd), name(info.BindingOf(id)))
		if _, ok := index[bd]; !ok && !others[bd] {
			others[bd] = true
			describe(bd)
		}
	}
	fmt.Fprintf(&b, "undefined: %s\n", idents(info.Undefined))
	for _, d := range info.Duplicates {
		var path []string
		for _, n := range d.Path {
			path = append(path, pos(n))
		}
		fmt.Fprintf(&b, "dup %q path=[%s] %d-%d prev=%d decl=%s\n", d.Name, strings.Join(path, " "), d.Pos, d.End, d.Prev, pos(d.Decl))
	}
	var unused []string
	for _, bd := range info.Unused() {
		unused = append(unused, name(bd))
	}
	fmt.Fprintf(&b, "unused: %s\n", strings.Join(unused, " "))
	return b.String()
}

// corpusFiles parses every .nix file of testdata/parser, syntax errors
// included: Resolve must handle partial trees the same way every time.
func corpusFiles(tb testing.TB) []*ast.File {
	tb.Helper()
	root := filepath.Join("..", "..", "testdata", "parser")
	srcs, err := tree.ReadSources(root)
	if err != nil {
		tb.Fatal(err)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, s := range srcs {
		f, _ := parser.ParseFile(fset, s.File, s.Src)
		files = append(files, f)
	}
	if len(files) == 0 {
		tb.Fatal("no corpus files")
	}
	return files
}

// TestDumpInfo writes the dump of every corpus and generated file to the
// file named by SCOPE_DUMP, to compare two versions of the package.
func TestDumpInfo(t *testing.T) {
	out := os.Getenv("SCOPE_DUMP")
	if out == "" {
		t.Skip("SCOPE_DUMP not set")
	}
	var b strings.Builder
	for _, f := range append(corpusFiles(t), loadTree(t)...) {
		fmt.Fprintf(&b, "== %s\n%s", f.Name, dumpInfo(scope.Resolve(f)))
	}
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
