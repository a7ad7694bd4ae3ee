"""The lines of a decision as zoning reads them (:class:`Lines`): headings, openers,
titles of court members and lines of names, tested on the folded text with a pack's
:class:`~judanon.text.zone_words.ZoneWords`; and the runs of lines naming the bench or
the signatures (:func:`member_runs`).
"""

from __future__ import annotations

from typing import List, Tuple

import regex

from judanon.text import limits
from judanon.text.normalize import fold
from judanon.text.zone_words import HEADING_TAIL, ZoneWords

__all__ = ["Lines", "member_runs", "MAX_TITLE_LINE_CHARS", "MAX_SIGNATURE_LINE_CHARS"]

_HEADING_TAIL_RE = regex.compile(HEADING_TAIL + r"$")
_PUNCTUATION_RE = regex.compile(r"[ \t]*[,:;(/\-\u2013]")
_COLON_RE = regex.compile(r"[ \t]*:")
#: Headings that open a zone whatever follows them on the line (``Moyen produit par ...``).
_OPENING_KEYS = frozenset({"annex"})
_LOWER_RE = regex.compile(r"\p{Ll}")
_SYMBOLS_RE = regex.compile(r"[^\p{L}\p{N}]+")
_DIGIT_RE = regex.compile(r"\d")
_WORD_RE = regex.compile(r"[\w'’.-]+")

#: Headings are short: a longer line is a paragraph, whatever it opens with.
_MAX_HEADING_CHARS = 300
#: A line of the bench or the signatures naming a court member is short; a longer one
#: is a sentence mentioning one (``Vu l'ordonnance du juge ...``), unless an opener
#: (``Nous,``, ``Sur le rapport de``) starts it.
MAX_TITLE_LINE_CHARS = 160
#: In the dispositif, a line with a title and over this is the court speaking
#: (``Le juge aux affaires familiales, statuant publiquement ...``), not a signature.
MAX_SIGNATURE_LINE_CHARS = 100
#: A line holding only a name, after a title (``Le greffier`` / ``Jeanne DURAND``).
_MAX_NAME_LINE_CHARS = 60
_MAX_NAME_LINE_WORDS = 6
_MAX_NAME_LINES = 2
#: Court, chamber and number lines of a header are short, and among its first lines.
_MAX_HEADER_LINE_CHARS = 120
_HEADER_LINES = 100


class Lines:
    """The non-blank lines of a normalized view, stripped, with the tests zoning needs."""

    def __init__(self, view: str, words: ZoneWords):
        self.text = view
        self.folded = fold(view)
        self.words = words
        self.spans: List[Tuple[int, int]] = []
        pos = 0
        for line in view.split("\n"):
            stripped = line.strip()
            if stripped:
                start = pos + (len(line) - len(line.lstrip()))
                self.spans.append((start, start + len(stripped)))
            pos += len(line) + 1

    def __len__(self) -> int:
        return len(self.spans)

    def heading(self, key: str, i: int) -> bool:
        """Whether line ``i`` is a heading of ``key`` (see :class:`ZoneWords`)."""
        pattern = self.words.pattern(key)
        s, e = self.spans[i]
        if pattern is None or e - s > _MAX_HEADING_CHARS:
            return False
        m = pattern.match(self.folded, s, e)
        if m is None:
            return False
        rest = m.start("rest")
        if (key in _OPENING_KEYS or _HEADING_TAIL_RE.match(self.folded, rest, e) is not None
                or self.text[e - 1] in ":," or _COLON_RE.match(self.folded, rest, e) is not None):
            return True
        if _LOWER_RE.search(self.text, s, rest) is not None:
            return False
        # a heading in capitals that goes on: ``EXPOSÉ DU LITIGE ET DES PRÉTENTIONS``,
        # ``FAITS ET PROCÉDURE ANTÉRIEURE`` (not ``PROCÉDURE ACCÉLÉRÉE``: one word may be a title)
        links = self.words.pattern("links")
        return (" " in m.group("phrase").strip() or _PUNCTUATION_RE.match(self.folded, rest, e) is not None
                or (links is not None and links.match(self.folded, rest, e) is not None))

    def opens(self, key: str, i: int) -> bool:
        pattern = self.words.pattern(key)
        return pattern is not None and pattern.match(self.folded, *self.spans[i]) is not None

    def has(self, key: str, i: int, max_chars: int) -> bool:
        pattern = self.words.pattern(key)
        s, e = self.spans[i]
        return pattern is not None and e - s <= max_chars and pattern.search(self.folded, s, e) is not None

    def names_only(self, i: int) -> bool:
        """A short line of capitalized words and short particles, without digits or colons."""
        s, e = self.spans[i]
        if e - s > _MAX_NAME_LINE_CHARS or ":" in self.text[s:e] or _DIGIT_RE.search(self.text, s, e):
            return False
        words = _WORD_RE.findall(self.text, s, e)
        return (0 < len(words) <= _MAX_NAME_LINE_WORDS and any(w[:1].isupper() for w in words)
                and all(w[:1].isupper() or len(w) <= 3 for w in words))

    def titled(self, i: int, max_chars: int = MAX_TITLE_LINE_CHARS) -> bool:
        """Whether short line ``i`` names a court member by title: the title opens the
        line (after an article: ``LE GREFFIER``) or follows a comma, a colon or a
        capitalized name (``Mme Jeanne Durand, présidente``, ``M. DURAND président``),
        not a word of the sentence (``communiqué au procureur``, ``ORDONNANCE DU CONSEILLER``)."""
        titles = self.words.pattern("titles")
        s, e = self.spans[i]
        if titles is None or e - s > max_chars:
            return False
        head = self.words.pattern("title_head")
        mixed_case = _LOWER_RE.search(self.text, s, e) is not None
        for m in titles.finditer(self.folded, s, e):
            before = self.text[s:m.start()].rstrip()
            if not before or before[-1] in ",:;-\u2013" or (head is not None and head.fullmatch(self.folded, s, m.start())):
                return True
            word = before.split()[-1]
            if mixed_case and word[:1].isupper() and word[-1:].isalpha():
                return True
        return False

    def member_line(self, opener_key: str, i: int, max_chars: int = MAX_TITLE_LINE_CHARS) -> bool:
        return self.opens(opener_key, i) or self.titled(i, max_chars)



def member_runs(lines: Lines, opener_key: str, lo: int, hi: int, names_after: bool = False,
                 max_chars: int = MAX_TITLE_LINE_CHARS) -> List[Tuple[int, int]]:
    """Runs of lines ``[i, j)`` naming court members: an opener or a line with a title,
    the lines with a title that follow and (``names_after``: signatures) up to two lines
    of names after them."""
    runs: List[Tuple[int, int]] = []
    i = lo
    while i < hi:
        if not lines.member_line(opener_key, i, max_chars):
            i += 1
            continue
        j, bare = i + 1, 0
        while j < hi:
            if lines.member_line(opener_key, j, max_chars):
                bare = 0
            elif names_after and bare < _MAX_NAME_LINES and lines.names_only(j):
                bare += 1
            else:
                break
            j += 1
        runs.append((i, j))
        i = j
    return runs



limits.timed_module_patterns(globals())
