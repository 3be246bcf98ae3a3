package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// testSchema stands in for the engine's rule registry.
var testSchema = Schema{Rules: map[string]RuleSchema{
	"vm-id-range":    {},
	"vm-name-prefix": {},
	"flat-hierarchy": {Options: map[string]any{"min-files": 3, "max-depth": 2}},
	"domain-folders": {Options: map[string]any{"allowed-domains": []string{}, "strict": false, "style": "kebab"}},
}}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unknown top-level key", "exlude = []",
			`.nixlint.toml:1:1: key "exlude": unknown key "exlude" at the top level (did you mean "exclude"?); known keys: conventions, exceptions, exclude, extend-exclude, layout, rules`},
		{"unknown nested key", "[layout]\nflake = \"flake\"\nrole = \"r\"",
			`.nixlint.toml:3:1: key "layout.role": unknown key "role" in [layout] (did you mean "roles"?); known keys: flake, infrastructure, modules, packages, roles`},
		{"unknown key deep inside a range", "[conventions]\nextend-id-ranges = [{ start = 3000, end = 3099, name = \"x\", clas = \"development\" }]",
			`.nixlint.toml:2:61: key "conventions.extend-id-ranges[0].clas": unknown key "clas" in [conventions.extend-id-ranges[0]] (did you mean "class"?); known keys: class, end, name, start`},
		{"wrong type", "[layout]\nflake = 3",
			`.nixlint.toml:2:9: key "layout.flake": must be a string, not an integer`},
		{"wrong type of table", "layout = \"flake\"",
			`.nixlint.toml:1:10: key "layout": must be a table, not a string`},
		{"wrong type of list element", "exclude = [\"a\", true]",
			`.nixlint.toml:1:17: key "exclude[1]": must be a string, not a boolean`},
		{"bad severity", "[rules.vm-id-range]\nseverity = \"warn\"",
			`.nixlint.toml:2:12: key "rules.vm-id-range.severity": unknown severity "warn"; use one of error, warning, note, off`},
		{"misspelled severity", "[rules.vm-id-range]\nseverity = \"eror\"",
			`.nixlint.toml:2:12: key "rules.vm-id-range.severity": unknown severity "eror" (did you mean "error"?); use one of error, warning, note, off`},
		{"unknown rule", "[rules.vm-id-rnage]\nseverity = \"off\"",
			`.nixlint.toml:1:8: key "rules.vm-id-rnage": unknown rule "vm-id-rnage" (did you mean "vm-id-range"?); ` + "`nixlint rules` lists the rules"},
		{"unknown rule by dotted key", "rules.nope.severity = \"off\"",
			`.nixlint.toml:1:7: key "rules.nope": unknown rule "nope"; ` + "`nixlint rules` lists the rules"},
		{"unknown option", "[rules.flat-hierarchy]\nmin-file = 2",
			`.nixlint.toml:2:1: key "rules.flat-hierarchy.min-file": unknown option "min-file" for rule flat-hierarchy (did you mean "min-files"?); its options are max-depth, min-files, severity`},
		{"option of a rule without options", "[rules.vm-id-range]\nmax = 2",
			`.nixlint.toml:2:1: key "rules.vm-id-range.max": unknown option "max": rule vm-id-range has no options, only severity`},
		{"option of the wrong type", "[rules.flat-hierarchy]\nmin-files = \"3\"",
			`.nixlint.toml:2:13: key "rules.flat-hierarchy.min-files": must be an integer, not a string`},
		{"float for an integer option", "[rules.flat-hierarchy]\nmin-files = 2.5",
			`.nixlint.toml:2:13: key "rules.flat-hierarchy.min-files": must be an integer, not a float`},
		{"list option with a number", "[rules.domain-folders]\nallowed-domains = [\"media\", 3]",
			`.nixlint.toml:2:29: key "rules.domain-folders.allowed-domains[1]": must be a string, not an integer`},
		{"exception without reason", "[[exceptions]]\npath = \"modules/legacy\"\nrule = \"vm-id-range\"\n",
			`.nixlint.toml:1:3: key "exceptions[0].reason": exception has no "reason": each [[exceptions]] entry needs path, rule and reason`},
		{"exception with a blank reason", "[[exceptions]]\npath = \"a\"\nrule = \"vm-id-range\"\nreason = \"  \"\n",
			`.nixlint.toml:4:10: key "exceptions[0].reason": an exception needs a reason: say why the rule does not apply here`},
		{"second exception is bad", "[[exceptions]]\npath = \"a\"\nrule = \"vm-id-range\"\nreason = \"r\"\n\n[[exceptions]]\npath = \"b\"\nrule = \"vm-name-prefx\"\nreason = \"r\"\n",
			`.nixlint.toml:8:8: key "exceptions[1].rule": unknown rule "vm-name-prefx" (did you mean "vm-name-prefix"?); ` + "`nixlint rules` lists the rules"},
		{"exceptions as a table", "[exceptions]\npath = \"a\"",
			`.nixlint.toml:1:2: key "exceptions": must be an array, not a table`},
		{"bad glob", "exclude = [\"modules/[a\"]",
			`.nixlint.toml:1:12: key "exclude[0]": glob "modules/[a": segment "[a" is malformed (syntax error in pattern)`},
		{"bad glob in exception", "[[exceptions]]\npath = \"a/**x\"\nrule = \"vm-id-range\"\nreason = \"r\"",
			`.nixlint.toml:2:8: key "exceptions[0].path": glob "a/**x": "**" must be a whole segment, as in "a/**/b"`},
		{"empty glob", "extend-exclude = [\"./\"]",
			`.nixlint.toml:1:19: key "extend-exclude[0]": glob "./" matches nothing: use "**" for every file`},
		{"syntax error", "[layout\nflake = \"x\"",
			`.nixlint.toml:1:8: invalid TOML: expected ']' to close table name`},
		{"syntax error: missing value", "exclude = ",
			`.nixlint.toml:1:10: invalid TOML: expected value, not end of input`},
		{"duplicate key", "[layout]\nflake = \"a\"\nflake = \"b\"",
			`.nixlint.toml:3:1: key "layout.flake": invalid TOML: key flake is already defined`},
		{"layout outside the root", "[layout]\nroles = \"../roles\"",
			`.nixlint.toml:2:9: key "layout.roles": "../roles" points outside the repository root`},
		{"overlapping ranges", "[conventions]\nextend-id-ranges = [{ start = 150, end = 250, name = \"x\" }]",
			`.nixlint.toml:2:21: key "conventions.extend-id-ranges[0]": range 150-250 ("x") overlaps 100-199 ("Infrastructure Services") partially: ranges must nest or be disjoint`},
		{"duplicate range", "[conventions]\nextend-id-ranges = [{ start = 100, end = 109, name = \"DNS\" }]",
			`.nixlint.toml:2:21: key "conventions.extend-id-ranges[0]": range 100-109 ("DNS") is defined twice (also "DNS/DHCP")`},
		{"inverted range", "[conventions]\nextend-id-ranges = [{ start = 3999, end = 3000, name = \"x\", class = \"development\" }]",
			`.nixlint.toml:2:43: key "conventions.extend-id-ranges[0].end": range 3999-3000 is inverted: end must not be below start`},
		{"range without class at the top", "[conventions]\nextend-id-ranges = [{ start = 3000, end = 3999, name = \"x\" }]",
			`.nixlint.toml:2:21: key "conventions.extend-id-ranges[0].class": range 3000-3999 ("x") lies in no other range, so it needs a class: one of system, production, template, development, temporary, reserved`},
		{"range with a foreign class", "[conventions]\nextend-id-ranges = [{ start = 3000, end = 3999, name = \"x\", class = \"development\" }, { start = 3000, end = 3099, name = \"y\", class = \"template\" }]",
			`.nixlint.toml:2:134: key "conventions.extend-id-ranges[1].class": class "template" inside 3000-3999 ("x", class development): a range inside another keeps its class or is "reserved"`},
		{"unknown class", "[conventions]\nextend-id-ranges = [{ start = 3000, end = 3999, name = \"x\", class = \"temp\" }]",
			`.nixlint.toml:2:69: key "conventions.extend-id-ranges[0].class": unknown class "temp"; use one of system, production, template, development, temporary, reserved`},
		{"range without name", "[conventions]\nextend-id-ranges = [{ start = 3000, end = 3999, class = \"temporary\" }]",
			`.nixlint.toml:2:21: key "conventions.extend-id-ranges[0].name": range 3000-3999 has no name: say what it is for, as CONVENTIONS.md does`},
		{"purpose mapped to a missing range", "[conventions.purposes]\ndb = [\"220-230\"]",
			`.nixlint.toml:2:7: key "conventions.purposes.db[0]": purpose "db" is mapped to 220-230, which is not one of conventions.id-ranges (did you mean 220-239, "Database Servers"?)`},
		{"purpose not a range", "[conventions.purposes]\ndb = [\"220\"]",
			`.nixlint.toml:2:7: key "conventions.purposes.db[0]": "220" is not a range: write "start-end", as "100-109"`},
		{"purpose that is no prefix", "[conventions.purposes]\nhas = [\"280-299\"]",
			`.nixlint.toml:2:1: key "conventions.purposes.has": purpose "has" is not a prefix (did you mean "ha"?); add it to [conventions.prefixes] first`},
		{"replaced ranges orphan a default purpose", "[conventions]\nid-ranges = [{ start = 1, end = 9999, name = \"all\", class = \"production\" }]",
			`.nixlint.toml:2:1: key "conventions.id-ranges": the default purpose "app" is mapped to 200-399, which is not in your id-ranges: map it to your ranges in [conventions.purposes], or set replace-purposes = true`},
		{"bad prefix", "[conventions.prefixes]\nHass = \"Home Assistant\"",
			`.nixlint.toml:2:1: key "conventions.prefixes.Hass": prefix "Hass" must be lowercase letters and digits, as in "dns": it starts a VM name`},
		{"replace without table", "[conventions]\nreplace-prefixes = true",
			`.nixlint.toml:2:20: key "conventions.replace-prefixes": replace-prefixes = true needs a [conventions.prefixes] table to replace the default with`},
		{"role reference without name", "[conventions]\nrole-reference = \"role-\"",
			`.nixlint.toml:2:18: key "conventions.role-reference": "role-" must hold {name} exactly once, as in "role-{name}"`},
		{"bad environment", "[conventions]\nenvironments = [\"Dev\"]",
			`.nixlint.toml:2:17: key "conventions.environments[0]": "Dev" must be lowercase letters and digits, as in "dev"`},
		{"source without a name", "[[conventions.extend-vm-sources]]\npath = \"my.vms.<r>\"\nid = [\"id\"]",
			`.nixlint.toml:2:8: key "conventions.extend-vm-sources[0].path": this source gives the VM no name: put <name> in the path, or set name to the attribute holding it`},
		{"source with a bad kind", "[[conventions.extend-vm-sources]]\npath = \"my.<name>\"\nkind = \"lxc\"",
			`.nixlint.toml:3:8: key "conventions.extend-vm-sources[0].kind": unknown kind "lxc"; use "vm" or "container"`},
		{"source with a leading dot", "[[conventions.extend-vm-sources]]\npath = \"my.<r>\"\nname = \".hostname\"",
			`.nixlint.toml:3:8: key "conventions.extend-vm-sources[0].name": ".hostname": write the path relative to the VM's attribute set, without a leading dot ("hostname")`},
		{"source with a glob segment", "[[conventions.extend-vm-sources]]\npath = \"my.*.<name>\"",
			`.nixlint.toml:2:8: key "conventions.extend-vm-sources[0].path": "my.*.<name>": segment "*": only literal names, <placeholders> and ** are allowed`},
		{"first error in the file wins", "[layout]\nflake = 1\n[rules.nope]\n",
			`.nixlint.toml:2:9: key "layout.flake": must be a string, not an integer`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Parse(".nixlint.toml", []byte(tt.src), testSchema)
			if err == nil {
				t.Fatalf("no error; config %+v", cfg)
			}
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %T %v is not a *config.Error", err, err)
			}
			if cfg != nil {
				t.Errorf("config returned with the error")
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("error\n got: %s\nwant: %s", got, tt.want)
			}
		})
	}
}

