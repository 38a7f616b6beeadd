"""rouge-score-rs 0.2.1's tests (see README.md) against sumbench's drop-in.

Every test that checks rouge-score's own behaviour runs. The few that check
rouge-score-rs's own extras, which neither rouge-score nor this drop-in has,
are skipped here with the reason (``pytest -rs`` shows them); the test files
themselves are unchanged but for their imports.
"""

import pytest

_EXTRAS = {
    "test_top_level_exports": "rouge-score-rs's top-level RougeScorer, Score and __version__ "
                              "(rouge-score's package exports none of them)",
    "test_score_batch_checks_lengths": "the message of rouge-score-rs's own score_batch (rouge-score has "
                                       "no score_batch; sumbench's refuses the same input with its own "
                                       "ValueError)",
    "test_unpickles_scorer_from_0_1_0": "pickles of rouge-score-rs 0.1.0 name rouge_score_rs's classes",
    "test_unpickles_scorers_from_0_2_0": "pickles of rouge-score-rs 0.2.0 name rouge_score_rs's classes",
    "test_native_scorer_does_not_keep_reference_cycles_alive": "rouge-score-rs's private _rougers module",
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        reason = _EXTRAS.get(item.name.split("[")[0])
        if reason is not None and "rouge_score_rs_0_2_1" in str(item.fspath):
            item.add_marker(pytest.mark.skip(reason="rouge-score-rs extra: " + reason))
