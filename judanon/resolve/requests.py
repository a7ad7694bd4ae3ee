"""What one decision asks of resolution beyond its detectors' spans: parts hidden whole
(its reasons, ``hide_motivations``), the terms its judge asked to hide and those asked
to stay visible.

- **Terms to hide** (:func:`hide_terms`): a term's occurrence inside a mention that is
  replaced anyway marks that mention; otherwise it replaces the mentions it overlaps,
  and reaches over those that would be replaced (nothing of them is left visible). Its
  mentions are replaced whatever the categories left visible say. A term that is no name
  takes the category a detector gave it where it found the term exactly (a town stays a
  ``localite``), else ``annotationSupplementaire``: one term, one replacement.
- **Parts hidden whole** (:func:`hide_parts`): a part replaces every mention inside it
  and reaches over the mentions it cuts; propagation finds nothing inside it, so that no
  name, letter or counter is spent on what it hides.
- **Terms to keep visible** (:func:`keep_terms`): a mention lying inside an occurrence of
  such a term stays visible (reason ``judge-asked``), unless a term to hide asks otherwise.

Marks are evidence on the candidates (sources :data:`ASKED_HIDE`, :data:`ASKED_KEEP`,
:data:`HIDDEN_PART`), so that the audit trail shows them and the policy reads them
(:func:`asked_spans`).
"""

from __future__ import annotations

import bisect
from collections import Counter
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

import attrs

from judanon import entities as E
from judanon.entities import Evidence, Span
from judanon.resolve.candidates import Candidate
from judanon.resolve.overlaps import resolve_overlaps
from judanon.text.intervals import DisjointIntervals

__all__ = ["Requests", "HiddenPart", "hide_terms", "hide_parts", "keep_terms", "spread_marks", "asked_spans",
           "ASKED_HIDE", "ASKED_KEEP", "HIDDEN_PART", "NO_REQUESTS"]

#: Evidence source of the mentions of a term the judge asked to hide (the term
#: detector's name, :mod:`judanon.detectors.terms`).
ASKED_HIDE = "judge-terms"
#: Evidence source of the mentions kept visible because the judge asked.
ASKED_KEEP = "judge-asked"
#: Evidence source of a part of the decision hidden whole.
HIDDEN_PART = "zoning"


@attrs.frozen(slots=True)
class HiddenPart:
    """``text[start:end]`` is hidden whole as one ``label`` mention; ``detail`` says
    what it is (zones and kind of decision, never its text)."""

    start: int
    end: int
    label: str = E.MOTIVATIONS
    detail: str = ""


# Typed converters, one per field type: ``converter=tuple`` (or one generic function)
# leaves mypy's attrs plugin a type variable it does not solve.
def _parts(value: Iterable[HiddenPart]) -> Tuple[HiddenPart, ...]:
    return tuple(value)


def _spans(value: Iterable[Span]) -> Tuple[Span, ...]:
    return tuple(value)


def _bounds(value: Iterable[Tuple[int, int]]) -> Tuple[Tuple[int, int], ...]:
    return tuple(value)


@attrs.frozen(slots=True)
class Requests:
    """A decision's requests, in offsets of the text resolved: ``hidden`` parts, the
    spans of the terms to ``hide`` (a term detector's), the ``(start, end)`` of the
    occurrences of the terms to ``keep`` visible."""

    hidden: Tuple[HiddenPart, ...] = attrs.field(default=(), converter=_parts)
    hide: Tuple[Span, ...] = attrs.field(default=(), converter=_spans)
    keep: Tuple[Tuple[int, int], ...] = attrs.field(default=(), converter=_bounds)

    def __bool__(self) -> bool:
        return bool(self.hidden or self.hide or self.keep)


NO_REQUESTS = Requests()


def _asked_hidden(c: Candidate) -> bool:
    return any(e.source == ASKED_HIDE for e in c.evidence)


