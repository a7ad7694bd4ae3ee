"""Persons, magistrates and lawyers found from the words around them.

:class:`PersonContextDetector` needs no name list and no model: it anchors on
context literals (civilities, ``épouse``, ``Maître``, court titles, signature
headings) with a few combined patterns, reads the run of capitalized words
next to each anchor, and decides from the context whether the run names a
party (``personnePhysique``), a member of the court
(``professionnelMagistratGreffier``) or a lawyer (``professionnelAvocat``).

The words come from a pack, as a :class:`PersonGrammar` (a pack's
``person_grammar()``, see ``judanon/packs/fr/persons.py``); this module holds the
machinery only.

Span style follows the Label annotations: for persons and court members each
name part is its own span (first name, surname; a surname keeps its particles,
``de La Fontaine``); civilities and titles are left out. A lawyer is one span
from the first name to the end of the firm (``Jean DURAND de la SCP DURAND``).

The detector reports every occurrence it finds from context; linking a name
found once to its other occurrences is the job of :mod:`judanon.resolve.overlaps`.
"""

from __future__ import annotations

import functools
import re
import types
from typing import Callable, Dict, Iterable, List, Tuple

import attrs
import regex

from judanon.detectors.regex import literal_trie
from judanon.entities import ANCHORED, AVOCAT, MAGISTRAT_GREFFIER, PERSONNE_PHYSIQUE, Span
from judanon.text.limits import timed_module_patterns
from judanon.text.normalize import fold
from judanon.errors import ArgumentTypeError

__all__ = ["PersonContextDetector", "PersonGrammar", "NameRun", "name_parts", "propagation_extras"]

# --- Pattern building blocks --------------------------------------------------------


def _char_class(pred: Callable[[str], bool]) -> str:
    """The Latin characters (up to U+024F) for which ``pred`` holds, as class ranges."""
    chars = [chr(c) for c in range(0x250) if pred(chr(c))]
    out, i = [], 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and ord(chars[j + 1]) == ord(chars[j]) + 1:
            j += 1
        out.append(re.escape(chars[i]) + ("-" + re.escape(chars[j]) if j > i else ""))
        i = j + 1
    return "".join(out)


_HSPACE = r"[ \t\u00a0\u202f\u2009]"
#: How far past its start an anchored match may look. Without a bound, the regex
#: engine scans the rest of the text for a required literal ("avocat") on every
#: call: quadratic on long decisions. Names and their context fit well within it.
_NEAR = 400
_SEP = _HSPACE + "+"
_APOS = r"['’]"


def _sentence_case(words: Iterable[str]) -> Tuple[str, ...]:
    """The words and, for those in lowercase, their form at a sentence start."""
    words = tuple(words)
    return tuple(dict.fromkeys(words + tuple(w[:1].upper() + w[1:] for w in words if w[:1].islower())))


def _phrases(words: Iterable[str], space: str = _SEP) -> str:
    """Any of ``words`` tried in their order (the first that fits wins), a space standing
    for ``space`` and an apostrophe for either apostrophe."""
    def one(word: str) -> str:
        return re.escape(word).replace(r"\ ", " ").replace(" ", space).replace("'", _APOS)

    return "(?:" + "|".join(one(w) for w in words) + ")"


# ``¿`` and U+FFFD stand for letters lost to a bad encoding in exported decisions.
_LETTER = r"[\p{L}\p{M}¿\ufffd]"
_UPPER = r"[\p{Lu}¿\ufffd]"
#: An initial: ``J.``, ``J.-P.``, ``J...``.
_INITIAL = r"\p{Lu}(?:\.(?:-?\p{Lu}\.){0,3}|\.\.\.|…)"
# The stdlib ``re`` scans literal alternations several times faster than
# ``regex``; the full-text scans use it, with the upper-case class spelled out.
_RE_UPPER = "[" + _char_class(str.isupper) + "¿\ufffd]"
_RE_LOWER = "[" + _char_class(str.islower) + "¿\ufffd]"
# "First SURNAME" and "SURNAME First" without any anchor (Latin letters).
_CAP = rf"{_RE_UPPER}{_RE_LOWER}+(?:[-‐]{_RE_UPPER}{_RE_LOWER}+)*"

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


# --- The grammar: a pack's words -----------------------------------------------------

def _words(value) -> tuple:
    return tuple(value)


