"""rouge-score's ``tokenize`` module: ``tokenize(text, stemmer)``.

Lowercases, replaces every character outside ``[a-z0-9]`` by a space, splits,
stems tokens longer than 3 characters with ``stemmer`` (when one is given) and
keeps the ``[a-z0-9]+`` tokens, as rouge-score 0.1.2 does. With no stemmer or
with NLTK's ``PorterStemmer()`` (rouge-score's, default mode) the tokens are
the Rust library's (``sumbench::rouge::tokenize``), which gives rouge-score's
bit for bit; another stemmer object's ``stem`` is called from Python on the
library's unstemmed tokens. Lone surrogates (``"\\ud800"``) are separators, as
rouge-score's regular expression makes them.
"""

import re

from sumbench import _sumbench

__all__ = [
    "NON_ALPHANUM_PATTERN",
    "NON_ALPHANUM_RE",
    "SPACES_PATTERN",
    "SPACES_RE",
    "VALID_TOKEN_PATTERN",
    "VALID_TOKEN_RE",
    "tokenize",
]

# rouge-score's module constants.
NON_ALPHANUM_PATTERN = r"[^a-z0-9]+"
NON_ALPHANUM_RE = re.compile(NON_ALPHANUM_PATTERN)
SPACES_PATTERN = r"\s+"
SPACES_RE = re.compile(SPACES_PATTERN)
VALID_TOKEN_PATTERN = r"^[a-z0-9]+$"
VALID_TOKEN_RE = re.compile(VALID_TOKEN_PATTERN)

_SURROGATES_RE = re.compile("[\ud800-\udfff]")


def without_surrogates(text):
    """``text`` with each lone surrogate replaced by a space (a separator for
    rouge-score's tokenizer); Rust strings cannot hold them."""
    return _SURROGATES_RE.sub(" ", text)


def _library_tokens(text, stem):
    try:
        return _sumbench.tokenize(text, stem)
    except UnicodeEncodeError:
        return _sumbench.tokenize(without_surrogates(text), stem)


def _is_default_porter(stemmer):
    """Whether ``stemmer`` is NLTK's ``PorterStemmer()`` in its default mode,
    the stemmer of rouge-score's ``DefaultTokenizer(use_stemmer=True)``."""
    kind = type(stemmer)
    return (kind.__name__ == "PorterStemmer" and kind.__module__ == "nltk.stem.porter"
            and getattr(stemmer, "mode", None) == "NLTK_EXTENSIONS")


def tokenize(text, stemmer):
    """Tokenize input text into a list of tokens (rouge-score's
    ``tokenize.tokenize``).

    Args:
      text: A text blob to tokenize.
      stemmer: An optional stemmer (an object with ``stem(word)``).

    Returns:
      A list of string tokens extracted from input text.
    """
    if stemmer is None or _is_default_porter(stemmer):
        return _library_tokens(text, stemmer is not None)
    tokens = [_ensure_str(stemmer.stem(x)) if len(x) > 3 else x for x in _library_tokens(text, False)]
    return [x for x in tokens if VALID_TOKEN_RE.match(x)]


def _ensure_str(value):
    """``six.ensure_str``, which rouge-score applies to each stem: bytes
    decoded as UTF-8, a string kept."""
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if not isinstance(value, str):
        raise TypeError("not expecting type '%s'" % type(value))
    return value
