"""The one place where text is normalized and folded.

Three tools, from the most faithful to the most forgiving:

- :func:`normalize` gives the **normalized view** of a text that every detector and
  propagation read: invisible characters (zero-width, soft hyphen, bidi controls)
  removed, decomposed accents composed (``e`` + U+0301 -> ``é``), fullwidth and
  mathematical letters as plain ones, Cyrillic and Greek look-alikes inside Latin words
  as Latin letters, every space-like character as ``" "``, ``\\r\\n`` as ``\\n``, and a
  word cut at a line end (``Dupon-\\nt``) joined. Its :meth:`NormalizedText.span` maps
  any span of the view back to the exact offsets of the original text.
- :func:`fold` lowercases and strips accents **without changing the length**, so that
  matches on folded text keep their offsets.
- :func:`fold_key` is the key of a surface for comparisons (and the lexicons' key of a
  name): the normalized view, folded, with ``œ`` as ``oe`` and spaces squeezed.
"""

from __future__ import annotations

import bisect
import functools
import unicodedata
from typing import Dict, Iterable, List, Optional, Tuple

import attrs
import regex

#: Characters that look like spaces but are not ``" "``.
SPACE_LIKE = "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000\u2000\u2001"
#: Invisible characters that exported decisions (or someone hiding a name) leave inside
#: words: zero-width spaces and joiners, soft hyphen, word joiner, bidi controls.
ZERO_WIDTH = (
    "\u00ad\u034f\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)

#: Cyrillic and Greek letters drawn like Latin ones. Inside a word that has Latin
#: letters (or only such letters) they are read as the Latin letter.
HOMOGLYPHS = {
    # Cyrillic
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "У": "Y", "Ү": "Y", "І": "I", "Ј": "J", "Ѕ": "S",
    "Ԛ": "Q", "Ԝ": "W", "Ӏ": "I",
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",
    "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l", "ү": "y",
    "ё": "ë", "ї": "ï",
    # Greek
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    "ο": "o", "ι": "i", "κ": "k", "ν": "v", "ρ": "p", "τ": "t", "υ": "u", "χ": "x",
    "α": "a",
}

# Letters that Unicode does not decompose but that people type without the stroke.
_STROKES = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ŀ": "l", "Ŀ": "L"}
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})

# --- Folding (length-preserving) ------------------------------------------------------

#: The letters folding knows: Latin-1 and Latin Extended-A/B, Greek and its accents.
FOLDED_LETTERS = "".join(chr(cp) for cp in (*range(0x0250), *range(0x0370, 0x0400), *range(0x1F00, 0x2000)))


@functools.lru_cache(maxsize=1)
def _fold_table() -> dict:
    table = {}
    for ch in FOLDED_LETTERS:
        cp = ord(ch)
        low = ch.lower()
        if len(low) != 1:
            continue
        base = unicodedata.normalize("NFD", low)[0]
        if base != ch:
            table[cp] = base
    table[0x03C2] = "σ"  # final sigma
    for ch, plain in _STROKES.items():
        table[ord(ch)] = plain.lower()
    for ch in SPACE_LIKE:
        table[ord(ch)] = " "
    for ch in "\u2019\u2018\u02bc":  # typographic apostrophes fold to the ASCII one
        table[ord(ch)] = "'"
    for ch in "\u2010\u2011\u2012\u2013":
        table[ord(ch)] = "-"
    # a letter lost to a bad encoding is the same unknown letter however it was lost
    table[0xFFFD] = "¿"
    return table


def fold(text: str) -> str:
    """Lowercase, strip accents, unify spaces/apostrophes; ``len(fold(t)) == len(t)``."""
    return text.translate(_fold_table())


