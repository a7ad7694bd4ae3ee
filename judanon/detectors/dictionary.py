"""List-based detection: exact and fuzzy matches of listed names.

- :class:`DictionaryDetector` finds the entries of a list (100k+ entries are fine),
  ignoring case and accents, optionally with typos (``fuzzy=True``).
- :class:`PartyListDetector` finds the parties of a case, known from its metadata,
  in every variant: capitals, missing accents, typos, first name or surname alone.
- :class:`NameLexiconDetector` flags capitalized tokens that the shipped first-name
  and surname lexicons know (a weak, noisy signal meant to be combined with context).

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
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple, Union

import attrs
import regex
from rapidfuzz.distance import OSA
from rapidfuzz.fuzz import ratio

from judanon.entities import NO_ROLES, PARTY, PERSONNE_PHYSIQUE, Span
from judanon.errors import ArgumentError, JudanonError
from judanon.text.limits import compile as timed_compile, timed_module_patterns
from judanon.text.normalize import fold, folded_words_pattern
from judanon.text.lexicons import NameLexicon, default_lexicon, name_key
from judanon.text.normalize import ZERO_WIDTH

__all__ = [
    "DictionaryDetector",
    "PartyListDetector",
    "NameLexiconDetector",
    "Party",
    "DictionaryError",
    "default_max_edits",
    "word_tokens",
    "starts_sentence",
]

# --- Machinery -------------------------------------------------------------------

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


def _split(text: str) -> Tuple[List[str], List[int]]:
    """Word tokens of ``text`` and cumulative offsets: token ``k`` spans
    ``cum[2k]:cum[2k+1]``. One ``re.split`` call: much faster than ``finditer``."""
    pattern = _SPLIT_FULL if _NEEDS_FULL.search(text) else _SPLIT_SIMPLE
    parts = pattern.split(text)
    return parts[1::2], list(accumulate(map(len, parts)))


def word_tokens(text: str) -> List[Tuple[int, int, str]]:
    """``(start, end, raw text)`` of the word tokens of ``text``: letters and digits;
    zero-width characters and combining accents inside a word stay in it."""
    raws, cum = _split(text)
    return [(cum[2 * k], cum[2 * k + 1], raw) for k, raw in enumerate(raws)]


def _keys(raws: Sequence[str]) -> List[str]:
    return [r.lower() if r.isascii() else name_key(r) for r in raws]


def _entry_keys(text: str) -> Tuple[str, ...]:
    return tuple(_keys(_split(text)[0]))


def _is_name_cased(raw: str) -> bool:
    return raw[0].isupper()


def _deletes(word: str, depth: int) -> set:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


@attrs.frozen(slots=True)
class _Entry:
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


class _Matcher:
    """The shared machinery: an index of entries by first token, exact and fuzzy."""

    def __init__(
        self,
        entries: Sequence[_Entry],
        fuzzy: bool,
        max_edits: Callable[[int], int],
        min_fuzzy_length: int,
        common_word: Optional[Callable[[str], bool]],
    ):
        by_first: Dict[str, List[_Entry]] = defaultdict(list)
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

    def find(self, text: str) -> Iterable[Tuple[int, int, _Entry, float, bool]]:
        """Yield ``(start, end, entry, similarity 0..100, exact)``, leftmost-longest,
        non-overlapping."""
        raws, cum = _split(text)
        if not raws:
            return
        keys = _keys(raws)
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
                    if entry.needs_capital and not _is_name_cased(raws[i]):
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
                or not _is_name_cased(raw)
                or key in lowercase_here
                or key.isdigit()
                or (self.common_word is not None and self.common_word(key))
            ):
                continue
            found = index.neighbours(key)
            if found:
                out[j] = found
        return out


def _matcher_spans(matcher: "_Matcher", name: str, text: str, roles: frozenset = NO_ROLES) -> List[Span]:
    """Spans of a matcher's hits: exact hits are specific (2), fuzzy ones are guesses (1)."""
    return [
        Span(start, end, entry.label, name,
             score=1.0 if exact else round(similarity / 100.0, 4),
             evidence=entry.evidence, specificity=2 if exact else 1, roles=roles)
        for start, end, entry, similarity, exact in matcher.find(text)
    ]


def _lexicon_common_word(key: str) -> bool:
    return default_lexicon().is_common_word(key)


