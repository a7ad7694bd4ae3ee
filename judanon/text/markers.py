"""The one pattern of publication markers: the ``[K]``, ``[Adresse 1]``, ``[...]`` that a
decision already published (or already pseudonymized) carries in place of a mention.

Detectors drop what they find inside one; resolution drops a span made only of
markers; packs use :data:`MARKER` where a marker stands for a word (a town in a list).
"""

from __future__ import annotations

from typing import List, Tuple

from judanon.text import limits

__all__ = ["MARKER", "MARKER_RE", "marker_spans"]

#: A marker: one or two capital letters (``[K]``), a counter (``[Adresse 1]``,
#: ``[XXXXXXXX01]``), or an ellipsis (``[...]``), within one line.
MARKER = r"\[(?:[A-Z]{1,2}|[^\[\]\n]{0,40}?\d+|X+\d*|\.\.\.|…)\]"
#: Bounded repeats and runs of one class between brackets: no timeout, the stdlib engine.
MARKER_RE = limits.linear(MARKER, name="publication marker")


def marker_spans(text: str) -> List[Tuple[int, int]]:
    """``(start, end)`` of every marker of ``text`` (kept by a shared text, which several
    readers ask: :class:`judanon.text.shared.SharedText`)."""
    if "[" not in text:
        return []
    cached = getattr(text, "markers", None)
    return list(cached) if cached is not None else [m.span() for m in MARKER_RE.finditer(text)]
