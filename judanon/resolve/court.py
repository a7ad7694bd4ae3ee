"""Court members named in the bench and the signatures: a name a statistical tagger
guesses there to be a party's, with a court member's title beside it, is a court
member's name.

The zones of the decision (:mod:`judanon.text.zones`) say where the bench
(``composition``) and the signatures (``signature``) are. On those lines, a
``personnePhysique`` span declared a :data:`~judanon.entities.GUESS` becomes a
``professionnelMagistratGreffier`` one when, the name's other capitalized words (a
civility, a first name) taken with it, a title follows it (``assistée de Mme X,
greffière``, ``M. DURAND président``), or a title and a colon, a lead (``assistée de``,
``en présence de``) or an opener of the line (``Présidée par``, ``Nous,``) stand right
before it, or it stands on a short line of names right below a line of titles (``LA
GREFFIÈRE LA PRÉSIDENTE``); its evidence then opens with :data:`BENCH`. Only guesses are read so: the
rules that find a name from a civility or a title label court members already, and
a guess is what mistakes a clerk for a party. A party's name
(:data:`~judanon.entities.PARTY`) is never changed, nor a guess that another detector's
court member overlaps (the overlap policy chooses). Masking wins afterwards as for any
court member: a name replaced as a person elsewhere in the decision is replaced here too.

Zoning costs time, so the decision is zoned only when a guess passes the test on its
line (:func:`court_members`), or the zones are given.
"""

from __future__ import annotations

from typing import Callable, Iterable, List, Optional, Sequence, Tuple

import attrs

from judanon import entities as E
from judanon.entities import GUESS, PARTY, Span
from judanon.text import limits
from judanon.text.intervals import DisjointIntervals
from judanon.text.normalize import fold
from judanon.text.zones import COMPOSITION, SIGNATURE, Zones
from judanon.text.zone_words import ZoneWords

__all__ = ["court_members", "COURT_ZONES", "BENCH"]

#: The sub-zones naming court members.
COURT_ZONES = (COMPOSITION, SIGNATURE)
#: Before a relabeled span's evidence (its detector and source stay).
BENCH = "court member in the bench: "
#: Capitalized words of a name taken with the span, on either side (``Mme Ninon``).
MAX_NAME_WORDS = 4
#: A line of names below a line of titles is short (characters).
MAX_NAMES_LINE = 80
#: How far before a name its lead, title or the line's opener is looked for (characters).
WINDOW = 80
#: How much of a name's line is read on either side of it (characters).
REACH = 160

_WORD_BEFORE = limits.compile(r"(?<![\w'’.¿\ufffd-])[\p{Lu}¿\ufffd][\w'’.¿\ufffd-]*[ \t]+\Z")
_WORD_AFTER = limits.compile(r"[ \t]+[\p{Lu}¿\ufffd][\w'’.¿\ufffd-]*")


def court_members(text: str, spans: Sequence[Span], words: ZoneWords,
                  zones: Callable[[], Zones]) -> List[Span]:
    """``spans`` with the person spans that name a court member in the bench or the
    signatures relabeled (see the module's documentation). ``zones()`` gives the zones
    of ``text``; it is called only when a span passes the test on its line."""
    if words.pattern("member_after") is None or not any(_guessed_person(s) for s in spans):
        return list(spans)
    bench: Optional[List[Tuple[int, int]]] = None
    members = _cover((s.start, s.end) for s in spans if s.label == E.MAGISTRAT_GREFFIER)
    out: List[Span] = []
    for s in spans:
        # another detector's court member there: the overlap policy chooses
        if not _guessed_person(s) or members.overlaps(s.start, s.end):
            out.append(s)
            continue
        if not (_beside_title(text, s, words) or _under_titles(text, s, words)):
            out.append(s)
            continue
        if bench is None:
            found = zones()
            bench = sorted((z.start, z.end) for name in COURT_ZONES for z in found.get(name))
        if any(a <= s.start and s.end <= b for a, b in bench):
            out.append(attrs.evolve(s, label=E.MAGISTRAT_GREFFIER, evidence=f"{BENCH}{s.evidence}"))
        else:
            out.append(s)
    return out


def _guessed_person(s: Span) -> bool:
    return s.label == E.PERSONNE_PHYSIQUE and GUESS in s.roles and PARTY not in s.roles


def _under_titles(text: str, s: Span, words: ZoneWords) -> bool:
    """Whether ``s`` stands on a short line of names right below a line of titles (``LA
    GREFFIÈRE LA PRÉSIDENTE`` / ``Perrine Lacouture Agathe Vialaneix``)."""
    line_start = text.rfind("\n", 0, s.start) + 1
    line_end = text.find("\n", s.end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    if len(line.strip()) > MAX_NAMES_LINE or not all(w[:1].isupper() for w in line.split()):
        return False
    above_end = line_start - 1
    while above_end > 0 and text[above_end - 1] in " \t\r\n":
        above_end -= 1
    above = text[text.rfind("\n", 0, above_end) + 1:above_end]
    return len(above) <= MAX_NAMES_LINE and words.pattern("titles").search(fold(above)) is not None


def _cover(intervals: Iterable[Tuple[int, int]]) -> DisjointIntervals:
    merged: List[Tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return DisjointIntervals(merged)


def _beside_title(text: str, s: Span, words: ZoneWords) -> bool:
    """Whether a title, a lead or an opener stands beside the name of ``s`` on its line
    (read on the folded line around it: folding keeps offsets)."""
    line_start = text.rfind("\n", max(0, s.start - REACH), s.start) + 1 or max(0, s.start - REACH)
    line_end = text.find("\n", s.end, s.end + REACH)
    line_end = min(len(text), s.end + REACH) if line_end < 0 else line_end
    folded = fold(text[line_start:line_end])
    before, opener, after = (words.pattern(k) for k in ("member_before", "member_opener", "member_after"))
    at_line_start = line_start == 0 or text[line_start - 1] == "\n"
    start = s.start - line_start
    for _ in range(MAX_NAME_WORDS + 1):
        window = max(0, start - WINDOW)  # what stands right before: a few words
        if before.search(folded, window, start) is not None:
            return True
        if opener is not None and at_line_start and start <= WINDOW and opener.fullmatch(folded, 0, start):
            return True
        m = _WORD_BEFORE.search(text, line_start + window, line_start + start)
        if m is None:
            break
        start = m.start() - line_start
    end = s.end - line_start
    for _ in range(MAX_NAME_WORDS + 1):
        if after.match(folded, end) is not None:
            return True
        m = _WORD_AFTER.match(text, line_start + end, line_end)
        if m is None:
            break
        end = m.end() - line_start
    return False