def _check_evidence(mode: str) -> str:
    if mode not in EVIDENCE_MODES:
        raise DictionaryError(
            f"evidence must be one of {EVIDENCE_MODES!r}, got {mode!r}: 'entry' records the "
            "matched entry as listed, 'index' only its position in the list (use it when "
            "entries are personal data, so that the audit trail holds no plaintext)"
        )
    return mode


EntryLike = Union[str, Tuple[str, str]]


class DictionaryDetector:
    """Find the entries of a list in a text, ignoring case and accents.

    ``entries`` are strings or ``(string, label)`` pairs. Multi-word entries match
    across any spacing, line break, hyphen or apostrophe (``Jean Pierre`` matches
    ``JEAN-PIERRE``). With ``fuzzy=True`` a capitalized token of 4+ letters that is no
    entry and no common word also matches an entry token within ``max_edits``
    (default: 1 typo for 4-7 letters, 2 from 8 on).

    Exact matches have specificity 2 and score 1; fuzzy ones specificity 1 and score
    similarity/100. ``evidence="entry"`` records the entry as listed;
    ``evidence="index"`` records ``"<name>#<position>"`` only (no plaintext in the
    audit trail; use it for lists of people).
    """

    version = "1"

    def __init__(
        self,
        entries: Iterable[EntryLike],
        label: str = PERSONNE_PHYSIQUE,
        name: str = "dictionary",
        fuzzy: bool = False,
        evidence: str = "entry",
        max_edits: Callable[[int], int] = default_max_edits,
        min_fuzzy_length: int = 4,
        require_capital: bool = False,
        common_word: Optional[Callable[[str], bool]] = _lexicon_common_word,
    ):
        self.name = name
        self.label = label
        self.fuzzy = fuzzy
        self.evidence = _check_evidence(evidence)
        built: List[_Entry] = []
        for i, item in enumerate(entries):
            text, item_label = (item, label) if isinstance(item, str) else item
            keys = _entry_keys(text)
            if not keys:
                raise DictionaryError(
                    f"entry #{i} of {name!r} has no letters or digits; remove it from the list"
                )
            ev = text if evidence == "entry" else f"{name}#{i}"
            built.append(_Entry(keys, item_label, ev, require_capital))
        self.size = len(built)
        self._matcher = _Matcher(built, fuzzy, max_edits, min_fuzzy_length, common_word)

    def __repr__(self) -> str:
        return f"DictionaryDetector(name={self.name!r}, entries={self.size}, fuzzy={self.fuzzy})"

    def detect(self, text: str) -> List[Span]:
        return _matcher_spans(self._matcher, self.name, text)

    @classmethod
    def from_file(cls, path, **kwargs) -> "DictionaryDetector":
        """Entries from a text file (``.gz`` allowed): one per line, optionally
        ``entry<TAB>label``; blank lines and ``#`` comments skipped."""
        import gzip
        from pathlib import Path

        path = Path(path)
        opener = gzip.open if path.suffix == ".gz" else open
        entries: List[EntryLike] = []
        with opener(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                line = line.rstrip("\n")
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                parts = line.split("\t")
                entries.append((parts[0], parts[1]) if len(parts) > 1 else parts[0])
        kwargs.setdefault("name", path.name.split(".")[0])
        return cls(entries, **kwargs)



# --- Parties of the case -----------------------------------------------------------


@attrs.frozen(slots=True)
class Party:
    """A party's name split into first names and surname parts, as written."""

    first_names: Tuple[str, ...] = attrs.field(converter=tuple)
    surname: Tuple[str, ...] = attrs.field(converter=tuple)

    @classmethod
    def parse(cls, full_name: str, particles: Iterable[str] = ()) -> "Party":
        """Split ``"Jean-Pierre Dupont"``, ``"DUPONT Jean-Pierre"``,
        ``"Marie de La Fontaine"`` into first names and surname.

        Words in capitals are the surname when others are not; otherwise the surname
        starts at the first of the pack's lowercase ``particles`` (``de``, ``van``...)
        after the first word, or is the last word."""
        particles = frozenset(particles)
        words = full_name.split()
        if not words:
            raise DictionaryError("a party name is empty; remove it from the parties")
        if len(words) == 1:
            return cls((), tuple(words))

        def is_caps(w: str) -> bool:
            letters = [c for c in w if c.isalpha()]
            return len(letters) >= 2 and all(c.isupper() for c in letters)

        caps = [is_caps(w) for w in words]
        if any(caps) and not all(caps):
            return cls(
                tuple(w for w, c in zip(words, caps) if not c),
                tuple(w for w, c in zip(words, caps) if c),
            )
        for i in range(1, len(words)):
            if name_key(words[i]).rstrip("'") in particles and i < len(words) - 1:
                return cls(tuple(words[:i]), tuple(words[i:]))
        return cls(tuple(words[:-1]), (words[-1],))


PartyLike = Union[str, Party, Tuple[Sequence[str], Sequence[str]]]


def _as_party(item: PartyLike, particles: frozenset = frozenset()) -> Party:
    if isinstance(item, Party):
        return item
    if isinstance(item, str):
        return Party.parse(item, particles)
    first, last = item
    first = (first,) if isinstance(first, str) else tuple(first)
    last = tuple(last.split()) if isinstance(last, str) else tuple(last)
    return Party(first, last)


def _surname_variants(surname: Tuple[str, ...], lead_particles: frozenset = frozenset()) -> List[str]:
    """The surname as annotated (without a leading particle such as ``de``) and, for a
    compound surname with particles, its last word alone (``La Fontaine`` -> ``Fontaine``)."""
    words = list(surname)
    while len(words) > 1 and name_key(words[0]).rstrip("'") in lead_particles:
        words.pop(0)
    # "d'Artagnan" as one word: the particle is glued to the name
    variants = [" ".join(words)]
    if len(words) > 1 and len(_entry_keys(words[-1])[-1]) >= 3:
        variants.append(words[-1])
    return variants


class PartyListDetector:
    """Find every mention of the parties of a case.

    ``parties``: names as strings (``"Jean-Pierre Dupont"``, ``"DUPONT Jean-Pierre"``),
    :class:`Party` values, or ``(first_names, surname)`` pairs. Each first name and
    the surname are matched as separate ``personnePhysique`` spans (Label annotates
    them separately); a hyphenated first name is one span. Variants found: any case,
    missing accents, spacing/hyphen variants, and typos within ``max_edits``
    (capitalized tokens only). A surname alone is enough (in lowercase too, unless it
    is a common word such as ``petit``); a first name alone only when capitalized.

    Evidence defaults to ``"index"``: ``party:<n>:first`` / ``party:<n>:surname``, so
    the audit trail holds no plaintext name.

    ``particles`` (lowercase) open a compound surname when a name is split
    (``Party.parse``); ``lead_particles`` may be dropped from its front (``de``). Both
    come from the profile's pack (``Profile.surname_particles``).
    """

    version = "1"
    #: The case's metadata names every span (``Span.roles``).
    span_roles = frozenset({PARTY})

    def __init__(
        self,
        parties: Iterable[PartyLike],
        label: str = PERSONNE_PHYSIQUE,
        name: str = "party_list",
        fuzzy: bool = True,
        evidence: str = "index",
        max_edits: Callable[[int], int] = default_max_edits,
        lexicon: Optional[NameLexicon] = None,
        particles: Iterable[str] = (),
        lead_particles: Iterable[str] = (),
    ):
        self.name = name
        self.label = label
        _check_evidence(evidence)
        lex = lexicon if lexicon is not None else default_lexicon()
        entries: List[_Entry] = []
        particles = frozenset(particles)
        lead_particles = frozenset(lead_particles)
        self.parties = tuple(_as_party(p, particles) for p in parties)
        for n, party in enumerate(self.parties):
            for first in party.first_names:
                keys = _entry_keys(first)
                if any(len(k) > 1 for k in keys):  # an initial ("J.") alone is no name
                    ev = first if evidence == "entry" else f"party:{n}:first"
                    entries.append(_Entry(keys, label, ev, needs_capital=True))
            if party.surname:
                for variant in _surname_variants(party.surname, lead_particles):
                    keys = _entry_keys(variant)
                    if not keys:
                        continue
                    ev = variant if evidence == "entry" else f"party:{n}:surname"
                    # "Petit", "Boulanger": in lowercase they are words, not the party
                    common = any(lex.is_common_word(k) for k in keys)
                    entries.append(_Entry(keys, label, ev, needs_capital=common))
        self._matcher = _Matcher(
            entries, fuzzy, max_edits, 4, lambda key: lex.is_common_word(key)
        )

    def __repr__(self) -> str:
        return f"PartyListDetector(name={self.name!r}, parties={len(self.parties)})"

    def detect(self, text: str) -> List[Span]:
        return _matcher_spans(self._matcher, self.name, text, self.span_roles)


# --- Lexicon of first names and surnames ---------------------------------------------


class NameLexiconDetector:
    """Flag capitalized tokens that the name lexicons know (``personnePhysique``,
    specificity 1, score = :meth:`NameLexicon.name_likelihood`).

    Noisy on its own (``Martin`` the street, ``Rose`` the colour at a sentence start):
    meant to be combined with context by the pipeline. Hyphen-joined names
    (``Jean-Pierre``) are one span; a compound holding a non-name (``Saint-Denis``)
    yields nothing. Evidence is ``first_name``, ``surname`` or ``first_name+surname``
    (public lexicon facts, no personal data).

    ``min_run=2`` keeps only names standing next to other names (``Gérard Michel a formé
    un pourvoi``), one of them a first name: a pair of known names is a person far more
    often than a lone capitalized word is. ``not_after`` lists words (compared folded)
    after which a run in capitals is not a person: company forms (``la société JEAN
    DUPONT``, a trade name). Title-case runs stay (``la société Jean Dupont``): Label
    masks a person's name inside a company name.

    ``cased_partners=True`` (with ``min_run=2``) also takes a name-cased word that the
    lexicons do not know, of 3+ letters and no common word, when it stands right after a
    known first name (``Jan Zbigniewicz``) or right before a known surname that is no
    first name, not at a sentence start (``Zbyszko Kowalski``): the lexicon vouches for its neighbour
    (evidence ``cased``, score: its neighbour's times 0.8).
    """

    version = "1"

    def __init__(
        self,
        lexicon: Optional[NameLexicon] = None,
        min_likelihood: float = 0.3,
        label: str = PERSONNE_PHYSIQUE,
        name: str = "name_lexicon",
        min_run: int = 1,
        not_after: Iterable[str] = (),
        cased_partners: bool = False,
    ):
        if min_run < 1:
            raise ArgumentError(f"min_run must be >= 1, got {min_run}")
        forms = folded_words_pattern(not_after)
        self._not_after = timed_compile(forms + r"\s*$") if forms else None
        self._lexicon = lexicon
        self._kind_cache: Dict[str, Tuple[float, str]] = {}
        self.min_run = min_run
        self.min_likelihood = min_likelihood
        self.label = label
        self.name = name
        self.cased_partners = cased_partners

    @property
    def lexicon(self) -> NameLexicon:
        if self._lexicon is None:
            self._lexicon = default_lexicon()  # loaded on first use
        return self._lexicon

    def _kind(self, raw: str) -> Tuple[float, str]:
        # Decisions repeat their names: a bounded per-detector cache halves the cost.
        cached = self._kind_cache.get(raw)
        if cached is None:
            if len(self._kind_cache) >= 50_000:
                self._kind_cache.clear()
            cached = self._kind_cache[raw] = self._lookup_kind(raw)
        return cached

    def _lookup_kind(self, raw: str) -> Tuple[float, str]:
        lex = self.lexicon
        first = lex.first_name_likelihood(raw)
        last = lex.surname_likelihood(raw)
        kind = "+".join(k for k, v in (("first_name", first), ("surname", last)) if v > 0)
        return max(first, last), kind

    def _cased_groups(self, text: str, raws: List[str], starts, ends):
        """``(i, j, parts)`` for each group of name-cased tokens ``i..j`` joined by hyphens
        (``Jean-Pierre``, ``Saint-Denis``), ``parts`` the ``(score, kind)`` of each token."""
        i, n = 0, len(raws)
        while i < n:
            if not _is_name_cased(raws[i]):
                i += 1
                continue
            j = i
            while j + 1 < n and text[ends[j] : starts[j + 1]] in ("-", "\u2010", "\u2011"):
                j += 1
            yield i, j, [self._kind(raws[k]) for k in range(i, j + 1)]
            i = j + 1

    @staticmethod
    def _known(parts: List[Tuple[float, str]]) -> Optional[Tuple[float, str]]:
        """A group's ``(score, kind)`` when every token of it is a known name, else ``None``."""
        if not all(score > 0 for score, _ in parts):
            return None
        shared = set.intersection(*(set(k.split("+")) for _, k in parts))
        return min(score for score, _ in parts), "+".join(sorted(shared)) or "name"

    def detect(self, text: str) -> List[Span]:
        if self.cased_partners and self.min_run > 1:
            return self._detect_with_partners(text)
        raws, cum = _split(text)
        starts, ends = cum[0::2], cum[1::2]
        spans: List[Span] = []
        run: List[Tuple[Span, str]] = []  # consecutive name groups separated by spaces only
        for i, j, parts in self._cased_groups(text, raws, starts, ends):
            known = self._known(parts)
            if known is not None and known[0] >= self.min_likelihood:
                score, kind = known
                span = Span(starts[i], ends[j], self.label, self.name, score=round(score, 4),
                            evidence=kind, specificity=1)
                if run and not _RUN_GAP.fullmatch(text, run[-1][0].end, span.start):
                    self._flush(run, spans, text)
                run.append((span, kind))
                continue
            self._flush(run, spans, text)
        self._flush(run, spans, text)
        return spans

    def _flush(self, run: List[Tuple[Span, str]], spans: List[Span], text: str) -> None:
        if len(run) >= self.min_run and (self.min_run == 1 or any("first_name" in k for _, k in run)):
            start = run[0][0].start
            if (self._not_after is None or not all(text[s.start:s.end].isupper() for s, _ in run)
                    or not self._not_after.search(fold(text[max(0, start - 30):start]))):
                spans.extend(span for span, _ in run)
        run.clear()


    def _partner(self, raw: str) -> bool:
        """Whether an unknown token may be a name beside a known one."""
        letters = sum(ch.isalpha() for ch in raw)
        lex = self.lexicon
        return (letters >= 3 and _is_name_cased(raw) and (letters > 3 or not raw.isupper())
                and not lex.is_common_word(raw))

    def _detect_with_partners(self, text: str) -> List[Span]:
        raws, cum = _split(text)
        starts, ends = cum[0::2], cum[1::2]
        # name-cased groups: (start, end, score, kind); kind "" for an unknown partner
        groups: List[Optional[Tuple[int, int, float, str]]] = []
        for i, j, parts in self._cased_groups(text, raws, starts, ends):
            known = self._known(parts)
            if known is not None:
                groups.append((starts[i], ends[j]) + known if known[0] >= self.min_likelihood else None)
            elif all(score == 0 and self._partner(raws[k]) for k, (score, _) in zip(range(i, j + 1), parts)):
                groups.append((starts[i], ends[j], 0.0, ""))
            else:
                groups.append(None)
        spans: List[Span] = []
        run: List[Tuple[int, int, float, str]] = []
        for group in groups + [None]:
            if group is not None and run and _RUN_GAP.fullmatch(text, run[-1][1], group[0]):
                run.append(group)
                continue
            if run:
                spans.extend(self._partner_run(text, run))
            run = [group] if group is not None else []
        return spans

    def _partner_run(self, text: str, run: List[Tuple[int, int, float, str]]) -> List[Span]:
        kept: List[Span] = []
        first_name = False
        for k, (start, end, score, kind) in enumerate(run):
            if kind:
                first_name = first_name or "first_name" in kind
                kept.append(Span(start, end, self.label, self.name, score=round(score, 4), evidence=kind,
                                 specificity=1))
                continue
            before = run[k - 1] if k else None
            after = run[k + 1] if k + 1 < len(run) else None
            if before is not None and "first_name" in before[3]:
                vouch = before[2]
            elif (after is not None and "surname" in after[3] and "first_name" not in after[3]
                  and not starts_sentence(text, start)):
                # before a word that may be a first name the unknown word is a title more
                # often than a first name ("Sędzia Marek Zieliński")
                vouch = after[2]
            else:
                continue
            first_name = True  # a known name and an unknown one: a first name and a surname
            kept.append(Span(start, end, self.label, self.name, score=round(vouch * 0.8, 4), evidence="cased",
                             specificity=1))
        return kept if len(kept) >= self.min_run and first_name else []


#: What may stand between two names of one person: spaces on one line.
_RUN_GAP = regex.compile(r"[ \t\u00a0\u202f]{1,3}")


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
