"""Decisions written in more than one language (Luxembourg's, in French and German): each
paragraph goes to the detectors of its language.

A paragraph's language is the one whose function words (``le``, ``de``, ``qui`` against
``der``, ``und``, ``nicht``) it holds most; a paragraph with none of either takes the
language of the paragraph before it (the first language of the list at the start).
Each language's detectors read the text with the other languages' paragraphs blanked
out (spaces, line breaks kept): offsets stay those of the text, and one detector never
reads a paragraph of another language. Language-free: the words and the detectors come
from the pack.
"""

from __future__ import annotations

import re
from typing import Iterable, List, Sequence, Tuple

import attrs

from judanon.entities import Span

__all__ = ["LanguageRouter", "paragraph_languages"]

#: Paragraphs: runs of text between blank lines (or single line breaks: a decision often
#: has one paragraph a line).
_PARAGRAPH = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W\d_]+")


def paragraph_languages(text: str, words: Sequence[Tuple[str, frozenset]]) -> List[Tuple[int, int, str]]:
    """``(start, end, language)`` of each line of ``text``; ``words`` pairs a language
    with its lowercase function words, the first being the default."""
    out: List[Tuple[int, int, str]] = []
    current = words[0][0]
    for m in _PARAGRAPH.finditer(text):
        counts = [0] * len(words)
        for w in _WORD.findall(m.group().lower()):
            for k, (_, vocabulary) in enumerate(words):
                if w in vocabulary:
                    counts[k] += 1
        best = max(range(len(words)), key=lambda k: counts[k])
        if counts[best] and counts.count(counts[best]) == 1:
            current = words[best][0]
        out.append((m.start(), m.end(), current))
    return out


def _blanked(text: str, keep: Iterable[Tuple[int, int]]) -> str:
    """``text`` with every letter and digit outside ``keep`` spans turned to a space."""
    pieces, pos = [], 0
    for a, b in keep:
        pieces.append(re.sub(r"[^\n]", " ", text[pos:a]))
        pieces.append(text[a:b])
        pos = b
    pieces.append(re.sub(r"[^\n]", " ", text[pos:]))
    return "".join(pieces)


@attrs.frozen(slots=True, eq=False)
class LanguageRouter:
    """``languages``: ``(code, function words, detectors)`` triples, the first the
    default; each language's detectors see only its paragraphs (see the module)."""

    languages: Tuple[Tuple[str, frozenset, Tuple[object, ...]], ...] = attrs.field(
        converter=lambda ls: tuple((c, frozenset(w.lower() for w in ws), tuple(ds)) for c, ws, ds in ls))
    name: str = "languages"
    version: str = "1"

    def audit_details(self) -> dict:
        return {code: ",".join(getattr(d, "name", type(d).__name__) for d in dets)
                for code, _, dets in self.languages}

    def detect(self, text: str) -> List[Span]:
        lines = paragraph_languages(text, [(c, w) for c, w, _ in self.languages])
        found = {c for _, _, c in lines}
        spans: List[Span] = []
        for code, _, detectors in self.languages:
            if code not in found:
                continue
            view = text if len(found) == 1 else _blanked(text, [(a, b) for a, b, c in lines if c == code])
            for det in detectors:
                spans.extend(det.detect(view))
        return spans
