"""A language's spell-check dictionary, asked one question: how does the language write
this word? In lowercase (a common word: ``lege``, ``ustawa``, ``δικαστήριο``), with a
capital (a proper noun: ``Popescu``, ``Białystok``, ``Αθήνα``), both, or not at all.

The data is a hunspell dictionary (word stems with affix flags, and the affix rules that
make their other forms), folded at build time (lowercase, no accents: a word in capitals
or without its accents is found) by ``python -m judanon.build.spelling``. A form is
recognized by stripping a rule's ending (or beginning) and finding the stem with that
rule's flag, as hunspell does (no compounding, no continuation classes: the dictionaries
of the packs use neither). Rule conditions are folded too, and so only approximate.

Stems are kept as 64-bit hashes in sorted arrays (a few bytes a stem), so that a
dictionary of 800,000 forms costs megabytes, not hundreds.

Language-free: the files come from the pack (``packs/<code>/data/spelling.*``).
"""

from __future__ import annotations

import array
import bisect
import gzip
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import attrs

from judanon.errors import ArgumentError

__all__ = ["Spelling", "COMMON", "PROPER", "read_affixes"]

#: The language writes the word in lowercase (a common word).
COMMON = 1
#: The language writes the word with a capital (a proper noun).
PROPER = 2


@attrs.frozen(slots=True)
class _Rule:
    flag: str
    strip: str
    add: str
    #: Folded condition on the stem's end (suffix) or start (prefix): one item a letter,
    #: ``""`` any letter, else the letters allowed (``+`` first) or refused (``-`` first).
    condition: Tuple[str, ...]
    cross: bool

    def fits(self, stem: str, suffix: bool) -> bool:
        n = len(self.condition)
        if n > len(stem):
            return False
        part = stem[len(stem) - n:] if suffix else stem[:n]
        for ch, item in zip(part, self.condition):
            if not item:
                continue
            if item[0] == "+" and ch not in item:
                return False
            if item[0] == "-" and ch in item[1:]:
                return False
        return True


