"""What a profile's policy keeps visible whatever the detectors propose.

The town in the name of a court, prefecture, bar or other public body is public
information (``cour d'appel de [Lyon]``): a pack lists the patterns that find those
names, and :class:`VisiblePlaces` keeps every place span inside them visible, the
neural detector's included. The evaluation asks the same object which gold mentions
the policy keeps visible, so the two cannot drift apart.
"""

from __future__ import annotations

import bisect
from typing import Any, FrozenSet, Iterable, List, Optional, Sequence, Tuple

import attrs

from judanon import entities as E

__all__ = ["Policy", "VisiblePlaces", "JUDGE_ASKED"]

#: Categories the place policy applies to: a person's name is never kept visible
#: because it stands next to a court's name.
PLACE_LABELS = frozenset({E.LOCALITE, E.ADRESSE, E.ETABLISSEMENT, E.PERSONNE_MORALE})


class VisiblePlaces:
    """Spans of public seats, from a pack's patterns (``Pattern`` values of the regex
    detector; their reported group is the town that stays visible)."""

    labels = PLACE_LABELS

    def __init__(self, patterns: Iterable[Any] = ()):
        from judanon.detectors.regex import RegexDetector

        patterns = tuple(patterns)
        self._detector = RegexDetector(patterns, name="visible-places") if patterns else None

    def __bool__(self) -> bool:
        return self._detector is not None

    def spans(self, text: str) -> List[Tuple[int, int]]:
        """The ``(start, end)`` spans of ``text`` that the policy keeps visible, sorted."""
        if self._detector is None or not text:
            return []
        return [(s.start, s.end) for s in self._detector.detect(text)]

    def keeps(self, text: str, start: int, end: int, label: str, spans: Sequence[Tuple[int, int]]) -> bool:
        """Whether a ``label`` mention at ``start:end`` lies in a kept span (every letter
        and digit of it); ``spans`` comes from :meth:`spans` on the same text."""
        if label not in self.labels or not spans:
            return False
        i = bisect.bisect_right(spans, (start, len(text) + 1)) - 1
        if i < 0:
            return False
        a, b = spans[i]
        if a <= start and end <= b:
            return True
        # a mention may start with punctuation the span leaves out
        return all(not text[k].isalnum() or a <= k < b for k in range(start, end))


#: Why a mention stays visible when the judge asked it (``keep_visible`` terms).
JUDGE_ASKED = "judge-asked"


@attrs.frozen(slots=True)
class Policy:
    """Which categories stay visible, and why.

    A decision's own requests come first: the categories it sets
    (:data:`judanon.entities.REQUESTED_CATEGORIES`) and the mentions of the terms its
    judge asked to hide (``asked_hidden``) are replaced whatever the categories say; the
    mentions of the terms asked to stay visible (``asked_visible``) stay visible
    (reason ``judge-asked``), lawyers aside.
    """

    omit: FrozenSet[str] = frozenset()
    keep_visible: FrozenSet[str] = E.VISIBLE_BY_DEFAULT
    #: ``(start, end)`` of the detected places that the place policy keeps visible
    #: (the seat of a court or public body); a reviewer's own additions are not in it.
    public_places: FrozenSet[Tuple[int, int]] = frozenset()
    #: ``(start, end)`` of the mentions of terms the judge asked to hide, and to keep visible.
    asked_hidden: FrozenSet[Tuple[int, int]] = frozenset()
    asked_visible: FrozenSet[Tuple[int, int]] = frozenset()

    def reason(self, label: str, span: Optional[Tuple[int, int]] = None) -> Optional[str]:
        if label in E.REQUESTED_CATEGORIES or (span is not None and span in self.asked_hidden):
            return None
        if label in E.ALWAYS_VISIBLE:
            return "always-visible"
        if span is not None and span in self.asked_visible:
            return JUDGE_ASKED
        if label in self.omit:
            return "omitted"
        if label in self.keep_visible:
            return "visible-by-default"
        if span is not None and span in self.public_places:
            return "public-place"
        return None
