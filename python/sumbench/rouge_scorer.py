"""rouge-score's ``rouge_scorer`` module, computed by sumbench in Rust.

``RougeScorer(rouge_types, use_stemmer=False, split_summaries=False,
tokenizer=None)`` has rouge-score 0.1.2's ``score(target, prediction)`` and
``score_multi(targets, prediction)``, returning ``{rouge_type: Score}`` with
the same values bit for bit, and ``score_batch(targets, predictions)``: many
pairs at once on all cores, with the GIL released (each target a text or a
list of texts, as ``score_multi``). It is a plain Python class (subclass it,
pickle it, copy it, send it to worker processes; ``rouge_types`` can be
reassigned) over the Rust scorer ``sumbench._sumbench.RougeScorer``.

``tokenizer=``: ``None``, ``tokenizers.DefaultTokenizer`` (sumbench's or
rouge-score's: its stemmer then decides, as in rouge-score) or any object with
``tokenize(text) -> list[str]``; the scores are then computed in Rust on its
tokens as given (no lowercasing or stemming of sumbench's; rougeLsum on the
tokens of each line), ``score_batch`` calling it pair by pair.

Differences: an invalid rouge type is refused when the scorer is made or
``rouge_types`` set (rouge-score's message) rather than at the first
``score``; with the built-in tokenizer, zeros are floats where rouge-score
returns the integer 0, except rougeL and rougeLsum when a text has no tokens,
which are ``Score(0, 0, 0)`` with integers as in rouge-score (equal values
either way: ``0 == 0.0``). Lone surrogates (``"\\ud800"``) separate words, as
rouge-score's tokenizer makes them.
With ``split_summaries=True``, rougeLsum splits texts with
``nltk.sent_tokenize`` as rouge-score does (NLTK and its punkt data needed).

XL-Sum's multilingual fork (csebuetnlp/xl-sum ``multilingual_rouge_scoring``,
which installs as ``rouge_score``): ``RougeScorer(types, use_stemmer=True,
lang="chinese")`` takes its arguments and gives its values (sumbench's
``xlsum`` profile: the language's word splitter and stemmer, its rougeLsum
without the word splitter). ``lang`` is XL-Sum's name or an ISO 639-1 code;
an unknown one raises ``ValueError``. ``callable_tokenizer`` and
``callable_stemmer`` raise ``ValueError``; ``min_char_length`` must be 3.
Without ``lang`` the scorer is Google's rouge-score, not the fork's
``lang=None`` path (Porter after the fork's tokenizer).

The module also has rouge-score's helpers, in Python, written from the
algorithms (``_create_ngrams``, ``_score_ngrams``, ``_score_lcs``,
``_lcs_table``, ``_backtrack_norec``, ``lcs_ind``, ``_find_union``,
``_union_lcs``, ``_summary_level_lcs``).
"""

import collections
import os
import re

from sumbench import _sumbench, scoring, tokenizers
from sumbench.tokenize import without_surrogates

__all__ = ["RougeScorer", "lcs_ind"]

# Any character that survives rouge-score's tokenizer: a text has tokens iff
# its lowercase form contains one.
_TOKEN_CHAR_RE = re.compile(r"[a-z0-9]")


def _has_tokens(text):
    return _TOKEN_CHAR_RE.search(text.lower()) is not None


def _no_surrogates(value):
    """Texts (a text, or a list of texts or of lists of texts) without lone surrogates."""
    if isinstance(value, str):
        return without_surrogates(value)
    return [_no_surrogates(v) for v in value]


# The process whose rayon threads ``score_batch`` started: a forked child has
# none of them, so it scores pair by pair instead (as rouge-score would).
_POOL_PID = None


def _builtin_stemming(tokenizer):
    """``use_stemmer`` of a DefaultTokenizer (sumbench's or rouge-score's), or
    ``None`` for any other tokenizer."""
    kind = type(tokenizer)
    if kind is tokenizers.DefaultTokenizer:
        return tokenizer.use_stemmer
    if (kind.__module__, kind.__qualname__) == ("rouge_score.tokenizers", "DefaultTokenizer"):
        return tokenizer._stemmer is not None
    return None


