"""Persons, magistrates and lawyers found from the words around them.

:class:`PersonContextDetector` needs no name list and no model: it anchors on
context literals (civilities, ``épouse``, ``Maître``, court titles, signature
headings) with a few combined patterns, reads the run of capitalized words
next to each anchor, and decides from the context whether the run names a
party (``personnePhysique``), a member of the court
(``professionnelMagistratGreffier``) or a lawyer (``professionnelAvocat``).

The words come from a pack, as a :class:`judanon.detectors.person_grammar.PersonGrammar`
(the pack contract reads it from the pack's ``persons.py``, see
``judanon/packs/fr/persons.py``), compiled by :mod:`judanon.detectors.person_grammar`;
a name run is split into parts by :mod:`judanon.detectors.person_names`. This module
holds the rules.

Span style follows the Label annotations: for persons and court members each
name part is its own span (first name, surname; a surname keeps its particles,
``de La Fontaine``); civilities and titles are left out. A lawyer is one span
from the first name to the end of the firm (``Jean DURAND de la SCP DURAND``).

The detector reports every occurrence it finds from context; linking a name
found once to its other occurrences is the job of :mod:`judanon.resolve`.
"""

from __future__ import annotations

import re
from typing import Dict, Iterable, List, Tuple

import regex

from judanon.detectors.court_names import court_names_win
from judanon.detectors.firm_names import counsel_firms_win
from judanon.detectors.person_grammar import CompiledGrammar, PersonGrammar, compiled
from judanon.detectors.person_names import NameRun, is_caps, not_a_name, read_name
from judanon.detectors.regex import literal_trie
from judanon.entities import ANCHORED, AVOCAT, MAGISTRAT_GREFFIER, PERSONNE_PHYSIQUE, Span
from judanon.errors import ArgumentTypeError
from judanon.text.lexicons import LexiconSource, NameLexicon, lexicon_of
from judanon.text.limits import timed_module_patterns
from judanon.text.normalize import fold

__all__ = ["PersonContextDetector"]

#: How far past its start an anchored match may look. Without a bound, the regex
#: engine scans the rest of the text for a required literal ("avocat") on every
#: call: quadratic on long decisions. Names and their context fit well within it.
_NEAR = 400


#: Two initials: ``J.-P. M.``, ``A. B.`` (the second followed by no letter or digit).
_TWO_INITIALS_RE = regex.compile(
    r"(?<![\w.'’\-])(?P<first>\p{Lu}\.(?:-\p{Lu}\.)?)[ \t\u00a0](?P<last>\p{Lu}\.)(?![\w\-]|[ \t\u00a0]?\d)"
)
#: What closes a name in apposition: a comma or a parenthesis.
_APPOSITION_END_RE = regex.compile(r"[ \t\u00a0]*[,(]")
#: How far around such an item a list is looked for.
_LIST_WINDOW = 200
#: What may stand between the name and a birth word: spaces, one comma.
_BEFORE_BORN_RE = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*$")
#: Only a sentence start may come before that name: a line start, a period, a number.
_SENTENCE_START_RE = re.compile(r"(?:\A|[.;:!?]|\n|\b\d+\s*(?:\.|°/?|-))[ \t\u00a0]*\Z")
_BLANK_LINES_RE = re.compile(r"(?:[ \t\u00a0]*\r?\n)+[ \t\u00a0]*")
#: A capitalized word right after a name run: the run stopped before a word that is no name.
_NEXT_CAPITALIZED_RE = regex.compile(r"[ \t\u00a0]+([\p{Lu}¿\ufffd][\w¿\ufffd'’\-]*)")
#: The evidence of a person named by nothing but a civility or its shape: a court member's
#: title elsewhere in the decision outweighs it (:func:`court_names_win`).
_WEAK_EVIDENCE = ("civility", "civility+line_break", "first_name_surname")


def _list_around(pattern, text: str, pos: int, start: int, end: int):
    """The match of ``pattern`` in ``text[start:end]`` whose items hold ``pos``."""
    for m in pattern.finditer(text, start, end):
        if m.start("items") <= pos < m.end("items"):
            return m
        if m.start() > pos:
            return None
    return None



