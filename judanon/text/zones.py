"""The zones of a court decision, found from its headings and formulas.

The Cour de cassation's document model splits a decision into zones, in this order:
``introduction`` (court, chamber, case number, parties, bench), ``expose du litige``
(facts, procedure, claims), ``moyens`` and ``motivations`` (grounds of appeal as stated
and the court's reasons: they alternate in the Cour de cassation's decisions),
``dispositif`` (what the court decides, up to the signatures) and ``moyens annexes``.
Sub-zones name the court (``juridiction``), its ``chambre``, the case ``numero``, the
bench (``composition``) and the ``signature``.

:func:`find_zones` reads a text with a language's :class:`ZoneWords` (a pack's headings
and formulas) and returns :class:`Zones`: character spans into the text, zones in text
order, never overlapping. Headings match whole lines of the normalized, folded text
(:mod:`judanon.text.normalize`); every pattern runs under the decision's time budget
(:mod:`judanon.text.limits`). A zone the text does not show is absent: nothing is guessed
past headings and formulas, except where unheaded reasons or facts open (``Attendu``,
``Vu``, after the bench).

The words and the patterns built from them live in :mod:`judanon.text.zone_words`, the
tests on a decision's lines in :mod:`judanon.text.zone_lines`; this module holds the
values and the plan of the zones.
"""

from __future__ import annotations

import bisect
from typing import Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple

import attrs
import regex

from judanon.errors import ArgumentTypeError
from judanon.text import limits
from judanon.text.normalize import normalize
from judanon.text.zone_lines import MAX_SIGNATURE_LINE_CHARS, Lines, member_runs
from judanon.text.zone_words import ZoneWords, ZoneWordsError

__all__ = [
    "Zone", "Zones", "ZoneWords", "ZoneWordsError", "find_zones",
    "ZONE_NAMES", "SUBZONE_NAMES", "INTRODUCTION", "EXPOSE", "MOYENS", "MOTIVATIONS", "DISPOSITIF",
    "MOYENS_ANNEXES", "JURIDICTION", "CHAMBRE", "NUMERO", "COMPOSITION", "SIGNATURE",
]

# The zone names of the Cour de cassation's document model (its identifiers, like
# Label's category names: the same in every language).
INTRODUCTION = "introduction"
EXPOSE = "expose du litige"
MOYENS = "moyens"
MOTIVATIONS = "motivations"
DISPOSITIF = "dispositif"
MOYENS_ANNEXES = "moyens annexes"
ZONE_NAMES = (INTRODUCTION, EXPOSE, MOYENS, MOTIVATIONS, DISPOSITIF, MOYENS_ANNEXES)

JURIDICTION = "juridiction"
CHAMBRE = "chambre"
NUMERO = "numero"
COMPOSITION = "composition"
SIGNATURE = "signature"
SUBZONE_NAMES = (JURIDICTION, CHAMBRE, NUMERO, COMPOSITION, SIGNATURE)

#: A text with fewer non-space characters than this holds no decision (an export that
#: wrote ``undefined``): :func:`zone_shares` leaves it out.
MIN_DECISION_CHARS = 100





@attrs.frozen(slots=True)
class Zone:
    """One zone: ``text[start:end]`` is its text (``name`` one of :data:`ZONE_NAMES`
    or :data:`SUBZONE_NAMES`)."""

    name: str
    start: int
    end: int

    def __contains__(self, offset: int) -> bool:
        return self.start <= offset < self.end

    def __len__(self) -> int:
        return self.end - self.start


def _sorted_zones(zones: Iterable[Zone]) -> Tuple[Zone, ...]:
    return tuple(sorted(zones, key=lambda z: (z.start, -z.end, z.name)))


