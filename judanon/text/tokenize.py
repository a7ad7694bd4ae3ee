"""A small, fast tokenizer and sentence splitter for legal text.

Pure Python (``re``), no model: the neural detector and its training both use it, so
a model always sees text cut exactly the way it was trained on. The words whose period
ends no sentence (``M.``, ``art.``) are a language's: callers pass a pack's
``abbreviations`` (``judanon.packs.load_profile(code).abbreviations``); without them only
initials keep their period.

Offsets are Python string indices into the text given, never into a normalized copy:
``\\r\\n``, non-breaking spaces and zero-width characters never shift them.
Zero-width characters inside a word stay inside its token (``Tok.norm`` drops them), so
``"Du\\u200bpont"`` is one token whose offsets cover the zero-width space too.

    >>> [t.text for t in tokenize("M. Dupont, art. 700 du C. civ.", frozenset({"art", "civ"}))]
    ['M.', 'Dupont', ',', 'art.', '700', 'du', 'C.', 'civ.']
"""

from __future__ import annotations

import bisect
from typing import AbstractSet, List, NamedTuple

import regex


from judanon.text import limits
from judanon.text.normalize import ZERO_WIDTH
from judanon.errors import ArgumentError

# --- Settings -------------------------------------------------------------------

#: Sentence-final punctuation.
_FINAL = frozenset(".!?…")

#: Default bound on the length of one sentence, in tokens: longer runs (headers,
#: tables, lists without punctuation) are cut so that inference stays fast.
MAX_SENTENCE_TOKENS = 150

# --- Machinery -------------------------------------------------------------------

_ZW = "[" + ZERO_WIDTH + "]"
# A word: letters/digits, zero-width characters allowed inside (never at the ends);
# "¿" and U+FFFD stand for a letter lost to a bad encoding ("Hél¿ne") and belong to it.
_LOST = "¿\ufffd"
_WORD = rf"(?:[^\W_]|[{_LOST}])(?:{_ZW}*(?:[^\W_]|[{_LOST}]))*"
# Each alternative takes a run of one kind of character and never gives it back: the scan
# is linear and runs without the engine's clock checks.
_TOKEN_RE = limits.compile(
    rf"""
    (?P<num>[nN]°)                     # "n°" is one token
    | (?P<word>{_WORD})
    | (?P<punct>_+|(?P<pc>[^\w\s{ZERO_WIDTH}])(?P=pc)*)   # runs of one punctuation character
    """,
    regex.VERBOSE,
    linear=True,
)
_ZW_RE = limits.compile(_ZW)
_BLANK_LINE_RE = limits.compile(r"\n[^\S\n]*\n")


class Token(NamedTuple):
    """One token: ``text == source[start:end]``. A named tuple: a decision has tens of
    thousands of tokens, and a tuple is the cheapest object to make."""

    start: int
    end: int
    text: str

    @property
    def norm(self) -> str:
        """The token text without zero-width characters and with a straight apostrophe."""
        return normalize_token(self.text)


def normalize_token(text: str) -> str:
    """What a model should look at: no zero-width characters, ``’`` as ``'``, a lost
    letter always as ``¿``."""
    if not text.isascii():
        text = _ZW_RE.sub("", text).replace("’", "'").replace("\ufffd", "¿")
    return text


def _keeps_period(word: str, abbreviations: AbstractSet[str]) -> bool:
    """Whether ``word`` followed by a period keeps that period (abbreviation, initial)."""
    core = _ZW_RE.sub("", word) if not word.isascii() else word
    if len(core) == 1 and core.isupper():
        return True  # an initial ("J. Dupont") or the "C." of "C. civ."
    return core.lower() in abbreviations


