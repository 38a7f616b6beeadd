"""sumbench from Python: a drop-in rouge-score, the classic extractive
summarizers, the benchmark harness and its metrics.

    from sumbench import rouge_scorer, scoring, tokenize, tokenizers  # as rouge-score
    import sumbench
    sumbench.sentences(text)
    sumbench.summarize(text, method="lexrank", budget="3s")
    run_dir, rows = sumbench.run(corpus=docs, summarizers=["lead", "lexrank"], budget="3s")
    sumbench.embed(["A sentence."], model="all-MiniLM-L6-v2/")  # or model="hf://OWNER/NAME@REV"
    sumbench.bertscore(candidates, references, model="all-MiniLM-L6-v2/")

Every computation is the Rust library's; errors carry the command line's
messages (file, line, field) as ``SumbenchError`` (bad inputs: corpora, run
directories, judgments, unreadable files) or ``ValueError`` (bad arguments).
"""

import json
import os
import re
import tempfile
import warnings
from pathlib import Path

from sumbench import _sumbench, rouge_scorer, scoring, tokenize, tokenizers
from sumbench._sumbench import (
    SumbenchError,
    __version__,
    compare,
    list_summarizers,
    read_scores,
    sentences,
    summarize,
)

__all__ = [
    "SumbenchError",
    "__version__",
    "bertscore",
    "compare",
    "embed",
    "eval",
    "list_summarizers",
    "meta",
    "read_scores",
    "rouge_profile",
    "rouge_scorer",
    "run",
    "scoring",
    "sentences",
    "summarize",
    "tokenize",
    "tokenizers",
]


class _InMemory:
    """A list of dicts as a temporary JSONL file; error messages name the
    list's items (``corpus[2]``) instead of the file's lines."""

    def __init__(self, items, name, what):
        self._dir = tempfile.TemporaryDirectory(prefix="sumbench-")
        self.path = os.path.join(self._dir.name, name + ".jsonl")
        self._what = what
        with open(self.path, "w", encoding="utf-8") as f:
            for item in items:
                if not isinstance(item, dict):
                    raise ValueError("%s items must be dicts, not %s" % (what, type(item).__name__))
                f.write(json.dumps(item, ensure_ascii=False))
                f.write("\n")

    def __enter__(self):
        return self

    def __exit__(self, kind, error, trace):
        self._dir.cleanup()
        if error is not None and self.path in str(error):
            def item(match):
                return "%s[%d]" % (self._what, int(match.group(1)) - 1)

            message = re.sub(re.escape(self.path) + r":(\d+)", item, str(error))
            message = message.replace(self.path, self._what)
            raise type(error)(message) from None
        return False


def _model(model):
    """``model=`` as the bindings take it: a string (a folder or ``hf://``), or ``None``."""
    return None if model is None else os.fspath(model)


def _path(path):
    return None if path is None else os.fspath(path)


def _is_records(value):
    return isinstance(value, (list, tuple)) and len(value) > 0 and all(isinstance(v, dict) for v in value)


def _summarizer_items(summarizers):
    if isinstance(summarizers, str):
        return summarizers
    items = []
    for s in summarizers:
        if callable(s) and not isinstance(s, str):
            items.append((getattr(s, "__name__", type(s).__name__), s))
        else:
            items.append(s)
    return items


