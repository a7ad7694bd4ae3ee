"""Company words: a person span that is a company's name rather than a person's."""

from __future__ import annotations

import bisect
from typing import Dict, List, Optional, Sequence, Set, Tuple

from judanon import entities as E
from judanon.entities import ANCHORED, GUESS, PARTY, PUBLIC_BODY, Span
from judanon.resolve.candidates import words_of

#: Categories of organisations: their names are no persons' names.
COMPANY_LIKE = frozenset({E.PERSONNE_MORALE, E.ETABLISSEMENT})
#: Roles that vouch for a person's name made of a company's words (``Span.roles``).
VOUCHED = frozenset({ANCHORED, PARTY})
#: Roles that, together at one place, make a listed public body's word a person's name.
PROVEN_IN_BODY = frozenset({ANCHORED, PARTY})


def drop_company_words(text: str, spans: Sequence[Span]) -> Tuple[List[Span], frozenset]:
    """Person spans that are a company's name rather than a person's, read from what the
    spans declare (``Span.roles``).

    Returns the spans kept and the ``(start, end)`` of person guesses confined to a
    company's name (no propagation from them: :func:`propagate`'s ``confined``).

    - Inside a company's name (``la société Lyonvergersport Training``), a person span
      declared a :data:`~judanon.entities.GUESS` (the neural tagger's) stays but does not
      spread to other occurrences; other person spans there spread as usual (``la
      société Jean Dupont``), and win over the company's span.
    - Elsewhere, a person span made only of words of a company's name in the same
      decision (``Training`` alone, after ``la société ... Training``) is dropped unless
      it is :data:`~judanon.entities.ANCHORED` (a civility, a role word) or a
      :data:`~judanon.entities.PARTY`'s name. Words that a span other than a guess found
      as a person inside the company's name do not count as company words.
    - A company span declared :data:`~judanon.entities.PUBLIC_BODY` names a public body
      from a list (``URSSAF``, ``AGS-CGEA``): no person span inside it stays, unless both
      a context in the text anchors that person there and the party list names it
      (``Mme ARS`` of a party ``Agnès ARS``, beside ``l'ARS Bretagne``).
    """
    companies = sorted((s.start, s.end) for s in spans if s.label in COMPANY_LIKE)
    if not companies:
        return list(spans), frozenset()
    starts = [a for a, _ in companies]

    def company_at(s: Span) -> Optional[Tuple[int, int]]:
        i = bisect.bisect_right(starts, s.start) - 1
        while i >= 0 and companies[i][1] > s.start:
            if companies[i][0] <= s.start and s.end <= companies[i][1]:
                return companies[i]
            i -= 1
        return None

    listed = {(s.start, s.end) for s in spans if s.label in COMPANY_LIKE and PUBLIC_BODY in s.roles}
    confined = set()
    gone_inside = set()
    person_inside: Dict[Tuple[int, int], List[Tuple[int, int]]] = {}
    hosts = [(s, company_at(s)) for s in spans if s.label == E.PERSONNE_PHYSIQUE]
    proven = _proven_in_bodies(hosts, listed)
    for s, host in hosts:
        if host is None:
            continue
        if host in listed and (s.start, s.end) not in proven:
            gone_inside.add((s.start, s.end))
        elif GUESS in s.roles:
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
    for s, host in hosts:
        if s.roles & VOUCHED or host is not None:
            continue
        parts = words_of(text, s.start, s.end)
        if parts and all(w in words for _, _, w in parts):
            gone.add((s.start, s.end))
    # a name dropped for one detector is dropped for all but the anchored ones
    kept = [s for s in spans
            if not (s.label == E.PERSONNE_PHYSIQUE and (s.start, s.end) in gone and not s.roles & VOUCHED)
            and not (s.label == E.PERSONNE_PHYSIQUE and (s.start, s.end) in gone_inside)]
    # a person's name found inside a company's name wins over it (``la société Jean Dupont``)
    persons = sorted((s.start, s.end) for s in kept if s.label == E.PERSONNE_PHYSIQUE)
    pstarts = [a for a, _ in persons]

    def holds_person(s: Span) -> bool:
        i = bisect.bisect_left(pstarts, s.end) - 1
        return i >= 0 and persons[i][1] > s.start if s.label in COMPANY_LIKE else False

    return [s for s in kept if not holds_person(s)], frozenset(confined)


def _proven_in_bodies(hosts, listed) -> Set[Tuple[int, int]]:
    """The ``(start, end)`` of person spans inside a listed public body's name that both
    a context in the text (:data:`ANCHORED`) and the party list (:data:`PARTY`) declare,
    each span adding what it declares."""
    roles: Dict[Tuple[int, int], Set[str]] = {}
    for s, host in hosts:
        if host in listed:
            roles.setdefault((s.start, s.end), set()).update(s.roles)
    return {key for key, declared in roles.items() if PROVEN_IN_BODY <= declared}
