// Package conventions holds the rules that check VM ids and VM names
// against CONVENTIONS.md ("Proxmox VM ID Conventions", "VM Naming
// Convention"): vm-id-range, vm-id-category, vm-id-unique, vm-id-template,
// vm-name-format, vm-name-prefix, vm-name-sequence, vm-name-unique and
// vm-name-env-prefix.
//
// They read the VM inventory (model/inventory); the id scheme, the prefix
// vocabulary, the purpose -> range mapping and the environment words come
// from the configuration (config.Conventions), whose embedded default
// encodes CONVENTIONS.md. docs/conventions.md explains the choices.
package conventions

import "github.com/nixlint/nixlint/analysis"

// Analyzers returns the rules of the package.
func Analyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		IDRange, IDCategory, IDUnique, IDTemplate,
		NameFormat, NamePrefix, NameSequence, NameUnique, NameEnvPrefix,
	}
}
