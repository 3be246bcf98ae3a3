package scope_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"github.com/nixlint/nixlint/internal/testtool"
	"go/token"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/ast"
	"github.com/nixlint/nixlint/parser/scope"
)

// evalGen writes random programs whose value is a nested list of string
// markers, each marker reached through variables bound by let, rec, legacy
// let, inherit, inherit (src), lambdas, formals and with. Nix evaluates
// them; evaluating them by following only scope.Info must give the same
// markers in the same order, so every reference resolved to the binding Nix
// uses.
type evalGen struct {
	r      *rand.Rand
	marker int
}

func (g *evalGen) mark() string {
	g.marker++
	return fmt.Sprintf(`"m%d"`, g.marker)
}

func (g *evalGen) pick(s ...string) string { return s[g.r.IntN(len(s))] }

// value is a marker or an alias of a variable.
func (g *evalGen) value(inWith bool) string {
	if g.r.IntN(4) == 0 {
		return g.ref(inWith)
	}
	return g.mark()
}

// ref names x, y or z, which the program's top let always binds, or w,
// which every with defines.
func (g *evalGen) ref(inWith bool) string {
	if inWith && g.r.IntN(3) == 0 {
		return "w"
	}
	return g.pick("x", "y", "z")
}

func (g *evalGen) expr(d int, inWith bool) string {
	if d > 4 {
		var refs []string
		for n := 1 + g.r.IntN(3); n > 0; n-- {
			refs = append(refs, g.ref(inWith))
		}
		return "[ " + strings.Join(refs, " ") + " ]"
	}
	n1, n2 := g.pick("x", "y", "z"), g.pick("x", "y", "z")
	m2, m3 := g.next(n1), g.next(g.next(n1))
	switch g.r.IntN(13) {
	// Sets Nix merges, which decides what their values see. The merged
	// set is named s, which no reference names: its value is a set.
	case 9:
		return fmt.Sprintf("(rec { s = rec { %s = %s; }; s.%s = [ %s ]; }).s.%s", m2, g.value(inWith), m3, g.expr(d+1, inWith), m3)
	case 10:
		return fmt.Sprintf("({ s = rec { %s = %s; }; s = { %s = [ %s ]; }; }).s.%s", m2, g.value(inWith), m3, g.expr(d+1, inWith), m3)
	case 11:
		return fmt.Sprintf("({ s = { %s = %s; }; s = rec { %s = [ %s ]; }; }).s.%s", m2, g.value(inWith), m3, g.expr(d+1, inWith), m3)
	case 12:
		return fmt.Sprintf("(let s = rec { %s = %s; }; s.%s = [ %s ]; in s.%s)", m2, g.value(inWith), m3, g.expr(d+1, inWith), m3)
	case 0:
		return fmt.Sprintf("(let %s = %s; %s = %s; in [ %s %s ])", n1, g.value(inWith), g.next(n1), g.expr(d+1, inWith), g.expr(d+1, inWith), g.next(n1))
	case 1:
		return fmt.Sprintf("(let inherit %s; %s = %s; in [ %s %s ])", n1, g.next(n1), g.expr(d+1, inWith), g.expr(d+1, inWith), n1)
	case 2:
		return fmt.Sprintf("(let inherit ({ %s = %s; %s = %s; }) %s; in %s)", n1, g.value(inWith), g.next(n1), g.value(inWith), n1, g.expr(d+1, inWith))
	case 3:
		return fmt.Sprintf("(rec { %s = %s; %s = [ %s %s ]; }).%s", n1, g.value(inWith), g.next(n1), g.expr(d+1, inWith), n1, g.next(n1))
	case 4:
		return fmt.Sprintf("(rec { inherit %s; %s = %s; }).%s", n1, g.next(n1), g.expr(d+1, inWith), g.pick(n1, g.next(n1)))
	case 5:
		return fmt.Sprintf("((%s: %s) %s)", n1, g.expr(d+1, inWith), g.value(inWith))
	case 6:
		return fmt.Sprintf("(({ %s ? %s, %s ? %s, ... }: %s) {})", n1, g.value(inWith), g.next(n1), g.mark(), g.expr(d+1, inWith))
	case 7:
		return fmt.Sprintf("(with { %s = %s; w = %s; }; %s)", n2, g.value(inWith), g.value(inWith), g.expr(d+1, true))
	}
	return fmt.Sprintf("(let { body = %s; %s = %s; })", g.expr(d+1, inWith), n1, g.value(inWith))
}

