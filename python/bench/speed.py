#!/usr/bin/env python3
"""Speed of sumbench's drop-in RougeScorer against rouge-score and
rouge-score-rs, on the same 20,000 pairs of news-like text.

The pairs are those of shared/tools/rouge_speed.py (candidates of ~100 words
cut from a seeded stream of paraphrased news sentences, references of ~60
words mixing paraphrases of the candidate with other text), built with
shared/tools/rouge_oracle.py's sentence material. Every implementation scores
rouge1, rouge2 and rougeL with stemming; each run is checked bit for bit
against rouge-score's output. Timings are medians of --repeats runs, taken
in turns (rouge-score, rouge-score-rs, sumbench, ...) in one process, so the
ratios compare like with like on the same machine state.

Rows:
  rouge-score           RougeScorer.score(ref, cand) per pair (pure Python)
  rouge-score-rs.score  rouge_score_rs.RougeScorer.score per pair
  rouge-score-rs.batch  rouge_score_rs.RougeScorer.score_batch(refs, cands)
  sumbench.score_multi  sumbench RougeScorer.score_multi([ref], cand) per pair
  sumbench.score        sumbench RougeScorer.score(ref, cand) per pair
  sumbench.score_batch  sumbench RougeScorer.score_batch(refs, cands), all cores

Usage: speed.py [--n 20000] [--repeats 5] [--shared ../shared]
rouge-score-rs missing is reported as such (pip install rouge-score-rs).
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

TYPES = ["rouge1", "rouge2", "rougeL"]


def build_pairs(ro, n, seed):
    """shared/tools/rouge_speed.py's corpus: (candidate, reference) pairs."""
    rng = random.Random(seed)
    pool = ro.NEWS + ro.STEMMY + ro.PUNCT
    text = [ro.paraphrase(rng, rng.choice(pool), rng.uniform(0.0, 0.5)) for _ in range(max(2000, n // 2))]
    pairs = []
    pos = 0
    for _ in range(n):
        cand, cw = [], 0
        while cw < 100:
            s = text[pos % len(text)]
            pos += 1
            cand.append(s)
            cw += len(s.split())
        ref, rw = [], 0
        while rw < 60:
            s = ro.paraphrase(rng, rng.choice(cand), 0.4) if rng.random() < 0.6 else text[rng.randrange(len(text))]
            ref.append(s)
            rw += len(s.split())
        pairs.append((" ".join(cand), " ".join(ref)))
    return pairs


def triples(results):
    return [tuple((r[t].precision, r[t].recall, r[t].fmeasure) for t in TYPES) for r in results]


def implementations(pairs):
    refs = [r for _, r in pairs]
    cands = [c for c, _ in pairs]
    impls = {}
    from rouge_score import rouge_scorer as rs

    reference = rs.RougeScorer(TYPES, use_stemmer=True)
    impls["rouge-score"] = lambda: [reference.score(r, c) for c, r in pairs]
    try:
        import rouge_score_rs

        rs_rs = rouge_score_rs.RougeScorer(TYPES, use_stemmer=True)
        impls["rouge-score-rs.score"] = lambda: [rs_rs.score(r, c) for c, r in pairs]
        impls["rouge-score-rs.batch"] = lambda: rs_rs.score_batch(refs, cands)
    except ImportError as error:
        print("rouge-score-rs: not installed (%s)" % error)
    from sumbench import rouge_scorer

    ours = rouge_scorer.RougeScorer(TYPES, use_stemmer=True)
    impls["sumbench.score_multi"] = lambda: [ours.score_multi([r], c) for c, r in pairs]
    impls["sumbench.score"] = lambda: [ours.score(r, c) for c, r in pairs]
    impls["sumbench.score_batch"] = lambda: ours.score_batch(refs, cands)
    return impls


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2].parent / "shared"))
    a = ap.parse_args()
    sys.path.insert(0, os.path.join(a.shared, "tools"))
    import rouge_oracle

    pairs = build_pairs(rouge_oracle, a.n, a.seed)
    print("pairs: %d; cores: %d; load average before: %s" % (len(pairs), os.cpu_count(),
          " ".join("%.2f" % x for x in os.getloadavg())))
    impls = implementations(pairs)
    expected = None
    times = {name: [] for name in impls}
    for repeat in range(a.repeats):
        for name, fn in impls.items():
            start = time.perf_counter()
            got = fn()
            times[name].append(time.perf_counter() - start)
            if repeat == 0:
                if name == "rouge-score":
                    expected = triples(got)
                else:
                    got = triples(got)
                    same = sum(g == e for g, e in zip(got, expected))
                    print("%-22s bit-identical to rouge-score on %d/%d pairs" % (name, same, len(pairs)))
    print("load average after: %s" % " ".join("%.2f" % x for x in os.getloadavg()))
    median = {name: statistics.median(t) for name, t in times.items()}
    rs_single = median.get("rouge-score-rs.score")
    rs_batch = median.get("rouge-score-rs.batch")
    print()
    print("| implementation | median s (%d runs) | pairs/s | × rouge-score | × rouge-score-rs (same kind) |"
          % a.repeats)
    print("|---|---:|---:|---:|---:|")
    for name, seconds in median.items():
        vs_rs = ""
        if name in ("sumbench.score_multi", "sumbench.score") and rs_single:
            vs_rs = "%.2f" % (rs_single / seconds)
        elif name == "sumbench.score_batch" and rs_batch:
            vs_rs = "%.2f" % (rs_batch / seconds)
        print("| %s | %.3f | %.0f | %.1f | %s |" % (name, seconds, len(pairs) / seconds,
                                                   median["rouge-score"] / seconds, vs_rs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
