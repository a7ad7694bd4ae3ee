"""Pattern-based detection: identifiers with checksums, context rules, addresses.

A :class:`Pattern` is a plain value (a compiled ``regex`` pattern, the label it
yields, an optional validator); the patterns of a country live in its pack
(``judanon/packs/<code>/``), which hands them to :class:`RegexDetector`, the
machinery that runs them. Offsets always come from matches on the original text: nothing is
normalized first, so ``\\r\\n``, non-breaking or zero-width spaces never shift
a span. (The pipeline hands every detector the normalized view of a decision,
:mod:`judanon.text.normalize`, and maps the spans back.) Every match runs with the
``regex`` module's timeout, under the decision's budget (:mod:`judanon.text.limits`).
"""

from __future__ import annotations

from typing import Callable, Iterable, List, Optional, Sequence, Tuple

import attrs
import regex

from judanon.entities import Span
from judanon.text.intervals import DisjointIntervals, select_disjoint
from judanon.text import limits
from judanon.text.limits import timeout_for
from judanon.text.shared import shared
#: Publication markers already in a text (``[Localité 1]``, ``[Adresse 2]``, ``[K]``):
#: nothing inside them is personal data any more. One pattern for every module.
from judanon.text.markers import MARKER, marker_spans
from judanon.errors import PatternError

__all__ = ["Pattern", "RegexDetector", "PatternError", "publication_markers", "literal_trie", "MARKER"]

# Pattern names follow the python identifier convention so that evidence strings
# stay greppable in audit trails.
_NAME = regex.compile(r"[a-z][a-z0-9_]*\Z")

#: How far back ``Pattern.extend_left`` looks (a house number like ``12-14 bis, ``).
_LEFT_WINDOW = 24



def _check_name(instance, attribute, value):
    if not _NAME.match(value):
        raise PatternError(
            f"pattern name {value!r} must be lowercase letters, digits and '_' "
            "(it is recorded as evidence in the audit trail)"
        )


def _check_regex(instance, attribute, value):
    if not isinstance(value, regex.Pattern):
        raise PatternError(
            f"pattern {instance.name!r}: regex must be compiled with the `regex` module "
            f"(regex.compile(...)), got {type(value).__name__}"
        )


@attrs.frozen(slots=True)
class Pattern:
    """One detection rule.

    ``group`` names the capture group whose span is reported (the date after
    ``né le``, the number after ``SIREN``); ``None`` reports the whole match.
    ``validator`` receives the reported text and returns whether it really is
    the identifier (a checksum, a phone number plan); a number that fails is
    not reported at all.
    """

    name: str = attrs.field(validator=_check_name)
    label: str
    regex: "regex.Pattern" = attrs.field(validator=_check_regex)
    validator: Optional[Callable[[str], bool]] = None
    group: Optional[str] = None
    specificity: int = attrs.field(default=2)
    score: float = 1.0
    #: Lowercase literals of which at least one must occur in the lowercased text for
    #: the pattern to run (a cheap skip for rare patterns: ``@``, ``cadastr``).
    requires: Tuple[str, ...] = attrs.field(default=(), converter=tuple)
    #: A fast regex run on the lowercased text; ``regex`` is then only tried where it
    #: matches. Word lists matched case-insensitively are slow to scan with the full
    #: grammar, a lowercase literal trie is not.
    anchor: Optional["regex.Pattern"] = None
    #: A regex ending in ``\Z`` tried on the few characters before a match; what it
    #: matches joins the span (the house number before a street type).
    extend_left: Optional["regex.Pattern"] = None
    #: With an ``anchor``: after a match, try ``regex`` again where the match ended, so
    #: that a list read item by item (``BK 12 et BK 310``) goes on past its anchor; the
    #: regex continues the list with a ``\G`` branch (``\G`` is where the try starts).
    chain: bool = False
    #: ``regex`` and ``anchor`` cannot backtrack without end (their repeats are bounded or
    #: take runs of one kind of character): they run with no timeout, and the tests check
    #: their work grows linearly on the pathological inputs (:func:`judanon.text.limits.linear`).
    #: ``extend_left``, searched for a match ending where its window ends, stays timed
    #: unless compiled by :func:`judanon.text.limits.linear` (its work bounded in the window).
    linear: bool = False

    @specificity.validator
    def _check_specificity(self, attribute, value):
        if value not in (1, 2, 3):
            raise PatternError(
                f"pattern {self.name!r}: specificity must be 1, 2 or 3, got {value!r}"
            )

    def __attrs_post_init__(self):
        if self.group is not None and self.group not in self.regex.groupindex:
            raise PatternError(
                f"pattern {self.name!r}: group {self.group!r} is not a named group of "
                f"its regex (named groups: {sorted(self.regex.groupindex)})"
            )
        if self.linear:
            limits.linear(self.regex, name=f"pattern {self.name}")
            if self.anchor is not None:
                limits.linear(self.anchor, name=f"pattern {self.name} anchor")

    def matches(self, text: str, lowered: Optional[str] = None) -> Iterable["regex.Match"]:
        """The raw matches; ``lowered`` is ``text.lower()``. Every match of a pattern not
        declared ``linear`` runs under the decision's time budget (:mod:`judanon.text.limits`)."""
        if lowered is None:
            lowered = shared(text).lowered
        if self.requires and not any(lit in lowered for lit in self.requires):
            return
        pattern, linear = self.regex, self.linear
        if self.anchor is None or len(lowered) != len(text):  # anchors need equal offsets
            yield from pattern.finditer(text) if linear else pattern.finditer(text, timeout=timeout_for(text))
            return
        last_end = 0
        # an anchor may be a stdlib literal trie (fast to scan, cannot backtrack): no timeout
        hits = (self.anchor.finditer(lowered) if linear or not isinstance(self.anchor, regex.Pattern)
                else self.anchor.finditer(lowered, timeout=timeout_for(text)))
        match_at = pattern.match if linear else (lambda t, pos: pattern.match(t, pos, timeout=timeout_for(t)))
        for hit in hits:
            if hit.start() < last_end:
                continue
            match = match_at(text, hit.start())
            while match is not None:
                last_end = match.end()
                yield match
                if not self.chain or match.end() == match.start():
                    break
                match = match_at(text, last_end)

    def spans(self, text: str, source: str, lowered: Optional[str] = None) -> Iterable[Span]:
        """Every validated match of this pattern in ``text``."""
        group = self.group or 0
        for match in self.matches(text, lowered):
            start, end = match.span(group)
            if start < 0 or end <= start:
                continue
            if self.extend_left is not None:
                left = max(0, start - _LEFT_WINDOW)
                before = (self.extend_left.search(text, left, start) if limits.is_linear(self.extend_left)
                          else self.extend_left.search(text, left, start, timeout=timeout_for(text)))
                if before is not None:
                    start = before.start()
            if self.validator is not None and not self.validator(text[start:end]):
                continue
            yield Span(
                start=start,
                end=end,
                label=self.label,
                source=source,
                score=self.score,
                evidence=self.name,
                specificity=self.specificity,
            )


