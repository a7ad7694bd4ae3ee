"""First-name and surname lexicons, and the key every name lookup uses.

A pack's lexicons ship in its ``data/`` folder (``judanon/packs/<code>/data/``, built by
``judanon/build/lexicons.py`` from the MIT-licensed ``names-dataset``); see the README
beside them for source and filtering. Each line is ``key<TAB>rank<TAB>flag`` where

- ``key`` is :func:`name_key` of the name (lowercase, no accents),
- ``rank`` is how common the name is among the populations that appear in the pack's
  decisions (1 = most common; weighted rank, see the build script),
- ``flag`` is ``0`` for a plain name, ``1`` for a name that is also a common word of
  the language (``Rose``, ``Petit``, ``Blanc``), ``2`` for a common word that the raw
  name list contains but that is not to be taken for a name (``Maison``, ``Cour``).

Lookups are case-aware: a lowercase token is never a name (``pierre`` is a stone,
``Pierre`` a first name). A pack loads its lexicon once (``Profile.lexicon``) and hands
it, or the function that loads it, to the detectors that read names.
"""

from __future__ import annotations

import functools
import gzip
import math
from pathlib import Path
from typing import Callable, Dict, Iterable, Mapping, Optional, Sequence, Union

import attrs

from judanon.errors import ArgumentTypeError, JudanonError
from judanon.text.normalize import fold_key

__all__ = [
    "NameLexicon",
    "LexiconError",
    "LexiconSource",
    "lexicon_of",
    "name_key",
    "read_words",
    "PLAIN",
    "AMBIGUOUS",
    "COMMON_WORD",
]

PLAIN, AMBIGUOUS, COMMON_WORD = 0, 1, 2


class LexiconError(JudanonError):
    """A lexicon file is missing or malformed."""


#: The lookup key of a name or word: casefolded, accents and invisible characters
#: removed (``"Hélène"``, ``"HELENE"``, ``"Hé\u200blène"`` -> ``"helene"``); this is
#: :func:`judanon.text.normalize.fold_key`, cached.
name_key = functools.lru_cache(maxsize=65536)(fold_key)


def _is_name_cased(token: str) -> bool:
    """Whether a token is written like a name: initial capital (``Dupont``) or all
    capitals (``DUPONT``); ``dupont`` is not, and neither is a short all-capitals
    token (``RG``, ``SCP``, ``GD``), which in a decision is an acronym."""
    letters = [ch for ch in token if ch.isalpha()]
    if not letters or not letters[0].isupper():
        return False
    return len(letters) > 3 or not all(ch.isupper() for ch in letters)


def _read_table(path: Path) -> Dict[str, str]:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise LexiconError(
            f"lexicon file {path} is missing; reinstall judanon or regenerate it with "
            "`python -m judanon.build.lexicons`"
        ) from None
    try:
        # values stay "rank<TAB>flag" strings, parsed on lookup: loading stays fast
        table = dict(line.split("\t", 1) for line in data.splitlines())
    except ValueError:
        raise LexiconError(
            f"lexicon file {path} is malformed (expected key<TAB>rank<TAB>flag lines); "
            "regenerate it with `python -m judanon.build.lexicons`"
        ) from None
    return table


def _decode(value) -> int:
    """``"rank<TAB>flag"`` (file) or ``rank * 4 + flag`` (built in memory) -> int."""
    if isinstance(value, int):
        return value
    rank, flag = value.split("\t")
    return int(rank) * 4 + int(flag)


