#!/usr/bin/env bash
# Times, side by side on the same files:
#   nixlint DIR                         the whole lint (walk, parse, every rule)
#   nix-instantiate --parse FILES...    Nix 2.8 only parsing them
#   cat FILES...                        only reading them
#
# Usage: bench/lint-vs-nix.sh DIR [RUNS]     (NIXLINT=BINARY to time a built binary)
# Generate a tree with: go run ./bench/gentree /tmp/tree 3500
# Targets (DESIGN.md §10): nixlint <= 1/4 of Nix's time, <= 3x cat's.
# The three commands run in turn, RUNS times; the best run of each counts.
# NIXLINT_TRACE=1 nixlint DIR prints the time of each phase and analyzer.
set -euo pipefail
dir=${1:?usage: lint-vs-nix.sh DIR [RUNS]}
runs=${2:-3}
here=$(cd "$(dirname "$0")/.." && pwd)

command -v nix-instantiate >/dev/null || { echo "nix-instantiate not found (apt-get install nix-bin)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# NIXLINT=path/to/nixlint times a given binary; else the checkout is built.
bin=${NIXLINT:-}
if [ -z "$bin" ]; then
  bin=$tmp/nixlint
  (cd "$here" && go build -o "$bin" ./cmd/nixlint)
fi

list=$tmp/files
# The same files nixlint reads: .nix regular files, outside .git and result links.
find "$dir" \( -name .git -o -name result -o -name 'result-*' -o -name node_modules -o -name .direnv \) -prune \
  -o -type f -name '*.nix' -print0 > "$list"
files=$(tr -cd '\0' < "$list" | wc -c)
bytes=$(xargs -0 cat < "$list" | wc -c)
echo "$files files, $bytes bytes, best of $runs runs, $(nproc) CPUs"

# timed CMD...: prints the wall time in seconds of one run of CMD, and
# stops the script when CMD fails (a timing of a command that failed at once
# would mean nothing).
timed() {
  local s e code=0
  s=$(date +%s.%N)
  "$@" > /dev/null 2>"$tmp/stderr" || code=$?
  e=$(date +%s.%N)
  if [ "$code" != 0 ]; then
    echo "$* exited with $code:" >&2; head -5 "$tmp/stderr" >&2; exit 2
  fi
  awk -v s="$s" -v e="$e" 'BEGIN { printf "%.4f", e - s }'
}

# lesser A B: the smaller of two times, A when B is empty.
lesser() { awk -v a="$1" -v b="$2" 'BEGIN { print (b == "" || a < b) ? a : b }'; }

# As few invocations as the argument limit allows, for Nix as for cat (as
# bench/compare.sh does): Nix's start-up, paid once per invocation, is not
# what is being compared.
nix_parse() { xargs -0 nix-instantiate --parse < "$list"; }
cat_all() { xargs -0 cat < "$list"; }

# The three run in turn, RUNS times, and the best run of each counts: on a
# shared machine the neighbours' load drifts, and alternating exposes each
# tool to the same drift.
t_lint="" t_nix="" t_cat=""
for _ in $(seq "$runs"); do
  # One assignment per timing, so that a failed run stops the script.
  t=$(timed "$bin" --fail-on never "$dir"); t_lint=$(lesser "$t" "$t_lint")
  t=$(timed nix_parse); t_nix=$(lesser "$t" "$t_nix")
  t=$(timed cat_all); t_cat=$(lesser "$t" "$t_cat")
done

printf '%-28s %8.3fs\n' "nixlint (full lint)" "$t_lint" "nix-instantiate --parse" "$t_nix" "cat" "$t_cat"
awk -v l="$t_lint" -v n="$t_nix" -v c="$t_cat" 'BEGIN {
  printf "nixlint / nix  = %.3f  (target <= 0.25)\n", l / n
  printf "nixlint / cat  = %.2f   (target <= 3)\n", l / c
}'
