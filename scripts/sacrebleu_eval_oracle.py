"""Writes tests/data/sacrebleu_tests/eval_options_expected.json: sacreBLEU
2.6.0's own scores, statistics and signatures for
tests/data/sacrebleu_tests/eval_options_input.jsonl under option sets of
BLEU, chrF and TER, at sentence level (`sentence_score`, BLEU with effective
order as `sacrebleu.sentence_bleu`) and at corpus level (`corpus_score`,
reference streams padded with None where a line has fewer references).

The expected values of `sumbench eval --bleu-*/--chrf-*/--ter-*`
(tests/sacrebleu_tests.rs) and of Python's `sumbench.eval(...)` keyword
arguments (python/tests/test_eval_options.py). Each option set is keyed by
the `sumbench eval` flags that select it; `kwargs` gives sacreBLEU's.

    /work/venv-sacre/bin/python scripts/sacrebleu_eval_oracle.py
"""
import json
from pathlib import Path

import sacrebleu
from sacrebleu.metrics import BLEU, CHRF, TER

assert sacrebleu.__version__ == "2.6.0", sacrebleu.__version__

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "sacrebleu_tests"
rows = [json.loads(line) for line in open(DATA / "eval_options_input.jsonl", encoding="utf-8")]

# (metric, sumbench eval flags, sacreBLEU keyword arguments)
OPTION_SETS = [
    ("ter", [], {}),
    ("ter", ["--ter-case-sensitive"], {"case_sensitive": True}),
    ("ter", ["--ter-no-punct"], {"no_punct": True}),
    ("ter", ["--ter-normalized"], {"normalized": True}),
    ("ter", ["--ter-normalized", "--ter-asian-support"], {"normalized": True, "asian_support": True}),
    (
        "ter",
        ["--ter-case-sensitive", "--ter-no-punct", "--ter-normalized", "--ter-asian-support"],
        {"case_sensitive": True, "no_punct": True, "normalized": True, "asian_support": True},
    ),
    ("bleu", [], {}),
    (
        "bleu",
        ["--bleu-tokenize", "char", "--bleu-smooth", "add-k", "--bleu-smooth-value", "2", "--bleu-lowercase"],
        {"tokenize": "char", "smooth_method": "add-k", "smooth_value": 2, "lowercase": True},
    ),
    ("bleu", ["--bleu-tokenize", "zh", "--bleu-max-ngram-order", "2"], {"tokenize": "zh", "max_ngram_order": 2}),
    ("bleu", ["--bleu-smooth", "none", "--bleu-tokenize", "none"], {"smooth_method": "none", "tokenize": "none"}),
    ("chrf", [], {}),
    (
        "chrf",
        ["--chrf-beta", "1", "--chrf-whitespace", "--chrf-lowercase"],
        {"beta": 1, "whitespace": True, "lowercase": True},
    ),
    ("chrf++", ["--chrf-eps-smoothing"], {"word_order": 2, "eps_smoothing": True}),
]

CLASSES = {"ter": TER, "bleu": BLEU, "chrf": CHRF, "chrf++": CHRF}


def details(metric, score):
    if metric == "ter":
        return {"num_edits": score.num_edits, "ref_length": score.ref_length}
    if metric == "bleu":
        return {"counts": score.counts, "totals": score.totals, "sys_len": score.sys_len, "ref_len": score.ref_len}
    return {}


out = []
hyps = [row["candidate"] for row in rows]
most = max(len(row["references"]) for row in rows)
streams = [[row["references"][k] if k < len(row["references"]) else None for row in rows] for k in range(most)]
for metric, flags, kwargs in OPTION_SETS:
    sentence_kwargs = dict(kwargs, effective_order=True) if metric == "bleu" else kwargs
    sentences = []
    for row in rows:
        scorer = CLASSES[metric](**sentence_kwargs)
        score = scorer.sentence_score(row["candidate"], row["references"])
        sentences.append(
            {"score": score.score, **details(metric, score), "signature": scorer.get_signature().format()}
        )
    scorer = CLASSES[metric](**kwargs)
    score = scorer.corpus_score(hyps, streams)
    corpus = {"score": score.score, **details(metric, score), "signature": scorer.get_signature().format()}
    out.append({"metric": metric, "flags": flags, "kwargs": kwargs, "sentence": sentences, "corpus": corpus})

with open(DATA / "eval_options_expected.json", "w", encoding="utf-8") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")
