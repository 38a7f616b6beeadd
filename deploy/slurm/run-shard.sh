#!/bin/bash
# One shard of a sumbench run, as one task of a Slurm job array.
#
# Task K of an array of N tasks runs `sumbench run --shard K/N` into
# $SUMBENCH_OUT/shards/part-K; merge.sh (submitted with
# --dependency=afterok:<array job id>) then merges the N parts into the report
# a single run would have written. submit.sh submits both; by hand:
#
#   sbatch --array=1-4 --export=ALL deploy/slurm/run-shard.sh [-- extra `sumbench run` args]
#
# K and N come from Slurm: K = SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN + 1
# and N = SLURM_ARRAY_TASK_COUNT, so --array=1-N and --array=0-(N-1) both work
# (a throttle such as --array=1-16%4 too); a stepped array (1-9:2) is refused.
#
# Environment (exported by submit.sh; sbatch passes the submitter's
# environment on with --export=ALL, its default):
#   SUMBENCH_BIN       the sumbench binary; must exist on the compute nodes
#                      (default: `sumbench` on PATH)
#   SUMBENCH_OUT       the run's folder on a filesystem every node shares
#                      (required); this task writes SUMBENCH_OUT/shards/part-K
#   SUMBENCH_RUN_ARGS  extra `sumbench run` arguments, split on whitespace, e.g.
#                      "--corpus /data/cnndm.jsonl --summarizers lead,lexrank";
#                      arguments given to the script itself are appended
#                      unsplit. Without --corpus, sumbench reads corpus/ in the
#                      job's working directory (sbatch --chdir).
#   SUMBENCH_SHARDS    if set, must equal the array's size (a guard against an
#                      --array that does not match what merge.sh expects)
#   SUMBENCH_THREADS   worker threads (default: SLURM_CPUS_PER_TASK when set,
#                      else sumbench's default, every CPU it can see)
# The output is the same at any thread count and on any node.
#SBATCH --job-name=sumbench-shard
set -euo pipefail

die() { echo "run-shard.sh: $*" >&2; exit 2; }

: "${SLURM_ARRAY_TASK_ID:?not a Slurm array task: submit with sbatch --array=1-N (see deploy/slurm/submit.sh)}"
: "${SUMBENCH_OUT:?set SUMBENCH_OUT to the output folder (on a filesystem the nodes share)}"
bin="${SUMBENCH_BIN:-sumbench}"
min="${SLURM_ARRAY_TASK_MIN:?SLURM_ARRAY_TASK_MIN not set}"
max="${SLURM_ARRAY_TASK_MAX:?SLURM_ARRAY_TASK_MAX not set}"
n="${SLURM_ARRAY_TASK_COUNT:?SLURM_ARRAY_TASK_COUNT not set}"
if (( max - min + 1 != n )); then
    die "array ids $min-$max hold $n tasks: use a contiguous array such as --array=1-$n"
fi
k=$(( SLURM_ARRAY_TASK_ID - min + 1 ))
if [[ -n "${SUMBENCH_SHARDS:-}" && "$SUMBENCH_SHARDS" != "$n" ]]; then
    die "SUMBENCH_SHARDS=$SUMBENCH_SHARDS but the array has $n tasks"
fi

out="$SUMBENCH_OUT/shards/part-$k"
mkdir -p "$SUMBENCH_OUT/shards"
args=(run --shard "$k/$n" --out "$out" --quiet)
threads="${SUMBENCH_THREADS:-${SLURM_CPUS_PER_TASK:-}}"
if [[ -n "$threads" ]]; then
    args+=(--threads "$threads")
fi
read -r -a extra <<< "${SUMBENCH_RUN_ARGS:-}"
args+=("${extra[@]}" "$@")

echo "shard $k/$n (job ${SLURM_ARRAY_JOB_ID:-?}_${SLURM_ARRAY_TASK_ID}) on $(hostname) in $PWD"
echo "+ $bin ${args[*]}"
exec "$bin" "${args[@]}"
