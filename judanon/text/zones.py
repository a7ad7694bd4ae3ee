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
"""

from __future__ import annotations

import bisect
from typing import Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple

import attrs
import regex

from judanon.errors import ArgumentError, ArgumentTypeError
from judanon.text import limits
from judanon.text.normalize import fold, normalize

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


class ZoneWordsError(ArgumentError):
    """A pack's zone words are malformed (an unknown zone, an empty phrase)."""


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


# --- The words of a language ---------------------------------------------------------


def _phrases(value) -> Tuple[str, ...]:
    if isinstance(value, str):
        raise ZoneWordsError(f"expected a sequence of phrases, got the string {value!r}")
    out = tuple(value)
    for phrase in out:
        if not isinstance(phrase, str) or not phrase.strip():
            raise ZoneWordsError(f"zone words hold an empty or non-string phrase: {phrase!r}")
    return out


def _courts(value) -> Tuple[Tuple[str, Tuple[str, ...]], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple((str(kind), _phrases(phrases)) for kind, phrases in items)


@attrs.frozen(slots=True)
class ZoneWords:
    """A language's words for zoning (a pack's ``zones.py``; see ``docs/zones.md``).

    Phrases are written as decisions write them (``MOTIFS DE LA DÉCISION``); they are
    folded (case, accents) and match with any spacing and either apostrophe. Headings
    match a whole line (after a numbering such as ``I -`` or ``2.``), or a line that
    goes on in capitals after a punctuation or one of ``heading_links``
    (``EXPOSÉ DU LITIGE ET DES PRÉTENTIONS``, ``PAR CES MOTIFS, Nous ...``) or ends with ``:`` or
    ``,`` (``PAR CES MOTIFS, la Cour :``). Every field is optional: an empty one turns
    its rule off.
    """

    #: Headings opening the ``expose du litige`` (``EXPOSÉ DU LITIGE``, ``Faits et procédure``).
    expose_headings: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    #: Headings opening the reasons (``MOTIFS DE LA DÉCISION``, ``Examen du moyen``).
    motivation_headings: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    #: Headings opening the ``dispositif`` (``PAR CES MOTIFS``); never after a numbering.
    dispositif_headings: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    #: Headings opening the ``moyens annexes`` (``MOYENS ANNEXES``), after the dispositif.
    annex_headings: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    #: Words by which a heading in capitals goes on (``EXPOSÉ DU LITIGE ET DES ...``).
    heading_links: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    #: Inside the reasons, headings opening a statement of grounds (``Énoncé du moyen``,
    #: a ``moyens`` part) and those returning to the court's answer (``Réponse de la Cour``).
    grounds_headings: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    answer_headings: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    #: Phrases on the last line of the introduction (``a rendu le présent arrêt``).
    introduction_ends: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    #: Line openers of reasons written without a heading (``Attendu``, ``Vu``).
    unheaded_reasons: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    #: Kind of decision -> line openers naming the court (``COUR D'APPEL``); the first
    #: kind whose court opens a line of the introduction is the decision's kind.
    courts: Tuple[Tuple[str, Tuple[str, ...]], ...] = attrs.field(default=(), converter=_courts)
    #: Words naming a chamber on a short line of the introduction (``chambre``, ``pôle``).
    chamber_words: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    #: Phrases before a case number (``Pourvoi n°``, ``N° RG``).
    number_words: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    #: Titles of court members (``président``, ``greffière``): a line naming one belongs
    #: to the bench (introduction) or to the signatures (dispositif).
    court_titles: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    #: Articles before a title opening a line (``LE GREFFIER``, ``La présidente``).
    title_articles: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    #: Line openers of the bench (``COMPOSITION DE LA COUR``, ``Nous,``) and of the
    #: signatures (``Ainsi fait et jugé``, ``Fait à``).
    composition_openers: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    signature_openers: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    _patterns: Dict[str, object] = attrs.field(init=False, repr=False, eq=False, factory=dict)

    def __attrs_post_init__(self):
        self._patterns.update(_build_patterns(self))

    def pattern(self, key: str):
        """The compiled pattern ``key`` (``None`` when its words are empty)."""
        return self._patterns.get(key)

    @classmethod
    def from_module(cls, module) -> "ZoneWords":
        """The words whose fields are ``module``'s names in capitals (``EXPOSE_HEADINGS``
        ...); names the module lacks keep their defaults."""
        values = {}
        for field in attrs.fields(cls):
            if field.init and hasattr(module, field.name.upper()):
                values[field.name] = getattr(module, field.name.upper())
        return cls(**values)


# --- Patterns built from the words ---------------------------------------------------

#: A numbering before a heading: ``I -``, ``2.``, ``B/``, ``1°)``, a dash or a bullet.
_NUMBERING = r"(?:(?:[ivx]{1,5}|\d{1,2}|[a-h])[ \t]*[-.)/°:]+[ \t]*\)?[ \t]*|[-*•][ \t]*)?"
_HEADING_TAIL = r"[ \t]*[:.,;\-]*[ \t]*"


def _alternation(phrases: Iterable[str], spaced: bool = False) -> str:
    """Folded ``phrases``, longest first, any run of spaces for a space, either
    apostrophe (folded to ``'``) followed by optional spaces; with ``spaced``, also
    written letter by letter (``P A R  C E S  M O T I F S``)."""
    keys = sorted({" ".join(fold(p).split()) for p in phrases}, key=len, reverse=True)
    parts = [regex.escape(k).replace(r"\ ", " ").replace(" ", r"[ \t]+").replace("'", r"'[ \t]*") for k in keys]
    if spaced:
        parts += [r"[ \t]+".join(r"[ \t]?".join(regex.escape(ch) for ch in word) for word in k.split())
                  for k in keys if len(k) > 3]
    return "(?:" + "|".join(parts) + ")"


def _build_patterns(words: ZoneWords) -> Dict[str, object]:
    """Compiled patterns of ``words``, run on folded lines with ``match(text, pos, endpos)``.

    ``<zone>``: the heading opens the line (group ``rest``: what follows it);
    ``ends``/``titles``/``chambers``/``numbers``: found anywhere in a line."""
    out: Dict[str, object] = {}
    headed = (("expose", words.expose_headings, True), ("motivations", words.motivation_headings, True),
              ("dispositif", words.dispositif_headings, False), ("annex", words.annex_headings, True),
              ("grounds", words.grounds_headings, True), ("answer", words.answer_headings, True))
    for key, phrases, numbered in headed:
        if phrases:
            lead = _NUMBERING if numbered else ""
            out[key] = limits.compile(r"[ \t]*" + lead + "(?P<phrase>" + _alternation(phrases, spaced=True)
                                      + r")(?![\w'])(?P<rest>[^\n]*)")
    openers = (("reasons", words.unheaded_reasons), ("composition", words.composition_openers),
               ("signature", words.signature_openers))
    for key, phrases in openers:
        if phrases:
            out[key] = limits.compile(r"[ \t]*" + _NUMBERING + _alternation(phrases) + r"(?![\w])")
    if words.heading_links:
        out["links"] = limits.compile(r"[ \t]+" + _alternation(words.heading_links) + r"(?![\w])")
    if words.title_articles:
        out["title_head"] = limits.compile(r"[ \t]*(?:[-*\u2022\u2013][ \t]*)?" + _alternation(words.title_articles)
                                           + r"[ \t]*")
    anywhere = (("ends", words.introduction_ends), ("titles", words.court_titles),
                ("chambers", words.chamber_words), ("numbers", words.number_words))
    for key, phrases in anywhere:
        if phrases:
            out[key] = limits.compile(r"(?<![\w])" + _alternation(phrases) + r"(?![\w])")
    for kind, phrases in words.courts:
        out["court:" + kind] = limits.compile(r"[ \t]*" + _alternation(phrases) + r"(?![\w])")
    return out


_HEADING_TAIL_RE = regex.compile(_HEADING_TAIL + r"$")
_PUNCTUATION_RE = regex.compile(r"[ \t]*[,:;(/\-\u2013]")
_COLON_RE = regex.compile(r"[ \t]*:")
#: Headings that open a zone whatever follows them on the line (``Moyen produit par ...``).
_OPENING_KEYS = frozenset({"annex"})
_LOWER_RE = regex.compile(r"\p{Ll}")
_SYMBOLS_RE = regex.compile(r"[^\p{L}\p{N}]+")
_DIGIT_RE = regex.compile(r"\d")
_WORD_RE = regex.compile(r"[\w'’.-]+")

#: Headings are short: a longer line is a paragraph, whatever it opens with.
_MAX_HEADING_CHARS = 300
#: A line of the bench or the signatures naming a court member is short; a longer one
#: is a sentence mentioning one (``Vu l'ordonnance du juge ...``), unless an opener
#: (``Nous,``, ``Sur le rapport de``) starts it.
_MAX_TITLE_LINE_CHARS = 160
#: In the dispositif, a line with a title and over this is the court speaking
#: (``Le juge aux affaires familiales, statuant publiquement ...``), not a signature.
_MAX_SIGNATURE_LINE_CHARS = 100
#: A line holding only a name, after a title (``Le greffier`` / ``Jeanne DURAND``).
_MAX_NAME_LINE_CHARS = 60
_MAX_NAME_LINE_WORDS = 6
_MAX_NAME_LINES = 2
#: Court, chamber and number lines of a header are short, and among its first lines.
_MAX_HEADER_LINE_CHARS = 120
_HEADER_LINES = 100


class _Lines:
    """The non-blank lines of a normalized view, stripped, with the tests zoning needs."""

    def __init__(self, view: str, words: ZoneWords):
        self.text = view
        self.folded = fold(view)
        self.words = words
        self.spans: List[Tuple[int, int]] = []
        pos = 0
        for line in view.split("\n"):
            stripped = line.strip()
            if stripped:
                start = pos + (len(line) - len(line.lstrip()))
                self.spans.append((start, start + len(stripped)))
            pos += len(line) + 1

    def __len__(self) -> int:
        return len(self.spans)

    def heading(self, key: str, i: int) -> bool:
        """Whether line ``i`` is a heading of ``key`` (see :class:`ZoneWords`)."""
        pattern = self.words.pattern(key)
        s, e = self.spans[i]
        if pattern is None or e - s > _MAX_HEADING_CHARS:
            return False
        m = pattern.match(self.folded, s, e)
        if m is None:
            return False
        rest = m.start("rest")
        if (key in _OPENING_KEYS or _HEADING_TAIL_RE.match(self.folded, rest, e) is not None
                or self.text[e - 1] in ":," or _COLON_RE.match(self.folded, rest, e) is not None):
            return True
        if _LOWER_RE.search(self.text, s, rest) is not None:
            return False
        # a heading in capitals that goes on: ``EXPOSÉ DU LITIGE ET DES PRÉTENTIONS``,
        # ``FAITS ET PROCÉDURE ANTÉRIEURE`` (not ``PROCÉDURE ACCÉLÉRÉE``: one word may be a title)
        links = self.words.pattern("links")
        return (" " in m.group("phrase").strip() or _PUNCTUATION_RE.match(self.folded, rest, e) is not None
                or (links is not None and links.match(self.folded, rest, e) is not None))

    def opens(self, key: str, i: int) -> bool:
        pattern = self.words.pattern(key)
        return pattern is not None and pattern.match(self.folded, *self.spans[i]) is not None

    def has(self, key: str, i: int, max_chars: int) -> bool:
        pattern = self.words.pattern(key)
        s, e = self.spans[i]
        return pattern is not None and e - s <= max_chars and pattern.search(self.folded, s, e) is not None

    def names_only(self, i: int) -> bool:
        """A short line of capitalized words and short particles, without digits or colons."""
        s, e = self.spans[i]
        if e - s > _MAX_NAME_LINE_CHARS or ":" in self.text[s:e] or _DIGIT_RE.search(self.text, s, e):
            return False
        words = _WORD_RE.findall(self.text, s, e)
        return (0 < len(words) <= _MAX_NAME_LINE_WORDS and any(w[:1].isupper() for w in words)
                and all(w[:1].isupper() or len(w) <= 3 for w in words))

    def titled(self, i: int, max_chars: int = _MAX_TITLE_LINE_CHARS) -> bool:
        """Whether short line ``i`` names a court member by title: the title opens the
        line (after an article: ``LE GREFFIER``) or follows a comma, a colon or a
        capitalized name (``Mme Jeanne Durand, présidente``, ``M. DURAND président``),
        not a word of the sentence (``communiqué au procureur``, ``ORDONNANCE DU CONSEILLER``)."""
        titles = self.words.pattern("titles")
        s, e = self.spans[i]
        if titles is None or e - s > max_chars:
            return False
        head = self.words.pattern("title_head")
        mixed_case = _LOWER_RE.search(self.text, s, e) is not None
        for m in titles.finditer(self.folded, s, e):
            before = self.text[s:m.start()].rstrip()
            if not before or before[-1] in ",:;-\u2013" or (head is not None and head.fullmatch(self.folded, s, m.start())):
                return True
            word = before.split()[-1]
            if mixed_case and word[:1].isupper() and word[-1:].isalpha():
                return True
        return False

    def member_line(self, opener_key: str, i: int, max_chars: int = _MAX_TITLE_LINE_CHARS) -> bool:
        return self.opens(opener_key, i) or self.titled(i, max_chars)


def _first(indexes: Sequence[int], lo: int, hi: int) -> Optional[int]:
    k = bisect.bisect_left(indexes, lo)
    return indexes[k] if k < len(indexes) and indexes[k] < hi else None


def _last(indexes: Sequence[int], lo: int, hi: int) -> Optional[int]:
    k = bisect.bisect_left(indexes, hi) - 1
    return indexes[k] if k >= 0 and indexes[k] >= lo else None


def _introduction_floor(lines: _Lines, headings: Mapping[str, List[int]], hi: int) -> int:
    """The line after the last one closing the introduction (``... a rendu le présent
    arrêt.``) before every heading of a later zone; else 0."""
    before = min([hi] + [idx[0] for key, idx in headings.items() if idx and key != "annex"])
    for i in range(before - 1, -1, -1):  # the last one: an older style names it twice
        if lines.has("ends", i, len(lines.text)):
            return i + 1
    return 0


def _unheaded_reasons(lines: _Lines, lo: int, hi: int) -> Optional[int]:
    """The first line of reasons written without a heading: one opening like reasons
    (``Attendu que``, ``Vu``), with reasons up to ``hi``."""
    for i in range(lo, hi):
        if lines.opens("reasons", i):
            return i
    return None


def _member_runs(lines: _Lines, opener_key: str, lo: int, hi: int, names_after: bool = False,
                 max_chars: int = _MAX_TITLE_LINE_CHARS) -> List[Tuple[int, int]]:
    """Runs of lines ``[i, j)`` naming court members: an opener or a line with a title,
    the lines with a title that follow and (``names_after``: signatures) up to two lines
    of names after them."""
    runs: List[Tuple[int, int]] = []
    i = lo
    while i < hi:
        if not lines.member_line(opener_key, i, max_chars):
            i += 1
            continue
        j, bare = i + 1, 0
        while j < hi:
            if lines.member_line(opener_key, j, max_chars):
                bare = 0
            elif names_after and bare < _MAX_NAME_LINES and lines.names_only(j):
                bare += 1
            else:
                break
            j += 1
        runs.append((i, j))
        i = j
    return runs


@attrs.frozen(slots=True)
class _Plan:
    """Line indexes of the zones' first lines (``None``: absent)."""

    expose: Optional[int]
    reasons: Optional[int]
    dispositif: Optional[int]
    annex: Optional[int]
    first_zone: Optional[int]


def _plan(lines: _Lines, headings: Mapping[str, List[int]]) -> _Plan:
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


def _unheaded_expose(lines: _Lines, reasons: int) -> Optional[int]:
    """Where the facts and procedure start when no heading opens them, before headed
    reasons: after the last line of symbols (``* * *``) that follows the bench, else
    right after the bench if what follows opens like reasons (``Vu la requête ...``)."""
    runs = _member_runs(lines, "composition", 0, reasons)
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

    def __init__(self, lines: _Lines, view):
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


def _introduction_subzones(build: _Builder, lines: _Lines, end: int, kind: Optional[str]) -> Optional[str]:
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
    for i, j in _member_runs(lines, "composition", 0, end):
        build.add(COMPOSITION, i, j, sub=True)
    return kind if kind is not None else (court[0] if court else None)


def _signature_subzones(build: _Builder, lines: _Lines, lo: int, hi: int) -> None:
    """The signatures in the dispositif (lines ``[lo, hi)``): every run of lines naming
    court members, with the names written below their titles. The line after the
    heading is the court speaking (``Le juge aux affaires familiales, statuant ...``)."""
    for i, j in _member_runs(lines, "signature", lo + 2, hi, names_after=True, max_chars=_MAX_SIGNATURE_LINE_CHARS):
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
    lines = _Lines(view.text, words)
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
