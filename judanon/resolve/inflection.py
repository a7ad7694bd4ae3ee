"""Inflected forms of one name: ``Kowalski``/``Kowalskiego``, ``Παπαδόπουλος``/
``Παπαδόπουλου``, ``Kazlauskas``/``Kazlausko`` are one person.

Language-free: a pack gives its declension *paradigms*, each a tuple of folded endings
that belong together (``("ski", "skiego", "skiemu", "skim")``; ``""`` is a bare stem;
the first ending is the nominative). Two name words are forms of one name when, once
folded, they split into the same stem and two endings of the same paradigm. Endings of
different paradigms are different names (``Kowalski`` and ``Kowalska`` are two persons).

A pack may say more with :class:`Declensions`: ``gender_forms`` pairs the nominative
endings of one family name (``("ski", "ska")``, ``("as", "iene", "aite")``): the forms of
the husband's, the wife's and the daughter's surname get the family's one letter, as
French spouses share their surname's (``M. [K] [R]``, ``Mme [L] [R]``), while their first
names and civilities tell the persons apart; ``places`` are paradigms of town names
(``Kraków``/``Krakowie``): a town named in two cases is one place.

:func:`propagate_inflections` finds the other case forms of a person's name in the text;
:func:`link_inflections` gives all the forms one link key (one replacement), with no
doubt: a declension is no guess. It also lifts the edit-distance doubt of
``resolve.link`` where the endings explain the difference (``Nowak``/``Nowaka``).
"""

from __future__ import annotations

from typing import Dict, FrozenSet, List, Mapping, Optional, Sequence, Tuple, Union

import attrs
import regex

from judanon.entities import LOCALITE, Evidence
from judanon.resolve.candidates import PERSON_LIKE, Candidate
from judanon.resolve.linking import link_key

__all__ = ["Declensions", "Paradigms", "forms_key", "declined_forms", "propagate_inflections", "link_inflections"]

Paradigms = Sequence[Sequence[str]]


def _paradigms(value) -> Tuple[Tuple[str, ...], ...]:
    return tuple(tuple(p) for p in value)


@attrs.frozen(slots=True)
class Declensions:
    """A pack's declension data (``Profile.inflections``): ``paradigms`` of name words,
    ``gender_forms`` (tuples of nominative endings of one family name), ``places``
    (paradigms of town names, for ``localite`` mentions)."""

    paradigms: Tuple[Tuple[str, ...], ...] = attrs.field(default=(), converter=_paradigms)
    gender_forms: Tuple[Tuple[str, ...], ...] = attrs.field(default=(), converter=_paradigms)
    places: Tuple[Tuple[str, ...], ...] = attrs.field(default=(), converter=_paradigms)
    #: Whether other case forms of a detected town are found wherever they stand; off when
    #: the pack's detectors already find towns in every case with their context (a form
    #: inside an organisation's name stays visible): the forms are then only linked.
    propagate_places: bool = True

    def __bool__(self) -> bool:
        return bool(self.paradigms or self.places)

    def families(self) -> Tuple[int, ...]:
        """Per paradigm, the index of the first paradigm of its family (paradigms whose
        nominatives one ``gender_forms`` tuple names are one family)."""
        family = list(range(len(self.paradigms)))

        def find(i: int) -> int:
            while family[i] != i:
                i = family[i]
            return i

        for endings in self.gender_forms:
            members = [i for i, p in enumerate(self.paradigms) if p and p[0] in endings]
            for i in members[1:]:
                a, b = find(members[0]), find(i)
                if a != b:
                    family[max(a, b)] = min(a, b)
        return tuple(find(i) for i in range(len(family)))


AnyDeclensions = Union[Declensions, Paradigms]


def declensions(value: AnyDeclensions) -> Declensions:
    """``value`` as :class:`Declensions` (plain paradigms are accepted)."""
    return value if isinstance(value, Declensions) else Declensions(value)
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


def declined_forms(table: Mapping[str, object], paradigms: Paradigms) -> Dict[str, object]:
    """``table`` (folded name -> value, as in a name lexicon) plus the other case forms of
    each name whose key ends in a paradigm's first ending (its nominative), with the name's
    value: a lexicon of nominatives then knows ``Tomaszem`` and ``Παπαδόπουλου``. A key the
    table already holds keeps its own value."""
    out: Dict[str, object] = dict(table)
    for key, value in table.items():
        for endings in paradigms:
            nominative = endings[0]
            if key.endswith(nominative) and len(key) - len(nominative) >= MIN_STEM:
                stem = key[: len(key) - len(nominative)]
                for ending in endings[1:]:
                    out.setdefault(stem + ending, value)
    return out


def propagate_inflections(text: str, candidates: List[Candidate], paradigms: AnyDeclensions) -> List[Candidate]:
    """``candidates`` plus every capitalized word of ``text`` that is another case form
    of a person's one-word name, or of a one-word town (``Declensions.places``), and
    overlaps no candidate."""
    decl = declensions(paradigms)
    if not decl:
        return candidates

    def pairs(key: str, place: bool):
        return forms_key(key, decl.places if place else decl.paradigms)

    known: Dict[Tuple[bool, int, str], Candidate] = {}
    for c in candidates:
        place = c.label == LOCALITE
        if place and not decl.propagate_places:
            continue
        if c.label in PERSON_LIKE or place:
            for i, stem in pairs(link_key(text[c.start:c.end]), place):
                known.setdefault((place, i, stem), c)
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
        key = link_key(m.group())
        source = next((known[(place, j, stem)] for place in (False, True) for j, stem in pairs(key, place)
                       if (place, j, stem) in known), None)
        if source is not None:
            what = "another form of a town found" if source.label == LOCALITE else "another form of a name found"
            added.append(Candidate(a, b, source.label, 1, source.score * 0.9,
                                   [Evidence(SOURCE, what, source.score * 0.9)]))
    if not added:
        return candidates
    return sorted(candidates + added, key=lambda c: (c.start, c.end))


def link_inflections(text: str, candidates: Sequence[Candidate], links: Sequence[Tuple[str, Optional[str]]],
                     paradigms: AnyDeclensions) -> List[Tuple[str, Optional[str]]]:
    """``links`` (``resolve.link``'s) where the forms of one name (case forms, and the
    gender forms of one family name) and the case forms of one town share the key of
    the first form met. No doubt is raised for them, and ``resolve.link``'s
    edit-distance doubt is lifted where the endings explain the difference."""
    decl = declensions(paradigms)
    if not decl:
        return list(links)
    families = decl.families()
    parent: Dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    def pairs(label: str, key: str):
        if label in PERSON_LIKE:
            return {("name", families[i], stem) for i, stem in forms_key(key, decl.paradigms)}
        if label == LOCALITE:
            return {("place", i, stem) for i, stem in forms_key(key, decl.places)}
        return set()

    by_pair: Dict[Tuple[str, tuple], str] = {}
    for c, (key, _) in zip(candidates, links):
        root = find(key)
        for pair in pairs(c.label, link_key(text[c.start:c.end])):
            other = by_pair.setdefault((c.label, pair), root)
            other_root = find(other)
            if other_root != root:
                parent[root] = other_root  # the first form met stays the representative
                root = other_root
    out = []
    for c, (key, doubt) in zip(candidates, links):
        target = find(key) if key in parent else key
        if doubt is not None:
            own = link_key(text[c.start:c.end])
            if own != key and pairs(c.label, own) & pairs(c.label, key):
                doubt = None  # "Nowaka" linked to "Nowak" by edit distance: a declension
        out.append((target, doubt))
    return out
