"""Propagation: a name found once is found at every occurrence in the decision; and the
one-word guesses that the decision itself writes in lowercase are dropped."""

from __future__ import annotations

import bisect
from typing import Dict, List, Sequence, Tuple

from judanon import entities as E
from judanon.entities import GUESS, Evidence, Span
from judanon.resolve.candidates import (LOST_CAPITALS, NAME_WORD, PERSON_LIKE, PROPAGATION, Candidate, fold_word,
                                        rank)
from judanon.text import limits
from judanon.text.normalize import fold
from judanon.text.shared import shared


def _starts_capitalized(s: str) -> bool:
    return s[:1].isupper() or (s[:1] in LOST_CAPITALS and s[1:2].isalpha())


def _is_name_like(surface: str) -> bool:
    letters = sum(ch.isalpha() for ch in surface)
    return letters >= 2 and _starts_capitalized(surface)


# The capitalized words are the decision's shared analysis (judanon.text.shared).
# Runs of one class: no timeout.
_FIRST_WORD = limits.linear(r"[^\s\-'’]*", name="propagation first word")
_WORD_CONTINUES = limits.linear(r"[\w¿\ufffd-]", name="propagation word continues")

#: A guess (specificity 1) seen by one detector propagates only when that sure of itself.
PROPAGATION_MIN_SCORE = 0.9


def _propagates(c: Candidate) -> bool:
    """Only well-founded mentions propagate: one wrong guess must not spread."""
    return c.specificity >= 2 or c.score >= PROPAGATION_MIN_SCORE or len(c.sources) >= 2


def propagate(text: str, accepted: List[Candidate], confined: frozenset = frozenset()) -> List[Candidate]:
    """Find every other occurrence of a detected name (case- and accent-insensitive).

    A name found once is replaced at every occurrence. New mentions take the label
    of the detected mention and record ``propagation`` as their source. Only
    well-founded mentions propagate: a context rule or exact list entry, two detectors
    agreeing, or a guess scored at least ``PROPAGATION_MIN_SCORE``. An
    occurrence must start with a capital letter: names are capitalized, common
    words mostly are not. A guess in ``confined`` (``(start, end)`` pairs, see
    :func:`drop_company_words`) spreads only when another detector saw it too.
    Occurrences found never overlap one another (the first met, longest form first,
    wins).
    """
    forms: Dict[str, Candidate] = {}
    for c in accepted:
        if c.label not in PERSON_LIKE or not _propagates(c):
            continue
        if (c.start, c.end) in confined and len(c.sources) < 2:
            continue
        surface = text[c.start:c.end]
        if not _is_name_like(surface):
            continue
        key = fold(surface)
        best = forms.get(key)
        if best is None or rank(c) < rank(best):
            forms[key] = c
    if not forms:
        return accepted
    # Only capitalized words can start an occurrence: look at those alone, folding
    # each candidate (folding is length-preserving, so offsets stay exact).
    by_first: Dict[str, List[str]] = {}
    for f in sorted(forms, key=len, reverse=True):
        by_first.setdefault(_FIRST_WORD.match(f).group(), []).append(f)
    starts = [c.start for c in accepted]
    out = list(accepted)
    n = len(text)
    last_end = 0  # occurrences found never overlap one another
    for a, e in shared(text).capitalized:
        candidates = by_first.get(fold_word(text[a:e]))
        if not candidates:
            continue
        if a < last_end:
            continue
        form = next((f for f in candidates if fold(text[a:a + len(f)]) == f
                     and (a + len(f) == n or not _WORD_CONTINUES.match(text, a + len(f)))), None)
        if form is None:
            continue
        b = a + len(form)
        i = bisect.bisect_right(starts, a)
        if i > 0 and accepted[i - 1].end > a:
            continue
        if i < len(accepted) and accepted[i].start < b:
            continue
        origin = forms[form]
        last_end = b
        out.append(
            Candidate(a, b, origin.label, 1, origin.score,
                      [Evidence(PROPAGATION, "same surface as a detected " + origin.label, origin.score)])
        )
    out.sort(key=lambda c: (c.start, c.end))
    return out


#: Starts only at a word's start, and gives back letters of one word at most: no timeout.
_LOWERCASE_WORD = limits.linear(r"(?<![\w¿\ufffd'’-])\p{Ll}[\p{L}\p{M}]*(?:[-‐]\p{L}+)*(?![\w¿\ufffd])",
                                name="propagation lowercase word")


def drop_lowercase_guesses(text: str, spans: Sequence[Span]) -> List[Span]:
    """A one-word person guess that the decision itself writes in lowercase elsewhere
    (``Absent`` at a line start, ``absent`` in a sentence) is a common word, not a name:
    dropped when only spans declared a :data:`~judanon.entities.GUESS` proposed it. A
    name that is also a word (``M. Petit``) is still found by the rules and spreads from
    there.
    """
    by_span: Dict[Tuple[int, int], List[Span]] = {}
    for s in spans:
        by_span.setdefault((s.start, s.end), []).append(s)
    suspects = [key for key, group in by_span.items()
                if all(GUESS in s.roles and s.label == E.PERSONNE_PHYSIQUE for s in group)
                and NAME_WORD.fullmatch(text, *key)]
    if not suspects:
        return list(spans)
    lowercase = {m.group() for m in _LOWERCASE_WORD.finditer(text)}
    gone = {key for key in suspects if text[key[0]:key[1]].lower() in lowercase}
    return [s for s in spans if (s.start, s.end) not in gone] if gone else list(spans)
