"""From candidate spans to entities: overlap policy, propagation, variant linking.

Overlap policy (also in docs/overlap-policy.md):

1. Spans that only cover a publication marker already in the text (``[Localité 1]``,
   ``[K]``) are dropped: that text is already pseudonymized.
2. Spans with the same ``(start, end, label)`` merge; their evidence is kept together.
3. The remaining spans are ranked by specificity (validated identifier 3 > context rule
   or exact list entry 2 > statistical guess 1), then length (longer first), then start
   offset, label and source (deterministic ties), and accepted greedily when they do not
   overlap an accepted span.
4. A rejected span that overlaps exactly one accepted span of the same label adds its
   evidence to it and, when it reaches further, extends it (nothing it saw is lost);
   a rejected span overlapping several accepted spans of its label adds its evidence
   to each; a rejected span of another label is dropped.
"""

from __future__ import annotations

import bisect
import functools
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import attrs
from rapidfuzz.distance import Levenshtein

from . import entities as E
from . import limits
from .entities import Evidence, Span
from .intervals import DisjointIntervals
from .markers import marker_spans
from .textnorm import fold, fold_key


#: Categories whose names propagate to every occurrence in the decision.
PERSON_LIKE = E.PERSON_CATEGORIES

PROPAGATION = "propagation"


@attrs.define(slots=True)
class Candidate:
    """A span under resolution (mutable while the policy runs)."""

    start: int
    end: int
    label: str
    specificity: int
    score: float
    evidence: List[Evidence]

    @property
    def sources(self) -> Tuple[str, ...]:
        return tuple(sorted({e.source for e in self.evidence}))


def marker_intervals(text: str) -> List[Tuple[int, int]]:
    """The publication markers a decision already contains (:mod:`judanon.markers`)."""
    return marker_spans(text)


def _only_marker(text: str, span: Span, markers: Sequence[Tuple[int, int]], starts: Sequence[int]) -> bool:
    """True when every letter and digit of ``span`` lies inside a publication marker."""
    i = bisect.bisect_right(starts, span.start) - 1
    covered = set()
    j = max(i, 0)
    while j < len(markers) and markers[j][0] < span.end:
        a, b = markers[j]
        if b > span.start:
            covered.update(range(max(a, span.start), min(b, span.end)))
        j += 1
    if not covered:
        return False
    return all(pos in covered or not text[pos].isalnum() for pos in range(span.start, span.end))


def merge_identical(spans: Iterable[Span]) -> List[Candidate]:
    merged: Dict[Tuple[int, int, str], Candidate] = {}
    for s in spans:
        key = (s.start, s.end, s.label)
        ev = Evidence(s.source, s.evidence, s.score)
        c = merged.get(key)
        if c is None:
            merged[key] = Candidate(s.start, s.end, s.label, s.specificity, s.score, [ev])
        else:
            c.specificity = max(c.specificity, s.specificity)
            c.score = max(c.score, s.score)
            if ev not in c.evidence:
                c.evidence.append(ev)
    return list(merged.values())


def _rank(c: Candidate):
    return (-c.specificity, -(c.end - c.start), c.start, c.label, c.sources)


def resolve_overlaps(text: str, spans: Iterable[Span]) -> List[Candidate]:
    """Apply the overlap policy; returns accepted candidates sorted by offset."""
    markers = marker_intervals(text)
    starts = [m[0] for m in markers]
    kept = [s for s in spans if not (markers and _only_marker(text, s, markers, starts))]
    accepted: DisjointIntervals[Candidate] = DisjointIntervals()
    rejected: List[Candidate] = []
    for c in sorted(merge_identical(kept), key=_rank):
        if accepted.overlaps(c.start, c.end):
            rejected.append(c)
        else:
            accepted.add(c.start, c.end, c)

    for c in rejected:
        hits = accepted.overlapping(c.start, c.end)
        same = [a for a in hits if a.label == c.label]
        if not same or len(same) != len(hits):
            continue
        for a in same:
            for ev in c.evidence:
                if ev not in a.evidence:
                    a.evidence.append(ev)
        if len(same) == 1:
            a = same[0]
            new_start, new_end = min(a.start, c.start), max(a.end, c.end)
            if all(o is a for o in accepted.overlapping(new_start, new_end)):
                accepted.remove(a)
                a.start, a.end = new_start, new_end
                accepted.add(a.start, a.end, a)
    return list(accepted.items)


#: Replacement characters that exports leave where an accented capital was (``¿ric``).
_LOST_CAPITALS = "¿\ufffd"


def _starts_capitalized(s: str) -> bool:
    return s[:1].isupper() or (s[:1] in _LOST_CAPITALS and s[1:2].isalpha())


