// Package analysistest checks rules against fixtures, in the style of
// golang.org/x/tools/go/analysis/analysistest.
//
// A fixture is a txtar archive (golang.org/x/tools/txtar) holding a
// miniature repository: each member is a file, written below a temporary
// directory; a member whose name ends in "/" makes an empty folder. A
// member named ".nixlint.toml" is the repository's configuration, read as
// in a real run (checked against the options of the rules under test). Run
// lints it with the real engine, with only the given rules enabled (and the
// shared analyses they require); suppression comments, [[exceptions]] and
// severities apply as in real runs.
//
// Expected findings are written in the fixture's .nix files, as a comment
// on the line where the finding starts:
//
//	services.openssh.enable = true; # want "module-self-enable"
//	a = 1; a = 2;                   # want "duplicate-attr: attribute 'a' already defined"
//	x = y z;                        # want "undefined-variable" "undefined-variable"
//	b = /* want "syntax-error" */ ;
//
// Each quoted expectation is "RULE" or "RULE: REGEXP", where REGEXP must
// match the message (an unanchored Go regexp). A line expecting two
// findings of a rule lists it twice. The quotes follow Go syntax: write \"
// and \\ inside them.
//
// Suppressed findings are ignored unless expected: "RULE (suppressed)" or
// "RULE (suppressed): REGEXP" expects a finding that a suppression comment,
// an exception or the baseline hid. An unsuppressed finding never matches
// a suppressed expectation, nor the reverse.
//
// Where a comment cannot go (a finding about a folder, which the rule
// reports on a file inside it; a line inside a string; a file that is not
// Nix), a member named "want" lists expectations, one a line:
//
//	modules/lib/default.nix:1: domain-folders: technical classification
//	roles/web.nix:3: role-only-compose (suppressed)
//
// Blank lines and lines starting with "#" are ignored there.
//
// Run fails the test, with file:line, for every finding no expectation
// matched and every expectation no finding matched. In fixtures, a
// suppression naming a rule that is not under test is not reported as
// naming an unknown rule (the harness does not know every rule); the
// engine's tests cover that message.
package analysistest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/engine"
	"github.com/nixlint/nixlint/report"
)

// Run lints the fixture archive (a path to a .txtar file, or the archive's
// text itself when it holds a newline) with the given analyzers and checks
// the findings against the fixture's expectations.
func Run(t *testing.T, archive string, analyzers ...*analysis.Analyzer) {
	t.Helper()
	res, wants := run(t, archive, analyzers)
	if res == nil {
		return
	}
	for _, e := range check(res.Findings, wants) {
		t.Error(e)
	}
}

// Lint lints the fixture like Run and returns the result without checking
// expectations, for tests of the engine itself.
func Lint(t *testing.T, archive string, analyzers ...*analysis.Analyzer) *report.Result {
	t.Helper()
	res, _ := run(t, archive, analyzers)
	return res
}

func run(t *testing.T, archive string, analyzers []*analysis.Analyzer) (*report.Result, []*want) {
	t.Helper()
	ar, name, err := readArchive(archive)
	if err != nil {
		t.Fatal(err)
		return nil, nil
	}
	dir := t.TempDir()
	var wants []*want
	for _, f := range ar.Files {
		if f.Name == "want" {
			ws, err := parseWantFile(name, f.Data)
			if err != nil {
				t.Fatal(err)
			}
			wants = append(wants, ws...)
			continue
		}
		if err := writeMember(dir, f); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if strings.HasSuffix(f.Name, ".nix") {
			ws, err := parseWantComments(f.Name, f.Data)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			wants = append(wants, ws...)
		}
	}
	cfg, err := engine.LoadConfig(dir, "", analyzers)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	res, err := engine.Run(context.Background(), engine.Options{
		Paths:     []string{dir},
		Config:    cfg,
		Analyzers: analyzers,
		KnownRule: func(string) bool { return true },
	})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return res, wants
}

// readArchive reads a txtar file, or parses text holding a newline.
func readArchive(archive string) (*txtar.Archive, string, error) {
	if strings.Contains(archive, "\n") {
		return txtar.Parse([]byte(archive)), "fixture", nil
	}
	ar, err := txtar.ParseFile(archive)
	if err != nil {
		return nil, archive, fmt.Errorf("reading fixture: %w", err)
	}
	return ar, archive, nil
}

// writeMember writes one archive member below dir.
func writeMember(dir string, f txtar.File) error {
	name := filepath.FromSlash(f.Name)
	if !filepath.IsLocal(name) {
		return fmt.Errorf("member %q is not a relative path inside the repository", f.Name)
	}
	p := filepath.Join(dir, name)
	if strings.HasSuffix(f.Name, "/") {
		return os.MkdirAll(p, 0o755)
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, f.Data, 0o644)
}

// want is one expected finding.
type want struct {
	file       string
	line       int
	rule       string
	re         *regexp.Regexp // nil: any message
	suppressed bool
	text       string // as written, for messages
	matched    bool
}

var (
	wantComment = regexp.MustCompile(`(?:#|/\*)\s*want((?:\s+"(?:[^"\\]|\\.)*")+)`)
	quoted      = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
	wantLine    = regexp.MustCompile(`^(.*?):(\d+):\s*(.+)$`)
)

