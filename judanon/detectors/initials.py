"""Persons named by initials, without a civility: the way translated judgments of the
European Court of Human Rights and other decisions name agents, witnesses and parties.

:class:`InitialsDetector` reports

- a first name's initial before a surname (``G. Berry, ministère de la Santé``,
  ``A.-M. Dubreuil``), when no civility or title stands before it (the person grammar
  reads those) and no court title or lawyer word follows;
- an initial in brackets (``[ L. ]``; ``[L]`` alone is a publication marker);
- once an initial alone names a person (``le témoin K``, ``Mme W.``, ``[ L. ]``), that
  initial standing alone anywhere in the decision (``Selon K., ...``, ``W. soutint``),
  unless a word before it makes it a designator (``annexe K``, ``article L. 123``) or it
  opens a heading (``A. Les faits``).

Each initial is reported without its period, as Label annotates initials. The detector
holds no word of any language: the civilities, person nouns, words that are never names
and designators come from the pack (:class:`judanon.detectors.person_grammar.PersonGrammar`
and the pack's ``INITIAL_DESIGNATORS``).
"""

from __future__ import annotations

import re
from typing import Dict, Iterable, List, Set, Tuple

import regex

from judanon.detectors.person_grammar import PersonGrammar, compiled
from judanon.detectors.person_names import not_a_name
from judanon.detectors.regex import literal_trie
from judanon.entities import ANCHORED, PERSONNE_PHYSIQUE, Span
from judanon.errors import ArgumentTypeError
from judanon.text.lexicons import LexiconSource, NameLexicon, lexicon_of
from judanon.text.limits import compile as timed_compile, timed_module_patterns
from judanon.text.normalize import fold

__all__ = ["InitialsDetector"]

_SPACE = r"[ \t\u00a0\u202f]"
#: A surname: ``Berry``, ``Le Goasguen`` (``{}``: the particles a surname may open with).
_SURNAME = r"(?:(?:{})" + _SPACE + r"+)?\p{{Lu}}[\p{{L}}\p{{M}}'’]+(?:-\p{{Lu}}[\p{{L}}\p{{M}}'’]+)*"
#: Two initials joined by a conjunction (``R. et S.``, ``{}``: the conjunctions).
_INITIAL_PAIR = r"(?<![\w.'’\-])(\p{{Lu}})\." + _SPACE + r"+(?:{})" + _SPACE + r"+(\p{{Lu}})\.(?![\w\-])"
#: An initial in brackets, with a period or spaces (``[ L. ]``, ``[L.]``).
_BRACKETED = regex.compile(r"\[(?:" + _SPACE + r"+(?P<a>\p{Lu})\.?" + _SPACE + r"*|(?P<b>\p{Lu})\." + _SPACE
                           + r"*)\]")
#: What may follow a lone initial: a period, then no letter, digit or hyphen.
_LONE_END = r"(?:\.(?![\w\-¿\ufffd])|(?![\w'’\-.¿\ufffd/]))(?!" + _SPACE + r"?\d)"
#: A line start, then numbering: where a heading's letter stands (``A. Les faits``).
_LINE_START = regex.compile(r"(?:^|\n)[ \t\u00a0\-–•*\d.)]*\Z")
_HEADING_TAIL = regex.compile(r"\.?" + _SPACE + r"+\p{Lu}")
#: What makes a lone capital a first name's initial instead (``K. Dupont``).
_BEFORE_NAME = regex.compile(r"\.?" + _SPACE + r"+\p{Lu}\p{Ll}")


