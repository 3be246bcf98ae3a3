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
# Usage: [NIXLINT=BINARY] [RUNS=N] bench/compare.sh [DIR]
#
# Each tool runs RUNS times (default 5), alternately; the best run of each
# is reported, as the one least disturbed by the rest of the machine.
#
# NIXLINT names a nixlint binary to time instead of one built from this
# checkout (to compare two builds, or while another package does not
# compile).
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
if [ -n "${NIXLINT:-}" ]; then
	[ -x "$NIXLINT" ] || { echo "NIXLINT=$NIXLINT is not an executable" >&2; exit 1; }
	cp "$NIXLINT" "$work/nixlint"
else
	(cd "$root" && go build -o "$work/nixlint" ./cmd/nixlint)
fi

find "$dir" -name '*.nix' -type f -print0 | sort -z >"$work/files"
count=$(tr -cd '\0' <"$work/files" | wc -c)
bytes=$(xargs -0 cat <"$work/files" | wc -c)

# measure OUT CMD... : runs CMD over all files via xargs, its output saved in
# OUT, and prints "wall user+sys" seconds. CPU time is reported too because
# on a shared, loaded machine wall-clock time measures the neighbours.
measure() {
	local out=$1 t
	shift
	t=$( { TIMEFORMAT='%R %U %S'; time xargs -0 "$@" <"$work/files" >"$out" 2>/dev/null || true; } 2>&1 | tail -1)
	set -- $t
	echo "$1 $(echo "$2 + $3" | bc -l)"
}

# best PREV_WALL PREV_CPU WALL CPU: prints the better of two measurements.
best() {
	if [ -z "$1" ] || [ "$(echo "$3 < $1" | bc -l)" = 1 ]; then echo "$3 $4"; else echo "$1 $2"; fi
}

# Warm the page cache so that neither tool pays for the first read.
xargs -0 cat <"$work/files" >/dev/null
nwall="" ncpu="" xwall="" xcpu=""
for _ in $(seq "${RUNS:-5}"); do
	read -r w c < <(measure "$work/nixlint.out" "$work/nixlint" parse --format nix)
	read -r nwall ncpu < <(best "$nwall" "$ncpu" "$w" "$c")
	read -r w c < <(measure "$work/nix.out" nix-instantiate --parse)
	read -r xwall xcpu < <(best "$xwall" "$xcpu" "$w" "$c")
done

mb=$(echo "$bytes / 1048576" | bc -l)
printf 'files: %d, %.2f MB in %s, best of %d runs, %d CPUs\n' "$count" "$mb" "$dir" "${RUNS:-5}" "$(nproc)"
printf '%-24s %8s %10s %10s\n' "" "wall s" "cpu s" "MB/cpu s"
printf '%-24s %8.3f %10.3f %10.1f\n' "nixlint parse" "$nwall" "$ncpu" "$(echo "$mb / $ncpu" | bc -l)"
printf '%-24s %8.3f %10.3f %10.1f\n' "nix-instantiate --parse" "$xwall" "$xcpu" "$(echo "$mb / $xcpu" | bc -l)"
printf 'nixlint is %.1fx faster (wall), %.1fx (cpu)\n' "$(echo "$xwall / $nwall" | bc -l)" "$(echo "$xcpu / $ncpu" | bc -l)"
if cmp -s "$work/nixlint.out" "$work/nix.out"; then
	echo "outputs: identical"
else
	# One nix-instantiate process parses many files and shares its symbol
	# table between them, which changes the order of lambda formals and let
	# bindings in later files (see parser/printer/symbols.go); nixlint prints
	# each file as a process of its own would. Compare file by file.
	echo "outputs: differ as a whole; comparing file by file (one Nix process per file)"
	diff=0
	while IFS= read -r -d '' f; do
		if ! cmp -s <("$work/nixlint" parse --format nix "$f" 2>/dev/null) <(nix-instantiate --parse "$f" 2>/dev/null); then
			echo "  differs: $f"
			diff=$((diff + 1))
		fi
	done <"$work/files"
	echo "files that differ: $diff"
fi
