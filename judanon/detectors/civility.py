"""Persons announced by a word before their name: a civility (``pan``, ``κ.``, ``Herr``)
or a role (``oskarżony``, ``ενάγων``), then one to ``max_words`` capitalized words.

Language-free: the words come from the pack. Each name word is its own span (first
names and surname are separate mentions, as the Label convention annotates them).
Matching of the announcing words ignores case and accents (Greek tonos and final
sigma included).
"""

from __future__ import annotations

from typing import Iterable, List, Sequence

import attrs
import regex

from judanon.entities import ANCHORED, PERSONNE_PHYSIQUE, Span
from judanon.text.normalize import fold_key
from judanon.errors import ArgumentError

__all__ = ["CivilityDetector"]

#: One name word: a capital and letters (``Kowalski``, ``Παπαδόπουλος``, ``O'Neill``,
#: ``Müller-Lüdenscheidt``), or a word in capitals.
_NAME_WORD = r"\p{Lu}[\p{L}\p{Mn}'’]*\p{L}(?:-\p{Lu}[\p{L}\p{Mn}'’]*\p{L})*"
_GAP = r"[ \t\u00a0\u202f]{1,3}"


@attrs.frozen(slots=True)
class CivilityDetector:
    """``civilities`` and ``roles`` announce a person; ``not_names`` (any case) are
    words that end the run (``Sąd``, ``Δικαστήριο``); ``label`` is the category of the
    name words (``personnePhysique``)."""

    civilities: Sequence[str] = attrs.field(converter=tuple)
    roles: Sequence[str] = attrs.field(default=(), converter=tuple)
    not_names: Iterable[str] = attrs.field(default=(), converter=frozenset)
    label: str = PERSONNE_PHYSIQUE
    max_words: int = 3
    name: str = "person-context"
    version: str = "1"
    #: A civility or a role word announces every name found (``Span.roles``).
    span_roles = frozenset({ANCHORED})
    _regex: "regex.Pattern" = attrs.field(init=False, repr=False)
    _not_names: frozenset = attrs.field(init=False, repr=False)
    _cues: frozenset = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self):
        from judanon.detectors.patterns import words

        cues = tuple(self.civilities) + tuple(self.roles)
        if not cues:
            raise ArgumentError("CivilityDetector needs at least one civility or role word")
        source = (words(cues) + _GAP + r"(?P<names>" + _NAME_WORD + r"(?:" + _GAP + _NAME_WORD
                  + r"){0,%d})" % (self.max_words - 1))
        object.__setattr__(self, "_regex", regex.compile(source))
        object.__setattr__(self, "_not_names", frozenset(fold_key(w) for w in self.not_names))
        object.__setattr__(self, "_cues", frozenset(fold_key(w) for w in cues))

    def audit_details(self) -> dict:
        return {"civilities": len(self.civilities), "roles": len(self.roles)}

    def detect(self, text: str) -> List[Span]:
        spans: List[Span] = []
        for m in self._regex.finditer(text, overlapped=False):
            start = m.start("names")
            found = False
            for word in regex.finditer(_NAME_WORD, m.group("names")):
                key = fold_key(word.group())
                if not found and key in self._cues:  # a role then a civility: "Zeuge Herr X"
                    continue
                if key in self._not_names or key in self._cues:
                    break
                found = True
                spans.append(Span(start=start + word.start(), end=start + word.end(), label=self.label,
                                  source=self.name, score=0.9, evidence="civility", specificity=2,
                                  roles=self.span_roles))
        return spans
