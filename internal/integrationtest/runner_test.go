package integrationtest

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// runner runs the steps of a composite action as a GitHub runner does: each
// run: step as `bash --noprofile --norc -eo pipefail FILE` with
// GITHUB_WORKSPACE, GITHUB_ACTION_PATH, RUNNER_TEMP, a fresh GITHUB_OUTPUT
// and GITHUB_STEP_SUMMARY per step, the step's env: with its expressions
// evaluated, in its working-directory. It understands the few expressions
// action.yml uses and fails the test on any other, so that the emulation
// cannot silently diverge from the file.
type runner struct {
	t          *testing.T
	action     actionFile
	actionPath string
	workspace  string
	temp       string
	inputs     map[string]string
	steps      map[string]map[string]string // step id -> its outputs
	failed     bool
}

// actionRun is what a run of the action left: what GitHub would show.
type actionRun struct {
	stdout  string            // the run: steps' standard output (annotations)
	log     string            // stdout and stderr of every step, for messages
	summary string            // the job summary
	outputs map[string]string // the action's outputs
	failed  bool              // the action's step failed
	uploads []map[string]string
}

func newRunner(t *testing.T, workspace string, inputs map[string]string) *runner {
	t.Helper()
	r := &runner{
		t:          t,
		actionPath: repoRoot(t),
		workspace:  workspace,
		temp:       t.TempDir(),
		inputs:     map[string]string{},
		steps:      map[string]map[string]string{},
	}
	loadYAML(t, filepath.Join(r.actionPath, "action.yml"), &r.action)
	for name, in := range r.action.Inputs {
		r.inputs[name] = in.Default
	}
	for name, v := range inputs {
		if _, ok := r.action.Inputs[name]; !ok {
			t.Fatalf("action.yml has no input %q", name)
		}
		r.inputs[name] = v
	}
	return r
}

func (r *runner) run() *actionRun {
	res := &actionRun{outputs: map[string]string{}}
	for i, s := range r.action.Runs.Steps {
		if !r.cond(s.If) {
			continue
		}
		switch {
		case strings.HasPrefix(s.Uses, "actions/setup-go@"):
			// Go is already installed where the tests run.
			if _, err := exec.LookPath("go"); err != nil {
				r.t.Fatal("go is not on PATH")
			}
		case strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@"):
			with := map[string]string{}
			for k, v := range s.With {
				with[k] = r.subst(v)
			}
			res.uploads = append(res.uploads, with)
		case s.Uses != "":
			r.t.Fatalf("step %d uses %s, which the emulation does not know", i, s.Uses)
		default:
			r.runStep(i, s, res)
		}
	}
	for name, o := range r.action.Outputs {
		res.outputs[name] = r.subst(o.Value)
	}
	res.failed = r.failed
	return res
}

func (r *runner) runStep(i int, s step, res *actionRun) {
	t := r.t
	if s.Shell != "bash" {
		t.Fatalf("step %d: shell %q; the emulation runs bash only", i, s.Shell)
	}
	dir := t.TempDir()
	script := filepath.Join(dir, "script.sh")
	outFile := filepath.Join(dir, "output")
	sumFile := filepath.Join(dir, "summary")
	for _, f := range []string{outFile, sumFile} {
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The runner substitutes expressions into the script text, which is
	// what the injection test forbids for inputs; do the same here.
	if err := os.WriteFile(script, []byte(r.subst(s.Run)), 0o644); err != nil {
		t.Fatal(err)
	}
	env := cleanEnv(
		"GITHUB_ACTIONS=true",
		"CI=true",
		"GITHUB_WORKSPACE="+r.workspace,
		"GITHUB_ACTION_PATH="+r.actionPath,
		"RUNNER_TEMP="+r.temp,
		"GITHUB_OUTPUT="+outFile,
		"GITHUB_STEP_SUMMARY="+sumFile,
	)
	for k, v := range s.Env {
		env = append(env, k+"="+r.subst(v))
	}
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
	cmd.Dir = r.workspace
	if s.WorkingDirectory != "" {
		cmd.Dir = r.subst(s.WorkingDirectory)
	}
	cmd.Env = env
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatalf("step %d: %v", i, err)
		}
		r.failed = true
	}
	res.stdout += stdout.String()
	res.log += "--- step " + s.Name + "\n" + stdout.String() + stderr.String()
	sum, err := os.ReadFile(sumFile)
	if err != nil {
		t.Fatal(err)
	}
	res.summary += string(sum)
	if s.ID != "" {
		r.steps[s.ID] = readOutputs(t, outFile)
	}
}

