// Package docgen generates docs/rules: one page per rule, docs/rules/<id>.md,
// and an index, docs/rules/README.md, from the rules' own documentation
// (analysis.Analyzer.Doc, Severity, Options and Docs). The pages are
// generated, not written by hand, so that they cannot drift from what
// `nixlint explain` and the SARIF help say; the package's test fails when a
// committed page differs from what Pages returns.
//
// Regenerate with:
//
//	go generate ./internal/docgen
package docgen

//go:generate go run gen.go -dir ../../docs/rules
