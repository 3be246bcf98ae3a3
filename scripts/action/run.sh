#!/usr/bin/env bash
# Runs nixlint for the composite action (action.yml) in $GITHUB_WORKSPACE.
#
# Inputs arrive as environment variables only (never interpolated into the
# script): NIXLINT_PATH, NIXLINT_CONFIG, NIXLINT_FAIL_ON,
# NIXLINT_UPLOAD_SARIF, NIXLINT_ARGS. NIXLINT_BIN overrides the binary
# (default $RUNNER_TEMP/nixlint-bin/nixlint, where build.sh puts it).
#
# The CLI writes one format per run, so it runs up to three times on the
# same tree: `github` (annotations on stdout, job summary to
# $GITHUB_STEP_SUMMARY; its exit code is the step's), `json` for the counts
# written to $GITHUB_OUTPUT, and `sarif` when the upload is on.
#
# nixlint's paths are relative to the repository root (the folder holding
# flake.nix), GitHub's to the workspace: when the flake is in a subfolder,
# the annotations' file= and the SARIF URIs get that folder as a prefix.
set -euo pipefail

: "${GITHUB_WORKSPACE:?GITHUB_WORKSPACE is not set}"
: "${RUNNER_TEMP:?RUNNER_TEMP is not set}"
: "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"
bin=${NIXLINT_BIN:-$RUNNER_TEMP/nixlint-bin/nixlint}
path=${NIXLINT_PATH:-.}
fail_on=${NIXLINT_FAIL_ON:-warning}
upload=${NIXLINT_UPLOAD_SARIF:-false}

# Workflow commands are read from stdout; escape their data as the
# toolkit does so that an input cannot start a new command.
escape() {
  local s=${1//%/%25}
  s=${s//$'\r'/%0D}
  printf '%s' "${s//$'\n'/%0A}"
}
# escape_property escapes a workflow command property value.
escape_property() {
  local s
  s=$(escape "$1")
  s=${s//:/%3A}
  printf '%s' "${s//,/%2C}"
}
die() {
  echo "::error title=nixlint::$(escape "$1")"
  exit 2
}

case "$fail_on" in
  error | warning | note | never) ;;
  *) die "fail-on must be error, warning, note or never, not \"$fail_on\"" ;;
esac
case "$upload" in
  true | false) ;;
  *) die "upload-sarif must be true or false, not \"$upload\"" ;;
esac
[ -x "$bin" ] || die "nixlint binary not found at $bin (did the build step run?)"

out=$RUNNER_TEMP/nixlint-report
mkdir -p "$out"
json=$out/nixlint.json
sarif=$out/nixlint.sarif
rm -f "$json" "$sarif"

args=()
if [ -n "${NIXLINT_CONFIG:-}" ]; then
  args+=(--config "$NIXLINT_CONFIG")
fi
# Split on whitespace without glob expansion: read -a does not expand * or ?.
read -r -a extra <<<"${NIXLINT_ARGS:-}"
for a in "${extra[@]}"; do
  case "$a" in
  -format | --format | -format=* | --format=* | -output | --output | -output=* | --output=* | -fail-on | --fail-on | -fail-on=* | --fail-on=*)
    die "args must not set $a: the action sets the format and the output, and fail-on is an input of its own"
    ;;
  esac
done
args+=("${extra[@]}")

# root_prefix prints the repository root of path $1 relative to the
# workspace (the current folder), with a trailing slash, or nothing when it
# is the workspace itself or outside it. It finds the root as nixlint does
# (engine.FindRoot): the nearest folder at or above the path holding
# flake.nix, else the path's own folder.
root_prefix() {
  local p=$1 start dir parent ws rel
  [ -e "$p" ] || return 0 # nixlint reports it
  if [ -d "$p" ]; then
    start=$(cd -- "$p" && pwd)
  else
    start=$(cd -- "$(dirname -- "$p")" && pwd)
  fi
  dir=$start
  until [ -f "$dir/flake.nix" ]; do
    parent=$(dirname -- "$dir")
    if [ "$parent" = "$dir" ]; then
      dir=$start
      break
    fi
    dir=$parent
  done
  ws=$(pwd)
  case "$dir/" in
  "$ws/") ;;
  "$ws/"*)
    rel=${dir#"$ws/"}
    printf '%s/' "$rel"
    ;;
  esac
}

cd "$GITHUB_WORKSPACE"
prefix=$(root_prefix "$path")

rc=0
"$bin" "${args[@]}" --format github --fail-on "$fail_on" -- "$path" >"$out/annotations" || rc=$?
# ENVIRON, not awk -v, which would interpret backslashes in the prefix.
NIXLINT_PREFIX=$(escape_property "$prefix") awk '
  match($0, /^::(error|warning|notice) file=/) {
    $0 = substr($0, 1, RLENGTH) ENVIRON["NIXLINT_PREFIX"] substr($0, RLENGTH + 1)
  }
  { print }' "$out/annotations"
echo "exit-code=$rc" >>"$GITHUB_OUTPUT"
if [ "$rc" -ge 2 ]; then
  # Usage, configuration or internal error: nixlint said why on stderr.
  exit "$rc"
fi

# The counts. --fail-on never: only an error makes this exit non-zero.
"$bin" "${args[@]}" --format json --fail-on never --output "$json" -- "$path"
jq -r '.summary | "errors=\(.errors)", "warnings=\(.warnings)", "notes=\(.notes)", "suppressed=\(.suppressed)"' \
  "$json" >>"$GITHUB_OUTPUT"
echo "json-file=$json" >>"$GITHUB_OUTPUT"

if [ "$upload" = true ]; then
  "$bin" "${args[@]}" --format sarif --fail-on never --output "$sarif" -- "$path"
  if [ -n "$prefix" ]; then
    # Prefix the repository-relative URIs (percent-encoded segment by
    # segment, as nixlint encodes them) and move %SRCROOT% up to the
    # workspace accordingly.
    jq --arg rel "${prefix%/}" '
      ($rel | split("/") | map(@uri) | join("/") + "/") as $p
      | walk(if type == "object" and .uriBaseId == "%SRCROOT%" and (.uri | type) == "string"
             then .uri = $p + .uri else . end)
      | .runs |= map(
          if (.originalUriBaseIds["%SRCROOT%"].uri | type) == "string"
             and (.originalUriBaseIds["%SRCROOT%"].uri | endswith($p))
          then .originalUriBaseIds["%SRCROOT%"].uri |= .[0:length - ($p | length)]
          else . end)
    ' "$sarif" >"$sarif.tmp"
    mv "$sarif.tmp" "$sarif"
  fi
  echo "sarif-file=$sarif" >>"$GITHUB_OUTPUT"
fi

exit "$rc"
