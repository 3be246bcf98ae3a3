package integrationtest

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestActionSteps runs the action's steps as a runner would (see runner) on
// fixture repositories, and checks what GitHub would show: annotations,
// job summary, outputs, the step's success, and the SARIF upload.
func TestActionSteps(t *testing.T) {
	if testing.Short() {
		t.Skip("builds nixlint; skipped with -short")
	}
	if _, err := exec.LookPath("jq"); err != nil {
		// jq is on every GitHub runner; run.sh needs it for the counts.
		if os.Getenv("NIXLINT_REQUIRE_TOOLS") == "1" {
			t.Fatal("jq is not installed, and NIXLINT_REQUIRE_TOOLS=1 requires it")
		}
		t.Skip("jq is not installed")
	}
	counts := func(e, w, n, s string) map[string]string {
		return map[string]string{"errors": e, "warnings": w, "notes": n, "suppressed": s}
	}
	cases := []struct {
		name    string
		fixture string
		subdir  string            // the fixture's folder in the workspace, given as path
		files   map[string]string // extra files in the workspace
		inputs  map[string]string
		failed  bool
		exit    string
		outputs map[string]string
		annot   []string // substrings of the annotations (stdout)
		noAnnot []string // must not appear on stdout
		summary []string
		upload  map[string]string // the upload step's with:, nil for no upload
		uriBase string            // the prefix of the SARIF URIs
	}{{
		name:    "violations",
		fixture: "dirty",
		failed:  true,
		exit:    "1",
		outputs: counts("1", "2", "0", "1"),
		annot: []string{
			"::error file=modules/media/jellyfin.nix,line=5,endLine=5,col=3,",
			"title=duplicate-attr::",
			"::warning file=modules/media/jellyfin.nix,line=6,",
			"title=firewall-toggle::",
			"title=module-self-enable::",
		},
		noAnnot: []string{"plex.nix"}, // its finding is suppressed
		summary: []string{"## nixlint", "| 1 | 2 | 0 | 1 |", "duplicate-attr", "firewall-toggle"},
	}, {
		name:    "violations with fail-on never and SARIF",
		fixture: "dirty",
		inputs:  map[string]string{"fail-on": "never", "upload-sarif": "true", "sarif-category": "nixlint-test"},
		exit:    "0",
		outputs: counts("1", "2", "0", "1"),
		annot:   []string{"title=duplicate-attr::"},
		summary: []string{"duplicate-attr"},
		upload:  map[string]string{"category": "nixlint-test"},
	}, {
		name:    "fail-on error fails on an error",
		fixture: "dirty",
		inputs:  map[string]string{"fail-on": "error"},
		failed:  true,
		exit:    "1",
		outputs: counts("1", "2", "0", "1"),
	}, {
		name:    "config and args reach nixlint",
		fixture: "dirty",
		files:   map[string]string{"ci/nixlint.toml": "[rules.duplicate-attr]\nseverity = \"off\"\n"},
		inputs:  map[string]string{"config": "ci/nixlint.toml", "args": " --disable  firewall-toggle ", "fail-on": "error"},
		exit:    "0",
		outputs: counts("0", "1", "0", "1"),
		annot:   []string{"title=module-self-enable::"},
		noAnnot: []string{"duplicate-attr", "firewall-toggle"},
	}, {
		name:    "a path restricts the findings reported",
		fixture: "dirty",
		inputs:  map[string]string{"path": "modules/media/plex.nix"},
		exit:    "0",
		outputs: counts("0", "0", "0", "1"),
		noAnnot: []string{"::error", "::warning"},
	}, {
		name:    "a flake in a subfolder",
		fixture: "dirty",
		subdir:  "infra,x",
		inputs:  map[string]string{"upload-sarif": "true"},
		failed:  true,
		exit:    "1",
		outputs: counts("1", "2", "0", "1"),
		annot: []string{
			"::error file=infra%2Cx/modules/media/jellyfin.nix,line=5,",
			"::warning file=infra%2Cx/modules/media/jellyfin.nix,line=6,",
		},
		noAnnot: []string{"file=modules/"},
		upload:  map[string]string{"category": ""},
		uriBase: "infra%2Cx/",
	}, {
		name:    "clean",
		fixture: "clean",
		inputs:  map[string]string{"upload-sarif": "true"},
		exit:    "0",
		outputs: counts("0", "0", "0", "0"),
		noAnnot: []string{"::error", "::warning", "::notice"},
		summary: []string{"No findings."},
		upload:  map[string]string{"category": ""},
	}, {
		name:    "inputs are not shell code",
		fixture: "clean",
		inputs: map[string]string{
			"args":   `$(touch pwned1) ; touch pwned2 "`,
			"path":   `"; touch pwned3; echo "`,
			"config": "`touch pwned4`",
		},
		failed:  true,
		exit:    "2",
		noAnnot: []string{"::error file="},
	}, {
		name:    "args cannot change the format",
		fixture: "dirty",
		inputs:  map[string]string{"args": "--disable firewall-toggle --format=json"},
		failed:  true,
		annot:   []string{"::error title=nixlint::args must not set --format=json"},
		noAnnot: []string{"::error file="},
	}, {
		name:    "a bad fail-on is an error",
		fixture: "clean",
		inputs:  map[string]string{"fail-on": "sometimes"},
		failed:  true,
		annot:   []string{"::error title=nixlint::fail-on must be error, warning, note or never"},
	}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ws := t.TempDir()
			writeFixture(t, tc.fixture, filepath.Join(ws, tc.subdir))
			if tc.subdir != "" {
				if tc.inputs["path"] != "" {
					t.Fatal("subdir sets the path input")
				}
				tc.inputs["path"] = tc.subdir
			}
			for name, content := range tc.files {
				p := filepath.Join(ws, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			res := newRunner(t, ws, tc.inputs).run()
			if res.failed != tc.failed {
				t.Errorf("failed = %v, want %v\n%s", res.failed, tc.failed, res.log)
			}
			if res.outputs["exit-code"] != tc.exit {
				t.Errorf("exit-code output = %q, want %q\n%s", res.outputs["exit-code"], tc.exit, res.log)
			}
			for k, v := range tc.outputs {
				if res.outputs[k] != v {
					t.Errorf("output %s = %q, want %q", k, res.outputs[k], v)
				}
			}
			for _, s := range tc.annot {
				if !strings.Contains(res.stdout, s) {
					t.Errorf("annotations lack %q:\n%s", s, res.stdout)
				}
			}
			for _, s := range tc.noAnnot {
				if strings.Contains(res.stdout, s) {
					t.Errorf("annotations contain %q:\n%s", s, res.stdout)
				}
			}
			for _, line := range strings.Split(strings.TrimSpace(res.stdout), "\n") {
				if strings.HasPrefix(line, "::") && !strings.Contains(line[2:], "::") {
					t.Errorf("malformed workflow command %q", line)
				}
			}
			for _, s := range tc.summary {
				if !strings.Contains(res.summary, s) {
					t.Errorf("job summary lacks %q:\n%s", s, res.summary)
				}
			}
			if pwned, _ := filepath.Glob(filepath.Join(ws, "pwned*")); len(pwned) > 0 {
				t.Errorf("an input ran as shell code: %v", pwned)
			}
			checkUpload(t, res, tc.upload, tc.uriBase)
		})
	}
}