// next returns another name of the pool, so two bindings never clash.
func (g *evalGen) next(n string) string {
	return map[string]string{"x": "y", "y": "z", "z": "x"}[n]
}

func (g *evalGen) program() string {
	return fmt.Sprintf("let x = %s; y = %s; z = %s; in %s", g.mark(), g.mark(), g.mark(), g.expr(0, false))
}

// evaluator evaluates the generated programs through scope.Info alone.
type evaluator struct {
	info   *scope.Info
	args   map[*ast.Lambda]ast.Expr // the argument each lambda is applied to
	active map[*scope.Binding]bool
}

var (
	errCycle  = errors.New("a binding refers to itself")
	errNoAttr = errors.New("no attribute")
)

func (ev *evaluator) eval(e ast.Expr) ([]string, error) {
	switch e := e.(type) {
	case *ast.String:
		v, _ := e.StaticValue()
		return []string{v}, nil
	case *ast.Paren:
		return ev.eval(e.X)
	case *ast.List:
		var out []string
		for _, x := range e.Elems {
			v, err := ev.eval(x)
			if err != nil {
				return nil, err
			}
			out = append(out, v...)
		}
		return out, nil
	case *ast.Ident:
		b := ev.info.BindingOf(e)
		if b == nil {
			return nil, fmt.Errorf("%s resolves to nothing", e.Name)
		}
		return ev.binding(b)
	case *ast.Let:
		return ev.eval(e.Body)
	case *ast.LegacyLet:
		return ev.attr(e.Bindings, "body")
	case *ast.With:
		return ev.eval(e.Body)
	case *ast.Apply:
		return ev.eval(ast.Unparen(e.Fun).(*ast.Lambda).Body)
	case *ast.Select:
		var path []string
		for _, n := range e.Path.Names {
			name, _ := ast.StaticName(n)
			path = append(path, name)
		}
		switch x := ast.Unparen(e.X).(type) {
		case *ast.AttrSet:
			return ev.attr(x.Bindings, path...)
		case *ast.Ident:
			// A let binding defined through paths: select among its
			// declarations, which start with its name.
			b := ev.info.BindingOf(x)
			if b == nil || b.Kind != scope.Let {
				return nil, fmt.Errorf("%s is not a let binding", x.Name)
			}
			return ev.selectIn(b.Decls, append([]string{b.Name}, path...))
		}
	}
	return nil, fmt.Errorf("cannot evaluate %T", e)
}

// attr evaluates the attribute at path of a set.
func (ev *evaluator) attr(bindings []ast.Binding, path ...string) ([]string, error) {
	if len(path) > 1 {
		return ev.selectIn(bindings, path)
	}
	name := path[0]
	for _, b := range bindings {
		switch b := b.(type) {
		case *ast.AttrDef:
			if n, _ := ast.StaticName(b.Path.Names[0]); n == name {
				return ev.eval(b.Value)
			}
		case *ast.Inherit:
			for _, n := range b.Names {
				if n.(*ast.Ident).Name == name {
					if b.From != nil {
						return ev.attr(ast.Unparen(b.From).(*ast.AttrSet).Bindings, name)
					}
					return ev.eval(n.(*ast.Ident))
				}
			}
		}
	}
	return nil, fmt.Errorf("%w %s", errNoAttr, name)
}

func (ev *evaluator) binding(b *scope.Binding) ([]string, error) {
	if ev.active[b] {
		return nil, errCycle
	}
	ev.active[b] = true
	defer delete(ev.active, b)
	switch b.Kind {
	case scope.Let, scope.Rec:
		switch {
		case b.Inherited():
			if b.Inherits == nil {
				return nil, fmt.Errorf("inherit %s refers to nothing", b.Name)
			}
			return ev.binding(b.Inherits)
		case b.From != nil:
			return ev.attr(ast.Unparen(b.From).(*ast.AttrSet).Bindings, b.Name)
		}
		return ev.eval(b.Value)
	case scope.Param:
		return ev.eval(ev.args[b.Scope.(*ast.Lambda)])
	case scope.Formal:
		return ev.eval(b.Formal.Default)
	case scope.With:
		return ev.attr(ast.Unparen(b.With.Env).(*ast.AttrSet).Bindings, b.Name)
	}
	return nil, fmt.Errorf("cannot evaluate a %s binding", b.Kind)
}