def _is_name_like(surface: str) -> bool:
    letters = sum(ch.isalpha() for ch in surface)
    return letters >= 2 and _starts_capitalized(surface)


# "¿" and U+FFFD stand for letters an export lost ("Doroth¿e"): part of the word.
_CAPITALIZED_WORD = limits.compile(r"(?<![\w'’-])[\p{Lu}¿\ufffd][\w¿\ufffd]*")
#: Words repeat across decisions ("Monsieur", "Le"): fold each spelling once.
_fold_word = functools.lru_cache(maxsize=1 << 16)(fold)
_FIRST_WORD = limits.compile(r"[^\s\-'’]*")
_WORD_CONTINUES = limits.compile(r"[\w¿\ufffd-]")

#: A guess (specificity 1) seen by one detector propagates only when that sure of itself.
PROPAGATION_MIN_SCORE = 0.9


def _propagates(c: Candidate) -> bool:
    """Only well-founded mentions propagate: one wrong guess must not spread."""
    return c.specificity >= 2 or c.score >= PROPAGATION_MIN_SCORE or len(c.sources) >= 2


def propagate(text: str, accepted: List[Candidate], confined: frozenset = frozenset()) -> List[Candidate]:
    """Find every other occurrence of a detected name (case- and accent-insensitive).

    A name found once is replaced at every occurrence. New mentions take the label
    of the detected mention and record ``propagation`` as their source. Only
    well-founded mentions propagate: a context rule or exact list entry, two detectors
    agreeing, or a guess scored at least ``PROPAGATION_MIN_SCORE``. An
    occurrence must start with a capital letter: names are capitalized, common
    words mostly are not. A guess in ``confined`` (``(start, end)`` pairs, see
    :func:`drop_company_words`) spreads only when another detector saw it too.
    """
    forms: Dict[str, Candidate] = {}
    for c in accepted:
        if c.label not in PERSON_LIKE or not _propagates(c):
            continue
        if (c.start, c.end) in confined and len(c.sources) < 2:
            continue
        surface = text[c.start:c.end]
        if not _is_name_like(surface):
            continue
        key = fold(surface)
        best = forms.get(key)
        if best is None or _rank(c) < _rank(best):
            forms[key] = c
    if not forms:
        return accepted
    # Only capitalized words can start an occurrence: look at those alone, folding
    # each candidate (folding is length-preserving, so offsets stay exact).
    by_first: Dict[str, List[str]] = {}
    for f in sorted(forms, key=len, reverse=True):
        by_first.setdefault(_FIRST_WORD.match(f).group(), []).append(f)
    starts = [c.start for c in accepted]
    out = list(accepted)
    n = len(text)
    for w in _CAPITALIZED_WORD.finditer(text):
        candidates = by_first.get(_fold_word(w.group()))
        if not candidates:
            continue
        a = w.start()
        form = next((f for f in candidates if fold(text[a:a + len(f)]) == f
                     and (a + len(f) == n or not _WORD_CONTINUES.match(text, a + len(f)))), None)
        if form is None:
            continue
        b = a + len(form)
        i = bisect.bisect_right(starts, a)
        if i > 0 and accepted[i - 1].end > a:
            continue
        if i < len(accepted) and accepted[i].start < b:
            continue
        origin = forms[form]
        out.append(
            Candidate(a, b, origin.label, 1, origin.score,
                      [Evidence(PROPAGATION, "same surface as a detected " + origin.label, origin.score)])
        )
    out.sort(key=lambda c: (c.start, c.end))
    return out


#: Categories of organisations: their names are no persons' names.
COMPANY_LIKE = frozenset({E.PERSONNE_MORALE, E.ETABLISSEMENT})
_NAME_WORD = limits.compile(r"[\w¿\ufffd]+(?:[-‐][\w¿\ufffd]+)*")


def _words_of(text: str, start: int, end: int) -> List[Tuple[int, int, str]]:
    return [(m.start(), m.end(), _fold_word(m.group())) for m in _NAME_WORD.finditer(text, start, end)]


