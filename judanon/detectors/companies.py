"""Companies and public bodies found from their legal form or their name.

:class:`CompanyDetector` reports the name of a company after a legal form or an
organisation word (``la SCI <Les Tilleuls>``), before a legal form written in
capitals (``<Vernon Distribution> SARL``), and the public bodies a pack lists
(``l'<URSSAF>``). Its spans carry the lowest specificity: a person's name that
another detector finds inside a company's name (``la société Jean Dupont``) wins the
overlap. Their other use is in :func:`judanon.resolve.companies.drop_company_words`: a word
that names a company in a decision is no person elsewhere in it unless a person
context anchors it there.

The detector holds no word of any language: forms, bodies, connectors and the
words that end a name come from the pack.
"""

from __future__ import annotations

import re
from typing import Iterable, List

import regex

from judanon.entities import PERSONNE_MORALE, PUBLIC_BODY, Span
from judanon.text.limits import compile as timed_compile, linear
from judanon.text.normalize import fold
from judanon.text.shared import shared
from judanon.errors import ArgumentError

__all__ = ["CompanyDetector"]

_H = r"[ \t\u00a0\u202f]"
#: One word of a company name: capitalized or a number, acronyms with dots (``B.D.G.``).
_NAME_WORD = r"(?:(?:\p{Lu}\.){2,}|[\p{Lu}\d¿\ufffd](?:[\p{L}\p{M}\d¿\ufffd&]|['’\-](?=[\p{L}\d]))*)"
#: A lowercase word between two words of a name (a connector: ``le``, ``du``).
_LOWER_WORD = timed_compile(r"\p{Ll}", linear=True)


