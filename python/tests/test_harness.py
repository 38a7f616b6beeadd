"""run (files, in-memory corpora, Python summarizers), read_scores, compare:
ROUGE values from rouge-score, messages from the CLI."""

import json
import math

import pytest
from rouge_score import rouge_scorer as ref_rouge_scorer

import sumbench
from conftest import write_jsonl


def longest(sentences, title=None, doc_id=None):
    """A Python summarizer: longest sentence first."""
    return [float(len(s)) for s in sentences]


def comparable(rows):
    """Rows with NaN as None, so that equal rows compare equal (NaN != NaN)."""
    return [{k: None if isinstance(v, float) and math.isnan(v) else v for k, v in r.items()} for r in rows]


def rows_by(rows, summarizer, metric):
    return {r["doc_id"]: r for r in rows if r["summarizer"] == summarizer and r["metric"] == metric}


def test_run_in_memory_with_a_python_summarizer(news, tmp_path):
    run_dir, rows = sumbench.run(corpus=news, summarizers=["lead", longest], budget="1s",
                                 metrics=["rouge1", "rougeL"], out=tmp_path / "run", name="news")
    assert run_dir == tmp_path / "run"
    assert (run_dir / "scores.csv").is_file() and (run_dir / "run.json").is_file()
    assert {r["summarizer"] for r in rows} == {"lead", "longest"}
    assert len(rows) == 3 * 2 * 2
    assert set(rows[0]) == {"corpus", "doc_id", "summarizer", "metric", "precision", "recall", "fmeasure",
                            "budget"}
    # Scores equal rouge-score's on the sentences each summarizer must pick.
    reference = ref_rouge_scorer.RougeScorer(["rouge1", "rougeL"], use_stemmer=True)
    for doc in news:
        sentences = sumbench.sentences(doc["text"])
        picks = {"lead": sentences[0], "longest": max(sentences, key=len)}
        for name, summary in picks.items():
            want = reference.score(doc["references"][0], summary)
            for metric in ("rouge1", "rougeL"):
                row = rows_by(rows, name, metric)[doc["id"]]
                assert row["corpus"] == "news"
                assert (row["precision"], row["recall"], row["fmeasure"]) == tuple(want[metric])
    summaries = [json.loads(line) for line in open(run_dir / "summaries.jsonl")]
    assert {s["summarizer"] for s in summaries} == {"lead", "longest"}
    # An in-memory corpus's file does not outlive the call: the texts are kept.
    # Each text is the chosen sentences, one per line (a 1-sentence budget cuts nothing).
    by_doc = {doc["id"]: sumbench.sentences(doc["text"]) for doc in news}
    for s in summaries:
        assert "cut" not in s
        assert s["text"] == "\n".join(by_doc[s["doc_id"]][i] for i in s["sentences"])


def test_run_corpus_file_and_pairs(news, tmp_path):
    corpus = write_jsonl(tmp_path / "news.jsonl", news)
    calls = []

    def first_last(sentences, title=None, doc_id=None):
        calls.append(doc_id)
        return [1.0 if i in (0, len(sentences) - 1) else 0.0 for i in range(len(sentences))]

    run_dir, rows = sumbench.run(corpus=str(corpus), summarizers=["lexrank", ("ends", first_last)],
                                 budget="2s", out=tmp_path / "out", threads=2, seed=3)
    assert sorted(calls) == ["d1", "d2", "d3"]
    # The default metrics: ROUGE's four and dangling (its share of extract sentences whose
    # antecedent was left out).
    assert {r["metric"] for r in rows} == {"rouge1", "rouge2", "rougeL", "rougeLsum", "dangling"}
    assert {r["corpus"] for r in rows} == {"news"}
    # dangling has no precision or recall: those cells are NaN.
    assert comparable(sumbench.read_scores(run_dir)) == comparable(rows)
    # The whole built-in list, in memory, with a ratio budget and a metric beyond ROUGE.
    _, rows = sumbench.run(corpus=news, summarizers="lead,textrank", budget="0.5r",
                           metrics=["rouge1", "bleu"], out=tmp_path / "out2")
    bleu = [r for r in rows if r["metric"] == "bleu"]
    assert len(bleu) == 6 and all(math.isnan(r["precision"]) for r in bleu)


