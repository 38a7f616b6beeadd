#!/usr/bin/env python3
"""Expected values for the lm-evaluation-harness and HELM ROUGE profiles.

Runs the real rouge-score 0.1.2 under each harness's pre-processing, as
`tests/data/rouge_profiles/wrappers-lm-eval-helm.md` describes it from the
harnesses' code (commit, file and lines there), on the candidates and
references of the shared case files: the 150 English cases of `rouge.jsonl`
and the 150 cases of `rouge-chinese.jsonl`. Writes one case line per
(harness, case) in the case-file format to stdout.

    python scripts/rouge_wrappers_oracle.py > tests/data/rouge_wrappers_cases.jsonl

Needs `rouge-score==0.1.2` (its own, not XL-Sum's fork), `numpy`, and for
LongBench pltrdy's `rouge==1.0.1` and `jieba==0.42.1` (no network).
"""
import json
import re
import sys
from pathlib import Path

import numpy as np
from rouge_score import rouge_scorer

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "rouge_profiles"


class ChineseTokenizer:
    """HELM's metrics/cleva_metrics_helper.py: every character a token."""

    def tokenize(self, text):
        return [c for c in text]


def helm(candidate, references):
    # summarization_metrics.py: strip, _remove_braces, stemmed F, max over refs.
    def remove_braces(text):
        if text.startswith("{"):
            text = text[1:]
        if text.endswith("}"):
            text = text[:-1]
        return text

    pred = remove_braces(candidate.strip())
    golds = [remove_braces(r.strip()) for r in references]
    out = {}
    for name, rouge_type in [("rouge_1", "rouge1"), ("rouge_2", "rouge2"), ("rouge_l", "rougeL")]:
        scorer = rouge_scorer.RougeScorer([rouge_type], use_stemmer=True)
        out[name] = float(np.max([scorer.score(g, pred)[rouge_type].fmeasure for g in golds]))
    return out


def helm_chinese(candidate, references):
    # evaluate_reference_metrics.py: ChineseTokenizer, stripped prediction, max over golds.
    pred = candidate.strip()
    out = {}
    for name, rouge_type in [("chinese_rouge_1", "rouge1"), ("chinese_rouge_2", "rouge2")]:
        scorer = rouge_scorer.RougeScorer([rouge_type], use_stemmer=True, tokenizer=ChineseTokenizer())
        out[name] = max(scorer.score(g, pred)[rouge_type].fmeasure for g in references)
    return out


def lm_eval_cnndm(candidate, references):
    # cnn_dailymail/utils.py: normalize_text, stemmed rouge1/2/L, one reference.
    def normalize_text(text):
        return re.sub(r"\s+", " ", text).strip()

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    scores = scorer.score(normalize_text(references[0]), normalize_text(candidate))
    return {k: v.fmeasure for k, v in scores.items()}


def lm_eval_truthfulqa(candidate, references):
    # truthfulqa/utils.py: answers stripped and ended with ".", _prepare_summary,
    # rouge1/rouge2/rougeLsum without stemming, x100, max over the answers.
    answers = []
    for answer in references:
        answer = answer.strip()
        if not answer.endswith("."):
            answer = answer + "."
        answers.append(answer)

    def prepare_summary(summary):
        return summary.replace(" . ", ".\n")

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"])
    out = {}
    for name, rouge_type in [("rouge1_max", "rouge1"), ("rouge2_max", "rouge2"), ("rougeL_max", "rougeLsum")]:
        values = [
            scorer.score(prepare_summary(a), prepare_summary(candidate))[rouge_type].fmeasure * 100
            for a in answers
        ]
        out[name] = max(values)
    return out


def lm_eval_longbench(candidate, references):
    # longbench/metrics.py: pltrdy's Rouge, rouge-l F, bare except -> 0.0,
    # prediction stripped, max over the answers.
    from rouge import Rouge

    def rouge_score(prediction, ground_truth):
        try:
            scores = Rouge().get_scores([prediction], [ground_truth], avg=True)
        except:  # noqa: E722 - as LongBench does
            return 0.0
        return scores["rouge-l"]["f"]

    prediction = candidate.strip()
    score = 0.0
    for answer in references:
        score = max(score, rouge_score(prediction, answer))
    return {"rouge_score": score}


def lm_eval_longbench_zh(candidate, references):
    # longbench/metrics.py rouge_zh_score: jieba words joined by spaces, then pltrdy's Rouge.
    import jieba

    def cut(text):
        return " ".join(list(jieba.cut(text, cut_all=False)))

    prediction = candidate.strip()
    score = 0.0
    for answer in references:
        score = max(score, lm_eval_longbench(cut(prediction), [cut(answer)])["rouge_score"])
    return {"rouge_zh_score": score}


HARNESSES = [
    ("helm", helm, "rouge.jsonl"),
    ("lm-eval-cnndm", lm_eval_cnndm, "rouge.jsonl"),
    ("lm-eval-truthfulqa", lm_eval_truthfulqa, "rouge.jsonl"),
    ("helm-chinese", helm_chinese, "rouge-chinese.jsonl"),
    ("lm-eval-longbench", lm_eval_longbench, "rouge.jsonl"),
    ("lm-eval-longbench-zh", lm_eval_longbench_zh, "rouge-chinese.jsonl"),
]


def main():
    for name, function, source in HARNESSES:
        for line in (DATA / source).open(encoding="utf-8"):
            case = json.loads(line)
            if case["options"]["set"] != "default":
                continue
            number = case["id"].split("-")[-2]
            out = {
                "id": f"{name}-{number}",
                "package": name,
                "category": case["category"],
                "options": {"set": "default", "init": {}, "call": {}},
                "candidate": case["candidate"],
                "references": case["references"],
            }
            try:
                out["expected"] = {"return": function(case["candidate"], case["references"])}
            except Exception as error:  # noqa: BLE001 - recorded as the harness raises it
                out["expected"] = {"raises": {"type": type(error).__name__, "message": str(error)}}
            sys.stdout.write(json.dumps(out, ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
