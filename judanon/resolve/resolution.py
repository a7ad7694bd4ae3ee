"""The one resolve sequence: from detected spans (or a person's decisions) to candidates,
their link keys and doubts.

The machine run, a review and a Label import all call :func:`resolve`; what differs
between them is what they start from and which steps they ask for:

1. **Spans** a detector proposed: with the zones, the names of court members in the
   bench and the signatures (:mod:`~judanon.resolve.court`); one-word guesses written in lowercase elsewhere go
   (:func:`~judanon.resolve.propagation.drop_lowercase_guesses`), then company words
   (:func:`~judanon.resolve.companies.drop_company_words`), then the overlap policy
   (:func:`~judanon.resolve.overlaps.resolve_overlaps`). These steps read what each span
   declares (``Span.roles``), never which detector made it.
2. **Decided** candidates (``accepted``: a reviewer's or Label's, taken as they are;
   ``added``: a reviewer's additions) skip those steps and win over any span they
   overlap; ``blocked`` places (mentions a reviewer removed) take nothing new.
3. **Propagation** (``propagate_names``): the names of the candidates from spans and of
   ``added`` are found at their other occurrences, and, with ``inflections``, in their
   other case forms (:mod:`~judanon.resolve.propagation`, :mod:`~judanon.resolve.inflection`).
   ``accepted`` candidates do not spread; nothing found overlaps them or ``blocked``.
4. **Masking wins** (``visible``, a category test; ``None`` skips the step): a name
   replaced as a person is replaced where it stands as a visible court member or lawyer
   (:mod:`~judanon.resolve.masking`).
5. **Linking**: variants of one referent share a key (:mod:`~judanon.resolve.linking`),
   and so do the case forms of one name (``inflections``); ``keys`` decided beforehand
   (Label's ``entityId``, by ``(start, end)``) replace those of the mentions they name.

A decision's ``requests`` (:mod:`~judanon.resolve.requests`) join the steps: after the
overlap policy, the terms its judge asked to hide win over the spans they overlap, and
the parts hidden whole (its reasons) become decided candidates that take the place of
every span inside them; after masking, the mentions inside a term asked to stay visible
are marked; after linking, a mention linked to a term asked hidden is marked too.
"""

from __future__ import annotations

from typing import Callable, Dict, List, Mapping, Optional, Sequence, Tuple

import attrs

from judanon.entities import Span
from judanon.resolve.candidates import Candidate
from judanon.resolve.companies import drop_company_words
from judanon.resolve.court import court_members
from judanon.resolve.inflection import AnyDeclensions, link_inflections, propagate_inflections
from judanon.resolve.linking import link
from judanon.resolve.masking import masking_wins
from judanon.resolve.overlaps import resolve_overlaps
from judanon.resolve.propagation import drop_lowercase_guesses, propagate
from judanon.resolve.requests import NO_REQUESTS, Requests, hide_parts, hide_terms, keep_terms, spread_marks
from judanon.text.intervals import DisjointIntervals
from judanon.text.zones import Zones, ZoneWords, find_zones

__all__ = ["Resolution", "resolve"]

Link = Tuple[str, Optional[str]]


@attrs.frozen(slots=True)
class Resolution:
    """What :func:`resolve` returns.

    ``candidates`` are disjoint and sorted by offset; ``links`` holds, per candidate, its
    link key (one key, one replacement) and the doubt a reviewer should look at, or
    ``None``; ``two_labels`` maps the ``(start, end)`` of each mention that masking wins
    turned into a person to the label it had.
    """

    candidates: List[Candidate]
    links: List[Link]
    two_labels: Mapping[Tuple[int, int], str] = attrs.field(factory=dict)


