"""A run of name words split into name parts, as Label annotates them
(:func:`name_parts`): the reading of a name that every rule of
:class:`judanon.detectors.persons.PersonContextDetector` shares."""

from __future__ import annotations

import functools
from typing import List, Tuple

import attrs

from judanon.detectors.person_grammar import CompiledGrammar, PersonGrammar, compiled
from judanon.text.normalize import fold

__all__ = ["NameRun", "name_parts", "read_name", "is_caps", "not_a_name"]


@functools.lru_cache(maxsize=65536)
def _folded_word(word: str) -> str:
    return fold(word).strip(".")


def is_caps(word: str) -> bool:
    """A word in capitals (two letters or more): ``DURAND``."""
    return len(word) >= 2 and word.isupper()


def not_a_name(p: CompiledGrammar, word: str) -> bool:
    """Whether ``word`` is never a name (in capitals: never a surname) in grammar ``p``."""
    return _folded_word(word) in (p.not_surnames if is_caps(word) else p.not_names)


@attrs.frozen(slots=True)
class NameRun:
    """The name parts (``(start, end)`` pairs) of one run of name words."""

    parts: Tuple[Tuple[int, int], ...]
    start: int
    end: int


_EMPTY = NameRun((), 0, 0)


def name_parts(grammar: PersonGrammar, text: str, start: int, end: int, *,
               strip_leading: bool = False) -> NameRun:
    """Split ``text[start:end]`` into name parts, as Label annotates them.

    ``grammar``: the words of the language (a pack's).

    First names and initials are one part each; from the first particle on, the
    surname is one part (``de La Fontaine``). The run stops before a word that
    is never a name (``Président``, ``Attendu``). With ``strip_leading``, such
    words and prepositions at the start (``Assistée de ...``) are skipped instead.
    """
    return read_name(compiled(grammar), text, start, end, strip_leading)


def read_name(p: CompiledGrammar, text: str, start: int, end: int, strip_leading: bool = False) -> NameRun:
    """:func:`name_parts` with the grammar compiled (what the detector's rules call)."""
    civ = p.civility_prefix_re.match(text, start, end)
    if civ:  # "M. Jean" read backwards from a title: the civility is no name
        start = civ.end()
    parts: List[Tuple[int, int]] = []
    group_start = -1  # set once a particle opens the surname
    group_end = start
    pending_particle = -1
    leading = strip_leading
    for m in p.token_re.finditer(text, start, end):
        kind = m.lastgroup
        if kind == "part":
            if pending_particle < 0:
                pending_particle = m.start()
            continue
        word = m.group()
        w_start, w_end = m.start(), m.end()
        if leading and not parts and group_start < 0 and p.civility_prefix_re.match(text, w_start, end):
            pending_particle = -1  # "rapport de M. Durand": neither "de" nor "M." is a name
            continue
        if kind == "word" and len(word) == 1 and word.isupper() and word not in p.placeholders \
                and not text[w_end:w_end + 1].isalnum():
            kind = "init"  # "le témoin T", "Mme B a déclaré": an initial without its dot
        if kind == "word":
            if len(word) < 2 or not_a_name(p, word):
                # a lone capital is a placeholder (M. X), not a name
                if leading and not parts and group_start < 0:
                    pending_particle = -1
                    continue
                break
            if leading and not parts and word[:2].lower() in p.elisions:
                w_start += 2  # "assistée d'Anne": the elision belongs to the sentence
        else:
            if fold(word).replace(".", "").replace("-", "") in p.form_letters:
                break  # "S.A.R.L.", "S.C.P.": a company form, not initials
            w_end = m.end() - (text[m.end() - 1] == ".")  # an initial: "J.-P", not its last dot
        if group_start >= 0:
            group_end = w_end
            pending_particle = -1
            continue
        if pending_particle >= 0:
            if leading and not parts and text[pending_particle].islower():
                pending_particle = -1  # "de Clémence": a preposition, not a particle
            else:
                group_start, group_end = pending_particle, w_end
                pending_particle = -1
                leading = False
                continue
        leading = False
        parts.append((w_start, w_end))
    if group_start >= 0:
        parts.append((group_start, group_end))
    if not parts:
        return _EMPTY
    return NameRun(tuple(parts), parts[0][0], parts[-1][1])