@attrs.frozen(slots=True)
class Zones:
    """The zones of one text: ``zones`` in text order without overlap, ``subzones``
    inside them, and the ``kind`` of decision the court's name showed (a key of the
    pack's ``courts``, ``None`` when no court was named).

    A zone may come in several parts (the ``moyens`` and ``motivations`` of a decision
    of the Cour de cassation alternate): :meth:`get` returns them all.
    """

    kind: Optional[str] = None
    zones: Tuple[Zone, ...] = attrs.field(default=(), converter=_sorted_zones)
    subzones: Tuple[Zone, ...] = attrs.field(default=(), converter=_sorted_zones)

    def get(self, name: str) -> Tuple[Zone, ...]:
        """Every part of zone or sub-zone ``name``, in text order (empty when absent)."""
        return tuple(z for z in self.zones + self.subzones if z.name == name)

    def first(self, name: str) -> Optional[Zone]:
        """The first part of ``name``, or ``None``."""
        found = self.get(name)
        return found[0] if found else None

    def spans(self, name: str) -> Tuple[Tuple[int, int], ...]:
        """``(start, end)`` of every part of ``name``."""
        return tuple((z.start, z.end) for z in self.get(name))

    def at(self, offset: int) -> Optional[Zone]:
        """The zone (not sub-zone) holding character ``offset``, or ``None``."""
        k = bisect.bisect_right([z.start for z in self.zones], offset) - 1
        if k >= 0 and offset in self.zones[k]:
            return self.zones[k]
        return None

    def within(self, offset: int) -> Tuple[Zone, ...]:
        """The zone and the sub-zones holding ``offset``, the zone first."""
        top = self.at(offset)
        return ((top,) if top else ()) + tuple(z for z in self.subzones if offset in z)

    @property
    def names(self) -> Tuple[str, ...]:
        """The zones found, each once, in text order."""
        return tuple(dict.fromkeys(z.name for z in self.zones))

    def __contains__(self, name: object) -> bool:
        return any(z.name == name for z in self.zones + self.subzones)

    def __iter__(self) -> Iterator[Zone]:
        return iter(self.zones)

    def __len__(self) -> int:
        return len(self.zones)

    def to_dict(self) -> Dict[str, object]:
        """A JSON-ready form, zones as the Cour de cassation's ``zoning`` writes them:
        ``{"kind": ..., "zones": {name: [{"start": s, "end": e}, ...]}, "subzones": {...}}``."""
        def group(zones: Sequence[Zone]) -> Dict[str, List[Dict[str, int]]]:
            out: Dict[str, List[Dict[str, int]]] = {}
            for z in zones:
                out.setdefault(z.name, []).append({"start": z.start, "end": z.end})
            return out

        return {"kind": self.kind, "zones": group(self.zones), "subzones": group(self.subzones)}



_SYMBOLS_RE = regex.compile(r"[^\p{L}\p{N}]+")
_DIGIT_RE = regex.compile(r"\d")
#: Court, chamber and number lines of a header are short, and among its first lines.
_MAX_HEADER_LINE_CHARS = 120
_HEADER_LINES = 100


def _first(indexes: Sequence[int], lo: int, hi: int) -> Optional[int]:
    k = bisect.bisect_left(indexes, lo)
    return indexes[k] if k < len(indexes) and indexes[k] < hi else None


def _last(indexes: Sequence[int], lo: int, hi: int) -> Optional[int]:
    k = bisect.bisect_left(indexes, hi) - 1
    return indexes[k] if k >= 0 and indexes[k] >= lo else None


def _introduction_floor(lines: Lines, headings: Mapping[str, List[int]], hi: int) -> int:
    """The line after the last one closing the introduction (``... a rendu le présent
    arrêt.``) before every heading of a later zone; else 0."""
    before = min([hi] + [idx[0] for key, idx in headings.items() if idx and key != "annex"])
    for i in range(before - 1, -1, -1):  # the last one: an older style names it twice
        if lines.has("ends", i, len(lines.text)):
            return i + 1
    return 0