def test_python_summarizer_errors_propagate(news, tmp_path):
    def broken(sentences, title=None, doc_id=None):
        return 1 / 0

    with pytest.raises(ZeroDivisionError):
        sumbench.run(corpus=news, summarizers=["lead", broken], budget="1s", out=tmp_path / "bad")
    assert not (tmp_path / "bad").exists()

    def short(sentences, title=None, doc_id=None):
        return [1.0]

    # Every document fails: the first in corpus order is reported, at any thread count.
    for threads in (1, 2, 4):
        with pytest.raises(ValueError) as error:
            sumbench.run(corpus=news, summarizers=[("short", short)], budget="1s", out=tmp_path / "bad2",
                         threads=threads)
        assert str(error.value) == "summarizer `short`, document `d1`: 1 scores for 4 sentences"

    def not_numbers(sentences, title=None, doc_id=None):
        return ["high"] * len(sentences)

    with pytest.raises(ValueError) as error:
        sumbench.run(corpus=news, summarizers=[("words", not_numbers)], budget="1s", out=tmp_path / "bad4")
    assert str(error.value).startswith(
        "summarizer `words`, document `d1`: expected a list of numbers (one score per sentence): ")

    def fails_on_d2(sentences, title=None, doc_id=None):
        if doc_id == "d2":
            raise KeyError(doc_id)
        return [0.0] * len(sentences)

    with pytest.raises(KeyError) as error:
        sumbench.run(corpus=news, summarizers=["lead", ("model", fails_on_d2)], budget="1s", out=tmp_path / "bad3")
    assert error.value.args == ("d2",)
    assert not (tmp_path / "bad3").exists()


def test_run_errors_match_the_cli(cli, news, tmp_path):
    bad = [dict(news[0]), {"id": "d2", "references": ["x"]}]
    corpus = write_jsonl(tmp_path / "bad.jsonl", bad)
    out = tmp_path / "out"
    with pytest.raises(sumbench.SumbenchError) as error:
        sumbench.run(corpus=corpus, summarizers=["lead"], budget="1s", out=out)
    assert str(error.value) == cli("run", "--corpus", corpus, "--summarizers", "lead", "--budget", "1s",
                                   "--out", out, "--quiet")
    assert "bad.jsonl:2" in str(error.value) and "`text`" in str(error.value)
    # In memory, the message names the list item instead of a temporary file's line.
    with pytest.raises(sumbench.SumbenchError) as memory:
        sumbench.run(corpus=bad, summarizers=["lead"], budget="1s", out=out)
    assert str(memory.value) == str(error.value).replace(str(corpus) + ":2", "corpus[1]")
    one = write_jsonl(tmp_path / "one.jsonl", news[:1])
    missing = tmp_path / "missing.jsonl"
    for kwargs, flags in [
        ({"corpus": one, "summarizers": ["lead", "nope"]}, ["--corpus", one, "--summarizers", "lead,nope"]),
        ({"corpus": one, "summarizers": ["lead", "lead"]}, ["--corpus", one, "--summarizers", "lead,lead"]),
        ({"corpus": one, "summarizers": ["lead"], "metrics": ["rouge1", "rougeX"]},
         ["--corpus", one, "--summarizers", "lead", "--metrics", "rouge1,rougeX"]),
        ({"corpus": one, "summarizers": "lead", "budget": "0r"},
         ["--corpus", one, "--summarizers", "lead", "--budget", "0r"]),
        ({"corpus": missing, "summarizers": ["lead"]}, ["--corpus", missing, "--summarizers", "lead"]),
    ]:
        args = {"budget": "1s", "out": out, **kwargs}
        with pytest.raises((ValueError, sumbench.SumbenchError)) as error:
            sumbench.run(**args)
        if "--budget" not in flags:
            flags = flags + ["--budget", "1s"]
        message = cli("run", *flags, "--out", out, "--quiet")
        if "0r" in flags:
            assert str(error.value) in message  # clap wraps a bad flag value
        else:
            assert str(error.value) == message