class RougeScorer(scoring.BaseScorer):
    """Calculate rouges scores between two blobs of text (rouge-score's).

    Sample usage:
      scorer = RougeScorer(['rouge1', 'rougeL'], use_stemmer=True)
      scores = scorer.score('The quick brown fox jumps over the lazy dog',
                            'The quick brown dog jumps on the log.')
    """

    def __init__(self, rouge_types, use_stemmer=False, split_summaries=False, tokenizer=None, *,
                 lang=None, callable_tokenizer=None, callable_stemmer=None, min_char_length=3):
        """Initializes a new RougeScorer.

        Args:
          rouge_types: A list of rouge types to calculate (rouge1…rouge9,
            rougeL, rougeLsum).
          use_stemmer: Whether Porter's stemmer strips word suffixes (the
            default tokenizer's).
          split_summaries: Whether rougeLsum puts NLTK's sentences on lines.
          tokenizer: None, a DefaultTokenizer, or any object with
            ``tokenize(text) -> list[str]``.
          lang, callable_tokenizer, callable_stemmer, min_char_length: XL-Sum's
            fork's arguments (see the module's documentation).
        """
        self._use_stemmer = use_stemmer
        self._split_summaries = split_summaries
        self._xlsum = {"lang": lang, "callable_tokenizer": callable_tokenizer,
                       "callable_stemmer": callable_stemmer, "min_char_length": min_char_length}
        self._tokenizer = tokenizer if tokenizer else None
        self._custom = None
        if self._tokenizer is not None:
            stems = _builtin_stemming(self._tokenizer)
            if stems is None:
                if lang is not None:
                    raise ValueError("a custom tokenizer cannot be combined with lang=")
                self._custom = self._tokenizer
            else:
                self._use_stemmer = stems
        self.rouge_types = rouge_types

    @property
    def rouge_types(self):
        """The rouge types, as given; setting them checks them."""
        return self._rouge_types

    @rouge_types.setter
    def rouge_types(self, rouge_types):
        scorer = None
        if len(rouge_types) > 0:
            scorer = _sumbench.RougeScorer(
                rouge_types, self._use_stemmer, self._split_summaries, None, **self._xlsum)
        self._scorer = scorer
        self._rouge_types = rouge_types
        self._names = list(rouge_types)
        self._lcs_types = [t for t in self._names if t in ("rougeL", "rougeLsum")]
        if self._xlsum["lang"] is not None:
            self._lcs_types = []

    def _current(self):
        """The Rust scorer for the scorer's state now, as rouge-score reads it
        on every call: rebuilt when ``rouge_types`` was changed in place or a
        DefaultTokenizer's stemming was switched after construction."""
        if self._names != list(self._rouge_types):
            self.rouge_types = self._rouge_types
        if self._tokenizer is not None and self._custom is None:
            stems = _builtin_stemming(self._tokenizer)
            if stems != self._use_stemmer:
                self._use_stemmer = stems
                self.rouge_types = self._rouge_types
        return self._scorer

    def _score_overridden(self):
        """Whether ``score`` is a subclass's or the instance's own, which
        rouge-score's ``score_multi`` calls for each target."""
        return "score" in self.__dict__ or type(self).score is not RougeScorer.score

    def __getstate__(self):
        # The Rust scorer is rebuilt on unpickling; a subclass's __slots__ travel too.
        state = dict(self.__dict__)
        state["_scorer"] = None
        slots = {}
        for cls in type(self).__mro__:
            names = getattr(cls, "__slots__", ())
            for name in [names] if isinstance(names, str) else names:
                if name not in ("__dict__", "__weakref__") and hasattr(self, name):
                    slots[name] = getattr(self, name)
        return (state, slots) if slots else state

    def __setstate__(self, state):
        state, slots = state if isinstance(state, tuple) else (state, {})
        self.__dict__.update(state)
        for name, value in slots.items():
            setattr(self, name, value)
        self.rouge_types = state["_rouge_types"]

    def __repr__(self):
        return "%s(%r, use_stemmer=%r, split_summaries=%r)" % (
            type(self).__name__, self._rouge_types, self._use_stemmer, self._split_summaries)

    def _integer_zeros(self, result, first_target, prediction):
        """rouge-score's ``Score(0, 0, 0)`` (integers) for rougeL and rougeLsum
        where the chosen target or the prediction has no tokens."""
        for name in self._lcs_types:
            if result[name].fmeasure == 0 and not (_has_tokens(first_target) and _has_tokens(prediction)):
                result[name] = scoring.Score(0, 0, 0)
        return result

    def score(self, target, prediction):
        """Calculates rouge scores between the target and prediction.

        Returns:
          A dict mapping each rouge type to a Score object.
        """
        return self._score_builtin([target], prediction)

    def score_multi(self, targets, prediction):
        """Per rouge type, the score against the target with the highest F
        (the first on ties), as rouge-score's ``score_multi``.

        Returns:
          A dict mapping each rouge type to a Score object.
        """
        if self._score_overridden():
            return self._max_over_targets(list(targets), prediction)
        return self._score_builtin(targets, prediction)

    def _score_builtin(self, targets, prediction):
        """``score_multi`` by the library (or the custom tokenizer's path)."""
        scorer = self._current()
        if scorer is None:
            return {}
        if self._custom is not None:
            return self._score_custom(list(targets), prediction)
        try:
            result = scorer.score_multi(targets, prediction)
        except UnicodeEncodeError:
            targets, prediction = _no_surrogates(list(targets)), _no_surrogates(prediction)
            result = scorer.score_multi(targets, prediction)
        if self._lcs_types and targets:
            result = self._integer_zeros(result, targets[0], prediction)
        return result

    def score_batch(self, targets, predictions):
        """``[score_multi(t, p) for t, p in zip(targets, predictions)]``, each
        target a text or a list of texts; with the built-in tokenizer on all
        cores (Rust, the GIL released)."""
        global _POOL_PID
        targets = [[t] if isinstance(t, str) else list(t) for t in targets]
        predictions = list(predictions)
        scorer = None if self._score_overridden() else self._current()
        if _POOL_PID not in (None, os.getpid()):
            scorer = None
        if scorer is None or self._custom is not None:
            if len(targets) != len(predictions):
                raise ValueError("score_batch: %d targets but %d predictions" % (len(targets), len(predictions)))
            empty = [i for i, t in enumerate(targets) if not t]
            if empty:
                raise ValueError("score_batch: targets[%d] is an empty list" % empty[0])
            return [self.score_multi(t, p) for t, p in zip(targets, predictions)]
        _POOL_PID = os.getpid()
        try:
            results = scorer.score_batch(targets, predictions)
        except UnicodeEncodeError:
            targets, predictions = _no_surrogates(targets), _no_surrogates(predictions)
            results = scorer.score_batch(targets, predictions)
        if self._lcs_types:
            results = [self._integer_zeros(r, t[0], p) for r, t, p in zip(results, targets, predictions)]
        return results

    def _sentences(self, text):
        if self._split_summaries:
            import nltk

            sentences = nltk.sent_tokenize(text)
        else:
            sentences = text.split("\n")
        return [s for s in sentences if len(s)]

    def _max_over_targets(self, targets, prediction):
        """rouge-score's ``score_multi``: ``self.score`` on each target, and
        per type the score with the highest F (the first on ties)."""
        if not targets:
            # As rouge-score's np.argmax over no scores.
            if not self._rouge_types:
                return {}
            raise ValueError("attempt to get argmax of an empty sequence")
        scores = [self.score(t, prediction) for t in targets]
        result = {}
        for name in self._rouge_types:
            best = 0
            for i, s in enumerate(scores):
                if s[name].fmeasure > scores[best][name].fmeasure:
                    best = i
            result[name] = scores[best][name]
        return result

    def _tokenized_pair(self, target, prediction):
        """``((tokens, tokens of each line) of target, same of prediction)``,
        the tokenizer called in rouge-score's ``score`` order: target,
        prediction, then the target's lines and the prediction's."""
        tokenize = self._custom.tokenize
        whole = self._names != ["rougeLsum"]
        target_tokens = list(tokenize(target)) if whole else []
        prediction_tokens = list(tokenize(prediction)) if whole else []
        target_lines, prediction_lines = [], []
        if "rougeLsum" in self._names:
            target_lines = [list(tokenize(s)) for s in self._sentences(target)]
            prediction_lines = [list(tokenize(s)) for s in self._sentences(prediction)]
        return (target_tokens, target_lines), (prediction_tokens, prediction_lines)

    def _score_custom(self, targets, prediction):
        if not targets:
            # As rouge-score's np.argmax over no scores.
            raise ValueError("attempt to get argmax of an empty sequence")
        pairs = [self._tokenized_pair(t, prediction) for t in targets]
        references = [reference for reference, _ in pairs]
        # rouge-score tokenizes the prediction once per target; the first is scored.
        candidate = pairs[0][1]
        try:
            values = _sumbench.score_tokenized(self._names, references, candidate)
        except TypeError:
            # Tokens of any hashable type, as rouge-score takes them: each distinct one
            # (by Python equality) as one string.
            references, candidate = _as_strings(references, candidate)
            values = _sumbench.score_tokenized(self._names, references, candidate)
        result = {}
        first = references[0]
        for name, value in zip(self._names, values):
            result[name] = scoring.Score(*value)
            if name == "rougeL" and value[2] == 0 and not (first[0] and candidate[0]):
                result[name] = scoring.Score(0, 0, 0)
            elif name == "rougeLsum" and value[2] == 0 and not (
                    any(first[1]) and any(candidate[1])):
                result[name] = scoring.Score(0, 0, 0)
        return result


