"""What one decision asks beyond the Anonymizer's settings: its reasons hidden whole
(``hide_motivations``), terms its judge wants hidden or kept visible (``also_hide``,
``keep_visible``, or the court's free text, ``instructions``).

:func:`read_requests` checks ``anonymize``'s arguments and reads the instructions with
the pack's words; :func:`prepare` finds, in the text the detectors read, the parts to
hide (the zones of the reasons, with the pack's zone words) and the occurrences of the
terms, as :class:`judanon.resolve.requests.Requests`, with the doubts a reviewer should
see. Nothing here holds or logs a term beyond the values the caller gave.

Hidden reasons: the zones ``expose du litige``, ``moyens``, ``motivations`` and
``moyens annexes`` (:data:`HIDDEN_ZONES`). The grounds of appeal are hidden with the
reasons: they restate the facts and the parties' arguments that the reasons discuss, and
in a decision of the Cour de cassation each ground and the court's answer to it
alternate. Zones that follow one another become one replacement.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

import attrs

from judanon import entities as E
from judanon.audit.trail import DoubtRecord
from judanon.errors import ArgumentError, ArgumentTypeError, ZoningError
from judanon.resolve.requests import HiddenPart, Requests
from judanon.text.normalize import fold_key
from judanon.text.zones import (COMPOSITION, DISPOSITIF, EXPOSE, MOTIVATIONS, MOYENS, MOYENS_ANNEXES, Zones,
                                find_zones)

__all__ = ["DecisionRequests", "read_requests", "prepare", "Prepared", "hidden_parts", "label_terms", "HIDDEN_ZONES",
           "UNSURE_FACTS_CHARS"]

#: The zones hidden whole when a decision's reasons are hidden (see the module's documentation).
HIDDEN_ZONES = (EXPOSE, MOYENS, MOTIVATIONS, MOYENS_ANNEXES)
#: Kind of decision without an ``expose du litige`` as a rule: a decision of the Cour de
#: cassation not specially reasoned goes from its introduction to its reasons.
NO_FACTS_KINDS = frozenset({"cassation"})
#: Without an ``expose du litige``, more non-space characters than this between the bench
#: and the reasons may tell the facts: a doubt says so.
UNSURE_FACTS_CHARS = 400


def _terms(name: str, value) -> Tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        raise ArgumentTypeError(f"{name} takes a list of terms, not one string: {name}=[{value!r}]")
    try:
        terms = tuple(value)
    except TypeError:
        raise ArgumentTypeError(f"{name} must be a list of terms (str), not {type(value).__name__}") from None
    if not all(isinstance(t, str) for t in terms):
        raise ArgumentTypeError(f"{name} must hold terms (str)")
    return tuple(t.strip() for t in terms if t.strip())


def _unique(terms: Iterable[str], but: Iterable[str] = ()) -> Tuple[str, ...]:
    """Each term once (capitals, accents and spacing aside), none of ``but``."""
    seen = {fold_key(t) for t in but}
    out = []
    for t in terms:
        key = fold_key(t)
        if key not in seen:
            seen.add(key)
            out.append(t)
    return tuple(out)


@attrs.frozen(slots=True)
class DecisionRequests:
    """A decision's requests, checked: ``hide_motivations``, the terms to hide and to
    keep visible (those of the instructions included; a term asked both ways stays
    hidden), ``unread``: what the instructions' reading could not read (doubts that never
    quote them), ``instructions``: whether free-text instructions were given."""

    hide_motivations: bool = False
    also_hide: Tuple[str, ...] = ()
    keep_visible: Tuple[str, ...] = ()
    unread: Tuple[str, ...] = ()
    instructions: bool = False

    def __bool__(self) -> bool:
        return bool(self.hide_motivations or self.also_hide or self.keep_visible or self.unread)

    @property
    def failed(self) -> bool:
        """Whether part of the instructions could not be read (Label's ``additionalTermsParsingFailed``)."""
        return bool(self.unread)

    def configuration(self, plaintext: bool) -> Tuple[Tuple[str, Any], ...]:
        """What the audit trail's configuration records: the terms themselves only in a
        plaintext trail, else their numbers."""
        def terms(values: Tuple[str, ...]):
            return values if plaintext else len(values)

        return (("hide_motivations", self.hide_motivations), ("also_hide_terms", terms(self.also_hide)),
                ("keep_visible_terms", terms(self.keep_visible)), ("instructions_failed", self.failed))


def read_requests(hide_motivations: bool = False, also_hide: Optional[Sequence[str]] = None,
                  keep_visible: Optional[Sequence[str]] = None, instructions: Optional[str] = None,
                  profile: Optional[str] = None) -> DecisionRequests:
    """The requests of ``anonymize``'s arguments, checked; ``instructions`` are read with
    the words of pack ``profile`` (:func:`judanon.structure.parse_instructions`)."""
    if hide_motivations not in (True, False):
        raise ArgumentTypeError(f"hide_motivations must be True or False, not {hide_motivations!r}")
    hide = _terms("also_hide", also_hide)
    keep = _terms("keep_visible", keep_visible)
    categories = [t for t in keep if t in E.CATEGORIES]
    if categories:
        raise ArgumentError(
            f"keep_visible in anonymize() takes terms of the decision, and {categories[0]!r} is a category: "
            "categories to leave visible go to omit=[...] (or Anonymizer(keep_visible=[...]) for every decision)")
    unread: Tuple[str, ...] = ()
    given = instructions is not None
    if given:
        from judanon.structure import parse_instructions

        read = parse_instructions(instructions, profile)
        hide, keep, unread = hide + read.also_hide, keep + read.keep_visible, read.doubts
    hide = _unique(hide)
    return DecisionRequests(bool(hide_motivations), hide, _unique(keep, but=hide), unread, given)


@attrs.frozen(slots=True)
class Prepared:
    """What :func:`prepare` found: the ``requests`` resolution takes (offsets into the
    text given to it) and the ``doubts`` of the requests (offsets likewise)."""

    requests: Requests = Requests()
    doubts: Tuple[DoubtRecord, ...] = ()
    #: The zones of the text, when they were needed.
    zones: Optional[Zones] = None


def prepare(text: str, asked: DecisionRequests, profile: str, lexicon=None, particles: Iterable[str] = (),
            lead_particles: Iterable[str] = ()) -> Prepared:
    """The parts to hide and the occurrences of the terms in ``text`` (the normalized view
    the detectors read), with the words of pack ``profile``; ``lexicon``, ``particles``
    and ``lead_particles`` are the pack's (see :mod:`judanon.detectors.terms`).

    Raises :class:`judanon.errors.ZoningError` when the reasons must be hidden and no
    ``motivations`` zone is found, and :class:`judanon.structure.NoZoneWordsError` when
    the pack cannot zone."""
    doubts: List[DoubtRecord] = [DoubtRecord("instructions-unread", (), f"instructions: {d}") for d in asked.unread]
    hidden: Tuple[HiddenPart, ...] = ()
    found: Optional[Zones] = None
    if asked.hide_motivations:
        from judanon.structure import zone_words

        found = find_zones(text, zone_words(profile))
        hidden, zone_doubts = hidden_parts(text, found)
        doubts += zone_doubts
    hide, keep = [], []
    if asked.also_hide or asked.keep_visible:
        from judanon.detectors.terms import TermDetector

        if asked.also_hide:
            hide = TermDetector(asked.also_hide, lexicon, particles, lead_particles).detect(text)
            doubts += _not_found(asked.also_hide, hide)
        if asked.keep_visible:
            keep = [(s.start, s.end) for s in TermDetector(asked.keep_visible, lexicon, particles, lead_particles,
                                                            keep=True).detect(text)]
    return Prepared(Requests(hidden, hide, keep), tuple(doubts), found)


def _not_found(terms: Sequence[str], spans) -> List[DoubtRecord]:
    found = {s.evidence.split(":")[1] if s.evidence.startswith("term:") else s.evidence.rpartition("#")[2]
             for s in spans}
    return [DoubtRecord("term-not-found", (), f"term {n + 1} of {len(terms)} asked hidden was not found in the text")
            for n in range(len(terms)) if str(n) not in found]


def hidden_parts(text: str, zones: Zones) -> Tuple[Tuple[HiddenPart, ...], List[DoubtRecord]]:
    """The parts of ``text`` hidden whole (the :data:`HIDDEN_ZONES` of ``zones``; zones that
    follow one another make one part) and the doubts on what may stay visible."""
    if not zones.get(MOTIVATIONS):
        raise ZoningError(
            "hide_motivations: the reasons of this decision were not found (no heading of reasons, no reasons "
            "after the introduction); it was not pseudonymized. Check that the text is the whole decision, or "
            "hide the reasons by hand (a review adding a 'motivations' span)", detector="zoning")
    groups: List[List[Any]] = []
    for zone in zones:
        if zone.name not in HIDDEN_ZONES:
            groups.append([])
        elif groups and groups[-1]:
            groups[-1].append(zone)
        else:
            groups.append([zone])
    kind = zones.kind or "unknown kind of"
    parts = tuple(HiddenPart(g[0].start, g[-1].end, E.MOTIVATIONS,
                             f"{kind} decision: zones {', '.join(dict.fromkeys(z.name for z in g))}")
                  for g in groups if g)
    return parts, _zone_doubts(text, zones, parts)


def _zone_doubts(text: str, zones: Zones, parts: Sequence[HiddenPart]) -> List[DoubtRecord]:
    doubts: List[DoubtRecord] = []
    first = parts[0]
    if not zones.get(EXPOSE) and zones.kind not in NO_FACTS_KINDS:
        bench = [z for z in zones.get(COMPOSITION) if z.end <= first.start]
        start = bench[-1].end if bench else (zones.zones[0].start if zones.zones else 0)
        if len("".join(text[start:first.start].split())) > UNSURE_FACTS_CHARS:
            doubts.append(DoubtRecord("hidden-zone", (), "no 'expose du litige' found: the text between the bench "
                                      "and the reasons stays visible; hide it if it tells the facts",
                                      start, first.start))
    if not zones.get(DISPOSITIF):
        last = parts[-1]
        doubts.append(DoubtRecord("hidden-zone", (), "no dispositif found: the reasons were hidden up to the end "
                                  "of the decision", last.start, last.end))
    return doubts


def label_terms(asked: DecisionRequests) -> Optional[Dict[str, Tuple[str, ...]]]:
    """The judge's terms as Label names them (``additionalTermsToAnnotate``,
    ``additionalTermsToUnAnnotate``), for the audit trail's memory; ``None`` when there is none."""
    if not (asked.also_hide or asked.keep_visible):
        return None
    return {"additionalTermsToAnnotate": asked.also_hide, "additionalTermsToUnAnnotate": asked.keep_visible}
