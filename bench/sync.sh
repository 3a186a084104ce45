#!/bin/sh
# Issue 17's target: `gavel sync` of an empty replica (init, remote add,
# sync) receiving a working group's 10,000 operations costs at most twice
# what `git fetch` of the same refs into an empty bare repository costs,
# in the same run (ratio <= 2.0). Printed with it: the time gavel spends
# beyond the fetch per operation (reading, checking, recording and
# applying it), gavel's peak memory, and whether the new replica's digest
# equals the source's.
#
# The source log is written by bench/sync.c through the public API
# (issues, notes, ballots with their votes, meetings with roll calls, by
# a chair, a secretary and six members), put in chains as `gavel sync`
# does and pushed to a bare repository, in three shapes: each chain's
# operations in one commit (9 commits), a commit per 10 operations of one
# person (about 1,000) and a commit per operation (10,000). Times are CPU
# time (user + system, with the processes each command waits for: git's
# upload-pack, pack-objects and index-pack), the median of three runs of
# each side.
set -eu
bench="$GAVEL_BUILD/sync-bench"
gavel="$GAVEL_BIN"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
ops=10000
missed=0

median() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
sum() { awk -v a="$1" -v b="$2" -v c="$3" 'BEGIN { printf "%.6f", a + b + c }'; }

# shape PER: the source log, with a commit per PER operations (0: one per
# member), then three empty replicas and three fetches.
shape() {
	src="$dir/per$1"
	mkdir -p "$src"
	git init -q --bare "$src/remote.git"
	"$bench" make "$src/source.db" "$src/remote.git" "$ops" "$1"
	commits=$(git -C "$src/remote.git" rev-list --all --count)
	chains=$(git -C "$src/remote.git" for-each-ref refs/gavel | wc -l)
	g= f= peak=0
	for run in 1 2 3; do
		rm -rf "$src"/empty.db* "$src/fetch.git"
		set -- $("$bench" time "$gavel" --db "$src/empty.db" init) \
		       $("$bench" time "$gavel" --db "$src/empty.db" remote add \
		               origin "$src/remote.git") \
		       $("$bench" time "$gavel" --db "$src/empty.db" sync)
		g="$g $(sum "$1" "$3" "$5")"
		[ "$6" -gt "$peak" ] && peak=$6
		git init -q --bare "$src/fetch.git"
		set -- $("$bench" time git -C "$src/fetch.git" fetch -q \
		               "$src/remote.git" 'refs/gavel/*:refs/gavel/*')
		f="$f $1"
	done
	[ "$(git -C "$src/fetch.git" for-each-ref refs/gavel | wc -l)" = \
	  "$chains" ] || { echo "sync: git fetch did not bring every chain"; exit 1; }
	applied=$(sqlite3 "$src/empty.db" \
		"SELECT count(*) FROM op WHERE status = 'applied'")
	same=digests-differ
	[ "$("$gavel" --db "$src/empty.db" digest)" = \
	  "$("$gavel" --db "$src/source.db" digest)" ] && same=digests-equal
	awk -v n="$commits" -v c="$chains" -v g="$(median $g)" \
	    -v f="$(median $f)" -v ops="$ops" -v a="$applied" -v kb="$peak" \
	    -v same="$same" 'BEGIN {
		r = g / f
		printf "sync %d ops in %5d commits (%d chains): gavel %.3f s, " \
		       "git fetch %.3f s, ratio %.1f (target <= 2.0): %s; " \
		       "apply %.0f us/op; peak %.1f MB; %d applied, %s\n",
		       ops, n, c, g, f, r, r <= 2.0 ? "met" : "NOT MET",
		       (g - f) / ops * 1e6, kb / 1024, a, same
		exit r <= 2.0 && a == ops && same == "digests-equal" ? 0 : 1
	}' || missed=$((missed + 1))
}

shape 0
shape 10
shape 1
[ "$missed" -eq 0 ] || echo "sync: $missed target(s) not met"