def literal_trie(words: Iterable[str], char: Callable[[str], str] = regex.escape) -> str:
    """A regex source matching exactly ``words``, factored by common prefix, the longest
    word first where one word starts another.

    The ``regex`` engine tries a flat alternation word by word at every position;
    a trie fails after one or two characters, which makes word lists several
    times faster to scan. ``char`` gives the pattern of one character (default: the
    character itself; a class of its accented forms for folded phrases). The source
    suits the stdlib ``re`` engine too. The one trie of the package.
    """
    root: dict = {}
    for word in words:
        if not word:
            raise PatternError("literal_trie: empty word in the list")
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [char(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word ends here and longer ones go on
            body = ("(?:" + body + ")" if len(branches) == 1 and len(branches[0]) > 1 else body) + "?"
        return body

    return "(?:" + emit(root) + ")"


def publication_markers(text: str) -> List[Tuple[int, int]]:
    """Spans of the ``[...]`` markers a text already carries (:mod:`judanon.text.markers`)."""
    return marker_spans(text)


def _select(spans: List[Span], markers: Sequence[Tuple[int, int]]) -> List[Span]:
    """Drop spans inside publication markers, then resolve overlaps between our own
    patterns: a checksum-validated identifier beats a context rule, a longer span
    beats a shorter one. Adjacent spans (street then town) both stay."""
    marked = DisjointIntervals(markers)
    spans = [s for s in spans if not marked.overlaps(s.start, s.end)]
    return select_disjoint(spans, lambda s: (-s.specificity, -(s.end - s.start), s.start))[0]


@attrs.frozen(slots=True)
class RegexDetector:
    """Runs a list of :class:`Pattern` over a text.

    A pack builds one from its patterns (the French pack's ``regex_detector()``).
    """

    patterns: Tuple[Pattern, ...] = attrs.field(converter=tuple)
    name: str = "regex"
    version: str = "1"
    #: settings that chose the patterns, recorded in the audit trail
    options: Tuple[Tuple[str, str], ...] = attrs.field(default=(), converter=tuple)

    @patterns.validator
    def _check_patterns(self, attribute, value):
        for p in value:
            if not isinstance(p, Pattern):
                raise PatternError(
                    f"RegexDetector takes Pattern values, got {type(p).__name__}; "
                    "wrap a regex with Pattern(name, label, regex.compile(...))"
                )


    def audit_details(self) -> dict:
        """The settings that chose the patterns (``years_visible`` ...), for the audit trail."""
        return dict(self.options)

    def detect(self, text: str) -> List[Span]:
        lowered = shared(text).lowered
        spans: List[Span] = []
        for pattern in self.patterns:
            spans.extend(pattern.spans(text, self.name, lowered))
        return _select(spans, publication_markers(text))
