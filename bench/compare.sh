#!/usr/bin/env bash
# Times `nixlint parse --format nix` against `nix-instantiate --parse` over
# every .nix file of DIR, side by side, and checks that both print the same.
#
# nix-instantiate accepts several files per invocation (it stops at the
# first file it rejects), so both tools get all the files in as few
# invocations as the argument limit allows, through the same xargs: the
# fastest fair way for both. Without a DIR, a synthetic homelab tree of
# 3000 files is generated first (go run ./bench/gentree).
#
# Usage: bench/compare.sh [DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dir=${1:-}
if [ -z "$dir" ]; then
	dir=$work/tree
	(cd "$root" && go run ./bench/gentree "$dir" 3000)
fi
command -v nix-instantiate >/dev/null || { echo "nix-instantiate not found" >&2; exit 1; }
(cd "$root" && go build -o "$work/nixlint" ./cmd/nixlint)

find "$dir" -name '*.nix' -type f -print0 | sort -z >"$work/files"
count=$(tr -cd '\0' <"$work/files" | wc -c)
bytes=$(xargs -0 cat <"$work/files" | wc -c)

# seconds OUT CMD... : wall-clock seconds of CMD run over all files via
# xargs, its output saved in OUT.
seconds() {
	local out=$1 start end
	shift
	start=$(date +%s.%N)
	xargs -0 "$@" <"$work/files" >"$out" 2>/dev/null || true
	end=$(date +%s.%N)
	echo "$end - $start" | bc -l
}

# Warm the page cache so that neither tool pays for the first read.
xargs -0 cat <"$work/files" >/dev/null
tn=$(seconds "$work/nixlint.out" "$work/nixlint" parse --format nix)
tx=$(seconds "$work/nix.out" nix-instantiate --parse)

mb=$(echo "$bytes / 1048576" | bc -l)
printf 'files: %d, %.2f MB in %s\n' "$count" "$mb" "$dir"
printf '%-24s %8.3f s %8.1f MB/s\n' "nixlint parse" "$tn" "$(echo "$mb / $tn" | bc -l)"
printf '%-24s %8.3f s %8.1f MB/s\n' "nix-instantiate --parse" "$tx" "$(echo "$mb / $tx" | bc -l)"
printf 'nixlint is %.1fx faster\n' "$(echo "$tx / $tn" | bc -l)"
if cmp -s "$work/nixlint.out" "$work/nix.out"; then
	echo "outputs: identical"
else
	echo "outputs: DIFFER (some file is rejected or printed differently; run nixlint parse on the files)"
fi
