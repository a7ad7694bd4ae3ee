"""The parties of a case, known from its metadata, found in every variant.

:class:`PartyListDetector` matches each first name and the surname of every party:
any case, missing accents, spacing and hyphen variants, typos, a surname alone.
"""

from __future__ import annotations

from typing import Callable, Iterable, List, Optional, Sequence, Tuple, Union

import attrs

from judanon.detectors.matching import (DictionaryError, Entry, Matcher, check_evidence, default_max_edits,
                                        entry_keys, matcher_spans)
from judanon.entities import PARTY, PERSONNE_PHYSIQUE, Span
from judanon.text.lexicons import LexiconSource, lexicon_of, name_key

__all__ = ["Party", "PartyLike", "PartyListDetector"]

@attrs.frozen(slots=True)
class Party:
    """A party's name split into first names and surname parts, as written."""

    first_names: Tuple[str, ...] = attrs.field(converter=tuple)
    surname: Tuple[str, ...] = attrs.field(converter=tuple)

    @classmethod
    def parse(cls, full_name: str, particles: Iterable[str] = ()) -> "Party":
        """Split ``"Jean-Pierre Dupont"``, ``"DUPONT Jean-Pierre"``,
        ``"Marie de La Fontaine"`` into first names and surname.

        Words in capitals are the surname when others are not; otherwise the surname
        starts at the first of the pack's lowercase ``particles`` (``de``, ``van``...)
        after the first word, or is the last word."""
        particles = frozenset(particles)
        words = full_name.split()
        if not words:
            raise DictionaryError("a party name is empty; remove it from the parties")
        if len(words) == 1:
            return cls((), tuple(words))

        def is_caps(w: str) -> bool:
            letters = [c for c in w if c.isalpha()]
            return len(letters) >= 2 and all(c.isupper() for c in letters)

        caps = [is_caps(w) for w in words]
        if any(caps) and not all(caps):
            return cls(
                tuple(w for w, c in zip(words, caps) if not c),
                tuple(w for w, c in zip(words, caps) if c),
            )
        for i in range(1, len(words)):
            if name_key(words[i]).rstrip("'") in particles and i < len(words) - 1:
                return cls(tuple(words[:i]), tuple(words[i:]))
        return cls(tuple(words[:-1]), (words[-1],))


PartyLike = Union[str, Party, Tuple[Sequence[str], Sequence[str]]]


def _as_party(item: PartyLike, particles: frozenset = frozenset()) -> Party:
    if isinstance(item, Party):
        return item
    if isinstance(item, str):
        return Party.parse(item, particles)
    first, last = item
    first = (first,) if isinstance(first, str) else tuple(first)
    last = tuple(last.split()) if isinstance(last, str) else tuple(last)
    return Party(first, last)


def _surname_variants(surname: Tuple[str, ...], lead_particles: frozenset = frozenset()) -> List[str]:
    """The surname as annotated (without a leading particle such as ``de``) and, for a
    compound surname with particles, its last word alone (``La Fontaine`` -> ``Fontaine``)."""
    words = list(surname)
    while len(words) > 1 and name_key(words[0]).rstrip("'") in lead_particles:
        words.pop(0)
    # "d'Artagnan" as one word: the particle is glued to the name
    variants = [" ".join(words)]
    if len(words) > 1 and len(entry_keys(words[-1])[-1]) >= 3:
        variants.append(words[-1])
    return variants


class PartyListDetector:
    """Find every mention of the parties of a case.

    ``parties``: names as strings (``"Jean-Pierre Dupont"``, ``"DUPONT Jean-Pierre"``),
    :class:`Party` values, or ``(first_names, surname)`` pairs. Each first name and
    the surname are matched as separate ``personnePhysique`` spans (Label annotates
    them separately); a hyphenated first name is one span. Variants found: any case,
    missing accents, spacing/hyphen variants, and typos within ``max_edits``
    (capitalized tokens only). A surname alone is enough (in lowercase too, unless it
    is a common word such as ``petit``); a first name alone only when capitalized.

    Evidence defaults to ``"index"``: ``party:<n>:first`` / ``party:<n>:surname``, so
    the audit trail holds no plaintext name.

    ``particles`` (lowercase) open a compound surname when a name is split
    (``Party.parse``); ``lead_particles`` may be dropped from its front (``de``). Both
    come from the profile's pack (``Profile.surname_particles``), and so does
    ``lexicon`` (``Profile.lexicon``), which tells a surname that is a common word; with
    none, a surname matches in lowercase too and any capitalized token may be a typo.
    """

    version = "1"
    #: The case's metadata names every span (``Span.roles``).
    span_roles = frozenset({PARTY})

    def __init__(
        self,
        parties: Iterable[PartyLike],
        label: str = PERSONNE_PHYSIQUE,
        name: str = "party_list",
        fuzzy: bool = True,
        evidence: str = "index",
        max_edits: Callable[[int], int] = default_max_edits,
        lexicon: Optional[LexiconSource] = None,
        particles: Iterable[str] = (),
        lead_particles: Iterable[str] = (),
    ):
        self.name = name
        self.label = label
        check_evidence(evidence)
        lex = lexicon_of(lexicon) if lexicon is not None else None
        entries: List[Entry] = []
        particles = frozenset(particles)
        lead_particles = frozenset(lead_particles)
        self.parties = tuple(_as_party(p, particles) for p in parties)
        for n, party in enumerate(self.parties):
            for first in party.first_names:
                keys = entry_keys(first)
                if any(len(k) > 1 for k in keys):  # an initial ("J.") alone is no name
                    ev = first if evidence == "entry" else f"party:{n}:first"
                    entries.append(Entry(keys, label, ev, needs_capital=True))
            if party.surname:
                for variant in _surname_variants(party.surname, lead_particles):
                    keys = entry_keys(variant)
                    if not keys:
                        continue
                    ev = variant if evidence == "entry" else f"party:{n}:surname"
                    # "Petit", "Boulanger": in lowercase they are words, not the party
                    common = lex is not None and any(lex.is_common_word(k) for k in keys)
                    entries.append(Entry(keys, label, ev, needs_capital=common))
        self._matcher = Matcher(entries, fuzzy, max_edits, 4, lex.is_common_word if lex is not None else None)

    def __repr__(self) -> str:
        return f"PartyListDetector(name={self.name!r}, parties={len(self.parties)})"

    def detect(self, text: str) -> List[Span]:
        return matcher_spans(self._matcher, self.name, text, self.span_roles)