def _line_bounds(text: str, pos: int) -> Tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _court_zones(p, text: str, title_lines: Iterable[int]) -> Tuple[Tuple[int, int], ...]:
    """Ranges where any name is a member of the court: after ``Président :`` and
    on the lines next to a signature heading (``Le Greffier    Le Président``)."""
    ranges: List[Tuple[int, int]] = []
    for line_start in title_lines:
        colon = p.title_colon_re.match(text, line_start, line_start + _NEAR)
        if colon:
            line_end = _line_bounds(text, colon.end())[1]
            if not text[colon.end():line_end].strip():
                # "GREFFIER :" alone on its line: the name is on the next non-empty one
                nxt = _BLANK_LINES_RE.match(text, line_end, line_end + _NEAR)
                if nxt and nxt.end() < len(text):
                    ranges.append((nxt.end(), _line_bounds(text, nxt.end())[1]))
                continue
            ranges.append((colon.end(), line_end))
            continue
        m = p.signature_line_re.match(text, line_start, line_start + _NEAR)
        if not m or not m.group().strip():
            continue
        # the signatories' names: the next two non-empty lines, or the line above
        pos, found = m.end(), 0
        while found < 2 and pos < len(text):
            line_start, line_end = _line_bounds(text, pos + 1)
            if line_start <= pos:
                break
            if text[line_start:line_end].strip():
                if p.signature_line_re.match(text, line_start, line_end):
                    break
                ranges.append((line_start, line_end))
                found += 1
            pos = line_end
        line_start = _line_bounds(text, m.start())[0]
        if line_start >= 2 and text[line_start - 1] == "\n":
            above_start, above_end = _line_bounds(text, line_start - 1)
            if text[above_start:above_end].strip():
                ranges.append((above_start, above_end))
    ranges.sort()
    return tuple(ranges)


def _in_ranges(ranges: Tuple[Tuple[int, int], ...], pos: int) -> bool:
    for s, e in ranges:
        if s <= pos < e:
            return True
        if s > pos:
            return False
    return False


