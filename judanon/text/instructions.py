"""A judge's extra terms, read from the free text a court sends with a decision.

The court asks that given terms be hidden (``additionalTermsToAnnotate``) or kept
visible (``additionalTermsToUnAnnotate``) in words: ``Occulter le terme Dunkerque``,
``Occulter les termes « Dunkerque » et « Lille »``, ``Ne pas occulter Marie Curie``,
``Dunkerque, Lille``, ``- Dunkerque\\n- Lille``. :func:`read_instructions` returns the
terms of each list and a doubt for every part it could not read, so that a reviewer
looks before publication instead of the decision going out with a term left visible.

How it reads, with the words of a pack (``judanon/packs/<code>/instructions.py``): the
phrases asking to hide or to keep visible set the list of the terms after them (and of
the following lines: a list under ``Occulter :``); a phrase closing a line (``Lille : à
occulter``) sets the list of the terms before it; with no phrase at all, terms are to be
hidden. Quoted text is one term as written. Elsewhere terms are cut at commas,
semicolons, slashes, line breaks, list marks, sentence ends and connectors (``et``),
and each term runs from its first capital, digit or quote over the name's words: the
description before it (``la ville de``) goes, a lowercase part that is no name is a doubt.

Doubts never quote the instructions (their terms are personal data): they give the
characters and the line concerned and what went wrong. ``quote=True`` adds the text,
for a reviewer who asks for it.
"""

from __future__ import annotations

import bisect
from typing import Dict, Iterable, List, Optional, Tuple

import attrs
import regex

from judanon.errors import ArgumentTypeError
from judanon.text import limits
from judanon.text.normalize import fold, fold_key, normalize

__all__ = ["Instructions", "InstructionWords", "read_instructions", "HIDE", "KEEP"]

HIDE = "hide"
KEEP = "keep"
#: More words than this, and a "term" is a sentence.
MAX_TERM_WORDS = 8



@attrs.frozen(slots=True)
class Instructions:
    """What a judge's instructions ask: terms to hide (``also_hide``), terms to keep
    visible (``keep_visible``), each once in the order written, and ``doubts`` on what
    could not be read (no doubt: everything was read)."""

    also_hide: Tuple[str, ...] = ()
    keep_visible: Tuple[str, ...] = ()
    doubts: Tuple[str, ...] = ()

    @property
    def failed(self) -> bool:
        """Whether some part could not be read (Label's ``additionalTermsParsingFailed``)."""
        return bool(self.doubts)

    def to_dict(self) -> Dict[str, List[str]]:
        return {"also_hide": list(self.also_hide), "keep_visible": list(self.keep_visible),
                "doubts": list(self.doubts)}


def _phrases(value) -> Tuple[str, ...]:
    if isinstance(value, str):
        raise ArgumentTypeError(f"expected a sequence of phrases, got the string {value!r}")
    return tuple(p for p in value if p.strip())


def _alternation(phrases: Iterable[str], folded: bool = True) -> Optional[str]:
    """``phrases`` (folded, unless ``folded=False``), longest first, whole words: no
    word character right after one that ends with a letter (``d'`` may touch the next)."""
    keys = sorted({" ".join((fold(p) if folded else p).split()) for p in phrases}, key=len, reverse=True)
    if not keys:
        return None
    parts = [regex.escape(k).replace(r"\ ", " ").replace(" ", r"\s+").replace("'", r"['’]\s*")
             + (r"(?![\w])" if k[-1].isalnum() else "") for k in keys]
    return "(?:" + "|".join(parts) + ")"


@attrs.frozen(slots=True)
class InstructionWords:
    """A language's phrasing of the instructions (a pack's ``instructions.py``): the
    fields are its names in lowercase (:meth:`from_module`). Phrases match whatever their
    accents and case, except ``descriptors`` and ``civilities`` (see the pack)."""

    hide_phrases: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    keep_phrases: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    term_nouns: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    descriptors: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    civilities: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    fillers: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    connectors: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    name_continuations: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    nothing: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    abbreviations_with_period: Tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    _patterns: Dict[str, object] = attrs.field(init=False, repr=False, eq=False, factory=dict)

    def __attrs_post_init__(self):
        self._patterns.update(_build_patterns(self))

    def pattern(self, key: str):
        return self._patterns.get(key)

    @classmethod
    def from_module(cls, module) -> "InstructionWords":
        """The words whose fields are ``module``'s names in capitals (``HIDE_PHRASES`` ...)."""
        return cls(**{f.name: getattr(module, f.name.upper()) for f in attrs.fields(cls)
                      if f.init and hasattr(module, f.name.upper())})