def hide_terms(text: str, found: List[Candidate], spans: Sequence[Span],
               visible: Optional[Callable[[str], bool]] = None) -> List[Candidate]:
    """``found`` (disjoint, sorted) with the occurrences of the terms to hide (``spans``)
    resolved into them; see the module's documentation."""
    if not spans:
        return found
    shows = visible or (lambda label: False)
    placed: DisjointIntervals[Candidate] = DisjointIntervals()
    for c in found:
        placed.add(c.start, c.end, c)
    named: Dict[str, Counter] = {}  # term -> categories detectors gave it where found exactly
    added: List[Candidate] = []
    for term in resolve_overlaps(text, spans):
        hits = [c for c in placed.overlapping(term.start, term.end) if c is not None]
        holder = next((c for c in hits if c.start <= term.start and term.end <= c.end and not shows(c.label)), None)
        if holder is not None:
            holder.evidence.append(Evidence(ASKED_HIDE, "holds a term the judge asked to hide", 1.0))
            if (holder.start, holder.end) == (term.start, term.end):
                named.setdefault(_term_of(term), Counter())[holder.label] += 1
            continue
        for c in hits:
            placed.remove(c)
            if not shows(c.label):  # reach over what would be replaced: none of it shows
                term.start, term.end = min(term.start, c.start), max(term.end, c.end)
                term.evidence.extend(e for e in c.evidence if e not in term.evidence)
        placed.add(term.start, term.end, term)
        added.append(term)
    for term in added:  # one term, one category: the one a detector gave it
        labels = named.get(_term_of(term))
        if labels and term.label == E.ANNOTATION_SUPPLEMENTAIRE:
            term.label = labels.most_common(1)[0][0]
    return [c for c in placed.items if c is not None]


def _term_of(c: Candidate) -> str:
    """Which term a candidate's first evidence names (``judge-terms#<n>``)."""
    return next((e.detail for e in c.evidence if e.source == ASKED_HIDE), "")


def hide_parts(found: List[Candidate], parts: Sequence[HiddenPart]) -> Tuple[List[Candidate], List[Candidate]]:
    """``found`` without the candidates the ``parts`` cover or cut, and the parts as
    candidates (each reaching over the candidates it cuts)."""
    if not parts:
        return found, []
    out = list(found)
    made: List[Candidate] = []
    for part in sorted(parts, key=lambda p: (p.start, p.end)):
        start, end = part.start, part.end
        inside = [c for c in out if c.start < end and start < c.end]
        for c in inside:
            start, end = min(start, c.start), max(end, c.end)
        if inside:
            ids = {id(c) for c in inside}
            out = [c for c in out if id(c) not in ids]
        if made and made[-1].end > start:  # two parts cut by one mention become one
            made[-1].end = max(made[-1].end, end)
            made[-1].evidence.append(Evidence(HIDDEN_PART, part.detail, 1.0))
            continue
        made.append(Candidate(start, end, part.label, 3, 1.0, [Evidence(HIDDEN_PART, part.detail, 1.0)]))
    return out, made


def _covering(intervals: Iterable[Tuple[int, int]]) -> List[Tuple[int, int]]:
    merged: List[Tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def keep_terms(candidates: List[Candidate], keep: Sequence[Tuple[int, int]]) -> List[Candidate]:
    """Marks the candidates lying inside an occurrence of a term to keep visible (none
    of a category the decision requests, none holding a term to hide)."""
    if not keep:
        return candidates
    cover = _covering(keep)
    starts = [a for a, _ in cover]
    for c in candidates:
        if c.label in E.REQUESTED_CATEGORIES or _asked_hidden(c):
            continue
        k = bisect.bisect_right(starts, c.start) - 1
        if k >= 0 and c.end <= cover[k][1]:
            c.evidence.append(Evidence(ASKED_KEEP, "inside a term the judge asked to keep visible", 1.0))
    return candidates


def spread_marks(candidates: Sequence[Candidate], links: Sequence[Tuple[str, Optional[str]]]) -> None:
    """A mention linked to a term asked hidden (another case form of the name) is asked
    hidden too."""
    keys = {(c.label, key) for c, (key, _) in zip(candidates, links) if _asked_hidden(c)}
    if not keys:
        return
    for c, (key, _) in zip(candidates, links):
        if (c.label, key) in keys and not _asked_hidden(c):
            c.evidence.append(Evidence(ASKED_HIDE, "linked to a term the judge asked to hide", 1.0))


def asked_spans(candidates: Iterable) -> Tuple[frozenset, frozenset]:
    """The ``(start, end)`` of the candidates (or entities) asked hidden, and of those
    asked visible (for :class:`judanon.resolve.policy.Policy`)."""
    hidden, shown = set(), set()
    for c in candidates:
        sources = {e.source for e in c.evidence}
        if ASKED_HIDE in sources:
            hidden.add((c.start, c.end))
        elif ASKED_KEEP in sources:
            shown.add((c.start, c.end))
    return frozenset(hidden), frozenset(shown)
