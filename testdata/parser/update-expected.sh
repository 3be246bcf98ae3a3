#!/usr/bin/env bash
# Records what Nix prints for every file of the parser corpus.
#
# For each corpus/NAME.nix, runs `nix-instantiate --parse` (Nix 2.8, Debian's
# nix-bin) and writes its output to corpus/NAME.nix.expected, with the
# absolute directory of the corpus replaced by @DIR@ and $HOME by @HOME@ so
# that the files do not depend on where the repository is checked out. It
# only ever writes what Nix printed: a file Nix rejects is reported and
# left without expectation (move it to invalid/), and a file of invalid/
# that Nix accepts is reported too. The files under fixtures/
# cover syntax Nix 2.8 lacks; their expectations are written by hand.
#
# Usage: testdata/parser/update-expected.sh [FILE.nix...]
set -euo pipefail
cd "$(dirname "$0")/corpus"
dir=$(pwd -P)
command -v nix-instantiate >/dev/null || { echo "nix-instantiate not found" >&2; exit 1; }
nix-instantiate --version | grep -q ' 2\.8\.' || { echo "need Nix 2.8, have: $(nix-instantiate --version)" >&2; exit 1; }

if [ $# -eq 0 ]; then set -- *.nix; else set -- "${@##*/}"; fi
status=0
for f in "$@"; do
	tmp=$(mktemp)
	if nix-instantiate --parse "$dir/$f" >"$tmp" 2>/dev/null; then
		DIR="$dir" perl -pe 's/\Q$ENV{DIR}\E/\@DIR\@/g; s/\Q$ENV{HOME}\E/\@HOME\@/g' <"$tmp" >"$f.expected"
	else
		echo "rejected by Nix, not recorded (move it to invalid/): $f" >&2
		status=1
	fi
	rm -f "$tmp"
done

# Files of invalid/ must stay rejected by Nix (a crash counts as rejected).
for f in ../invalid/*.nix; do
	if nix-instantiate --parse "$f" >/dev/null 2>&1; then
		echo "accepted by Nix, move it to corpus/: invalid/${f##*/}" >&2
		status=1
	fi
done
exit $status
