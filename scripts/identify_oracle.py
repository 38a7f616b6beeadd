#!/usr/bin/env python3
"""Reported ROUGE figures from the real packages, for `sumbench rouge identify`.

Builds LEAD-3 candidates (the first three sentences, split naively after
`.`, `!` or `?`) for the first N documents of a corpus against each
document's first reference, writes those pairs as JSONL, and prints what
each package's defaults report over them as a paper would print it (x100,
two decimals), one JSON line per package:

    {"package", "options", "reported": "rouge1=..,rouge2=..,rougeL=.."}

    python scripts/identify_oracle.py CORPUS.jsonl N PAIRS_OUT.jsonl > REPORTED.jsonl

Packages (each as its README shows it; every corpus figure by the
package's own rule): rouge-score 0.1.2 (mean F, with and without the
stemmer), rouge 1.0.1 (`get_scores(..., avg=True)`), py-rouge 1.1
(`Rouge(metrics=['rouge-n', 'rouge-l'], max_n=2)`, apply_avg), rouge-metric
1.0.1 (`PyRouge().evaluate`), sumeval 0.2.2 (mean of `rouge_n`/`rouge_l`
F), rouge-chinese 1.0.3 (`avg=True`). py-rouge's module name clashes with
pltrdy's: it is imported from the folder in PYROUGE_PATH; its
`nltk.word_tokenize` needs punkt only to split sentences, and py-rouge has
already reduced the text to `[a-z0-9 ]`, so `sent_tokenize` is replaced by
`[text]`, which is what punkt returns for such text.
"""
import importlib
import json
import os
import re
import sys


def lead3(text):
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if s]
    return " ".join(sentences[:3])


def fmt(values):
    return ",".join(f"{k}={100 * v:.2f}" for k, v in values)


def main():
    corpus, n, pairs_out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    docs = [json.loads(line) for line in open(corpus, encoding="utf-8")][:n]
    hyps = [lead3(d["text"]) for d in docs]
    refs = [d["references"][0] for d in docs]
    with open(pairs_out, "w", encoding="utf-8") as out:
        for d, h, r in zip(docs, hyps, refs):
            out.write(json.dumps({"id": d["id"], "candidate": h, "references": [r]}, ensure_ascii=False) + "\n")

    def emit(package, options, values):
        print(json.dumps({"package": package, "options": options, "reported": fmt(values)}))

    from rouge_score import rouge_scorer

    for stem in (False, True):
        scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=stem)
        scores = [scorer.score(r, h) for h, r in zip(hyps, refs)]
        mean = lambda k: sum(s[k].fmeasure for s in scores) / len(scores)  # noqa: E731
        emit("rouge-score", {"use_stemmer": stem}, [(k, mean(k)) for k in ("rouge1", "rouge2", "rougeL")])

    from rouge import Rouge as PltrdyRouge

    avg = PltrdyRouge().get_scores(hyps, refs, avg=True)
    emit("rouge", {"call": {"avg": True}}, [(k, avg[k]["f"]) for k in ("rouge-1", "rouge-2", "rouge-l")])

    from rouge_metric import PyRouge

    result = PyRouge().evaluate(hyps, [[r] for r in refs])
    emit("rouge-metric", {}, [(k, result[k]["f"]) for k in ("rouge-1", "rouge-2", "rouge-l")])

    from sumeval.metrics.rouge import RougeCalculator

    rc = RougeCalculator(stopwords=True, lang="en")
    values = [
        ("rouge_1", sum(rc.rouge_n(summary=h, references=[r], n=1) for h, r in zip(hyps, refs)) / len(hyps)),
        ("rouge_2", sum(rc.rouge_n(summary=h, references=[r], n=2) for h, r in zip(hyps, refs)) / len(hyps)),
        ("rouge_l", sum(rc.rouge_l(summary=h, references=[r]) for h, r in zip(hyps, refs)) / len(hyps)),
    ]
    emit("sumeval", {"init": {"stopwords": True}}, values)

    from rouge_chinese import Rouge as ChineseRouge

    avg = ChineseRouge().get_scores(hyps, refs, avg=True)
    emit("rouge-chinese", {"call": {"avg": True}}, [(k, avg[k]["f"]) for k in ("rouge-1", "rouge-2", "rouge-l")])

    # py-rouge last: its module is also called `rouge`.
    for name in [m for m in sys.modules if m == "rouge" or m.startswith("rouge.")]:
        del sys.modules[name]
    sys.path.insert(0, os.environ["PYROUGE_PATH"])
    import nltk

    nltk.sent_tokenize = lambda text, language="english": [text]
    nltk.tokenize.sent_tokenize = nltk.sent_tokenize
    pyrouge = importlib.import_module("rouge")
    result = pyrouge.Rouge(metrics=["rouge-n", "rouge-l"], max_n=2).get_scores(hyps, refs)
    emit("py-rouge", {"init": {"metrics": ["rouge-n", "rouge-l"], "max_n": 2}},
         [(k, result[k]["f"]) for k in ("rouge-1", "rouge-2", "rouge-l")])


if __name__ == "__main__":
    main()