// parseWantComments finds the want comments of a .nix member.
func parseWantComments(file string, data []byte) ([]*want, error) {
	var out []*want
	for i, line := range strings.Split(string(data), "\n") {
		for _, m := range wantComment.FindAllStringSubmatch(line, -1) {
			for _, q := range quoted.FindAllString(m[1], -1) {
				s, err := strconv.Unquote(q)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: bad want string %s: %v", file, i+1, q, err)
				}
				w, err := parseSpec(s)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %v", file, i+1, err)
				}
				w.file, w.line = file, i+1
				out = append(out, w)
			}
		}
	}
	return out, nil
}

// parseWantFile parses the "want" member.
func parseWantFile(archive string, data []byte) ([]*want, error) {
	var out []*want
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		m := wantLine.FindStringSubmatch(line)
		if m == nil {
			return nil, fmt.Errorf("%s: want:%d: want PATH:LINE: RULE[: REGEXP], got %q", archive, i+1, line)
		}
		n, _ := strconv.Atoi(m[2])
		w, err := parseSpec(m[3])
		if err != nil {
			return nil, fmt.Errorf("%s: want:%d: %v", archive, i+1, err)
		}
		w.file, w.line = m[1], n
		out = append(out, w)
	}
	return out, nil
}

// parseSpec parses "RULE[ (suppressed)][: REGEXP]".
func parseSpec(s string) (*want, error) {
	w := &want{text: s}
	head, re, hasRE := strings.Cut(s, ":")
	head = strings.TrimSpace(head)
	if rule, ok := strings.CutSuffix(head, "(suppressed)"); ok {
		w.suppressed = true
		head = strings.TrimSpace(rule)
	}
	if head == "" || strings.ContainsAny(head, " \t") {
		return nil, fmt.Errorf("want %q: expected a rule id first", s)
	}
	w.rule = head
	if hasRE {
		r, err := regexp.Compile(strings.TrimSpace(re))
		if err != nil {
			return nil, fmt.Errorf("want %q: %v", s, err)
		}
		w.re = r
	}
	return w, nil
}

// check matches findings with expectations and returns the failures,
// sorted by file and line.
func check(findings []report.Finding, wants []*want) []string {
	type key struct {
		file string
		line int
	}
	byLine := make(map[key][]*want)
	for _, w := range wants {
		k := key{w.file, w.line}
		byLine[k] = append(byLine[k], w)
	}
	type failure struct {
		file string
		line int
		msg  string
	}
	var fails []failure
	for _, f := range findings {
		var hit *want
		for _, w := range byLine[key{f.File, f.Line}] {
			if !w.matched && w.rule == f.Rule && w.suppressed == f.Suppressed && (w.re == nil || w.re.MatchString(f.Message)) {
				hit = w
				break
			}
		}
		switch {
		case hit != nil:
			hit.matched = true
		case !f.Suppressed:
			fails = append(fails, failure{f.File, f.Line, fmt.Sprintf("%s:%d:%d: unexpected finding: %s [%s]", f.File, f.Line, f.Column, f.Message, f.Rule)})
		}
	}
	for _, w := range wants {
		if !w.matched {
			fails = append(fails, failure{w.file, w.line, fmt.Sprintf("%s:%d: no finding matched want %q", w.file, w.line, w.text)})
		}
	}
	sort.SliceStable(fails, func(i, j int) bool {
		if fails[i].file != fails[j].file {
			return fails[i].file < fails[j].file
		}
		return fails[i].line < fails[j].line
	})
	out := make([]string, len(fails))
	for i, f := range fails {
		out[i] = f.msg
	}
	return out
}

// DocExamples checks a rule's documentation: it is complete (title,
// description, principle, violation and fix), docs/rules/<id>.md (under
// docsDir) shows it, and the documented violation is reported while the
// documented fix is not. Each example is wrapped in `{ config, self, ... }:
// { … }` and placed at path in a miniature repository holding a flake.nix
// and the extra files.
func DocExamples(t *testing.T, a *analysis.Analyzer, docsDir, path string, extra map[string]string) {
	t.Helper()
	if a.Docs == nil || a.Docs.Principle == "" || a.Docs.Bad == "" || a.Docs.Good == "" || a.Title() == "" || a.Description() == "" {
		t.Errorf("%s: incomplete documentation", a.Name)
		return
	}
	md, err := os.ReadFile(filepath.Join(docsDir, a.Name+".md"))
	if err != nil {
		t.Errorf("%s: %v", a.Name, err)
	} else {
		for _, want := range []string{a.Docs.Principle, a.Docs.Bad, a.Docs.Good, "`" + a.Severity.String() + "`"} {
			if !strings.Contains(string(md), want) {
				t.Errorf("%s/%s.md is out of date: it lacks %q", docsDir, a.Name, want)
			}
		}
	}
	names := make([]string, 0, len(extra))
	for name := range extra {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, ex := range []struct {
		kind, src string
		want      bool
	}{{"Bad", a.Docs.Bad, true}, {"Good", a.Docs.Good, false}} {
		var b strings.Builder
		b.WriteString("-- flake.nix --\n{ outputs = _: { }; }\n")
		b.WriteString("-- " + path + " --\n{ config, self, ... }:\n{\n" + ex.src + "\n}\n")
		for _, name := range names {
			b.WriteString("-- " + name + " --\n" + extra[name] + "\n")
		}
		found := 0
		for _, f := range Lint(t, b.String(), a).Findings {
			if f.Rule == a.Name && !f.Suppressed {
				found++
			}
		}
		if (found > 0) != ex.want {
			t.Errorf("%s: the documented %s example gives %d findings", a.Name, ex.kind, found)
		}
	}
}
