#!/bin/sh
# Issue 21's start-up target: `gavel --version` runs in at most 2 M
# instructions (callgrind, which counts the same on a busy machine), where
# `git --version` is the reference in the same run. Each side runs five
# times: the median, the spread (least-most), and the peak memory; the CPU
# time of five more runs of each is printed beside it. Before issue 21,
# 15.0 M: the dynamic loader binding the symbols of 39 shared libraries
# (libical's ICU, GMime's GLib and GPGME, SQLite, ncurses, ...).
set -eu
gavel="$GAVEL_BIN"
cpu="$GAVEL_BUILD/cpu-bench"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# instructions CMD...: "median least most" of five callgrind runs.
instructions() {
	for run in 1 2 3 4 5; do
		valgrind -q --tool=callgrind --callgrind-out-file="$dir/cg" \
			"$@" >/dev/null
		awk '/^summary:/ { print $2 }' "$dir/cg"
	done | sort -n | awk '{ v[NR] = $1 } END { print v[3], v[1], v[5] }'
}

if ! command -v valgrind >/dev/null; then
	echo "startup: instruction counts skipped (no valgrind)"
else
	set -- $(instructions "$gavel" --version) \
		$(instructions git --version)
	g=$1 glo=$2 ghi=$3 t=$4 tlo=$5 thi=$6
	set -- $("$cpu" 5 "$gavel" --version --against git --version)
	awk -v g="$g" -v glo="$glo" -v ghi="$ghi" -v t="$t" -v tlo="$tlo" \
	    -v thi="$thi" -v gc="$1" -v gk="$4" -v tc="$5" -v tk="$8" 'BEGIN {
		printf "startup gavel --version %.2f M instructions (%.2f-%.2f), " \
		       "git --version %.2f M (%.2f-%.2f), ratio %.2f; target " \
		       "<= 2 M: %s; CPU %.2f ms vs %.2f ms; peak %.1f MiB vs " \
		       "%.1f MiB (median of 5)\n", g / 1e6, glo / 1e6, ghi / 1e6,
		       t / 1e6, tlo / 1e6, thi / 1e6, g / t,
		       g <= 2e6 ? "met" : "NOT MET", gc * 1e3, tc * 1e3,
		       gk / 1024, tk / 1024
		exit g <= 2e6 ? 0 : 1
	}' || echo "startup: 1 target(s) not met"
fi