def run(corpus, summarizers="all", budget="ref", metrics=None, out="results/latest", *, stem=True, seed=0,
        threads=None, chunk_size=1000, name="corpus", rouge_tokenizer="rouge-score", language="en",
        summaries=None, rouge_profile=None, model=None, bertscore_layer=None, bertscore_baseline=None):
    """Runs summarizers over corpora, scores them, writes the run directory
    ``out`` (as ``sumbench run``) and returns ``(run_dir, rows)``: the rows of
    ``scores.csv`` as dicts (``pandas.DataFrame(rows)``).

    corpus: a path (JSONL, CSV, TSV, directory corpus, .story files, a folder
      of corpora), a list of paths, or a list of dicts (``{"id", "text",
      "references"}``, optional ``"title"``), an in-memory corpus called ``name``.
    summarizers: ``"all"``, ``"lead,lexrank"``, or a list of names, callables
      and ``(name, callable)`` pairs. A callable is your own summarizer:
      ``f(sentences, title=..., doc_id=...)`` returns one score per sentence
      (higher is better); it runs beside the built-in ones, under the same
      budget and ROUGE.
    budget: ``3s``, ``100w``, ``280c``, ``665b``, ``0.1r`` or ``ref`` (mean reference length).
    metrics: ``None`` (rouge1, rouge2, rougeL, rougeLsum, dangling) or a list of names.
    rouge_tokenizer: ``"rouge-score"`` (bit-identical to rouge-score),
      ``"xlsum"`` (XL-Sum's multilingual scorer), ``"multilingual"`` (the same,
      rougeLsum tokenized like the others) or ``"unicode"``.
    language: the documents' language where a document gives none (``"de"``,
      ``"chinese"``, …) or ``"auto"`` to detect each one's.
    rouge_profile: another package's ROUGE for rouge1…rouge9, rougeL, rougeLsum,
      exactly: ``"py-rouge"``, ``"rouge:init.exclusive=false"``, … (as
      ``--rouge-profile``; see :func:`rouge_profile`).
    model: a sentence-embedding model (as ``--model``): a sentence-transformers
      folder, or ``"hf://OWNER/NAME@REVISION"`` fetched once into the hub cache
      (see :func:`embed`). It is what the ``bertscore`` metric and the
      embedding summarizers (``"embed-centroid"``, ``"pacsum"``,
      ``"embed-mmr"``) run on; either without it raises ``ValueError``.
    bertscore_layer: BERTScore's layer (``None``: the model's last).
    bertscore_baseline: a bert_score baseline file (``LAYER,P,R,F``) to rescale with.
    summaries: what ``summaries.jsonl`` keeps of each summary: ``"sentences"``
      (the chosen sentence indices; the text is rebuilt from the corpus when
      shown) or ``"text"`` as well. ``None``: ``"sentences"`` for corpus files,
      ``"text"`` for a list of dicts (its file does not outlive the call).
    The run's warnings (ROUGE pitfalls, approximations) are issued with
    ``warnings.warn``; they are in ``run.json`` too.
    """
    items = _summarizer_items(summarizers)
    if isinstance(metrics, str):
        metrics = [metrics]
    out = os.fspath(out)
    model_args = (_model(model), bertscore_layer, _path(bertscore_baseline))
    if _is_records(corpus):
        with _InMemory(corpus, name, "corpus") as memory:
            _, notes = _sumbench.run([memory.path], items, budget, metrics, out, stem, seed, threads,
                                     chunk_size, rouge_tokenizer, language, summaries or "text",
                                     rouge_profile, *model_args)
    else:
        paths = [corpus] if isinstance(corpus, (str, os.PathLike)) else list(corpus)
        _, notes = _sumbench.run([os.fspath(p) for p in paths], items, budget, metrics, out, stem, seed,
                                 threads, chunk_size, rouge_tokenizer, language, summaries or "sentences",
                                 rouge_profile, *model_args)
    for note in notes:
        # The run's warnings (also in run.json), as the CLI prints them on stderr.
        warnings.warn(note, stacklevel=2)
    return Path(out), read_scores(out)


_BUILTIN_ERRORS = {
    "ValueError": ValueError,
    "TypeError": TypeError,
    "KeyError": KeyError,
    "ZeroDivisionError": ZeroDivisionError,
    "RecursionError": RecursionError,
    "IndexError": IndexError,
}


def rouge_profile(package, candidate, references, init=None, call=None):
    """Another package's ROUGE on one candidate, exactly: what ``package``
    (``"rouge"``, ``"py-rouge"``, ``"rouge-metric"``, ``"sumeval"``,
    ``"rouge-chinese"``, ``"evaluate-rouge"``, ``"helm"``, ``"helm-chinese"``,
    ``"lm-eval-cnndm"``, ``"lm-eval-truthfulqa"``) returns for its own call on
    them, with its constructor's keyword arguments ``init`` and the call's
    ``call`` (e.g. ``rouge_profile("rouge", c, [r], call={"avg": True})``).
    Where the package raises, this raises the same exception type (a
    ``SumbenchError`` naming it if it is not a built-in one) and message."""
    if isinstance(references, str):
        references = [references]
    kind, value, message = _sumbench.rouge_profile(
        package, candidate, list(references), json.dumps(init or {}), json.dumps(call or {}))
    if kind == "result":
        return json.loads(value)
    error = _BUILTIN_ERRORS.get(value)
    if error is None:
        raise SumbenchError("%s: %s" % (value, message))
    if error is KeyError:
        raise KeyError(message.strip("'"))
    raise error(message)


