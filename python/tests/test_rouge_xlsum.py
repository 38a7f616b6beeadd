"""`RougeScorer(types, use_stemmer=..., lang=...)` as XL-Sum's multilingual
fork takes it: the values of the shared oracle (scored by the fork,
csebuetnlp/xl-sum @afcd803) on every language where sumbench is exact."""

import pytest

from sumbench import rouge_scorer

ALL = ["rouge1", "rouge2", "rougeL", "rougeLsum"]
# Japanese's segmenter (MeCab + UniDic) has no exact offline equivalent (README).
EXACT = {"chinese", "thai", "german", "french", "spanish", "russian", "arabic", "hindi",
         "bengali", "turkish", "portuguese", "italian", "english"}


def test_shared_cases_match_the_fork(conformance):
    cases = [c for c in conformance("xlsum_rouge_cases.jsonl") if c["lang"] in EXACT]
    assert len(cases) == 390
    for case in cases[::7]:
        scorer = rouge_scorer.RougeScorer(ALL, use_stemmer=case["use_stemmer"], lang=case["lang"])
        result = scorer.score(case["references"][0], case["candidate"])
        for rouge_type in ALL:
            expected = case["expected"][rouge_type]
            got = result[rouge_type]
            assert got.precision == pytest.approx(expected["precision"], abs=1e-12), case["id"]
            assert got.recall == pytest.approx(expected["recall"], abs=1e-12), case["id"]
            assert got.fmeasure == pytest.approx(expected["fmeasure"], abs=1e-12), case["id"]


def test_fork_arguments_we_cannot_honour_are_refused():
    with pytest.raises(ValueError, match="unknown language `klingon`"):
        rouge_scorer.RougeScorer(ALL, lang="klingon")
    with pytest.raises(ValueError, match="callable_tokenizer is not supported"):
        rouge_scorer.RougeScorer(ALL, lang="chinese", callable_tokenizer=str.split)
    with pytest.raises(ValueError, match="callable_stemmer is not supported"):
        rouge_scorer.RougeScorer(ALL, lang="english", callable_stemmer=str.lower)
    with pytest.raises(ValueError, match="min_char_length=2 is not supported"):
        rouge_scorer.RougeScorer(ALL, lang="english", min_char_length=2)
    # The fork's aliases: chinese_simplified is chinese (jieba): 北京 " " 今天 下雨.
    result = rouge_scorer.RougeScorer(["rouge1"], lang="chinese_simplified").score("北京，今天下雨", "今天下雨")
    assert (result["rouge1"].precision, result["rouge1"].recall) == (1.0, 0.5)