def drop_company_words(text: str, spans: Sequence[Span], anchored_sources: Iterable[str] = (),
                       guess_sources: Iterable[str] = (),
                       body_evidence: Iterable[str] = (),
                       listed_sources: Iterable[str] = ()) -> Tuple[List[Span], frozenset]:
    """Person spans that are a company's name rather than a person's.

    Returns the spans kept and the ``(start, end)`` of person guesses confined to a
    company's name (no propagation from them: :func:`propagate`'s ``confined``).

    - Inside a company's name (``la société Lyonvergersport Training``), a person span
      that only a guessing detector (``guess_sources``, the neural one) proposed stays
      but does not spread to other occurrences; other detectors' person spans there
      spread as usual (``la société Jean Dupont``), and win over the company's span.
    - Elsewhere, a person span made only of words of a company's name in the same
      decision (``Training`` alone, after ``la société ... Training``) is dropped unless
      a person context anchors it there (``anchored_sources``: civilities, the party
      list). Words that a non-guessing detector found as a person inside the company's
      name do not count as company words.
    - A company span whose evidence is in ``body_evidence`` names a public body from a
      list (``URSSAF``, ``AGS-CGEA``): no person span inside it stays, but those of
      ``listed_sources`` (the case's party list).
    """
    companies = sorted((s.start, s.end) for s in spans if s.label in COMPANY_LIKE)
    if not companies:
        return list(spans), frozenset()
    anchored, guesses = frozenset(anchored_sources), frozenset(guess_sources)
    starts = [a for a, _ in companies]

    def company_at(s: Span) -> Optional[Tuple[int, int]]:
        i = bisect.bisect_right(starts, s.start) - 1
        while i >= 0 and companies[i][1] > s.start:
            if companies[i][0] <= s.start and s.end <= companies[i][1]:
                return companies[i]
            i -= 1
        return None

    bodies, parties = frozenset(body_evidence), frozenset(listed_sources)
    listed = {(s.start, s.end) for s in spans if s.label in COMPANY_LIKE and s.evidence in bodies}
    confined = set()
    gone_inside = set()
    person_inside: Dict[Tuple[int, int], List[Tuple[int, int]]] = {}
    for s in spans:
        if s.label != E.PERSONNE_PHYSIQUE:
            continue
        host = company_at(s)
        if host is None:
            continue
        if host in listed and s.source not in parties:
            gone_inside.add((s.start, s.end))
        elif s.source in guesses:
            confined.add((s.start, s.end))
        else:
            person_inside.setdefault(host, []).append((s.start, s.end))
    confined -= {p for spans_in in person_inside.values() for p in spans_in}
    words = set()
    for a, b in companies:
        inside = person_inside.get((a, b), ())
        for ws, we, w in _words_of(text, a, b):
            if len(w) >= 2 and not any(ps <= ws and we <= pe for ps, pe in inside):
                words.add(w)
    gone = set()
    for s in spans:
        if s.label != E.PERSONNE_PHYSIQUE or s.source in anchored or company_at(s) is not None:
            continue
        parts = _words_of(text, s.start, s.end)
        if parts and all(w in words for _, _, w in parts):
            gone.add((s.start, s.end))
    # a name dropped for one detector is dropped for all but the anchored ones
    kept = [s for s in spans
            if not (s.label == E.PERSONNE_PHYSIQUE and (s.start, s.end) in gone and s.source not in anchored)
            and not (s.label == E.PERSONNE_PHYSIQUE and (s.start, s.end) in gone_inside and s.source not in parties)]
    # a person's name found inside a company's name wins over it (``la société Jean Dupont``)
    persons = sorted((s.start, s.end) for s in kept if s.label == E.PERSONNE_PHYSIQUE)
    pstarts = [a for a, _ in persons]

    def holds_person(s: Span) -> bool:
        i = bisect.bisect_left(pstarts, s.end) - 1
        return i >= 0 and persons[i][1] > s.start if s.label in COMPANY_LIKE else False

    return [s for s in kept if not holds_person(s)], frozenset(confined)


#: What separates two parts of one name in a run of spans: spaces on one line.
_PART_GAP = limits.compile(r"[ \t\u00a0\u202f]{1,3}")
MASKING_WINS = "masking wins"