_W = r"(?<![\w])"


def _build_patterns(words: InstructionWords) -> Dict[str, object]:
    out: Dict[str, object] = {}
    # one alternation, longest phrase first whatever its mode: ``maintenir l'occultation
    # de`` (hide) before ``maintenir`` (keep), ``ne pas occulter`` (keep) before ``occulter``
    directives = sorted({(" ".join(fold(p).split()), mode) for mode, group in ((KEEP, words.keep_phrases),
                                                                              (HIDE, words.hide_phrases))
                         for p in group}, key=lambda pm: -len(pm[0]))
    if directives:
        out["directive"] = limits.compile(_W + "(?:" + "|".join(
            f"(?P<{mode}>{_alternation([phrase])})" for phrase, mode in directives) + ")")
    # leading words dropped before a term, and words dropped anywhere
    for key, phrases in (("nouns", words.term_nouns), ("descriptors", words.descriptors)):
        alt = _alternation(phrases)
        if alt:
            out[key] = limits.compile(r"\s*" + alt + r"\s*")
    fillers = _alternation(words.fillers)
    if fillers:
        out["fillers"] = limits.compile(_W + fillers)
    civilities = sorted(set(words.civilities), key=len, reverse=True)
    if civilities:  # case matters: ``Me`` is a title, ``me`` a pronoun
        out["civilities"] = limits.compile(r"\s*(?:" + "|".join(regex.escape(c) for c in civilities)
                                           + r")(?![\w])\.?\s*")
    # on the text as written, whatever its case: ``ou`` is a connector, ``où`` is not
    connectors = _alternation(words.connectors, folded=False)
    continuations = _alternation(words.name_continuations, folded=False)
    if connectors:
        after = rf"(?!{continuations})" if continuations else ""
        out["connectors"] = limits.compile(rf"\s+{connectors}\s+{after}", regex.IGNORECASE)
    nothing = _alternation(words.nothing)
    if nothing:
        out["nothing"] = limits.compile(rf"[\s.:;,!-]*{nothing}[\s.:;,!]*")
    abbreviations = _alternation(words.abbreviations_with_period)
    if abbreviations:
        out["abbreviation"] = limits.compile(rf"(?<![\w])(?:{abbreviations}|\w)$")
    return out


_QUOTED_RE = regex.compile(
    r"«[ \t]*(?P<q>[^»\n]+?)[ \t]*»|“[ \t]*(?P<q>[^”\n]+?)[ \t]*”|„[ \t]*(?P<q>[^“”\n]+?)[ \t]*[“”]"
    r"|\"[ \t]*(?P<q>[^\"\n]+?)[ \t]*\"|(?<![\w])'(?P<q>(?:[^'\n]|'(?=\w))+)'(?![\w])", regex.V1)
_OPEN_QUOTE_RE = regex.compile(r"[«»“”„\"]")
#: Where one term ends and the next starts (connectors come from the pack).
_SEPARATOR_RE = regex.compile(r"\s*(?:[,;/|\n•·]|\s[-–—]\s|(?<=\s|^)\(?\d{1,2}[.)°]\s|:)\s*|\.(?=\s|$)\s*")
_LIST_MARK_RE = regex.compile(r"\s*(?:[-–—*•·]|\d{1,2}[.)°-]|[a-z]\))\s+")
_TOKEN_RE = regex.compile(r"\S+")
_SPACE_RE = regex.compile(r"\s*")
#: An elided article glued to a name (``l'Institut``): not part of the term.
_ELIDED_RE = regex.compile(r"\w{1,2}['’](?=\p{Lu})")
_NAME_WORD_RE = regex.compile(r"(?:\w{1,2}['’])?[\p{Lu}\d][\w'’.-]*")
_LETTER_RE = regex.compile(r"\p{L}")
_PARENS_RE = regex.compile(r"\s*\((?P<inner>[^()]*)\)\s*")
_TRAILING_RE = regex.compile(r"[\s.,;:!?)»”\"'’-]+$")
#: How far before a period an abbreviation is looked for (``M.``, ``Mme.``).
_ABBREVIATION_CONTEXT = 12