def _unheaded_reasons(lines: Lines, lo: int, hi: int) -> Optional[int]:
    """The first line of reasons written without a heading: one opening like reasons
    (``Attendu que``, ``Vu``), with reasons up to ``hi``."""
    for i in range(lo, hi):
        if lines.opens("reasons", i):
            return i
    return None




@attrs.frozen(slots=True)
class _Plan:
    """Line indexes of the zones' first lines (``None``: absent)."""

    expose: Optional[int]
    reasons: Optional[int]
    dispositif: Optional[int]
    annex: Optional[int]
    first_zone: Optional[int]


def _plan(lines: Lines, headings: Mapping[str, List[int]]) -> _Plan:
    """Where each zone starts, from the headings (line indexes per key) in the document
    model's order."""
    n = len(lines)
    disp = headings["dispositif"]
    annex = _first(headings["annex"], disp[0] + 1, n) if disp else None
    limit = annex if annex is not None else n
    floor = _introduction_floor(lines, headings, limit)
    expose = _first(headings["expose"], floor, limit)
    lo = expose + 1 if expose is not None else floor
    reason_heads = sorted(set(headings["motivations"] + headings["grounds"] + headings["answer"]))
    reasons = _first(reason_heads, lo, limit)
    # without headed reasons, an earlier ``PAR CES MOTIFS`` is a quotation (the claims)
    dispositif = _first(disp, reasons, limit) if reasons is not None else _last(disp, lo, limit)
    if dispositif is None:
        # a heading of reasons after the last dispositif heading is some quotation
        dispositif = _last(disp, lo, limit)
        if dispositif is not None:
            reasons = _first(reason_heads, lo, dispositif)
    end = dispositif if dispositif is not None else limit
    if reasons is None:
        if floor and expose is None and floor < end:
            reasons = floor  # the introduction's closing formula, then reasons at once
        else:
            reasons = _unheaded_reasons(lines, lo, end)
    elif expose is None and not floor:
        expose = _unheaded_expose(lines, reasons)
    starts = [x for x in (expose, reasons, dispositif) if x is not None]
    return _Plan(expose, reasons, dispositif, annex, min(starts) if starts else None)


def _unheaded_expose(lines: Lines, reasons: int) -> Optional[int]:
    """Where the facts and procedure start when no heading opens them, before headed
    reasons: after the last line of symbols (``* * *``) that follows the bench, else
    right after the bench if what follows opens like reasons (``Vu la requête ...``)."""
    runs = member_runs(lines, "composition", 0, reasons)
    if not runs:
        return None
    bench_end = runs[-1][1]
    for i in range(reasons - 1, bench_end - 1, -1):
        s, e = lines.spans[i]
        if _SYMBOLS_RE.fullmatch(lines.text, s, e):
            return i + 1 if i + 1 < reasons else None
    return bench_end if bench_end < reasons and lines.opens("reasons", bench_end) else None


class _Builder:
    """Zones as line ranges ``[i, j)``, kept as the original text's offsets from the
    first line's start to the last one's end."""

    def __init__(self, lines: Lines, view):
        self.lines, self.view = lines, view
        self.zones: List[Zone] = []
        self.subzones: List[Zone] = []

    def add(self, name: str, i: int, j: int, sub: bool = False) -> None:
        if j > i:
            span = self.view.span(self.lines.spans[i][0], self.lines.spans[j - 1][1])
            (self.subzones if sub else self.zones).append(Zone(name, *span))


def _reasons_parts(headings: Mapping[str, List[int]], lo: int, hi: int) -> List[Tuple[str, int, int]]:
    """Lines ``[lo, hi)`` of reasons split into ``moyens`` (from a statement of grounds)
    and ``motivations`` (the rest: from the court's answer on)."""
    parts: List[Tuple[str, int, int]] = []
    current, start = MOTIVATIONS, lo
    switches = sorted([(i, MOYENS) for i in headings["grounds"]] + [(i, MOTIVATIONS) for i in headings["answer"]])
    for i, switch in switches:
        if lo <= i < hi and switch != current:
            if i > start:
                parts.append((current, start, i))
            current, start = switch, i
    if hi > start:
        parts.append((current, start, hi))
    return parts


