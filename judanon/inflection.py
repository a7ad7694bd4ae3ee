"""Inflected forms of one name: ``Kowalski``/``Kowalskiego``, ``Παπαδόπουλος``/
``Παπαδόπουλου``, ``Kazlauskas``/``Kazlausko`` are one person.

Language-free: a pack gives its declension *paradigms*, each a tuple of folded endings
that belong together (``("ski", "skiego", "skiemu", "skim")``; ``""`` is a bare stem).
Two name words are forms of one name when, once folded, they split into the same stem
and two endings of the same paradigm. Endings of different paradigms never link
(``Kowalski`` and ``Kowalska`` are two persons).

:func:`propagate_inflections` finds the other forms of a person's name in the text;
:func:`link_inflections` gives all the forms one link key (one replacement).
"""

from __future__ import annotations

from typing import Dict, FrozenSet, List, Optional, Sequence, Tuple

import regex

from .entities import Evidence
from .resolve import PERSON_LIKE, Candidate, link_key

__all__ = ["Paradigms", "forms_key", "propagate_inflections", "link_inflections"]

Paradigms = Sequence[Sequence[str]]
#: A stem shorter than this links nothing (``Ola``/``Ole`` are not one name).
MIN_STEM = 3
SOURCE = "inflection"
_WORD = regex.compile(r"(?<![\p{L}\p{Mn}])\p{Lu}[\p{L}\p{Mn}]+(?![\p{L}\p{Mn}'’-])")


def forms_key(key: str, paradigms: Paradigms) -> FrozenSet[Tuple[int, str]]:
    """The ``(paradigm, stem)`` pairs a folded one-word ``key`` can be a form of."""
    if not key or " " in key:
        return frozenset()
    out = set()
    for i, endings in enumerate(paradigms):
        for ending in endings:
            if key.endswith(ending) and len(key) - len(ending) >= MIN_STEM:
                out.add((i, key[: len(key) - len(ending)]))
    return frozenset(out)


def propagate_inflections(text: str, candidates: List[Candidate], paradigms: Paradigms) -> List[Candidate]:
    """``candidates`` plus every capitalized word of ``text`` that is another form of a
    person's one-word name (and overlaps no candidate)."""
    if not paradigms:
        return candidates
    known: Dict[Tuple[int, str], Candidate] = {}
    for c in candidates:
        if c.label in PERSON_LIKE:
            for pair in forms_key(link_key(text[c.start:c.end]), paradigms):
                known.setdefault(pair, c)
    if not known:
        return candidates
    taken = sorted((c.start, c.end) for c in candidates)
    starts = [a for a, _ in taken]
    import bisect

    added: List[Candidate] = []
    for m in _WORD.finditer(text):
        a, b = m.span()
        i = bisect.bisect_left(starts, b)
        if i and taken[i - 1][1] > a:
            continue
        for pair in forms_key(link_key(m.group()), paradigms):
            source = known.get(pair)
            if source is not None:
                added.append(Candidate(a, b, source.label, 1, source.score * 0.9,
                                       [Evidence(SOURCE, "another form of a name found", source.score * 0.9)]))
                break
    if not added:
        return candidates
    return sorted(candidates + added, key=lambda c: (c.start, c.end))


def link_inflections(text: str, candidates: Sequence[Candidate], links: Sequence[Tuple[str, Optional[str]]],
                     paradigms: Paradigms) -> List[Tuple[str, Optional[str]]]:
    """``links`` (``resolve.link``'s) where the forms of one name share the key of the
    first form met; a doubt says the link was made from the endings."""
    if not paradigms:
        return list(links)
    parent: Dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    by_pair: Dict[Tuple[str, Tuple[int, str]], str] = {}
    for c, (key, _) in zip(candidates, links):
        if c.label not in PERSON_LIKE:
            continue
        root = find(key)
        for pair in forms_key(link_key(text[c.start:c.end]), paradigms):
            other = by_pair.setdefault((c.label, pair), root)
            other_root = find(other)
            if other_root != root:
                parent[root] = other_root  # the first form met stays the representative
                root = other_root
    out = []
    for c, (key, doubt) in zip(candidates, links):
        target = find(key) if key in parent else key
        if target != key and doubt is None:
            doubt = "inflected form linked"
        out.append((target, doubt))
    return out
