#!/usr/bin/env bash
# Submits a sharded sumbench run to Slurm: a job array of SUMBENCH_SHARDS
# tasks (run-shard.sh, task K runs `sumbench run --shard K/N`), then the merge
# (merge.sh) with --dependency=afterok on the whole array, so it runs once
# every shard has succeeded and is cancelled if one fails.
#
# Usage: deploy/slurm/submit.sh [SUMBENCH RUN ARGS...]
#   e.g. SUMBENCH_OUT=/shared/runs/cnndm SUMBENCH_SHARDS=32 \
#        deploy/slurm/submit.sh --corpus /shared/data/cnndm.jsonl --budget 3s
# Arguments are passed to every `sumbench run` unchanged (spaces kept).
#
# Prints the two job ids; the last line reads `jobs: ARRAY_ID MERGE_ID`.
# Results: SUMBENCH_OUT/report (merged), SUMBENCH_OUT/shards/part-K (one per
# shard), SUMBENCH_OUT/logs (Slurm's output files).
#
# Environment (every path must be visible on the compute nodes, e.g. on a
# shared filesystem; relative paths are taken from the current directory):
#   SUMBENCH_BIN            the sumbench binary (default: `sumbench` on PATH)
#   SUMBENCH_OUT            the run's folder (default: results/slurm)
#   SUMBENCH_SHARDS         N, the number of array tasks (default: 4)
#   SUMBENCH_RUN_ARGS       more `sumbench run` arguments, split on whitespace
#                           (e.g. "--corpus /data/x.jsonl --seed 1"); without
#                           --corpus, sumbench reads corpus/ in SUMBENCH_WORKDIR
#   SUMBENCH_WORKDIR        the jobs' working directory (default: the current one)
#   SUMBENCH_PARTITION      the partition (default: the cluster's default)
#   SUMBENCH_CPUS_PER_TASK  CPUs (and sumbench threads) per shard (default: 1)
#   SUMBENCH_TIME           time limit per job, e.g. 01:00:00 (default: the
#                           partition's)
#   SUMBENCH_SBATCH_ARGS    more sbatch options for both jobs, split on
#                           whitespace (e.g. "--account=nlp --mem=4G")
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
die() { echo "submit.sh: $*" >&2; exit 2; }
absolute() { case "$1" in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }

command -v sbatch >/dev/null || die "sbatch not found: run this on a Slurm submit host"

export SUMBENCH_SHARDS="${SUMBENCH_SHARDS:-4}"
[[ "$SUMBENCH_SHARDS" =~ ^[1-9][0-9]*$ ]] || die "SUMBENCH_SHARDS=$SUMBENCH_SHARDS is not a positive integer"
cpus="${SUMBENCH_CPUS_PER_TASK:-1}"
[[ "$cpus" =~ ^[1-9][0-9]*$ ]] || die "SUMBENCH_CPUS_PER_TASK=$cpus is not a positive integer"

# A binary named with a slash is a path: make it absolute and check it here
# (it must also exist on the nodes); a bare name is looked up on the nodes' PATH.
bin="${SUMBENCH_BIN:-sumbench}"
if [[ "$bin" == */* ]]; then
    bin="$(absolute "$bin")"
    [[ -x "$bin" ]] || die "SUMBENCH_BIN=$bin is not an executable file"
fi
export SUMBENCH_BIN="$bin"
SUMBENCH_OUT="$(absolute "${SUMBENCH_OUT:-results/slurm}")"
export SUMBENCH_OUT
export SUMBENCH_RUN_ARGS="${SUMBENCH_RUN_ARGS:-}"
workdir="$(absolute "${SUMBENCH_WORKDIR:-$PWD}")"
[[ -d "$workdir" ]] || die "SUMBENCH_WORKDIR=$workdir is not a directory"
# Slurm does not create the folder of --output; the shards' parent is made
# here too, so that two shards never race to create it.
mkdir -p "$SUMBENCH_OUT/logs" "$SUMBENCH_OUT/shards"

common=(--parsable --export=ALL --chdir="$workdir")
if [[ -n "${SUMBENCH_PARTITION:-}" ]]; then
    common+=(--partition="$SUMBENCH_PARTITION")
fi
if [[ -n "${SUMBENCH_TIME:-}" ]]; then
    common+=(--time="$SUMBENCH_TIME")
fi
read -r -a extra <<< "${SUMBENCH_SBATCH_ARGS:-}"
common+=("${extra[@]}")

# --parsable prints "jobid" or "jobid;cluster".
array="$(sbatch "${common[@]}" --job-name=sumbench-shard --array="1-$SUMBENCH_SHARDS" \
    --cpus-per-task="$cpus" --output="$SUMBENCH_OUT/logs/shard-%A_%a.out" \
    "$here/run-shard.sh" "$@")"
array="${array%%;*}"
[[ "$array" =~ ^[0-9]+$ ]] || die "sbatch returned '$array', not a job id"
echo "array job $array: $SUMBENCH_SHARDS shards into $SUMBENCH_OUT/shards"

merge="$(sbatch "${common[@]}" --job-name=sumbench-merge --cpus-per-task=1 \
    --dependency="afterok:$array" --kill-on-invalid-dep=yes \
    --output="$SUMBENCH_OUT/logs/merge-%j.out" "$here/merge.sh")"
merge="${merge%%;*}"
[[ "$merge" =~ ^[0-9]+$ ]] || die "sbatch returned '$merge', not a job id"
echo "merge job $merge: after afterok:$array, report into $SUMBENCH_OUT/report"
echo "logs: $SUMBENCH_OUT/logs; watch with: squeue -j $array,$merge"
echo "jobs: $array $merge"