def eval(records, metrics=None, tokenizer="default", corpus_level=False, *, language="en",
         bleu_tokenize="13a", bleu_smooth="exp", bleu_smooth_value=None, bleu_lowercase=False,
         bleu_max_ngram_order=4, chrf_beta=2, chrf_whitespace=False, chrf_eps_smoothing=False,
         chrf_lowercase=False, ter_case_sensitive=False, ter_no_punct=False, ter_normalized=False,
         ter_asian_support=False, rouge_profile=None, model=None, bertscore_idf=False, bertscore_layer=None,
         bertscore_baseline=None):
    """Metrics beyond ROUGE and other packages' ROUGE, as ``sumbench eval``:
    ``records`` is a JSONL path or a list of dicts ``{"id", "candidate",
    "references"?, "source"?}``. Returns one dict per record (``{"id",
    <metric>: {"score", ...}, "signatures"}``), or one dict for the whole
    input with ``corpus_level``.

    metrics: names (``"bleu"``, ``"chrf"``, ``"chrf++"``, ``"ter"``,
      ``"coverage"``, …); ``None``: those whose inputs the first record has
      (TER aside; none with ``rouge_profile``).
    The keyword arguments are ``sumbench eval``'s flags, with sacreBLEU's
    meaning (``sacrebleu.metrics.BLEU/CHRF/TER``):
    bleu_tokenize (``tokenize``: ``"none"``, ``"13a"``, ``"intl"``, ``"char"``,
      ``"zh"``), bleu_smooth (``smooth_method``: ``"none"``, ``"floor"``,
      ``"add-k"``, ``"exp"``), bleu_smooth_value (``smooth_value``),
      bleu_lowercase (``lowercase``), bleu_max_ngram_order (``max_ngram_order``);
    chrf_beta (``beta``), chrf_whitespace (``whitespace``), chrf_eps_smoothing
      (``eps_smoothing``), chrf_lowercase (``lowercase``), for chrF and chrF++;
    ter_case_sensitive, ter_no_punct, ter_normalized, ter_asian_support
      (``case_sensitive``, ``no_punct``, ``normalized``, ``asian_support``).
    Sentence-level BLEU uses effective order, as ``sacrebleu.sentence_bleu``.
    rouge_profile: another package's ROUGE, exactly (``"rouge"``,
      ``"py-rouge:init.max_n=2"``, … as ``--rouge-profile``): each record gets
      ``"rouge-profile": {"result": <the package's return value>}``, or
      ``{"error": {"type", "message"}}`` where the package raises on it; with
      ``corpus_level``, the package's own corpus figure.
    language: the texts' language (``"en"``, …, or ``"auto"``).
    model: the sentence-embedding model of the ``bertscore`` metric (a
      sentence-transformers folder or ``"hf://OWNER/NAME@REVISION"``, as
      ``--model``): each record gets ``"bertscore": {"precision", "recall",
      "fmeasure"}`` and its signature. bertscore_idf: IDF weights over the
      references of all the records, as bert_score computes them for one
      call; bertscore_layer: the layer (``None``: the last);
      bertscore_baseline: a bert_score baseline file to rescale with.
    """
    if isinstance(metrics, str):
        metrics = [metrics]
    options = {
        "language": language, "bleu_tokenize": bleu_tokenize, "bleu_smooth": bleu_smooth,
        "bleu_smooth_value": None if bleu_smooth_value is None else float(bleu_smooth_value),
        "bleu_lowercase": bool(bleu_lowercase), "bleu_max_ngram_order": bleu_max_ngram_order,
        "chrf_beta": chrf_beta, "chrf_whitespace": bool(chrf_whitespace),
        "chrf_eps_smoothing": bool(chrf_eps_smoothing), "chrf_lowercase": bool(chrf_lowercase),
        "ter_case_sensitive": bool(ter_case_sensitive), "ter_no_punct": bool(ter_no_punct),
        "ter_normalized": bool(ter_normalized), "ter_asian_support": bool(ter_asian_support),
        "rouge_profile": rouge_profile, "model": _model(model), "bertscore_idf": bool(bertscore_idf),
        "bertscore_layer": bertscore_layer, "bertscore_baseline": _path(bertscore_baseline),
    }
    if isinstance(records, (str, os.PathLike)):
        lines = _sumbench.eval(os.fspath(records), metrics, tokenizer, corpus_level, options)
    else:
        records = list(records)
        if not records:
            raise ValueError("eval needs at least one record")
        with _InMemory(records, "records", "records") as memory:
            lines = _sumbench.eval(memory.path, metrics, tokenizer, corpus_level, options)
    values = [json.loads(line) for line in lines]
    return values[0] if corpus_level else values