def _condition(text: str, fold) -> Tuple[str, ...]:
    """``[^aeiou]y`` -> ``("-aeiou", "+y")``; ``.`` -> any letter. Folded letters that a
    refused class shares with plain ones are dropped (``[^ą]`` folds to any letter)."""
    out: List[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == ".":
            out.append("")
            i += 1
        elif ch == "[":
            j = text.index("]", i)
            body = text[i + 1:j]
            if body.startswith("^"):
                letters = "".join(c for c in body[1:] if fold(c) == c)
                out.append("-" + letters if letters else "")
            else:
                out.append("+" + "".join(fold(c) for c in body))
            i = j + 1
        else:
            out.append("+" + fold(ch))
            i += 1
    return tuple(out)


def read_affixes(lines: Iterable[str], fold=lambda s: s) -> Tuple[List[_Rule], List[_Rule]]:
    """The ``(prefixes, suffixes)`` rules of hunspell ``.aff`` lines (``PFX``/``SFX``),
    their strings folded by ``fold``."""
    cross: Dict[Tuple[str, str], bool] = {}
    out: Dict[str, List[_Rule]] = {"PFX": [], "SFX": []}
    for line in lines:
        parts = line.split("#", 1)[0].split()
        if len(parts) < 4 or parts[0] not in out:
            continue
        kind, flag = parts[0], parts[1]
        if (kind, flag) not in cross:  # the header line: "SFX a Y 6"
            cross[(kind, flag)] = parts[2] == "Y"
            continue
        strip = "" if parts[2] == "0" else fold(parts[2])
        add = "" if parts[3] == "0" else fold(parts[3].split("/", 1)[0])
        cond = _condition(parts[4], fold) if len(parts) > 4 else ()
        out[kind].append(_Rule(flag, strip, add, cond, cross[(kind, flag)]))
    return out["PFX"], out["SFX"]


class _Stems:
    """Folded stems and their flags, as sorted integers: the high 48 bits of the stem's
    (process-local) ``hash``, the low 16 the index of its set of flags."""

    def __init__(self, entries: Sequence[str]):
        plain = [e for e in entries if "/" not in e]
        flagged = [e.split("/", 1) for e in entries if "/" in e]
        flag_sets: Dict[str, int] = {"": 0}
        for _, flags in flagged:
            flag_sets.setdefault(flags, len(flag_sets))
        if len(flag_sets) > _LOW:
            raise ArgumentError(f"{len(flag_sets)} sets of affix flags: at most {_LOW} are supported")
        keys = [hash(e) & _HIGH for e in plain]
        keys += [(hash(stem) & _HIGH) | flag_sets[flags] for stem, flags in flagged]
        keys.sort()
        self._keys = array.array("q", keys)
        self._sets = [frozenset(f) for f in flag_sets]

    def __len__(self) -> int:
        return len(self._keys)

    def flags(self, stem: str) -> Optional[frozenset]:
        """The flags of ``stem`` (several entries: their union), or ``None``."""
        high = hash(stem) & _HIGH
        keys = self._keys
        i = bisect.bisect_left(keys, high)
        found = None
        while i < len(keys) and keys[i] & _HIGH == high:
            flags = self._sets[keys[i] & (_LOW - 1)]
            found = flags if found is None else found | flags
            i += 1
        return found


_LOW = 1 << 16
_HIGH = ~(_LOW - 1)


def _by_add(rules: Sequence[_Rule]) -> Dict[str, Dict[str, List[_Rule]]]:
    out: Dict[str, Dict[str, List[_Rule]]] = {}
    for rule in rules:
        out.setdefault(rule.add, {}).setdefault(rule.strip, []).append(rule)
    return out


class Spelling:
    """How a language writes its words (see the module). ``kind(key)`` of a folded word:
    :data:`COMMON`, :data:`PROPER`, both (``3``) or ``0`` (unknown); ``proper_stems(key)``:
    the dictionary stems of its proper-noun readings (``bialegostoku`` -> ``bialystok``)."""

    def __init__(self, common: Sequence[str], proper: Sequence[str], prefixes: Sequence[_Rule] = (),
                 suffixes: Sequence[_Rule] = ()):
        self._tables = ((COMMON, _Stems(common)), (PROPER, _Stems(proper)))
        # ending added -> stripped ending -> rules: one stem lookup serves every rule of a pair
        self._suffixes = _by_add(suffixes)
        self._suffix_lengths = sorted({len(a) for a in self._suffixes})
        self._prefixes = _by_add(prefixes)
        self._prefix_lengths = sorted({len(a) for a in self._prefixes if a})
        self._cache: Dict[str, Tuple[int, Tuple[str, ...]]] = {}

    def __len__(self) -> int:
        return sum(len(t) for _, t in self._tables)

    @classmethod
    def load(cls, folder) -> "Spelling":
        """Read ``spelling.aff`` and ``spelling.dic.gz`` of ``folder`` (a pack's ``data``):
        one stem a line, ``stem/FLAGS``, a proper noun's starting with ``*``."""
        folder = Path(folder)
        prefixes, suffixes = read_affixes((folder / "spelling.aff").read_text(encoding="utf-8").splitlines())
        with gzip.open(folder / "spelling.dic.gz", "rt", encoding="utf-8") as fh:
            lines = fh.read().split("\n")
        proper = [line[1:] for line in lines if line.startswith("*")]
        common = [line for line in lines if line and not line.startswith("*")]
        return cls(common, proper, prefixes, suffixes)

    def kind(self, key: str) -> int:
        """How the language writes the folded word ``key`` (a bit mask, see the class)."""
        return self._lookup(key)[0]

    def proper_stems(self, key: str) -> Tuple[str, ...]:
        """The folded stems whose forms ``key`` is, as a proper noun (itself included)."""
        return self._lookup(key)[1]

    def _lookup(self, key: str) -> Tuple[int, Tuple[str, ...]]:
        hit = self._cache.get(key)
        if hit is None:
            if len(self._cache) > 200_000:
                self._cache.clear()
            hit = self._cache[key] = self._analyse(key)
        return hit

    def _analyse(self, key: str) -> Tuple[int, Tuple[str, ...]]:
        kind, stems = 0, []
        for bit, table in self._tables:
            for stem in self._readings(key, table):
                kind |= bit
                if bit == PROPER:
                    stems.append(stem)
                else:
                    break
        return kind, tuple(dict.fromkeys(stems))

    def _readings(self, word: str, table: _Stems):
        """The stems of ``table`` that ``word`` is a form of."""
        if table.flags(word) is not None:
            yield word
        yield from self._by_suffix(word, table, None)
        for n in self._prefix_lengths:
            if n >= len(word):
                break
            for strip, rules in self._prefixes.get(word[:n], {}).items():
                rest = strip + word[n:]
                flags = table.flags(rest)
                for rule in rules:
                    if not rule.fits(rest, suffix=False):
                        continue
                    if flags is not None and rule.flag in flags:
                        yield rest
                    if rule.cross:
                        yield from self._by_suffix(rest, table, rule.flag)

    def _by_suffix(self, word: str, table: _Stems, prefix_flag: Optional[str]):
        for n in self._suffix_lengths:
            if n >= len(word):
                break
            for strip, rules in self._suffixes.get(word[len(word) - n:] if n else "", {}).items():
                stem = word[:len(word) - n] + strip
                flags = table.flags(stem)
                if flags is None or (prefix_flag is not None and prefix_flag not in flags):
                    continue
                if any(rule.flag in flags and (prefix_flag is None or rule.cross) and rule.fits(stem, suffix=True)
                       for rule in rules):
                    yield stem
