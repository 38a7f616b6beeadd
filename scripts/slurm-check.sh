#!/usr/bin/env bash
# Runs sumbench on a real (one-node) Slurm cluster through deploy/slurm/ and
# checks that the merged report equals a single run (issue #12, item 5).
#
# On this machine, as root, without systemd:
#   1. installs Debian's slurm-wlm and munge if missing (apt-get; a temporary
#      policy-rc.d keeps the packages from starting their services);
#   2. builds sumbench (cargo build --release) unless a binary is given;
#   3. runs `sumbench run` once over the embedded corpora (corpus/, what
#      `sumbench run` reads with no --corpus) into a temporary folder;
#   4. starts munged, slurmctld and slurmd by hand for a one-node cluster: a
#      fresh munge key, and a minimal slurm.conf with this host's name, CPUs
#      and memory from `slurmd -C`, all in a temporary folder (SLURM_CONF points
#      there; /etc/slurm and /etc/munge are not touched);
#   5. submits deploy/slurm/submit.sh: a 4-task array (`sumbench run --shard
#      K/4`) and the merge job (--dependency=afterok on the array), and waits
#      for them (scontrol show job; no accounting database, so no sacct);
#   6. compares the merged report with the single run: scores.csv and
#      summaries.jsonl byte for byte, summary.csv without its last column
#      (docs/s, a timing), with cmp; prints PASS or FAIL and which file differs.
# On exit (success, failure or Ctrl-C) it cancels its jobs, stops the daemons
# it started and deletes the temporary folder, leaving the machine as it was
# apart from the installed packages.
#
# Not run by CI: it installs system packages and starts root daemons.
#
# Usage: bash scripts/slurm-check.sh [SUMBENCH_BINARY]
# Environment:
#   SLURM_CHECK_TIMEOUT  seconds to wait for the jobs (default 1800)
#   SLURM_CHECK_PORT     slurmctld's port; slurmd uses the next one (default 6817)
#   SLURM_CHECK_KEEP=1   keep the temporary folder (logs, reports) for a look
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"

shards=4
timeout="${SLURM_CHECK_TIMEOUT:-1800}"
ctld_port="${SLURM_CHECK_PORT:-6817}"
slurmd_port=$(( ctld_port + 1 ))

say() { printf '== [%4ss] %s\n' "$SECONDS" "$*"; }
fail_reason=""
die() { echo "slurm-check: $*" >&2; fail_reason="$*"; exit 1; }

[[ "$(id -u)" == 0 ]] || die "must run as root (it installs packages and starts slurmd)"

# --- cleanup: everything this script starts is undone here ---------------
tmp=""
policy_rc_created=""
declare -A pids=()   # daemon name -> pid, for the daemons this script started
jobs_submitted=()
result=""

stop_daemon() {
    local name="$1" pid="${pids[$1]:-}"
    [[ -n "$pid" ]] || return 0
    if kill -TERM "$pid" 2>/dev/null; then
        # Up to 15 s to exit (it stays a zombie until `wait` reaps it), then SIGKILL.
        for _ in $(seq 150); do
            [[ "$(ps -o stat= -p "$pid" 2>/dev/null)" == Z* || -z "$(ps -o stat= -p "$pid" 2>/dev/null)" ]] && break
            sleep 0.1
        done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    echo "   stopped $name (pid $pid)"
    unset "pids[$name]"
}

# slurmstepd processes (one per running job step) that were not there when
# this script started: ours, as this machine runs no other slurmd.
stepds_before=" $(pgrep -x slurmstepd | tr '\n' ' ' || true)"
our_stepds() {
    local p
    for p in $(pgrep -x slurmstepd || true); do
        [[ "$stepds_before" == *" $p "* ]] || printf '%s ' "$p"
    done
}

