"""Doubts: places where a reviewer should look before publication.

Each doubt has a kind (``audit.DOUBT_KINDS``), the ids of the entities concerned and a
detail that never repeats a surface. Doubts whose entities a reviewer accepted are
dropped.
"""

from __future__ import annotations

import bisect
import functools
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import regex

from judanon.text import limits
from judanon.audit import DOUBT_KINDS, DoubtRecord
from judanon.entities import Entity
from judanon.resolve.masking import MASKING_WINS
from judanon.resolve.candidates import PERSON_LIKE
from judanon.text.normalize import fold, fold_key

#: Below this score a mention found by a model alone is worth a look.
LOW_SCORE = 0.75
#: How far before a number its context word may stand.
CONTEXT_WINDOW = 60
_IDENTIFIER = regex.compile(
    r"(?<![\w])(?:[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?|\d(?:[ .-]?\d){6,})(?![\w])")


@functools.lru_cache(maxsize=16)
def _context_regex(words: Tuple[str, ...]) -> Optional["regex.Pattern"]:
    """The folded context words (a pack's ``identifier_context``) as one regex."""
    if not words:
        return None
    return regex.compile("|".join(r"(?<!\w)" + regex.escape(w) + (r"(?!\w)" if w[-1].isalnum() else "")
                                  for w in words))

_ORDER = {k: i for i, k in enumerate(DOUBT_KINDS)}


def find_doubts(text: str, entities: Sequence[Entity], parties: Sequence[str] = (),
                accepted: Iterable[str] = (), identifier_context: Sequence[str] = ()) -> List[DoubtRecord]:
    """The doubts of a result; ``identifier_context`` holds the folded words of the
    profile's language announcing a personal identifier (``Profile.identifier_context``)."""
    accepted = frozenset(accepted)
    out: List[DoubtRecord] = []
    out += _variant_links(entities)
    out += _category_conflicts(entities)
    out += [DoubtRecord("short-entity", (e.id,), "fewer than two letters or digits")
            for e in entities if sum(ch.isalnum() for ch in e.text) < 2]
    out += _names_visible(text, entities)
    out += [DoubtRecord("low-score", (e.id,), f"score {e.score:.2f} from {e.source}")
            for e in entities if e.replacement is not None and e.score < LOW_SCORE]
    out += _parties_not_found(entities, parties)
    out += _identifiers_visible(text, entities, _context_regex(tuple(identifier_context)))
    out = [d for d in out if not (d.entities and set(d.entities) <= accepted)]
    first = {e.id: e.start for e in entities}
    out.sort(key=lambda d: (_ORDER[d.kind], min((first[i] for i in d.entities), default=d.start or 0)))
    return out


def _variant_links(entities) -> List[DoubtRecord]:
    groups: Dict[str, List[Entity]] = {}
    doubtful = set()
    for e in entities:
        groups.setdefault(e.link, []).append(e)
        if e.doubt and not _masked_over_a_visible_label(e):
            doubtful.add(e.link)
    return [DoubtRecord("variant-link", tuple(e.id for e in groups[g]),
                        "close spellings linked to one referent") for g in sorted(doubtful, key=lambda g: groups[g][0].start)]


def _masked_over_a_visible_label(e: Entity) -> bool:
    return any(ev.source == MASKING_WINS for ev in e.evidence)


def _category_conflicts(entities) -> List[DoubtRecord]:
    by_surface: Dict[str, List[Entity]] = {}
    for e in entities:
        by_surface.setdefault(fold_key(e.text), []).append(e)
    # a court member's or lawyer's name replaced because it is a person's elsewhere
    out = [DoubtRecord("category-conflict", (e.id,), e.doubt or "masking wins")
           for e in entities if _masked_over_a_visible_label(e)]
    for group in by_surface.values():
        labels = sorted({e.label for e in group})
        if len(labels) > 1:
            out.append(DoubtRecord("category-conflict", tuple(e.id for e in group),
                                   "one spelling, categories " + ", ".join(labels)))
    return out


