"""The one overlap selection: disjoint ``[start, end)`` intervals kept sorted, and the
greedy choice of non-overlapping spans in rank order that every stage uses (a detector
among its own patterns, resolution among detectors, Label's annotations on import).

Overlap tests take log time, so a long decision with thousands of spans stays
linear-ish.
"""

from __future__ import annotations

import bisect
from typing import Any, Callable, Generic, Iterable, List, Optional, Tuple, TypeVar

__all__ = ["DisjointIntervals", "select_disjoint"]

T = TypeVar("T")


class DisjointIntervals(Generic[T]):
    """Disjoint ``[start, end)`` intervals sorted by start, each with an optional item."""

    __slots__ = ("starts", "ends", "items")

    def __init__(self, intervals: Iterable[Tuple[int, int]] = ()):
        self.starts: List[int] = []
        self.ends: List[int] = []
        self.items: List[Optional[T]] = []
        for start, end in sorted(intervals):
            self.starts.append(start)
            self.ends.append(end)
            self.items.append(None)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether an interval overlaps ``[start, end)``."""
        i = bisect.bisect_left(self.starts, end)  # intervals starting before ``end``
        return i > 0 and self.ends[i - 1] > start

    def overlapping(self, start: int, end: int) -> List[Optional[T]]:
        """The items of the intervals overlapping ``[start, end)``, the last one first."""
        out = []
        k = bisect.bisect_left(self.starts, end) - 1
        while k >= 0 and self.ends[k] > start:
            out.append(self.items[k])
            k -= 1
        return out

    def add(self, start: int, end: int, item: Optional[T] = None) -> None:
        """Add an interval (the caller checked it overlaps none)."""
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        self.items.insert(i, item)

    def remove(self, item: T) -> None:
        """Remove the interval of ``item`` (the same object)."""
        idx = next(i for i, it in enumerate(self.items) if it is item)
        del self.starts[idx], self.ends[idx], self.items[idx]


def select_disjoint(items: Iterable[T], rank: Callable[[T], Any],
                    bounds: Callable[[T], Tuple[int, int]] = lambda x: (x.start, x.end),  # type: ignore[attr-defined]
                    ) -> Tuple[List[T], List[T]]:
    """Take ``items`` best ``rank`` first (smallest key), each one that overlaps none
    taken before: ``(taken, sorted by (start, end); the others, in rank order)``."""
    taken: DisjointIntervals[T] = DisjointIntervals()
    kept: List[T] = []
    rejected: List[T] = []
    for item in sorted(items, key=rank):
        start, end = bounds(item)
        if taken.overlaps(start, end):
            rejected.append(item)
        else:
            kept.append(item)
            taken.add(start, end, item)
    kept.sort(key=bounds)
    return kept, rejected