func TestLoadOverlays(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		check func(t *testing.T, c *Config)
	}{
		{"empty file is the default", "", func(t *testing.T, c *Config) {
			d := Default()
			d.File = c.File
			if !reflect.DeepEqual(c, d) {
				t.Errorf("empty file differs from the default")
			}
		}},
		{"only comments", "# nothing here\n\n", func(t *testing.T, c *Config) {
			if len(c.Conventions.Prefixes) != 29 {
				t.Errorf("prefixes = %d, want the 29 defaults", len(c.Conventions.Prefixes))
			}
		}},
		{"layout merges key by key", "[layout]\nroles = \"nixos/roles/\"", func(t *testing.T, c *Config) {
			want := Layout{Flake: "flake", Roles: "nixos/roles", Modules: "modules", Packages: "packages", Infrastructure: "modules/infrastructure"}
			if c.Layout != want {
				t.Errorf("layout = %+v, want %+v", c.Layout, want)
			}
		}},
		{"exclude replaces, extend-exclude appends", "exclude = [\"a\"]\nextend-exclude = [\"b/**\"]", func(t *testing.T, c *Config) {
			if want := []string{"a", "b/**"}; !reflect.DeepEqual(c.Exclude, want) {
				t.Errorf("exclude = %q, want %q", c.Exclude, want)
			}
		}},
		{"rule severity and options", "[rules.flat-hierarchy]\nseverity = \"note\"\nmin-files = 4\n\n[rules.domain-folders]\nallowed-domains = [\"media\", \"shell\"]\nstrict = true\nstyle = \"x\"\n", func(t *testing.T, c *Config) {
			if s, ok := c.Severity("flat-hierarchy"); !ok || s != "note" {
				t.Errorf("severity = %q %v", s, ok)
			}
			if _, ok := c.Severity("domain-folders"); ok {
				t.Errorf("domain-folders has a severity it was not given")
			}
			if v, _ := c.RuleOption("flat-hierarchy", "min-files"); v != 4 {
				t.Errorf("min-files = %#v, want int 4", v)
			}
			if v, _ := c.RuleOption("domain-folders", "allowed-domains"); !reflect.DeepEqual(v, []string{"media", "shell"}) {
				t.Errorf("allowed-domains = %#v", v)
			}
			if v, _ := c.RuleOption("domain-folders", "strict"); v != true {
				t.Errorf("strict = %#v", v)
			}
			if c.Rules["domain-folders"].Line != 5 {
				t.Errorf("line = %d, want 5", c.Rules["domain-folders"].Line)
			}
		}},
		{"empty list option", "[rules.domain-folders]\nallowed-domains = []", func(t *testing.T, c *Config) {
			if v, ok := c.RuleOption("domain-folders", "allowed-domains"); !ok || !reflect.DeepEqual(v, []string{}) {
				t.Errorf("allowed-domains = %#v %v", v, ok)
			}
		}},
		{"exceptions", "[[exceptions]]\npath = \"modules/legacy/\"\nrule = \"flat-hierarchy\"\nreason = \"old\"\n", func(t *testing.T, c *Config) {
			want := []Exception{{Path: "modules/legacy/", Rule: "flat-hierarchy", Reason: "old", Line: 1}}
			if !reflect.DeepEqual(c.Exceptions, want) {
				t.Errorf("exceptions = %+v", c.Exceptions)
			}
		}},
		{"prefixes extend", "[conventions.prefixes]\nhass = \"Home Assistant\"", func(t *testing.T, c *Config) {
			if !c.Conventions.IsPrefix("hass") || !c.Conventions.IsPrefix("dns") {
				t.Errorf("prefixes = %v", c.Conventions.PrefixNames())
			}
		}},
		{"prefixes replace", "[conventions]\nreplace-prefixes = true\n[conventions.prefixes]\nsrv = \"Servers\"", func(t *testing.T, c *Config) {
			if got := c.Conventions.PrefixNames(); !reflect.DeepEqual(got, []string{"srv"}) {
				t.Errorf("prefixes = %v", got)
			}
		}},
		{"purposes extend with a new range", `
[conventions]
extend-id-ranges = [{ start = 3000, end = 3999, name = "Lab", class = "development" }]
[conventions.prefixes]
lab = "Lab machines"
[conventions.purposes]
lab = ["3000-3999"]
db = ["220-239", "380-399"]
`, func(t *testing.T, c *Config) {
			rs := c.Conventions.PurposeRanges("lab")
			if len(rs) != 1 || rs[0].Name != "Lab" || rs[0].Line != 3 {
				t.Errorf("lab ranges = %+v", rs)
			}
			if got := c.Conventions.Purposes["db"]; !reflect.DeepEqual(got, []Span{{220, 239}, {380, 399}}) {
				t.Errorf("db = %v", got)
			}
			if got := c.Conventions.Purposes["dns"]; !reflect.DeepEqual(got, []Span{{100, 109}}) {
				t.Errorf("dns lost: %v", got)
			}
		}},
		{"purposes replace", "[conventions]\nreplace-purposes = true\n[conventions.purposes]\nweb = [\"200-399\"]", func(t *testing.T, c *Config) {
			if len(c.Conventions.Purposes) != 1 {
				t.Errorf("purposes = %v", c.Conventions.Purposes)
			}
		}},
		{"nested range inherits its class", "[conventions]\nextend-id-ranges = [{ start = 1500, end = 1599, name = \"Golden images\" }]", func(t *testing.T, c *Config) {
			r, ok := c.Conventions.Range(1550)
			if !ok || r.Name != "Golden images" || r.Class != ClassReserved {
				t.Errorf("range = %+v", r)
			}
		}},
		{"ranges replace", "[conventions]\nreplace-purposes = true\nid-ranges = [{ start = 100, end = 199, name = \"Servers\", class = \"production\" }]\n[conventions.purposes]\nweb = [\"100-199\"]", func(t *testing.T, c *Config) {
			if len(c.Conventions.IDRanges) != 1 {
				t.Errorf("ranges = %+v", c.Conventions.IDRanges)
			}
		}},
		{"vm sources extend", "[[conventions.extend-vm-sources]]\npath = \"my.vms.<name>\"\nid = [\"id\"]\nkind = \"container\"", func(t *testing.T, c *Config) {
			ss := c.Conventions.VMSources
			last := ss[len(ss)-1]
			want := VMSource{Path: "my.vms.<name>", ID: []string{"id"}, Kind: KindContainer, Line: 1}
			if len(ss) != 10 || !reflect.DeepEqual(last, want) {
				t.Errorf("sources = %d, last %+v", len(ss), last)
			}
		}},
		{"scalars", "[conventions]\nhostnames-as-vm-names = true\nrole-reference = \"{name}-role\"\nenvironments = [\"dev\"]", func(t *testing.T, c *Config) {
			cv := c.Conventions
			if !cv.HostnamesAsVMNames || cv.RoleReference != "{name}-role" || !reflect.DeepEqual(cv.Environments, []string{"dev"}) {
				t.Errorf("conventions = %+v", cv)
			}
		}},
		{"byte order mark", "\xef\xbb\xbf[layout]\nflake = \"nix\"", func(t *testing.T, c *Config) {
			if c.Layout.Flake != "nix" {
				t.Errorf("flake = %q", c.Layout.Flake)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Parse(".nixlint.toml", []byte(tt.src), testSchema)
			if err != nil {
				t.Fatal(err)
			}
			if cfg.File != ".nixlint.toml" {
				t.Errorf("File = %q", cfg.File)
			}
			tt.check(t, cfg)
		})
	}
}