@attrs.frozen(slots=True)
class PersonGrammar:
    """The words :class:`PersonContextDetector` reads names by, one language's.

    Data only (tuples of words and a few regular-expression fragments), so a grammar
    compares, hashes and pickles as its words; the detector compiles it once per process
    (:func:`compiled`). A pack builds it from a module of word lists
    (:meth:`from_module`, the names are the fields' in capitals, see
    ``judanon/packs/fr/persons.py``). Every field is optional: a list left empty turns
    its rule off. Unless a field's comment says otherwise, case matters; "folded" lists
    are lowercase without accents and match any case and accents.
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

    @classmethod
    def from_module(cls, module) -> "PersonGrammar":
        """The grammar whose fields are ``module``'s names in capitals
        (``CIVILITIES_SINGULAR`` ...); names the module lacks keep their defaults."""
        values = {}
        for field in attrs.fields(cls):
            name = field.name.upper()
            if hasattr(module, name):
                values[field.name] = getattr(module, name)
        return cls(**values)


_NOTHING = r"(?!)"


@functools.lru_cache(maxsize=16)
def _accent_classes(letters: str = "") -> Dict[str, str]:
    """Each unaccented lowercase letter and those of ``letters`` (a language's accented
    letters; empty: every Latin one) that fold to it (:func:`judanon.text.normalize.fold`, the
    one folding): ``e`` -> ``eéèêë``."""
    classes: Dict[str, str] = {}
    for ch in letters or map(chr, range(0x250)):
        folded = fold(ch)
        if ch.isalpha() and ch.islower() and len(folded) == 1 and folded != ch:
            classes[folded] = classes.get(folded, folded) + ch
    return classes


def default_grammar(profile: str = "fr") -> PersonGrammar:
    """The grammar of the pack of ``profile`` (its ``person_grammar()``)."""
    from judanon.packs import ProfileError, pack_module

    pack = pack_module(profile)
    if not hasattr(pack, "person_grammar"):
        raise ProfileError(f"profile {profile!r} has no person grammar; pass "
                           "PersonContextDetector(grammar=PersonGrammar(...))")
    return pack.person_grammar()


@functools.lru_cache(maxsize=16)
def compiled(grammar: PersonGrammar) -> types.SimpleNamespace:
    """The patterns of ``grammar``, compiled once per process and grammar."""
    g = grammar
    accents = _accent_classes(g.accented_letters)

    def folded_char(ch: str) -> str:
        """Pattern for one character of a folded phrase: accents, spaces, apostrophes."""
        if ch in accents:
            return "[" + accents[ch] + "]"
        if ch == " ":
            return _SEP
        if ch == "'":
            return _APOS
        if ch == "-":
            return r"[-‐ ]"
        return re.escape(ch)

    def folded_alternation(phrases: Iterable[str]) -> str:
        """Any of the folded ``phrases``, also in their accented, spaced forms."""
        phrases = tuple(phrases)
        return literal_trie(phrases, folded_char) if phrases else _NOTHING

    def alternation(words: Iterable[str]) -> str:
        words = tuple(words)
        return literal_trie(words, re.escape) if words else _NOTHING

    _AND = _phrases(g.conjunctions) if g.conjunctions else _NOTHING
    _ELISION = alternation(g.elided_particles)
    # one name word may hold letters joined by an apostrophe (Breton ``c'h``)
    _GLUED = "".join(
        rf"|(?<=[{re.escape(a.lower())}{re.escape(a.upper())}]){_APOS}"
        rf"[{re.escape(b.lower())}{re.escape(b.upper())}](?!{_LETTER})"
        for a, _, b in (w.partition("'") for w in g.apostrophe_letters))
    #: One name word: capitalized or in capitals, hyphenated parts, a glued elision.
    _WORD = rf"(?:{_ELISION})?{_UPPER}{_LETTER}*(?:[-‐]{_LETTER}+|{_APOS}{_UPPER}{_LETTER}*{_GLUED})*"
    _PARTICLE = rf"(?:{alternation(g.name_particles)})"
    _TOKEN = rf"(?:{_INITIAL}|{_WORD})"
    #: A run of name words on one line, particles allowed between and before them.
    # Bounded: a name has a handful of parts; unbounded runs over a list of initials
    # ("M. J. D. M. J. D. ...") made each civility walk the rest of the text (quadratic).
    _RUN = rf"(?:{_PARTICLE}{_SEP}){{0,3}}{_TOKEN}(?:{_SEP}(?:{_PARTICLE}{_SEP}){{0,3}}{_TOKEN}){{0,11}}"

    _RUN_RE = regex.compile(_RUN)
    _RUN_AT_END_RE = regex.compile(rf"(?:{_RUN})[ \t\u00a0]*\Z")
    _TOKEN_RE = regex.compile(
        rf"(?P<part>(?<!\S){_PARTICLE}(?=\s))|(?P<init>{_INITIAL})|(?P<word>{_WORD})"
    )
    _CIVILITY = alternation(g.civilities_singular + g.civilities_plural + g.doctor_titles)
    _CIVILITY_PREFIX_RE = regex.compile(rf"(?:{_CIVILITY}|{alternation(g.lawyer_titles)}){_SEP}")

    _TITLES = folded_alternation(g.magistrate_titles)
    _SEATED_TITLES = folded_alternation(
        t for t in g.magistrate_titles if not any(t.startswith(p) for p in g.parquet_titles)
    )
    _ORDINAL = g.ordinal or _NOTHING
    _ARTICLE = _phrases(g.title_articles) if g.title_articles else _NOTHING
    _LINE_ARTICLE = _phrases(g.line_title_articles) if g.line_title_articles else _NOTHING
    _AFTER_TITLES = _TITLES + "|" + folded_alternation(g.assisted_by)
    _HEAD_LINK = _phrases(g.title_head_links) if g.title_head_links else _NOTHING
    _TITLE_AFTER_RE = regex.compile(
        rf"[ \t\u00a0]*(?:,\s*|-|–|\(|:)?[ \t\u00a0]*(?:{_AND}{_SEP})?(?:{_ARTICLE}{_SEP}?)?"
        rf"(?:{_ORDINAL}{_SEP})?(?P<title>{_AFTER_TITLES})(?:\b|(?<=['’]))(?![-‐])"
        rf"(?P<job>{_SEP}(?:{folded_alternation(g.non_court_title_tails)})\b)?"
        rf"(?P<head>{_SEP}{_HEAD_LINK}{_HSPACE}*"
        rf"(?!{folded_alternation(g.court_bodies)}))?",
        regex.IGNORECASE,
    )
    _ASSISTED_RE = regex.compile(folded_alternation(g.assisted_by), regex.IGNORECASE)
    _PLURAL_TITLE_RE = regex.compile(
        rf"[ \t\u00a0]*,?[ \t\u00a0]*{_phrases(g.plural_court_titles) if g.plural_court_titles else _NOTHING}\b",
        regex.IGNORECASE,
    )
    #: Another named item in an enumeration: ``, Mme Y`` or ``et M. Z``.
    _LIST_ITEM_RE = regex.compile(
        rf"[ \t\u00a0]*(?:,|{_AND}|,{_SEP}{_AND}){_SEP}(?:(?:{_CIVILITY}){_SEP})?(?P<run>{_RUN})"
    )
    _LIST_ITEM_NO_CIV_RE = regex.compile(rf"[ \t\u00a0]*(?:,|{_AND}|,{_SEP}{_AND}){_SEP}(?P<run>{_RUN})")
    #: The next name of a civil-status listing: ``Madame DUPONT, Marie, Jeanne``.
    _PLACE_START = _phrases(g.place_starts) if g.place_starts else _NOTHING
    _COMMA_ITEM_RE = regex.compile(rf"[ \t\u00a0]*,{_SEP}(?!(?i:{_PLACE_START})\b)(?P<run>{_RUN})")
    _AFTER_ANCHOR_RE = regex.compile(rf"(?:{_SEP}|[ \t]*\r?\n[ \t]*)(?P<run>{_RUN})")
    #: The rest of a name that a line break cut after its first part (``M. Jean\nDupont``),
    #: followed by what ends a name in running text.
    _WRAPPED_RUN_RE = regex.compile(
        rf"[ \t\u00a0]*\r?\n[ \t\u00a0]*(?P<run>{_RUN})(?=[ \t\u00a0]*(?:[,;.:()]|\r?\n|\Z|[ \t\u00a0]+\p{{Ll}}))"
    )
    _LEAD_RE = regex.compile(
        rf"(?:{folded_alternation(g.magistrate_leads)})[ \t\u00a0]*\Z", regex.IGNORECASE
    )
    _LAWYER_WORD = _phrases(g.lawyer_words) if g.lawyer_words else _NOTHING
    _NOT_LAWYER = folded_alternation(g.lawyer_word_not_before)
    _LAWYER_AFTER_RE = regex.compile(
        rf"[ \t\u00a0]*,?[ \t\u00a0]*{_LAWYER_WORD}\b(?!{_SEP}{_NOT_LAWYER})",
        regex.IGNORECASE,
    )
    _MAGISTRATE_CUE_RE = regex.compile(
        rf"[ \t\u00a0]*,?[ \t\u00a0]*(?:{folded_alternation(g.magistrate_cues_after)})\b", regex.IGNORECASE
    )
    _LAWYER_CUE_RE = regex.compile(rf"\b(?:{folded_alternation(g.lawyer_cues)})", regex.IGNORECASE)
    _OFFICER_CUE_RE = regex.compile(
        rf"(?:{folded_alternation(g.non_lawyer_officer_cues)})", regex.IGNORECASE
    )
    _FIRM_FORM = alternation(g.law_firm_forms)
    _FIRM_ENDS = "|".join(rf"{_SEP}{re.escape(w)}" for w in g.firm_ends)
    #: What may follow a lawyer's name and still be part of the lawyer span
    #: (``de la SELARL DURAND ET ASSOCIES``, ``pour le cabinet X``).
    _FIRM_TAIL_RE = regex.compile(
        rf",?{_SEP}{_phrases(g.firm_links) if g.firm_links else _NOTHING}"
        rf"{_SEP}(?:{_FIRM_FORM}|{'|'.join(map(re.escape, g.firm_link_forms)) or _NOTHING})"
        rf"{_SEP}[^\n,;()]{{1,60}}?(?=[ \t\u00a0]*(?:,|;|\(|\n|${'|' + _FIRM_ENDS if _FIRM_ENDS else ''}))"
    )
    #: A law firm's name: name words joined by commas, conjunctions, ``&`` or hyphens.
    _PARTNER_WORD = _phrases(g.firm_partner_words) if g.firm_partner_words else _NOTHING
    _FIRM_NAME = (
        rf"{_WORD}(?:(?:{_SEP}|,{_SEP}|{_SEP}(?:{_AND}|&|-|–){_SEP}|{_SEP}(?:{_PARTICLE}){_SEP})"
        # lazy: stop at the first lawyer word; bounded: a firm names a handful of partners
        rf"(?:{_WORD}|{_PARTNER_WORD})){{0,15}}?"
    )
    _FIRM_RE = regex.compile(
        rf"{_SEP}(?P<firm>{_FIRM_NAME})[ \t\u00a0]*,?[ \t\u00a0]*{_LAWYER_WORD}\b"
        rf"(?!{_SEP}{_NOT_LAWYER})",
        regex.IGNORECASE,
    )

    _ELIDED_OF = _phrases(g.elided_of) if g.elided_of else _NOTHING
    _ANCHOR_RE = re.compile(
        r"(?<![\w.'’-])(?:"
        rf"(?P<civ>{_CIVILITY})(?=\s)"
        rf"|(?P<civglued>{alternation(g.glued_civilities)})(?={_RE_UPPER}{_RE_LOWER})"
        rf"|(?P<law>{alternation(g.lawyer_titles)})(?=\s)"
        rf"|(?P<firm>{_FIRM_FORM})(?={_HSPACE})"
        rf"|(?P<marital>{alternation(g.marital_words)})(?={_SEP}{_RE_UPPER})"
        rf"|(?P<alias>{alternation(g.alias_words)})(?={_SEP}{_RE_UPPER})"
        rf"|(?P<noun>{alternation(_sentence_case(g.person_nouns))})(?={_SEP}{_RE_UPPER})"
        rf"|(?P<role>{alternation(_sentence_case(g.party_role_nouns))})(?=,{_SEP}{_RE_UPPER})"
        rf"|(?P<elided>(?:{alternation(g.elided_person_nouns)}){_SEP}{_ELIDED_OF})(?={_RE_UPPER})"
        r")"
    )

    _PLURAL_ANCHORS = frozenset(g.civilities_plural) | frozenset(g.plural_person_nouns)
    _COMMA_TITLE_RE = re.compile(
        rf",\s*(?:{_ARTICLE}[ \t\u00a0]*)?(?:{_ORDINAL}[ \t\u00a0]+)?"
        rf"(?:(?P<court>{_AFTER_TITLES})|(?P<function>{folded_alternation(g.person_functions)}))\b",
        re.IGNORECASE,
    )
    # Lines that name the court: ``Président : M. X``, signature headings, party roles.
    _TITLE_COLON_RE = re.compile(
        rf"(?m)^[ \t\u00a0\-–•*]*(?:{_LINE_ARTICLE}{_SEP})?(?:{_TITLES})s?\b[^:\n]{{0,40}}:",
        re.IGNORECASE,
    )
    _SIGNATURE_LINE_RE = re.compile(
        rf"(?m)^[ \t\u00a0]*(?:(?:{_LINE_ARTICLE}[ \t\u00a0]*)?(?:{_SEATED_TITLES})"
        rf"(?:{_SEP}(?:{folded_alternation(g.signature_title_tails)})[^\n,]{{0,40}})?"
        rf"[ \t\u00a0,;.]*(?:{_AND}[ \t\u00a0]+)?)+$",
        re.IGNORECASE,
    )
    _ROLE_LINE_RE = re.compile(
        rf"(?m)^[ \t\u00a0\-–•*]*(?:{folded_alternation(g.party_roles)})s?(?:[ \t\u00a0]*[:/])?"
        rf"[ \t\u00a0]*$",
        re.IGNORECASE,
    )
    #: One scan finds the lines that may open a court zone or a party; the three
    #: patterns above then check the candidate line.
    _LINE_HEAD_RE = re.compile(
        rf"(?m)^[ \t\u00a0\-–•*]*(?:{_LINE_ARTICLE}[ \t\u00a0]*)?"
        rf"(?:(?P<title>{_TITLES})|(?P<role>{folded_alternation(g.party_roles)}))",
        re.IGNORECASE,
    )
    _NEXT_LINE_RUN_RE = regex.compile(
        rf"\s*?\n[ \t\u00a0\-–•*]*(?:(?:{_CIVILITY}){_SEP})?(?P<run>{_RUN})[ \t\u00a0]*(?:,|\n|$)"
    )
    _ORG_WORDS_RE = regex.compile(rf"\b(?:{folded_alternation(g.organisation_words)})\b", regex.IGNORECASE)
    #: What may stand between two names of a court zone (``M. X, Mme Y et Z``).
    _ZONE_GAP_RE = regex.compile(
        rf"(?:[\s,:;\-–•*]|{_AND}\b|(?:{_CIVILITY})(?=\s))*\Z"
    )
    #: What may follow a name in a court zone: end of line, a comma, a title.
    _ZONE_END_RE = regex.compile(rf"[ \t\u00a0]*(?:,|;|\.|\r?\n|\Z|{_AND}\b|(?:{_TITLES})\b)", regex.IGNORECASE)

    # a word in capitals, its elision glued (``D'ALMEIDA``)
    _ELIDED_CAPS = "".join(sorted({p[:1].upper() for p in g.elided_particles if p[:1].isalpha()}))
    _CAPS = (rf"(?:[{_ELIDED_CAPS}]{_APOS})?" if _ELIDED_CAPS else "") + rf"{_RE_UPPER}{_RE_UPPER}+(?:[-‐'’]{_RE_UPPER}+)*"
    _CAPS_PARTICLE = alternation(g.capital_particles)
    _BARE_RE = regex.compile(
        # the lookahead lets the engine skip to capitals (the same match, found faster)
        rf"(?=[\p{{Lu}}¿\ufffd])(?<![\w.'’-])(?:"
        rf"{_CAP}(?:{_SEP}{_CAP})?{_SEP}(?:{_CAPS_PARTICLE}{_SEP})?{_CAPS}(?:{_SEP}{_CAPS})?"
        rf"|{_CAPS}(?:{_SEP}{_CAPS})?{_SEP}{_CAP}"
        rf")(?![\w¿])"
    )
    _NOT_BEFORE_INITIALS_RE = regex.compile(
        rf"\b(?:{alternation(g.not_before_initials)})\.?[ \t\u00a0]*\Z", regex.IGNORECASE
    )

    #: A firm named after its partners: ``la société Anne Morel, Paul Kerbrat et Yves Le Gall``
    #: (two or more ``First Last`` items after a company form).
    _PARTNER_ITEM = rf"{_CAP}{_SEP}(?:{_CAP}|{_CAPS})(?:{_SEP}(?:{_CAP}|{_CAPS}))?"
    _PARTNERS_RE = regex.compile(
        rf"(?<![\w.])(?i:{folded_alternation(g.company_forms)}){_SEP}"
        rf"(?P<items>{_PARTNER_ITEM}(?:[ \t\u00a0]*,{_SEP}{_PARTNER_ITEM})*(?:,?{_SEP}{_AND}{_SEP}{_PARTNER_ITEM})?)"
        rf"(?=[ \t\u00a0]*[,;.)\n])"
    )
    #: Three or more ``First Last`` items with no anchor (``arrestation de Anne Morel, Paul
    #: Kerbrat et Yves Le Gall``): a list of persons, when no word is a common word.
    _NAME_LIST_RE = regex.compile(
        rf"(?<![\w.'’\-])(?P<items>{_PARTNER_ITEM}(?:[ \t\u00a0]*,{_SEP}{_PARTNER_ITEM}){{1,}}"
        rf",?{_SEP}{_AND}{_SEP}{_PARTNER_ITEM})(?![\w¿])"
    )
    #: Where a list of names may end: ``, First Last`` or ``et First Last``.
    _LIST_TAIL_RE = re.compile(rf"(?:,|\b{_AND})[ \t\u00a0]+{_CAP}[ \t\u00a0]+{_RE_UPPER}")
    #: Words that start town names (``Saint Denis, Saint Ouen et Saint Cloud``), folded.
    _TOWN_STARTS = frozenset(fold(w) for w in g.town_name_starts)
    _PARTICLES_FOLDED = frozenset(fold(p) for p in g.name_particles)
    _PARTNER_SPLIT_RE = regex.compile(rf"[ \t\u00a0]*,{_SEP}|,?{_SEP}{_AND}{_SEP}")
    #: Company forms written as letters with dots (``S.A.R.L.``), folded without the dots.
    _FORM_LETTERS = frozenset(fold(f).replace(".", "") for f in g.company_forms + g.law_firm_forms
                              if "." in f or f.isupper())
    _COMPANY_BEFORE_RE = regex.compile(
        rf"(?:^|[\s(])(?:{folded_alternation(g.company_forms)})[ \t\u00a0]+\Z", regex.IGNORECASE
    )
    #: ``X contre Y``: a case caption, whose names are parties.
    _CAPTION_RE = re.compile(
        rf"[ \t\u00a0]+{_phrases(g.caption_words) if g.caption_words else _NOTHING}[ \t\u00a0]", re.IGNORECASE)
    #: ``né le``, ``née à``, ``nés en`` right after a name (the name is before it).
    _BORN_AFTER_RE = re.compile(rf"(?<=[ \t\u00a0]){g.born_after or _NOTHING}")
    #: A party's act, after its name at the start of a sentence (``Paul Kerbrat a formé un
    #: pourvoi``): the criminal chamber names the accused without a civility.
    _PARTY_VERB_RE = re.compile(rf"(?<=[ \t\u00a0]){g.party_acts or _NOTHING}")

    # words the rules compare with
    _CIVILITY_WORDS = frozenset(g.civilities_singular + g.civilities_plural)
    _PLURAL_CIVILITIES = frozenset(g.civilities_plural)
    _DOCTOR_TITLES = frozenset(g.doctor_titles)
    _PLACEHOLDERS = frozenset(g.placeholder_letters)
    _ELISIONS = frozenset(p.lower() for p in g.elided_particles)
    _PARTNER_FIRM_FORMS = frozenset(g.partner_firm_forms)
    _CONJUNCTIONS = frozenset(g.conjunctions)
    _HEADING_TITLES = tuple(g.heading_title_prefixes)
    _NOT_NAMES = g.not_names
    _NOT_SURNAMES = g.not_surnames

    namespace = {k: v for k, v in locals().items() if k.startswith("_") and k.isupper() or k[:1] == "_" and k[1:2].isupper()}
    # Every regex runs under the decision's time budget (judanon.text.limits). Full-text scans
    # that are literal alternations (no group that could backtrack) keep the stdlib engine:
    # the word lists are scanned several times faster there.
    timed_module_patterns(namespace, linear=("_ANCHOR_RE", "_LINE_HEAD_RE", "_LIST_TAIL_RE", "_BORN_AFTER_RE",
                                             "_CAPTION_RE"))
    return types.SimpleNamespace(**{k[1:]: v for k, v in namespace.items()})


def _list_around(pattern, text: str, pos: int, start: int, end: int):
    """The match of ``pattern`` in ``text[start:end]`` whose items hold ``pos``."""
    for m in pattern.finditer(text, start, end):
        if m.start("items") <= pos < m.end("items"):
            return m
        if m.start() > pos:
            return None
    return None


@functools.lru_cache(maxsize=65536)
def _folded_word(word: str) -> str:
    return fold(word).strip(".")


def _is_caps(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


def _not_a_name(p, word: str) -> bool:
    return _folded_word(word) in (p.NOT_SURNAMES if _is_caps(word) else p.NOT_NAMES)


@attrs.frozen(slots=True)
class NameRun:
    """The name parts (``(start, end)`` pairs) of one run of name words."""

    parts: Tuple[Tuple[int, int], ...]
    start: int
    end: int


_EMPTY = NameRun((), 0, 0)


def name_parts(text: str, start: int, end: int, *, strip_leading: bool = False,
               grammar: "PersonGrammar | None" = None) -> NameRun:
    """Split ``text[start:end]`` into name parts, as Label annotates them.

    ``grammar``: the words of the language (default: those of the default profile).

    First names and initials are one part each; from the first particle on, the
    surname is one part (``de La Fontaine``). The run stops before a word that
    is never a name (``Président``, ``Attendu``). With ``strip_leading``, such
    words and prepositions at the start (``Assistée de ...``) are skipped instead.
    """
    return _name_parts(compiled(grammar or default_grammar()), text, start, end, strip_leading)


def _name_parts(p, text: str, start: int, end: int, strip_leading: bool = False) -> NameRun:
    civ = p.CIVILITY_PREFIX_RE.match(text, start, end)
    if civ:  # "M. Jean" read backwards from a title: the civility is no name
        start = civ.end()
    parts: List[Tuple[int, int]] = []
    group_start = -1  # set once a particle opens the surname
    group_end = start
    pending_particle = -1
    leading = strip_leading
    for m in p.TOKEN_RE.finditer(text, start, end):
        kind = m.lastgroup
        if kind == "part":
            if pending_particle < 0:
                pending_particle = m.start()
            continue
        word = m.group()
        w_start, w_end = m.start(), m.end()
        if leading and not parts and group_start < 0 and p.CIVILITY_PREFIX_RE.match(text, w_start, end):
            pending_particle = -1  # "rapport de M. Durand": neither "de" nor "M." is a name
            continue
        if kind == "word" and len(word) == 1 and word.isupper() and word not in p.PLACEHOLDERS \
                and not text[w_end:w_end + 1].isalnum():
            kind = "init"  # "le témoin T", "Mme B a déclaré": an initial without its dot
        if kind == "word":
            if len(word) < 2 or _not_a_name(p, word):
                # a lone capital is a placeholder (M. X), not a name
                if leading and not parts and group_start < 0:
                    pending_particle = -1
                    continue
                break
            if leading and not parts and word[:2].lower() in p.ELISIONS:
                w_start += 2  # "assistée d'Anne": the elision belongs to the sentence
        else:
            if fold(word).replace(".", "").replace("-", "") in p.FORM_LETTERS:
                break  # "S.A.R.L.", "S.C.P.": a company form, not initials
            w_end = m.end() - (text[m.end() - 1] == ".")  # an initial: "J.-P", not its last dot
        if group_start >= 0:
            group_end = w_end
            pending_particle = -1
            continue
        if pending_particle >= 0:
            if leading and not parts and text[pending_particle].islower():
                pending_particle = -1  # "de Clémence": a preposition, not a particle
            else:
                group_start, group_end = pending_particle, w_end
                pending_particle = -1
                leading = False
                continue
        leading = False
        parts.append((w_start, w_end))
    if group_start >= 0:
        parts.append((group_start, group_end))
    if not parts:
        return _EMPTY
    return NameRun(tuple(parts), parts[0][0], parts[-1][1])


def propagation_extras(text: str) -> Tuple[Span, ...]:
    """Nothing: propagating a name to its other occurrences is done in ``resolve``."""
    return ()


def _line_bounds(text: str, pos: int) -> Tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _court_zones(p, text: str, title_lines: Iterable[int]) -> Tuple[Tuple[int, int], ...]:
    """Ranges where any name is a member of the court: after ``Président :`` and
    on the lines next to a signature heading (``Le Greffier    Le Président``)."""
    ranges: List[Tuple[int, int]] = []
    for line_start in title_lines:
        colon = p.TITLE_COLON_RE.match(text, line_start, line_start + _NEAR)
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
        m = p.SIGNATURE_LINE_RE.match(text, line_start, line_start + _NEAR)
        if not m or not m.group().strip():
            continue
        # the signatories' names: the next two non-empty lines, or the line above
        pos, found = m.end(), 0
        while found < 2 and pos < len(text):
            line_start, line_end = _line_bounds(text, pos + 1)
            if line_start <= pos:
                break
            if text[line_start:line_end].strip():
                if p.SIGNATURE_LINE_RE.match(text, line_start, line_end):
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

    def __init__(self, grammar: "PersonGrammar | None" = None, lexicon=None, *, profile: str = "fr"):
        """``grammar``: the words of the language; ``None`` takes those of the pack of
        ``profile`` (``judanon.packs.<profile>.person_grammar()``)."""
        if grammar is not None and not isinstance(grammar, PersonGrammar):
            raise ArgumentTypeError(f"grammar must be a PersonGrammar, not {type(grammar).__name__} (a name "
                            "lexicon goes as lexicon=...; a pack's grammar: pack_module(code).person_grammar())")
        self.grammar = grammar if grammar is not None else default_grammar(profile)
        self._p = compiled(self.grammar)
        #: first names, to read civil-status listings; the shipped lexicon by default
        self._lexicon = lexicon

    def __getstate__(self):  # the compiled patterns are rebuilt from the grammar's words
        return {"grammar": self.grammar, "_lexicon": self._lexicon}

    def __setstate__(self, state):
        self.grammar = state["grammar"]
        self._lexicon = state["_lexicon"]
        self._p = compiled(self.grammar)

    @property
    def lexicon(self):
        if self._lexicon is None:
            from judanon.text.lexicons import default_lexicon

            self._lexicon = default_lexicon()
        return self._lexicon

    def detect(self, text: str) -> List[Span]:
        p = self._p
        found: Dict[Tuple[int, int], Span] = {}
        lawyers: List[Tuple[int, int]] = []
        anchored = set()
        title_lines, role_lines = [], []
        for m in p.LINE_HEAD_RE.finditer(text):
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

        for m in p.ANCHOR_RE.finditer(text):
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
        return spans

    # --- context ----------------------------------------------------------------

    def _court_title_at(self, text: str, pos: int):
        p = self._p
        m = p.TITLE_AFTER_RE.match(text, pos, pos + _NEAR)
        if m and not m.group("job") and not (
            m.group("head") and fold(m.group("title")).startswith(p.HEADING_TITLES)
        ):
            return m
        return None

    def _classify(self, text: str, anchor: int, run: NameRun, zones) -> Tuple[str, str]:
        """Label of a run named at ``anchor`` (its civility, or its own start)."""
        p = self._p
        if self._court_title_at(text, run.end):
            return MAGISTRAT_GREFFIER, "title_after"
        if p.MAGISTRATE_CUE_RE.match(text, run.end, run.end + _NEAR):
            return MAGISTRAT_GREFFIER, "report_after"
        if p.LAWYER_AFTER_RE.match(text, run.end, run.end + _NEAR):
            return AVOCAT, "avocat_after"
        # "M. X, Mme Y, conseillers": a plural title closes the enumeration
        pos = run.end
        for _ in range(4):
            item = p.LIST_ITEM_RE.match(text, pos, pos + _NEAR)
            if not item:
                break
            pos = item.end()
            if p.PLURAL_TITLE_RE.match(text, pos, pos + _NEAR):
                return MAGISTRAT_GREFFIER, "title_after_list"
            if p.TITLE_AFTER_RE.match(text, pos, pos + _NEAR):
                break
        if p.CAPTION_RE.match(text, run.end, run.end + _NEAR):
            # "Mme X contre M. LE PREFET": the caption of the case names the parties
            return PERSONNE_PHYSIQUE, "caption"
        if _in_ranges(zones, anchor):
            return MAGISTRAT_GREFFIER, "court_zone"
        if p.LEAD_RE.search(text, max(0, anchor - 30), anchor):
            return MAGISTRAT_GREFFIER, "court_lead"
        return PERSONNE_PHYSIQUE, ""

    # --- rules ------------------------------------------------------------------

    def _after_civility(self, text, m, zones, emit):
        p = self._p
        civ = m.group()
        if m.lastgroup == "civglued":
            nxt = p.RUN_RE.match(text, m.end(), m.end() + _NEAR)
            span = nxt.span() if nxt else None
        else:
            nxt = p.AFTER_ANCHOR_RE.match(text, m.end(), m.end() + _NEAR)
            span = nxt.span("run") if nxt else None
        if not span:
            return
        run = _name_parts(p, text, *span)
        if not run.parts:
            return
        label, why = self._classify(text, m.start(), run, zones)
        evidence = ("doctor" if civ in p.DOCTOR_TITLES else "civility") + ("+" + why if why else "")
        emit(run, label, 0.95, evidence)
        if len(run.parts) == 1 and label != AVOCAT:
            self._wrapped_name(text, run, label, evidence, emit)
        if civ in p.PLURAL_CIVILITIES:
            self._list_continuation(text, run.end, label, 0.9, evidence + "_list", emit)
        elif label == PERSONNE_PHYSIQUE:
            self._first_name_list(text, run.end, emit)

    def _wrapped_name(self, text, run, label, evidence, emit):
        """``M. Jean\\nDupont``: exported decisions break lines anywhere, also inside a
        name; a one-part name that ends its line goes on with the name words that start
        the next one, when running text follows them (a comma, a lowercase word)."""
        p = self._p
        nxt = p.WRAPPED_RUN_RE.match(text, run.end, run.end + _NEAR)
        if not nxt or p.CIVILITY_PREFIX_RE.match(text, nxt.start("run"), nxt.start("run") + _NEAR):
            return
        more = _name_parts(p, text, nxt.start("run"), nxt.end("run"))
        if more.parts:
            emit(more, label, 0.9, evidence + "+line_break")

    def _first_name_list(self, text, pos, emit):
        """``Madame Hugues, Valérie, Chantal Jacques``: the civil-status way of giving
        every first name, one comma apart. Each item must hold a known first name (a
        town such as ``Saint Dominique`` or a title after the comma ends the listing)."""
        p = self._p
        lexicon = self.lexicon
        for _ in range(6):
            item = p.COMMA_ITEM_RE.match(text, pos, pos + _NEAR)
            if not item or p.CIVILITY_PREFIX_RE.match(text, item.start("run"), item.start("run") + _NEAR):
                return
            more = _name_parts(p, text, item.start("run"), item.end("run"))
            if not any(lexicon.is_first_name(text[a:b]) for a, b in more.parts):
                return
            if self._court_title_at(text, more.end) or p.LAWYER_AFTER_RE.match(text, more.end, more.end + _NEAR):
                return
            emit(more, PERSONNE_PHYSIQUE, 0.9, "civility_first_names")
            pos = more.end

    def _list_continuation(self, text, pos, label, score, evidence, emit):
        p = self._p
        for _ in range(8):
            item = p.LIST_ITEM_NO_CIV_RE.match(text, pos, pos + _NEAR)
            if not item or p.CIVILITY_PREFIX_RE.match(text, item.start("run"), item.start("run") + _NEAR):
                return  # a new civility is an anchor of its own
            more = _name_parts(p, text, item.start("run"), item.end("run"))
            if not more.parts:
                return
            emit(more, label, score, evidence)
            pos = more.end

    def _after_lawyer_title(self, text, m, emit):
        p = self._p
        nxt = p.AFTER_ANCHOR_RE.match(text, m.end(), m.end() + _NEAR)
        if not nxt:
            return
        run = _name_parts(p, text, nxt.start("run"), nxt.end("run"))
        if not run.parts:
            return
        tail = text[run.end:min(_line_bounds(text, run.end)[1], run.end + 160)]
        officer = p.OFFICER_CUE_RE.search(tail)
        lawyer = p.LAWYER_CUE_RE.search(tail)
        if officer and (not lawyer or officer.start() < lawyer.start()):
            # a judicial agent or a notary acting in the case: a person of the case
            emit(run, PERSONNE_PHYSIQUE, 0.85, "maitre_officer")
            return
        end = run.end
        firm = p.FIRM_TAIL_RE.match(text, end, end + _NEAR)
        if firm:
            end = firm.end()
        emit(NameRun(((run.start, end),), run.start, end), AVOCAT, 0.95 if lawyer else 0.8, "maitre")

    def _law_firm(self, text, m, emit):
        p = self._p
        fm = p.FIRM_RE.match(text, m.end(), m.end() + _NEAR)
        if fm:
            s, e = fm.span("firm")
            emit(NameRun(((s, e),), s, e), AVOCAT, 0.9, "law_firm")
            return
        if m.group() in p.PARTNER_FIRM_FORMS:
            # a professional firm named after its partners, not acting as counsel here
            nxt = p.AFTER_ANCHOR_RE.match(text, m.end(), m.end() + _NEAR)
            if nxt:
                run = _name_parts(p, text, nxt.start("run"), nxt.end("run"))
                if run.parts and not any(_is_caps(text[s:e]) for s, e in run.parts):
                    emit(run, PERSONNE_PHYSIQUE, 0.6, "firm_partner", 1)

    def _after_role_noun(self, text, m, emit):
        """``le requérant, Ahmet Yılmaz, ...``: a name of two words or more in apposition,
        closed by a comma or a parenthesis."""
        p = self._p
        nxt = p.AFTER_ANCHOR_RE.match(text, m.end() + 1, m.end() + 1 + _NEAR)  # past the comma
        if not nxt:
            return
        run = _name_parts(p, text, *nxt.span("run"))
        if len(run.parts) < 2 or not _APPOSITION_END_RE.match(text, run.end, run.end + _NEAR):
            return
        emit(run, PERSONNE_PHYSIQUE, 0.85, "role_apposition")

    def _after_person_word(self, text, m, kind, emit):
        p = self._p
        if kind == "elided":
            nxt = p.RUN_RE.match(text, m.end(), m.end() + _NEAR)
            span = nxt.span() if nxt else None
        else:
            nxt = p.AFTER_ANCHOR_RE.match(text, m.end(), m.end() + _NEAR)
            span = nxt.span("run") if nxt else None
        if not span:
            return
        run = _name_parts(p, text, *span)
        if not run.parts:
            return
        emit(run, PERSONNE_PHYSIQUE, 0.9, kind)
        if kind == "marital":
            # "Anne PETIT épouse DURAND": the name before the word is the same person's
            line_start = _line_bounds(text, m.start())[0]
            before = p.RUN_AT_END_RE.search(text, max(line_start, m.start() - 80), m.start())
            if before:
                prev = _name_parts(p, text, before.start(), before.end(), strip_leading=True)
                if prev.parts:
                    emit(prev, PERSONNE_PHYSIQUE, 0.85, "marital_before")
        if m.group() in p.PLURAL_ANCHORS or m.group().lower() in p.PLURAL_ANCHORS:
            self._list_continuation(text, run.end, PERSONNE_PHYSIQUE, 0.85, kind + "_list", emit)

    def _partners(self, text, emit):
        """A firm named after two or more partners: each ``First Last`` is a person; so is
        each item of a list of three or more with no anchor whose words are all names."""
        p = self._p
        # both lists end with "et First Last" or ", First Last": tried only near such an
        # item, found by a cheap scan, rather than at every capital of the decision
        last_end = 0
        for hit in p.LIST_TAIL_RE.finditer(text):
            if hit.start() < last_end:
                continue
            window = (max(0, hit.start() - _LIST_WINDOW), hit.end() + _LIST_WINDOW)
            for pattern, evidence in ((p.PARTNERS_RE, "partners"), (p.NAME_LIST_RE, "name_list")):
                m = _list_around(pattern, text, hit.start(), *window)
                if m is None:
                    continue
                last_end = m.end()
                if evidence == "partners" and self._all_names(text, *m.span("items"), common_words=False):
                    self._name_items(text, *m.span("items"), emit, evidence, 2)
                elif evidence == "name_list" and self._all_names(text, *m.span("items"), p.TOWN_STARTS):
                    self._name_items(text, *m.span("items"), emit, evidence, 3)
                break

    def _all_names(self, text, a, b, not_first=frozenset(), common_words=True) -> bool:
        """No word of ``text[a:b]`` (but ``et`` and particles) is never a name, a common word
        (``common_words``: when no company form anchors the list), nor, folded, in
        ``not_first`` (words that start towns' names)."""
        p = self._p
        lexicon = self.lexicon if common_words else None
        words = [w for w in regex.findall(r"[\w¿\ufffd'’\-]+", text[a:b])
                 if w not in p.CONJUNCTIONS and fold(w) not in p.PARTICLES_FOLDED]
        return not any(_not_a_name(p, w) or (lexicon is not None and lexicon.is_common_word(w))
                       or fold(w) in not_first for w in words)

    def _name_items(self, text, a, b, emit, evidence, at_least):
        """Each ``First Last`` item of ``text[a:b]`` (``,``/``et``-separated) is a person,
        when there are at least ``at_least`` items."""
        p = self._p
        items, pos = [], a
        for sep in p.PARTNER_SPLIT_RE.finditer(text, a, b):
            items.append((pos, sep.start()))
            pos = sep.end()
        items.append((pos, b))
        if len(items) < at_least:
            return
        for s, e in items:
            run = _name_parts(p, text, s, e)
            if len(run.parts) >= 2:
                emit(run, PERSONNE_PHYSIQUE, 0.85, evidence)

    def _bare_initials(self, text, emit):
        """``J.-P. M. a confirmé``: a first name's and a surname's initials together name
        a person, unless a reference word stands before them (``article L. R.``)."""
        p = self._p
        for m in _TWO_INITIALS_RE.finditer(text):
            if m.group("first") in p.CIVILITY_WORDS:
                continue  # "M. D.": the civility rule reads it
            if p.NOT_BEFORE_INITIALS_RE.search(text, max(0, m.start() - 12), m.start()):
                continue
            emit(NameRun(((m.start("first"), m.end("first") - 1), (m.start("last"), m.end("last") - 1)),
                         m.start(), m.end() - 1), PERSONNE_PHYSIQUE, 0.8, "initials")

    def _names_before_titles(self, text, emit):
        """``Anne DURAND, greffière``: names right before a court title."""
        p = self._p
        for m in p.COMMA_TITLE_RE.finditer(text):
            court = m.lastgroup == "court"
            if court and not self._court_title_at(text, m.start()):
                continue
            line_start = _line_bounds(text, m.start())[0]
            before = p.RUN_AT_END_RE.search(text, max(line_start, m.start() - 80), m.start())
            if not before:
                continue
            run = _name_parts(p, text, before.start(), before.end(), strip_leading=True)
            if court and p.ASSISTED_RE.fullmatch(m.group("court")) and len(run.parts) < 2:
                continue  # "tribunal de Meaux, assisté de": a place, not the judge
            if court and run.parts:
                emit(run, MAGISTRAT_GREFFIER, 0.9, "title_after")
            elif len(run.parts) >= 2:
                # "Lucas Morel, interprète": two name words before a function of a person
                emit(run, PERSONNE_PHYSIQUE, 0.85, "function_after")

    def _names_before_birth(self, text, emit):
        """``Laure née le 11 juillet 1999``: a name right before a birth."""
        p = self._p
        for m in p.BORN_AFTER_RE.finditer(text):
            line_start = _line_bounds(text, m.start())[0]
            window = max(line_start, m.start() - 80)
            end = _BEFORE_BORN_RE.search(text, window, m.start()).start()
            before = p.RUN_AT_END_RE.search(text, window, end)
            if not before:
                continue
            run = _name_parts(p, text, before.start(), before.end(), strip_leading=True)
            if run.parts:
                emit(run, PERSONNE_PHYSIQUE, 0.85, "birth_after")

    def _names_before_party_verbs(self, text, emit):
        """``Paul Kerbrat a formé un pourvoi``: two or more name words opening a sentence
        whose verb is a party's act. None may be a common word that is no name
        (``Axa France``); ``Jean`` or ``Rose`` may."""
        p = self._p
        lexicon = self.lexicon
        for m in p.PARTY_VERB_RE.finditer(text):
            line_start = _line_bounds(text, m.start())[0]
            window = max(line_start, m.start() - 80)
            before = p.RUN_AT_END_RE.search(text, window, m.start())
            if not before or not _SENTENCE_START_RE.search(text, max(0, before.start() - 12), before.start()):
                continue
            run = _name_parts(p, text, before.start(), before.end())
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
            for m in p.RUN_RE.finditer(text, s, e):
                if not p.ZONE_GAP_RE.match(text, pos, m.start()):
                    break
                run = _name_parts(p, text, m.start(), m.end())
                if not run.parts or not p.ZONE_END_RE.match(text, run.end, run.end + _NEAR):
                    break
                emit(run, MAGISTRAT_GREFFIER, 0.85, "court_zone")
                pos = m.end()

    def _role_headers(self, text, role_lines, emit):
        """``APPELANT :`` then, on the next line, the party's name."""
        p = self._p
        for line_start in role_lines:
            m = p.ROLE_LINE_RE.match(text, line_start, line_start + _NEAR)
            if not m:
                continue
            nxt = p.NEXT_LINE_RUN_RE.match(text, m.end(), m.end() + _NEAR)
            if not nxt:
                continue
            line = text[slice(*_line_bounds(text, nxt.start("run")))]
            if p.ORG_WORDS_RE.search(line):
                continue
            run = _name_parts(p, text, nxt.start("run"), nxt.end("run"))
            # a first name in lower case letters tells a person from "BNP PARIBAS"
            if len(run.parts) >= 2 and not all(_is_caps(text[a:b]) for a, b in run.parts):
                emit(run, PERSONNE_PHYSIQUE, 0.8, "party_role_header")

    def _bare_names(self, text, zones, emit, anchored):
        """``Jean-Pierre DURAND`` / ``DURAND Jean-Pierre`` with no anchor."""
        p = self._p
        for m in p.BARE_RE.finditer(text):
            s, e = m.span()
            if s in anchored or any(_not_a_name(p, w) for w in m.group().split()):
                continue
            if p.COMPANY_BEFORE_RE.search(text, max(0, s - 40), s):
                continue  # "la société BTA Insurance": a company name
            run = _name_parts(p, text, s, e)
            if len(run.parts) < 2:
                continue
            label, why = self._classify(text, s, run, zones)
            if label == AVOCAT:
                continue  # lawyers are taken whole from their own anchors
            if label == PERSONNE_PHYSIQUE:
                emit(run, label, 0.75, "first_name_surname", 1)
            else:
                emit(run, label, 0.85, "first_name_surname+" + why)


# The module's own patterns run under the decision's time budget too (judanon.text.limits).
timed_module_patterns(globals())