def test_compare_two_runs_and_within(cli, news, tmp_path):
    base, _ = sumbench.run(corpus=news, summarizers=["lead", "lexrank"], budget="1s", out=tmp_path / "a",
                           name="news")
    new, _ = sumbench.run(corpus=news, summarizers=["lead", "lexrank"], budget="2s", out=tmp_path / "b",
                          name="news")
    result = sumbench.compare(base, new)
    # Two summarizers × the default metrics (ROUGE's four and dangling).
    assert len(result["rows"]) == 2 * 5
    row = result["rows"][0]
    assert (row["corpus"], row["summarizer"], row["metric"]) == ("news", "lead", "rouge1")
    assert row["n_shared"] == 3
    assert row["verdict"] in ("improved", "regressed", "no significant change")
    assert row["delta"] == pytest.approx(row["new_mean"] - row["base_mean"])
    assert result["regressed"] is False or any(r["verdict"] == "regressed" for r in result["rows"])
    assert "lead" in result["text"] and "|" in result["markdown"]
    within = sumbench.compare(base)
    assert {(r["summarizer_a"], r["summarizer_b"]) for r in within["rows"]} == {("lead", "lexrank")}
    # Errors: the CLI's messages.
    missing = tmp_path / "missing"
    with pytest.raises(sumbench.SumbenchError) as error:
        sumbench.compare(base, missing)
    assert str(error.value) == cli("compare", base, missing)
    other, _ = sumbench.run(corpus=news, summarizers=["luhn"], budget="2s", out=tmp_path / "c", name="news")
    with pytest.raises(sumbench.SumbenchError) as error:
        sumbench.compare(new, other)
    assert "share no corpus × summarizer × metric row" in str(error.value)
    assert str(error.value) == cli("compare", new, other)
    (base / "scores.csv").write_text((base / "scores.csv").read_text() + "news,d9,lead,rouge1,1,1,1,1s\n")
    with pytest.raises(sumbench.SumbenchError) as error:
        sumbench.compare(base, new)
    assert str(error.value) == cli("compare", base, new)


def test_run_warnings_are_python_warnings(tmp_path):
    # Greek text: rouge-score's ASCII tokenizer sees nothing, and the run says so
    # (the CLI prints these on stderr).
    docs = [{"id": "a", "text": "Ο ποταμός ανέβηκε. Η βροχή έπεσε.", "references": ["Ο ποταμός πλημμύρισε."]}]
    with pytest.warns(UserWarning) as caught:
        sumbench.run(corpus=docs, summarizers=["lead"], budget="1s", out=tmp_path / "run")
    run_json = json.loads((tmp_path / "run" / "run.json").read_text())
    assert [str(w.message) for w in caught] == run_json["warnings"]
    assert any("not ASCII" in w for w in run_json["warnings"])


def test_run_with_the_unicode_rouge_tokenizer(tmp_path):
    # The same Greek text with the Unicode profile: lead's sentence "Ο ποταμός
    # ανέβηκε." against "Ο ποταμός πλημμύρισε.", by hand: 2 of 3 tokens match
    # on each side (ο, ποταμός), so rouge1 P = R = F = 2/3.
    docs = [{"id": "a", "text": "Ο ποταμός ανέβηκε. Η βροχή έπεσε.", "references": ["Ο ποταμός πλημμύρισε."]}]
    _, rows = sumbench.run(corpus=docs, summarizers=["lead"], budget="1s", metrics=["rouge1"],
                           out=tmp_path / "run", rouge_tokenizer="unicode")
    assert [r["metric"] for r in rows] == ["rouge1"]
    assert float(rows[0]["fmeasure"]) == pytest.approx(2 / 3, abs=1e-12)
    run_json = json.loads((tmp_path / "run" / "run.json").read_text())
    assert run_json["rouge_tokenizer"] == "unicode"
    assert not any("not ASCII" in w for w in run_json["warnings"])
    with pytest.raises(ValueError, match="unknown ROUGE tokenizer `icu`"):
        sumbench.run(corpus=docs, summarizers=["lead"], out=tmp_path / "bad", rouge_tokenizer="icu")
