"""The words :class:`judanon.detectors.persons.PersonContextDetector` reads names by
(:class:`PersonGrammar`, a pack's data) and the patterns built from them
(:class:`CompiledGrammar`, compiled once per process and grammar by :func:`compiled`).

This module builds; :mod:`judanon.detectors.persons` holds the rules that read the
compiled grammar. Nothing here names a language: every word comes from the grammar.
"""

from __future__ import annotations

import functools
import re
from typing import Tuple, Union

import attrs
import regex

from judanon.detectors.grammar_blocks import (  # noqa: F401 (accent_classes: kept importable here)
    HSPACE as _HSPACE, SEP, APOS as _APOS, NOTHING as _NOTHING, LETTER as _LETTER, UPPER as _UPPER,
    INITIAL as _INITIAL, RE_UPPER as _RE_UPPER, RE_LOWER as _RE_LOWER, CAP as _CAP,
    sentence_case as _sentence_case, phrases as _phrases, alternation as _alternation, accent_classes,
    Folded as _Folded,
)
from judanon.text.limits import TimedPattern, timed_module_patterns
from judanon.text.normalize import fold

__all__ = ["PersonGrammar", "CompiledGrammar", "compiled", "accent_classes"]


def _words(value) -> tuple:
    return tuple(value)


@attrs.frozen(slots=True)
class PersonGrammar:
    """The words :class:`judanon.detectors.persons.PersonContextDetector` reads names by,
    one language's.

    Data only (tuples of words and a few regular-expression fragments), so a grammar
    compares, hashes and pickles as its words; the detector compiles it once per process
    (:func:`compiled`). A pack gives it through the pack contract
    (:class:`judanon.packs.contract.PackWords`): each field is a slot, named in capitals
    (``CIVILITIES_SINGULAR``), see ``judanon/packs/fr/persons.py``. Every field is
    optional: a list left empty turns its rule off. Unless a field's comment says
    otherwise, case matters; "folded" lists are lowercase without accents and match any
    case and accents.
    """

    #: Civilities announcing one person (``M.``, ``Mme``) and several (``MM.``, ``Mmes``).
    civilities_singular: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    civilities_plural: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: Titles used like civilities (``Dr``).
    doctor_titles: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: Titles of lawyers and other officers (``Me``, ``Maître``).
    lawyer_titles: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: Words before a person's other surname (``épouse``), or another name (``alias``).
    marital_words: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    alias_words: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: Nouns before a person's name (``l'enfant``); those of them before a list of names.
    person_nouns: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    plural_person_nouns: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: Folded words starting towns' names: a list of pairs starting so is no list of persons.
    town_name_starts: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: A party's role before its name in apposition (``le requérant, ...``).
    party_role_nouns: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: Nouns after which an elided preposition introduces a person (``placement d'Hugo``).
    elided_person_nouns: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: Folded functions of persons that are not court members (``interprete``).
    person_functions: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: Folded-matched party roles heading a line (``APPELANT :``).
    party_roles: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: Capital letters standing for an unknown person (``M. X``).
    placeholder_letters: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: Words making two initials a reference (``article L. R.``), any case.
    not_before_initials: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: Particles inside names, in every case they take; elided particles (``d'``).
    name_particles: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    elided_particles: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: Folded words that are never a name; in capitals, never a surname.
    not_names: frozenset = attrs.field(default=frozenset(), converter=frozenset)
    not_surnames: frozenset = attrs.field(default=frozenset(), converter=frozenset)
    #: Folded titles of magistrates and clerks; job words after them; prosecution titles;
    #: bodies inside a court; ``assisté de``; phrases before and cues after a court member.
    magistrate_titles: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    non_court_title_tails: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    parquet_titles: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    court_bodies: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    assisted_by: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    magistrate_leads: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    magistrate_cues_after: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: Folded company forms (``societe``); forms of law firms (``SCP``).
    company_forms: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    law_firm_forms: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: Folded prefixes showing a lawyer (``barreau``), or an officer acting as a party.
    lawyer_cues: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    non_lawyer_officer_cues: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: The accented lowercase letters of the language (``éèç...``): a folded phrase matches
    #: them too (a folded ``president`` matches ``président``). Empty: every accented Latin
    #: letter, which makes the patterns slower to build and to run.
    accented_letters: str = ""
    #: Civilities that may be glued to the name (``M.Dupont``).
    glued_civilities: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: The elided preposition after ``elided_person_nouns`` (``d'``).
    elided_of: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: Letters joined by an apostrophe inside one name word (``c'h``), any case.
    apostrophe_letters: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: Words joining the last items of a list (``et``).
    conjunctions: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: Articles before a title in running text, and before a title opening a line.
    title_articles: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    line_title_articles: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: A regular expression for an ordinal before a title (``1ère``); ``""``: none.
    ordinal: str = ""
    #: Words linking a title to the body it heads (``de la``); folded prefixes of the
    #: titles that may head a body outside the court.
    title_head_links: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    heading_title_prefixes: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: Plural titles closing an enumeration of court members, any case.
    plural_court_titles: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: Folded prefixes after a title on a signature line (``place``: ``greffier placé``).
    signature_title_tails: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: Words after a name making it a lawyer's, any case; folded words after them that
    #: make them a prosecutor's title instead.
    lawyer_words: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    lawyer_word_not_before: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: A lawyer's firm: links to it, lowercase forms, the words ending it, partner words;
    #: firm forms followed by a partner's name when no lawyer word follows.
    firm_links: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    firm_link_forms: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    firm_ends: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    firm_partner_words: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    partner_firm_forms: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: Folded words making the line of a party's name an organisation's.
    organisation_words: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: Particles of surnames written in capitals.
    capital_particles: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: Words starting a place that end a civil-status listing, any case.
    place_starts: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: Words between the parties of a caption (``contre``), any case.
    caption_words: Tuple[str, ...] = attrs.field(default=(), converter=_words)
    #: Regular expressions: a birth after a name (``née le``), a party's act after it
    #: (``a formé``); ``""``: none.
    born_after: str = ""
    party_acts: str = ""


# --- The compiled grammar ------------------------------------------------------------------

#: A compiled pattern: timed (:class:`judanon.text.limits.TimedPattern`), or a linear scan
#: left on the stdlib engine.
Compiled = Union[TimedPattern, "re.Pattern[str]"]


def _compiled_field():
    return attrs.field(repr=False)


@attrs.frozen(slots=True, eq=False)
class CompiledGrammar:
    """The patterns and word sets of one :class:`PersonGrammar`, as the rules of
    :class:`judanon.detectors.persons.PersonContextDetector` read them. Every pattern
    runs under the decision's time budget (:mod:`judanon.text.limits`) but the few
    full-text scans listed in :data:`LINEAR_SCANS`."""

    # names: runs of name words and their parts
    run_re: Compiled = _compiled_field()
    run_at_end_re: Compiled = _compiled_field()
    token_re: Compiled = _compiled_field()
    civility_prefix_re: Compiled = _compiled_field()
    after_anchor_re: Compiled = _compiled_field()
    wrapped_run_re: Compiled = _compiled_field()
    # court titles after a name, and what makes a name a court member's
    title_after_re: Compiled = _compiled_field()
    assisted_re: Compiled = _compiled_field()
    plural_title_re: Compiled = _compiled_field()
    lead_re: Compiled = _compiled_field()
    magistrate_cue_re: Compiled = _compiled_field()
    comma_title_re: Compiled = _compiled_field()
    # enumerations of names
    list_item_re: Compiled = _compiled_field()
    list_item_no_civ_re: Compiled = _compiled_field()
    comma_item_re: Compiled = _compiled_field()
    # lawyers and their firms
    lawyer_after_re: Compiled = _compiled_field()
    lawyer_cue_re: Compiled = _compiled_field()
    officer_cue_re: Compiled = _compiled_field()
    firm_tail_re: Compiled = _compiled_field()
    firm_re: Compiled = _compiled_field()
    # the words that announce a name (one scan of the decision)
    anchor_re: Compiled = _compiled_field()
    # lines naming the court or a party
    title_colon_re: Compiled = _compiled_field()
    signature_line_re: Compiled = _compiled_field()
    role_line_re: Compiled = _compiled_field()
    line_head_re: Compiled = _compiled_field()
    next_line_run_re: Compiled = _compiled_field()
    org_words_re: Compiled = _compiled_field()
    zone_gap_re: Compiled = _compiled_field()
    zone_end_re: Compiled = _compiled_field()
    # names with no anchor: bare names, initials, lists, captions
    bare_re: Compiled = _compiled_field()
    not_before_initials_re: Compiled = _compiled_field()
    partners_re: Compiled = _compiled_field()
    name_list_re: Compiled = _compiled_field()
    list_tail_re: Compiled = _compiled_field()
    partner_split_re: Compiled = _compiled_field()
    company_before_re: Compiled = _compiled_field()
    caption_re: Compiled = _compiled_field()
    born_after_re: Compiled = _compiled_field()
    party_verb_re: Compiled = _compiled_field()
    # words the rules compare with
    plural_anchors: frozenset = _compiled_field()
    town_starts: frozenset = _compiled_field()
    particles_folded: frozenset = _compiled_field()
    form_letters: frozenset = _compiled_field()
    civility_words: frozenset = _compiled_field()
    plural_civilities: frozenset = _compiled_field()
    doctor_titles: frozenset = _compiled_field()
    placeholders: frozenset = _compiled_field()
    elisions: frozenset = _compiled_field()
    partner_firm_forms: frozenset = _compiled_field()
    conjunctions: frozenset = _compiled_field()
    heading_titles: Tuple[str, ...] = _compiled_field()
    not_names: frozenset = _compiled_field()
    not_surnames: frozenset = _compiled_field()


#: Full-text scans that are literal alternations (no group that could backtrack): they
#: keep the stdlib engine, which scans word lists several times faster, with no timeout.
LINEAR_SCANS = ("anchor_re", "line_head_re", "list_tail_re", "born_after_re", "caption_re")


@functools.lru_cache(maxsize=16)
def compiled(grammar: PersonGrammar) -> CompiledGrammar:
    """The patterns of ``grammar``, compiled once per process and grammar."""
    k = _Pieces.of(grammar)
    fields = {**_name_patterns(grammar, k), **_title_patterns(grammar, k), **_list_patterns(grammar, k),
              **_lawyer_patterns(grammar, k), **_anchor_patterns(grammar, k), **_line_patterns(grammar, k),
              **_bare_patterns(grammar, k), **_word_sets(grammar)}
    # Every regex runs under the decision's time budget (judanon.text.limits), but the
    # linear full-text scans.
    timed_module_patterns(fields, linear=LINEAR_SCANS)
    return CompiledGrammar(**fields)


@attrs.frozen(slots=True)
class _Pieces:
    """The regex sources several patterns of a grammar are built from."""

    folded: _Folded
    conjunction: str  # ``et``
    word: str  # one name word: capitalized or in capitals, hyphenated parts, a glued elision
    particle: str
    run: str  # a run of name words on one line, particles allowed between and before them
    civility: str
    titles: str
    ordinal: str
    article: str
    line_article: str
    after_titles: str  # a court title or ``assisté de``
    lawyer_word: str
    not_lawyer: str
    firm_form: str
    caps: str  # a word in capitals, its elision glued (``D'ALMEIDA``)
    partner_item: str  # ``First Last``

    @classmethod
    def of(cls, g: PersonGrammar) -> "_Pieces":
        folded = _Folded(g.accented_letters)
        elision = _alternation(g.elided_particles)
        # one name word may hold letters joined by an apostrophe (Breton ``c'h``)
        glued = "".join(
            rf"|(?<=[{re.escape(a.lower())}{re.escape(a.upper())}]){_APOS}"
            rf"[{re.escape(b.lower())}{re.escape(b.upper())}](?!{_LETTER})"
            for a, _, b in (w.partition("'") for w in g.apostrophe_letters))
        word = rf"(?:{elision})?{_UPPER}{_LETTER}*(?:[-‐]{_LETTER}+|{_APOS}{_UPPER}{_LETTER}*{glued})*"
        particle = rf"(?:{_alternation(g.name_particles)})"
        token = rf"(?:{_INITIAL}|{word})"
        # Bounded: a name has a handful of parts; unbounded runs over a list of initials
        # ("M. J. D. M. J. D. ...") made each civility walk the rest of the text (quadratic).
        run = rf"(?:{particle}{SEP}){{0,3}}{token}(?:{SEP}(?:{particle}{SEP}){{0,3}}{token}){{0,11}}"
        titles = folded(g.magistrate_titles)
        elided_caps = "".join(sorted({p[:1].upper() for p in g.elided_particles if p[:1].isalpha()}))
        caps = (rf"(?:[{elided_caps}]{_APOS})?" if elided_caps else "") + rf"{_RE_UPPER}{_RE_UPPER}+(?:[-‐'’]{_RE_UPPER}+)*"
        return cls(
            folded=folded, conjunction=_phrases(g.conjunctions), word=word, particle=particle, run=run,
            civility=_alternation(g.civilities_singular + g.civilities_plural + g.doctor_titles),
            titles=titles, ordinal=g.ordinal or _NOTHING, article=_phrases(g.title_articles),
            line_article=_phrases(g.line_title_articles), after_titles=titles + "|" + folded(g.assisted_by),
            lawyer_word=_phrases(g.lawyer_words), not_lawyer=folded(g.lawyer_word_not_before),
            firm_form=_alternation(g.law_firm_forms), caps=caps,
            partner_item=rf"{_CAP}{SEP}(?:{_CAP}|{caps})(?:{SEP}(?:{_CAP}|{caps}))?",
        )


def _name_patterns(g: PersonGrammar, k: _Pieces) -> dict:
    """Runs of name words, their parts, and where a run starts after an anchor."""
    return dict(
        run_re=regex.compile(k.run),
        run_at_end_re=regex.compile(rf"(?:{k.run})[ \t\u00a0]*\Z"),
        token_re=regex.compile(
            rf"(?P<part>(?<!\S){k.particle}(?=\s))|(?P<init>{_INITIAL})|(?P<word>{k.word})"
        ),
        civility_prefix_re=regex.compile(rf"(?:{k.civility}|{_alternation(g.lawyer_titles)}){SEP}"),
        after_anchor_re=regex.compile(rf"(?:{SEP}|[ \t]*\r?\n[ \t]*)(?P<run>{k.run})"),
        # the rest of a name that a line break cut after its first part (``M. Jean\nDupont``),
        # followed by what ends a name in running text
        wrapped_run_re=regex.compile(
            rf"[ \t\u00a0]*\r?\n[ \t\u00a0]*(?P<run>{k.run})(?=[ \t\u00a0]*(?:[,;.:()]|\r?\n|\Z|[ \t\u00a0]+\p{{Ll}}))"
        ),
    )


def _title_patterns(g: PersonGrammar, k: _Pieces) -> dict:
    """A court title after a name (``, greffière``), and the other cues of a court member."""
    folded = k.folded
    head_link = _phrases(g.title_head_links)
    return dict(
        title_after_re=regex.compile(
            rf"[ \t\u00a0]*(?:,\s*|-|–|\(|:)?[ \t\u00a0]*(?:{k.conjunction}{SEP})?(?:{k.article}{SEP}?)?"
            rf"(?:{k.ordinal}{SEP})?(?P<title>{k.after_titles})(?:\b|(?<=['’]))(?![-‐])"
            rf"(?P<job>{SEP}(?:{folded(g.non_court_title_tails)})\b)?"
            rf"(?P<head>{SEP}{head_link}{_HSPACE}*"
            rf"(?!{folded(g.court_bodies)}))?",
            regex.IGNORECASE,
        ),
        assisted_re=regex.compile(folded(g.assisted_by), regex.IGNORECASE),
        plural_title_re=regex.compile(
            rf"[ \t\u00a0]*,?[ \t\u00a0]*{_phrases(g.plural_court_titles)}\b",
            regex.IGNORECASE,
        ),
        lead_re=regex.compile(rf"(?:{folded(g.magistrate_leads)})[ \t\u00a0]*\Z", regex.IGNORECASE),
        magistrate_cue_re=regex.compile(
            rf"[ \t\u00a0]*,?[ \t\u00a0]*(?:{folded(g.magistrate_cues_after)})\b", regex.IGNORECASE
        ),
        comma_title_re=re.compile(
            rf",\s*(?:{k.article}[ \t\u00a0]*)?(?:{k.ordinal}[ \t\u00a0]+)?"
            rf"(?:(?P<court>{k.after_titles})|(?P<function>{folded(g.person_functions)}))\b",
            re.IGNORECASE,
        ),
    )


def _list_patterns(g: PersonGrammar, k: _Pieces) -> dict:
    """The next item of an enumeration of names."""
    and_ = k.conjunction
    place_start = _phrases(g.place_starts)
    return dict(
        # another named item in an enumeration: ``, Mme Y`` or ``et M. Z``
        list_item_re=regex.compile(
            rf"[ \t\u00a0]*(?:,|{and_}|,{SEP}{and_}){SEP}(?:(?:{k.civility}){SEP})?(?P<run>{k.run})"
        ),
        list_item_no_civ_re=regex.compile(rf"[ \t\u00a0]*(?:,|{and_}|,{SEP}{and_}){SEP}(?P<run>{k.run})"),
        # the next name of a civil-status listing: ``Madame DUPONT, Marie, Jeanne``
        comma_item_re=regex.compile(rf"[ \t\u00a0]*,{SEP}(?!(?i:{place_start})\b)(?P<run>{k.run})"),
    )


def _lawyer_patterns(g: PersonGrammar, k: _Pieces) -> dict:
    """Lawyers: a lawyer word after a name, cues after ``Maître X``, firms."""
    folded, and_ = k.folded, k.conjunction
    firm_ends = "|".join(rf"{SEP}{re.escape(w)}" for w in g.firm_ends)
    # a law firm's name: name words joined by commas, conjunctions, ``&`` or hyphens
    firm_name = (
        rf"{k.word}(?:(?:{SEP}|,{SEP}|{SEP}(?:{and_}|&|-|–){SEP}|{SEP}(?:{k.particle}){SEP})"
        # lazy: stop at the first lawyer word; bounded: a firm names a handful of partners
        rf"(?:{k.word}|{_phrases(g.firm_partner_words)})){{0,15}}?"
    )
    return dict(
        lawyer_after_re=regex.compile(
            rf"[ \t\u00a0]*,?[ \t\u00a0]*{k.lawyer_word}\b(?!{SEP}{k.not_lawyer})",
            regex.IGNORECASE,
        ),
        lawyer_cue_re=regex.compile(rf"\b(?:{folded(g.lawyer_cues)})", regex.IGNORECASE),
        officer_cue_re=regex.compile(rf"(?:{folded(g.non_lawyer_officer_cues)})", regex.IGNORECASE),
        # what may follow a lawyer's name and still be part of the lawyer span
        # (``de la SELARL DURAND ET ASSOCIES``, ``pour le cabinet X``)
        firm_tail_re=regex.compile(
            rf",?{SEP}{_phrases(g.firm_links)}"
            rf"{SEP}(?:{k.firm_form}|{'|'.join(map(re.escape, g.firm_link_forms)) or _NOTHING})"
            rf"{SEP}[^\n,;()]{{1,60}}?(?=[ \t\u00a0]*(?:,|;|\(|\n|${'|' + firm_ends if firm_ends else ''}))"
        ),
        firm_re=regex.compile(
            rf"{SEP}(?P<firm>{firm_name})[ \t\u00a0]*,?[ \t\u00a0]*{k.lawyer_word}\b"
            rf"(?!{SEP}{k.not_lawyer})",
            regex.IGNORECASE,
        ),
    )


def _anchor_patterns(g: PersonGrammar, k: _Pieces) -> dict:
    """The one scan of a decision for the words that announce a name."""
    elided_of = _phrases(g.elided_of)
    return dict(anchor_re=re.compile(
        r"(?<![\w.'’-])(?:"
        rf"(?P<civ>{k.civility})(?=\s)"
        rf"|(?P<civglued>{_alternation(g.glued_civilities)})(?={_RE_UPPER}{_RE_LOWER})"
        rf"|(?P<law>{_alternation(g.lawyer_titles)})(?=\s)"
        rf"|(?P<firm>{k.firm_form})(?={_HSPACE})"
        rf"|(?P<marital>{_alternation(g.marital_words)})(?={SEP}{_RE_UPPER})"
        rf"|(?P<alias>{_alternation(g.alias_words)})(?={SEP}{_RE_UPPER})"
        rf"|(?P<noun>{_alternation(_sentence_case(g.person_nouns))})(?={SEP}{_RE_UPPER})"
        rf"|(?P<role>{_alternation(_sentence_case(g.party_role_nouns))})(?=,{SEP}{_RE_UPPER})"
        rf"|(?P<elided>(?:{_alternation(g.elided_person_nouns)}){SEP}{elided_of})(?={_RE_UPPER})"
        r")"
    ))


def _line_patterns(g: PersonGrammar, k: _Pieces) -> dict:
    """Lines that name the court (``Président : M. X``, signature headings) or a party
    (``APPELANT :``), and the names of a court zone."""
    folded, and_ = k.folded, k.conjunction
    seated_titles = folded(t for t in g.magistrate_titles if not any(t.startswith(p) for p in g.parquet_titles))
    return dict(
        title_colon_re=re.compile(
            rf"(?m)^[ \t\u00a0\-–•*]*(?:{k.line_article}{SEP})?(?:{k.titles})s?\b[^:\n]{{0,40}}:",
            re.IGNORECASE,
        ),
        signature_line_re=re.compile(
            rf"(?m)^[ \t\u00a0]*(?:(?:{k.line_article}[ \t\u00a0]*)?(?:{seated_titles})"
            rf"(?:{SEP}(?:{folded(g.signature_title_tails)})[^\n,]{{0,40}})?"
            rf"[ \t\u00a0,;.]*(?:{and_}[ \t\u00a0]+)?)+$",
            re.IGNORECASE,
        ),
        role_line_re=re.compile(
            rf"(?m)^[ \t\u00a0\-–•*]*(?:{folded(g.party_roles)})s?(?:[ \t\u00a0]*[:/])?"
            rf"[ \t\u00a0]*$",
            re.IGNORECASE,
        ),
        # one scan finds the lines that may open a court zone or a party; the three
        # patterns above then check the candidate line
        line_head_re=re.compile(
            rf"(?m)^[ \t\u00a0\-–•*]*(?:{k.line_article}[ \t\u00a0]*)?"
            rf"(?:(?P<title>{k.titles})|(?P<role>{folded(g.party_roles)}))",
            re.IGNORECASE,
        ),
        next_line_run_re=regex.compile(
            rf"\s*?\n[ \t\u00a0\-–•*]*(?:(?:{k.civility}){SEP})?(?P<run>{k.run})[ \t\u00a0]*(?:,|\n|$)"
        ),
        org_words_re=regex.compile(rf"\b(?:{folded(g.organisation_words)})\b", regex.IGNORECASE),
        # what may stand between two names of a court zone (``M. X, Mme Y et Z``)
        zone_gap_re=regex.compile(rf"(?:[\s,:;\-–•*]|{and_}\b|(?:{k.civility})(?=\s))*\Z"),
        # what may follow a name in a court zone: end of line, a comma, a title
        zone_end_re=regex.compile(rf"[ \t\u00a0]*(?:,|;|\.|\r?\n|\Z|{and_}\b|(?:{k.titles})\b)", regex.IGNORECASE),
    )


def _bare_patterns(g: PersonGrammar, k: _Pieces) -> dict:
    """Names with no anchor: ``First SURNAME``, two initials, lists of ``First Last``,
    captions, a birth or a party's act right after a name."""
    folded, and_, caps, item = k.folded, k.conjunction, k.caps, k.partner_item
    company_forms = folded(g.company_forms)
    return dict(
        bare_re=regex.compile(
            # the lookahead lets the engine skip to capitals (the same match, found faster)
            rf"(?=[\p{{Lu}}¿\ufffd])(?<![\w.'’-])(?:"
            rf"{_CAP}(?:{SEP}{_CAP})?{SEP}(?:{_alternation(g.capital_particles)}{SEP})?{caps}(?:{SEP}{caps})?"
            rf"|{caps}(?:{SEP}{caps})?{SEP}{_CAP}"
            rf")(?![\w¿])"
        ),
        not_before_initials_re=regex.compile(
            rf"\b(?:{_alternation(g.not_before_initials)})\.?[ \t\u00a0]*\Z", regex.IGNORECASE
        ),
        # a firm named after its partners: ``la société Anne Morel, Paul Kerbrat et Yves Le Gall``
        # (two or more ``First Last`` items after a company form)
        partners_re=regex.compile(
            rf"(?<![\w.])(?i:{company_forms}){SEP}"
            rf"(?P<items>{item}(?:[ \t\u00a0]*,{SEP}{item})*(?:,?{SEP}{and_}{SEP}{item})?)"
            rf"(?=[ \t\u00a0]*[,;.)\n])"
        ),
        # three or more ``First Last`` items with no anchor (``arrestation de Anne Morel, Paul
        # Kerbrat et Yves Le Gall``): a list of persons, when no word is a common word
        name_list_re=regex.compile(
            rf"(?<![\w.'’\-])(?P<items>{item}(?:[ \t\u00a0]*,{SEP}{item}){{1,}}"
            rf",?{SEP}{and_}{SEP}{item})(?![\w¿])"
        ),
        # where a list of names may end: ``, First Last`` or ``et First Last``
        list_tail_re=re.compile(rf"(?:,|\b{and_})[ \t\u00a0]+{_CAP}[ \t\u00a0]+{_RE_UPPER}"),
        partner_split_re=regex.compile(rf"[ \t\u00a0]*,{SEP}|,?{SEP}{and_}{SEP}"),
        company_before_re=regex.compile(rf"(?:^|[\s(])(?:{company_forms})[ \t\u00a0]+\Z", regex.IGNORECASE),
        # ``X contre Y``: a case caption, whose names are parties
        caption_re=re.compile(rf"[ \t\u00a0]+{_phrases(g.caption_words)}[ \t\u00a0]", re.IGNORECASE),
        # ``né le``, ``née à``, ``nés en`` right after a name (the name is before it)
        born_after_re=re.compile(rf"(?<=[ \t\u00a0]){g.born_after or _NOTHING}"),
        # a party's act, after its name at the start of a sentence (``Paul Kerbrat a formé un
        # pourvoi``): the criminal chamber names the accused without a civility
        party_verb_re=re.compile(rf"(?<=[ \t\u00a0]){g.party_acts or _NOTHING}"),
    )


def _word_sets(g: PersonGrammar) -> dict:
    """The words the rules compare with."""
    return dict(
        plural_anchors=frozenset(g.civilities_plural) | frozenset(g.plural_person_nouns),
        # words that start town names (``Saint Denis, Saint Ouen et Saint Cloud``), folded
        town_starts=frozenset(fold(w) for w in g.town_name_starts),
        particles_folded=frozenset(fold(p) for p in g.name_particles),
        # company forms written as letters with dots (``S.A.R.L.``), folded without the dots
        form_letters=frozenset(fold(f).replace(".", "") for f in g.company_forms + g.law_firm_forms
                               if "." in f or f.isupper()),
        civility_words=frozenset(g.civilities_singular + g.civilities_plural),
        plural_civilities=frozenset(g.civilities_plural),
        doctor_titles=frozenset(g.doctor_titles),
        placeholders=frozenset(g.placeholder_letters),
        elisions=frozenset(p.lower() for p in g.elided_particles),
        partner_firm_forms=frozenset(g.partner_firm_forms),
        conjunctions=frozenset(g.conjunctions),
        heading_titles=tuple(g.heading_title_prefixes),
        not_names=g.not_names,
        not_surnames=g.not_surnames,
    )
