"""eval (metrics beyond ROUGE, against sacreBLEU's conformance outputs) and
meta (correlations with judgments, against NumPy by hand)."""

import json

import numpy as np
import pytest

import sumbench
from conftest import write_jsonl


def test_eval_equals_sacrebleu(conformance):
    cases = [c for c in conformance("mt_metrics_cases.jsonl") if c["id"] != "__corpus__"][:60]
    records = [{"id": c["id"], "candidate": c["candidate"], "references": c["references"]} for c in cases]
    results = sumbench.eval(records, metrics=["bleu", "chrf", "chrf++"])
    assert [r["id"] for r in results] == [c["id"] for c in cases]
    for case, result in zip(cases, results):
        expected = case["expected"]["sentence"]
        assert result["bleu"]["score"] == expected["bleu"]["score"], case["id"]
        assert result["bleu"]["counts"] == expected["bleu"]["counts"]
        assert result["chrf"]["score"] == expected["chrf"]["score"]
        assert result["chrf++"]["score"] == expected["chrf++"]["score"]
        assert result["signatures"]["bleu"].startswith("nrefs:")


def test_eval_file_default_metrics_and_corpus_level(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [
        {"id": 1, "candidate": "the cat sat on the mat", "source": "the cat sat on the mat today"},
        {"id": 2, "candidate": "a dog barked", "source": "a dog barked at the cat"},
    ])
    results = sumbench.eval(path)
    assert [r["id"] for r in results] == ["1", "2"]
    # Every words of the summary come from the source in one fragment: coverage 1, density = length.
    assert results[0]["coverage"]["score"] == 1.0
    assert results[0]["density"]["score"] == 6.0
    corpus = sumbench.eval(path, metrics="coverage", corpus_level=True)
    assert corpus["documents"] == 2 and corpus["coverage"]["score"] == 1.0


def test_eval_errors_match_the_cli(cli, tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "candidate": "x", "references": ["x"]},
                                               {"id": "b", "references": ["y"]}])
    with pytest.raises(sumbench.SumbenchError) as error:
        sumbench.eval(path)
    assert str(error.value) == cli("eval", path)
    with pytest.raises(ValueError) as error:
        sumbench.eval(path, metrics=["bleu", "nope"])
    assert str(error.value) == cli("eval", "--metrics", "bleu,nope", path)
    with pytest.raises(sumbench.SumbenchError) as error:
        sumbench.eval([{"id": "a", "candidate": "x", "references": ["x"]}, {"id": "b", "references": ["y"]}])
    assert str(error.value) == cli("eval", path).replace(str(path) + ":2", "records[1]")


def judged_runs(news, tmp_path):
    """Three systems over three documents, and judgments that rank them."""
    run_dir, rows = sumbench.run(corpus=news, summarizers=["lead", "textrank", "random"], budget="1s",
                                 metrics=["rouge1", "rouge2"], out=tmp_path / "run", name="news")
    judgments = []
    for i, row in enumerate(r for r in rows if r["metric"] == "rouge1"):
        judgments.append({"id": row["doc_id"], "system": row["summarizer"],
                          "expert_scores": {"relevance": row["fmeasure"] * 4 + (i % 3) * 0.1}})
    return run_dir, rows, write_jsonl(tmp_path / "judgments.jsonl", judgments)


def test_meta_system_level_pearson_by_hand(news, tmp_path):
    run_dir, rows, judgments = judged_runs(news, tmp_path)
    result = sumbench.meta(run_dir, judgments, samples=50, permutations=20, out=tmp_path / "meta")
    assert {f.split("/")[-1] for f in map(str, result["files"])} >= {"meta.csv", "meta_tests.csv", "meta.md"}
    by = {(c["level"], c["metric"], c["judgment"], c["coefficient"]): c for c in result["correlations"]}
    systems = ["lead", "textrank", "random"]
    judged = {}
    for line in open(judgments):
        j = json.loads(line)
        judged.setdefault(j["system"], []).append(j["expert_scores"]["relevance"])
    metric = {s: np.mean([r["fmeasure"] for r in rows if r["summarizer"] == s and r["metric"] == "rouge1"])
              for s in systems}
    want = np.corrcoef([metric[s] for s in systems], [np.mean(judged[s]) for s in systems])[0, 1]
    got = by[("system", "rouge1", "relevance", "pearson")]
    assert got["value"] == pytest.approx(want, abs=1e-12)
    assert got["n"] == 3
    assert result["tests"] and {t["metric_a"] for t in result["tests"]} == {"rouge1"}


def test_meta_errors_match_the_cli(cli, news, tmp_path):
    run_dir, _, judgments = judged_runs(news, tmp_path)
    with pytest.raises(sumbench.SumbenchError) as error:
        sumbench.meta(run_dir, judgments, judgment_field="scores")
    assert str(error.value) == cli("meta", run_dir, "--judgments", judgments, "--judgment-field", "scores",
                                   "--out", tmp_path / "m")
    with pytest.raises(sumbench.SumbenchError) as error:
        sumbench.meta(run_dir, judgments, metrics=["bleu"])
    assert str(error.value) == cli("meta", run_dir, "--judgments", judgments, "--metrics", "bleu",
                                   "--out", tmp_path / "m")
    with pytest.raises(ValueError, match="resample `all`: expected one of systems, documents, both"):
        sumbench.meta(run_dir, judgments, resample="all")
