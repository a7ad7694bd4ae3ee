"""One name, one role in a decision: a court member named with a title somewhere
(``assistée de Mme Inès Roussel, greffière``) is that court member where the decision
names it again with a civility alone or with no context at all (``Mme Inès Roussel a
procédé aux notifications``), not a party.

:class:`judanon.detectors.persons.PersonContextDetector` calls :func:`court_names_win` on
its spans. Language-free: it reads labels, offsets and the evidence strings the detector
gives it as weak.
"""

from __future__ import annotations

from typing import Dict, Iterable, List, Sequence, Set, Tuple

import attrs
import regex

from judanon.entities import MAGISTRAT_GREFFIER, PERSONNE_PHYSIQUE, Span
from judanon.text import limits
from judanon.text.intervals import DisjointIntervals
from judanon.text.normalize import fold

__all__ = ["court_names_win"]

#: What separates two parts of one name: spaces on one line.
_SPACES = " \t\u00a0\u202f"
#: Where a name word may start and end (not inside a longer word).
_NOT_WORD = r"[\p{L}\p{M}\d¿\ufffd'’\-]"


def _runs(text: str, spans: Sequence[Span], label: str) -> List[List[Span]]:
    """The spans of ``label`` grouped into names: parts one to three spaces apart."""
    runs: List[List[Span]] = []
    for s in spans:
        if s.label != label:
            continue
        if runs and 0 < s.start - runs[-1][-1].end <= 3 and not text[runs[-1][-1].end:s.start].strip(_SPACES):
            runs[-1].append(s)
        else:
            runs.append([s])
    return runs


def _key(text: str, run: Sequence[Span]) -> Tuple[str, ...]:
    return tuple(fold(text[s.start:s.end]).strip(".") for s in run)


def _is_court_name(key: Tuple[str, ...], full: Set[Tuple[str, ...]], surnames: Dict[str, Set[Tuple[str, ...]]]) -> bool:
    """The whole name of a court member, or its surname alone, or its surname after the
    same first names."""
    if key in full:
        return True
    first_names = surnames.get(key[-1])
    return first_names is not None and (len(key) == 1 or key[:-1] in first_names)


def court_names_win(text: str, spans: Sequence[Span], weak: Iterable[str]) -> List[Span]:
    """``spans`` where a court member's name found with a title makes a person span the
    court member: a person span whose evidence is in ``weak`` (a civility alone, a bare
    name) naming that member is relabelled, and the member's whole name (two parts or
    more) is found where no span stands, as each part's span."""
    court = _runs(text, spans, MAGISTRAT_GREFFIER)
    if not court:
        return list(spans)
    weak = frozenset(weak)
    full = {_key(text, run) for run in court}
    surnames: Dict[str, Set[Tuple[str, ...]]] = {}
    for key in full:
        surnames.setdefault(key[-1], set()).add(key[:-1])
    relabelled: Dict[Tuple[int, int], Span] = {}
    for run in _runs(text, spans, PERSONNE_PHYSIQUE):
        if all(s.evidence in weak for s in run) and _is_court_name(_key(text, run), full, surnames):
            for s in run:
                relabelled[(s.start, s.end)] = attrs.evolve(s, label=MAGISTRAT_GREFFIER,
                                                            evidence=s.evidence + "+court_name")
    out = [relabelled.get((s.start, s.end), s) for s in spans]
    out.extend(_other_mentions(text, court, out))
    out.sort(key=lambda s: (s.start, s.end))
    return out


def _other_mentions(text: str, court: List[List[Span]], spans: Sequence[Span]) -> List[Span]:
    """Each part's span where a court member's whole name stands with no span on it."""
    taken = DisjointIntervals(_merged(sorted((s.start, s.end) for s in spans)))
    found: List[Span] = []
    seen: Set[Tuple[str, ...]] = set()
    folded = None
    for run in court:
        key = _key(text, run)
        if len(run) < 2 or key in seen:
            continue
        seen.add(key)
        if folded is None:
            folded = fold(text)  # as long as the text: offsets carry over
        first = folded.find(key[0])
        pattern = _name_pattern([text[s.start:s.end] for s in run]) if first >= 0 else None
        while first >= 0:
            m = pattern.match(text, first)
            if m is not None and not taken.overlaps(m.start(), m.end()):
                for k, s in enumerate(run):
                    found.append(attrs.evolve(s, start=m.start(k + 1), end=m.end(k + 1), score=0.85,
                                              evidence="court_name"))
            first = folded.find(key[0], first + 1)
    return found


def _name_pattern(parts: Sequence[str]):
    """The name made of ``parts``, whatever its case, each part a group."""
    return limits.compile(rf"(?<!{_NOT_WORD})" + r"[ \t\u00a0\u202f]+".join(
        "(" + regex.escape(p) + ")" for p in parts) + rf"(?!{_NOT_WORD})", regex.IGNORECASE)


def _merged(intervals: List[Tuple[int, int]]) -> List[Tuple[int, int]]:
    out: List[Tuple[int, int]] = []
    for a, b in intervals:
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out
