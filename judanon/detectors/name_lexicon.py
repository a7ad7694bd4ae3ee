"""Capitalized words the name lexicons know: :class:`NameLexiconDetector`."""

from __future__ import annotations

from typing import Dict, Iterable, List, Optional, Tuple

import regex

from judanon.detectors.matching import is_name_cased, split_words, starts_sentence
from judanon.entities import PERSONNE_PHYSIQUE, Span
from judanon.errors import ArgumentError
from judanon.text.lexicons import LexiconSource, NameLexicon, lexicon_of
from judanon.text.limits import compile as timed_compile, timed_module_patterns
from judanon.text.normalize import fold, folded_words_pattern

__all__ = ["NameLexiconDetector"]


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

    ``lexicon``: the pack's first names and surnames, a
    :class:`judanon.text.lexicons.NameLexicon` or the function loading it on first use
    (``judanon.packs.load_profile(code).lexicon``).
    """

    version = "1"

    def __init__(
        self,
        lexicon: LexiconSource,
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
        self._source = lexicon
        self._lexicon: Optional[NameLexicon] = lexicon if isinstance(lexicon, NameLexicon) else None
        self._kind_cache: Dict[str, Tuple[float, str]] = {}
        self.min_run = min_run
        self.min_likelihood = min_likelihood
        self.label = label
        self.name = name
        self.cased_partners = cased_partners

    @property
    def lexicon(self) -> NameLexicon:
        if self._lexicon is None:
            self._lexicon = lexicon_of(self._source)  # loaded on first use
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
            if not is_name_cased(raws[i]):
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
        raws, cum = split_words(text)
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
        return (letters >= 3 and is_name_cased(raw) and (letters > 3 or not raw.isupper())
                and not lex.is_common_word(raw))

    def _detect_with_partners(self, text: str) -> List[Span]:
        raws, cum = split_words(text)
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


# Every regex of this module runs under the decision's time budget (judanon.text.limits).
timed_module_patterns(globals())
