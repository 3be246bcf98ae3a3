package check_test

import (
	"fmt"
	"github.com/nixlint/nixlint/internal/testtool"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

// progGen writes random programs made of the constructs whose scoping and
// attribute merging Nix decides at parse time: sets, rec sets, paths,
// inherit, let, legacy let, lambdas, with, dynamic names.
type progGen struct{ r *rand.Rand }

var genVars = []string{"a", "b", "c", "x", "true", "map"}

func (g *progGen) pick(s []string) string { return s[g.r.IntN(len(s))] }

func (g *progGen) name() string {
	switch g.r.IntN(12) {
	case 0:
		return `"` + g.pick([]string{"a", "b", "c"}) + `"`
	case 1:
		return `${"` + g.pick([]string{"a", "b", "c"}) + `"}`
	case 2:
		return "${" + g.pick(genVars) + "}"
	case 3:
		return `"${` + g.pick(genVars) + `}"`
	}
	return g.pick([]string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}[:3+g.r.IntN(8)])
}

func (g *progGen) bindings(d int) string {
	var b strings.Builder
	n := g.r.IntN(4)
	if g.r.IntN(8) == 0 {
		n = 8 + g.r.IntN(8) // large enough to be indexed
	}
	for ; n > 0; n-- {
		switch g.r.IntN(6) {
		case 0, 1:
			b.WriteString("inherit")
			if g.r.IntN(2) == 0 {
				b.WriteString(" (" + g.expr(d+1) + ")")
			}
			for k := g.r.IntN(2); k >= 0; k-- {
				b.WriteString(" " + g.name())
			}
		default:
			var path []string
			for k := g.r.IntN(3); k >= 0; k-- {
				path = append(path, g.name())
			}
			b.WriteString(strings.Join(path, ".") + " = " + g.expr(d+1))
		}
		b.WriteString("; ")
	}
	return b.String()
}

func (g *progGen) expr(d int) string {
	if d > 3 {
		return g.pick(genVars)
	}
	switch g.r.IntN(13) {
	case 0, 1:
		return g.pick(genVars)
	case 2, 3:
		return "{ " + g.bindings(d) + "}"
	case 4:
		return "rec { " + g.bindings(d) + "}"
	case 5:
		return "(let " + g.bindings(d) + "in " + g.expr(d+1) + ")"
	case 6:
		return "(" + g.pick(genVars) + ": " + g.expr(d+1) + ")"
	case 7:
		var formals []string
		for k := g.r.IntN(3); k >= 0; k-- {
			f := g.pick(genVars)
			if g.r.IntN(3) == 0 {
				f += " ? " + g.expr(d+1)
			}
			formals = append(formals, f)
		}
		at := ""
		if g.r.IntN(3) == 0 {
			at = "@" + g.pick(genVars)
		}
		return "({ " + strings.Join(formals, ", ") + " }" + at + ": " + g.expr(d+1) + ")"
	case 8:
		return "(with " + g.expr(d+1) + "; " + g.expr(d+1) + ")"
	case 9:
		return "(" + g.expr(d+1) + ")." + g.name()
	case 10:
		switch g.r.IntN(4) {
		case 0:
			return `"${` + g.expr(d+1) + `}"`
		case 1:
			return "(" + g.expr(d+1) + ")." + g.name() + " or " + g.expr(d+1)
		case 2:
			return "(" + g.expr(d+1) + " ? " + g.name() + ")"
		}
		return "(assert " + g.expr(d+1) + "; " + g.expr(d+1) + ")"
	case 11:
		return "(let { body = " + g.expr(d+1) + "; " + g.bindings(d) + "})"
	}
	return "[ " + g.expr(d+1) + " " + g.expr(d+1) + " ]"
}

// TestRandomAgreesWithNix compares File with Nix on random programs from
// a fixed seed: Nix must reject exactly those File reports, with one of
// the errors File reports. Thousands of such programs were compared while
// writing the package; this keeps a sample.
func TestRandomAgreesWithNix(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Nix for every program")
	}
	// NIXLINT_RANDOM=N,SEED runs N programs from another seed.
	n, seed := 150, uint64(1)
	if env := os.Getenv("NIXLINT_RANDOM"); env != "" {
		if _, err := fmt.Sscanf(env, "%d,%d", &n, &seed); err != nil {
			t.Fatalf("NIXLINT_RANDOM=%q: want N,SEED: %v", env, err)
		}
	}
	g := &progGen{r: rand.New(rand.NewPCG(seed, 2))}
	srcs := make([]string, n)
	for i := range srcs {
		srcs[i] = g.expr(0)
		if i%3 != 0 {
			// Most programs bind the variables, so that other errors show.
			srcs[i] = "{ a, b, c, x }: " + srcs[i]
		}
	}
	verdicts := testtool.NixParseAll(t, srcs)
	rejected := 0
	for i, src := range srcs {
		syntax, errs := runCheck(t, "case.nix", src)
		if len(syntax) > 0 {
			t.Errorf("%s: parse: %v", src, syntax)
			continue
		}
		v := verdicts[i]
		if v.OK != (len(errs) == 0) {
			t.Errorf("%s\n\tNix accepts: %v (%s)\n\tnixlint: %v", src, v.OK, v.Msg, errs)
			continue
		}
		if v.OK {
			continue
		}
		rejected++
		norm := alreadyAt.ReplaceAllString(v.Msg, " already defined")
		found := false
		for _, e := range errs {
			found = found || alreadyAt.ReplaceAllString(e.Msg, " already defined") == norm
		}
		if !found {
			t.Errorf("%s\n\tNix says %q\n\tnixlint: %v", src, v.Msg, errs)
		}
	}
	t.Logf("%d programs, %d rejected by Nix", len(srcs), rejected)
}
