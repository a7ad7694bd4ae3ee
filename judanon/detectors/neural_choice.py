"""Several taggers, one per language of a bilingual court: each paragraph goes to the
tagger of its language.

    detector = TaggerChoice([french_detector, german_detector])
    detector = TaggerChoice([french_detector, german_detector], languages=[french_words, german_words])

Language-free. Without ``languages``, a tagger's word table (the words it was trained
with) tells which paragraphs are in its language: each line gets the tagger whose table
holds the most of its words. With ``languages`` (one set of lowercase function words per
tagger, a pack's ``LANGUAGE_WORDS``), the line gets the tagger whose function words it
holds most, as :class:`judanon.detectors.languages.LanguageRouter` chooses the rules: a
large table (the French model's holds many foreign words) then weighs nothing. A line of
fewer than ``min_words`` words, or a tie, keeps the choice of the line before it; runs of
lines with the same tagger are tagged as one text, so that sentences are cut as the
tagger would cut them. Offsets are those of the original text.
"""

from __future__ import annotations

import hashlib
from typing import Iterable, List, Optional, Sequence, Tuple

import attrs

from judanon.entities import GUESS, Span
from judanon.errors import ArgumentError, ArgumentTypeError
from judanon.text.tokenize import tokenize

__all__ = ["TaggerChoice", "known_words"]


def known_words(detector) -> frozenset:
    """The lowercase words of a tagger's word table (empty when it has none)."""
    embeddings = getattr(getattr(detector, "tagger", None), "embeddings", None)
    return frozenset(getattr(embeddings, "words", None) or ())


class TaggerChoice:
    """Tags each paragraph with the one of ``detectors`` (taggers with ``detect_many``)
    whose function words (``languages``) or, without them, whose word table it holds
    most (see the module docstring)."""

    name = "flair"
    #: A tagger's spans are guesses for resolution to confirm (``Span.roles``).
    span_roles = frozenset({GUESS})

    def __init__(self, detectors: Sequence[object], min_words: int = 3,
                 languages: Optional[Sequence[Iterable[str]]] = None) -> None:
        if not detectors:
            raise ArgumentError("TaggerChoice needs at least one detector")
        if languages is not None and len(languages) != len(detectors):
            raise ArgumentError(f"TaggerChoice: {len(languages)} sets of function words for {len(detectors)} taggers")
        self.detectors = list(detectors)
        self.min_words = min_words
        self._words = ([known_words(d) for d in self.detectors] if languages is None
                       else [frozenset(w.lower() for w in ws) for ws in languages])
        self._by_table = languages is None
        self.model_name = "+".join(str(getattr(d, "model_name", d)) for d in self.detectors)
        self.model_sha256 = hashlib.sha256(
            "".join(str(getattr(d, "model_sha256", "")) for d in self.detectors).encode()).hexdigest()
        self.version = "+".join(str(getattr(d, "version", "unknown")) for d in self.detectors)

    def __repr__(self) -> str:
        return f"TaggerChoice({', '.join(repr(d) for d in self.detectors)})"

    def audit_details(self) -> dict:
        details = {}
        for i, d in enumerate(self.detectors):
            own = getattr(d, "audit_details", None)
            for key, value in (own() if callable(own) else {}).items():
                details[f"{i}.{key}"] = value
        return details

    def _choice(self, line: str, previous: int) -> int:
        words = [t.text.lower() for t in tokenize(line) if t.text.isalpha()]
        if len(words) < self.min_words:
            return previous
        shares = [sum(w in known for w in words) for known in self._words]
        best = max(range(len(shares)), key=lambda i: (shares[i], -i))
        if not self._by_table and (not shares[best] or shares.count(shares[best]) > 1):
            return previous  # no function word, or as many of two languages
        return best

    def blocks(self, text: str) -> List[Tuple[int, int, int]]:
        """``(start, end, detector index)`` runs of lines, covering ``text``."""
        out: List[Tuple[int, int, int]] = []
        start, choice = 0, 0
        for line in text.splitlines(keepends=True):
            choice = self._choice(line, choice)
            if out and out[-1][2] == choice:
                out[-1] = (out[-1][0], start + len(line), choice)
            else:
                out.append((start, start + len(line), choice))
            start += len(line)
        return out

    def detect(self, text: str) -> List[Span]:
        return self.detect_many([text])[0]

    def detect_many(self, texts: Sequence[str]) -> List[List[Span]]:
        """Spans for several texts: each tagger reads all its blocks at once."""
        out: List[List[Span]] = [[] for _ in texts]
        todo: List[List[Tuple[int, int, str]]] = [[] for _ in self.detectors]
        for n, text in enumerate(texts):
            if not isinstance(text, str):
                raise ArgumentTypeError(f"detect expects str, got {type(text).__name__}")
            for start, end, choice in self.blocks(text):
                todo[choice].append((n, start, text[start:end]))
        for detector, blocks in zip(self.detectors, todo):
            if not blocks:
                continue
            found = detector.detect_many([block for _, _, block in blocks])
            for (n, start, _), spans in zip(blocks, found):
                out[n].extend(attrs.evolve(s, start=s.start + start, end=s.end + start) for s in spans)
        for spans in out:
            spans.sort(key=lambda s: (s.start, s.end))
        return out
