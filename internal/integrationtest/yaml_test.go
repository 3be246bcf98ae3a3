package integrationtest

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"testing"

	"gopkg.in/yaml.v3"
)

// actionFile is the part of action.yml the tests read.
type actionFile struct {
	Name   string `yaml:"name"`
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Value string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []step `yaml:"steps"`
	} `yaml:"runs"`
}

// workflowFile is the part of a workflow the tests read.
type workflowFile struct {
	Jobs map[string]struct {
		Steps []step `yaml:"steps"`
	} `yaml:"jobs"`
}

// step is a step of a composite action or of a job.
type step struct {
	ID               string            `yaml:"id"`
	Name             string            `yaml:"name"`
	If               string            `yaml:"if"`
	Uses             string            `yaml:"uses"`
	With             map[string]string `yaml:"with"`
	Run              string            `yaml:"run"`
	Shell            string            `yaml:"shell"`
	Env              map[string]string `yaml:"env"`
	WorkingDirectory string            `yaml:"working-directory"`
}

func loadYAML(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// workflowPaths lists the project's workflows and the example workflows of
// the documentation.
func workflowPaths(t *testing.T) []string {
	t.Helper()
	root := repoRoot(t)
	var paths []string
	for _, pat := range []string{".github/workflows/*.yml", ".github/workflows/*.yaml", "docs/examples/*.yml"} {
		m, err := filepath.Glob(filepath.Join(root, pat))
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, m...)
	}
	sort.Strings(paths)
	if len(paths) == 0 {
		t.Fatal("no workflow found")
	}
	return paths
}

// allSteps returns every step of action.yml and of the workflows, keyed by
// a description of where it is.
func allSteps(t *testing.T) map[string]step {
	t.Helper()
	steps := map[string]step{}
	var a actionFile
	loadYAML(t, filepath.Join(repoRoot(t), "action.yml"), &a)
	for i, s := range a.Runs.Steps {
		steps["action.yml step "+strconv.Itoa(i)+" "+s.Name] = s
	}
	for _, p := range workflowPaths(t) {
		var w workflowFile
		loadYAML(t, p, &w)
		for job, j := range w.Jobs {
			for i, s := range j.Steps {
				steps[filepath.Base(p)+" job "+job+" step "+strconv.Itoa(i)+" "+s.Name] = s
			}
		}
	}
	return steps
}

// expr matches a ${{ … }} expression; unsafeExpr, within one, the values an
// attacker (or a careless caller) controls, which become shell code when
// substituted into a script's text: inputs and the event payload (titles,
// branch names, bodies). github.head_ref is a pull request's branch name.
var (
	expr       = regexp.MustCompile(`(?s)\$\{\{(.*?)\}\}`)
	unsafeExpr = regexp.MustCompile(`\b(inputs\.|github\.event\.|github\.head_ref\b)`)
)

// injections returns the steps whose run: script interpolates an unsafe
// expression.
func injections(steps map[string]step) []string {
	var bad []string
	for where, s := range steps {
		for _, m := range expr.FindAllStringSubmatch(s.Run, -1) {
			if unsafeExpr.MatchString(m[1]) {
				bad = append(bad, where)
				break
			}
		}
	}
	sort.Strings(bad)
	return bad
}

// TestNoScriptInjection fails if a run: script of action.yml or of a
// workflow interpolates ${{ inputs.* }} or ${{ github.event.* }}: the value
// would become shell code. Such values must reach scripts through env:.
func TestNoScriptInjection(t *testing.T) {
	steps := allSteps(t)
	runs := 0
	for _, s := range steps {
		if s.Run != "" {
			runs++
		}
	}
	if runs == 0 {
		t.Fatal("no run: step found; is the YAML read correctly?")
	}
	if bad := injections(steps); len(bad) > 0 {
		t.Errorf("run: scripts interpolating inputs or event data (pass them through env:): %v", bad)
	}
}

// TestInjectionCheckFinds makes sure the check above can fail.
func TestInjectionCheckFinds(t *testing.T) {
	for _, tc := range []struct {
		run  string
		want bool
	}{
		{`echo "${{ inputs.path }}"`, true},
		{`echo ${{inputs.args}}`, true},
		{"echo hi\n  nixlint ${{ github.event.pull_request.title }}", true},
		{`git checkout ${{ github.head_ref }}`, true},
		{`echo ${{ format('{0}', inputs.path) }}`, true},
		{`echo "$NIXLINT_PATH"`, false},
		{`echo ${{ runner.temp }}`, false},
		{`echo ${{ steps.lint.outputs.errors }}`, false},
	} {
		got := len(injections(map[string]step{"s": {Run: tc.run}})) > 0
		if got != tc.want {
			t.Errorf("injections(%q) = %v, want %v", tc.run, got, tc.want)
		}
	}
}

// TestActionShape checks what the brief of the action fixes: composite,
// branding, inputs and outputs, and bash for every script.
func TestActionShape(t *testing.T) {
	var a actionFile
	loadYAML(t, filepath.Join(repoRoot(t), "action.yml"), &a)
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using = %q, want composite", a.Runs.Using)
	}
	for _, in := range []string{"path", "config", "fail-on", "upload-sarif", "sarif-category", "args"} {
		if _, ok := a.Inputs[in]; !ok {
			t.Errorf("input %s missing", in)
		}
	}
	for _, out := range []string{"errors", "warnings", "notes", "sarif-file"} {
		if _, ok := a.Outputs[out]; !ok {
			t.Errorf("output %s missing", out)
		}
	}
	for i, s := range a.Runs.Steps {
		if s.Run != "" && s.Shell != "bash" {
			t.Errorf("step %d (%s): shell %q, want bash", i, s.Name, s.Shell)
		}
	}
}