def meta(runs, judgments, *, judgment_field="expert_scores", metrics=None, score_column="fmeasure",
         resample="both", samples=1000, permutations=1000, seed=0, out=None):
    """Meta-evaluation, as ``sumbench meta``: how the metrics of the runs
    (run directories or ``scores.csv`` files) correlate with the human
    judgments (a JSONL path). Returns ``{"correlations": [...], "tests":
    [...], "warnings": [...], "files": [...]}``; with ``out``, also writes
    ``meta.csv``, ``meta_tests.csv`` and ``meta.md`` there."""
    if isinstance(runs, (str, os.PathLike)):
        runs = [runs]
    if isinstance(metrics, str):
        metrics = [metrics]
    return _sumbench.meta([os.fspath(r) for r in runs], os.fspath(judgments), judgment_field, metrics,
                          score_column, resample, samples, permutations, seed,
                          None if out is None else os.fspath(out))


def embed(texts, model):
    """Sentence embeddings, as ``sumbench embed`` (and sentence-transformers'
    ``encode``): ``texts`` is a list of strings or of ``{"id", "text"}``
    dicts. Returns one ``{"id", "input_ids", "embedding"}`` dict per text,
    what the command line writes per line (a string's id is its position).

    model: a sentence-transformers folder, or ``"hf://OWNER/NAME@REVISION"``
      from the Hugging Face Hub, downloaded once into the cache
      (``$SUMBENCH_CACHE``, else ``$XDG_CACHE_HOME/sumbench``, else
      ``~/.cache/sumbench``; ``models/OWNER--NAME/REVISION``) with the
      SHA-256 of each file checked; ``HF_ENDPOINT``, ``HF_TOKEN`` and
      ``HF_HUB_OFFLINE`` are read as the command line reads them.
    A bad item raises ``ValueError`` naming it (``texts[2]: field "text" is
    missing``); a model that cannot be used, ``SumbenchError``.
    """
    if isinstance(texts, (str, dict)):
        raise ValueError("texts must be a list of strings or of {\"id\", \"text\"} dicts")
    ids, strings = [], []
    for i, item in enumerate(texts):
        if isinstance(item, str):
            ids.append(i)
            strings.append(item)
            continue
        # The command line's checks of a line, naming the item.
        if not isinstance(item, dict):
            raise ValueError("texts[%d]: expected a JSON object {\"id\", \"text\"}" % i)
        if item.get("id") is None:
            raise ValueError("texts[%d]: field \"id\" is missing" % i)
        if "text" not in item:
            raise ValueError("texts[%d]: field \"text\" is missing" % i)
        if not isinstance(item["text"], str):
            raise ValueError("texts[%d]: field \"text\" must be a string" % i)
        ids.append(item["id"])
        strings.append(item["text"])
    vectors = _sumbench.embed(strings, _model(model))
    return [{"id": i, "input_ids": input_ids, "embedding": embedding}
            for i, (input_ids, embedding) in zip(ids, vectors)]


def bertscore(candidates, references, model, idf=False, layer=None, baseline=None):
    """BERTScore as bert_score 0.3.13 computes it (with ``batch_size=1``), the
    numbers of ``sumbench eval --metrics bertscore``: ``candidates`` is a list
    of strings, ``references`` one string or list of strings per candidate
    (several: P, R and F are each the maximum over them).

    Returns ``{"scores": [{"precision", "recall", "fmeasure"}, ...],
    "signature": ...}``: one score per candidate, and the signature with
    bert_score's hash string (model, layer, IDF, version) and the weights'
    SHA-256.
    model: a sentence-transformers folder or ``"hf://OWNER/NAME@REVISION"``
      (see :func:`embed`).
    idf: weigh tokens by IDF over all the references given, as bert_score
      does for one call.
    layer: the layer whose token vectors are matched (``None``: the last).
    baseline: a bert_score baseline file (``LAYER,P,R,F``) to rescale with.
    """
    if isinstance(candidates, str):
        raise ValueError("candidates must be a list of strings")
    candidates = list(candidates)
    references = list(references)
    if len(candidates) != len(references):
        raise ValueError("%d candidates but %d references: give one reference (or list of them) per candidate"
                         % (len(candidates), len(references)))
    records = [{"id": str(i), "candidate": c, "references": [r] if isinstance(r, str) else list(r)}
               for i, (c, r) in enumerate(zip(candidates, references))]
    if not records:
        return {"scores": [], "signature": None}
    values = eval(records, metrics=["bertscore"], model=model, bertscore_idf=idf, bertscore_layer=layer,
                  bertscore_baseline=baseline)
    scores = []
    for i, value in enumerate(values):
        score = value["bertscore"]
        if "error" in score:
            raise SumbenchError("candidates[%d]: %s" % (i, score["error"]["message"]))
        scores.append({k: score[k] for k in ("precision", "recall", "fmeasure")})
    return {"scores": scores, "signature": values[0]["signatures"]["bertscore"]}
