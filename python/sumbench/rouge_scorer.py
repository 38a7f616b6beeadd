"""rouge-score's ``rouge_scorer`` module, computed by sumbench in Rust.

``RougeScorer(rouge_types, use_stemmer=False, split_summaries=False)`` has
rouge-score 0.1.2's ``score(target, prediction)`` and
``score_multi(targets, prediction)``, returning ``{rouge_type: Score}`` with
the same values bit for bit, and ``score_batch(targets, predictions)``: many
pairs at once on all cores, with the GIL released (each target a text or a
list of texts, as ``score_multi``). Differences: an invalid rouge type is
refused when the scorer is made (same message); ``tokenizer=`` accepts
``None`` or rouge-score's own ``tokenizers.DefaultTokenizer`` (whose stemmer
then decides, as in rouge-score), no other tokenizer; zeros are floats where
rouge-score returns the integer 0 (equal values: ``0 == 0.0``).
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
"""

from sumbench._sumbench import RougeScorer

__all__ = ["RougeScorer"]