// selectIn evaluates the attribute at path of the set that bindings define,
// following dotted paths and set literals as Nix merges them.
func (ev *evaluator) selectIn(bindings []ast.Binding, path []string) ([]string, error) {
	for _, b := range bindings {
		d, ok := b.(*ast.AttrDef)
		if !ok {
			continue
		}
		var p []string
		for _, n := range d.Path.Names {
			name, _ := ast.StaticName(n)
			p = append(p, name)
		}
		if len(p) > len(path) || !slices.Equal(p, path[:len(p)]) {
			continue
		}
		if len(p) == len(path) {
			return ev.eval(d.Value)
		}
		if set, ok := ast.Unparen(d.Value).(*ast.AttrSet); ok {
			if v, err := ev.selectIn(set.Bindings, path[len(p):]); !errors.Is(err, errNoAttr) {
				return v, err
			}
		}
	}
	return nil, fmt.Errorf("%w %s", errNoAttr, strings.Join(path, "."))
}

// flatten returns the strings of a nested JSON list, in order.
func flatten(v any, out []string) []string {
	switch v := v.(type) {
	case string:
		return append(out, v)
	case []any:
		for _, x := range v {
			out = flatten(x, out)
		}
	}
	return out
}

func TestEvalAgreesWithNix(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Nix for every program")
	}
	n, seed := 150, uint64(1)
	if env := os.Getenv("NIXLINT_RANDOM"); env != "" {
		if _, err := fmt.Sscanf(env, "%d,%d", &n, &seed); err != nil {
			t.Fatalf("NIXLINT_RANDOM=%q: want N,SEED: %v", env, err)
		}
	}
	nix := testtool.Path(t, "nix-instantiate")
	g := &evalGen{r: rand.New(rand.NewPCG(seed, 3))}
	type result struct {
		src       string
		want, got []string
		err       error
		nixErr    error
	}
	results := make([]result, n)
	for i := range results {
		src := g.program()
		fset := token.NewFileSet()
		f, errs := parser.ParseFile(fset, "case.nix", []byte(src))
		if len(errs) > 0 {
			t.Fatalf("%s: parse: %v", src, errs)
		}
		ev := &evaluator{info: scope.Resolve(f), args: map[*ast.Lambda]ast.Expr{}, active: map[*scope.Binding]bool{}}
		ast.Inspect(f, func(n ast.Node) bool {
			if a, ok := n.(*ast.Apply); ok {
				if l, ok := ast.Unparen(a.Fun).(*ast.Lambda); ok {
					ev.args[l] = a.Arg
				}
			}
			return true
		})
		got, err := ev.eval(f.Expr)
		results[i] = result{src: src, got: got, err: err}
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for i := range results {
		res := &results[i]
		if errors.Is(res.err, errCycle) {
			continue
		}
		dir := t.TempDir()
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			file := filepath.Join(dir, "case.nix")
			if err := os.WriteFile(file, []byte(res.src), 0o644); err != nil {
				t.Error(err)
				return
			}
			out, err := exec.Command(nix, "--eval", "--strict", "--json", file).Output()
			if err != nil {
				res.nixErr = err
				return
			}
			var v any
			if err := json.Unmarshal(out, &v); err != nil {
				t.Errorf("%s: %v", res.src, err)
				return
			}
			res.want = flatten(v, nil)
		}()
	}
	wg.Wait()
	checked, cycles, bothFail := 0, 0, 0
	for _, res := range results {
		switch {
		case errors.Is(res.err, errCycle):
			cycles++
			continue
		case res.nixErr != nil && res.err != nil:
			// Both fail: a program whose value is infinite or a set.
			bothFail++
			continue
		case res.nixErr != nil:
			t.Errorf("%s\n\tNix fails: %v\n\tscope: %v", res.src, res.nixErr, res.got)
			continue
		}
		checked++
		if res.err != nil {
			t.Errorf("%s\n\tNix: %v\n\tscope: %v", res.src, res.want, res.err)
		} else if !slices.Equal(res.got, res.want) {
			t.Errorf("%s\n\tNix:   %v\n\tscope: %v", res.src, res.want, res.got)
		}
	}
	t.Logf("%d programs evaluated the same by Nix and through scope.Info (skipped: %d with a cyclic binding, %d that both fail)", checked, cycles, bothFail)
}
