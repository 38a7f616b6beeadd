"""Writes cases.jsonl: the literal test cases of sacreBLEU 2.6.0's test files,
read from the test modules themselves (values exactly as the tests state
them), with the options and tolerance each test function uses.

Run with sacreBLEU 2.6.0's test directory on the path:
    PYTHONPATH=/path/to/sacrebleu-2.6.0/test python extract.py > cases.jsonl
"""
import json
import sys
import types

# The test modules import pytest only for `@pytest.mark.parametrize`; a stub does.
_pytest = types.ModuleType("pytest")
_pytest.mark = types.SimpleNamespace(parametrize=lambda *args, **kwargs: (lambda f: f))
sys.modules.setdefault("pytest", _pytest)

import test_bleu as tb
import test_chrf as tc
import test_sentence_bleu as ts
import test_ter as tt
import test_tokenizer_ter as ttt

BLEU_DEFAULTS = dict(tokenize="13a", smooth_method="exp", smooth_value=None,
                     lowercase=False, max_ngram_order=4, effective_order=False)


def bleu(**kwargs):
    return {**BLEU_DEFAULTS, **kwargs}


def chrf(char_order=6, word_order=0, beta=2, remove_whitespace=True, eps_smoothing=False, lowercase=False):
    return dict(char_order=char_order, word_order=word_order, beta=beta, lowercase=lowercase,
                whitespace=not remove_whitespace, eps_smoothing=eps_smoothing)


def raw(smooth_value):
    # sacrebleu.raw_corpus_bleu: floor smoothing, tokenize='none', effective order.
    return bleu(smooth_method="floor", smooth_value=smooth_value, tokenize="none", effective_order=True)


def emit(file, test, kind, inputs, options, expected, check):
    print(json.dumps(dict(file=file, test=test, kind=kind, inputs=inputs, options=options,
                          expected=expected, check=check), ensure_ascii=False))


def abs_within(eps, divide_by=1):
    return {"abs": eps, "divide_by": divide_by}


F = "test/test_bleu.py"
for hyps, refs, expected in tb.test_raw_bleu_cases:
    emit(F, "test_raw_bleu", "corpus_bleu", dict(hyps=hyps, refs=refs), raw(0.01), expected,
         abs_within(tb.EPSILON, 100))
for hyps, refs, kwargs, expected in tb.test_corpus_bleu_cases:
    emit(F, "test_corpus_bleu", "corpus_bleu", dict(hyps=list(hyps), refs=refs), bleu(**kwargs), expected,
         abs_within(tb.EPSILON))
for hyps, refs, expected in tb.test_case_effective_order:
    emit(F, "test_effective_order", "corpus_bleu", dict(hyps=hyps, refs=refs), raw(0.01), expected,
         abs_within(tb.EPSILON, 100))
for hyps, refs, stat in tb.test_case_statistics:
    emit(F, "test_statistics", "corpus_bleu_stats", dict(hyps=hyps, refs=refs), raw(0.01),
         dict(counts=stat.common, totals=stat.total), {"exact": True})
for (stat, sys_len, ref_len), expected in tb.test_case_scoring:
    emit(F, "test_scoring", "compute_bleu",
         dict(correct=stat.common, total=stat.total, sys_len=sys_len, ref_len=ref_len),
         bleu(smooth_method="none"), expected, abs_within(tb.EPSILON, 100))
for hyps, refs, with_offset, without_offset in tb.test_case_offset:
    emit(F, "test_offset", "corpus_bleu", dict(hyps=hyps, refs=refs), raw(0.0), without_offset,
         abs_within(tb.EPSILON, 100))
    emit(F, "test_offset", "corpus_bleu", dict(hyps=hyps, refs=refs), raw(None), with_offset,
         abs_within(tb.EPSILON, 100))
    emit(F, "test_offset", "corpus_bleu", dict(hyps=hyps, refs=refs), raw(0.1), with_offset,
         abs_within(tb.EPSILON, 100))
for (stat, sys_len, ref_len), offset, expected in tb.test_case_degenerate_stats:
    emit(F, "test_degenerate_statistics", "compute_bleu",
         dict(correct=stat.common, total=stat.total, sys_len=sys_len, ref_len=ref_len),
         bleu(smooth_method="floor", smooth_value=offset), expected, {"equal": True, "divide_by": 100})
for order, hyps, refs, expected in tb.test_bleu_max_order:
    emit(F, "test_max_ngram_order", "corpus_bleu", dict(hyps=hyps, refs=refs), bleu(max_ngram_order=order),
         expected, {"decimals": 2})

F = "test/test_sentence_bleu.py"
for test in ["test_compat_sentence_bleu", "test_api_sentence_bleu"]:
    for method, value, lowercase, tok, expected in ts.test_cases:
        emit(F, test, "sentence_bleu", dict(hyp=ts.SYS, refs=[ts.REF]),
             bleu(smooth_method=method, smooth_value=value, lowercase=lowercase, tokenize=tok,
                  effective_order=True), expected, abs_within(ts.EPSILON))
for method, value, lowercase, tok, expected in ts.test_cases_zero_bleu:
    emit(F, "test_api_sentence_bleu_zero", "sentence_bleu", dict(hyp=ts.SYS_0, refs=[ts.REF_0]),
         bleu(smooth_method=method, smooth_value=value, lowercase=lowercase, tokenize=tok,
              effective_order=True), expected, abs_within(ts.EPSILON))

F = "test/test_chrf.py"
for hyps, refs, expected in tc.test_cases:
    emit(F, "test_chrf", "corpus_chrf", dict(hyps=hyps, refs=[refs]), chrf(beta=3, eps_smoothing=True),
         expected, abs_within(tc.EPSILON))
for hyps, refs, expected in tc.test_cases_effective_order:
    emit(F, "test_chrf_eff_order", "corpus_chrf", dict(hyps=hyps, refs=[refs]), chrf(beta=3), expected,
         abs_within(tc.EPSILON))
for hyps, refs, expected in tc.test_cases_keep_whitespace:
    emit(F, "test_chrf_keep_whitespace", "corpus_chrf", dict(hyps=hyps, refs=[refs]),
         chrf(beta=3, remove_whitespace=False), expected, abs_within(tc.EPSILON))
for hyp, refs, expected in tc.test_sentence_level_chrf:
    emit(F, "test_chrf_sentence_level", "sentence_chrf", dict(hyp=hyp, refs=refs), chrf(eps_smoothing=True),
         expected, abs_within(tc.EPSILON))

TER_DEFAULTS = dict(normalized=False, no_punct=False, asian_support=False, case_sensitive=False)

F = "test/test_ter.py"
for hyps, refs, expected in tt.test_cases:
    # The test compares `score` with `100 * expected`.
    emit(F, "test_ter", "corpus_ter", dict(hyps=hyps, refs=[refs]), TER_DEFAULTS, expected,
         {"abs": tt.EPSILON, "times": 100})

F = "test/test_tokenizer_ter.py"
for test, cases, options in [
    ("test_ter_tokenizer_default", ttt.test_cases_default, {}),
    ("test_ter_tokenizer_nopunct", ttt.test_cases_no_punct, dict(no_punct=True)),
    ("test_ter_tokenizer_norm", ttt.test_cases_norm, dict(normalized=True)),
    ("test_ter_tokenizer_asian", ttt.test_cases_asian, dict(normalized=True, asian_support=True)),
]:
    for text, expected in cases:
        emit(F, test, "tercom_tokenize", dict(text=text), {**TER_DEFAULTS, **options}, expected, {"exact": True})
