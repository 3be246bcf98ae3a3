package integrationtest

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// hookManifest is one hook of .pre-commit-hooks.yaml.
type hookManifest struct {
	ID            string   `yaml:"id"`
	Entry         string   `yaml:"entry"`
	Language      string   `yaml:"language"`
	Files         string   `yaml:"files"`
	Stages        []string `yaml:"stages"`
	PassFilenames *bool    `yaml:"pass_filenames"`
	MinVersion    string   `yaml:"minimum_pre_commit_version"`
}

// TestPreCommitManifest checks the hooks' fields: what pre-commit 3.0.4
// accepts, and a files regex that selects .nix files, flake.lock and
// .nixlint.toml only.
func TestPreCommitManifest(t *testing.T) {
	var hooks []hookManifest
	loadYAML(t, filepath.Join(repoRoot(t), ".pre-commit-hooks.yaml"), &hooks)
	ids := map[string]bool{}
	for _, h := range hooks {
		ids[h.ID] = true
		if h.Entry != "nixlint" || h.Language != "golang" || h.MinVersion != "3.0.0" {
			t.Errorf("hook %s: entry %q, language %q, minimum_pre_commit_version %q", h.ID, h.Entry, h.Language, h.MinVersion)
		}
		if len(h.Stages) > 0 {
			t.Errorf("hook %s sets stages %v, which pre-commit 3.0.4 may reject", h.ID, h.Stages)
		}
		re, err := regexp.Compile(h.Files)
		if err != nil {
			t.Fatalf("hook %s: files: %v", h.ID, err)
		}
		for name, want := range map[string]bool{
			"flake.nix": true, "modules/media/jellyfin.nix": true, "flake.lock": true,
			".nixlint.toml": true, "sub/flake.lock": true, "sub/.nixlint.toml": true,
			"README.md": false, "a.nixx": false, "flake.lock.bak": false, "myflake.lock": false,
			"x.nixlint.toml": false, ".nixlint.toml.orig": false,
		} {
			if got := re.MatchString(name); got != want {
				t.Errorf("hook %s: files matches %s = %v, want %v", h.ID, name, got, want)
			}
		}
	}
	if !ids["nixlint"] {
		t.Error("no hook with id nixlint")
	}
}

// TestPreCommitValidateManifest runs `pre-commit validate-manifest`.
func TestPreCommitValidateManifest(t *testing.T) {
	pc := tool(t, "pre-commit")
	root := repoRoot(t)
	if out, code := run(t, root, cleanEnv(), pc, "validate-manifest", ".pre-commit-hooks.yaml"); code != 0 {
		t.Errorf("pre-commit validate-manifest: exit %d\n%s", code, out)
	}
}

// preCommitEnv is the environment pre-commit runs in: no GIT_* variables
// (pre-commit 3.0.4 leaks them into `go install`), the machine's Go module
// and build caches (pre-commit sets GOPATH to the hook's environment, which
// would otherwise download every module and rebuild from scratch), the
// local toolchain, and a store of its own.
func preCommitEnv(t *testing.T) []string {
	t.Helper()
	goenv := func(name string) string {
		out, err := exec.Command("go", "env", name).Output()
		if err != nil {
			t.Fatalf("go env %s: %v", name, err)
		}
		return strings.TrimSpace(string(out))
	}
	return cleanEnv(
		"PRE_COMMIT_HOME="+t.TempDir(),
		"GOMODCACHE="+goenv("GOMODCACHE"),
		"GOCACHE="+goenv("GOCACHE"),
		"GOFLAGS="+strings.TrimSpace(goenv("GOFLAGS")+" -buildvcs=false"),
		"GOTOOLCHAIN=local",
		"NO_COLOR=1",
	)
}

// hookRepo returns a clone of this repository's committed state, with the
// working tree's .pre-commit-hooks.yaml committed on top: try-repo reads
// only committed (or staged) files, and the clone keeps out untracked files
// that could break `go install ./...`.
func hookRepo(t *testing.T, env []string) string {
	t.Helper()
	root := repoRoot(t)
	dir := filepath.Join(t.TempDir(), "nixlint")
	if out, code := run(t, root, env, "git", "clone", "--quiet", root, dir); code != 0 {
		t.Fatalf("git clone: %s", out)
	}
	manifest, err := os.ReadFile(filepath.Join(root, ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".pre-commit-hooks.yaml"), manifest, 0o644); err != nil {
		t.Fatal(err)
	}
	git(t, dir, env, "add", ".pre-commit-hooks.yaml")
	if out, _ := run(t, dir, env, "git", "status", "--porcelain"); strings.TrimSpace(out) != "" {
		git(t, dir, env, "commit", "--quiet", "-m", "working tree's hooks")
	}
	return dir
}