def _names_visible(text: str, entities) -> List[DoubtRecord]:
    """A person's name replaced somewhere and left in clear elsewhere (capitalized)."""
    replaced = [e for e in entities if e.replacement is not None and e.label in PERSON_LIKE]
    if not replaced:
        return []
    covered = sorted((e.start, e.end) for e in entities if e.replacement is not None)
    covered_starts = [a for a, _ in covered]
    folded = fold(text)
    by_key: Dict[str, List[Entity]] = {}
    for e in replaced:
        key = fold(e.text)
        if sum(ch.isalpha() for ch in key) >= 3 and key == key.strip():
            by_key.setdefault(key, []).append(e)
    if not by_key:
        return []
    found: Dict[str, DoubtRecord] = {}
    for a, b in _occurrences(folded, by_key):
        key = folded[a:b]
        if key in found:
            continue
        if not text[a:a + 1].isupper():
            continue
        # replaced spans never overlap: only the last one starting before b can reach a
        i = bisect.bisect_left(covered_starts, b)
        if i and covered[i - 1][1] > a:
            continue
        found[key] = DoubtRecord("replaced-name-visible", tuple(e.id for e in by_key[key]),
                                 f"same spelling left visible at {a}-{b}", a, b)
    return [found[k] for k in by_key if k in found]


def _occurrences(folded: str, keys) -> List[Tuple[int, int]]:
    """Where ``keys`` stand in ``folded`` as whole words, left to right, the longest key
    first at each place, never overlapping: one scan of the words for every key (no
    pattern compiled per decision)."""
    by_first: Dict[str, List[str]] = {}
    for key in sorted(keys, key=len, reverse=True):
        by_first.setdefault(_FIRST_RUN.match(key).group(), []).append(key)
    out: List[Tuple[int, int]] = []
    last = 0
    for m in _WORD_RUN.finditer(folded):
        a = m.start()
        if a < last:
            continue
        for key in by_first.get(m.group(), ()):
            b = a + len(key)
            if folded.startswith(key, a) and not _WORD_CHAR.match(folded, b):
                out.append((a, b))
                last = b
                break
    return out


_WORD_RUN = limits.compile(r"\w+")
_FIRST_RUN = limits.compile(r"\w*")
_WORD_CHAR = limits.compile(r"\w")


def _parties_not_found(entities, parties: Sequence[str]) -> List[DoubtRecord]:
    """A party is found when an entity is the party's name, or a whole word or run of
    words of it (``Le Gall`` for ``Yannick Le Gall``)."""
    if not parties:
        return []
    found = {k for k in (fold_key(e.text) for e in entities) if sum(ch.isalpha() for ch in k) >= 2}
    out = []
    for i, party in enumerate(parties or ()):
        name = fold_key(party)
        if any(regex.search(r"(?<!\w)" + regex.escape(k) + r"(?!\w)", name) for k in found):
            continue
        out.append(DoubtRecord("party-not-found", (), f"party {i + 1} of {len(parties)} was not found in the text"))
    return out


def _identifiers_visible(text: str, entities, context_regex) -> List[DoubtRecord]:
    if context_regex is None:
        return []
    spans = sorted((e.start, e.end) for e in entities)
    starts = [a for a, _ in spans]
    out = []
    for m in _IDENTIFIER.finditer(text):
        a, b = m.span()
        # entities never overlap: the last one starting before the number ends is the
        # only one that can reach into it
        i = bisect.bisect_left(starts, b)
        if i and spans[i - 1][1] > a:
            continue
        window = max(0, a - CONTEXT_WINDOW)
        context = context_regex.search(fold(text[window:a]))
        if context is None:
            continue
        out.append(DoubtRecord("identifier-visible", (),
                               f"number-like text left visible at {a}-{b} after '{context.group()}'", a, b))
    return out