class InitialsDetector:
    """Persons named by initials (see the module's documentation)."""

    name = "initials"
    version = "1"

    def __init__(self, grammar: PersonGrammar, lexicon: LexiconSource, designators: Iterable[str] = ()):
        """``grammar``: the language's person grammar (civilities, person nouns, words that
        are never names, placeholder letters, words before a reference's initials);
        ``lexicon``: its names, or the function loading them (a surname that is a common
        word must be a known name too); ``designators``: folded words before a letter that
        make it a designator, not a person (``annexe``, ``catégorie``)."""
        if not isinstance(grammar, PersonGrammar):
            raise ArgumentTypeError(f"grammar must be a PersonGrammar, not {type(grammar).__name__}")
        self.grammar = grammar
        self.designators = tuple(designators)
        self._source = lexicon
        self._lexicon = lexicon if isinstance(lexicon, NameLexicon) else None
        self._p = compiled(grammar)
        anchors = grammar.civilities_singular + grammar.civilities_plural + grammar.doctor_titles
        nouns = grammar.person_nouns + grammar.party_role_nouns
        nouns += tuple(w[:1].upper() + w[1:] for w in nouns if w[:1].islower())
        #: a civility or a person noun right before a letter alone: one scan of the decision
        #: on the stdlib engine (a literal trie, then fixed classes); the letter's case and
        #: what follows it are checked on each match
        self._anchored = re.compile(
            r"(?<![\w.'’\-])(?:" + (literal_trie(sorted(set(anchors + nouns))) if anchors or nouns else "(?!)")
            + r"),?" + _SPACE + r"+([^\W\d_])" + _LONE_END)
        before = tuple(fold(w) for w in self.designators) + tuple(fold(w) for w in grammar.not_before_initials)
        self._designator = timed_compile(r"(?i:\b(?:" + (literal_trie(sorted(set(before))) if before else "(?!)")
                                         + r"))\.?" + _SPACE + r"*\Z")
        particles = sorted({w for w in grammar.name_particles if w[:1].isupper()})
        #: a first name's initial, then a surname: ``G. Berry``, ``A.-M. Le Floch``
        self._initial_surname = timed_compile(
            r"(?<![\w.'’\-])(?P<init>\p{Lu}\.(?:-\p{Lu}\.)?)" + _SPACE + r"+(?P<name>"
            + _SURNAME.format("|".join(map(regex.escape, particles)) or "(?!)") + r")(?![\w'’\-])")
        self._pair = timed_compile(_INITIAL_PAIR.format("|".join(map(regex.escape, grammar.conjunctions)) or "(?!)"))
        self._titles = (self._p.title_after_re, self._p.lawyer_after_re)
        self._civilities = frozenset(anchors)
        self._civility = timed_compile(r"(?:" + (literal_trie(sorted(set(anchors + grammar.lawyer_titles)))
                                       if anchors or grammar.lawyer_titles else "(?!)") + r")" + _SPACE + r"+\Z")

    def __getstate__(self):  # the compiled patterns are rebuilt from the words
        return {"grammar": self.grammar, "lexicon": self._source, "designators": self.designators}

    def __setstate__(self, state):
        self.__init__(state["grammar"], state["lexicon"], state["designators"])

    @property
    def lexicon(self) -> NameLexicon:
        if self._lexicon is None:
            self._lexicon = lexicon_of(self._source)
        return self._lexicon

    def audit_details(self) -> dict:
        return {"designators": len(self.designators)}

    def detect(self, text: str) -> List[Span]:
        found: Dict[Tuple[int, int], Span] = {}
        letters: Set[str] = set()
        for start, end in self._initial_surnames(text):
            # a shape, not a context: the person grammar's reading of the same name wins
            # (``C. BERGER`` under ``LA GREFFIÈRE`` is the clerk)
            found[(start, end)] = Span(start, end, PERSONNE_PHYSIQUE, self.name, 0.8, "initial_surname", 1)
        for m in _BRACKETED.finditer(text):
            group = "a" if m.group("a") else "b"
            if m.group(group) not in self._p.placeholders:
                letters.add(m.group(group))
                found[m.span(group)] = Span(*m.span(group), PERSONNE_PHYSIQUE, self.name, 0.85, "bracketed_initial", 2,
                                            frozenset({ANCHORED}))
        letters |= self._anchored_letters(text)
        for letter in sorted(letters):
            for start in self._lone(text, letter):
                found.setdefault((start, start + 1), Span(start, start + 1, PERSONNE_PHYSIQUE, self.name, 0.8,
                                                          "lone_initial", 2))
        return sorted(found.values(), key=lambda s: (s.start, s.end))

    def _initial_surnames(self, text: str) -> Iterable[Tuple[int, int]]:
        """``G. Berry``: each part's span, the initial without its period."""
        lexicon = None
        for m in self._initial_surname.finditer(text):
            name = m.group("name").split()[-1]
            if m.group("init") in self._civilities:
                continue  # "M. Berry": a civility, the person grammar reads it
            window = text[max(0, m.start() - 40):m.start()]
            if not_a_name(self._p, name) or self._civility.search(window) or self._designator.search(fold(window)):
                continue
            if lexicon is None:
                lexicon = self.lexicon
            if (lexicon.is_common_word(name) or name.isupper() or _LINE_START.search(window)) \
                    and not lexicon.is_name(name):
                continue  # "C. Appréciation de la Cour": a heading; "J. EXPRO": an abbreviation
            if any(t.match(text, m.end(), m.end() + 400) for t in self._titles):
                continue  # a court member or a lawyer: the person grammar reads them
            init = m.group("init")
            yield m.start("init"), m.start("init") + len(init) - 1
            yield m.span("name")

    def _anchored_letters(self, text: str) -> Set[str]:
        """Letters that a civility or a person noun names as a whole person (``le témoin
        K``, ``Mme W.``; no name word follows them), and pairs of initials (``R. et S.``)."""
        out: Set[str] = set()
        for m in self._pair.finditer(text):
            if not self._designator.search(fold(text[max(0, m.start() - 40):m.start()])):
                out.update(letter for letter in m.groups() if letter not in self._p.placeholders)
        for m in self._anchored.finditer(text):
            letter = m.group(1)
            if letter.isupper() and letter not in self._p.placeholders \
                    and text[m.start(1):m.end()] not in self._civilities \
                    and not _BEFORE_NAME.match(text, m.end(1), m.end(1) + 40):
                out.add(letter)
        return out

    def _lone(self, text: str, letter: str) -> Iterable[int]:
        """Where ``letter`` stands alone, as a person's initial (not a designator, not a
        heading, not one of several initials)."""
        pattern = timed_compile(r"(?<![\w.'’\-\[¿\ufffd]|\p{Lu}\." + _SPACE + r"?)" + regex.escape(letter) + _LONE_END)
        for m in pattern.finditer(text):
            before = text[max(0, m.start() - 40):m.start()]
            if self._designator.search(fold(before)):
                continue
            if _LINE_START.search(before) and _HEADING_TAIL.match(text, m.start() + 1):
                continue
            yield m.start()


# Every regex of this module runs under the decision's time budget (judanon.text.limits).
timed_module_patterns(globals())
