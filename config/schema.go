package config

// Schema is what the engine knows about rules, so that Load can reject an
// unknown rule id or option and a value of the wrong type. The engine builds
// it from its rule registry.
type Schema struct {
	// Rules maps every rule id to its options. A nil map turns the checks of
	// rule ids and options off (for tools that read a configuration without
	// the rules, such as a test of the layout); the registry's schema
	// should always be passed when linting.
	Rules map[string]RuleSchema
}

// RuleSchema describes one rule's options.
type RuleSchema struct {
	// Options maps an option name to its default value, whose type is the
	// type the configuration must use: int, bool, string or []string. Any
	// other type accepts any value.
	Options map[string]any
}

// Severities are the values of a rule's `severity`.
var Severities = []string{"error", "warning", "note", "off"}

// ruleIDs returns the rule ids of the schema, sorted.
func (s *Schema) ruleIDs() []string {
	return sortedKeys(s.Rules)
}

// checksRules reports whether rule ids and options are checked.
func (s *Schema) checksRules() bool {
	return s != nil && s.Rules != nil
}
