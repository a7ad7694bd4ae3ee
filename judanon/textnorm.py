"""Length-preserving text folding, so that matches on folded text map back to
offsets in the original text unchanged."""

from __future__ import annotations

import functools
import unicodedata
from typing import Iterable, Optional

import regex

#: Characters that look like spaces but are not ``" "``.
_SPACE_LIKE = "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000"
#: Zero-width characters that sometimes split words in exported decisions.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


@functools.lru_cache(maxsize=1)
def _fold_table() -> dict:
    table = {}
    # Latin-1 and Latin Extended-A/B (every accent French text uses), Greek and its accents
    for cp in (*range(0x0250), *range(0x0370, 0x0400), *range(0x1F00, 0x2000)):
        ch = chr(cp)
        low = ch.lower()
        if len(low) != 1:
            continue
        base = unicodedata.normalize("NFD", low)[0]
        if base != ch:
            table[cp] = base
    table[0x03C2] = "σ"  # final sigma
    for ch in _SPACE_LIKE:
        table[ord(ch)] = " "
    for ch in "\u2019\u2018\u02bc":  # typographic apostrophes fold to the ASCII one
        table[ord(ch)] = "'"
    for ch in "\u2010\u2011\u2012\u2013":
        table[ord(ch)] = "-"
    # a letter lost to a bad encoding is the same unknown letter however it was lost
    table[0xFFFD] = "¿"
    return table


def fold(text: str) -> str:
    """Lowercase, strip accents, unify spaces/apostrophes; ``len(fold(t)) == len(t)``."""
    return text.translate(_fold_table())


def fold_key(text: str) -> str:
    """A key for comparing surfaces: folded, zero-width removed, spaces squeezed."""
    folded = fold(text)
    for ch in ZERO_WIDTH:
        folded = folded.replace(ch, "")
    return " ".join(folded.split())


def folded_words_pattern(words: Iterable[str]) -> Optional[str]:
    """A pattern, for folded text, matching any of ``words`` (folded, longest first) as a
    whole word: ``(?:^|[^\\w.])(?:societe|sa|...)``; ``None`` when ``words`` is empty."""
    folded = sorted({fold_key(w) for w in words if w.strip()}, key=len, reverse=True)
    if not folded:
        return None
    return r"(?:^|[^\w.])(?:" + "|".join(regex.escape(w) for w in folded) + ")"

