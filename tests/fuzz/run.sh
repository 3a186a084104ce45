#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs one libFuzzer harness for a bounded time (make fuzz):
#
#   run.sh NAME SECONDS BINARY OUT [SEED_DIR...]
#
# Its corpus, OUT/corpus/NAME, is kept from run to run; it starts from
# tests/fuzz/seeds/NAME and each SEED_DIR that exists (missing ones, such
# as ../shared/data on a machine without it, are left out). A crash, leak,
# timeout or memory blow-up is written to OUT/findings/NAME and fails the
# run. libFuzzer's own output goes to OUT/NAME.log; what is printed is
#
#   fuzz NAME: INPUTS inputs, EXECS execs/s, FINDINGS findings (SECONDS s)
set -u
name=$1 seconds=$2 bin=$3 out=$4
shift 4
corpus=$out/corpus/$name
findings=$out/findings/$name
log=$out/$name.log
start=$out/$name.start
mkdir -p "$corpus" "$findings"
: > "$start"

# The seed folders, as libFuzzer's read-only corpus arguments (it reads
# them recursively; only the first folder is written to).
seeds=tests/fuzz/seeds/$name
set -- "$corpus" "$seeds" "$@"
for dir; do
	shift
	[ -d "$dir" ] && set -- "$@" "$dir"
done
# Its dictionary, NAME.dict, or its family's: op_blob shares op.dict.
dict=
for d in "tests/fuzz/$name.dict" "tests/fuzz/${name%%_*}.dict"; do
	if [ -f "$d" ]; then
		dict=-dict=$d
		break
	fi
done

# -timeout: an input that takes 25 s is a finding (as on OSS-Fuzz; the
# slowest real case, a template at the engine's step limit, takes 4 s with
# the sanitizers);
# -rss_limit_mb: so is one that needs 2 GB. UBSan stops at its first
# report (-fno-sanitize-recover) and libFuzzer keeps the input.
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
ASAN_OPTIONS=detect_leaks=1 \
	"$bin" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 \
	-print_final_stats=1 -artifact_prefix="$findings/" $dict "$@" \
	> "$log" 2>&1
status=$?

# libFuzzer's last status line ("#N ... corp: 412/38Kb ...") and its
# final stats ("stat::average_exec_per_sec: 5123").
inputs=$(sed -n 's/.* corp: \([0-9]*\)\/.*/\1/p' "$log" | tail -n 1)
execs=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
new=$(find "$findings" -type f -newer "$start" \
	\( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
	-o -name 'oom-*' \) | sort)
count=$(printf '%s' "$new" | grep -c .)
rm -f "$start"
printf 'fuzz %s: %s inputs, %s execs/s, %s findings (%s s)\n' "$name" \
	"${inputs:-?}" "${execs:-?}" "$count" "$seconds"
if [ "$status" -ne 0 ] || [ "$count" -ne 0 ]; then
	for f in $new; do
		echo "  finding: $f (reproduce: $bin $f)"
	done
	grep -m 1 -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|.*promise broken)' \
		"$log" | sed 's/^/  /'
	echo "  log: $log; once fixed, keep the input in" \
		"tests/fuzz/crashes/$name/"
	exit 1
fi