def _alternation(words: Iterable[str], caseless: bool) -> str:
    """Longest first; lowercase entries match in any case, the others exactly."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        pattern = regex.escape(w).replace(r"\ ", _H + "+")
        out.append(f"(?i:{pattern})" if caseless and w == w.lower() else pattern)
    return "(?:" + "|".join(out) + ")" if out else "(?!)"


class CompanyDetector:
    """Names of companies and public bodies (label ``personneMorale`` by default).

    ``forms_before``: legal forms and organisation words written before a name
    (lowercase entries match in any case, the others exactly: ``SA`` but not ``sa``);
    ``forms_after``: forms written after a name, exactly; ``bodies``: names and
    acronyms of public bodies, exactly; ``connectors``: lowercase words that may join
    the words of a name (``des``, ``et``); ``stops``: words (compared folded) that end
    a name (civilities, ``représentée``); ``articles``: stop words that may start a name
    (``Les Tilleuls``).
    """

    name = "companies"
    version = "1"
    #: What a listed public body's span declares (``Span.roles``); other names none.
    public_body_roles = frozenset({PUBLIC_BODY})

    def __init__(self, forms_before: Iterable[str] = (), forms_after: Iterable[str] = (),
                 bodies: Iterable[str] = (), connectors: Iterable[str] = (),
                 stops: Iterable[str] = (), label: str = PERSONNE_MORALE, max_words: int = 8,
                 articles: Iterable[str] = ()):
        if max_words < 1:
            raise ArgumentError(f"max_words must be >= 1, got {max_words}")
        self.label = label
        self._stops = frozenset(fold(s).strip(".") for s in stops)
        self._forms_after = frozenset(forms_after)
        # a name may start with an article (``la SCI Les Tilleuls``), never with another stop
        self._articles = frozenset(fold(a) for a in articles)
        # a connector ending with an apostrophe is glued to the next word (``de l'Odet``)
        joint = (r"(?:" + _H + r"*[\-&]" + _H + r"*|" + _H + r"+(?:" + _alternation(connectors, False)
                 + r"(?:" + _H + r"+|(?<=['’])))?|(?<=['’]))")
        name = _NAME_WORD + r"(?:" + joint + _NAME_WORD + r"){0," + str(max_words - 1) + r"}"
        # A form, then a name that nothing follows: once the name starts the match succeeds,
        # so nothing backtracks into its bounded words (no timeout). Read leftwards from a
        # form after it, a name ends where a window ends: that search stays timed.
        self._word = linear(_NAME_WORD, name="companies word")
        self._before = linear(
            r"(?<![\p{L}\d.])(?P<form>" + _alternation(forms_before, True) + r")(?![\p{L}\d])"
            + r"(?:" + _H + r"+|" + _H + r"*\r?\n" + _H + r"*)(?P<name>" + name + r")", name="companies form before")
        # forms after a name: found first (rare, exact), then the name is read leftwards
        self._after_form = linear(
            r"(?<![\p{L}\d.])(?:" + _alternation(forms_after, False) + r")(?![\p{L}\d])", name="companies form after"
        ) if forms_after else None
        self._name_before_form = timed_compile(r"(?<![\p{L}\d])" + name + _H + r"*,?" + _H + r"*\Z")
        self._bodies = linear(
            r"(?<![\p{L}\d])(?P<name>" + _alternation(bodies, False) + r")(?![\p{L}\d])", name="companies bodies"
        ) if bodies else None
        # where to try: any form or body, lowercased, as a literal trie (fast to scan)
        from judanon.detectors.regex import literal_trie

        firsts = {w.lower() for w in tuple(forms_before) + tuple(bodies) + tuple(forms_after)}
        # the stdlib engine scans a literal trie several times faster than ``regex``
        self._anchor = re.compile(r"(?<![\w.])" + literal_trie(sorted(firsts)) + r"(?!\w)") if firsts else None
        self._options = {"forms_before": len(set(forms_before)), "bodies": len(set(bodies))}

    def audit_details(self) -> dict:
        return dict(self._options)

    def _trim(self, text: str, start: int, end: int, first_free: bool = True):
        """Cut the name before its first stop word (the first word may be an article),
        before a legal form written after it (``Berliet et Fils SAS``: the form is no part
        of the name, so that ``X SARL`` and ``X`` are one company), and before a number
        that a lowercase word introduces (``SAS le 5 mai``: a date, not the name). Legal
        forms opening the name (``la société SARL X``) are left out too."""
        first = last_end = None
        prev_end = start
        for k, w in enumerate(self._word.finditer(text, start, end)):
            word = fold(w.group()).strip(".")
            if word in self._stops and (k > 0 or not first_free or word not in self._articles):
                break
            if w.group() in self._forms_after:
                if first is not None:
                    break
                prev_end = w.end()
                continue
            if first is not None and w.group()[:1].isdigit() and _LOWER_WORD.search(text, prev_end, w.start()):
                break
            if first is None:
                first = w.start()
            last_end = prev_end = w.end()
        return (first, last_end) if last_end is not None else None

    def _words_before(self, text: str, end: int) -> list:
        """The words of the name right before a form written after it (``Vernon
        Distribution SARL``); a stop word cuts the name on its left, but an article
        opening the name stays (``LES JARDINS D'AQUITAINE SARL``, as after ``la société``)."""
        line_start = text.rfind("\n", 0, end) + 1
        m = self._name_before_form.search(text, max(line_start, end - 120), end)
        if m is None:
            return []
        words = list(self._word.finditer(text, m.start(), m.end()))
        for k in range(len(words) - 1, -1, -1):
            if fold(words[k].group()).strip(".") in self._stops:
                first = k == 0 and len(words) > 1 and fold(words[k].group()) in self._articles
                return words if first else words[k + 1:]
        return words

    @staticmethod
    def _hits(pattern, text: str, positions: Iterable[int]):
        """Matches of ``pattern`` at the anchor ``positions``, none inside an earlier one."""
        last_end = 0
        for pos in positions:
            if pos < last_end:
                continue
            m = pattern.match(text, pos)
            if m is not None:
                last_end = m.end()
                yield m

    def detect(self, text: str) -> List[Span]:
        spans: List[Span] = []
        if self._anchor is None:
            return spans
        lowered = shared(text).lowered  # the decision's shared lowercase form
        if len(lowered) != len(text):  # rare letters whose lowercase is longer: scan everything
            positions = range(len(text))
        else:
            positions = sorted({m.start() for m in self._anchor.finditer(lowered)})
        for m in self._hits(self._before, text, positions):
            cut = self._trim(text, m.start("name"), m.end("name"))
            # one letter is a placeholder (``la société X``), not a name
            if cut is not None and fold(text[cut[0]:cut[1]]).strip(".") not in self._stops \
                    and sum(ch.isalnum() for ch in text[cut[0]:cut[1]]) >= 2:
                spans.append(Span(cut[0], cut[1], self.label, self.name, 0.9,
                                  "form:" + fold(m.group("form")), specificity=1))
        if self._after_form is not None:
            for f in self._hits(self._after_form, text, positions):
                keep = self._words_before(text, f.start())
                if keep:
                    spans.append(Span(keep[0].start(), keep[-1].end(), self.label, self.name, 0.9,
                                      "form:" + fold(f.group()), specificity=1))
        if self._bodies is not None:
            for m in self._hits(self._bodies, text, positions):
                spans.append(Span(m.start("name"), m.end("name"), self.label, self.name, 0.9,
                                  "public_body", specificity=1, roles=self.public_body_roles))
        return spans
