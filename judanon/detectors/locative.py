"""Towns named in the locative: after a locative preposition (``w Krakowie``, ``we
Wrocławiu``, ``v Ljubljani``, ``în București``) or, in a language whose locative case
needs no preposition, by a locative ending (``Vilniuje``, ``Klaipėdoje``).

Language-free: the prepositions, endings and the words that are no town come from the
pack. A town is one to ``max_words`` name-cased words (``w Zielonej Górze``); it is
refused when its first word is no town (a country, an institution: ``w Polsce``, ``w
Sądzie``), a first name of the pack's lexicon, or is written in
lowercase elsewhere in the text (a common word there). A town after the name of a
court or an authority (``Sąd Okręgowy w Krakowie``: one of ``seat_words`` among the
three words before the preposition) is the court's seat, public: it is not reported.
"""

from __future__ import annotations

from typing import Callable, Iterable, List, Optional, Sequence

import attrs
import regex

from judanon.entities import LOCALITE, Span
from judanon.text.limits import compile as timed_compile, timed_module_patterns
from judanon.text.normalize import fold_key
from judanon.text.lexicons import name_key as _folded_word  # fold_key, cached: words repeat
from judanon.errors import ArgumentError

__all__ = ["LocativeDetector", "seat_patterns"]

_NAME_WORD = r"\p{Lu}[\p{L}\p{Mn}]*\p{L}(?:-\p{Lu}[\p{L}\p{Mn}]*\p{L})*"
_GAP = r"[ \t\u00a0\u202f]{1,3}"
_WORD = regex.compile(r"[\p{L}\p{Mn}]+")
_NAME_WORD_RE = regex.compile(_NAME_WORD)


@attrs.frozen(slots=True)
class LocativeDetector:
    """``prepositions`` (any case) before a town; ``endings`` (folded) of a town in the
    locative without preposition; ``not_places`` (any case) are no town; ``seat_words``
    (any case) before the preposition make the town an institution's public seat;
    ``lexicon`` (a :class:`judanon.text.lexicons.NameLexicon`) refuses its first names."""

    prepositions: Sequence[str] = attrs.field(default=(), converter=tuple)
    endings: Sequence[str] = attrs.field(default=(), converter=tuple)
    not_places: Iterable[str] = attrs.field(default=(), converter=frozenset, repr=False)
    seat_words: Iterable[str] = attrs.field(default=(), converter=frozenset, repr=False)
    lexicon: Optional[object] = attrs.field(default=None, eq=False, repr=False)
    #: ``common_word(folded word) -> bool``: the language writes it in lowercase (no town).
    common_word: Optional[Callable[[str], bool]] = attrs.field(default=None, eq=False, repr=False)
    label: str = LOCALITE
    max_words: int = 2
    name: str = "locative"
    version: str = "1"
    _after: Optional[object] = attrs.field(init=False, repr=False, eq=False)
    _ending: Optional[object] = attrs.field(init=False, repr=False, eq=False)
    _not_places: frozenset = attrs.field(init=False, repr=False, eq=False)
    _seats: frozenset = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self):
        from judanon.detectors.patterns import words

        if not self.prepositions and not self.endings:
            raise ArgumentError("LocativeDetector needs prepositions or locative endings")
        after = None
        if self.prepositions:
            after = timed_compile(words(self.prepositions) + _GAP + r"(?P<town>" + _NAME_WORD
                                  + r"(?:" + _GAP + _NAME_WORD + r"){0,%d})" % (self.max_words - 1))
        ending = timed_compile(r"(?<![\p{L}\p{Mn}])" + _NAME_WORD + r"(?![\p{L}\p{Mn}])") if self.endings else None
        object.__setattr__(self, "_after", after)
        object.__setattr__(self, "_ending", ending)
        object.__setattr__(self, "_not_places", frozenset(fold_key(w) for w in self.not_places))
        object.__setattr__(self, "_seats", frozenset(fold_key(w) for w in self.seat_words))

    def audit_details(self) -> dict:
        return {"prepositions": len(self.prepositions), "endings": len(self.endings),
                "not_places": len(self.not_places)}

    def _town_word(self, word: str, lowercase_here: frozenset) -> bool:
        key = fold_key(word)
        if len(key) < 3 or key in self._not_places or key in lowercase_here:
            return False
        if self.common_word is not None and self.common_word(key):
            return False
        if word.isupper() and len(word) <= 3:
            return False  # an acronym
        # a first name after the preposition is a person (the lexicon's common-word flag
        # is no help here: it flags the best-known towns, frequent words in any corpus)
        return self.lexicon is None or not self.lexicon.is_first_name(word)

    def _seat(self, text: str, start: int) -> bool:
        before = _WORD.findall(text[max(0, start - 60):start])[-3:]
        return any(fold_key(w) in self._seats for w in before)

    def detect(self, text: str) -> List[Span]:
        from judanon.detectors.matching import starts_sentence

        lowercase_here = frozenset(map(_folded_word, {w for w in _WORD.findall(text) if w.islower()}))
        spans: List[Span] = []
        taken = set()
        if self._after is not None:
            for m in self._after.finditer(text):
                start = m.start("town")
                end = None
                for word in _NAME_WORD_RE.finditer(m.group("town")):
                    if not self._town_word(word.group(), lowercase_here):
                        break
                    end = start + word.end()
                if end is None or self._seat(text, m.start()):
                    continue
                taken.add(start)
                spans.append(Span(start, end, self.label, self.name, score=0.85,
                                  evidence="after a locative preposition", specificity=2))
        if self._ending is not None:
            for m in self._ending.finditer(text):
                word = m.group()
                if m.start() in taken or not fold_key(word).endswith(tuple(self.endings)):
                    continue
                if starts_sentence(text, m.start()) or not self._town_word(word, lowercase_here):
                    continue
                if self._seat(text, m.start()):
                    continue
                spans.append(Span(m.start(), m.end(), self.label, self.name, score=0.8,
                                  evidence="locative ending", specificity=1))
        return sorted(spans, key=lambda s: (s.start, s.end))


def seat_patterns(seat_words: Sequence[str] = (), connectors: Sequence[str] = (),
                  seat_words_after: Sequence[str] = (), name: str = "public_seat") -> tuple:
    """``Pattern`` values (for ``Profile.visible_places``) of the seat in a court's or
    authority's name, which stays visible wherever it was found: after one of
    ``seat_words``, the run of name-cased words, numbers and ``connectors`` that follows
    (``Sąd Okręgowy w Krakowie``, ``Curtea de Apel București``, ``Judecătoria Sectorului 1
    București``); before one of ``seat_words_after``, the name-cased word (``Vilniaus
    apygardos teismas``)."""
    from judanon.detectors.regex import Pattern
    from judanon.detectors.patterns import words

    out = []
    if seat_words:
        item = r"(?:" + _NAME_WORD + r"|\d{1,3}" + (r"|" + words(connectors) if connectors else "") + r")"
        source = words(seat_words) + _GAP + r"(?P<town>" + item + r"(?:" + _GAP + item + r"){0,5})"
        out.append(Pattern(name, LOCALITE, regex.compile(source), group="town", specificity=2))
    if seat_words_after:
        source = (r"(?<![\p{L}\p{Mn}])(?P<town>" + _NAME_WORD + r")" + _GAP + words(seat_words_after))
        out.append(Pattern(name + "_before", LOCALITE, regex.compile(source), group="town", specificity=2))
    return tuple(out)


# Every regex of this module runs under the decision's time budget (judanon.text.limits).
timed_module_patterns(globals())
