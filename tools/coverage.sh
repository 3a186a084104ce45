#!/bin/sh
# SPDX-License-Identifier: MIT
# This file is a build tool: after `make coverage` has run the tests on a
# --coverage build, it asks plain gcov for the line counts of every source
# file in core/, cli/ and tui/ and prints the share of lines run per folder,
# the total, and the least-covered core files. Only each .c file's own lines
# count: a header's inline lines would otherwise count once per includer.
#
# usage: tools/coverage.sh BUILD_DIR [N_WORST]
set -eu

build=${1:?usage: coverage.sh BUILD_DIR [N_WORST]}
worst=${2:-10}
out=$(mktemp)
trap 'rm -f "$out"' EXIT

for dir in core cli tui; do
	# gcov -t writes the annotated sources to stdout; -o names the folder
	# with the .gcno/.gcda files. A file that never ran has no .gcda:
	# gcov then counts all its lines as not run, which is the truth.
	gcov -t -o "$build/$dir" "$dir"/*.c 2>/dev/null | awk -v dir="$dir" '
		/^ *-: *0:Source:/ {
			src = $0; sub(/^.*:Source:/, "", src)
			keep = (src ~ "^" dir "/[^/]*\\.c$")
			if (keep && !(src in seen)) { seen[src] = 1; order[++n] = src }
			next
		}
		!keep { next }
		{
			count = $1; sub(/:$/, "", count); sub(/\*$/, "", count)
			if (count == "-") next
			total[src]++
			if (count != "#####" && count != "=====") run[src]++
		}
		END {
			for (i = 1; i <= n; i++)
				printf "%s %s %d %d\n", dir, order[i], run[order[i]], total[order[i]]
		}'
done > "$out"

if [ ! -s "$out" ]; then
	echo "coverage: no gcov data under $build (run make coverage)" >&2
	exit 1
fi

awk '
	{ run[$1] += $3; total[$1] += $4; all_run += $3; all_total += $4 }
	END {
		printf "%-8s %8s %8s %7s\n", "folder", "lines", "run", "cover"
		split("core cli tui", dirs, " ")
		for (i = 1; i <= 3; i++) {
			d = dirs[i]
			if (!total[d]) continue
			printf "%-8s %8d %8d %6.1f%%\n", d, total[d], run[d], 100 * run[d] / total[d]
		}
		printf "%-8s %8d %8d %6.1f%%\n", "total", all_total, all_run, 100 * all_run / all_total
	}' "$out"

echo
echo "least covered in core (lines not run, lines, cover):"
awk '$1 == "core" && $4 > 0 {
	printf "%-28s %5d %5d %6.1f%%\n", $2, $4 - $3, $4, 100 * $3 / $4
}' "$out" | sort -k4,4n -k2,2nr | head -n "$worst"
