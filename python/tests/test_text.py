"""sentences, summarize, list_summarizers: values by hand, the CLI's messages."""

import json

import pytest

import sumbench

TEXT = "Rain fell. The river rose over its banks overnight. Roads closed near the old bridge."


def test_sentences_by_hand(conformance):
    assert sumbench.sentences(TEXT) == [
        "Rain fell.", "The river rose over its banks overnight.", "Roads closed near the old bridge."]
    assert sumbench.sentences("") == []
    # The English "Golden Rules" the Rust suite also checks (the first ones, the plain cases).
    rules = {r["id"]: r for r in conformance("golden_rules_en.jsonl")}
    for rule_id in ("en-01", "en-02", "en-03"):
        assert sumbench.sentences(rules[rule_id]["text"]) == rules[rule_id]["sentences"]


def test_sentences_and_summaries_follow_the_language():
    # German abbreviations by hand: "ca." and "Mio." end no sentence in German.
    german = "Das kostet ca. 12 Mio. Euro. Das ist viel."
    assert sumbench.sentences(german, language="de") == ["Das kostet ca. 12 Mio. Euro.", "Das ist viel."]
    assert sumbench.sentences(german, language="auto") == sumbench.sentences(german, language="german")
    # jieba splits 北京今天下雨 into 北京 / 今天 / 下雨: two words are 北京今天.
    result = sumbench.summarize("北京今天下雨。我们明天去上海。", method="lead", budget="2w", language="zh")
    assert [(i, s) for i, s, _ in result] == [(0, "北京今天")]
    with pytest.raises(ValueError, match="unknown language `klingon`"):
        sumbench.sentences(german, language="klingon")


def test_list_summarizers():
    listed = sumbench.list_summarizers()
    assert list(listed)[:2] == ["lead", "random"]
    assert list(listed)[-1] == "oracle"
    assert len(listed) == 13
    assert "Erkan & Radev" in listed["lexrank"]


def test_summarize_lead_by_hand():
    result = sumbench.summarize(TEXT, method="lead", budget="2s")
    assert [(i, s) for i, s, _ in result] == [(0, "Rain fell."), (1, "The river rose over its banks overnight.")]
    # A word budget cuts the last sentence.
    result = sumbench.summarize(TEXT, method="lead", budget="4w")
    assert [(i, s) for i, s, _ in result] == [(0, "Rain fell."), (1, "The river")]


def test_summarize_every_method_returns_document_order():
    for method in sumbench.list_summarizers():
        if method == "oracle":
            continue
        result = sumbench.summarize(TEXT, method=method, budget="2s")
        assert len(result) == 2, method
        indices = [i for i, _, _ in result]
        assert indices == sorted(indices), method
        sentences = sumbench.sentences(TEXT)
        assert all(sentences[i] == s for i, s, _ in result), method
        assert all(isinstance(score, float) for _, _, score in result), method


def test_summarize_parameters():
    default = sumbench.summarize(TEXT, method="lexrank", budget="1s")
    continuous = sumbench.summarize(TEXT, method="lexrank", budget="1s", continuous=True, damping=0.9)
    assert len(default) == len(continuous) == 1
    # seed changes `random`'s choice deterministically.
    assert sumbench.summarize(TEXT, "random", "1s", seed=1) == sumbench.summarize(TEXT, "random", "1s", seed=1)
    with pytest.raises(ValueError) as error:
        sumbench.summarize(TEXT, method="lexrank", thresold=0.2)
    assert str(error.value) == (
        "`lexrank` has no parameter `thresold` (it has: seed, threshold, continuous, damping, tolerance, "
        "max_iterations, max_sentences)")
    with pytest.raises(ValueError, match="`lexrank` parameter `threshold`"):
        sumbench.summarize(TEXT, method="lexrank", threshold="high")


def test_summarize_errors_match_the_cli(cli, tmp_path):
    text_file = tmp_path / "text.txt"
    text_file.write_text(TEXT)
    for method, budget, args in [
        ("nope", "3s", ["--summarizer", "nope"]),
        ("oracle", "3s", ["--summarizer", "oracle"]),
        ("lead", "3x", ["--budget", "3x"]),
        ("lead", "ref", ["--budget", "ref"]),
    ]:
        with pytest.raises(ValueError) as error:
            sumbench.summarize(TEXT, method=method, budget=budget)
        message = cli("summarize", *args, text_file)
        if budget == "3x":
            # clap wraps a bad flag value's message in its own words.
            assert str(error.value) == (
                "bad budget `3x`: expected Ns (sentences), Nw (words), Nc (characters), Nb (bytes), Fr (ratio in (0, 1]) or `ref`")
            assert str(error.value) in message
        else:
            assert str(error.value) == message


def test_summarize_json_cli_agrees(tmp_path):
    # The CLI's --json output (index, score, text) is the same summary.
    import os
    import subprocess

    binary = os.environ["SUMBENCH_CLI"]
    text_file = tmp_path / "text.txt"
    text_file.write_text(TEXT)
    done = subprocess.run([binary, "summarize", "--summarizer", "textrank", "--budget", "2s", "--json",
                           str(text_file)], capture_output=True, text=True, check=True)
    expected = [(c["index"], c["text"], c["score"]) for c in json.loads(done.stdout)]
    assert sumbench.summarize(TEXT, method="textrank", budget="2s") == expected
