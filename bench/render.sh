#!/bin/sh
# Issue 3's target: rendering 1,000 documents (Mustache, then Markdown to
# HTML) costs at most 1.5 times what cmark-gfm alone takes to turn the same
# Markdown into HTML, so templating costs less than half of rendering.
# Each side runs three times; the best run of each counts.
set -eu
bench="$GAVEL_BUILD/render-bench"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
best() { printf '%s\n' "$@" | sort -g | head -n 1; }

"$bench" prepare "$dir"
gavel= cmark=
for run in 1 2 3; do
	gavel="$gavel $("$bench" time)"
	start=$(date +%s.%N)
	cmark-gfm -e table -e strikethrough -e autolink "$dir"/*.md >/dev/null
	cmark="$cmark $(seconds "$start" "$(date +%s.%N)")"
done
g=$(best $gavel)
c=$(best $cmark)
echo "render: gavel (Mustache + Markdown to HTML) ${g} s, cmark-gfm alone ${c} s"
awk -v g="$g" -v c="$c" 'BEGIN {
	r = g / c
	printf "render: ratio gavel/cmark-gfm %.2f (target <= 1.5): %s\n", r,
	       r <= 1.5 ? "met" : "NOT MET"
}'

# Issue 21: `gavel render` of one 1.1 MB Markdown document (the first 60
# documents above, joined) to an HTML page, per process, against
# cmark-gfm on it: CPU time, median of five runs of each (taking turns)
# with the spread and the peak memory (bench/cpu.c). Target: at most 1.2.
cpu="$GAVEL_BUILD/cpu-bench"
cat $(ls "$dir"/doc*.md | head -n 60) >"$dir/big.md"
set -- $("$cpu" 5 "$GAVEL_BIN" render "$dir/big.md" --format html \
	--against cmark-gfm -e table -e strikethrough -e autolink "$dir/big.md")
awk -v bytes="$(wc -c <"$dir/big.md")" -v g="$1" -v glo="$2" -v ghi="$3" \
    -v gk="$4" -v c="$5" -v clo="$6" -v chi="$7" -v ck="$8" 'BEGIN {
	r = g / c
	printf "render: one document of %d bytes per process (CPU, median " \
	       "of 5): gavel %.4f s (%.4f-%.4f), cmark-gfm %.4f s " \
	       "(%.4f-%.4f), ratio %.2f (target <= 1.2): %s; peak %.1f MiB, " \
	       "cmark-gfm %.1f MiB\n", bytes, g, glo, ghi, c, clo, chi, r,
	       r <= 1.2 ? "met" : "NOT MET", gk / 1024, ck / 1024
}'