@functools.lru_cache(maxsize=16)
def letters_by_fold(chars: str = FOLDED_LETTERS) -> Dict[str, str]:
    """Each folded letter and the letters of ``chars`` that :func:`fold` makes equal to it,
    in the order of ``chars`` (``e`` -> ``EeÈÉÊËèéêë...``): the one builder of
    accent-insensitive character classes (``judanon.detectors.patterns.insensitive``, the
    person grammar's folded phrases)."""
    table: Dict[str, str] = {}
    for ch in chars:
        if ch.isalpha():
            folded = fold(ch)
            table[folded] = table.get(folded, "") + ch
    return table


def fold_key(text: str) -> str:
    """A key for comparing surfaces and looking names up: the normalized view, folded
    (also outside Latin-1: ``Ł`` -> ``l``), ``œ`` as ``oe``, spaces squeezed
    (``"Hé\\u200blène"``, ``"HELENE"``, ``"Ｈélène"`` -> ``"helene"``)."""
    if text.isascii():
        folded = text.lower()
    else:
        view = normalize(text).text.casefold().translate(_LIGATURES)
        decomposed = unicodedata.normalize("NFKD", view)
        folded = fold("".join(ch for ch in decomposed if not unicodedata.combining(ch)))
    return " ".join(folded.split()) if (" " in folded or not folded.isprintable()) else folded


def folded_words_pattern(words: Iterable[str]) -> Optional[str]:
    """A pattern, for folded text, matching any of ``words`` (folded, longest first) as a
    whole word: ``(?:^|[^\\w.])(?:societe|sa|...)``; ``None`` when ``words`` is empty."""
    folded = sorted({fold_key(w) for w in words if w.strip()}, key=len, reverse=True)
    if not folded:
        return None
    return r"(?:^|[^\w.])(?:" + "|".join(regex.escape(w) for w in folded) + ")"


# --- The normalized view ---------------------------------------------------------------

_ZW_CLASS = "[" + ZERO_WIDTH + "]"
# Edits that change the length; everything else is a one-to-one translation.
_EDIT_RE = regex.compile(
    # a word cut at the end of a line: "Dupon-\nt" (only before a lowercase letter, so
    # that "Saint-\nDenis" keeps its hyphen)
    r"(?<=[\p{L}" + ZERO_WIDTH + r"])(?P<cut>[-\u2010\u00ad][ \t]*\r?\n[ \t]*)(?=\p{Ll})"
    rf"|(?P<zw>{_ZW_CLASS}+)"
    r"|(?P<crlf>\r\n)"
    r"|(?P<marks>\P{M}\p{M}+)"
)
_HYPHEN_BREAK_RE = regex.compile(r"[-\u2010][ \t]*\r?\n")
_MIXED_WORD_RE = regex.compile(r"[\p{L}\p{M}]*[" + "".join(HOMOGLYPHS) + r"][\p{L}\p{M}]*")
_LATIN_RE = regex.compile(r"\p{Latin}")


@functools.lru_cache(maxsize=4096)
def _one_to_one(ch: str) -> Optional[str]:
    """The plain character a single character stands for, or ``None`` if it is one."""
    if ch in SPACE_LIKE:
        return " "
    if ch == "\r":
        return "\n"
    cp = ord(ch)
    if 0xFF01 <= cp <= 0xFF5E or 0x1D400 <= cp <= 0x1D7FF:  # fullwidth, mathematical
        plain = unicodedata.normalize("NFKC", ch)
        return plain if len(plain) == 1 else None
    return None


def _compose(cluster: str) -> str:
    """A base character and its combining marks as one character (marks dropped when no
    precomposed character exists: the view is for matching, not display)."""
    composed = unicodedata.normalize("NFC", cluster)
    return composed if len(composed) == 1 else cluster[0]


