// Package registry holds the rules about the machine registry under
// modules/infrastructure/ (CONVENTIONS.md, "modules/infrastructure/"):
// registry-role-exists, registry-unused-role and registry-duplicate-host.
// They read the registry model (model/registry).
package registry
