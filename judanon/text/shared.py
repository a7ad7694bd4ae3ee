"""One decision's text with the analyses its readers share, each computed once.

Every detector, resolution, the doubts and the audit of one decision read the same few
analyses of its text: the lowercased and folded forms, the word tokens, the capitalized
words. The pipeline hands them a :class:`SharedText`, a ``str`` (so that a detector
written for plain text, ``detect(text)``, works unchanged) that computes each analysis
the first time it is read and keeps it for the next reader.

A reader calls :func:`shared` on the text it was given: the same object when the
pipeline passed a :class:`SharedText`, a fresh one around a plain ``str`` (a detector
called on its own). Analyses are read-only values; slicing a shared text gives a plain
``str``. A shared text lives for one decision: the pipeline never stores it in a result.
"""

from __future__ import annotations

import functools
import re
from itertools import accumulate
from typing import List, Tuple

import regex

from judanon.text.limits import linear
from judanon.text.markers import MARKER_RE
from judanon.text.normalize import ZERO_WIDTH, fold

__all__ = ["SharedText", "shared", "split_words", "Words"]

_ZW = "[" + ZERO_WIDTH + "]"
_MARKS = "\u0300-\u036f"
# Letters and digits; zero-width characters and combining accents stay inside a word.
# Each is one character class repeated (with marks and invisible characters inside): no
# backtracking, no timeout, and the stdlib splits fastest.
_SPLIT_SIMPLE = linear(re.compile(r"([^\W_]+)"), name="word split")
_SPLIT_FULL = linear(re.compile(rf"([^\W_][{_MARKS}]*(?:{_ZW}*[^\W_][{_MARKS}]*)*)"), name="word split, marks")
_NEEDS_FULL = linear(re.compile(rf"{_ZW}|[{_MARKS}]"), name="word split, marks test")
#: A capitalized word as resolution reads one (``Dupont``, ``¿ric``): a capital (or a
#: letter lost to a bad encoding) not inside a word, then the rest of the word. A lookbehind,
#: a class and a run of one class that nothing follows: it cannot backtrack.
_CAPITALIZED_WORD = linear(regex.compile(r"(?<![\w'’-])[\p{Lu}¿\ufffd][\w¿\ufffd]*"), name="capitalized word")

#: Word tokens and their offsets: ``(raws, cum)``, token ``k`` spans ``cum[2k]:cum[2k+1]``.
Words = Tuple[List[str], List[int]]


def split_words(text: str) -> Words:
    """Word tokens of ``text`` and cumulative offsets: token ``k`` spans
    ``cum[2k]:cum[2k+1]``. One ``re.split`` call: much faster than ``finditer``."""
    pattern = _SPLIT_FULL if _NEEDS_FULL.search(text) else _SPLIT_SIMPLE
    parts = pattern.split(text)
    return parts[1::2], list(accumulate(map(len, parts)))


class SharedText(str):
    """A decision's text (a ``str``) and its analyses, computed on first use and kept.

    - :attr:`lowered`: ``text.lower()`` (its length may differ from the text's);
    - :attr:`folded`: :func:`judanon.text.normalize.fold` of the text (same length);
    - :attr:`words`: the word tokens and their offsets (:func:`split_words`);
    - :attr:`word_starts`, :attr:`word_ends`: the offsets of each word token;
    - :attr:`name_cased`: the indices of the word tokens written with a capital first;
    - :attr:`markers`: the ``(start, end)`` of its publication markers (:mod:`judanon.text.markers`);
    - :attr:`capitalized`: the ``(start, end)`` of the capitalized words, as resolution
      reads them (a capital not inside a word, ``d'Artagnan`` has none).
    """

    @functools.cached_property
    def lowered(self) -> str:
        return str.lower(self)

    @functools.cached_property
    def folded(self) -> str:
        return fold(str(self))

    @functools.cached_property
    def words(self) -> Words:
        return split_words(str(self))

    @functools.cached_property
    def word_starts(self) -> List[int]:
        return self.words[1][0::2]

    @functools.cached_property
    def word_ends(self) -> List[int]:
        return self.words[1][1::2]

    @functools.cached_property
    def name_cased(self) -> List[int]:
        return [k for k, raw in enumerate(self.words[0]) if raw[0].isupper()]

    @functools.cached_property
    def markers(self) -> Tuple[Tuple[int, int], ...]:
        return tuple(m.span() for m in MARKER_RE.finditer(str(self)))

    @functools.cached_property
    def capitalized(self) -> List[Tuple[int, int]]:
        return [m.span() for m in _CAPITALIZED_WORD.finditer(str(self))]

    def __reduce__(self):  # a copy is the text: analyses are computed again where needed
        return (str, (str(self),))


def shared(text: str) -> SharedText:
    """``text`` with its shared analyses: itself when it is a :class:`SharedText`."""
    return text if isinstance(text, SharedText) else SharedText(text)
