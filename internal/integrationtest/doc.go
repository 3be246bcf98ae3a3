// Package integrationtest holds the tests of nixlint's integrations, which
// live outside Go code: the composite GitHub Action (action.yml and
// scripts/action), the GitHub workflows, and the pre-commit hooks
// (.pre-commit-hooks.yaml). They run the real tools where they are
// installed (action-validator, pre-commit) and skip otherwise, unless
// NIXLINT_REQUIRE_TOOLS=1 is set, as in CI, where a missing tool fails.
package integrationtest