// checkUpload checks the upload step ran exactly when want is set, on the
// SARIF file the outputs name, and that the file holds the findings with
// repository-relative URIs.
func checkUpload(t *testing.T, res *actionRun, want map[string]string, uriBase string) {
	t.Helper()
	if want == nil {
		if len(res.uploads) > 0 || res.outputs["sarif-file"] != "" {
			t.Errorf("unexpected SARIF upload %v (sarif-file %q)", res.uploads, res.outputs["sarif-file"])
		}
		return
	}
	if len(res.uploads) != 1 {
		t.Fatalf("SARIF uploads = %v, want one", res.uploads)
	}
	up := res.uploads[0]
	if up["sarif_file"] == "" || up["sarif_file"] != res.outputs["sarif-file"] {
		t.Errorf("upload sarif_file %q, output sarif-file %q", up["sarif_file"], res.outputs["sarif-file"])
	}
	for k, v := range want {
		if up[k] != v {
			t.Errorf("upload %s = %q, want %q", k, up[k], v)
		}
	}
	data, err := os.ReadFile(up["sarif_file"])
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatalf("SARIF: %v", err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("SARIF version %q with %d runs", log.Version, len(log.Runs))
	}
	unsuppressed := 0
	for _, k := range []string{"errors", "warnings", "notes"} {
		n, _ := strconv.Atoi(res.outputs[k])
		unsuppressed += n
	}
	if got := len(log.Runs[0].Results); got < unsuppressed {
		t.Errorf("SARIF has %d results, fewer than the %d findings counted", got, unsuppressed)
	}
	for _, r := range log.Runs[0].Results {
		if len(r.Locations) == 0 {
			t.Errorf("result %s has no location", r.RuleID)
			continue
		}
		uri := r.Locations[0].PhysicalLocation.ArtifactLocation.URI
		if strings.HasPrefix(uri, "/") || strings.Contains(uri, ":") || !strings.HasPrefix(uri, uriBase) {
			t.Errorf("result %s: URI %q is not relative to the workspace (want prefix %q)", r.RuleID, uri, uriBase)
		}
	}
}
