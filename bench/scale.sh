#!/bin/sh
# Issue 21's targets for the issue list at ten times the size: 50,000
# issues with 5 comments each (176 MB of `gh issue list --json` output).
#
# - `gavel issue import` of the file: peak memory at most 64 MB, and CPU
#   linear in the size: the CPU per issue against that of a fifth of the
#   file imported in the same run (ratio at most 1.2).
# - `gavel issue list` (the open issues as a table) against the sqlite3
#   shell running the statement gavel runs (core/db_stmt_issue.h, its
#   parameters written in) on the same database: CPU ratio at most 1.1,
#   peak memory at most twice sqlite3's.
#
# CPU is user + system time as wait4 counts it, so other load on the
# machine does not count; each figure is the median of five runs, with
# the spread (lowest-highest). SCALE_ISSUES sets a smaller size.
set -eu
bench="$GAVEL_BUILD/issues-bench"
gavel="$GAVEL_BIN"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
n=${SCALE_ISSUES:-50000}
small=$((n / 5))
missed=0

# median / spread of the numbers given, one a line
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 }
	END { print v[int((NR + 1) / 2)] }'; }
spread() { printf '%s\n' "$@" | sort -g | awk 'NR == 1 { lo = $1 }
	{ hi = $1 } END { printf "%s-%s", lo, hi }'; }

# empty DB: a database with one body, for an import
empty() {
	rm -f "$1" "$1-wal" "$1-shm"
	"$gavel" --db "$1" init >/dev/null
	"$gavel" --db "$1" body add WG --name "Bench WG" >/dev/null
}

"$bench" generate "$dir/big.json" "$n"
"$bench" generate "$dir/small.json" "$small"
size=$(wc -c <"$dir/big.json")

bc= bp= sc=
for run in 1 2 3 4 5; do
	empty "$dir/s.db"
	set -- $("$bench" run "$gavel" --db "$dir/s.db" issue import \
		"$dir/small.json" --body WG 2>/dev/null)
	sc="$sc $1"
	empty "$dir/b.db"
	set -- $("$bench" run "$gavel" --db "$dir/b.db" issue import \
		"$dir/big.json" --body WG 2>/dev/null)
	bc="$bc $1" bp="$bp $2"
done
awk -v n="$n" -v s="$small" -v size="$size" -v bc="$(median $bc)" \
    -v sc="$(median $sc)" -v bp="$(median $bp)" -v bcs="$(spread $bc)" \
    -v scs="$(spread $sc)" -v bps="$(spread $bp)" 'BEGIN {
	r = (bc / n) / (sc / s)
	printf "scale issue import %d issues (%.0f MB): CPU %.2f s (%s)," \
	       " %d issues: %.2f s (%s); per issue %.2f of the smaller" \
	       " (target <= 1.2, linear): %s\n", n, size / 1e6, bc, bcs, s,
	       sc, scs, r, r <= 1.2 ? "met" : "NOT MET"
	printf "scale issue import peak memory %.1f MB (%s KB) (target <=" \
	       " 64 MB): %s\n", bp / 1024, bps, bp / 1024 <= 64 ? "met" : \
	       "NOT MET"
	exit !(r <= 1.2 && bp / 1024 <= 64)
}' || missed=$((missed + 1))

"$bench" listsql >"$dir/list.sql"
shown=$("$gavel" --db "$dir/b.db" issue list | tail -n +2 | wc -l)
gc= gp= qc= qp=
for run in 1 2 3 4 5; do
	set -- $("$bench" run "$gavel" --db "$dir/b.db" issue list)
	gc="$gc $1" gp="$gp $2"
	set -- $("$bench" run sqlite3 -cmd ".read $dir/list.sql" "$dir/b.db" \
		.quit)
	qc="$qc $1" qp="$qp $2"
done
awk -v n="$n" -v shown="$shown" -v gc="$(median $gc)" \
    -v qc="$(median $qc)" -v gp="$(median $gp)" -v qp="$(median $qp)" \
    -v gcs="$(spread $gc)" -v qcs="$(spread $qc)" 'BEGIN {
	r = gc / qc
	m = gp / qp
	printf "scale issue list %d issues (%d shown): gavel %.3f s (%s)," \
	       " sqlite3 %.3f s (%s), ratio %.2f (target <= 1.1): %s\n", n,
	       shown, gc, gcs, qc, qcs, r, r <= 1.1 ? "met" : "NOT MET"
	printf "scale issue list peak memory: gavel %.1f MB, sqlite3 %.1f" \
	       " MB, %.2f times (target <= 2): %s\n", gp / 1024, qp / 1024, m,
	       m <= 2 ? "met" : "NOT MET"
	exit !(r <= 1.1 && m <= 2)
}' || missed=$((missed + 1))
[ "$missed" -eq 0 ] || echo "scale: $missed target(s) not met"
