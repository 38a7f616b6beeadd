"""Other packages' ROUGE from Python (issue #23): ``sumbench.rouge_profile``
returns what each package returns, or raises what it raises, on every line of
the conformance files in ``tests/data/rouge_profiles/`` (the real packages'
outputs), and ``run(rouge_profile=...)`` signs its numbers with the package."""

import json
import math

import pytest

import sumbench
from conftest import REPO

CASES = REPO / "tests" / "data" / "rouge_profiles"
FILES = ["rouge.jsonl", "py-rouge.jsonl", "rouge-metric.jsonl", "sumeval.jsonl", "rouge-chinese.jsonl",
         "evaluate-rouge.jsonl"]


def same(a, b):
    """Equality that tells 0 from 0.0 and -0.0 from 0.0."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return a == b and math.copysign(1, a) == math.copysign(1, b)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return a == b


@pytest.mark.parametrize("name", FILES)
def test_every_case_line_comes_back_as_the_package_gave_it(name):
    lines = [json.loads(line) for line in open(CASES / name, encoding="utf-8")]
    assert len(lines) >= 450
    for case in lines:
        options = case["options"]
        expected = case["expected"]
        try:
            got = sumbench.rouge_profile(case["package"], case["candidate"], case["references"],
                                         init=options["init"], call=options["call"])
        except sumbench.SumbenchError as error:
            assert "raises" in expected, case["id"]
            raised = expected["raises"]
            assert str(error) == "%s: %s" % (raised["type"], raised["message"]), case["id"]
            continue
        except Exception as error:  # noqa: BLE001 - compared with what the package raised
            assert "raises" in expected, "%s raised %r" % (case["id"], error)
            assert type(error).__name__ == expected["raises"]["type"], case["id"]
            message = str(error) if not isinstance(error, KeyError) else "'%s'" % error.args[0]
            assert message == expected["raises"]["message"], case["id"]
            continue
        assert "return" in expected, "%s returned %r" % (case["id"], got)
        assert same(got, expected["return"]), "%s: %r != %r" % (case["id"], got, expected["return"])


def test_a_run_under_a_profile_carries_its_signature(tmp_path):
    corpus = [
        {"id": "a", "text": "The cat sat on the mat. It was happy. Then it slept.",
         "references": ["The cat sat on the mat and slept."]},
        {"id": "b", "text": "Rain fell all day. The roads flooded. Schools closed early.",
         "references": ["Rain flooded roads and closed schools."]},
    ]
    out, rows = sumbench.run(corpus, "lead", "1s", out=tmp_path / "run", rouge_profile="helm")
    info = json.loads((out / "run.json").read_text())
    assert info["rouge_profile"] == "helm"
    assert info["signatures"]["rouge1"].startswith("rouge-profile:helm|version:63754d05|")
    assert sorted({row["metric"] for row in rows}) == ["rouge1", "rouge2", "rougeL"]
    # HELM's rouge_1 for document a by hand: stemmed tokens of "The cat sat
    # on the mat." (6) all occur among the reference's 8, so P = 1,
    # R = 6/8, F = 2 * 0.75 / 1.75 = 6/7.
    row = next(r for r in rows if r["doc_id"] == "a" and r["metric"] == "rouge1")
    assert abs(float(row["fmeasure"]) - 6 / 7) < 1e-12


def test_unknown_profiles_and_arguments_are_value_errors(tmp_path):
    with pytest.raises(ValueError, match="unknown ROUGE profile `nope`"):
        sumbench.run([{"id": "a", "text": "x.", "references": ["x"]}], "lead", "1s", out=tmp_path / "r",
                     rouge_profile="nope")
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        sumbench.rouge_profile("evaluate-rouge", "a", ["a"], call={"colour": 1})
