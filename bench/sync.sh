#!/bin/sh
# Issue 17's target: `gavel sync` of an empty replica (made by `init` and
# `remote add`) receiving a working group's 10,000 operations costs at
# most twice what `git fetch` of the same refs into an empty bare
# repository (made by `git init`) costs, in the same run (ratio <= 2.0):
# each side from its empty repository, as the issue words it. Printed
# with it: the same from nothing (gavel's init, remote add and sync
# against git's init and fetch), the time gavel spends beyond the fetch
# per operation (reading, checking, recording and applying it), gavel's
# peak memory, and whether the new replica's digest equals the source's.
#
# The source log is written by bench/sync.c through the public API
# (issues, notes, ballots with their votes, meetings with roll calls, by
# a chair, a secretary and six members), put in chains as `gavel sync`
# does and pushed to a bare repository, in three shapes: each chain's
# operations in one commit (9 commits), a commit per 10 operations of one
# person (about 1,000) and a commit per operation (10,000). Times are CPU
# time (user + system, with the processes each command waits for: git's
# upload-pack, pack-objects and index-pack), five runs of each side in
# turn; each ratio is the median of the five runs' ratios, each run's
# gavel against the fetch right after it, since this machine's speed
# moves by half within minutes and moves gavel's time more than git's;
# the times printed are the medians of each side.
set -eu
bench="$GAVEL_BUILD/sync-bench"
gavel="$GAVEL_BIN"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
ops=10000
missed=0

median() {
	printf '%s\n' "$@" | sort -g |
		awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f", a / b }'; }
sum() { awk -v a="$1" -v b="$2" -v c="$3" 'BEGIN { printf "%.6f", a + b + c }'; }

# floor SRC: what SQLite alone takes to store what the operations made in
# SRC/empty.db, with no reading, no checks and no events written: each of
# its rows inserted into an empty store of the same schema, foreign keys
# on as gavel has them (INSERT ... SELECT row by row: a WHERE clause keeps
# SQLite from copying whole pages), and the search index built from the
# same text. CPU time of the sqlite3 shell, the median of three runs,
# beside git's fetch: what is left of twice the fetch is what copying,
# reading and checking 10,000 operations may cost.
floor() {
	fl=$1 fetch=$2 t=
	rm -f "$fl/floor.db"
	sqlite3 "$fl/empty.db" .schema | grep -v '^CREATE TABLE sqlite_' |
		sqlite3 "$fl/floor.db"
	cp "$fl/floor.db" "$fl/floor0.db"
	{
		echo "PRAGMA foreign_keys = ON;"
		echo "ATTACH '$fl/empty.db' AS s;"
		echo "BEGIN;"
		sqlite3 "$fl/empty.db" "SELECT name FROM sqlite_schema WHERE
			type = 'table' AND name NOT LIKE 'sqlite_%' AND
			name NOT LIKE 'issue_fts%' ORDER BY rowid" |
		while read -r table; do
			echo "INSERT INTO main.\"$table\"" \
			     "SELECT * FROM s.\"$table\" WHERE 1;"
		done
		echo "INSERT INTO issue_fts (rowid, title, body, notes)" \
		     "SELECT rowid, title, body, notes FROM s.issue_fts;"
		echo "COMMIT;"
	} > "$fl/floor.sql"
	for run in 1 2 3; do
		cp "$fl/floor0.db" "$fl/floor.db"
		t="$t $("$bench" time sqlite3 "$fl/floor.db" < "$fl/floor.sql" |
		       cut -d' ' -f1)"
	done
	[ "$(sqlite3 "$fl/floor.db" "SELECT count(*) FROM op")" = "$ops" ] ||
		{ echo "sync: the floor did not store every operation"; exit 1; }
	awk -v s="$(median $t)" -v f="$fetch" 'BEGIN {
		printf "floor: SQLite alone storing those rows and their " \
		       "search index %.3f s, %.1f times git fetch\n", s, s / f
	}'
}

# shape PER: the source log, with a commit per PER operations (0: one per
# member), then three empty replicas and three fetches.
shape() {
	src="$dir/per$1"
	mkdir -p "$src"
	git init -q --bare "$src/remote.git"
	"$bench" make "$src/source.db" "$src/remote.git" "$ops" "$1"
	commits=$(git -C "$src/remote.git" rev-list --all --count)
	chains=$(git -C "$src/remote.git" for-each-ref refs/gavel | wc -l)
	g= f= g0= f0= r= r0= peak=0
	for run in 1 2 3 4 5; do
		rm -rf "$src"/empty.db* "$src/fetch.git"
		set -- $("$bench" time "$gavel" --db "$src/empty.db" init) \
		       $("$bench" time "$gavel" --db "$src/empty.db" remote add \
		               origin "$src/remote.git") \
		       $("$bench" time "$gavel" --db "$src/empty.db" sync)
		g="$g $5"
		g0="$g0 $(sum "$1" "$3" "$5")"
		[ "$6" -gt "$peak" ] && peak=$6
		set -- $("$bench" time git init -q --bare "$src/fetch.git") \
		       $("$bench" time git -C "$src/fetch.git" fetch -q \
		               "$src/remote.git" 'refs/gavel/*:refs/gavel/*')
		f="$f $3"
		f0="$f0 $(sum "$1" "$3" 0)"
		r="$r $(ratio "${g##* }" "$3")"
		r0="$r0 $(ratio "${g0##* }" "${f0##* }")"
	done
	[ "$(git -C "$src/fetch.git" for-each-ref refs/gavel | wc -l)" = \
	  "$chains" ] || { echo "sync: git fetch did not bring every chain"; exit 1; }
	applied=$(sqlite3 "$src/empty.db" \
		"SELECT count(*) FROM op WHERE status = 'applied'")
	same=digests-differ
	[ "$("$gavel" --db "$src/empty.db" digest)" = \
	  "$("$gavel" --db "$src/source.db" digest)" ] && same=digests-equal
	awk -v n="$commits" -v c="$chains" -v g="$(median $g)" \
	    -v f="$(median $f)" -v g0="$(median $g0)" -v f0="$(median $f0)" \
	    -v r="$(median $r)" -v r0="$(median $r0)" \
	    -v ops="$ops" -v a="$applied" -v kb="$peak" \
	    -v same="$same" 'BEGIN {
		printf "sync %d ops in %5d commits (%d chains): gavel %.3f s, " \
		       "git fetch %.3f s, ratio %.1f (target <= 2.0): %s; " \
		       "from nothing %.3f s against %.3f s, %.1f; " \
		       "apply %.0f us/op; peak %.1f MB; %d applied, %s\n",
		       ops, n, c, g, f, r, r <= 2.0 ? "met" : "NOT MET",
		       g0, f0, r0,
		       (g - f) / ops * 1e6, kb / 1024, a, same
		exit r <= 2.0 && a == ops && same == "digests-equal" ? 0 : 1
	}' || missed=$((missed + 1))
	[ "${src##*/}" != per0 ] || floor "$src" "$(median $f)"
}

shape 0
shape 10
shape 1
[ "$missed" -eq 0 ] || echo "sync: $missed target(s) not met"
