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
from typing import Iterable, List, Sequence, Tuple

from judanon.entities import Span
from judanon.resolve.candidates import Candidate, merge_identical, rank
from judanon.text.intervals import DisjointIntervals
from judanon.text.markers import marker_spans


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


def resolve_overlaps(text: str, spans: Iterable[Span]) -> List[Candidate]:
    """Apply the overlap policy; returns accepted candidates sorted by offset."""
    markers = marker_spans(text)
    starts = [m[0] for m in markers]
    kept = [s for s in spans if not (markers and _only_marker(text, s, markers, starts))]
    accepted: DisjointIntervals[Candidate] = DisjointIntervals()
    rejected: List[Candidate] = []
    for c in sorted(merge_identical(kept), key=rank):
        if accepted.overlaps(c.start, c.end):
            rejected.append(c)
        else:
            accepted.add(c.start, c.end, c)

    for c in rejected:
        hits = accepted.overlapping(c.start, c.end)
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
            if all(o is a for o in accepted.overlapping(new_start, new_end)):
                accepted.remove(a)
                a.start, a.end = new_start, new_end
                accepted.add(a.start, a.end, a)
    return list(accepted.items)
