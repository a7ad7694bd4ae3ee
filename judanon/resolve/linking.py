"""Linking: the variants of one referent share a key (and so a replacement)."""

from __future__ import annotations

from typing import Dict, List, Optional, Tuple

from rapidfuzz.distance import Levenshtein

from judanon.resolve.candidates import PERSON_LIKE, Candidate
from judanon.text.normalize import fold_key


def link_key(surface: str) -> str:
    """Key shared by the variants of one referent (capitals, accents, hyphens)."""
    return fold_key(surface).replace("-", " ").replace("'", " ")


def link(text: str, entities: List[Candidate], max_distance: int = 1, min_length: int = 5) -> List[Tuple[str, Optional[str]]]:
    """Group variants of one referent: returns ``(link key, doubt)`` per entity.

    Variants equal once folded share a key with no doubt; person names within
    ``max_distance`` edits (``Dupont``/``Dupond``) are linked too, with a doubt that
    the audit trail records for review.
    """
    groups: Dict[Tuple[str, str], str] = {}  # (label, key) -> representative key
    out: List[Tuple[str, Optional[str]]] = []
    representatives: Dict[str, List[str]] = {}
    for c in entities:
        key = link_key(text[c.start:c.end])
        gkey = groups.get((c.label, key))
        if gkey is not None:
            out.append((gkey, None if gkey == key else "variant linked by edit distance"))
            continue
        doubt = None
        target = key
        if c.label in PERSON_LIKE and len(key) >= min_length:
            for rep in representatives.get(c.label, ()):
                if rep[:1] == key[:1] and abs(len(rep) - len(key)) <= max_distance and \
                        Levenshtein.distance(rep, key, score_cutoff=max_distance) <= max_distance:
                    target = rep
                    doubt = "variant linked by edit distance"
                    break
        groups[(c.label, key)] = target
        if target == key:
            representatives.setdefault(c.label, []).append(key)
        out.append((target, doubt))
    return out
