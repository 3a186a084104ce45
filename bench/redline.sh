#!/bin/sh
# Issue 6's targets: `gavel redline --format plain` takes at most the time
# `git diff --word-diff=plain` takes on the same range (ratio <= 1.0), on
# every ballot range of the real cabforum/smime history and on a synthetic
# 1 MB guideline with 500 scattered edits; building that redline peaks
# under 64 MB. Each side runs five times; the best run of each counts.
# "in-process" is the best of ten builds inside one process (what the
# TUI pays), over git's whole run: a process of gavel also starts
# libgit2, whose Debian build (mbedTLS) parses the system's CA bundle on
# every start, about 10 ms that no option turns off.
set -eu
bench="$GAVEL_BUILD/redline-bench"
gavel="$GAVEL_BIN"
data=${GAVEL_TESTDATA:-$(dirname "$0")/../../shared/data}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", b - a }'; }
best() { printf '%s\n' "$@" | sort -g | head -n 1; }
missed=0

# compare NAME REPO BASE HEAD
compare() {
	g= t=
	for run in 1 2 3 4 5; do
		start=$(date +%s.%N)
		"$gavel" redline --repo "$2" --format plain "$3..$4" >/dev/null
		g="$g $(seconds "$start" "$(date +%s.%N)")"
		start=$(date +%s.%N)
		git -C "$2" diff --word-diff=plain "$3" "$4" >/dev/null
		t="$t $(seconds "$start" "$(date +%s.%N)")"
	done
	g=$(best $g)
	t=$(best $t)
	in=$("$bench" time "$2" "$3..$4")
	awk -v n="$1" -v g="$g" -v t="$t" -v ip="$in" 'BEGIN {
		r = g / t
		printf "redline %-18s gavel %.4f s, git %.4f s, ratio %.2f " \
		       "(target <= 1.0): %s; in-process %.4f s (%.2f)\n", n, g,
		       t, r, r <= 1.0 ? "met" : "NOT MET", ip, ip / t
		exit r <= 1.0 ? 0 : 1
	}' || missed=$((missed + 1))
}

if [ -f "$data/cabforum-smime.bundle" ]; then
	git clone -q --mirror "$data/cabforum-smime.bundle" "$dir/smime.git"
	tail -n +2 "$data/ballot-pairs-smime.tsv" >"$dir/pairs"
	while IFS='	' read -r name _ base _ head _; do
		compare "$name" "$dir/smime.git" "$base" "$head"
	done <"$dir/pairs"
else
	echo "redline: skipped the cabforum/smime ranges ($data not found;" \
	     "set GAVEL_TESTDATA)"
fi

mkdir "$dir/synthetic"
"$bench" generate "$dir"
(
	cd "$dir/synthetic"
	git init -q
	cp ../base.md guideline.md
	git add guideline.md
	git -c user.name=bench -c user.email=bench@gavel.invalid \
		commit -qm base
	cp ../head.md guideline.md
	git -c user.name=bench -c user.email=bench@gavel.invalid \
		commit -qam head
)
echo "redline: synthetic guideline $(wc -c <"$dir/base.md") bytes," \
     "$(git -C "$dir/synthetic" diff --numstat HEAD~1 HEAD | cut -f1)" \
     "lines changed"
compare synthetic-1MB "$dir/synthetic" HEAD~1 HEAD
kb=$("$bench" memory "$dir/synthetic" HEAD~1..HEAD)
awk -v kb="$kb" 'BEGIN {
	printf "redline synthetic-1MB peak memory %.1f MB (target < 64): %s\n",
	       kb / 1024, kb < 65536 ? "met" : "NOT MET"
	exit kb < 65536 ? 0 : 1
}' || missed=$((missed + 1))
[ "$missed" -eq 0 ] || echo "redline: $missed target(s) not met"
