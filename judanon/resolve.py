"""From candidate spans to entities: overlap policy, propagation, variant linking.

Overlap policy (also in docs/overlap-policy.md):

1. Spans that only cover a publication marker already in the text (``[Localité 1]``,
   ``[K]``) are dropped: that text is already pseudonymized.
2. Spans with the same ``(start, end, label)`` merge; their evidence is kept together.
3. The remaining spans are ranked by specificity (validated identifier 3 > context rule
   or exact list entry 2 > statistical guess 1), then length (longer first), then start
   offset, label and source (deterministic ties), and accepted greedily when they do not
   overlap an accepted span.
4. A rejected span that overlaps exactly one accepted span of the same label adds its
   evidence to it and, when it reaches further, extends it (nothing it saw is lost);
   a rejected span overlapping several accepted spans of its label adds its evidence
   to each; a rejected span of another label is dropped.
"""

from __future__ import annotations

import bisect
import functools
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import attrs
from rapidfuzz.distance import Levenshtein

from . import entities as E
from . import limits
from .entities import Evidence, Span
from .textnorm import fold, fold_key

#: Publication markers that a decision may already contain.
MARKER_RE = limits.compile(r"\[(?:[A-Z]{1,2}|[^\[\]\n]{0,40}?\d+|X+\d*|\.\.\.|…)\]")

#: Categories whose names propagate to every occurrence in the decision.
PERSON_LIKE = frozenset({E.PERSONNE_PHYSIQUE, E.MAGISTRAT_GREFFIER, E.AVOCAT})

PROPAGATION = "propagation"


@attrs.define(slots=True)
class Candidate:
    """A span under resolution (mutable while the policy runs)."""

    start: int
    end: int
    label: str
    specificity: int
    score: float
    evidence: List[Evidence]

    @property
    def sources(self) -> Tuple[str, ...]:
        return tuple(sorted({e.source for e in self.evidence}))


def marker_intervals(text: str) -> List[Tuple[int, int]]:
    return [m.span() for m in MARKER_RE.finditer(text)]


def _only_marker(text: str, span: Span, markers: Sequence[Tuple[int, int]], starts: Sequence[int]) -> bool:
    """True when every letter and digit of ``span`` lies inside a publication marker."""
    i = bisect.bisect_right(starts, span.start) - 1
    covered = set()
    j = max(i, 0)
    while j < len(markers) and markers[j][0] < span.end:
        a, b = markers[j]
        if b > span.start:
            covered.update(range(max(a, span.start), min(b, span.end)))
        j += 1
    if not covered:
        return False
    return all(pos in covered or not text[pos].isalnum() for pos in range(span.start, span.end))


def merge_identical(spans: Iterable[Span]) -> List[Candidate]:
    merged: Dict[Tuple[int, int, str], Candidate] = {}
    for s in spans:
        key = (s.start, s.end, s.label)
        ev = Evidence(s.source, s.evidence, s.score)
        c = merged.get(key)
        if c is None:
            merged[key] = Candidate(s.start, s.end, s.label, s.specificity, s.score, [ev])
        else:
            c.specificity = max(c.specificity, s.specificity)
            c.score = max(c.score, s.score)
            if ev not in c.evidence:
                c.evidence.append(ev)
    return list(merged.values())


def _rank(c: Candidate):
    return (-c.specificity, -(c.end - c.start), c.start, c.label, c.sources)


def resolve_overlaps(text: str, spans: Iterable[Span]) -> List[Candidate]:
    """Apply the overlap policy; returns accepted candidates sorted by offset."""
    markers = marker_intervals(text)
    starts = [m[0] for m in markers]
    kept = [s for s in spans if not (markers and _only_marker(text, s, markers, starts))]
    acc_starts: List[int] = []  # sorted starts of accepted, parallel to ``ordered``
    ordered: List[Candidate] = []
    rejected: List[Candidate] = []

    def overlapping(c: Candidate) -> List[Candidate]:
        # Accepted spans never overlap, so sorted by start they are sorted by end too:
        # the ones overlapping ``c`` are contiguous just before the first start >= c.end.
        out = []
        k = bisect.bisect_left(acc_starts, c.end) - 1
        while k >= 0 and ordered[k].end > c.start:
            out.append(ordered[k])
            k -= 1
        return out

    for c in sorted(merge_identical(kept), key=_rank):
        if overlapping(c):
            rejected.append(c)
            continue
        i = bisect.bisect_left(acc_starts, c.start)
        acc_starts.insert(i, c.start)
        ordered.insert(i, c)

    for c in rejected:
        hits = overlapping(c)
        same = [a for a in hits if a.label == c.label]
        if not same or len(same) != len(hits):
            continue
        for a in same:
            for ev in c.evidence:
                if ev not in a.evidence:
                    a.evidence.append(ev)
        if len(same) == 1:
            a = same[0]
            new_start, new_end = min(a.start, c.start), max(a.end, c.end)
            probe = Candidate(new_start, new_end, a.label, a.specificity, a.score, [])
            if all(o is a for o in overlapping(probe)):
                idx = ordered.index(a)
                del ordered[idx]
                del acc_starts[idx]
                a.start, a.end = new_start, new_end
                j = bisect.bisect_left(acc_starts, a.start)
                acc_starts.insert(j, a.start)
                ordered.insert(j, a)
    return ordered


