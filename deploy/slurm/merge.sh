#!/bin/bash
# Merges the shards of a Slurm array run (run-shard.sh) into one report:
# `sumbench merge SUMBENCH_OUT/shards/part-1 … part-N --out SUMBENCH_OUT/report`,
# byte-identical to a single `sumbench run` (scores.csv, summaries.jsonl, and
# summary.csv but its docs/s column). Submit it after the array, so that it
# starts only when every shard succeeded:
#
#   sbatch --dependency=afterok:<array job id> --kill-on-invalid-dep=yes \
#          --export=ALL deploy/slurm/merge.sh
#
# Environment (exported by submit.sh):
#   SUMBENCH_BIN     the sumbench binary (default: `sumbench` on PATH)
#   SUMBENCH_OUT     the run's folder, as given to run-shard.sh (required)
#   SUMBENCH_SHARDS  N, the array's size (required): every part-1 … part-N
#                    must be there, so a missing shard is an error, not a
#                    smaller report
#   SUMBENCH_REPORT  where to write the report (default SUMBENCH_OUT/report)
#SBATCH --job-name=sumbench-merge
set -euo pipefail

die() { echo "merge.sh: $*" >&2; exit 2; }

: "${SUMBENCH_OUT:?set SUMBENCH_OUT to the output folder}"
: "${SUMBENCH_SHARDS:?set SUMBENCH_SHARDS to the number of shards}"
[[ "$SUMBENCH_SHARDS" =~ ^[1-9][0-9]*$ ]] || die "SUMBENCH_SHARDS=$SUMBENCH_SHARDS is not a positive integer"
bin="${SUMBENCH_BIN:-sumbench}"
report="${SUMBENCH_REPORT:-$SUMBENCH_OUT/report}"

parts=()
for (( k = 1; k <= SUMBENCH_SHARDS; k++ )); do
    part="$SUMBENCH_OUT/shards/part-$k"
    [[ -f "$part/run.json" ]] || die "shard $k of $SUMBENCH_SHARDS is missing ($part/run.json)"
    parts+=("$part")
done

echo "merging $SUMBENCH_SHARDS shards (job ${SLURM_JOB_ID:-?}) on $(hostname)"
echo "+ $bin merge ${parts[*]} --out $report"
exec "$bin" merge "${parts[@]}" --out "$report"