def resolve(text: str, spans: Sequence[Span] = (), *, accepted: Sequence[Candidate] = (),
            added: Sequence[Candidate] = (), blocked: Sequence[Tuple[int, int]] = (),
            propagate_names: bool = True, inflections: AnyDeclensions = (),
            visible: Optional[Callable[[str], bool]] = None,
            keys: Optional[Mapping[Tuple[int, int], str]] = None,
            requests: Requests = NO_REQUESTS, zone_words: Optional[ZoneWords] = None,
            zones: Optional[Zones] = None) -> Resolution:
    """Resolve ``spans`` (offsets into ``text``) and decided candidates into one
    :class:`Resolution`; see the module's documentation for the steps and options.

    ``accepted`` and ``added`` must not overlap one another or ``blocked``, nor the
    parts ``requests`` hides. With ``zone_words`` (a pack's), the names of court members
    in the bench are told from the zones of ``text`` (``zones``, found when needed).
    """
    if zone_words is not None and spans:
        spans = court_members(text, spans, zone_words,
                              (lambda: zones) if zones is not None else (lambda: find_zones(text, zone_words)))
    found, confined = _from_spans(text, spans)
    if requests.hide:
        found = hide_terms(text, found, requests.hide, visible)
    if requests.hidden:
        found, parts = hide_parts(found, requests.hidden)
        accepted = sorted(list(accepted) + parts, key=_offsets)
    decided = _cover([(c.start, c.end) for c in accepted] + [(c.start, c.end) for c in added] + list(blocked))
    if decided.starts:
        found = [c for c in found if not decided.overlaps(c.start, c.end)]
    spreading = sorted(found + list(added), key=_offsets) if added else found
    candidates = spreading
    if propagate_names and spreading:
        candidates = _spread(text, spreading, confined, inflections, accepted, blocked)
    if accepted:
        candidates = sorted(list(accepted) + candidates, key=_offsets)
    two_labels: Dict[Tuple[int, int], str] = {}
    if visible is not None:
        candidates, two_labels = masking_wins(text, candidates, visible)
    if requests.keep:
        candidates = keep_terms(candidates, requests.keep)
    links = _links(text, candidates, inflections, keys, two_labels)
    if requests.hide:
        spread_marks(candidates, links)
    return Resolution(candidates, links, two_labels)


def _offsets(c: Candidate) -> Tuple[int, int]:
    return c.start, c.end


def _cover(intervals: Sequence[Tuple[int, int]]) -> DisjointIntervals:
    """The union of ``intervals`` (which may overlap) as disjoint intervals."""
    merged: List[Tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return DisjointIntervals(merged)


def _from_spans(text: str, spans: Sequence[Span]) -> Tuple[List[Candidate], frozenset]:
    """The overlap policy's candidates from ``spans``, after the lowercase guesses and the
    company words are gone; and the guesses confined to a company's name."""
    if not spans:
        return [], frozenset()
    spans = drop_lowercase_guesses(text, spans)
    spans, confined = drop_company_words(text, spans)
    return resolve_overlaps(text, spans), confined


def _spread(text: str, spreading: List[Candidate], confined: frozenset, inflections: AnyDeclensions,
            accepted: Sequence[Candidate], blocked: Sequence[Tuple[int, int]]) -> List[Candidate]:
    """``spreading`` and the other occurrences (and case forms) of their names, none of
    which overlaps ``accepted`` or ``blocked``; sorted by offset."""
    grown = propagate(text, spreading, confined)
    if inflections:
        grown = propagate_inflections(text, grown, inflections)
    if not accepted and not blocked:
        return grown
    taken = _cover([(c.start, c.end) for c in accepted] + list(blocked))
    origin = {id(c) for c in spreading}
    return [c for c in grown if id(c) in origin or not taken.overlaps(c.start, c.end)]


def _links(text: str, candidates: List[Candidate], inflections: AnyDeclensions,
           keys: Optional[Mapping[Tuple[int, int], str]], two_labels: Mapping[Tuple[int, int], str]) -> List[Link]:
    links = link(text, candidates)
    if inflections:
        links = link_inflections(text, candidates, links, inflections)
    if keys:  # a key decided beforehand is a person's decision: it overrides any guess
        links = [(keys[(c.start, c.end)], None) if keys.get((c.start, c.end)) else guessed
                 for c, guessed in zip(candidates, links)]
    if two_labels:
        links = [(key, doubt or (f"labelled {two_labels[(c.start, c.end)]} here and {c.label} elsewhere: "
                                 "masking wins" if (c.start, c.end) in two_labels else None))
                 for c, (key, doubt) in zip(candidates, links)]
    return links