def _as_strings(references, candidate):
    """The tokenized texts with each distinct token (a dict key: Python's
    hash and equality, as rouge-score's n-gram counts and LCS compare them)
    replaced by one string."""
    ids = {}

    def strings(tokens):
        return [ids.setdefault(t, str(len(ids))) for t in tokens]

    def text(tokenized):
        tokens, lines = tokenized
        return strings(tokens), [strings(line) for line in lines]

    return [text(r) for r in references], text(candidate)


def _create_ngrams(tokens, n):
    """The n-grams of ``tokens`` (tuples) with their counts."""
    return collections.Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def _score_ngrams(target_ngrams, prediction_ngrams):
    """ROUGE-N from two n-gram counters (clipped overlap)."""
    overlap = sum(min(count, prediction_ngrams[g]) for g, count in target_ngrams.items())
    target_total = sum(target_ngrams.values())
    prediction_total = sum(prediction_ngrams.values())
    precision = overlap / max(prediction_total, 1)
    recall = overlap / max(target_total, 1)
    return scoring.Score(precision=precision, recall=recall, fmeasure=scoring.fmeasure(precision, recall))


def _score_lcs(target_tokens, prediction_tokens):
    """ROUGE-L of two token lists; ``Score(0, 0, 0)`` (integers) when either is empty."""
    if not target_tokens or not prediction_tokens:
        return scoring.Score(precision=0, recall=0, fmeasure=0)
    length = _lcs_table(target_tokens, prediction_tokens)[-1][-1]
    precision = length / len(prediction_tokens)
    recall = length / len(target_tokens)
    return scoring.Score(precision=precision, recall=recall, fmeasure=scoring.fmeasure(precision, recall))


