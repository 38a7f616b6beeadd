"""eval's keyword arguments: sacreBLEU's BLEU, chrF and TER options and
``rouge_profile``. Expected values come from the real packages:
tests/data/sacrebleu_tests/eval_options_expected.json (sacreBLEU 2.6.0, written
by scripts/sacrebleu_eval_oracle.py), tests/data/rouge_profiles/ (the ROUGE
packages' conformance cases) and tests/data/eval_rouge_profile/ (their corpus
figures, written by scripts/eval_rouge_profile_oracle.py)."""

import json

import pytest

import sumbench
from conftest import REPO

DATA = REPO / "tests" / "data"

# sacreBLEU's keyword arguments -> eval's, per metric class.
KEYWORDS = {
    "ter": {"case_sensitive": "ter_case_sensitive", "no_punct": "ter_no_punct",
            "normalized": "ter_normalized", "asian_support": "ter_asian_support"},
    "bleu": {"tokenize": "bleu_tokenize", "smooth_method": "bleu_smooth", "smooth_value": "bleu_smooth_value",
             "lowercase": "bleu_lowercase", "max_ngram_order": "bleu_max_ngram_order"},
    "chrf": {"beta": "chrf_beta", "whitespace": "chrf_whitespace", "eps_smoothing": "chrf_eps_smoothing",
             "lowercase": "chrf_lowercase", "word_order": None},
}


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


with open(DATA / "sacrebleu_tests" / "eval_options_expected.json", encoding="utf-8") as f:
    OPTION_SETS = json.load(f)


def keywords(option_set):
    names = KEYWORDS[option_set["metric"].rstrip("+")]
    return {names[k]: v for k, v in option_set["kwargs"].items() if names[k] is not None}


def unsmoothed(want, option_set):
    """sacreBLEU's add-k adds k to its BLEU counts and totals of orders 2 and
    up in place (not for an empty candidate); sumbench reports the raw ones."""
    k = option_set["kwargs"].get("smooth_value", 0) if option_set["kwargs"].get("smooth_method") == "add-k" else 0
    if want["sys_len"] == 0:
        k = 0
    return [want["counts"][0]] + [c - k for c in want["counts"][1:]], \
        [want["totals"][0]] + [t - k for t in want["totals"][1:]]


def check(got, metric, want, option_set):
    assert got[metric]["score"] == want["score"]
    assert got["signatures"][metric] == want["signature"]
    if metric == "ter":
        assert got["ter"]["num_edits"] == want["num_edits"]
        assert type(got["ter"]["num_edits"]) is int
        assert got["ter"]["ref_length"] == want["ref_length"]
    if metric == "bleu":
        counts, totals = unsmoothed(want, option_set)
        assert (got["bleu"]["counts"], got["bleu"]["totals"]) == (counts, totals)
        assert (got["bleu"]["sys_len"], got["bleu"]["ref_len"]) == (want["sys_len"], want["ref_len"])


@pytest.mark.parametrize("option_set", OPTION_SETS, ids=lambda s: "%s-%s" % (s["metric"], "-".join(s["kwargs"]) or "defaults"))
def test_eval_keywords_give_sacrebleus_numbers(option_set):
    records = read_jsonl(DATA / "sacrebleu_tests" / "eval_options_input.jsonl")
    metric = option_set["metric"]
    results = sumbench.eval(records, metrics=[metric], **keywords(option_set))
    assert len(results) == len(option_set["sentence"])
    for got, want in zip(results, option_set["sentence"]):
        check(got, metric, want, option_set)
    # A path works as the list does; corpus level sums statistics as corpus_score.
    corpus = sumbench.eval(DATA / "sacrebleu_tests" / "eval_options_input.jsonl", metrics=[metric],
                           corpus_level=True, **keywords(option_set))
    assert corpus["documents"] == len(records)
    check(corpus, metric, option_set["corpus"], option_set)


def test_ter_is_asked_for_by_name():
    records = [{"id": 1, "candidate": "a b", "references": ["a b"]}]
    assert "ter" not in sumbench.eval(records)[0]
    # Hand count: one substitution against two reference words.
    result = sumbench.eval([{"id": 1, "candidate": "a x", "references": ["a b"]}], metrics="ter")[0]
    assert (result["ter"]["score"], result["ter"]["num_edits"], result["ter"]["ref_length"]) == (50.0, 1, 2.0)


def test_bad_keyword_values_are_value_errors():
    records = [{"id": 1, "candidate": "a", "references": ["a"]}]
    with pytest.raises(ValueError, match="unknown BLEU smoothing"):
        sumbench.eval(records, bleu_smooth="nope")
    with pytest.raises(ValueError, match="bleu_tokenizer|BLEU tokenizer"):
        sumbench.eval(records, bleu_tokenize="moses")
    with pytest.raises(ValueError, match="unknown ROUGE profile `nope`"):
        sumbench.eval(records, rouge_profile="nope")
    with pytest.raises(TypeError):
        sumbench.eval(records, tokenize="13a")


@pytest.mark.parametrize("package", ["rouge", "py-rouge", "rouge-metric", "sumeval", "rouge-chinese",
                                     "evaluate-rouge"])
def test_rouge_profile_gives_each_package_s_result_or_error(package):
    cases = read_jsonl(DATA / "rouge_profiles" / ("%s.jsonl" % package))
    sets = {}
    for case in cases:
        sets.setdefault(json.dumps(case["options"], sort_keys=True), []).append(case)
    for key, group in sets.items():
        options = json.loads(key)
        arguments = ["%s.%s=%s" % (side, k, json.dumps(v)) for side in ("init", "call")
                     for k, v in options.get(side, {}).items()]
        spec = package + (":" + ",".join(arguments) if arguments else "")
        records = [{"id": c["id"], "candidate": c["candidate"], "references": c["references"]} for c in group]
        results = sumbench.eval(records, rouge_profile=spec)
        for case, got in zip(group, results):
            expected = case["expected"]
            if "raises" in expected:
                assert got["rouge-profile"] == {"error": expected["raises"]}, (spec, case["id"])
            else:
                assert got["rouge-profile"] == {"result": expected["return"]}, (spec, case["id"])
            assert got["signatures"]["rouge-profile"].startswith("rouge-profile:%s|" % package)


def test_rouge_profile_corpus_level_is_the_package_s_own_figure():
    with open(DATA / "eval_rouge_profile" / "corpus_expected.json", encoding="utf-8") as f:
        expected = json.load(f)
    records = read_jsonl(DATA / "eval_rouge_profile" / "pairs.jsonl")
    for entry in expected:
        got = sumbench.eval(records, rouge_profile=entry["profile"], corpus_level=True)
        assert got["rouge-profile"] == {"result": entry["figures"]}, entry["profile"]
    with pytest.raises(sumbench.SumbenchError, match="sumeval's RougeCalculator"):
        sumbench.eval(records, rouge_profile="sumeval", corpus_level=True)