def _introduction_subzones(build: _Builder, lines: Lines, end: int, kind: Optional[str]) -> Optional[str]:
    """Court, chamber, number and bench of the introduction (lines ``[0, end)``);
    returns the kind of decision the court's name shows (``kind`` if given)."""
    header = min(end, _HEADER_LINES)
    short = [i for i in range(header) if lines.spans[i][1] - lines.spans[i][0] <= _MAX_HEADER_LINE_CHARS]
    court = next(((k, i) for k, _ in lines.words.courts if kind is None or k == kind
                  for i in short if lines.opens("court:" + k, i)), None)
    if court is not None:
        build.add(JURIDICTION, court[1], court[1] + 1, sub=True)
    for key, name in (("chambers", CHAMBRE), ("numbers", NUMERO)):
        for i in range(header):
            s, e = lines.spans[i]
            if lines.has(key, i, _MAX_HEADER_LINE_CHARS) and (key != "numbers" or _DIGIT_RE.search(lines.text, s, e)):
                build.add(name, i, i + 1, sub=True)
                break
    for i, j in member_runs(lines, "composition", 0, end):
        build.add(COMPOSITION, i, j, sub=True)
    return kind if kind is not None else (court[0] if court else None)


def _signature_subzones(build: _Builder, lines: Lines, lo: int, hi: int) -> None:
    """The signatures in the dispositif (lines ``[lo, hi)``): every run of lines naming
    court members, with the names written below their titles. The line after the
    heading is the court speaking (``Le juge aux affaires familiales, statuant ...``)."""
    for i, j in member_runs(lines, "signature", lo + 2, hi, names_after=True, max_chars=MAX_SIGNATURE_LINE_CHARS):
        build.add(SIGNATURE, i, j, sub=True)


def find_zones(text: str, words: ZoneWords, kind: Optional[str] = None) -> Zones:
    """The zones of ``text`` read with ``words`` (see the module docstring).

    ``kind`` names the kind of decision (a key of ``words.courts``) when the caller
    knows it; by default the court's name in the introduction tells it.
    """
    if not isinstance(text, str):
        raise ArgumentTypeError(f"find_zones expects the decision's text as a str, got {type(text).__name__}")
    if not isinstance(words, ZoneWords):
        raise ArgumentTypeError(f"find_zones expects a ZoneWords, got {type(words).__name__}")
    view = normalize(text)
    lines = Lines(view.text, words)
    headings = {key: [i for i in range(len(lines)) if lines.heading(key, i)]
                for key in ("expose", "motivations", "dispositif", "annex", "grounds", "answer")}
    plan = _plan(lines, headings)
    if plan.first_zone is None:
        return Zones(kind=kind)
    build = _Builder(lines, view)
    n = len(lines)
    end_all = plan.annex if plan.annex is not None else n
    build.add(INTRODUCTION, 0, plan.first_zone)
    found_kind = _introduction_subzones(build, lines, plan.first_zone, kind)
    after_expose = [x for x in (plan.reasons, plan.dispositif) if x is not None]
    if plan.expose is not None:
        build.add(EXPOSE, plan.expose, min(after_expose) if after_expose else end_all)
    if plan.reasons is not None:
        reasons_end = plan.dispositif if plan.dispositif is not None else end_all
        for name, i, j in _reasons_parts(headings, plan.reasons, reasons_end):
            build.add(name, i, j)
    if plan.dispositif is not None:
        build.add(DISPOSITIF, plan.dispositif, end_all)
        _signature_subzones(build, lines, plan.dispositif, end_all)
    if plan.annex is not None:
        build.add(MOYENS_ANNEXES, plan.annex, n)
    return Zones(kind=found_kind, zones=build.zones, subzones=build.subzones)


limits.timed_module_patterns(globals())