#!/bin/sh
# Issue 18's benchmark: `gavel ballot votes-from` reading a generated
# mbox of 50,000 messages (250 ballots' threads, every shape of vote,
# discussion with quoted replies) for one ballot, against `grep -c` over
# the same file in the same run; each runs three times, interleaved, and
# the medians count, of the clock and of CPU time (on a shared machine
# the clock waits for others too). The runs are --dry-run, so all three do the same
# work: read, match, record in a transaction, roll it back. gavel's peak
# resident memory is printed beside the file's size: the archive is read
# as a stream, one message at a time, so the peak must stay under a
# quarter of the file (target), whatever its size.
set -eu
bench="$GAVEL_BUILD/votes_from-bench"
gavel="$GAVEL_BIN"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
n=${VOTES_FROM_MESSAGES:-50000}

median() { printf '%s\n' "$@" | sort -g | sed -n 2p; }

"$bench" generate "$dir/list.mbox" "$n"
"$bench" setup "$dir/b.db"
size=$(wc -c <"$dir/list.mbox")
g= gc= p= t= tc=
for run in 1 2 3; do
	set -- $("$bench" run "$gavel" --db "$dir/b.db" ballot votes-from \
		SMC120 "$dir/list.mbox" --dry-run)
	g="$g $1" gc="$gc $2" p="$p $3"
	set -- $("$bench" run grep -c '^From ' "$dir/list.mbox")
	t="$t $1" tc="$tc $2"
done
"$gavel" --db "$dir/b.db" ballot votes-from SMC120 "$dir/list.mbox" \
	--dry-run | tail -n 1
awk -v n="$n" -v size="$size" -v g="$(median $g)" -v t="$(median $t)" \
    -v gc="$(median $gc)" -v tc="$(median $tc)" -v p="$(median $p)" 'BEGIN {
	printf "votes-from %d messages (%.1f MB): gavel %.3f s, grep -c " \
	       "%.3f s, ratio %.1f; CPU %.3f s and %.3f s, ratio %.1f; " \
	       "%.0f messages/s\n", n, size / 1e6, g, t, g / t, gc, tc,
	       gc / tc, n / g
	r = p * 1024 / size
	printf "votes-from peak memory %.1f MB for a %.1f MB file, %.3f of " \
	       "it (target < 0.25): %s\n", p / 1024, size / 1e6, r,
	       r < 0.25 ? "met" : "NOT MET"
	exit r < 0.25 ? 0 : 1
}'
