// Package config reads .nixlint.toml and holds the embedded default
// configuration, which encodes the conventions of CONVENTIONS.md so that
// nixlint needs no configuration file to start.
package config

// Config is a loaded configuration: the embedded default overlaid with the
// user's .nixlint.toml.
type Config struct {
	// File is the path the configuration was read from; empty for the
	// embedded default.
	File string

	// Layout names the folders of the repository layout.
	Layout Layout

	// Exclude lists glob patterns (relative to the root, forward slashes,
	// `**` allowed) of files and folders to skip.
	Exclude []string

	// Rules holds per-rule settings, keyed by rule id.
	Rules map[string]RuleConfig

	// Exceptions are path-level suppressions, each with a mandatory reason.
	Exceptions []Exception

	// Conventions is the machine-readable form of CONVENTIONS.md: the VM id
	// scheme, the name prefixes, the purpose -> range mapping, the VM
	// inventory sources.
	Conventions Conventions
}

// Layout names the folders the architecture rules look at, relative to the
// repository root.
type Layout struct {
	Flake          string // "flake"
	Roles          string // "roles"
	Modules        string // "modules"
	Packages       string // "packages"
	Infrastructure string // "modules/infrastructure"
}

// RuleConfig is the [rules.<id>] table.
type RuleConfig struct {
	Severity string         // "error", "warning", "note", "off", or "" for the rule's default
	Options  map[string]any // the rule's own options, as decoded
	Line     int            // line of the table in File, for messages
}

// Exception suppresses one rule for a path (a glob) with a reason.
type Exception struct {
	Path   string
	Rule   string
	Reason string
	Line   int
}

// RuleOption returns the configured value of a rule's option.
func (c *Config) RuleOption(rule, name string) (any, bool) {
	rc, ok := c.Rules[rule]
	if !ok {
		return nil, false
	}
	v, ok := rc.Options[name]
	return v, ok
}

// Severity returns the severity configured for rule ("error", "warning",
// "note" or "off"), or false when the rule keeps its default.
func (c *Config) Severity(rule string) (string, bool) {
	rc, ok := c.Rules[rule]
	if !ok || rc.Severity == "" {
		return "", false
	}
	return rc.Severity, true
}