class PersonContextDetector:
    """Finds persons, court members and lawyers from the context around names."""

    name = "person-context"
    version = "1.1"
    #: Every span is found from a context in the text (``Span.roles``).
    span_roles = frozenset({ANCHORED})

    def __init__(self, grammar: PersonGrammar, lexicon: LexiconSource):
        """``grammar``: the words of the language; ``lexicon``: its first names and
        surnames, a :class:`judanon.text.lexicons.NameLexicon` or the function loading it
        on first use. A pack gives both: ``judanon.packs.pack_words(code).persons`` and
        ``judanon.packs.load_profile(code).lexicon``."""
        if not isinstance(grammar, PersonGrammar):
            raise ArgumentTypeError(f"grammar must be a PersonGrammar, not {type(grammar).__name__} (a pack's: "
                                    "judanon.packs.pack_words(code).persons; its names go as lexicon=...)")
        if not (isinstance(lexicon, NameLexicon) or callable(lexicon)):
            raise ArgumentTypeError(f"lexicon must be a NameLexicon or a function returning one, not "
                                    f"{type(lexicon).__name__} (a pack's: judanon.packs.load_profile(code).lexicon)")
        self.grammar = grammar
        self._p: CompiledGrammar = compiled(grammar)
        #: first names, to read civil-status listings, and common words (loaded on first use)
        self._source = lexicon
        self._lexicon = lexicon if isinstance(lexicon, NameLexicon) else None
        #: ``ASSOCIÉS`` after a firm's partners: still a firm named after them
        self._partner_words = frozenset(fold(w) for w in grammar.firm_partner_words)
        #: a person's function after them (``S.C.P. X Y NOTAIRES ASSOCIÉS``): partners too
        self._function_ahead = re.compile(
            (literal_trie(sorted(set(grammar.person_functions))) if grammar.person_functions else "(?!)")
            + r"s?(?![^\W\d_])")

    def __getstate__(self):  # the compiled patterns are rebuilt from the grammar's words
        return {"grammar": self.grammar, "lexicon": self._source}

    def __setstate__(self, state):
        self.__init__(state["grammar"], state["lexicon"])

    @property
    def lexicon(self) -> NameLexicon:
        if self._lexicon is None:
            self._lexicon = lexicon_of(self._source)
        return self._lexicon

    def detect(self, text: str) -> List[Span]:
        p = self._p
        found: Dict[Tuple[int, int], Span] = {}
        lawyers: List[Tuple[int, int]] = []
        anchored = set()
        title_lines, role_lines = [], []
        for m in p.line_head_re.finditer(text):
            (title_lines if m.lastgroup == "title" else role_lines).append(m.start())
        zones = _court_zones(p, text, title_lines)

        def emit(run: NameRun, label: str, score: float, evidence: str, specificity: int = 2):
            if label == AVOCAT:
                parts = ((run.start, run.end),)
                lawyers.append((run.start, run.end))
            else:
                parts = run.parts
            for s, e in parts:
                span = Span(s, e, label, self.name, score, evidence, specificity, self.span_roles)
                old = found.get((s, e))
                # the stronger context wins; at equal strength, the court or bar
                if old is None or (score, label != PERSONNE_PHYSIQUE) > (
                    old.score, old.label != PERSONNE_PHYSIQUE
                ):
                    found[(s, e)] = span
            anchored.add(run.start)

        for m in p.anchor_re.finditer(text):
            kind = m.lastgroup
            if kind in ("civ", "civglued"):
                self._after_civility(text, m, zones, emit)
            elif kind == "law":
                self._after_lawyer_title(text, m, emit)
            elif kind == "firm":
                self._law_firm(text, m, emit)
            elif kind == "role":
                self._after_role_noun(text, m, emit)
            else:
                self._after_person_word(text, m, kind, emit)
        self._names_before_titles(text, emit)
        self._names_before_birth(text, emit)
        self._names_before_party_verbs(text, emit)
        self._zone_names(text, zones, emit)
        self._role_headers(text, role_lines, emit)
        self._bare_names(text, zones, emit, anchored)
        self._bare_initials(text, emit)
        self._partners(text, emit)

        spans = sorted(found.values(), key=lambda s: (s.start, s.end))
        if lawyers:
            # a lawyer's whole span wins over the parts other rules saw in it
            spans = [
                s for s in spans
                if not any(a <= s.start and s.end <= b and (a, b) != (s.start, s.end)
                           for a, b in lawyers)
                and (s.label == AVOCAT or (s.start, s.end) not in lawyers)
            ]
        # a law firm named as counsel is counsel where the decision names it again
        spans = counsel_firms_win(text, spans, "law_firm", "firm_partner")
        # a court member named with a title is the court member where a civility alone names it
        return court_names_win(text, spans, _WEAK_EVIDENCE)

    # --- context ----------------------------------------------------------------

    def _court_title_at(self, text: str, pos: int):
        p = self._p
        m = p.title_after_re.match(text, pos, pos + _NEAR)
        if m and not m.group("job") and not (
            m.group("head") and fold(m.group("title")).startswith(p.heading_titles)
        ):
            return m
        return None

    def _classify(self, text: str, anchor: int, run: NameRun, zones) -> Tuple[str, str]:
        """Label of a run named at ``anchor`` (its civility, or its own start)."""
        p = self._p
        if self._court_title_at(text, run.end):
            return MAGISTRAT_GREFFIER, "title_after"
        if p.magistrate_cue_re.match(text, run.end, run.end + _NEAR):
            return MAGISTRAT_GREFFIER, "report_after"
        if p.lawyer_after_re.match(text, run.end, run.end + _NEAR):
            return AVOCAT, "avocat_after"
        # "M. X, Mme Y, conseillers": a plural title closes the enumeration
        pos = run.end
        for _ in range(4):
            item = p.list_item_re.match(text, pos, pos + _NEAR)
            if not item:
                break
            pos = item.end()
            if p.plural_title_re.match(text, pos, pos + _NEAR):
                return MAGISTRAT_GREFFIER, "title_after_list"
            if p.title_after_re.match(text, pos, pos + _NEAR):
                break
        if p.caption_re.match(text, run.end, run.end + _NEAR):
            # "Mme X contre M. LE PREFET": the caption of the case names the parties
            return PERSONNE_PHYSIQUE, "caption"
        if _in_ranges(zones, anchor):
            return MAGISTRAT_GREFFIER, "court_zone"
        if p.lead_re.search(text, max(0, anchor - 30), anchor):
            return MAGISTRAT_GREFFIER, "court_lead"
        return PERSONNE_PHYSIQUE, ""

    # --- rules ------------------------------------------------------------------

    def _after_civility(self, text, m, zones, emit):
        p = self._p
        civ = m.group()
        if m.lastgroup == "civglued":
            nxt = p.run_re.match(text, m.end(), m.end() + _NEAR)
            span = nxt.span() if nxt else None
        else:
            nxt = p.after_anchor_re.match(text, m.end(), m.end() + _NEAR)
            span = nxt.span("run") if nxt else None
        if not span:
            return
        run = read_name(p, text, *span)
        if not run.parts:
            return
        label, why = self._classify(text, m.start(), run, zones)
        evidence = ("doctor" if civ in p.doctor_titles else "civility") + ("+" + why if why else "")
        emit(run, label, 0.95, evidence)
        if len(run.parts) == 1 and label != AVOCAT:
            self._wrapped_name(text, run, label, evidence, emit)
        if civ in p.plural_civilities:
            self._list_continuation(text, run.end, label, 0.9, evidence + "_list", emit)
        elif label == PERSONNE_PHYSIQUE:
            self._first_name_list(text, run.end, emit)

    def _wrapped_name(self, text, run, label, evidence, emit):
        """``M. Jean\\nDupont``: exported decisions break lines anywhere, also inside a
        name; a one-part name that ends its line goes on with the name words that start
        the next one, when running text follows them (a comma, a lowercase word)."""
        p = self._p
        nxt = p.wrapped_run_re.match(text, run.end, run.end + _NEAR)
        if not nxt or p.civility_prefix_re.match(text, nxt.start("run"), nxt.start("run") + _NEAR):
            return
        more = read_name(p, text, nxt.start("run"), nxt.end("run"))
        if more.parts:
            emit(more, label, 0.9, evidence + "+line_break")

    def _first_name_list(self, text, pos, emit):
        """``Madame Hugues, Valérie, Chantal Jacques``: the civil-status way of giving
        every first name, one comma apart. Each item must hold a known first name (a
        town such as ``Saint Dominique`` or a title after the comma ends the listing)."""
        p = self._p
        lexicon = self.lexicon
        for _ in range(6):
            item = p.comma_item_re.match(text, pos, pos + _NEAR)
            if not item or p.civility_prefix_re.match(text, item.start("run"), item.start("run") + _NEAR):
                return
            more = read_name(p, text, item.start("run"), item.end("run"))
            if not any(lexicon.is_first_name(text[a:b]) for a, b in more.parts):
                return
            if self._court_title_at(text, more.end) or p.lawyer_after_re.match(text, more.end, more.end + _NEAR):
                return
            emit(more, PERSONNE_PHYSIQUE, 0.9, "civility_first_names")
            pos = more.end

    def _list_continuation(self, text, pos, label, score, evidence, emit):
        p = self._p
        for _ in range(8):
            item = p.list_item_no_civ_re.match(text, pos, pos + _NEAR)
            if not item or p.civility_prefix_re.match(text, item.start("run"), item.start("run") + _NEAR):
                return  # a new civility is an anchor of its own
            more = read_name(p, text, item.start("run"), item.end("run"))
            if not more.parts:
                return
            emit(more, label, score, evidence)
            pos = more.end

    def _after_lawyer_title(self, text, m, emit):
        p = self._p
        nxt = p.after_anchor_re.match(text, m.end(), m.end() + _NEAR)
        if not nxt:
            return
        run = read_name(p, text, nxt.start("run"), nxt.end("run"))
        if not run.parts:
            return
        tail = text[run.end:min(_line_bounds(text, run.end)[1], run.end + 160)]
        officer = p.officer_cue_re.search(tail)
        lawyer = p.lawyer_cue_re.search(tail)
        if officer and (not lawyer or officer.start() < lawyer.start()):
            # a judicial agent or a notary acting in the case: a person of the case
            emit(run, PERSONNE_PHYSIQUE, 0.85, "maitre_officer")
            return
        end = run.end
        firm = p.firm_tail_re.match(text, end, end + _NEAR)
        if firm:
            end = firm.end()
        emit(NameRun(((run.start, end),), run.start, end), AVOCAT, 0.95 if lawyer else 0.8, "maitre")

    def _law_firm(self, text, m, emit):
        p = self._p
        fm = p.firm_re.match(text, m.end(), m.end() + _NEAR)
        if fm:
            s, e = fm.span("firm")
            emit(NameRun(((s, e),), s, e), AVOCAT, 0.9, "law_firm")
            return
        if m.group() in p.partner_firm_forms:
            # a professional firm named after its partners, not acting as counsel here
            nxt = p.after_anchor_re.match(text, m.end(), m.end() + _NEAR)
            if nxt:
                run = read_name(p, text, nxt.start("run"), nxt.end("run"))
                # a word that is no name after or among the partners' names makes it a trade name
                # (``la SELARL Arvalis Conseil``, ``Morvan Expertises``); ``ASSOCIÉS`` or a function
                # (``NOTAIRE``) after them does not
                after, lex = _NEXT_CAPITALIZED_RE.match(text, run.end), self.lexicon
                tail = fold(text[after.start(1):after.start(1) + 60]) if after else ""
                if run.parts and not any(is_caps(w) or (lex.is_common_word(w) and not lex.is_name(w))
                                         for w in (text[s:e] for s, e in run.parts)) and (
                        not after or tail.split(None, 1)[0] in self._partner_words or self._function_ahead.match(tail)):
                    emit(run, PERSONNE_PHYSIQUE, 0.6, "firm_partner", 1)

    def _after_role_noun(self, text, m, emit):
        """``le requérant, Ahmet Yılmaz, ...``: a name of two words or more in apposition,
        closed by a comma or a parenthesis."""
        p = self._p
        nxt = p.after_anchor_re.match(text, m.end() + 1, m.end() + 1 + _NEAR)  # past the comma
        if not nxt:
            return
        run = read_name(p, text, *nxt.span("run"))
        if len(run.parts) < 2 or not _APPOSITION_END_RE.match(text, run.end, run.end + _NEAR):
            return
        emit(run, PERSONNE_PHYSIQUE, 0.85, "role_apposition")

    def _after_person_word(self, text, m, kind, emit):
        p = self._p
        if kind == "elided":
            nxt = p.run_re.match(text, m.end(), m.end() + _NEAR)
            span = nxt.span() if nxt else None
        else:
            nxt = p.after_anchor_re.match(text, m.end(), m.end() + _NEAR)
            span = nxt.span("run") if nxt else None
        if not span:
            return
        run = read_name(p, text, *span)
        if not run.parts:
            return
        emit(run, PERSONNE_PHYSIQUE, 0.9, kind)
        if kind == "marital":
            # "Anne PETIT épouse DURAND": the name before the word is the same person's
            line_start = _line_bounds(text, m.start())[0]
            before = p.run_at_end_re.search(text, max(line_start, m.start() - 80), m.start())
            if before:
                prev = read_name(p, text, before.start(), before.end(), strip_leading=True)
                if prev.parts:
                    emit(prev, PERSONNE_PHYSIQUE, 0.85, "marital_before")
        if m.group() in p.plural_anchors or m.group().lower() in p.plural_anchors:
            self._list_continuation(text, run.end, PERSONNE_PHYSIQUE, 0.85, kind + "_list", emit)

    def _partners(self, text, emit):
        """A firm named after two or more partners: each ``First Last`` is a person; so is
        each item of a list of three or more with no anchor whose words are all names."""
        p = self._p
        # both lists end with "et First Last" or ", First Last": tried only near such an
        # item, found by a cheap scan, rather than at every capital of the decision
        last_end = 0
        for hit in p.list_tail_re.finditer(text):
            if hit.start() < last_end:
                continue
            window = (max(0, hit.start() - _LIST_WINDOW), hit.end() + _LIST_WINDOW)
            for pattern, evidence in ((p.partners_re, "partners"), (p.name_list_re, "name_list")):
                m = _list_around(pattern, text, hit.start(), *window)
                if m is None:
                    continue
                last_end = m.end()
                if evidence == "partners" and self._all_names(text, *m.span("items"), common_words=False):
                    self._name_items(text, *m.span("items"), emit, evidence, 2)
                elif evidence == "name_list" and self._all_names(text, *m.span("items"), p.town_starts):
                    self._name_items(text, *m.span("items"), emit, evidence, 3)
                break

    def _all_names(self, text, a, b, not_first=frozenset(), common_words=True) -> bool:
        """No word of ``text[a:b]`` (but ``et`` and particles) is never a name, a common word
        (``common_words``: when no company form anchors the list), nor, folded, in
        ``not_first`` (words that start towns' names)."""
        p = self._p
        lexicon = self.lexicon if common_words else None
        words = [w for w in regex.findall(r"[\w¿\ufffd'’\-]+", text[a:b])
                 if w not in p.conjunctions and fold(w) not in p.particles_folded]
        return not any(not_a_name(p, w) or (lexicon is not None and lexicon.is_common_word(w))
                       or fold(w) in not_first for w in words)

    def _name_items(self, text, a, b, emit, evidence, at_least):
        """Each ``First Last`` item of ``text[a:b]`` (``,``/``et``-separated) is a person,
        when there are at least ``at_least`` items."""
        p = self._p
        items, pos = [], a
        for sep in p.partner_split_re.finditer(text, a, b):
            items.append((pos, sep.start()))
            pos = sep.end()
        items.append((pos, b))
        if len(items) < at_least:
            return
        for s, e in items:
            run = read_name(p, text, s, e)
            if len(run.parts) >= 2:
                emit(run, PERSONNE_PHYSIQUE, 0.85, evidence)

    def _bare_initials(self, text, emit):
        """``J.-P. M. a confirmé``: a first name's and a surname's initials together name
        a person, unless a reference word stands before them (``article L. R.``)."""
        p = self._p
        for m in _TWO_INITIALS_RE.finditer(text):
            if m.group("first") in p.civility_words:
                continue  # "M. D.": the civility rule reads it
            if p.not_before_initials_re.search(text, max(0, m.start() - 12), m.start()):
                continue
            emit(NameRun(((m.start("first"), m.end("first") - 1), (m.start("last"), m.end("last") - 1)),
                         m.start(), m.end() - 1), PERSONNE_PHYSIQUE, 0.8, "initials")

    def _names_before_titles(self, text, emit):
        """``Anne DURAND, greffière``: names right before a court title."""
        p = self._p
        for m in p.comma_title_re.finditer(text):
            court = m.lastgroup == "court"
            if court and not self._court_title_at(text, m.start()):
                continue
            line_start = _line_bounds(text, m.start())[0]
            before = p.run_at_end_re.search(text, max(line_start, m.start() - 80), m.start())
            if not before:
                continue
            run = read_name(p, text, before.start(), before.end(), strip_leading=True)
            if court and p.assisted_re.fullmatch(m.group("court")) and len(run.parts) < 2:
                continue  # "tribunal de Meaux, assisté de": a place, not the judge
            if court and run.parts:
                emit(run, MAGISTRAT_GREFFIER, 0.9, "title_after")
            elif len(run.parts) >= 2 and not p.company_before_re.search(text, max(0, run.start - 40), run.start):
                # "Lucas Morel, interprète": two name words before a function of a person
                # (not "la SELARL MJ SYNERGIE, mandataire judiciaire": a company's name)
                emit(run, PERSONNE_PHYSIQUE, 0.85, "function_after")

    def _names_before_birth(self, text, emit):
        """``Laure née le 11 juillet 1999``: a name right before a birth."""
        p = self._p
        for m in p.born_after_re.finditer(text):
            line_start = _line_bounds(text, m.start())[0]
            window = max(line_start, m.start() - 80)
            end = _BEFORE_BORN_RE.search(text, window, m.start()).start()
            before = p.run_at_end_re.search(text, window, end)
            if not before:
                continue
            run = read_name(p, text, before.start(), before.end(), strip_leading=True)
            if run.parts:
                emit(run, PERSONNE_PHYSIQUE, 0.85, "birth_after")

    def _names_before_party_verbs(self, text, emit):
        """``Paul Kerbrat a formé un pourvoi``: two or more name words opening a sentence
        whose verb is a party's act. None may be a common word that is no name
        (``Axa France``); ``Jean`` or ``Rose`` may."""
        p = self._p
        lexicon = self.lexicon
        for m in p.party_verb_re.finditer(text):
            line_start = _line_bounds(text, m.start())[0]
            window = max(line_start, m.start() - 80)
            before = p.run_at_end_re.search(text, window, m.start())
            if not before or not _SENTENCE_START_RE.search(text, max(0, before.start() - 12), before.start()):
                continue
            run = read_name(p, text, before.start(), before.end())
            words = [text[a:b] for a, b in run.parts]
            if len(words) < 2 or run.start != before.start() or any(
                lexicon.is_common_word(w) and not lexicon.is_name(w) for w in words
            ):
                continue
            emit(run, PERSONNE_PHYSIQUE, 0.85, "party_verb")

    def _zone_names(self, text, zones, emit):
        """Names that make up a court zone on their own (``Président : X, Y``)."""
        p = self._p
        for s, e in zones:
            pos = s
            for m in p.run_re.finditer(text, s, e):
                if not p.zone_gap_re.match(text, pos, m.start()):
                    break
                run = read_name(p, text, m.start(), m.end())
                if not run.parts or not p.zone_end_re.match(text, run.end, run.end + _NEAR):
                    break
                emit(run, MAGISTRAT_GREFFIER, 0.85, "court_zone")
                pos = m.end()

    def _role_headers(self, text, role_lines, emit):
        """``APPELANT :`` then, on the next line, the party's name."""
        p = self._p
        for line_start in role_lines:
            m = p.role_line_re.match(text, line_start, line_start + _NEAR)
            if not m:
                continue
            nxt = p.next_line_run_re.match(text, m.end(), m.end() + _NEAR)
            if not nxt:
                continue
            line = text[slice(*_line_bounds(text, nxt.start("run")))]
            if p.org_words_re.search(line):
                continue
            run = read_name(p, text, nxt.start("run"), nxt.end("run"))
            # a first name in lower case letters tells a person from "BNP PARIBAS"
            if len(run.parts) >= 2 and not all(is_caps(text[a:b]) for a, b in run.parts):
                emit(run, PERSONNE_PHYSIQUE, 0.8, "party_role_header")

    def _bare_names(self, text, zones, emit, anchored):
        """``Jean-Pierre DURAND`` / ``DURAND Jean-Pierre`` with no anchor."""
        p = self._p
        for m in p.bare_re.finditer(text):
            s, e = m.span()
            if s in anchored or any(not_a_name(p, w) for w in m.group().split()):
                continue
            if p.company_before_re.search(text, max(0, s - 40), s):
                continue  # "la société BTA Insurance": a company name
            run = read_name(p, text, s, e)
            if len(run.parts) < 2:
                continue
            label, why = self._classify(text, s, run, zones)
            if label == AVOCAT:
                continue  # lawyers are taken whole from their own anchors
            if label == PERSONNE_PHYSIQUE:
                emit(run, label, 0.75, "first_name_surname", 1)
            else:
                emit(run, label, 0.85, "first_name_surname+" + why)


# The module's own patterns run under the decision's time budget too (judanon.text.limits),
# but two initials, whose every part is bounded.
timed_module_patterns(globals(), linear=("_TWO_INITIALS_RE",))