def read_words(path: Path) -> frozenset:
    """The keys of the words of a hand-written list (``not_names.txt`` in a pack's
    ``data/``: capitalized words of legal writing never taken for names, ``Cour``,
    ``Article``): words split on spaces, ``#`` starting a comment."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise LexiconError(f"{path} is missing; reinstall judanon") from None
    words = set()
    for line in lines:
        line = line.split("#", 1)[0]
        words.update(name_key(w) for w in line.split())
    return frozenset(words)


# Rank -> likelihood: 0.95 for the 100 most common names, down to 0.35 around rank 60,000.
_TOP, _FLOOR = 0.95, 0.35
_SPAN = math.log10(60000 / 100)


def _likelihood(code: Optional[int]) -> float:
    if code is None:
        return 0.0
    rank, flag = divmod(code, 4)
    if flag == COMMON_WORD:
        return 0.0
    base = _TOP - (_TOP - _FLOOR) * min(1.0, math.log10(max(rank, 100) / 100) / _SPAN)
    return base * 0.5 if flag == AMBIGUOUS else base


@attrs.frozen(slots=True)
class NameLexicon:
    """First names and surnames, keyed by :func:`name_key`, with rank and flag.

    Build one with :meth:`load` (a pack's files) or from plain mappings
    (``NameLexicon.from_names(["Alix"], ["Dupont"])``) for tests and other languages.
    """

    #: key -> ``rank * 4 + flag`` or the file's ``"rank<TAB>flag"``
    first_names: Mapping[str, object] = attrs.field(repr=lambda m: f"<{len(m)} first names>")
    surnames: Mapping[str, object] = attrs.field(repr=lambda m: f"<{len(m)} surnames>")
    stop_words: frozenset = attrs.field(default=frozenset(), repr=False)

    @classmethod
    def load(cls, directory: Union[str, Path], stop_words: Iterable[str] = ()) -> "NameLexicon":
        """Read ``first_names.txt.gz`` and ``surnames.txt.gz`` from ``directory`` (a
        pack's ``data/``); ``stop_words`` (keys) are never names (the pack's)."""
        directory = Path(directory)
        return cls(
            first_names=_read_table(directory / "first_names.txt.gz"),
            surnames=_read_table(directory / "surnames.txt.gz"),
            stop_words=frozenset(stop_words),
        )

    @classmethod
    def from_names(cls, first_names=(), surnames=(), rank: int = 1000) -> "NameLexicon":
        """A lexicon from plain lists (every name gets ``rank``, flag plain)."""
        return cls(
            first_names={name_key(n): rank * 4 for n in first_names},
            surnames={name_key(n): rank * 4 for n in surnames},
        )

    # --- queries ------------------------------------------------------------------

    def _code(self, table: Mapping[str, int], token: str, ignore_case: bool) -> Optional[int]:
        if not ignore_case and not _is_name_cased(token):
            return None
        key = name_key(token)
        if key in self.stop_words:
            return None
        value = table.get(key)
        return None if value is None else _decode(value)

    def is_first_name(self, token: str, ignore_case: bool = False) -> bool:
        """Whether ``token`` is a known first name written as a name.

        Names that are also common words count (``Rose``); words the raw
        list holds but that are not names here do not (``Maison``, ``Cour``)."""
        code = self._code(self.first_names, token, ignore_case)
        return code is not None and code % 4 != COMMON_WORD

    def is_surname(self, token: str, ignore_case: bool = False) -> bool:
        """Whether ``token`` is a known surname written as a name."""
        code = self._code(self.surnames, token, ignore_case)
        return code is not None and code % 4 != COMMON_WORD

    def is_name(self, token: str, ignore_case: bool = False) -> bool:
        return self.is_first_name(token, ignore_case) or self.is_surname(token, ignore_case)

    def is_common_word(self, token: str) -> bool:
        """Whether ``token`` (any case) is a common word of the language that the name
        lists also hold (``petit``, ``maison``, ``cour``) or a stop word (``Article``).

        Useful to refuse a lowercase or fuzzy match on such a word."""
        key = name_key(token)
        if key in self.stop_words:
            return True
        for table in (self.first_names, self.surnames):
            value = table.get(key)
            if value is not None and _decode(value) % 4 != PLAIN:
                return True
        return False

    def first_name_likelihood(self, token: str, ignore_case: bool = False) -> float:
        return _likelihood(self._code(self.first_names, token, ignore_case))

    def surname_likelihood(self, token: str, ignore_case: bool = False) -> float:
        return _likelihood(self._code(self.surnames, token, ignore_case))

    def name_likelihood(self, token: str, ignore_case: bool = False) -> float:
        """A 0..1 prior that ``token`` names a person, from how common the name is
        and whether it is also a common word; 0 for unknown or lowercase tokens.

        Not a probability in context: ``Martin`` scores high even in ``rue Martin``."""
        return max(
            self.first_name_likelihood(token, ignore_case),
            self.surname_likelihood(token, ignore_case),
        )

    def rank(self, token: str) -> Optional[int]:
        """The best (smallest) rank of ``token`` as first name or surname, or ``None``."""
        key = name_key(token)
        ranks = [_decode(t[key]) // 4 for t in (self.first_names, self.surnames) if key in t]
        return min(ranks) if ranks else None


#: Sounds of invented names when no pack gives its own: plain Latin syllables.
DEFAULT_NAME_SOUNDS = (
    ("b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z"),
    ("a", "e", "i", "o", "u"),
    ("", "", "n", "r", "l", "s"),
)


def invent_name(rng, sounds: Sequence[Sequence[str]] = ()) -> str:
    """A pronounceable word that names nobody and no list holds (``kourazel``), from
    ``rng`` (a ``random.Random``): to test or train a detector on names it never saw.

    ``sounds``: ``(onsets, vowels, codas)`` of the language (a pack's ``NAME_SOUNDS``,
    ``Profile.name_sounds``); empty: :data:`DEFAULT_NAME_SOUNDS`."""
    onsets, vowels, codas = sounds or DEFAULT_NAME_SOUNDS
    word = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(rng.randint(2, 3)))
    return word + rng.choice(codas)


class Substitutes:
    """One stand-in name per word, drawn from ``draw()`` the first time the word is met
    (compared lowercased) and written in that word's case: ``DUPONT`` -> ``KOURAZEL``,
    ``Dupont`` -> ``Kourazel``. Used to rewrite the names of a sentence or a decision."""

    def __init__(self, draw: Callable[[], str]):
        self._draw = draw
        self._chosen: Dict[str, str] = {}

    def __call__(self, word: str) -> str:
        key = word.lower()
        if key not in self._chosen:
            self._chosen[key] = self._draw()
        new = self._chosen[key]
        return new.upper() if word.isupper() else new[:1].upper() + new[1:]


#: A lexicon, or the function that loads it on first use (a pack's ``Profile.lexicon``,
#: loaded once per process): what detectors reading names are given.
LexiconSource = Union[NameLexicon, Callable[[], NameLexicon]]


def lexicon_of(source: LexiconSource) -> NameLexicon:
    """The lexicon ``source`` stands for (loading it when it is a function)."""
    if isinstance(source, NameLexicon):
        return source
    if not callable(source):
        raise ArgumentTypeError(f"a lexicon is a NameLexicon or a function returning one, not "
                                f"{type(source).__name__}")
    loaded = source()
    if not isinstance(loaded, NameLexicon):
        raise ArgumentTypeError(f"the lexicon function returned {type(loaded).__name__}, not a NameLexicon")
    return loaded