func TestLoadDoesNotChangeDefault(t *testing.T) {
	if _, err := Parse("x.toml", []byte("[conventions.prefixes]\nhass = \"x\"\n[layout]\nflake = \"y\""), testSchema); err != nil {
		t.Fatal(err)
	}
	d := Default()
	if d.Conventions.IsPrefix("hass") || d.Layout.Flake != "flake" {
		t.Errorf("Load changed the default")
	}
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, FileName)
	if err := os.WriteFile(p, []byte("[layout]\nflake = \"nix\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := Load(p, testSchema)
	if err != nil || cfg.Layout.Flake != "nix" || cfg.File != p {
		t.Fatalf("Load = %+v, %v", cfg, err)
	}
	cfg, err = LoadRoot(dir, testSchema)
	if err != nil || cfg.Layout.Flake != "nix" {
		t.Fatalf("LoadRoot = %+v, %v", cfg, err)
	}
	cfg, err = LoadRoot(t.TempDir(), testSchema)
	if err != nil || cfg.File != "" || cfg.Layout.Flake != "flake" {
		t.Fatalf("LoadRoot without a file = %+v, %v", cfg, err)
	}

	missing := filepath.Join(dir, "nope.toml")
	_, err = Load(missing, testSchema)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want fs.ErrNotExist", err)
	}
	if want := missing + ": cannot read the configuration: no such file or directory"; err == nil || err.Error() != want {
		t.Errorf("missing file: %v, want %s", err, want)
	}
	big := filepath.Join(dir, "big.toml")
	if err := os.WriteFile(big, []byte(strings.Repeat("# padding\n", MaxSize/10+1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big, testSchema); err == nil || err.Error() != big+": the configuration is larger than 128 KiB; nixlint reads at most that" {
		t.Errorf("big file: %v", err)
	}
	// A folder where the file should be is an error, not the default.
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, FileName), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadRoot(root, testSchema); err == nil || !strings.Contains(err.Error(), FileName) {
		t.Errorf("LoadRoot on a folder: %v", err)
	}
}

func TestNilSchemaSkipsRuleChecks(t *testing.T) {
	cfg, err := Parse("x.toml", []byte("[rules.anything]\nseverity = \"off\"\nn = 3\nl = [\"a\"]\n[[exceptions]]\npath = \"a\"\nrule = \"whatever\"\nreason = \"r\""), Schema{})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := cfg.RuleOption("anything", "n"); v != 3 {
		t.Errorf("n = %#v", v)
	}
	if v, _ := cfg.RuleOption("anything", "l"); !reflect.DeepEqual(v, []string{"a"}) {
		t.Errorf("l = %#v", v)
	}
	// Severities are still checked: they do not depend on the rule.
	if _, err := Parse("x.toml", []byte("[rules.anything]\nseverity = \"fatal\""), Schema{}); err == nil {
		t.Errorf("bad severity accepted without a schema")
	}
}

func TestErrorFormat(t *testing.T) {
	tests := []struct {
		e    Error
		want string
	}{
		{Error{File: "f", Line: 1, Column: 2, Key: "a.b", Msg: "m"}, `f:1:2: key "a.b": m`},
		{Error{File: "f", Line: 1, Msg: "m"}, `f:1: m`},
		{Error{File: "f", Msg: "m"}, `f: m`},
	}
	for _, tt := range tests {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestDidYouMean(t *testing.T) {
	cands := []string{"severity", "min-files", "max-depth"}
	tests := map[string]string{
		"sevrity":   ` (did you mean "severity"?)`,
		"sevreity":  ` (did you mean "severity"?)`,
		"min-file":  ` (did you mean "min-files"?)`,
		"Severity":  ` (did you mean "severity"?)`,
		"colour":    "",
		"x":         "",
		"max_depth": ` (did you mean "max-depth"?)`,
	}
	for in, want := range tests {
		if got := didYouMean(in, cands); got != want {
			t.Errorf("didYouMean(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzParse checks that no input makes Parse panic and that every error is
// an *Error with a file name. `go test` runs the seeds only.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"", "[layout]\nflake = 1", "[[exceptions]]\npath=\"[\"", "a = [[[[", "[conventions]\nid-ranges = [{start=1}]", DefaultTOML()} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		_, err := Parse("f.toml", []byte(src), testSchema)
		if err == nil {
			return
		}
		var ce *Error
		if !errors.As(err, &ce) || ce.File != "f.toml" {
			t.Fatalf("error %T %v", err, err)
		}
	})
}
