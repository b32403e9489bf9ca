#!/usr/bin/env bash
# Runs the quick benchmark and checks that it completes and prints every row
# of its table (each row's label, from vigil-bench --list-rows, starting a
# line). Times are never checked: they are figures, not pass marks.
set -uo pipefail

bench=$1
out=$("$bench" --quick)
status=$?
printf '%s\n' "$out"
if [ $status -ne 0 ]; then
  echo "vigil-bench --quick exited with status $status"
  exit 1
fi

missing=0
mapfile -t lines <<<"$out"
while IFS= read -r label; do
  found=0
  for line in "${lines[@]}"; do
    if [[ "$line" == "$label"* ]]; then
      found=1
      break
    fi
  done
  if [ $found -eq 0 ]; then
    echo "row missing from the table: $label"
    missing=1
  fi
done < <("$bench" --list-rows)
for size in "10 cases" "100 cases"; do
  if ! grep -qF -- "$size" <<<"$out"; then
    echo "size missing from the table: $size"
    missing=1
  fi
done
exit $missing
