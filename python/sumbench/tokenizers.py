"""rouge-score's ``tokenizers`` module: the ``Tokenizer`` base class and
``DefaultTokenizer``, whose tokens are the Rust library's (rouge-score's bit
for bit; see :mod:`sumbench.tokenize`).

``RougeScorer(tokenizer=...)`` accepts any object with ``tokenize(text)``
returning a list of strings, as rouge-score does.
"""

import abc

from sumbench import tokenize as _tokenize

__all__ = ["Tokenizer", "DefaultTokenizer"]


class Tokenizer(abc.ABC):
    """Abstract base class for a tokenizer.

    Subclasses of Tokenizer must implement the tokenize() method.
    """

    @abc.abstractmethod
    def tokenize(self, text):
        raise NotImplementedError("Tokenizer must override tokenize() method")


class DefaultTokenizer(Tokenizer):
    """rouge-score's default tokenizer: lowercase ``[a-z0-9]+`` words, stemmed
    by Porter (NLTK's, as rouge-score) with ``use_stemmer``."""

    def __init__(self, use_stemmer=False):
        """Constructor for DefaultTokenizer.

        Args:
          use_stemmer: boolean, indicating whether Porter stemmer should be used to
          strip word suffixes to improve matching.
        """
        self.use_stemmer = bool(use_stemmer)

    def tokenize(self, text):
        return _tokenize._library_tokens(text, self.use_stemmer)

    def __repr__(self):
        return "DefaultTokenizer(use_stemmer=%r)" % self.use_stemmer