// readOutputs parses a GITHUB_OUTPUT file: name=value lines, and
// name<<DELIMITER … DELIMITER blocks for multi-line values.
func readOutputs(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if name, delim, ok := strings.Cut(line, "<<"); ok && !strings.Contains(name, "=") {
			var val []string
			for sc.Scan() && sc.Text() != delim {
				val = append(val, sc.Text())
			}
			out[name] = strings.Join(val, "\n")
			continue
		}
		name, val, ok := strings.Cut(line, "=")
		if !ok {
			t.Fatalf("GITHUB_OUTPUT: malformed line %q", line)
		}
		out[name] = val
	}
	return out
}

var exprRe = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// subst evaluates the ${{ … }} expressions of s.
func (r *runner) subst(s string) string {
	return exprRe.ReplaceAllStringFunc(s, func(m string) string {
		return r.value(exprRe.FindStringSubmatch(m)[1])
	})
}

// value evaluates a context reference or a string literal.
func (r *runner) value(e string) string {
	e = strings.TrimSpace(e)
	switch {
	case strings.HasPrefix(e, "'") && strings.HasSuffix(e, "'") && len(e) >= 2:
		return strings.ReplaceAll(e[1:len(e)-1], "''", "'")
	case strings.HasPrefix(e, "inputs."):
		v, ok := r.inputs[strings.TrimPrefix(e, "inputs.")]
		if !ok {
			r.t.Fatalf("expression %q names an undeclared input", e)
		}
		return v
	case e == "github.action_path":
		return r.actionPath
	case e == "github.workspace":
		return r.workspace
	case e == "runner.temp":
		return r.temp
	case strings.HasPrefix(e, "steps."):
		parts := strings.SplitN(e, ".", 4)
		if len(parts) != 4 || parts[2] != "outputs" {
			r.t.Fatalf("unsupported expression %q", e)
		}
		return r.steps[parts[1]][parts[3]] // a missing output is ''
	}
	r.t.Fatalf("unsupported expression %q", e)
	return ""
}

// cond evaluates a step's if: a conjunction of always(), !cancelled(),
// success() and comparisons. Without always() or !cancelled(), a step runs
// only while nothing failed.
func (r *runner) cond(s string) bool {
	s = strings.TrimSpace(s)
	if m := exprRe.FindStringSubmatch(s); m != nil && m[0] == s {
		s = m[1]
	}
	if s == "" {
		return !r.failed
	}
	always, ok := false, true
	for _, term := range strings.Split(s, "&&") {
		term = strings.TrimSpace(term)
		switch {
		case term == "always()" || term == "!cancelled()":
			// Nothing is cancelled here: both run after a failure.
			always = true
		case term == "success()":
			ok = ok && !r.failed
		case strings.Contains(term, "=="):
			a, b, _ := strings.Cut(term, "==")
			ok = ok && r.value(a) == r.value(b)
		case strings.Contains(term, "!="):
			a, b, _ := strings.Cut(term, "!=")
			ok = ok && r.value(a) != r.value(b)
		default:
			r.t.Fatalf("unsupported condition %q", term)
		}
	}
	if !always && r.failed {
		return false
	}
	return ok
}
