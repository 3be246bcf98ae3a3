package conventions

import (
	"fmt"
	"strings"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/config"
)

// NameEnvPrefix reports environment words in VM names.
var NameEnvPrefix = &analysis.Analyzer{
	Name:     "vm-name-env-prefix",
	Severity: analysis.Note,
	Doc: `a VM name carries an environment prefix or suffix (dev-, prod-, staging-, test-, qa-)
CONVENTIONS.md asks to "Avoid environment prefixes unless needed
(dev/prod)": the id range already says whether a VM is production
(100-999) or development/test (2000-2999). VMs whose id lies in the
development/test block are not reported, since that is where an
environment in the name can be needed; elsewhere a note suggests the name
without it. Suppress with the reason where the prefix is needed. The words
are configurable ([conventions] environments).`,
	Requires: requires,
	Run:      runNameEnvPrefix,
	Docs: &analysis.Docs{
		Principle: `"Avoid environment prefixes unless needed (dev/prod)" — CONVENTIONS.md, "VM Naming Convention", "Notes"`,
		Bad:       `mares.infrastructure.nodes.prod-web-01 = { vmid = 200; };`,
		Good:      `mares.infrastructure.nodes.web-01 = { vmid = 200; };`,
		Tags:      []string{"conventions", "vm-name"},
	},
}

func runNameEnvPrefix(pass *analysis.Pass) (any, error) {
	in := inv(pass)
	conv := in.Conv
	for _, v := range checkedNames(in) {
		if v.IDKnown {
			if b, ok := conv.Block(v.ID); ok && b.Class == config.ClassDevelopment {
				continue
			}
		}
		n := parseName(hostLabel(v.Name))
		words := strings.FieldsFunc(n.Purpose, func(r rune) bool { return r == '-' || r == ':' || r == '_' || r == '.' })
		if len(words) < 2 {
			continue
		}
		var env, where string
		switch {
		case conv.IsEnvironment(words[0]):
			env, where = words[0], "prefix"
			words = words[1:]
		case conv.IsEnvironment(words[len(words)-1]):
			env, where = words[len(words)-1], "suffix"
			words = words[:len(words)-1]
		default:
			continue
		}
		msg := fmt.Sprintf("%s name %s carries the environment %s %q", v.Kind, quoted(v.Name), where, env)
		if n.Number != "" {
			msg += fmt.Sprintf("; the id range tells the environment, so name it %s-%s unless the %s is needed (then say why in a suppression)", strings.Join(words, "-"), n.Number, where)
		} else {
			msg += "; leave it out unless it is needed"
		}
		pass.Report(analysis.Diagnostic{Pos: v.NamePos, End: v.NameEnd, Message: msg})
	}
	return nil, nil
}
