"""Candidates under resolution, and the words of a name that every resolution step reads."""

from __future__ import annotations

import functools
from typing import Dict, Iterable, List, Tuple

import attrs

from judanon import entities as E
from judanon.entities import Evidence, Span
from judanon.text import limits
from judanon.text.normalize import fold

#: Categories whose names propagate to every occurrence in the decision.
PERSON_LIKE = E.PERSON_CATEGORIES

PROPAGATION = "propagation"


@attrs.define(slots=True)
class Candidate:
    """A span under resolution (mutable while the policy runs)."""

    start: int
    end: int
    label: str
    specificity: int
    score: float
    evidence: List[Evidence]

    @property
    def sources(self) -> Tuple[str, ...]:
        return tuple(sorted({e.source for e in self.evidence}))


def merge_identical(spans: Iterable[Span]) -> List[Candidate]:
    merged: Dict[Tuple[int, int, str], Candidate] = {}
    for s in spans:
        key = (s.start, s.end, s.label)
        ev = Evidence(s.source, s.evidence, s.score)
        c = merged.get(key)
        if c is None:
            merged[key] = Candidate(s.start, s.end, s.label, s.specificity, s.score, [ev])
        else:
            c.specificity = max(c.specificity, s.specificity)
            c.score = max(c.score, s.score)
            if ev not in c.evidence:
                c.evidence.append(ev)
    return list(merged.values())


def rank(c: Candidate):
    """The overlap policy's order: specificity, then length, then offset, label, sources."""
    return (-c.specificity, -(c.end - c.start), c.start, c.label, c.sources)


#: Replacement characters that exports leave where an accented capital was (``¿ric``).
LOST_CAPITALS = "¿\ufffd"


def _starts_capitalized(s: str) -> bool:
    return s[:1].isupper() or (s[:1] in LOST_CAPITALS and s[1:2].isalpha())


def _is_name_like(surface: str) -> bool:
    letters = sum(ch.isalpha() for ch in surface)
    return letters >= 2 and _starts_capitalized(surface)
#: Words repeat across decisions ("Monsieur", "Le"): fold each spelling once.
fold_word = functools.lru_cache(maxsize=1 << 16)(fold)
#: Runs of word characters joined by single hyphens: no timeout.
NAME_WORD = limits.linear(r"[\w¿\ufffd]+(?:[-‐][\w¿\ufffd]+)*", name="name word")


def words_of(text: str, start: int, end: int) -> List[Tuple[int, int, str]]:
    return [(m.start(), m.end(), fold_word(m.group())) for m in NAME_WORD.finditer(text, start, end)]