cleanup() {
    local status=$?
    set +e
    trap - EXIT INT TERM
    if (( ${#jobs_submitted[@]} )) && [[ -n "${pids[slurmctld]:-}" ]]; then
        scancel "${jobs_submitted[@]}" 2>/dev/null
        for _ in $(seq 30); do
            [[ -z "$(squeue -h -o %i 2>/dev/null)" ]] && break
            sleep 1
        done
    fi
    if [[ -n "$tmp" && "$status" != 0 && -z "$result" && -d "$tmp/log" ]]; then
        echo "-- last lines of the daemons' and jobs' logs:"
        for f in "$tmp"/log/*.log "$tmp"/out/logs/*.out; do
            [[ -f "$f" ]] || continue
            echo "--- $f"
            tail -n 15 "$f"
        done
    fi
    if (( ${#pids[@]} )); then
        # A job's slurmstepd outlives its job by a moment: let ours exit
        # before slurmd does.
        for _ in $(seq 150); do
            [[ -z "$(our_stepds)" ]] && break
            sleep 0.2
        done
        if [[ -n "$(our_stepds)" ]]; then
            echo "   warning: slurmstepd still running: $(our_stepds)"
        fi
        say "stopping the daemons this script started"
        for name in slurmd slurmctld munged; do
            stop_daemon "$name"
        done
    fi
    if [[ -n "$policy_rc_created" ]]; then
        rm -f /usr/sbin/policy-rc.d
    fi
    if [[ -n "$tmp" ]]; then
        if [[ "${SLURM_CHECK_KEEP:-}" == 1 ]]; then
            echo "kept $tmp"
        else
            rm -rf "$tmp"
        fi
    fi
    if [[ -z "$result" ]]; then
        echo "FAIL: ${fail_reason:-slurm-check stopped early (exit status $status)}"
        (( status != 0 )) || status=1
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- 1. packages ------------------------------------------------------------
missing=()
for package in slurm-wlm munge; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done
if (( ${#missing[@]} )); then
    say "installing ${missing[*]} (apt-get)"
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        # Without it, the packages' scripts would try to start munge,
        # slurmctld and slurmd as system services.
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        policy_rc_created=1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    if [[ -n "$policy_rc_created" ]]; then
        rm -f /usr/sbin/policy-rc.d
        policy_rc_created=""
    fi
else
    say "slurm-wlm and munge already installed"
fi
say "$(slurmctld -V), $(munged --version 2>&1 | head -n 1)"

# --- 2. the binary ------------------------------------------------------------
if (( $# )); then
    bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
    [[ -x "$bin" ]] || die "$1 is not an executable file"
else
    command -v cargo >/dev/null || die "cargo not found: install Rust, or pass a sumbench binary"
    say "building sumbench (cargo build --release)"
    cargo build --release --quiet
    target="${CARGO_TARGET_DIR:-target}"
    [[ "$target" == /* ]] || target="$repo/$target"
    bin="$target/release/sumbench"
fi
say "binary: $bin ($("$bin" --version))"

# --- 3. a single run, the reference -------------------------------------------
# A previous attempt's daemons would hold the ports: say so rather than fight.
port_busy() {
    local hex
    hex="$(printf '%04X' "$1")"
    awk -v p=":$hex" '$4 == "0A" && substr($2, length($2) - 4) == p { found = 1 } END { exit !found }' \
        /proc/net/tcp /proc/net/tcp6 2>/dev/null
}
for port in "$ctld_port" "$slurmd_port"; do
    if port_busy "$port"; then
        die "port $port is in use (daemons left by an earlier run? see: pgrep -a 'slurm|munge'); stop them, or set SLURM_CHECK_PORT"
    fi
done

tmp="$(mktemp -d /tmp/sumbench-slurm-check.XXXXXX)"
chmod 755 "$tmp"   # munged wants its socket's folder searchable by all
mkdir -p "$tmp/log" "$tmp/state" "$tmp/spool"

# Neither run may pick up settings from the caller's environment.
unset SUMBENCH_RUN_ARGS SUMBENCH_SBATCH_ARGS SUMBENCH_THREADS SUMBENCH_REPORT \
    SUMBENCH_CPUS_PER_TASK SUMBENCH_TIME SUMBENCH_PARTITION

say "single run: (cd $repo && sumbench run --quiet --out \$tmp/single)"
start=$SECONDS
"$bin" run --quiet --out "$tmp/single" > "$tmp/log/single-run.log" 2>&1 \
    || { cat "$tmp/log/single-run.log"; die "the single run failed"; }
say "single run done in $(( SECONDS - start )) s"

# --- 4. a one-node cluster ----------------------------------------------------
say "starting munged (fresh key, socket in $tmp)"
mungekey --create --keyfile="$tmp/munge.key"
munged --foreground --key-file="$tmp/munge.key" --socket="$tmp/munge.socket" \
    --pid-file="$tmp/munged.pid" --log-file="$tmp/log/munged.log" \
    --seed-file="$tmp/munged.seed" > "$tmp/log/munged.out" 2>&1 &
pids[munged]=$!
for _ in $(seq 50); do
    munge -n -S "$tmp/munge.socket" 2>/dev/null | unmunge -S "$tmp/munge.socket" >/dev/null 2>&1 && break
    kill -0 "${pids[munged]}" 2>/dev/null || die "munged exited"
    sleep 0.2
done
munge -n -S "$tmp/munge.socket" | unmunge -S "$tmp/munge.socket" >/dev/null || die "munge does not answer"

# "NodeName=vm CPUs=2 Boards=1 SocketsPerBoard=1 CoresPerSocket=2 ThreadsPerCore=1 RealMemory=24105"
node_line="$(slurmd -C | head -n 1)"
node="$(sed -n 's/^NodeName=\([^ ]*\).*/\1/p' <<< "$node_line")"
[[ -n "$node" ]] || die "cannot read the node from slurmd -C: $node_line"
export SLURM_CONF="$tmp/slurm.conf"
cat > "$SLURM_CONF" <<EOF
# One-node cluster for scripts/slurm-check.sh; everything under $tmp.
ClusterName=sumbench-check
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$tmp/munge.socket
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
# No cgroups and no accounting database on this machine.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
# Keep finished jobs visible to scontrol for an hour.
MinJobAge=3600
$node_line NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=check Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
say "slurm.conf node: $node_line"

say "starting slurmctld and slurmd"
slurmctld -D > "$tmp/log/slurmctld.out" 2>&1 &
pids[slurmctld]=$!
for _ in $(seq 60); do
    scontrol ping 2>/dev/null | grep -q 'is UP' && break
    kill -0 "${pids[slurmctld]}" 2>/dev/null || die "slurmctld exited"
    sleep 0.5
done
scontrol ping | grep -q 'is UP' || die "slurmctld does not answer"
slurmd -D > "$tmp/log/slurmd.out" 2>&1 &
pids[slurmd]=$!
state=""
for _ in $(seq 60); do
    state="$(sinfo -h -n "$node" -o %T 2>/dev/null || true)"
    [[ "$state" == idle ]] && break
    kill -0 "${pids[slurmd]}" 2>/dev/null || die "slurmd exited"
    sleep 0.5
done
[[ "$state" == idle ]] || die "node $node is '$state', not idle"
sinfo | sed 's/^/   /'

# --- 5. the sharded run through deploy/slurm ----------------------------------
say "submitting through deploy/slurm/submit.sh ($shards shards, over corpus/)"
SUMBENCH_BIN="$bin" SUMBENCH_OUT="$tmp/out" SUMBENCH_SHARDS="$shards" SUMBENCH_WORKDIR="$repo" \
    bash deploy/slurm/submit.sh > "$tmp/log/submit.log"
sed 's/^/   /' "$tmp/log/submit.log"
read -r array merge < <(sed -n 's/^jobs: //p' "$tmp/log/submit.log")
[[ -n "${array:-}" && -n "${merge:-}" ]] || die "no job ids in submit.sh's output"
jobs_submitted=("$array" "$merge")

job_state() { scontrol show job -o "$1" | grep -o 'JobState=[A-Z_]*' | cut -d= -f2; }
terminal='^(COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY|PREEMPTED|BOOT_FAIL|DEADLINE)$'
deadline=$(( SECONDS + timeout ))
last=""
while :; do
    merge_state="$(job_state "$merge")"
    now="$(squeue -h -o '%i %T' | tr '\n' ',' | sed 's/,$//; s/,/, /g')"
    if [[ "$now" != "$last" ]]; then
        say "queue: ${now:-empty}"
        last="$now"
    fi
    [[ "$merge_state" =~ $terminal ]] && break
    (( SECONDS < deadline )) || die "timed out after ${timeout}s waiting for the jobs"
    sleep 2
done

say "jobs:"
failed=0
for (( task = 1; task <= shards; task++ )); do
    line="$(scontrol show job -o "${array}_$task")"
    st="$(grep -o 'JobState=[^ ]*' <<< "$line" | cut -d= -f2)"
    runtime="$(grep -o 'RunTime=[^ ]*' <<< "$line" | cut -d= -f2)"
    exitcode="$(grep -o ' ExitCode=[^ ]*' <<< "$line" | cut -d= -f2)"
    echo "   ${array}_${task} (shard $task/$shards): $st, exit $exitcode, $runtime"
    [[ "$st" == COMPLETED ]] || failed=1
done
echo "   $merge (merge): $merge_state"
[[ "$merge_state" == COMPLETED ]] || failed=1
n_tasks="$(scontrol show job -o "$array" | grep -c 'ArrayTaskId=')"
(( n_tasks == shards )) || { echo "   expected $shards array tasks, found $n_tasks"; failed=1; }
(( failed == 0 )) || die "a job did not complete"

for (( k = 1; k <= shards; k++ )); do
    echo "   part-$k: $(wc -l < "$tmp/out/shards/part-$k/summaries.jsonl") summaries"
done
echo "   merged: $(wc -l < "$tmp/out/report/summaries.jsonl") summaries; single run: $(wc -l < "$tmp/single/summaries.jsonl")"

# --- 6. merged == single -----------------------------------------------------
say "comparing the merged report with the single run (cmp)"
without_speed() { sed 's/,[^,]*$//' "$1"; }   # drop the last column, docs/s
without_speed "$tmp/single/summary.csv" > "$tmp/single-summary-nospeed.csv"
without_speed "$tmp/out/report/summary.csv" > "$tmp/merged-summary-nospeed.csv"
differ=()
compare() {   # label, file a, file b
    if cmp "$2" "$3"; then
        echo "   same: $1"
    else
        echo "   DIFFERS: $1"
        differ+=("$1")
    fi
}
compare scores.csv "$tmp/single/scores.csv" "$tmp/out/report/scores.csv"
compare summaries.jsonl "$tmp/single/summaries.jsonl" "$tmp/out/report/summaries.jsonl"
compare "summary.csv (without docs/s)" "$tmp/single-summary-nospeed.csv" "$tmp/merged-summary-nospeed.csv"

if (( ${#differ[@]} )); then
    result=fail
    echo "FAIL: the merged report of $shards Slurm shards differs from a single run in: ${differ[*]}"
    exit 1
fi
result=pass
echo "PASS: the merged report of $shards Slurm array shards is byte-identical to a single run (scores.csv, summaries.jsonl, summary.csv without docs/s) [${SECONDS}s]"