@attrs.frozen(slots=True)
class NormalizedText:
    """A text as the detectors read it, with an exact map back to the original.

    ``text`` is the view. Each edit that changed the length is recorded as
    ``(view_start, view_length, original_start, original_length)`` (a removed invisible
    character has view length 0, a composed accent length 1); between edits the two
    texts run in step.
    """

    original: str = attrs.field(repr=False)
    text: str = attrs.field(repr=False)
    _view_starts: Tuple[int, ...] = attrs.field(repr=False)
    _edits: Tuple[Tuple[int, int, int, int], ...] = attrs.field(repr=lambda e: f"<{len(e)} edits>")

    @property
    def identical(self) -> bool:
        return not self._edits and self.text == self.original

    def start(self, pos: int) -> int:
        """Offset in the original text of the view's character at ``pos``."""
        k = bisect.bisect_right(self._view_starts, pos) - 1
        if k < 0:
            return pos
        vs, vl, os_, ol = self._edits[k]
        if vl and vs == pos:
            return os_
        return pos + (os_ + ol) - (vs + vl)

    def end(self, pos: int) -> int:
        """Offset in the original text just after the view's character at ``pos - 1``."""
        if pos <= 0:
            return self.start(0)
        last = pos - 1
        k = bisect.bisect_right(self._view_starts, last) - 1
        if k >= 0:
            vs, vl, os_, ol = self._edits[k]
            if vl and vs == last:
                return os_ + ol
        return self.start(last) + 1

    def span(self, start: int, end: int) -> Tuple[int, int]:
        """The original offsets of the view's ``[start, end)``: invisible characters
        inside are covered, those at the edges are not."""
        if end <= start:
            s = self.start(start) if start < len(self.text) else len(self.original)
            return s, s
        return self.start(start), self.end(end)


def normalize(text: str) -> NormalizedText:
    """The normalized view of ``text`` (see the module docstring); linear time."""
    chars = set(text)
    edits: List[Tuple[int, int, int, int]] = []
    view = text
    needs_edits = (
        not chars.isdisjoint(ZERO_WIDTH)
        or "\r" in chars
        or any(ord(c) >= 0x300 and unicodedata.combining(c) for c in chars)
        or ("\n" in chars and _HYPHEN_BREAK_RE.search(text) is not None)
    )
    if needs_edits:
        pieces: List[str] = []
        pos = vpos = 0
        for m in _EDIT_RE.finditer(text):
            a, b = m.span()
            pieces.append(text[pos:a])
            vpos += a - pos
            kind = m.lastgroup
            if kind in ("zw", "cut"):
                replacement = ""
            elif kind == "crlf":
                replacement = "\n"
            else:
                replacement = _compose(m.group())
            pieces.append(replacement)
            edits.append((vpos, len(replacement), a, b - a))
            vpos += len(replacement)
            pos = b
        pieces.append(text[pos:])
        view = "".join(pieces)
    table = {ord(c): plain for c in chars if (plain := _one_to_one(c)) is not None}
    if table:
        view = view.translate(table)
    if not chars.isdisjoint(HOMOGLYPHS):
        view = _latin_lookalikes(view, _mostly_latin(view))
    return NormalizedText(text, view, tuple(e[0] for e in edits), tuple(edits))


def _mostly_latin(view: str) -> bool:
    """Whether most letters of ``view`` are Latin: a Greek or Cyrillic decision writes
    ``κ.`` or ``ΤΟ`` in its own script, and those words must stay as they are."""
    latin = len(_LATIN_RE.findall(view))
    letters = sum(ch.isalpha() for ch in view)
    return latin * 2 >= letters


def _latin_lookalikes(view: str, whole_words: bool = True) -> str:
    """Look-alike letters read as Latin inside words that are Latin, or (``whole_words``,
    in a mostly Latin text) made of look-alikes only."""
    out, pos = [], 0
    for m in _MIXED_WORD_RE.finditer(view):
        word = m.group()
        if _LATIN_RE.search(word) or (whole_words and all(ch in HOMOGLYPHS or not ch.isalpha() for ch in word)):
            out.append(view[pos:m.start()])
            out.append("".join(HOMOGLYPHS.get(ch, ch) for ch in word))
            pos = m.end()
    if not out:
        return view
    out.append(view[pos:])
    return "".join(out)
