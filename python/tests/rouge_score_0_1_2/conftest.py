"""rouge-score 0.1.2's own tests (see README.md) against sumbench.

Two inputs are not in rouge-score's sdist nor in this repository, so the
tests that read them cannot run here; they are marked as expected failures
naming the missing input (shown by ``pytest -rx``), never skipped, and run
normally as soon as the input is there:

- ``testdata/target_large.txt`` and ``testdata/prediction_large.txt``
  (google-research/google-research, rouge/testdata; 140 kB each);
- NLTK's ``punkt_tab`` model (``nltk.download("punkt_tab")``, or a folder in
  ``NLTK_DATA``), for ``split_summaries=True``.
"""

import os

import pytest

from . import test_util

_LARGE = [test_util.LARGE_TARGETS_FILE, test_util.LARGE_PREDICTIONS_FILE]
# The tests that read the large files: testRougeLsumLarge, and every test of
# scoring_test.py (its setUp reads them).
_NEEDS_LARGE = {"testRougeLsumLarge", "BootstrapAggregatorTest"}
_NEEDS_PUNKT = {"testRougeLSumSentenceSplitting"}


def _has_punkt():
    import nltk

    try:
        nltk.data.find("tokenizers/punkt_tab/english/")
    except LookupError:
        return False
    return True


def pytest_collection_modifyitems(config, items):
    here = os.path.dirname(os.path.abspath(__file__))
    large_missing = [os.path.basename(p) for p in _LARGE if not os.path.isfile(p)]
    punkt = _has_punkt()
    for item in items:
        if not str(item.fspath).startswith(here):
            continue
        names = {item.name.split("[")[0], getattr(item.cls, "__name__", "")}
        if large_missing and names & _NEEDS_LARGE:
            item.add_marker(pytest.mark.xfail(
                raises=FileNotFoundError, strict=True,
                reason="testdata/%s is not in rouge-score's sdist (README.md)" % " and ".join(large_missing)))
        if not punkt and names & _NEEDS_PUNKT:
            item.add_marker(pytest.mark.xfail(
                raises=LookupError, strict=True,
                reason="NLTK's punkt_tab data is not installed (offline; set NLTK_DATA)"))