@attrs.frozen(slots=True)
class _Piece:
    """Characters ``[start, end)`` of the normalized instructions that may hold one term."""

    start: int
    end: int
    mode: str
    line: int
    quoted: bool = False
    label: bool = False  # written before a colon: ``le nom de la commune : Dunkerque``


class _Reader:
    """The instructions' normalized view with its quoted spans, and a working copy
    where fillers are blanked out (same length: offsets hold)."""

    def __init__(self, text: str, words: InstructionWords, quote: bool):
        self.original = text
        self.view = normalize(text)
        self.words = words
        self.quote = quote
        self.text = self.view.text
        self.quoted = [(m.start("q"), m.end("q"), m.start(), m.end()) for m in _QUOTED_RE.finditer(self.text)]
        self.quote_starts = [a for _, _, a, _ in self.quoted]
        self._line_starts = [0] + [k + 1 for k, ch in enumerate(self.text) if ch == "\n"]
        work = list(self.text)
        fillers = words.pattern("fillers")
        folded = fold(self.text)
        if fillers is not None:
            for m in fillers.finditer(folded):
                if not self.in_quotes(m.start(), m.end()):
                    work[m.start():m.end()] = " " * (m.end() - m.start())
        self.work = "".join(work)
        self.fwork = fold(self.work)
        self.doubts: List[str] = []
        self.nothing_said = False  # ``Ne pas occulter : néant``
        lines_with_stray_quotes = set()
        for m in _OPEN_QUOTE_RE.finditer(self.text):
            line = self.line_of(m.start())
            if not self.in_quotes(m.start(), m.end()) and line not in lines_with_stray_quotes:
                lines_with_stray_quotes.add(line)
                self.doubt(m.start(), m.end(), line, "a quotation mark without its pair: the term may be cut")

    def in_quotes(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a quoted term (quoted spans never overlap)."""
        k = bisect.bisect_left(self.quote_starts, end) - 1
        return k >= 0 and self.quoted[k][3] > start

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset)

    def doubt(self, start: int, end: int, line: int, reason: str) -> None:
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        s, e = self.view.span(start, end)
        message = f"characters {s}-{e} (line {line}): {reason}"
        if self.quote:
            message += f": {self.original[s:e]!r}"
        self.doubts.append(message)

    def says_nothing(self, start: int, end: int) -> bool:
        nothing = self.words.pattern("nothing")
        return nothing is not None and nothing.fullmatch(self.fwork, start, end) is not None


def _lines(text: str) -> Iterable[Tuple[int, int, int]]:
    pos = 0
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            yield number, pos, pos + len(line)
        pos += len(line) + 1


def _segments(reader: _Reader, start: int, end: int) -> List[Tuple[Optional[str], int, int]]:
    """A line cut at the phrases asking to hide or to keep: ``(mode, start, end)`` of the
    text after each phrase, and first the text before them (mode ``None``)."""
    pattern = reader.words.pattern("directive")
    cuts = []
    if pattern is not None:
        for m in pattern.finditer(reader.fwork, start, end):
            if not reader.in_quotes(m.start(), m.end()):
                cuts.append((m.start(), m.end(), KEEP if m.group(KEEP) else HIDE))
    segments: List[Tuple[Optional[str], int, int]] = [(None, start, cuts[0][0] if cuts else end)]
    for k, (_, cut_end, mode) in enumerate(cuts):
        segments.append((mode, cut_end, cuts[k + 1][0] if k + 1 < len(cuts) else end))
    return segments


def _has_words(text: str, start: int, end: int) -> bool:
    return _LETTER_RE.search(text, start, end) is not None or any(ch.isdigit() for ch in text[start:end])


def _cuts(reader: _Reader, start: int, end: int) -> List[Tuple[int, int, bool]]:
    """Where terms end in ``[start, end)``: separators and connectors, with whether a colon cuts."""
    cuts = []
    abbreviation = reader.words.pattern("abbreviation")
    for m in _SEPARATOR_RE.finditer(reader.work, start, end):
        if m.group().lstrip().startswith(".") and abbreviation is not None and abbreviation.search(
                reader.fwork, max(start, m.start() - _ABBREVIATION_CONTEXT), m.start()):
            continue  # ``M. Dupont``: no end of a term
        cuts.append((m.start(), m.end(), ":" in m.group()))
    connectors = reader.words.pattern("connectors")
    if connectors is not None:
        cuts += [(m.start(), m.end(), False) for m in connectors.finditer(reader.work, start, end)]
    return sorted(cuts)


def _pieces(reader: _Reader, mode: str, line: int, start: int, end: int) -> List[_Piece]:
    """The pieces of one segment: quoted terms as written, the rest cut at separators."""
    pieces: List[_Piece] = []
    spans, pos = [], start
    first = bisect.bisect_left(reader.quote_starts, start)
    for inner_start, inner_end, a, b in reader.quoted[first:bisect.bisect_left(reader.quote_starts, end)]:
        if b <= end:
            spans.append((pos, a))
            pieces.append(_Piece(inner_start, inner_end, mode, line, quoted=True))
            pos = b
    spans.append((pos, end))
    for a, b in spans:
        pos = a
        for cut_start, cut_end, colon in _cuts(reader, a, b) + [(b, b, False)]:
            if cut_start >= pos and _has_words(reader.work, pos, cut_start):
                pieces.append(_Piece(pos, cut_start, mode, line, label=colon))
            pos = max(pos, cut_end)
    return sorted(pieces, key=lambda p: p.start)


def _term_start(reader: _Reader, start: int, end: int) -> Tuple[int, bool]:
    """Where the term of ``[start, end)`` starts: after a list mark, the words naming
    terms (``le terme``), a description written in lowercase (``la ville de``), a
    civility and any other lowercase word (a term starts at a capital, a digit or a
    quote); and whether such other words were passed (the piece may describe, not name)."""
    words, pos, unknown = reader.words, start, False
    while pos < end:
        before = pos
        m = _LIST_MARK_RE.match(reader.work, pos, end)
        if m is not None and m.end() < end:
            pos = m.end()
        for key in ("nouns", "descriptors"):
            pattern = words.pattern(key)
            m = pattern.match(reader.fwork, pos, end) if pattern is not None else None
            if m is not None and (key == "nouns" or not any(ch.isupper() for ch in reader.text[m.start() + 1:m.end()])):
                pos = m.end()
        civilities = words.pattern("civilities")
        m = civilities.match(reader.work, pos, end) if civilities is not None else None
        if m is not None and m.end() < end:
            pos = m.end()
        m = _TOKEN_RE.match(reader.work, pos, end) if pos == before else None
        if m is not None and not _has_words(m.group(), 0, len(m.group())):
            pos = m.end()  # a stray mark: ``« Dunkerque`` (the doubt is the reader's)
        elif m is not None and not _NAME_WORD_RE.fullmatch(_bare(m.group())):
            pos, unknown = m.end(), True
        pos = _SPACE_RE.match(reader.work, pos, end).end()
        if pos == before:
            break
    return pos, unknown


def _bare(token: str) -> str:
    return _TRAILING_RE.sub("", token).lstrip("(«“\"'")


def _term_run(reader: _Reader, start: int, end: int) -> Optional[Tuple[int, int, int]]:
    """``(term start, term end, count of words)``: name words, digits and the short
    lowercase particles between them (``Jean de La Fontaine``); ``None`` if no name."""
    tokens = list(_TOKEN_RE.finditer(reader.work, start, end))
    if not tokens or not _NAME_WORD_RE.fullmatch(_bare(tokens[0].group())):
        return None
    # an address (``12 rue des Lilas``) takes lowercase words between its parts; a name
    # only its particles (``Jean de La Fontaine``)
    address = tokens[0].group()[:1].isdigit()
    last, count, lower = 0, 1, 0
    for k in range(1, len(tokens)):
        word = _bare(tokens[k].group())
        if _NAME_WORD_RE.fullmatch(word):
            last, count, lower = k, count + 1, 0
            continue
        lower += 1
        if not (word.isalpha() and word.islower() and (address and lower <= 2 or len(word) <= 3 and lower == 1)):
            break
    term_end = tokens[last].start() + len(_TRAILING_RE.sub("", tokens[last].group()))
    elided = _ELIDED_RE.match(reader.work, tokens[0].start(), term_end)
    return (elided.end() if elided else tokens[0].start()), term_end, count


def _read_piece(reader: _Reader, piece: _Piece) -> Optional[str]:
    """The term of a piece, or ``None`` (with a doubt when words were not read)."""
    if piece.quoted:
        term = reader.text[piece.start:piece.end].strip()
        return term or None
    if reader.says_nothing(piece.start, piece.end):
        reader.nothing_said = True
        return None
    parens = list(_PARENS_RE.finditer(reader.work, piece.start, piece.end))
    outside = piece.end if not parens else parens[0].start()
    start, unknown = _term_start(reader, piece.start, outside)
    run = _term_run(reader, start, outside)
    if run is None and parens:  # ``le chien (Rex)``
        inner_start, outside = parens[0].start("inner"), parens[0].end("inner")
        start, more = _term_start(reader, inner_start, outside)
        run, unknown = _term_run(reader, start, outside), unknown or more
    if run is None:
        if not piece.label and (unknown or _LETTER_RE.search(reader.work, start, outside)):
            reader.doubt(piece.start, piece.end, piece.line, "no name, number or quoted term (a description?)")
        return None
    term_start, term_end, count = run
    if count > MAX_TERM_WORDS:
        reader.doubt(piece.start, piece.end, piece.line, f"more than {MAX_TERM_WORDS} words: a sentence, not a term")
        return None
    if _LETTER_RE.search(reader.work, term_end, outside):
        reader.doubt(term_end, outside, piece.line, "words after the term were left out")
    return reader.text[term_start:term_end]


def _postfix_modes(reader: _Reader, segments: List[Tuple[Optional[str], int, int]]):
    """A phrase closing a line (``Dunkerque, Lille : à occulter``) gives its mode to the
    terms before it."""
    out = list(segments)
    for k in range(1, len(out)):
        mode, start, end = out[k]
        prev_mode, prev_start, prev_end = out[k - 1]
        if not _has_words(reader.work, start, end) and prev_mode is None and _has_words(reader.work, prev_start, prev_end):
            out[k - 1] = (mode, prev_start, prev_end)
    return out


def read_instructions(text: Optional[str], words: InstructionWords, quote: bool = False) -> Instructions:
    """The terms a judge's free-text ``text`` asks to hide or to keep visible, read with
    ``words`` (see the module docstring; a pack's words: :func:`judanon.structure.parse_instructions`).
    ``quote=True`` puts the unread text in the doubts; by default they only locate it."""
    if text is None:
        return Instructions()
    if not isinstance(text, str):
        raise ArgumentTypeError(f"instructions are free text (a str), got {type(text).__name__}")
    reader = _Reader(text, words, quote)
    found: List[Tuple[str, str, _Piece]] = []
    current, seen_words = HIDE, False
    for line, start, end in _lines(reader.text):
        if reader.says_nothing(start, end):
            continue
        seen_words = seen_words or _has_words(reader.work, start, end)
        for mode, a, b in _postfix_modes(reader, _segments(reader, start, end)):
            current = mode or current
            for piece in _pieces(reader, current, line, a, b):
                term = _read_piece(reader, piece)
                if term:
                    found.append((piece.mode, term, piece))
    return _collect(reader, found, seen_words)


def _collect(reader: _Reader, found: List[Tuple[str, str, _Piece]], seen_words: bool) -> Instructions:
    """Each term once per list; a term asked both ways stays hidden, with a doubt."""
    lists: Dict[str, Dict[str, str]] = {HIDE: {}, KEEP: {}}
    for mode, term, _ in found:
        lists[mode].setdefault(fold_key(term), term)
    for mode, term, piece in found:
        key = fold_key(term)
        if mode == KEEP and key in lists[HIDE] and key in lists[KEEP]:
            del lists[KEEP][key]
            reader.doubt(piece.start, piece.end, piece.line, "asked hidden and kept visible: it stays hidden")
    if not found and not reader.doubts and not reader.nothing_said and seen_words:
        reader.doubt(0, len(reader.text), 1, "no term found")
    return Instructions(tuple(lists[HIDE].values()), tuple(lists[KEEP].values()), tuple(reader.doubts))


limits.timed_module_patterns(globals())
