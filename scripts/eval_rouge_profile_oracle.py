#!/usr/bin/env python3
"""Writes tests/data/eval_rouge_profile/corpus_expected.json: the corpus
figures the real packages print, exactly (no rounding), over
tests/data/eval_rouge_profile/pairs.jsonl (a few LEAD-3 candidates of
BillSum, two of them with a second reference), for
`sumbench eval --rouge-profile ... --corpus-level`:

- rouge 1.0.1 (pltrdy): `Rouge().get_scores(hyps, refs, avg=True)` over
  every candidate paired with each of its references;
- rouge-chinese 1.0.3: the same call of its `Rouge`;
- rouge-metric 1.0.1: `PyRouge().evaluate(hyps, multi_refs)` and
  `PyRouge(multi_ref_mode='best').evaluate(...)`.

Each entry: the `--rouge-profile` spec, then the package's figures as
`{"<key>": {"precision", "recall", "fmeasure"}}`. Run with a Python that has
these packages (here /work/venv-ident):

    /work/venv-ident/bin/python scripts/eval_rouge_profile_oracle.py
"""
import json
from pathlib import Path

from rouge import Rouge as PltrdyRouge
from rouge_chinese import Rouge as ChineseRouge
from rouge_metric import PyRouge

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "eval_rouge_profile"
rows = [json.loads(line) for line in open(DATA / "pairs.jsonl", encoding="utf-8")]
hyps = [row["candidate"] for row in rows]
refs = [row["references"] for row in rows]
flat_hyps = [h for h, rs in zip(hyps, refs) for _ in rs]
flat_refs = [r for rs in refs for r in rs]


def prf(scores, p="p", r="r", f="f"):
    return {k: {"precision": v[p], "recall": v[r], "fmeasure": v[f]} for k, v in scores.items()}


out = [
    {"profile": "rouge", "figures": prf(PltrdyRouge().get_scores(flat_hyps, flat_refs, avg=True))},
    {"profile": "rouge-chinese", "figures": prf(ChineseRouge().get_scores(flat_hyps, flat_refs, avg=True))},
    {"profile": "rouge-metric", "figures": prf(PyRouge().evaluate(hyps, refs))},
    {
        "profile": "rouge-metric:init.multi_ref_mode=best",
        "figures": prf(PyRouge(multi_ref_mode="best").evaluate(hyps, refs)),
    },
]
with open(DATA / "corpus_expected.json", "w", encoding="utf-8") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
