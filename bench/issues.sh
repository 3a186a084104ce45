#!/bin/sh
# Issue 7's targets: import a generated file of 20,000 issues with 5
# comments each (as `gh issue list --json ...` writes it), then run 1,000
# mixed searches (words, phrases, prefixes, OR, NOT, with state and label
# filters); print the import time, search p50/p99, and the ratio of
# gavel's search time to the same FTS5 statement run by the sqlite3 shell
# on the same database file (target <= 1.2).
#
# "in one process": gavel's 1,000 searches through gv_issue_list (what the
# TUI pays) against one sqlite3 shell running the same 1,000 statements
# (core/db_stmt_issue.h's text, parameters written in). "per process": the
# first 100 searches as `gavel issue list --search` and as `sqlite3 DB
# SQL`, one process each; that adds each program's start to each search.
set -eu
bench="$GAVEL_BUILD/issues-bench"
gavel="$GAVEL_BIN"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
missed=0

clock() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

# verdict NAME GAVEL SQLITE: prints the ratio against the target.
verdict() {
	awk -v n="$1" -v g="$2" -v s="$3" 'BEGIN {
		r = g / s
		printf "issues %-28s gavel %.3f s, sqlite3 %.3f s, ratio %.2f" \
		       " (target <= 1.2): %s\n", n, g, s, r,
		       r <= 1.2 ? "met" : "NOT MET"
		exit r <= 1.2 ? 0 : 1
	}' || missed=$((missed + 1))
}

"$bench" generate "$dir/issues.json" 20000
"$gavel" --db "$dir/b.db" init >/dev/null
"$gavel" --db "$dir/b.db" body add WG --name "Bench WG" >/dev/null
start=$(clock)
"$gavel" --db "$dir/b.db" issue import "$dir/issues.json" --body WG \
	2>/dev/null >"$dir/summary"
echo "issues import: $(seconds "$start" "$(clock)") s for" \
     "$(wc -c <"$dir/issues.json") bytes: $(cat "$dir/summary")"

"$bench" queries "$dir/queries" 1000
"$bench" sql "$dir/b.db" "$dir/queries" >"$dir/queries.sql"
set -- $("$bench" search "$dir/b.db" "$dir/queries")
echo "issues search (1,000, 20 hits each): p50 $(awk -v t="$1" \
     'BEGIN { printf "%.1f", t * 1000 }') ms, p99 $(awk -v t="$2" \
     'BEGIN { printf "%.1f", t * 1000 }') ms"
gavel_total=$3
start=$(clock)
sqlite3 "$dir/b.db" <"$dir/queries.sql" >/dev/null
verdict "search, in one process" "$gavel_total" "$(seconds "$start" "$(clock)")"

mkdir "$dir/one"
head -n 100 "$dir/queries.sql" | split -l 1 - "$dir/one/q"
head -n 100 "$dir/queries" >"$dir/first"
start=$(clock)
while IFS='	' read -r state label query; do
	if [ "$label" = - ]; then
		"$gavel" --db "$dir/b.db" issue list --search "$query" \
			--state "$state" --limit 20 >/dev/null
	else
		"$gavel" --db "$dir/b.db" issue list --search "$query" \
			--state "$state" --label "$label" --limit 20 >/dev/null
	fi
done <"$dir/first"
g=$(seconds "$start" "$(clock)")
start=$(clock)
for f in "$dir"/one/q*; do
	sqlite3 "$dir/b.db" <"$f" >/dev/null
done
verdict "search, per process (100)" "$g" "$(seconds "$start" "$(clock)")"
[ "$missed" -eq 0 ] || echo "issues: $missed target(s) not met"
