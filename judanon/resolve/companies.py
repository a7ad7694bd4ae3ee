"""Company words: a person span that is a company's name rather than a person's."""

from __future__ import annotations

import bisect
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from judanon import entities as E
from judanon.entities import Span
from judanon.resolve.candidates import words_of

#: Categories of organisations: their names are no persons' names.
COMPANY_LIKE = frozenset({E.PERSONNE_MORALE, E.ETABLISSEMENT})


def drop_company_words(text: str, spans: Sequence[Span], anchored_sources: Iterable[str] = (),
                       guess_sources: Iterable[str] = (),
                       body_evidence: Iterable[str] = (),
                       listed_sources: Iterable[str] = ()) -> Tuple[List[Span], frozenset]:
    """Person spans that are a company's name rather than a person's.

    Returns the spans kept and the ``(start, end)`` of person guesses confined to a
    company's name (no propagation from them: :func:`propagate`'s ``confined``).

    - Inside a company's name (``la société Lyonvergersport Training``), a person span
      that only a guessing detector (``guess_sources``, the neural one) proposed stays
      but does not spread to other occurrences; other detectors' person spans there
      spread as usual (``la société Jean Dupont``), and win over the company's span.
    - Elsewhere, a person span made only of words of a company's name in the same
      decision (``Training`` alone, after ``la société ... Training``) is dropped unless
      a person context anchors it there (``anchored_sources``: civilities, the party
      list). Words that a non-guessing detector found as a person inside the company's
      name do not count as company words.
    - A company span whose evidence is in ``body_evidence`` names a public body from a
      list (``URSSAF``, ``AGS-CGEA``): no person span inside it stays, but those of
      ``listed_sources`` (the case's party list).
    """
    companies = sorted((s.start, s.end) for s in spans if s.label in COMPANY_LIKE)
    if not companies:
        return list(spans), frozenset()
    anchored, guesses = frozenset(anchored_sources), frozenset(guess_sources)
    starts = [a for a, _ in companies]

    def company_at(s: Span) -> Optional[Tuple[int, int]]:
        i = bisect.bisect_right(starts, s.start) - 1
        while i >= 0 and companies[i][1] > s.start:
            if companies[i][0] <= s.start and s.end <= companies[i][1]:
                return companies[i]
            i -= 1
        return None

    bodies, parties = frozenset(body_evidence), frozenset(listed_sources)
    listed = {(s.start, s.end) for s in spans if s.label in COMPANY_LIKE and s.evidence in bodies}
    confined = set()
    gone_inside = set()
    person_inside: Dict[Tuple[int, int], List[Tuple[int, int]]] = {}
    for s in spans:
        if s.label != E.PERSONNE_PHYSIQUE:
            continue
        host = company_at(s)
        if host is None:
            continue
        if host in listed and s.source not in parties:
            gone_inside.add((s.start, s.end))
        elif s.source in guesses:
            confined.add((s.start, s.end))
        else:
            person_inside.setdefault(host, []).append((s.start, s.end))
    confined -= {p for spans_in in person_inside.values() for p in spans_in}
    words = set()
    for a, b in companies:
        inside = person_inside.get((a, b), ())
        for ws, we, w in words_of(text, a, b):
            if len(w) >= 2 and not any(ps <= ws and we <= pe for ps, pe in inside):
                words.add(w)
    gone = set()
    for s in spans:
        if s.label != E.PERSONNE_PHYSIQUE or s.source in anchored or company_at(s) is not None:
            continue
        parts = words_of(text, s.start, s.end)
        if parts and all(w in words for _, _, w in parts):
            gone.add((s.start, s.end))
    # a name dropped for one detector is dropped for all but the anchored ones
    kept = [s for s in spans
            if not (s.label == E.PERSONNE_PHYSIQUE and (s.start, s.end) in gone and s.source not in anchored)
            and not (s.label == E.PERSONNE_PHYSIQUE and (s.start, s.end) in gone_inside and s.source not in parties)]
    # a person's name found inside a company's name wins over it (``la société Jean Dupont``)
    persons = sorted((s.start, s.end) for s in kept if s.label == E.PERSONNE_PHYSIQUE)
    pstarts = [a for a, _ in persons]

    def holds_person(s: Span) -> bool:
        i = bisect.bisect_left(pstarts, s.end) - 1
        return i >= 0 and persons[i][1] > s.start if s.label in COMPANY_LIKE else False

    return [s for s in kept if not holds_person(s)], frozenset(confined)