def tokenize(text: str, abbreviations: AbstractSet[str] = frozenset()) -> List[Token]:
    """Cut ``text`` into tokens with exact offsets.

    Words are runs of letters and digits; hyphens and apostrophes are tokens of their
    own (``"Saint-Denis"`` -> ``Saint``, ``-``, ``Denis``; ``"d'Alix"`` -> ``d``, ``'``,
    ``Alix``) so that entity boundaries inside compounds fall on token boundaries.
    An initial, or one of ``abbreviations`` (lowercase), keeps its final period
    (``J.``; ``M.``, ``art.`` when listed).
    """
    tokens: List[Token] = []
    append = tokens.append
    n = len(text)
    last_end = 0
    for m in _TOKEN_RE.finditer(text):
        start, end = m.span()
        if start < last_end:
            # the first period of this run was absorbed by the abbreviation before it
            if end <= last_end:
                continue
            start = last_end
        elif m.lastgroup == "word" and end < n and text[end] == "." and _keeps_period(m.group(), abbreviations):
            end += 1
        append(Token(start, end, text[start:end]))
        last_end = end
    return tokens


def _ends_sentence(tokens: List[Token], i: int, text: str) -> bool:
    """Whether the final punctuation mark ``tokens[i]`` ends a sentence."""
    tok = tokens[i]
    if i + 1 >= len(tokens):
        return True
    nxt = tokens[i + 1]
    gap = text[tok.end : nxt.start]
    if not gap or gap.strip(ZERO_WIDTH) == "":
        return False  # "16.925", "a.b": no space after the period
    first = nxt.text[0]
    return not first.islower()


def sentences(text: str, max_tokens: int = MAX_SENTENCE_TOKENS, blank_lines: bool = True,
              abbreviations: AbstractSet[str] = frozenset()) -> List[List[Token]]:
    """Split ``text`` into sentences (lists of tokens), none longer than ``max_tokens``.

    A sentence ends after ``.``, ``!``, ``?`` or ``…`` followed by a space and a word
    that does not start in lowercase, and (when ``blank_lines``) at every blank line.
    ``abbreviations`` (lowercase, the pack's: ``M.``, ``art.``, ``Cass.``), initials and
    ``n°`` never end a sentence because their period is part of their token.
    Without ``blank_lines``, the lines of a header or signature block ("Le greffier,
    Le président" / names) stay together, up to ``max_tokens``.
    """
    if max_tokens < 1:
        raise ArgumentError(f"max_tokens must be >= 1, got {max_tokens}")
    tokens = tokenize(text, abbreviations)
    if not tokens:
        return []
    last = len(tokens) - 1
    # a sentence ends after token i: a final punctuation mark that ends one ...
    ends = {i for i, tok in enumerate(tokens) if tok.text[0] in _FINAL and _ends_sentence(tokens, i, text)}
    if blank_lines:
        # ... or the last token before a blank line
        starts = [tok.start for tok in tokens]
        for m in _BLANK_LINE_RE.finditer(text):
            i = bisect.bisect_right(starts, m.start()) - 1
            if 0 <= i < last and tokens[i].end <= m.start():
                ends.add(i)
    out: List[List[Token]] = []
    begin = 0
    for i in sorted(ends):
        out.extend(_bound(tokens[begin:i + 1], max_tokens, text))
        begin = i + 1
    if begin <= last:
        out.extend(_bound(tokens[begin:], max_tokens, text))
    return out


_SOFT_BREAKS = frozenset(";:,")


def _bound(sentence: List[Token], max_tokens: int, text: str) -> List[List[Token]]:
    """Cut an over-long sentence, preferably after a newline or ``; : ,`` near the limit.

    Walks the sentence with an index (never re-slicing what is left), so a run of any
    length without a sentence end costs time linear in its length."""
    pieces: List[List[Token]] = []
    begin, n = 0, len(sentence)
    lowest = max(1, (2 * max_tokens) // 3)
    while n - begin > max_tokens:
        cut = max_tokens
        for j in range(max_tokens, lowest - 1, -1):
            prev, nxt = sentence[begin + j - 1], sentence[begin + j]
            if prev.text[0] in _SOFT_BREAKS or "\n" in text[prev.end : nxt.start]:
                cut = j
                break
        pieces.append(sentence[begin:begin + cut])
        begin += cut
    if begin < n:
        pieces.append(sentence[begin:] if begin else sentence)
    return pieces