def _lcs_table(ref, can):
    """The dynamic-programming table of LCS lengths: ``t[i][j]`` is the
    length of the LCS of ``ref[:i]`` and ``can[:j]``."""
    table = [[0] * (len(can) + 1)]
    for r in ref:
        above = table[-1]
        row = [0]
        for j, c in enumerate(can):
            row.append(above[j] + 1 if r == c else max(above[j + 1], row[j]))
        table.append(row)
    return table


def _backtrack_norec(t, ref, can):
    """The indices into ``ref`` of one LCS, read back from table ``t``
    without recursion: on a mismatch, step back in ``can`` when that keeps a
    strictly longer LCS, else in ``ref``."""
    i, j = len(ref), len(can)
    found = []
    while i > 0 and j > 0:
        if ref[i - 1] == can[j - 1]:
            found.append(i - 1)
            i -= 1
            j -= 1
        elif t[i][j - 1] > t[i - 1][j]:
            j -= 1
        else:
            i -= 1
    found.reverse()
    return found


def lcs_ind(ref, can):
    """The indices into ``ref`` of one longest common subsequence with ``can``."""
    return _backtrack_norec(_lcs_table(ref, can), ref, can)


def _find_union(lcs_list):
    """The sorted union of lists of indices."""
    return sorted(set().union(*lcs_list))


def _union_lcs(ref, c_list):
    """The tokens of ``ref`` in the union of its LCS with each candidate
    sentence (Lin 2004, section 3.2), in order."""
    return [ref[i] for i in _find_union([lcs_ind(ref, c) for c in c_list])]


def _summary_level_lcs(ref_sent, can_sent):
    """Summary-level ROUGE-L (rougeLsum) of sentence token lists: each
    reference sentence's union LCS with the candidate sentences, each token
    counted at most as often as it occurs in both summaries."""
    if not ref_sent or not can_sent:
        return scoring.Score(precision=0, recall=0, fmeasure=0)
    m = sum(len(s) for s in ref_sent)
    n = sum(len(s) for s in can_sent)
    if not n or not m:
        return scoring.Score(precision=0, recall=0, fmeasure=0)
    left_r = collections.Counter(token for s in ref_sent for token in s)
    left_c = collections.Counter(token for s in can_sent for token in s)
    hits = 0
    for r in ref_sent:
        for token in _union_lcs(r, can_sent):
            if left_r[token] > 0 and left_c[token] > 0:
                hits += 1
                left_r[token] -= 1
                left_c[token] -= 1
    recall = hits / m
    precision = hits / n
    return scoring.Score(precision=precision, recall=recall, fmeasure=scoring.fmeasure(precision, recall))
