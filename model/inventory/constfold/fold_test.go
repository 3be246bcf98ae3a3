package constfold_test

import (
	"go/token"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nixlint/nixlint/model/inventory/constfold"
	"github.com/nixlint/nixlint/parser"
	"github.com/nixlint/nixlint/parser/ast"
	"github.com/nixlint/nixlint/parser/scope"
)

// fold parses src, whose value is a set with an attribute `v`, and folds v.
func fold(t *testing.T, src string) constfold.Value {
	t.Helper()
	fset := token.NewFileSet()
	f, errs := parser.ParseFile(fset, "t.nix", []byte(src))
	if len(errs) > 0 {
		t.Fatalf("parse %q: %v", src, errs)
	}
	var target ast.Expr
	ast.Inspect(f, func(n ast.Node) bool {
		if d, ok := n.(*ast.AttrDef); ok && target == nil && len(d.Path.Names) == 1 {
			if name, _ := ast.StaticName(d.Path.Names[0]); name == "v" {
				target = d.Value
			}
		}
		return true
	})
	if target == nil {
		t.Fatalf("no v in %q", src)
	}
	return constfold.New(scope.Resolve(f)).Eval(target)
}

func TestFolded(t *testing.T) {
	tests := []struct {
		src  string
		want string
	}{
		{`{ v = 201; }`, `201`},
		{`{ v = 2 * 100 + 1; }`, `201`},
		{`{ v = -5; }`, `-5`},
		{`{ v = (201); }`, `201`},
		{`{ v = "web-01"; }`, `"web-01"`},
		{`{ v = ''web-01''; }`, `"web-01"`},
		{`{ v = true; }`, `true`},
		{`{ v = !false; }`, `true`},
		{`{ v = null; }`, `null`},
		{`let id = 201; in { v = id; }`, `201`},
		{`let base = 200; in { v = base + 1; }`, `201`},
		{`let base = 200; in { v = base + 2 * 3; }`, `206`},
		{`let base = 210; in { v = base - 1; }`, `209`},
		{`let n = "01"; in { v = "web-" + n; }`, `"web-01"`},
		{`let n = "01"; p = "web"; in { v = "${p}-${n}"; }`, `"web-01"`},
		{`let a = b; b = 7; in { v = a; }`, `7`},
		{`let ids = { web = 201; db.primary = 220; }; in { v = ids.db.primary; }`, `220`},
		{`let ids = { web = 201; }; in { v = ids.web; }`, `201`},
		{`let ids = { web = 201; }; in { v = ids.nope or 5; }`, `5`},
		{`let ids.web = 201; ids.db = 220; in { v = ids.db; }`, `220`},
		{`let x = 3; s = { inherit x; }; in { v = s.x; }`, `3`},
		{`let t = { x = 4; }; s = { inherit (t) x; }; in { v = s.x; }`, `4`},
		{`let t = { x = 4; }; inherit (t) x; in { v = x; }`, `4`},
		{`rec { base = 100; v = base + 5; }`, `105`},
		{`let x = 1; in { v = let y = x + 1; in y; }`, `2`},
		{`{ lib, ... }: with lib; { v = 3; }`, `3`},
		{`{ v = https://example.org; }`, `"https://example.org"`},
	}
	for _, tt := range tests {
		got := fold(t, tt.src)
		if !got.Known() || got.String() != tt.want {
			t.Errorf("%s: got %s, want %s", tt.src, got, tt.want)
		}
	}
}

func TestSkipped(t *testing.T) {
	tests := []struct {
		src    string
		reason string // a substring of the reason
	}{
		{`{ lib, ... }: { v = lib.mkDefault 201; }`, "is a function call (lib.mkDefault)"},
		{`{ v = builtins.toString 1; }`, "function call (builtins.toString)"},
		{`name: { v = name; }`, "depends on the lambda argument `name`"},
		{`{ hostname, ... }: { v = "${hostname}-01"; }`, "depends on the function argument `hostname`"},
		{`{ config, ... }: { v = config.vm.id; }`, "depends on the function argument `config`"},
		{`{ lib, ... }: with lib; { v = vmid; }`, "comes from a `with` scope"},
		{`let a = a + 1; in { v = a; }`, "defined in terms of itself"},
		{`{ c, ... }: { v = if c then 1 else 2; }`, "conditional"},
		{`{ v = 1 + "a"; }`, "applies + to a integer and a string"},
		{`let n = 1; in { v = "web-${n}"; }`, "cannot coerce"},
		{`{ v = 1.5; }`, "floating-point"},
		{`{ v = [ 1 ]; }`, "is a list"},
		{`{ v = ./x; }`, "is a path"},
		{`{ v = 9223372036854775807 + 1; }`, "overflows"},
		{`{ v = 4611686018427387904 * 4; }`, "overflows"},
		{`let ids = { web = 201; }; in { v = ids.db; }`, "`db`, which is not defined"},
		{`let ids = { web = { a = 1; }; }; in { v = ids.web; }`, "is an attribute set"},
		{`{ x, ... }: let ids = { ${x} = 1; }; in { v = ids.web; }`, "dynamic attribute name"},
		{`{ v = 1 // 2; }`, "operator //"},
		{`{ v = map; }`, "builtin `map`"},
		{`{ v = x: x; }`, "is a function"},
	}
	for _, tt := range tests {
		got := fold(t, tt.src)
		if got.Known() || !strings.Contains(got.Reason, tt.reason) {
			t.Errorf("%s: got %s, want unknown with reason containing %q", tt.src, got, tt.reason)
		}
	}
}

