#!/usr/bin/env python3
"""Independent expected values for `sumbench meta`: the system-, summary- and
global-level Pearson, Spearman and Kendall tau-b of every metric in the given
scores.csv files against every judgment dimension, computed with scipy/numpy
only (SacreROUGE's definitions; no sumbench code).

    python3 -m venv /tmp/scipyenv && /tmp/scipyenv/bin/pip install scipy numpy
    /tmp/scipyenv/bin/python tests/data/meta/expected.py \
        --judgments tests/data/meta/judgments.jsonl \
        --out tests/data/meta/expected_small.json tests/data/meta/scores.csv

A cell (system, document) counts when the metric has a score (the `fmeasure`
column, or --column) and the judgments have it. Undefined correlations are
null. Output: {"versions": ..., "rows": [{level, metric, judgment,
coefficient, value, n}, ...]} sorted like meta.csv.
"""
import argparse
import csv
import json
import math
import os
import sys
import warnings

import numpy as np
import scipy
import scipy.stats


def corr(name, x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if len(x) < 2:
        return math.nan
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if name == "pearson":
            return float(scipy.stats.pearsonr(x, y)[0])
        if name == "spearman":
            return float(scipy.stats.spearmanr(x, y)[0])
        return float(scipy.stats.kendalltau(x, y)[0])  # variant="b" is the default


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--judgments", required=True)
    ap.add_argument("--field", default="expert_scores")
    ap.add_argument("--column", default="fmeasure")
    ap.add_argument("--out", required=True)
    ap.add_argument("scores", nargs="+", help="scores.csv files or run directories")
    args = ap.parse_args()

    metrics = {}
    for path in args.scores:
        if os.path.isdir(path):
            path = os.path.join(path, "scores.csv")
        with open(path, newline="") as f:
            for row in csv.DictReader(f):
                key = (row["summarizer"], row["doc_id"])
                cells = metrics.setdefault(row["metric"], {})
                assert key not in cells, f"duplicate {row['metric']} {key}"
                cells[key] = float(row[args.column])

    judged = {}
    with open(args.judgments) as f:
        for line in f:
            if line.strip():
                obj = json.loads(line)
                judged[(obj["system"], obj["id"])] = obj[args.field]
    dimensions = sorted(next(iter(judged.values())).keys())

    rows = []
    for level in ["system", "summary", "global"]:
        for metric in sorted(metrics):
            cells = metrics[metric]
            common = [k for k in cells if k in judged]
            systems = sorted({s for s, _ in common})
            docs = sorted({d for _, d in common})
            for dim in dimensions:
                X = np.full((len(systems), len(docs)), np.nan)
                Z = np.full((len(systems), len(docs)), np.nan)
                for s, d in common:
                    i, j = systems.index(s), docs.index(d)
                    X[i, j] = cells[(s, d)]
                    Z[i, j] = judged[(s, d)][dim]
                for coef in ["pearson", "spearman", "kendall"]:
                    if level == "system":
                        x, z = np.nanmean(X, axis=1), np.nanmean(Z, axis=1)
                        value, n = corr(coef, x, z), len(systems)
                    elif level == "summary":
                        rs = []
                        for j in range(len(docs)):
                            keep = ~np.isnan(X[:, j])
                            r = corr(coef, X[keep, j], Z[keep, j])
                            if not math.isnan(r):
                                rs.append(r)
                        value = sum(rs) / len(rs) if rs else math.nan
                        n = len(rs)
                    else:
                        keep = ~np.isnan(X)
                        value, n = corr(coef, X[keep], Z[keep]), int(keep.sum())
                    rows.append({
                        "level": level, "metric": metric, "judgment": dim, "coefficient": coef,
                        "value": None if math.isnan(value) else value, "n": n,
                    })
    out = {
        "generator": "tests/data/meta/expected.py",
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__},
        "inputs": {"judgments": os.path.basename(args.judgments), "field": args.field, "column": args.column},
        "rows": rows,
    }
    with open(args.out, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
