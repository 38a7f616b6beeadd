#!/usr/bin/env python3
"""Where does another summarizer beat the oracle on the oracle's own objective?

Reads a run directory's scores.csv (and run.json for the timings) and prints,
per corpus, the documents where some summarizer's (ROUGE-1 F + ROUGE-2 F) / 2
is above the oracle's, by how much (in points, F × 100), and the oracle's
share of the run's time.

    python3 scripts/oracle_beaten.py results/latest [--list]

Needs only Python 3's standard library. The run must include `oracle` and the
rouge1 and rouge2 metrics (the defaults of `sumbench run`).
"""

import argparse
import csv
import json
import os
import sys
from collections import defaultdict


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("run", help="run directory (holds scores.csv and run.json)")
    ap.add_argument("--list", action="store_true", help="list every document where the oracle is beaten")
    args = ap.parse_args()

    # (corpus, doc) -> summarizer -> metric -> F
    f = defaultdict(lambda: defaultdict(dict))
    with open(os.path.join(args.run, "scores.csv"), newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["metric"] in ("rouge1", "rouge2"):
                f[(row["corpus"], row["doc_id"])][row["summarizer"]][row["metric"]] = float(row["fmeasure"])

    def objective(scores):
        return (scores["rouge1"] + scores["rouge2"]) / 2.0

    per_corpus = defaultdict(lambda: [0, 0, 0.0])  # documents, beaten, worst margin
    beaten = []
    for (corpus, doc), by in sorted(f.items()):
        if "oracle" not in by:
            sys.exit(f"{args.run}/scores.csv: no oracle row for {corpus}/{doc}")
        oracle = objective(by["oracle"])
        stats = per_corpus[corpus]
        stats[0] += 1
        others = [(objective(s), name) for name, s in by.items() if name != "oracle"]
        if not others:
            continue
        best, name = max(others)
        if best > oracle + 1e-12:
            margin = 100.0 * (best - oracle)
            stats[1] += 1
            stats[2] = max(stats[2], margin)
            beaten.append((corpus, doc, name, margin, 100.0 * oracle, 100.0 * best))

    total = [0, 0, 0.0]
    print(f"{'corpus':<20} {'documents':>9} {'beaten':>6} {'worst (points)':>14}")
    for corpus, (n, b, worst) in sorted(per_corpus.items()):
        print(f"{corpus:<20} {n:>9} {b:>6} {worst:>14.2f}")
        total = [total[0] + n, total[1] + b, max(total[2], worst)]
    print(f"{'all':<20} {total[0]:>9} {total[1]:>6} {total[2]:>14.2f}")
    if args.list:
        for corpus, doc, name, margin, o, b in beaten:
            print(f"  {corpus}/{doc}: {name} {b:.2f} against the oracle's {o:.2f} (+{margin:.2f})")

    info_path = os.path.join(args.run, "run.json")
    if os.path.exists(info_path):
        with open(info_path, encoding="utf-8") as fh:
            info = json.load(fh)
        seconds = defaultdict(float)
        for t in info.get("timings", []):
            seconds[t["summarizer"]] += t["seconds"]
        if "oracle" in seconds and info.get("total_seconds"):
            wall = info["total_seconds"]
            print(f"oracle: {seconds['oracle']:.3f} s summed over documents; all summarizers "
                  f"{sum(seconds.values()):.3f} s; the run {wall:.3f} s wall on {info.get('threads')} "
                  f"thread(s); oracle / run = {seconds['oracle'] / wall:.1%}, "
                  f"oracle / (run × threads) = {seconds['oracle'] / (wall * max(1, info.get('threads') or 1)):.1%}")


if __name__ == "__main__":
    main()
