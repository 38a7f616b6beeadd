#!/usr/bin/env python3
"""Whole-process wall time of `sumbench rouge --stem` against rougers
(PyPI rouge-score-rs, module rouge_score_rs), one thread, side by side.

The pairs are the seeded news-like corpus of the shared speed tool
(`rouge_speed.py`'s `build_pairs`, imported from the folder given by
--tools, not copied): a ~100-word candidate and a ~60-word reference each.
They are written once as the JSONL `sumbench rouge` reads
(`{"id", "candidate", "references": [reference]}`), and then, alternately
for --rounds rounds:

  (a) RAYON_NUM_THREADS=1 BINARY rouge --stem --metrics rouge1,rouge2,rougeL FILE > /dev/null
  (b) RAYON_NUM_THREADS=1 PYTHON -c PROGRAM FILE: a fresh interpreter that
      imports rouge_score_rs, reads the same JSONL (json.loads per line) and
      calls RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
      .score_multi(references, candidate) per pair, keeping the scores in a
      list (it writes nothing, which only favours it).

Both are whole processes (start-up, reading, scoring, output) timed from
outside with time.perf_counter (wall) and getrusage (user + system CPU of
the child, steadier on a loaded machine); the medians and their ratios are
printed, wall first.
Both compute the same three types: rougeLsum (one of `sumbench rouge`'s
defaults) is left out because rougers is asked for rouge1, rouge2, rougeL.

--check also compares the numbers: sumbench's output against rougers'
(and, with --rouge-score, against Google's rouge-score 0.1.2 run in the
same interpreter), counting pairs whose precision, recall and F are the
same doubles.

Usage:
  rouge_vs_rougers.py --tools /work/shared/tools --binary target/release/sumbench \
      --python /work/rougers-venv/bin/python [--n 20000] [--seed 13] [--rounds 5] \
      [--file /tmp/pairs.jsonl] [--check] [--rouge-score]
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

TYPES = ["rouge1", "rouge2", "rougeL"]

# The rougers process of (b). argv[1]: the JSONL; argv[2] (optional): where
# to dump its scores as JSONL, for --check only (not when timing).
ROUGERS = r"""
import json, sys
from rouge_score_rs import RougeScorer
scorer = RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
out = []
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        pair = json.loads(line)
        out.append(scorer.score_multi(pair["references"], pair["candidate"]))
if len(sys.argv) > 2:
    with open(sys.argv[2], "w") as f:
        for s in out:
            f.write(json.dumps({t: [s[t].precision, s[t].recall, s[t].fmeasure] for t in s}) + "\n")
"""

# Google's rouge-score on the same lines (for --rouge-score).
ROUGE_SCORE = r"""
import json, sys
from rouge_score import rouge_scorer
scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w") as out:
    for line in f:
        pair = json.loads(line)
        s = scorer.score_multi(pair["references"], pair["candidate"])
        out.write(json.dumps({t: [s[t].precision, s[t].recall, s[t].fmeasure] for t in s}) + "\n")
"""


def write_pairs(tools, n, seed, path):
    sys.path.insert(0, os.path.abspath(tools))
    import rouge_speed  # noqa: E402  (the shared tool: build_pairs, rouge_oracle)

    pairs = rouge_speed.build_pairs(n, seed)
    with open(path, "w", encoding="utf-8") as f:
        for i, (candidate, reference) in enumerate(pairs):
            f.write(json.dumps({"id": i, "candidate": candidate, "references": [reference]}) + "\n")
    return pairs


def sumbench_command(binary, path):
    return [binary, "rouge", "--stem", "--metrics", ",".join(TYPES), path]


def timed(command, env):
    """Wall seconds and CPU seconds (user + system) of one run of `command`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        subprocess.run(command, env=env, stdout=null, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def read_rows(path, key):
    """Each line's {type: (p, r, f)}; `key` picks the object holding the types."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            row = key(json.loads(line))
            rows.append({t: tuple(row[t]) for t in TYPES})
    return rows


def agreement(a, b):
    same = sum(all(x[t] == y[t] for t in TYPES) for x, y in zip(a, b))
    diff = max((abs(p - q) for x, y in zip(a, b) for t in TYPES for p, q in zip(x[t], y[t])), default=0.0)
    return same, diff


def check(args, env, path):
    with tempfile.TemporaryDirectory() as tmp:
        ours = os.path.join(tmp, "sumbench.jsonl")
        with open(ours, "wb") as out:
            subprocess.run(sumbench_command(args.binary, path), env=env, stdout=out, check=True)
        sumbench = read_rows(ours, lambda row: {t: [row[t]["precision"], row[t]["recall"], row[t]["fmeasure"]] for t in TYPES})
        theirs = os.path.join(tmp, "rougers.jsonl")
        subprocess.run([args.python, "-c", ROUGERS, path, theirs], env=env, check=True)
        rougers = read_rows(theirs, lambda row: row)
        same, diff = agreement(sumbench, rougers)
        print("agreement sumbench vs rougers: %d/%d pairs identical, max |diff| %.3g" % (same, len(sumbench), diff))
        if args.rouge_score:
            google = os.path.join(tmp, "rouge_score.jsonl")
            subprocess.run([args.python, "-c", ROUGE_SCORE, path, google], env=env, check=True)
            reference = read_rows(google, lambda row: row)
            for name, rows in (("sumbench", sumbench), ("rougers", rougers)):
                same, diff = agreement(rows, reference)
                print("agreement %s vs rouge-score 0.1.2: %d/%d pairs identical, max |diff| %.3g"
                      % (name, same, len(rows), diff))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tools", required=True, help="folder holding rouge_speed.py and rouge_oracle.py")
    ap.add_argument("--binary", default="target/release/sumbench")
    ap.add_argument("--python", required=True, help="an interpreter with rouge-score-rs installed")
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--file", default="", help="where to write the JSONL (default: a temporary file)")
    ap.add_argument("--check", action="store_true", help="compare the numbers too")
    ap.add_argument("--rouge-score", action="store_true", help="with --check: against rouge-score 0.1.2 as well")
    args = ap.parse_args()

    env = dict(os.environ, RAYON_NUM_THREADS="1", OMP_NUM_THREADS="1")
    with tempfile.TemporaryDirectory() as tmp:
        path = args.file or os.path.join(tmp, "pairs.jsonl")
        pairs = write_pairs(args.tools, args.n, args.seed, path)
        print("pairs: %d (%s, %d bytes)" % (len(pairs), path, os.path.getsize(path)), flush=True)
        version = subprocess.run([args.python, "-c", "import rouge_score_rs; print(rouge_score_rs.__version__)"],
                                 capture_output=True, text=True, check=True).stdout.strip()
        print("rouge_score_rs %s; types %s; stemming on; one thread" % (version, ",".join(TYPES)))
        if args.check:
            check(args, env, path)
        ours, theirs = [], []
        for round_ in range(args.rounds):
            ours.append(timed(sumbench_command(args.binary, path), env))
            theirs.append(timed([args.python, "-c", ROUGERS, path], env))
            print("round %d: sumbench %.3f s (cpu %.3f), rougers %.3f s (cpu %.3f)"
                  % (round_ + 1, *ours[-1], *theirs[-1]), flush=True)
        for i, what in ((0, "wall"), (1, "cpu")):
            a = statistics.median(run[i] for run in ours)
            b = statistics.median(run[i] for run in theirs)
            print("median %s: sumbench %.3f s, rougers %.3f s, ratio %.2fx" % (what, a, b, b / a))
    return 0


if __name__ == "__main__":
    sys.exit(main())