#: Replacement characters that exports leave where an accented capital was (``¿ric``).
_LOST_CAPITALS = "¿\ufffd"


def _starts_capitalized(s: str) -> bool:
    return s[:1].isupper() or (s[:1] in _LOST_CAPITALS and s[1:2].isalpha())


def _is_name_like(surface: str) -> bool:
    letters = sum(ch.isalpha() for ch in surface)
    return letters >= 2 and _starts_capitalized(surface)


# "¿" and U+FFFD stand for letters an export lost ("Doroth¿e"): part of the word.
_CAPITALIZED_WORD = limits.compile(r"(?<![\w'’-])[\p{Lu}¿\ufffd][\w¿\ufffd]*")
#: Words repeat across decisions ("Monsieur", "Le"): fold each spelling once.
_fold_word = functools.lru_cache(maxsize=1 << 16)(fold)
_FIRST_WORD = limits.compile(r"[^\s\-'’]*")
_WORD_CONTINUES = limits.compile(r"[\w¿\ufffd-]")

#: A guess (specificity 1) seen by one detector propagates only when that sure of itself.
PROPAGATION_MIN_SCORE = 0.9


def _propagates(c: Candidate) -> bool:
    """Only well-founded mentions propagate: one wrong guess must not spread."""
    return c.specificity >= 2 or c.score >= PROPAGATION_MIN_SCORE or len(c.sources) >= 2


def propagate(text: str, accepted: List[Candidate]) -> List[Candidate]:
    """Find every other occurrence of a detected name (case- and accent-insensitive).

    A name found once is replaced at every occurrence. New mentions take the label
    of the detected mention and record ``propagation`` as their source. Only
    well-founded mentions propagate: a context rule or exact list entry, two detectors
    agreeing, or a guess scored at least ``PROPAGATION_MIN_SCORE``. An
    occurrence must start with a capital letter: names are capitalized, common
    words mostly are not.
    """
    forms: Dict[str, Candidate] = {}
    for c in accepted:
        if c.label not in PERSON_LIKE or not _propagates(c):
            continue
        surface = text[c.start:c.end]
        if not _is_name_like(surface):
            continue
        key = fold(surface)
        best = forms.get(key)
        if best is None or _rank(c) < _rank(best):
            forms[key] = c
    if not forms:
        return accepted
    # Only capitalized words can start an occurrence: look at those alone, folding
    # each candidate (folding is length-preserving, so offsets stay exact).
    by_first: Dict[str, List[str]] = {}
    for f in sorted(forms, key=len, reverse=True):
        by_first.setdefault(_FIRST_WORD.match(f).group(), []).append(f)
    starts = [c.start for c in accepted]
    out = list(accepted)
    n = len(text)
    for w in _CAPITALIZED_WORD.finditer(text):
        candidates = by_first.get(_fold_word(w.group()))
        if not candidates:
            continue
        a = w.start()
        form = next((f for f in candidates if fold(text[a:a + len(f)]) == f
                     and (a + len(f) == n or not _WORD_CONTINUES.match(text, a + len(f)))), None)
        if form is None:
            continue
        b = a + len(form)
        i = bisect.bisect_right(starts, a)
        if i > 0 and accepted[i - 1].end > a:
            continue
        if i < len(accepted) and accepted[i].start < b:
            continue
        origin = forms[form]
        out.append(
            Candidate(a, b, origin.label, 1, origin.score,
                      [Evidence(PROPAGATION, "same surface as a detected " + origin.label, origin.score)])
        )
    out.sort(key=lambda c: (c.start, c.end))
    return out


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
