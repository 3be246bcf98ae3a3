package engine

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/nixlint/nixlint/analysis"
	"github.com/nixlint/nixlint/config"
)

// ConfigName is the configuration file looked for at the repository root.
const ConfigName = ".nixlint.toml"

// Schema describes the rules' options to the configuration loader, so that
// an unknown rule id or option, or a value of the wrong type, is an error.
func Schema(analyzers []*analysis.Analyzer) config.Schema {
	s := config.Schema{Rules: make(map[string]config.RuleSchema)}
	for _, a := range analyzers {
		if !a.IsRule() {
			continue
		}
		rs := config.RuleSchema{Options: make(map[string]any)}
		for _, o := range a.Options {
			rs.Options[o.Name] = o.Default
		}
		s.Rules[a.Name] = rs
	}
	return s
}

// LoadConfig loads the configuration for the repository at root: the file
// given (--config), else root/.nixlint.toml when it exists, else the
// embedded default.
func LoadConfig(root, file string, analyzers []*analysis.Analyzer) (*config.Config, error) {
	if file == "" {
		p := filepath.Join(root, ConfigName)
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return config.Default(), nil
		}
		file = p
	}
	return config.Load(file, Schema(analyzers))
}