// TestName folds dynamic attribute names such as proxmox.qemu.${hostname}.
func TestName(t *testing.T) {
	tests := []struct {
		src, want, reason string
	}{
		{`let hostname = "web-01"; in { proxmox.qemu.${hostname}.vmid = 1; }`, "web-01", ""},
		{`let n = "01"; in { proxmox.qemu."web-${n}".vmid = 1; }`, "web-01", ""},
		{`{ proxmox.qemu.web-01.vmid = 1; }`, "web-01", ""},
		{`{ hostname, ... }: { proxmox.qemu.${hostname}.vmid = 1; }`, "", "depends on the function argument `hostname`"},
	}
	for _, tt := range tests {
		fset := token.NewFileSet()
		f, errs := parser.ParseFile(fset, "t.nix", []byte(tt.src))
		if len(errs) > 0 {
			t.Fatalf("parse: %v", errs)
		}
		var def *ast.AttrDef
		ast.Inspect(f, func(n ast.Node) bool {
			if d, ok := n.(*ast.AttrDef); ok && len(d.Path.Names) == 4 {
				def = d
			}
			return true
		})
		got := constfold.New(scope.Resolve(f)).Name(def.Path.Names[2])
		switch {
		case tt.reason == "" && (!got.Known() || got.Str != tt.want):
			t.Errorf("%s: got %s, want %q", tt.src, got, tt.want)
		case tt.reason != "" && (got.Known() || !strings.Contains(got.Reason, tt.reason)):
			t.Errorf("%s: got %s, want unknown: %s", tt.src, got, tt.reason)
		}
	}
}

// TestDeep checks that hostile nesting ends in Unknown, not a stack
// overflow.
func TestDeep(t *testing.T) {
	src := "{ v = " + strings.Repeat("1 + ", 5000) + "1; }"
	if got := fold(t, src); got.Known() {
		t.Errorf("5000 additions folded to %s; want the depth limit", got)
	}
	var b strings.Builder
	for i := 0; i < 3000; i++ {
		b.WriteString("let a" + strconv.Itoa(i) + " = a" + strconv.Itoa(i+1) + "; in ")
	}
	b.WriteString("let a3000 = 1; in { v = a0; }")
	if got := fold(t, b.String()); got.Known() {
		t.Errorf("3000 chained lets folded to %s; want the depth limit", got)
	}

	// Each binding doubles the work: 2^60 steps without a budget.
	b.Reset()
	b.WriteString("let a60 = 1; ")
	for i := 59; i >= 0; i-- {
		b.WriteString("a" + strconv.Itoa(i) + " = a" + strconv.Itoa(i+1) + " + a" + strconv.Itoa(i+1) + "; ")
	}
	b.WriteString("in { v = a0; }")
	done := make(chan constfold.Value, 1)
	go func() { done <- fold(t, b.String()) }()
	select {
	case got := <-done:
		if got.Known() || !strings.Contains(got.Reason, "too large") {
			t.Errorf("doubling bindings folded to %s; want the step budget", got)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("folding doubling bindings did not end")
	}
}

func TestList(t *testing.T) {
	tests := []struct {
		src    string
		n      int    // elements, or -1 for unknown
		reason string // when unknown
	}{
		{`{ v = [ 1 2 ]; }`, 2, ""},
		{`let common = [ "a" ]; in { v = common ++ [ "b" "c" ]; }`, 3, ""},
		{`let a = [ 1 ]; b = a ++ a; in { v = (b); }`, 2, ""},
		{`{ xs, ... }: { v = xs ++ [ 1 ]; }`, -1, "function argument `xs`"},
		{`{ lib, ... }: { v = lib.optionals true [ 1 ]; }`, -1, "function call"},
		{`{ v = "a"; }`, -1, "is a string, not a list"},
		{`let a = a ++ [ 1 ]; in { v = a; }`, -1, "defined in terms of itself"},
	}
	for _, tt := range tests {
		fset := token.NewFileSet()
		f, errs := parser.ParseFile(fset, "t.nix", []byte(tt.src))
		if len(errs) > 0 {
			t.Fatalf("parse %q: %v", tt.src, errs)
		}
		var target ast.Expr
		ast.Inspect(f, func(n ast.Node) bool {
			if d, ok := n.(*ast.AttrDef); ok && target == nil {
				if name, _ := ast.StaticName(d.Path.Names[0]); name == "v" {
					target = d.Value
				}
			}
			return true
		})
		elems, v := constfold.New(scope.Resolve(f)).List(target)
		switch {
		case tt.n >= 0 && (v.Reason != "" || len(elems) != tt.n):
			t.Errorf("%s: got %d elements (%q), want %d", tt.src, len(elems), v.Reason, tt.n)
		case tt.n < 0 && !strings.Contains(v.Reason, tt.reason):
			t.Errorf("%s: reason %q, want %q", tt.src, v.Reason, tt.reason)
		}
	}
}
