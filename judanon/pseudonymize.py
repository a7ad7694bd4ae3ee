"""Replacement strategies in the conventions the Cour de cassation publishes.

Persons get letters (``M. [K] [R]``) drawn from a shuffle seeded by the case
identifier, never from the real initials; other categories get counters
(``[Adresse 1]``, ``[Localité 2]``, ``[XXXXXXXX01]`` ...). The pseudonymizer knows
nothing of how spans were found: it maps (category, link key) to a replacement.
"""

from __future__ import annotations

import hashlib
import random
import regex
import string
from typing import Dict, Iterator, Optional, Tuple

from . import entities as E
from .limits import timeout_for

#: ``Q`` is never used: in print it is too easily mistaken for ``O``.
LETTERS = tuple(c for c in string.ascii_uppercase if c != "Q")

#: Category -> format of its counter replacement (``{n}`` is the counter).
COUNTER_FORMATS: Dict[str, str] = {
    E.ADRESSE: "[Adresse {n}]",
    E.LOCALITE: "[Localité {n}]",
    E.DATE_NAISSANCE: "[Date naissance {n}]",
    E.DATE_DECES: "[Date décès {n}]",
    E.DATE_MARIAGE: "[Date mariage {n}]",
    E.NUMERO_IDENTIFIANT: "[Numéro identifiant {n}]",
    E.SIREN_SIRET: "[N° SIREN/SIRET {n}]",
    E.EMAIL: "[Courriel {n}]",
    E.CADASTRE: "[Cadastre {n}]",
    E.IMMATRICULATION: "[Immatriculation {n}]",
    E.TELEPHONE: "[XXXXXXXX{n:02d}]",
    E.COMPTE_BANCAIRE: "[XXXXXXXXXX{n:02d}]",
    E.SITE_WEB: "[{n:02d}]",
    E.PERSONNE_MORALE: "[{n}]",
    E.ETABLISSEMENT: "[{n}]",
}

#: Categories drawing letters instead of counters.
LETTER_CATEGORIES = frozenset({E.PERSONNE_PHYSIQUE, E.MAGISTRAT_GREFFIER, E.AVOCAT})

#: Categories that share one counter, so that ``[3]`` never means two things.
_SHARED_COUNTERS = {E.ETABLISSEMENT: E.PERSONNE_MORALE}


def letter_sequence(seed: str) -> Iterator[str]:
    """Yield ``[A]``-style letters in a deterministic order seeded by ``seed``.

    The 25 single letters come first (shuffled), then two-letter codes (shuffled).
    """
    rng = random.Random(int.from_bytes(hashlib.sha256(seed.encode("utf-8")).digest()[:8], "big"))
    singles = list(LETTERS)
    rng.shuffle(singles)
    yield from singles
    pairs = [a + b for a in LETTERS for b in LETTERS]
    rng.shuffle(pairs)
    yield from pairs
    # Beyond 650 referents a decision is no longer a decision; keep going anyway.
    n = 0
    while True:
        n += 1
        yield f"{LETTERS[n % 25]}{LETTERS[(n // 25) % 25]}{n // 625}"


def _format_key(fmt: str) -> str:
    """The literal prefix of a counter format, used to find markers already in the text."""
    return fmt.split("{", 1)[0]


class Pseudonymizer:
    """Gives every (category, link key) one replacement, consistently within a decision.

    ``existing_text`` lets counters continue after markers already present in the text
    (a decision partly pseudonymized upstream must not get two different ``[Localité 1]``).
    """

    def __init__(self, seed: str, existing_text: str = ""):
        self._letters = letter_sequence(seed)
        self._assigned: Dict[Tuple[str, str], str] = {}
        self._counters: Dict[str, int] = {}
        self._used_letters = set(regex.findall(r"\[([A-Z]{1,2})\]", existing_text, timeout=timeout_for(existing_text)))
        for category, fmt in COUNTER_FORMATS.items():
            prefix = regex.escape(_format_key(fmt))
            numbers = [int(m) for m in regex.findall(prefix + r"(\d+)\]", existing_text,
                                                     timeout=timeout_for(existing_text))]
            counter = _SHARED_COUNTERS.get(category, category)
            if numbers:
                self._counters[counter] = max(self._counters.get(counter, 0), max(numbers))

    def replacement(self, category: str, key: str) -> str:
        """The replacement of the referent ``key`` of ``category`` (same inputs, same output)."""
        assigned = self._assigned.get((category, key))
        if assigned is not None:
            return assigned
        if category in LETTER_CATEGORIES:
            letter = next(self._letters)
            while letter in self._used_letters:
                letter = next(self._letters)
            self._used_letters.add(letter)
            value = f"[{letter}]"
        else:
            counter = _SHARED_COUNTERS.get(category, category)
            n = self._counters.get(counter, 0) + 1
            self._counters[counter] = n
            fmt = COUNTER_FORMATS.get(category, "[" + category + " {n}]")
            value = fmt.format(n=n)
        self._assigned[(category, key)] = value
        return value


def seed_for(case_id: Optional[str], text: str) -> str:
    """The letter seed: the case identifier, or else a digest of the text (reproducible)."""
    if case_id is not None:
        return "case:" + str(case_id)
    return "text:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
