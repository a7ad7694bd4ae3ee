"""Replacement strategies in the conventions the Cour de cassation publishes.

Persons get letters (``M. [K] [R]``) drawn from a shuffle seeded by the case
identifier, never from the real initials; other categories get counters in the
formats of the profile's pack (``[Adresse 1]``, ``[Localité 2]``, ``[XXXXXXXX01]`` in
French). The pseudonymizer knows nothing of how spans were found: it maps (category,
link key) to a replacement.
"""

from __future__ import annotations

import functools
import hashlib
import random
import re
import string
from typing import Dict, Iterator, Mapping, Optional, Tuple

from judanon import entities as E
from judanon.text import limits

#: ``Q`` is never used: in print it is too easily mistaken for ``O``.
LETTERS = tuple(c for c in string.ascii_uppercase if c != "Q")

#: The counter format of a category no format is given for (``{n}`` is the counter); a
#: profile's pack gives its own (``Profile.replacement_formats``: ``[Adresse {n}]`` ...).
GENERIC_FORMAT = "[{category} {{n}}]"

#: Categories drawing letters instead of counters.
LETTER_CATEGORIES = E.PERSON_CATEGORIES

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


#: A letter marker (``[K]``), and a counter marker after its literal prefix: literals and
#: runs of one class, which cannot backtrack (no timeout, the stdlib engine).
_LETTER_MARKER = limits.linear(r"\[([A-Z]{1,2})\]", name="letter marker")


@functools.lru_cache(maxsize=256)
def _counter_marker(prefix: str):
    return limits.linear(re.escape(prefix) + r"(\d+)\]", name="counter marker")


class Pseudonymizer:
    """Gives every (category, link key) one replacement, consistently within a decision.

    ``existing_text`` lets counters continue after markers already present in the text
    (a decision partly pseudonymized upstream must not get two different ``[Localité 1]``).
    One pseudonymizer may serve several decisions of a case: ``begin(text)`` before each.
    ``formats`` maps a category to its counter format (``{n}`` the counter), from the
    profile's pack; other categories get ``[<category> n]``.
    """

    def __init__(self, seed: str, existing_text: str = "", formats: Optional[Mapping[str, str]] = None):
        self._seed = seed
        self._formats: Dict[str, str] = dict(formats or {})
        self._letters = letter_sequence(seed)
        self._drawn = 0
        self._assigned: Dict[Tuple[str, str], str] = {}
        self._counters: Dict[str, int] = {}
        self._used_letters: set = set()
        self.begin(existing_text)

    def begin(self, text: str) -> None:
        """Markers already in ``text`` are never handed out again."""
        if "[" not in text:  # no marker: nothing to skip (most decisions)
            return
        self._used_letters.update(_LETTER_MARKER.findall(text))
        for category, fmt in self._formats.items():
            prefix = _format_key(fmt)
            if prefix not in text:  # the marker's literal start is not there: no number to skip
                continue
            numbers = [int(m) for m in _counter_marker(prefix).findall(text)]
            counter = _SHARED_COUNTERS.get(category, category)
            if numbers:
                self._counters[counter] = max(self._counters.get(counter, 0), max(numbers))

    def replacement(self, category: str, key: str) -> str:
        """The replacement of the referent ``key`` of ``category`` (same inputs, same output)."""
        assigned = self._assigned.get((category, key))
        if assigned is not None:
            return assigned
        if category in LETTER_CATEGORIES:
            letter = self._next_letter()
            while letter in self._used_letters:
                letter = self._next_letter()
            self._used_letters.add(letter)
            value = f"[{letter}]"
        else:
            counter = _SHARED_COUNTERS.get(category, category)
            n = self._counters.get(counter, 0) + 1
            self._counters[counter] = n
            fmt = self._formats.get(category) or GENERIC_FORMAT.format(category=category)
            value = fmt.format(n=n)
        self._assigned[(category, key)] = value
        return value

    def _next_letter(self) -> str:
        self._drawn += 1
        return next(self._letters)

    def reserve(self, category: str, key: str, value: str) -> None:
        """Record that ``key`` already has ``value`` (a reviewed result keeps its
        replacements): the key keeps it and no other referent gets it."""
        self._assigned.setdefault((category, key), value)
        self.begin(value)

    def __getstate__(self):
        # the letter generator is rebuilt from the seed: results stay picklable
        state = dict(self.__dict__)
        del state["_letters"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._letters = letter_sequence(self._seed)
        for _ in range(self._drawn):
            next(self._letters)

    def clone(self) -> "Pseudonymizer":
        """An independent copy in the same state (letters continue where this one is)."""
        other = Pseudonymizer.__new__(Pseudonymizer)
        other._seed = self._seed
        other._formats = self._formats
        other._letters = letter_sequence(self._seed)
        for _ in range(self._drawn):
            next(other._letters)
        other._drawn = self._drawn
        other._assigned = dict(self._assigned)
        other._counters = dict(self._counters)
        other._used_letters = set(self._used_letters)
        return other


def seed_for(case_id: Optional[str], text: str) -> str:
    """The letter seed: the case identifier, or else a digest of the text (reproducible)."""
    if case_id is not None:
        return "case:" + str(case_id)
    return "text:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
