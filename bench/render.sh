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
