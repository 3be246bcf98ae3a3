#!/usr/bin/env bash
# Builds nixlint from the action's own source (the current directory, which
# action.yml sets to $GITHUB_ACTION_PATH) into $RUNNER_TEMP/nixlint-bin:
# nothing is downloaded but Go modules, through the module proxy.
set -euo pipefail
out="${RUNNER_TEMP:?RUNNER_TEMP is not set}/nixlint-bin"
mkdir -p "$out"
# -trimpath: no runner paths in the binary; -buildvcs=false: the action's
# checkout may lack .git, or belong to another user.
go build -trimpath -buildvcs=false -o "$out/nixlint" ./cmd/nixlint
echo "built $("$out/nixlint" --version)"