def masking_wins(text: str, candidates: List[Candidate], visible, hidden_label: str = E.PERSONNE_PHYSIQUE,
                 min_letters: int = 3) -> Tuple[List[Candidate], Dict[Tuple[int, int], str]]:
    """One referent, one decision: a name replaced as a person somewhere is replaced
    wherever it stands as a visible court member or lawyer too.

    ``visible(label)`` says whether a category stays visible. A run of visible
    person-like spans (``Yannick LE GOFF``, or a lawyer's one span) whose words include
    the surname of a replaced person becomes person spans, one per capitalized word of
    its name (up to the first lowercase word: ``Jean DURAND de la SCP X`` gives
    ``Jean``, ``DURAND``). The first word of a run of several is a first name and does
    not trigger this alone. Returns the candidates and, for each span that changed, the
    label it had (a doubt for the reviewer: the name had two labels).
    """
    if visible(hidden_label):
        return candidates, {}
    names, surfaces = set(), set()
    for c in candidates:
        if c.label == hidden_label:
            surfaces.add(fold_key(text[c.start:c.end]))
            for _, _, w in _words_of(text, c.start, c.end):
                if len(w) >= min_letters:
                    names.add(w)
    if not names:
        return candidates, {}
    runs: List[List[Candidate]] = []
    for c in candidates:
        if c.label == hidden_label or c.label not in PERSON_LIKE or not visible(c.label):
            continue
        if runs and runs[-1][-1].label == c.label and _PART_GAP.fullmatch(text, runs[-1][-1].end, c.start):
            runs[-1].append(c)
        else:
            runs.append([c])
    changed: List[Candidate] = []
    was: Dict[Tuple[int, int], str] = {}
    removed = set()
    for run in runs:
        words = []
        for c in run:
            for ws, we, w in _words_of(text, c.start, c.end):
                if not text[ws:we][:1].isupper() and text[ws:we][:1] not in _LOST_CAPITALS:
                    break  # "de la SCP ...": the rest names a firm, not the person
                words.append((ws, we, w))
            else:
                continue
            break
        # the surname: the last word, or the words after the first name
        if not words or not (words[-1][2] in names or fold_key(text[words[min(1, len(words) - 1)][0]:words[-1][1]])
                             in surfaces):
            continue
        removed.update(id(c) for c in run)
        k = 0
        while k < len(words):
            # the longest run of words that is a replaced person's name (``LE GOFF``)
            m = next((m for m in range(len(words) - 1, k, -1)
                      if fold_key(text[words[k][0]:words[m][1]]) in surfaces), k)
            changed.append(Candidate(words[k][0], words[m][1], hidden_label, 2, 1.0, [Evidence(
                MASKING_WINS, "replaced as a person elsewhere in the decision", 1.0)]))
            was[(words[k][0], words[m][1])] = run[0].label
            k = m + 1
    if not changed:
        return candidates, {}
    out = [c for c in candidates if id(c) not in removed] + changed
    out.sort(key=lambda c: (c.start, c.end))
    return out, was


_LOWERCASE_WORD = limits.compile(r"(?<![\w¿\ufffd'’-])\p{Ll}[\p{L}\p{M}]*(?:[-‐]\p{L}+)*(?![\w¿\ufffd])")


def drop_lowercase_guesses(text: str, spans: Sequence[Span], guess_sources: Iterable[str] = ()) -> List[Span]:
    """A one-word person guess that the decision itself writes in lowercase elsewhere
    (``Absent`` at a line start, ``absent`` in a sentence) is a common word, not a name:
    dropped when only a guessing detector (``guess_sources``) proposed that span. A name
    that is also a word (``M. Petit``) is still found by the rules and spreads from there.
    """
    guesses = frozenset(guess_sources)
    by_span: Dict[Tuple[int, int], List[Span]] = {}
    for s in spans:
        by_span.setdefault((s.start, s.end), []).append(s)
    suspects = [key for key, group in by_span.items()
                if all(s.source in guesses and s.label == E.PERSONNE_PHYSIQUE for s in group)
                and _NAME_WORD.fullmatch(text, *key)]
    if not suspects:
        return list(spans)
    lowercase = {m.group() for m in _LOWERCASE_WORD.finditer(text)}
    gone = {key for key in suspects if text[key[0]:key[1]].lower() in lowercase}
    return [s for s in spans if (s.start, s.end) not in gone] if gone else list(spans)


def link_key(surface: str) -> str:
    """Key shared by the variants of one referent (capitals, accents, hyphens)."""
    return fold_key(surface).replace("-", " ").replace("'", " ")


def link(text: str, entities: List[Candidate], max_distance: int = 1, min_length: int = 5) -> List[Tuple[str, Optional[str]]]:
    """Group variants of one referent: returns ``(link key, doubt)`` per entity.

    Variants equal once folded share a key with no doubt; person names within
    ``max_distance`` edits (``Dupont``/``Dupond``) are linked too, with a doubt that
    the audit trail records for review.
    """
    groups: Dict[Tuple[str, str], str] = {}  # (label, key) -> representative key
    out: List[Tuple[str, Optional[str]]] = []
    representatives: Dict[str, List[str]] = {}
    for c in entities:
        key = link_key(text[c.start:c.end])
        gkey = groups.get((c.label, key))
        if gkey is not None:
            out.append((gkey, None if gkey == key else "variant linked by edit distance"))
            continue
        doubt = None
        target = key
        if c.label in PERSON_LIKE and len(key) >= min_length:
            for rep in representatives.get(c.label, ()):
                if rep[:1] == key[:1] and abs(len(rep) - len(key)) <= max_distance and \
                        Levenshtein.distance(rep, key, score_cutoff=max_distance) <= max_distance:
                    target = rep
                    doubt = "variant linked by edit distance"
                    break
        groups[(c.label, key)] = target
        if target == key:
            representatives.setdefault(c.label, []).append(key)
        out.append((target, doubt))
    return out
