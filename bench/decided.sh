#!/bin/sh
# Issue 21's target for the screen: its first frame (the dashboard: open
# clocks from gv_deadlines, ballots in voting) under 50 ms with 2,000
# decided ballots, and independent of them: against the same database
# without them, in the same run (ratio at most 1.1). The decided ballots
# (passed, failed, adopted after their IPR review, 2005 to 2016) are
# written straight into the tables of the demo's database; its own live
# ballots stay. The schema's triggers derive each one's settled_at as they
# do for every operation (core/db_schema.c v11), and the script says how
# many of them that settles. gavel runs headless (GV_NO_DISPLAY) to its first frame
# and quits; CPU is user + system time as wait4 counts it, the median of
# five runs with the spread, and the peak memory.
set -eu
bench="$GAVEL_BUILD/issues-bench"
gavel="$GAVEL_BIN"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
n=${DECIDED_BALLOTS:-2000}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 }
	END { print v[int((NR + 1) / 2)] }'; }
spread() { printf '%s\n' "$@" | sort -g | awk 'NR == 1 { lo = $1 }
	{ hi = $1 } END { printf "%.1f-%.1f", lo * 1000, hi * 1000 }'; }

"$gavel" --db "$dir/live.db" init --demo >/dev/null
cp "$dir/live.db" "$dir/decided.db"
# A ballot every other day from 2005 on: a third Final Guideline, a third Final
# Maintenance Guideline (both reviewed and adopted when passed), a third
# other ballots; every other one failed.
sqlite3 "$dir/decided.db" "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL
	SELECT i + 1 FROM k WHERE i < $n), s(i, t, kind, passed) AS (SELECT i,
	1104537600 + i * 172800, CASE i % 3 WHEN 0 THEN 'fg' WHEN 1 THEN 'fmg'
	ELSE 'other' END, i % 2 FROM k)
	INSERT INTO ballot (body, number, title, kind, created_at, proposed_at,
	 discussion_ends_at, vote_starts_at, vote_ends_at, results_at,
	 review_starts_at, review_ends_at, result)
	SELECT (SELECT id FROM body WHERE code = 'SMCWG'), 5000 + i,
	 'Decided ballot ' || i, kind, t, t, t + 7 * 86400, t + 7 * 86400,
	 t + 14 * 86400, t + 15 * 86400,
	 CASE WHEN passed AND kind <> 'other' THEN t + 16 * 86400 END,
	 CASE WHEN passed AND kind <> 'other' THEN t + 76 * 86400 END,
	 CASE WHEN passed THEN 'passed' ELSE 'failed' END FROM s;
	INSERT INTO ballot_version (ballot, n, posted_at)
	SELECT id, 1, proposed_at FROM ballot WHERE number > 5000;"
printf 'quit\n' >"$dir/script"

dc= dp= lc=
for run in 1 2 3 4 5; do
	set -- $(GV_NO_DISPLAY=1 GV_SIZE=120x40 GV_SCRIPT="$dir/script" \
		"$bench" run "$gavel" --db "$dir/decided.db")
	dc="$dc $1" dp="$dp $2"
	set -- $(GV_NO_DISPLAY=1 GV_SIZE=120x40 GV_SCRIPT="$dir/script" \
		"$bench" run "$gavel" --db "$dir/live.db")
	lc="$lc $1"
done
awk -v n="$n" -v all="$(sqlite3 "$dir/decided.db" \
	'SELECT count(*) FROM ballot')" -v settled="$(sqlite3 "$dir/decided.db" \
	"SELECT count(*) FROM ballot WHERE number > 5000 AND settled_at <=
	 unixepoch()")" -v d="$(median $dc)" \
    -v l="$(median $lc)" -v p="$(median $dp)" -v ds="$(spread $dc)" \
    -v ls="$(spread $lc)" 'BEGIN {
	r = d / l
	printf "decided first frame, %d ballots (%d decided): CPU %.1f ms" \
	       " (%s) (target < 50 ms): %s; peak %.1f MB\n", all, n,
	       d * 1000, ds, d * 1000 < 50 ? "met" : "NOT MET", p / 1024
	printf "decided first frame against the same without them: %.1f ms" \
	       " (%s), ratio %.2f (target <= 1.1, independent): %s;" \
	       " %d of the %d settled by the schema\n",
	       l * 1000, ls, r, r <= 1.1 ? "met" : "NOT MET", settled, n
	exit !(d * 1000 < 50 && r <= 1.1)
}' || echo "decided: target(s) not met"
