"""Matching listed words in a text: the machinery of the list-based detectors
(:mod:`judanon.detectors.dictionary`, :mod:`judanon.detectors.parties`,
:mod:`judanon.detectors.name_lexicon`).

How it stays fast: the text is cut into word tokens once; each token's key
(lowercase, no accents, no invisible characters) is looked up in a dict of entry first
tokens; multi-token entries are checked from there. Fuzzy matching only looks at
tokens that could be a misspelt name (capitalized, 4+ letters, not an entry, not a
common word) and finds neighbours with a deletion index, then checks the edit
distance (Damerau/OSA) with rapidfuzz.

Offsets come from the original text: ``\\r\\n``, non-breaking spaces and zero-width
characters never shift them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import accumulate
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

import attrs
from rapidfuzz.distance import OSA
from rapidfuzz.fuzz import ratio

from judanon.entities import NO_ROLES, Span
from judanon.errors import JudanonError
from judanon.text.lexicons import LexiconSource, NameLexicon, lexicon_of, name_key
from judanon.text.limits import timed_module_patterns
from judanon.text.normalize import ZERO_WIDTH

__all__ = [
    "CommonWords",
    "DictionaryError",
    "Entry",
    "Matcher",
    "EVIDENCE_MODES",
    "check_evidence",
    "default_max_edits",
    "entry_keys",
    "is_name_cased",
    "matcher_spans",
    "split_words",
    "starts_sentence",
    "token_keys",
    "word_tokens",
]

_ZW = "[" + ZERO_WIDTH + "]"
_MARKS = "\u0300-\u036f"
# Letters and digits; zero-width characters and combining accents stay inside a word.
_SPLIT_SIMPLE = re.compile(r"([^\W_]+)")
_SPLIT_FULL = re.compile(rf"([^\W_][{_MARKS}]*(?:{_ZW}*[^\W_][{_MARKS}]*)*)")
_NEEDS_FULL = re.compile(rf"{_ZW}|[{_MARKS}]")
# What may separate two tokens of one entry: spaces (any, incl. \u00a0, \r\n),
# at most two of hyphen, apostrophe, period ("Jean-Pierre", "N'Diaye", "J.-P.").
_GAP = re.compile(rf"[\s{ZERO_WIDTH}]*(?:[-\u2010\u2011'\u2019.][\s{ZERO_WIDTH}]*){{0,2}}\Z")
_MAX_GAP = 12

EVIDENCE_MODES = ("entry", "index")


class DictionaryError(JudanonError, ValueError):
    """A dictionary entry or option is unusable (empty entry, bad evidence mode)."""


def default_max_edits(length: int) -> int:
    """Typos tolerated in a name of ``length`` letters: none under 4, one for 4-7,
    two from 8 on."""
    if length < 4:
        return 0
    return 1 if length < 8 else 2


def split_words(text: str) -> Tuple[List[str], List[int]]:
    """Word tokens of ``text`` and cumulative offsets: token ``k`` spans
    ``cum[2k]:cum[2k+1]``. One ``re.split`` call: much faster than ``finditer``."""
    pattern = _SPLIT_FULL if _NEEDS_FULL.search(text) else _SPLIT_SIMPLE
    parts = pattern.split(text)
    return parts[1::2], list(accumulate(map(len, parts)))


def word_tokens(text: str) -> List[Tuple[int, int, str]]:
    """``(start, end, raw text)`` of the word tokens of ``text``: letters and digits;
    zero-width characters and combining accents inside a word stay in it."""
    raws, cum = split_words(text)
    return [(cum[2 * k], cum[2 * k + 1], raw) for k, raw in enumerate(raws)]


def token_keys(raws: Sequence[str]) -> List[str]:
    return [r.lower() if r.isascii() else name_key(r) for r in raws]


def entry_keys(text: str) -> Tuple[str, ...]:
    return tuple(token_keys(split_words(text)[0]))


def is_name_cased(raw: str) -> bool:
    return raw[0].isupper()


def _deletes(word: str, depth: int) -> set:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


@attrs.frozen(slots=True)
class Entry:
    keys: Tuple[str, ...]
    label: str
    evidence: str
    #: The first token must be written as a name (capital initial) to match.
    needs_capital: bool = False


class _FuzzyIndex:
    """Neighbours of a key among the entry tokens, within ``max_edits(len(token))``.

    A deletion index (SymSpell): each entry token is stored under itself and its
    one-character deletions, and also its two-character deletions when the list is
    small enough; a query looks up its own deletions and the candidates are checked
    with the real edit distance. On very large lists two substitutions in one long
    word can be missed (documented trade-off for memory)."""

    #: Beyond this many long tokens the index keeps one-deletion keys only.
    DEEP_LIMIT = 20_000

    def __init__(self, vocab: Iterable[str], max_edits: Callable[[int], int], min_length: int):
        self.max_edits = max_edits
        self.min_length = min_length
        words = [w for w in vocab if len(w) >= min_length and max_edits(len(w)) > 0]
        deep = sum(1 for w in words if max_edits(len(w)) >= 2) <= self.DEEP_LIMIT
        index: Dict[str, list] = defaultdict(list)
        for w in words:
            for d in _deletes(w, min(max_edits(len(w)), 2 if deep else 1)):
                index[d].append(w)
        self.index = dict(index)
        self.longest_budget = max((max_edits(len(w)) for w in words), default=0)
        self.cache: Dict[str, Dict[str, float]] = {}

    def neighbours(self, key: str) -> Dict[str, float]:
        """``{entry token: similarity 0..100}`` for entry tokens close to ``key``."""
        hit = self.cache.get(key)
        if hit is not None:
            return hit
        found: Dict[str, float] = {}
        if self.longest_budget and len(key) >= self.min_length - self.longest_budget:
            depth = min(2, self.longest_budget)
            for d in _deletes(key, depth):
                for w in self.index.get(d, ()):
                    if w in found:
                        continue
                    budget = self.max_edits(len(w))
                    if OSA.distance(key, w, score_cutoff=budget) <= budget:
                        found[w] = ratio(key, w)
        if len(self.cache) > 100_000:
            self.cache.clear()  # bounded memory on long runs
        self.cache[key] = found
        return found


class Matcher:
    """The shared machinery: an index of entries by first token, exact and fuzzy."""

    def __init__(
        self,
        entries: Sequence[Entry],
        fuzzy: bool,
        max_edits: Callable[[int], int],
        min_fuzzy_length: int,
        common_word: Optional[Callable[[str], bool]],
    ):
        by_first: Dict[str, List[Entry]] = defaultdict(list)
        seen = set()
        for entry in entries:
            if (entry.keys, entry.label) in seen:
                continue
            seen.add((entry.keys, entry.label))
            by_first[entry.keys[0]].append(entry)
        for lst in by_first.values():
            lst.sort(key=lambda e: -len(e.keys))  # longest first: leftmost-longest match
        self.by_first = dict(by_first)
        self.vocab = frozenset(k for e in entries for k in e.keys)
        self.fuzzy = fuzzy
        self.max_edits = max_edits
        self.min_fuzzy_length = min_fuzzy_length
        self.common_word = common_word
        self._fuzzy_index: Optional[_FuzzyIndex] = None

    @property
    def fuzzy_index(self) -> _FuzzyIndex:
        if self._fuzzy_index is None:  # built on first use: costly on large lists
            self._fuzzy_index = _FuzzyIndex(self.vocab, self.max_edits, self.min_fuzzy_length)
        return self._fuzzy_index

    def find(self, text: str) -> Iterable[Tuple[int, int, Entry, float, bool]]:
        """Yield ``(start, end, entry, similarity 0..100, exact)``, leftmost-longest,
        non-overlapping."""
        raws, cum = split_words(text)
        if not raws:
            return
        keys = token_keys(raws)
        starts, ends = cum[0::2], cum[1::2]
        n = len(keys)
        by_first = self.by_first
        cands = self._candidates(keys, raws) if self.fuzzy else None

        def gap_ok(j: int) -> bool:
            gap = text[ends[j] : starts[j + 1]]
            return len(gap) <= _MAX_GAP and _GAP.match(gap) is not None

        def sim(j: int, want: str) -> float:
            if keys[j] == want:
                return 100.0
            if cands is None:
                return 0.0
            return cands.get(j, {}).get(want, 0.0)

        if cands is None:
            positions = [i for i, k in enumerate(keys) if k in by_first]
        else:
            positions = sorted({i for i, k in enumerate(keys) if k in by_first} | set(cands))
        next_free = 0
        for i in positions:
            if i < next_free:
                continue
            firsts = [(keys[i], 100.0)] if keys[i] in by_first else []
            if cands is not None and i in cands:
                firsts += [(w, s) for w, s in cands[i].items() if w in by_first]
            best = None
            for first, first_sim in firsts:
                for entry in by_first[first]:
                    m = len(entry.keys)
                    if best is not None and m <= best[0]:
                        break
                    if i + m > n:
                        continue
                    if entry.needs_capital and not is_name_cased(raws[i]):
                        continue
                    total = first_sim
                    exact = first_sim == 100.0
                    for k in range(1, m):
                        if not gap_ok(i + k - 1):
                            total = -1.0
                            break
                        s = sim(i + k, entry.keys[k])
                        if s <= 0:
                            total = -1.0
                            break
                        total += s
                        exact = exact and s == 100.0
                    if total < 0:
                        continue
                    best = (m, entry, total / m, exact)
                    break  # entries are sorted longest first
            if best is not None:
                m, entry, similarity, exact = best
                yield starts[i], ends[i + m - 1], entry, similarity, exact
                next_free = i + m

    def _candidates(self, keys: List[str], raws: List[str]) -> Dict[int, Dict[str, float]]:
        """Fuzzy neighbours for the tokens that could be a misspelt entry."""
        index = self.fuzzy_index
        # A word also written in lowercase in the same text is a common word there.
        lowercase_here = {k for k, r in zip(keys, raws) if r.islower()}
        out: Dict[int, Dict[str, float]] = {}
        for j, (key, raw) in enumerate(zip(keys, raws)):
            if (
                len(key) < self.min_fuzzy_length
                or key in self.vocab
                or not is_name_cased(raw)
                or key in lowercase_here
                or key.isdigit()
                or (self.common_word is not None and self.common_word(key))
            ):
                continue
            found = index.neighbours(key)
            if found:
                out[j] = found
        return out


def matcher_spans(matcher: "Matcher", name: str, text: str, roles: frozenset = NO_ROLES) -> List[Span]:
    """Spans of a matcher's hits: exact hits are specific (2), fuzzy ones are guesses (1);
    each declares ``roles`` (``Span.roles``)."""
    return [
        Span(start, end, entry.label, name,
             score=1.0 if exact else round(similarity / 100.0, 4),
             evidence=entry.evidence, specificity=2 if exact else 1, roles=roles)
        for start, end, entry, similarity, exact in matcher.find(text)
    ]


class CommonWords:
    """``common_words(key)``: whether ``lexicon`` (a :class:`judanon.text.lexicons.NameLexicon`
    or the function loading it) says the key is a common word; loaded on first use."""

    def __init__(self, lexicon: LexiconSource):
        self._source = lexicon
        self._lexicon: Optional[NameLexicon] = None

    def __call__(self, key: str) -> bool:
        if self._lexicon is None:
            self._lexicon = lexicon_of(self._source)
        return self._lexicon.is_common_word(key)

    def __getstate__(self):  # a loader pickles by name; the loaded lexicon stays behind
        return {"_source": self._source, "_lexicon": None}


def check_evidence(mode: str) -> str:
    if mode not in EVIDENCE_MODES:
        raise DictionaryError(
            f"evidence must be one of {EVIDENCE_MODES!r}, got {mode!r}: 'entry' records the "
            "matched entry as listed, 'index' only its position in the list (use it when "
            "entries are personal data, so that the audit trail holds no plaintext)"
        )
    return mode


def starts_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens the text, a line or a sentence."""
    k = start
    while k > 0 and text[k - 1] != "\n" and (text[k - 1].isspace() or text[k - 1] in "\"'«»„“”()-"):
        k -= 1
    return k == 0 or text[k - 1] in ".!?:;\n"



# Every regex of this module runs under the decision's time budget (judanon.text.limits),
# but the word splitters: runs of one character class (with marks and invisible
# characters inside), which cannot backtrack, and which the stdlib splits fastest.
timed_module_patterns(globals(), linear=("_SPLIT_SIMPLE", "_SPLIT_FULL", "_NEEDS_FULL"))
