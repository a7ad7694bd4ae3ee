"""One firm, one role in a decision: a law firm that the decision names as counsel
(``les observations de la SCP Vexin et Morvan, avocat de M. X``) is counsel wherever it
names the firm again (``condamne la société à payer à la SCP Vexin et Morvan la somme de
3 000 euros``), not a firm of partners whose names are persons'.

:class:`judanon.detectors.persons.PersonContextDetector` calls :func:`counsel_firms_win`
on its spans. Language-free: it reads labels, offsets and the evidence strings the
detector gives it.
"""

from __future__ import annotations

from typing import List, Sequence, Tuple

import attrs
import regex

from judanon.entities import AVOCAT, PERSONNE_PHYSIQUE, Span
from judanon.text import limits

__all__ = ["counsel_firms_win"]

#: Where a firm's name may start and end (not inside a longer word).
_NOT_WORD = r"[\p{L}\p{M}\d¿\ufffd'’\-]"
#: Spaces inside a firm's name, however the decision breaks them.
_SPACES = limits.compile(r"\s+")


def counsel_firms_win(text: str, spans: Sequence[Span], firm_evidence: str, partner_evidence: str) -> List[Span]:
    """``spans`` with a lawyer's span (evidence ``firm_evidence``) found again wherever
    the decision names that firm with no other lawyer span on it; the person spans of
    ``partner_evidence`` (a firm's partners read as persons) that the firm's name covers
    there are dropped."""
    templates = {text[s.start:s.end]: s for s in spans if s.label == AVOCAT and s.evidence == firm_evidence}
    if not templates:
        return list(spans)
    lawyers = [(s.start, s.end) for s in spans if s.label == AVOCAT]
    found: List[Span] = []
    covered: List[Tuple[int, int]] = []
    for firm in sorted(templates, key=len, reverse=True):
        if sum(ch.isalpha() for ch in firm) < 3:
            continue
        words = [regex.escape(w) for w in _SPACES.split(firm.strip())]
        pattern = limits.compile(rf"(?<!{_NOT_WORD})" + r"\s+".join(words) + rf"(?!{_NOT_WORD})")
        for m in pattern.finditer(text):
            a, b = m.span()
            if any(x < b and a < y for x, y in lawyers + covered):
                continue
            covered.append((a, b))
            found.append(attrs.evolve(templates[firm], start=a, end=b, score=0.85, evidence=firm_evidence + "_again"))
    if not found:
        return list(spans)
    kept = [s for s in spans if not (s.label == PERSONNE_PHYSIQUE and s.evidence == partner_evidence
                                     and any(a <= s.start and s.end <= b for a, b in covered))]
    return sorted(kept + found, key=lambda s: (s.start, s.end))
