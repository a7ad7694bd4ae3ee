"""Language-free building blocks of the person grammar's patterns: character classes,
literal alternations and folded phrases that also match their accented, spaced forms
(:class:`Folded`). :mod:`judanon.detectors.person_grammar` builds a pack's patterns
from them."""

from __future__ import annotations

import functools
import re
from typing import Callable, Dict, Iterable, Tuple

from judanon.detectors.regex import literal_trie
from judanon.text.normalize import letters_by_fold


#: The Latin letters (up to U+024F) the patterns spell out.
LATIN = "".join(map(chr, range(0x250)))


def char_class(pred: Callable[[str], bool]) -> str:
    """The Latin characters for which ``pred`` holds, as class ranges."""
    chars = [ch for ch in LATIN if pred(ch)]
    out, i = [], 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and ord(chars[j + 1]) == ord(chars[j]) + 1:
            j += 1
        out.append(re.escape(chars[i]) + ("-" + re.escape(chars[j]) if j > i else ""))
        i = j + 1
    return "".join(out)


HSPACE = r"[ \t\u00a0\u202f\u2009]"
SEP = HSPACE + "+"
APOS = r"['’]"
NOTHING = r"(?!)"
# ``¿`` and U+FFFD stand for letters lost to a bad encoding in exported decisions.
LETTER = r"[\p{L}\p{M}¿\ufffd]"
UPPER = r"[\p{Lu}¿\ufffd]"
#: An initial: ``J.``, ``J.-P.``, ``J...``.
INITIAL = r"\p{Lu}(?:\.(?:-?\p{Lu}\.){0,3}|\.\.\.|…)"
# The stdlib ``re`` scans literal alternations several times faster than
# ``regex``; the full-text scans use it, with the upper-case class spelled out.
RE_UPPER = "[" + char_class(str.isupper) + "¿\ufffd]"
RE_LOWER = "[" + char_class(str.islower) + "¿\ufffd]"
# "First SURNAME" and "SURNAME First" without any anchor (Latin letters).
CAP = rf"{RE_UPPER}{RE_LOWER}+(?:[-‐]{RE_UPPER}{RE_LOWER}+)*"


def sentence_case(words: Iterable[str]) -> Tuple[str, ...]:
    """The words and, for those in lowercase, their form at a sentence start."""
    words = tuple(words)
    return tuple(
        dict.fromkeys(
            words + tuple(w[:1].upper() + w[1:] for w in words if w[:1].islower())
        )
    )


def phrases(words: Iterable[str], space: str = SEP) -> str:
    """Any of ``words`` tried in their order (the first that fits wins), a space standing
    for ``space`` and an apostrophe for either apostrophe; nothing matches when empty."""

    def one(word: str) -> str:
        return (
            re.escape(word).replace(r"\ ", " ").replace(" ", space).replace("'", APOS)
        )

    words = tuple(words)
    return "(?:" + "|".join(one(w) for w in words) + ")" if words else NOTHING


def alternation(words: Iterable[str]) -> str:
    """Any of ``words`` as literals (a trie); nothing matches when empty."""
    words = tuple(words)
    return literal_trie(words, re.escape) if words else NOTHING


@functools.lru_cache(maxsize=16)
def accent_classes(letters: str = "") -> Dict[str, str]:
    """Each unaccented lowercase letter and those of ``letters`` (a language's accented
    letters; empty: every Latin one) that fold to it, from the one shared builder
    (:func:`judanon.text.normalize.letters_by_fold`): ``e`` -> ``eéèêë``."""
    classes: Dict[str, str] = {}
    for folded, chars in letters_by_fold(letters or LATIN).items():
        accented = "".join(ch for ch in chars if ch.islower() and ch != folded)
        if accented:
            classes[folded] = folded + accented
    return classes


class Folded:
    """Alternations of folded phrases that also match their accented, spaced forms."""

    def __init__(self, accented_letters: str):
        self.accents = accent_classes(accented_letters)

    def char(self, ch: str) -> str:
        """Pattern for one character of a folded phrase: accents, spaces, apostrophes."""
        if ch in self.accents:
            return "[" + self.accents[ch] + "]"
        if ch == " ":
            return SEP
        if ch == "'":
            return APOS
        if ch == "-":
            return r"[-‐ ]"
        return re.escape(ch)

    def __call__(self, phrases: Iterable[str]) -> str:
        """Any of the folded ``phrases``; nothing matches when empty."""
        phrases = tuple(phrases)
        return literal_trie(phrases, self.char) if phrases else NOTHING
