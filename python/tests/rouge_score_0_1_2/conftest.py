"""rouge-score 0.1.2's own tests (see README.md) against sumbench.

One input is not in rouge-score's sdist nor in this repository, so the test
that reads it cannot run here unless it is installed: NLTK's ``punkt_tab``
model (``nltk.download("punkt_tab")``, or a folder in ``NLTK_DATA``), for
``split_summaries=True``; its licence is unclarified upstream (README.md), so
it is not copied. The test is marked as an expected failure naming the missing
input (shown by ``pytest -rx``), never skipped, and runs normally as soon as
the model is there.
"""

import os

import pytest

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
    if _has_punkt():
        return
    for item in items:
        if not str(item.fspath).startswith(here):
            continue
        if item.name.split("[")[0] in _NEEDS_PUNKT:
            item.add_marker(pytest.mark.xfail(
                raises=LookupError, strict=True,
                reason="NLTK's punkt_tab data is not installed (offline; set NLTK_DATA)"))
