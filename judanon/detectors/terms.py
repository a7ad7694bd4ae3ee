"""A judge's extra terms for one decision: every occurrence of the terms to hide
(``also_hide``) and of those to keep visible (``keep_visible``).

Every variant of a term counts, as for the parties of a case (capitals, accents,
spacing, hyphens). A term that is a person's name (:func:`is_person_term`) is found as
the party list finds a party (:class:`~judanon.detectors.parties.PartyListDetector`:
the whole name, the surname alone, a capitalized first name alone, a typo) and is a
``personnePhysique``; any other term is found whole and is an
``annotationSupplementaire`` (Label's category of the judge's additional terms). The
case forms of a name (a pack's declensions) are found by resolution, which propagates
every person's name.

A term to keep visible is found whole, and, for a person's name, its surname alone
where written with a capital: never a first name alone, which may be another person's.

Evidence never holds a term: ``term:<n>:first``, ``term:<n>:surname`` or
``judge-terms#<n>`` (the term's place in its list).
"""

from __future__ import annotations

from typing import Callable, FrozenSet, Iterable, List, Optional, Sequence, Tuple

import attrs
import regex

from judanon.detectors.dictionary import DictionaryDetector
from judanon.detectors.parties import Party, PartyListDetector
from judanon.entities import ANNOTATION_SUPPLEMENTAIRE, PERSONNE_PHYSIQUE, Span
from judanon.errors import ArgumentTypeError
from judanon.text.lexicons import name_key

__all__ = ["TermDetector", "is_person_term", "NAME", "MIN_FIRST_NAME_LIKELIHOOD", "MAX_NAME_WORDS"]

#: The detector's name (the source of its spans in the audit trail).
NAME = "judge-terms"
#: How likely a first name the term's first word must be (the pack's lexicon).
MIN_FIRST_NAME_LIKELIHOOD = 0.3
#: A person's name holds at most this many words (particles included).
MAX_NAME_WORDS = 5

_WORD = regex.compile(r"[\w'’.-]+")


def is_person_term(term: str, first_name_likelihood: Optional[Callable[[str], float]],
                   particles: Iterable[str] = ()) -> bool:
    """Whether ``term`` reads as a person's name: at most :data:`MAX_NAME_WORDS` words, no
    digit, every word capitalized but the pack's surname ``particles`` (``de``, ``van``),
    and a first word that the pack's lexicon knows as a first name
    (``first_name_likelihood`` at least :data:`MIN_FIRST_NAME_LIKELIHOOD`: ``Marie
    Curie``, ``Kevin``, not ``Dunkerque`` nor ``Société Générale``). Without a lexicon
    (``None``), two capitalized words or more read as a name."""
    words = _WORD.findall(term)
    if not words or len(words) > MAX_NAME_WORDS or any(ch.isdigit() for ch in term):
        return False
    folded_particles = {name_key(p) for p in particles}
    if not all(w[:1].isupper() or name_key(w).rstrip("'’") in folded_particles for w in words):
        return False
    if not words[0][:1].isupper():
        return False
    if first_name_likelihood is None:
        return len(words) >= 2
    return first_name_likelihood(words[0]) >= MIN_FIRST_NAME_LIKELIHOOD


def _str_tuple(value: Iterable[str]) -> Tuple[str, ...]:
    return tuple(value)


def _str_frozenset(value: Iterable[str]) -> FrozenSet[str]:
    return frozenset(value)


@attrs.frozen(slots=True)
class TermDetector:
    """Finds ``terms`` in a text (see the module's documentation); ``keep=True`` finds
    the terms to keep visible (whole, or a person's surname alone), else the terms to
    hide. ``lexicon`` is the pack's name lexicon (``None``: none), ``particles`` and
    ``lead_particles`` its surname particles (``Profile.surname_particles``)."""

    terms: Tuple[str, ...] = attrs.field(converter=_str_tuple)
    lexicon: object = None
    particles: FrozenSet[str] = attrs.field(default=frozenset(), converter=_str_frozenset)
    lead_particles: FrozenSet[str] = attrs.field(default=frozenset(), converter=_str_frozenset)
    keep: bool = False
    name: str = NAME
    version: str = "1"

    @terms.validator
    def _strings(self, attribute, value):
        if not all(isinstance(t, str) and t.strip() for t in value):
            raise ArgumentTypeError("terms must be non-empty strings")

    def is_person(self, term: str) -> bool:
        likelihood = getattr(self.lexicon, "first_name_likelihood", None)
        return is_person_term(term, likelihood, self.particles)

    def detect(self, text: str) -> List[Span]:
        persons = [(n, t) for n, t in enumerate(self.terms) if self.is_person(t)]
        others = [(n, t) for n, t in enumerate(self.terms) if not self.is_person(t)]
        spans: List[Span] = []
        if self.keep:
            spans += self._dictionary([(t, ANNOTATION_SUPPLEMENTAIRE) for t in self.terms], capital=False).detect(text)
            surnames = [(" ".join(Party.parse(t, self.particles).surname), PERSONNE_PHYSIQUE) for _, t in persons]
            surnames = [s for s in surnames if s[0]]
            if surnames:
                spans += self._dictionary(surnames, capital=True).detect(text)
            return spans
        for n, term in persons:
            found = PartyListDetector([term], name=self.name, lexicon=self.lexicon, particles=self.particles,
                                      lead_particles=self.lead_particles).detect(text)
            spans += [attrs.evolve(s, evidence=s.evidence.replace("party:0:", f"term:{n}:")) for s in found]
        if others:
            found = self._dictionary([(t, ANNOTATION_SUPPLEMENTAIRE) for _, t in others], capital=False).detect(text)
            index = [n for n, _ in others]
            spans += [attrs.evolve(s, evidence=_renumbered(s.evidence, index)) for s in found]
        return spans

    def _dictionary(self, entries, capital: bool) -> DictionaryDetector:
        return DictionaryDetector(entries, name=self.name, evidence="index", require_capital=capital,
                                  common_word=None)

    def audit_details(self) -> dict:
        return {"terms": str(len(self.terms)), "keep": str(self.keep)}


def _renumbered(evidence: str, index: Sequence[int]) -> str:
    """``judge-terms#<k>`` of the k-th term to hide that is no name, as its place in the
    whole list."""
    name, _, k = evidence.rpartition("#")
    return f"{name}#{index[int(k)]}" if k.isdigit() and int(k) < len(index) else evidence