// gitRepo makes a git repository of a fixture, with its files staged and
// committed (pre-commit lists files with git).
func gitRepo(t *testing.T, env []string, name string) string {
	t.Helper()
	dir := fixture(t, name)
	git(t, dir, env, "init", "--quiet")
	git(t, dir, env, "add", "-A")
	git(t, dir, env, "commit", "--quiet", "-m", "fixture")
	return dir
}

func git(t *testing.T, dir string, env []string, args ...string) {
	t.Helper()
	// Commits need an identity; CI sets one globally, tests must not
	// depend on it.
	args = append([]string{"-c", "user.name=nixlint test", "-c", "user.email=test@nixlint.invalid"}, args...)
	if out, code := run(t, dir, env, "git", args...); code != 0 {
		t.Fatalf("git %s: exit %d\n%s", strings.Join(args, " "), code, out)
	}
}

// TestPreCommitTryRepo runs the hooks with the real pre-commit, building
// them with `go install ./...` as pre-commit does: on a repository with
// violations they fail and name the rules; on a clean one they pass.
func TestPreCommitTryRepo(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the hook; skipped with -short")
	}
	pc := tool(t, "pre-commit")
	env := preCommitEnv(t)
	hooks := hookRepo(t, env)
	for _, tc := range []struct {
		fixture string
		fail    bool
		want    []string
	}{
		{"dirty", true, []string{"duplicate-attr", "firewall-toggle", "module-self-enable", "nixlint (whole repository)"}},
		{"clean", false, []string{"nixlint", "Passed"}},
	} {
		t.Run(tc.fixture, func(t *testing.T) {
			target := gitRepo(t, env, tc.fixture)
			out, code := run(t, target, env, pc, "try-repo", hooks, "--all-files", "--color", "never")
			if (code != 0) != tc.fail {
				t.Errorf("pre-commit try-repo on %s: exit %d, want failure %v\n%s", tc.fixture, code, tc.fail, out)
			}
			for _, s := range tc.want {
				if !strings.Contains(out, s) {
					t.Errorf("output lacks %q:\n%s", s, out)
				}
			}
			if !tc.fail && strings.Contains(out, "Failed") {
				t.Errorf("a hook failed on the clean repository:\n%s", out)
			}
		})
	}
}

// hookStatus matches pre-commit's line for a hook: "name.....Passed".
var hookStatus = regexp.MustCompile(`(?m)^(nixlint(?: \(whole repository\))?)\.+(?:\(no files to check\))?(Passed|Failed|Skipped)$`)

// TestPreCommitFilenames installs the hooks as a user does (a
// .pre-commit-config.yaml naming the repository and a commit) and checks
// how file names are used: the nixlint hook reports only the findings in
// the files passed, except that a changed .nixlint.toml reports
// everything; nixlint-all always reports everything.
func TestPreCommitFilenames(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the hook; skipped with -short")
	}
	pc := tool(t, "pre-commit")
	env := preCommitEnv(t) // one store: the hooks are built once
	hooks := hookRepo(t, env)
	rev, code := run(t, hooks, env, "git", "rev-parse", "HEAD")
	if code != 0 {
		t.Fatal(rev)
	}
	target := gitRepo(t, env, "dirty")
	config := "repos:\n- repo: " + hooks + "\n  rev: " + strings.TrimSpace(rev) +
		"\n  hooks:\n  - id: nixlint\n  - id: nixlint-all\n"
	if err := os.WriteFile(filepath.Join(target, ".pre-commit-config.yaml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	git(t, target, env, "add", ".pre-commit-config.yaml")
	git(t, target, env, "commit", "--quiet", "-m", "pre-commit")
	for _, tc := range []struct {
		file      string
		nixlint   string // the nixlint hook's status
		all       string // nixlint-all's
		wantRules []string
	}{
		{"modules/media/plex.nix", "Passed", "Failed", nil},
		{"modules/media/jellyfin.nix", "Failed", "Failed", []string{"duplicate-attr"}},
		{".nixlint.toml", "Failed", "Failed", []string{"duplicate-attr", "firewall-toggle"}},
		{"README.md", "Skipped", "Skipped", nil},
	} {
		t.Run(tc.file, func(t *testing.T) {
			if tc.file == "README.md" {
				if err := os.WriteFile(filepath.Join(target, "README.md"), []byte("x\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				git(t, target, env, "add", "README.md")
			}
			out, _ := run(t, target, env, pc, "run", "--color", "never", "--files", tc.file)
			got := map[string]string{}
			for _, m := range hookStatus.FindAllStringSubmatch(out, -1) {
				got[m[1]] = m[2]
			}
			if got["nixlint"] != tc.nixlint || got["nixlint (whole repository)"] != tc.all {
				t.Errorf("--files %s: hooks %v, want nixlint %s and nixlint-all %s\n%s", tc.file, got, tc.nixlint, tc.all, out)
			}
			for _, r := range tc.wantRules {
				if !strings.Contains(out, "["+r+"]") {
					t.Errorf("--files %s: output lacks [%s]\n%s", tc.file, r, out)
				}
			}
		})
	}
}
