package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"github.com/nixlint/nixlint/internal/didyoumean"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/engine"
	"github.com/nixlint/nixlint/rules"
)

// runRules implements `nixlint rules [--format text|json|markdown]`.
func runRules(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("nixlint rules", flag.ContinueOnError)
	format := fs.String("format", "text", "text, json or markdown")
	rest, err := parseInterspersed(fs, args)
	if errors.Is(err, errHelp) {
		fmt.Fprintln(stdout, "Usage: nixlint rules [--format text|json|markdown]")
		return exitOK
	}
	if err != nil {
		return usageError(stderr, err.Error())
	}
	if len(rest) > 0 {
		return usageError(stderr, "nixlint rules takes no arguments")
	}
	all := rules.All()
	switch *format {
	case "text":
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "RULE\tSEVERITY\tSUMMARY")
		for _, a := range all {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", a.Name, a.Severity, a.Title())
		}
		tw.Flush()
	case "json":
		type option struct {
			Name    string `json:"name"`
			Default any    `json:"default"`
			Doc     string `json:"doc"`
		}
		type rule struct {
			ID          string   `json:"id"`
			Severity    string   `json:"severity"`
			Summary     string   `json:"summary"`
			Description string   `json:"description"`
			HelpURI     string   `json:"helpUri"`
			Options     []option `json:"options"`
		}
		out := []rule{}
		for _, a := range all {
			ri := engine.RuleInfo(a)
			r := rule{ID: a.Name, Severity: a.Severity.String(), Summary: ri.Summary, Description: ri.Description, HelpURI: ri.HelpURI, Options: []option{}}
			for _, o := range a.Options {
				r.Options = append(r.Options, option{o.Name, o.Default, o.Doc})
			}
			out = append(out, r)
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out); err != nil {
			return fail(stderr, err)
		}
	case "markdown":
		fmt.Fprintln(stdout, "| Rule | Severity | Summary |")
		fmt.Fprintln(stdout, "|---|---|---|")
		for _, a := range all {
			fmt.Fprintf(stdout, "| [`%s`](docs/rules/%s.md) | %s | %s |\n", a.Name, a.Name, a.Severity, strings.ReplaceAll(a.Title(), "|", `\|`))
		}
	default:
		return usageError(stderr, fmt.Sprintf("unknown --format %q for nixlint rules (want text, json or markdown)", *format))
	}
	return exitOK
}

// runExplain implements `nixlint explain RULE`.
func runExplain(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 || strings.HasPrefix(args[0], "-") {
		if len(args) == 1 && (args[0] == "-h" || args[0] == "--help") {
			fmt.Fprintln(stdout, "Usage: nixlint explain RULE")
			return exitOK
		}
		return usageError(stderr, "usage: nixlint explain RULE (nixlint rules lists them)")
	}
	a := rules.Lookup(args[0])
	if a == nil {
		msg := fmt.Sprintf("unknown rule %q", args[0])
		if s := suggest(args[0]); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		return usageError(stderr, msg+"; nixlint rules lists them")
	}
	fmt.Fprint(stdout, explain(a))
	return exitOK
}

// explain renders a rule's documentation for the terminal.
func explain(a *analysis.Analyzer) string {
	var b strings.Builder
	ri := engine.RuleInfo(a)
	fmt.Fprintf(&b, "%s (%s): %s\n\n%s\n", a.Name, a.Severity, ri.Summary, wrap(ri.Description, "", 78))
	if d := a.Docs; d != nil {
		if d.Principle != "" {
			fmt.Fprintf(&b, "\nPrinciple:\n%s\n", wrap(d.Principle, "  ", 78))
		}
		if d.Bad != "" {
			fmt.Fprintf(&b, "\nViolation:\n%s\n", indentLines(d.Bad))
		}
		if d.Good != "" {
			fmt.Fprintf(&b, "\nFix:\n%s\n", indentLines(d.Good))
		}
	}
	if len(a.Options) > 0 {
		fmt.Fprintf(&b, "\nOptions ([rules.%s] in .nixlint.toml):\n", a.Name)
		opts := append([]analysis.Option(nil), a.Options...)
		sort.Slice(opts, func(i, j int) bool { return opts[i].Name < opts[j].Name })
		for _, o := range opts {
			fmt.Fprintf(&b, "  %s (default %v): %s\n", o.Name, o.Default, o.Doc)
		}
	}
	fmt.Fprintf(&b, "\nSuppress one finding with: # nixlint:ignore %s -- reason\nMore: %s\n", a.Name, ri.HelpURI)
	return b.String()
}

// wrap fills each paragraph of s to width columns, prefixing every line.
func wrap(s, prefix string, width int) string {
	var out []string
	for _, para := range strings.Split(s, "\n\n") {
		var lines []string
		line := prefix
		for _, w := range strings.Fields(para) {
			if len(line) > len(prefix) && len(line)+1+len(w) > width {
				lines = append(lines, line)
				line = prefix
			}
			if len(line) > len(prefix) {
				line += " "
			}
			line += w
		}
		lines = append(lines, line)
		out = append(out, strings.Join(lines, "\n"))
	}
	return strings.Join(out, "\n\n")
}

func indentLines(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "    " + l
	}
	return strings.Join(lines, "\n")
}

// suggest returns the rule id closest to s, if it looks like a typo.
func suggest(s string) string {
	names := make([]string, 0, len(rules.All()))
	for _, a := range rules.All() {
		names = append(names, a.Name)
	}
	best, _ := didyoumean.Typo(s, names)
	return best
}
