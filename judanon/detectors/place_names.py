"""Place names a pack ships (``data/places.txt.gz``) and the patterns of names its policy
keeps visible (the state's own names), for :mod:`judanon.detectors.propernouns` and the
packs' profiles. Language-free: the names come from the pack."""

from __future__ import annotations

import gzip
from typing import Dict, Sequence

import regex

from judanon.entities import LOCALITE

__all__ = ["read_places", "name_patterns"]


def read_places(path) -> Dict[str, str]:
    """``{folded place name: kind}`` of a pack's ``places.txt.gz`` (``key<TAB>kind`` lines)."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return dict(line.split("\t", 1) for line in fh.read().splitlines() if "\t" in line)


def _letter_class(ch: str) -> str:
    """``ή`` -> ``[ήΉηΗ]``: the letter in either case, with or without its accents."""
    import unicodedata

    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    forms = dict.fromkeys(ch + ch.upper() + base + base.upper())
    return "[" + "".join(regex.escape(c) for c in forms) + "]" if ch.isalpha() else regex.escape(ch)


def name_patterns(names: Sequence[str], name: str = "state_name", label: str = LOCALITE) -> tuple:
    """A ``Pattern`` (``judanon.detectors.regex``, for ``Profile.visible_places``) of
    ``names`` written as listed, in any case, with or without accents (``Ελληνικής
    Δημοκρατίας``, ``ΕΛΛΗΝΙΚΗΣ ΔΗΜΟΚΡΑΤΙΑΣ``): the state's own names, which the policy
    keeps visible. Empty when ``names`` is."""
    from judanon.detectors.regex import Pattern

    if not names:
        return ()
    alternatives = sorted({"".join(r"\s+" if c.isspace() else _letter_class(c) for c in n) for n in names},
                          key=len, reverse=True)
    source = r"(?<![\p{L}\p{M}])(?:" + "|".join(alternatives) + r")(?![\p{L}\p{M}])"
    return (Pattern(name, label, regex.compile(source), specificity=2),)
