#!/usr/bin/env bash
# Fuzzes every target in turn for SECONDS each (default 600), one core, from
# the seeds that fuzz/seeds.py writes, and prints one line per target:
# executions, final coverage and whether a crash was found.
#
#   fuzz/run_all.sh [SECONDS] [TARGET...]
#
# Logs go to fuzz/logs/<target>.log, crashes to fuzz/artifacts/<target>/.
# Run from anywhere; needs cargo-fuzz (`cargo install cargo-fuzz`).
set -uo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(RUSTC_BOOTSTRAP=1 cargo fuzz list)
fi
[ -d fuzz/corpus ] || python3 fuzz/seeds.py
mkdir -p fuzz/logs
RUSTC_BOOTSTRAP=1 cargo fuzz build -O || exit 1
triple="$(rustc -vV | sed -n 's/^host: //p')"
status=0
for target in "${targets[@]}"; do
  log="fuzz/logs/$target.log"
  # The binaries built above, run directly: later edits to the source tree
  # do not rebuild them mid-run.
  mkdir -p "fuzz/artifacts/$target"
  "fuzz/target/$triple/release/$target" "fuzz/corpus/$target" \
    -artifact_prefix="fuzz/artifacts/$target/" \
    -max_total_time="$seconds" -rss_limit_mb=4096 -print_final_stats=1 >"$log" 2>&1
  code=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  if [ "$code" -eq 0 ]; then verdict="no crash"; else verdict="CRASH (exit $code, see $log)"; status=1; fi
  echo "$target: ${seconds}s, ${runs:-?} executions, ${cov:-cov: ?}, $verdict"
done
exit $status
