#!/usr/bin/env bash
# Runs one libFuzzer target for a short while and reports it as one TAP
# test case: ok when it found nothing, not ok (with the reproducer kept in
# the build folder) when it did.
# Usage: run-fuzz.sh TARGET SEED_CORPUS WORK_FOLDER SECONDS
set -uo pipefail

target=$1
seeds=$2
work=$3
seconds=$4
name=$(basename "$target")

# New inputs go to the work folder, so the seeds in the source tree stay
# as they are; it is kept between runs and grows.
mkdir -p "$work/corpus" "$work/artifacts"
rm -f "$work"/artifacts/*
log="$work/last-run.log"
# A fixed seed makes the short run in CI take the same path each time, so
# it does not find a different thing on each run; long runs (README) leave
# it random.
"$target" -seed=1 -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" "$work/corpus" "$seeds" > "$log" 2>&1
status=$?

runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
echo "1..1"
if [ $status -eq 0 ]; then
  echo "ok 1 - $name: ${runs:-?} inputs in ${seconds} s, nothing found"
else
  # meson shows a failing test's standard error, not its TAP comments.
  tail -60 "$log" >&2
  # The build folder of a CI run is gone afterwards: small reproducers are
  # printed whole, so the finding can be replayed from the log alone.
  for artifact in "$work"/artifacts/*; do
    [ -f "$artifact" ] && [ "$(stat -c %s "$artifact")" -le 65536 ] || continue
    echo "Reproducer $(basename "$artifact"), base64:" >&2
    base64 -w 0 "$artifact" >&2
    echo >&2
  done
  echo "not ok 1 - $name: exit status $status after ${runs:-?} inputs; reproducer in $work/artifacts"
fi
